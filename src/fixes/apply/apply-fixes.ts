/**
 * Apply a batch of proposed fixes to a space: validate, dedupe, resolve conflicts, then
 * compile and apply each fix in a stable order against the space as it stands, keeping it
 * only when the result passes the schema and the invariants. The input is never mutated.
 */
import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import type { z } from 'zod';
import { formatIssue, type ValidationIssue } from '../../errors.js';
import type { WarehouseSchema } from '../../ports.js';
import { checkInvariants } from '../../space/invariants.js';
import { formatPath } from '../../space/json-path.js';
import { SpaceSchema, type Space } from '../../space/schema.js';
import { describeIssue } from '../../space/zod-issues.js';
import { compileFix } from '../compile/compile-fix.js';
import { FixCompileError, type RejectionKind } from '../fix-errors.js';
import { compareFixes, fixKey, fixTarget, invalidFixKey, isExclusive } from '../fix-key.js';
import { checkFixReferences, warehouseColumns } from './references.js';
import { FixSchema, type Fix } from '../fix-types.js';
import { normalizeSqlText } from '../../space/text-pieces.js';
import type { Benchmark } from '../../benchmarks/types.js';
import { limitIssues } from '../../space/limits.js';
import { teaches } from '../../scoring/taught.js';

export interface AppliedFix {
  fix: Fix;
  /** fixKey(fix): stable across runs, for lessons. */
  key: string;
  /** The operations as applied, in order, against the space left by the fixes before it. */
  ops: Operation[];
}

export interface RejectedFix {
  /** The fix as given (for kind `invalid`, whatever the caller passed). */
  fix: Fix;
  /** fixKey(fix); for an invalid fix a key built from its raw JSON. */
  key: string;
  kind: RejectionKind;
  reason: string;
}

export interface ApplyFixesOptions {
  /** The space file, named in validation messages. */
  file: string;
  warehouseSchema?: WarehouseSchema;
  /** Expected SQL of the holdout benchmarks: never allowed to become an example. */
  holdoutSql?: readonly string[];
  /**
   * The benchmarks: an example that would teach a holdout question is always refused, one that
   * would teach a train question (a copy, src/scoring/taught.ts) unless `allowTaughtExamples`.
   */
  benchmarks?: readonly Pick<Benchmark, 'id' | 'question' | 'sql' | 'split'>[];
  allowTaughtExamples?: boolean;
}

export interface ApplyFixesResult {
  space: Space;
  applied: AppliedFix[];
  rejected: RejectedFix[];
}

function describeZodError(error: z.ZodError, input: unknown): string {
  return error.issues
    .map((issue) => {
      const described = describeIssue(issue, input);
      return `${described.path}: ${described.message}`;
    })
    .join('; ');
}

/** Schema and invariant problems of a space, as comparable strings. */
function problemsOf(space: Space, options: ApplyFixesOptions): { keys: string[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const parsed = SpaceSchema.safeParse(space);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.push({ file: options.file, path: formatPath(issue.path), message: describeIssue(issue, space).message });
  }
  issues.push(...checkInvariants(space, { file: options.file, warehouseSchema: options.warehouseSchema }));
  // Paths shift when a list grows, so an issue is identified by its message alone.
  return { keys: issues.map((issue) => issue.message), issues };
}

/** Issues of `after` that `before` did not have (by message, counting repeats). */
function newProblems(
  before: readonly string[],
  after: { keys: string[]; issues: ValidationIssue[] },
): ValidationIssue[] {
  const remaining = new Map<string, number>();
  for (const key of before) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  return after.issues.filter((issue) => {
    const left = remaining.get(issue.message) ?? 0;
    if (left > 0) {
      remaining.set(issue.message, left - 1);
      return false;
    }
    return true;
  });
}

/** Parse, sort into the stable order, and merge duplicates (their targets are unioned). */
function prepare(inputs: readonly Fix[], rejected: RejectedFix[]): Fix[] {
  const valid: Fix[] = [];
  for (const input of inputs) {
    const parsed = FixSchema.safeParse(input);
    if (parsed.success) valid.push(parsed.data);
    else
      rejected.push({
        kind: 'invalid',
        fix: input,
        key: invalidFixKey(input),
        reason: `invalid fix: ${describeZodError(parsed.error, input)}`,
      });
  }
  const unique = new Map<string, Fix>();
  for (const fix of [...valid].sort(compareFixes)) {
    const key = fixKey(fix);
    const kept = unique.get(key);
    if (kept) kept.targets = [...new Set([...kept.targets, ...fix.targets])];
    else unique.set(key, { ...fix, targets: [...fix.targets] });
  }
  return [...unique.values()];
}

/** Two different fixes for a slot that holds one value: the first in stable order wins. */
function dropConflicts(fixes: readonly Fix[], rejected: RejectedFix[]): Fix[] {
  const winners = new Map<string, string>();
  return fixes.filter((fix) => {
    if (!isExclusive(fix)) return true;
    const key = fixKey(fix);
    const target = fixTarget(fix);
    const winner = winners.get(target);
    if (winner === undefined) {
      winners.set(target, key);
      return true;
    }
    rejected.push({ kind: 'conflict', fix, key, reason: `conflicts with ${winner}` });
    return false;
  });
}

/**
 * Fixes are typed, but they may come from parsed LLM output, so each is validated again;
 * an invalid one is rejected with kind `invalid`, the zod path and the message.
 */
export function applyFixes(space: Space, fixes: readonly Fix[], options: ApplyFixesOptions): ApplyFixesResult {
  const rejected: RejectedFix[] = [];
  const applied: AppliedFix[] = [];
  const candidates = dropConflicts(prepare(fixes, rejected), rejected);
  const warehouse = options.warehouseSchema ? warehouseColumns(options.warehouseSchema) : undefined;
  const holdout = new Set((options.holdoutSql ?? []).map(normalizeSqlText));

  let current = structuredClone(space);
  let baseline = problemsOf(current, options).keys;

  for (const fix of candidates) {
    const key = fixKey(fix);
    const reject = (kind: RejectionKind, reason: string): void => {
      rejected.push({ kind, fix, key, reason });
    };

    const unknown = checkFixReferences(current, fix, warehouse);
    if (unknown) {
      reject('unknown_reference', unknown);
      continue;
    }
    if (fix.type === 'add_example_query' && holdout.has(normalizeSqlText(fix.sql))) {
      reject('holdout_sql', "holdout SQL never becomes an example: this is a holdout benchmark's expected SQL");
      continue;
    }
    const copyOf = fix.type === 'add_example_query' ? copiedBenchmarks(fix, options) : undefined;
    if (copyOf?.holdout.length) {
      reject(
        'holdout_sql',
        `holdout questions never become examples: this example would teach ${copyOf.holdout.join(', ')}`,
      );
      continue;
    }
    if (copyOf?.train.length && !options.allowTaughtExamples) {
      reject(
        'taught_copy',
        `this example copies train question(s) ${copyOf.train.join(', ')} (their question or SQL): a copy teaches the answer instead of generalising; copies need --allow-taught-examples`,
      );
      continue;
    }

    let ops: Operation[];
    try {
      ops = compileFix(current, fix);
    } catch (error) {
      if (!(error instanceof FixCompileError)) throw error;
      reject(error.kind, error.message);
      continue;
    }
    if (ops.length === 0) {
      reject('no_op', 'no_op: the space already has what this fix adds');
      continue;
    }

    const next = structuredClone(current);
    try {
      // Validation on; the ops are cloned because applyPatch keeps references to their values.
      jsonpatch.applyPatch(next, structuredClone(ops), true);
    } catch (error) {
      reject(
        'invalid_result',
        `the patch does not apply: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
      continue;
    }
    const problems = problemsOf(next, options);
    const introduced = newProblems(baseline, problems);
    const overLimit = limitIssues(next).filter((issue) => introduced.some((i) => i.message === issue.message));
    if (overLimit.length > 0) {
      reject('over_limit', overLimit.map((issue) => issue.message).join('; '));
      continue;
    }
    if (introduced.length > 0) {
      reject('invalid_result', `the patched space is invalid: ${introduced.map(formatIssue).join('; ')}`);
      continue;
    }
    current = next;
    baseline = problems.keys;
    applied.push({ fix, key, ops });
  }
  return { space: current, applied, rejected };
}

/** The benchmarks an example fix would teach, by split. */
function copiedBenchmarks(
  fix: Extract<Fix, { type: 'add_example_query' }>,
  options: ApplyFixesOptions,
): { train: string[]; holdout: string[] } {
  const benchmarks = options.benchmarks ?? [];
  const parameters = (fix.parameters ?? []).map((p) => ({
    name: p.name,
    type_hint: p.type_hint,
    default_value:
      p.default_value === undefined
        ? undefined
        : { values: Array.isArray(p.default_value) ? p.default_value : [p.default_value] },
  }));
  const ids = new Set(teaches({ question: fix.question, sql: fix.sql, parameters }, benchmarks));
  const of = (split: 'train' | 'holdout') =>
    benchmarks.filter((b) => b.split === split && ids.has(b.id)).map((b) => b.id);
  return { train: of('train'), holdout: of('holdout') };
}
