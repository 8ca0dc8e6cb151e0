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

/** Why a fix was not kept. */
interface Rejection {
  kind: RejectionKind;
  reason: string;
}

/** What every fix of a batch is checked against, fixed for the whole batch. */
interface BatchContext {
  options: ApplyFixesOptions;
  /** Columns by table of the warehouse, when known. */
  warehouse: Map<string, Set<string>> | undefined;
  /** Normalised expected SQL of the holdout benchmarks. */
  holdout: Set<string>;
}

/** The space as the fixes kept so far left it, and the problem keys it already had. */
interface SpaceState {
  space: Space;
  baseline: string[];
}

/** Refusals decided before compiling: unknown names, holdout SQL, and examples that copy benchmarks. */
function refuseBeforeCompile(current: Space, fix: Fix, context: BatchContext): Rejection | undefined {
  const unknown = checkFixReferences(current, fix, context.warehouse);
  if (unknown) return { kind: 'unknown_reference', reason: unknown };
  if (fix.type !== 'add_example_query') return undefined;
  if (context.holdout.has(normalizeSqlText(fix.sql)))
    return {
      kind: 'holdout_sql',
      reason: "holdout SQL never becomes an example: this is a holdout benchmark's expected SQL",
    };
  const copyOf = copiedBenchmarks(fix, context.options);
  if (copyOf.holdout.length)
    return {
      kind: 'holdout_sql',
      reason: `holdout questions never become examples: this example would teach ${copyOf.holdout.join(', ')}`,
    };
  if (copyOf.train.length && !context.options.allowTaughtExamples)
    return {
      kind: 'taught_copy',
      reason: `this example copies train question(s) ${copyOf.train.join(', ')} (their question or SQL): a copy teaches the answer instead of generalising; copies need --allow-taught-examples`,
    };
  return undefined;
}

/** The fix's operations against the current space, or why it compiles to nothing usable. */
function compileOps(current: Space, fix: Fix): Operation[] | Rejection {
  let ops: Operation[];
  try {
    ops = compileFix(current, fix);
  } catch (error) {
    if (!(error instanceof FixCompileError)) throw error;
    return { kind: error.kind, reason: error.message };
  }
  if (ops.length === 0) return { kind: 'no_op', reason: 'no_op: the space already has what this fix adds' };
  return ops;
}

/** The space with the ops applied, kept only when it adds no schema, invariant or limit problem. */
function patchedState(state: SpaceState, ops: Operation[], options: ApplyFixesOptions): SpaceState | Rejection {
  const next = structuredClone(state.space);
  try {
    // Validation on; the ops are cloned because applyPatch keeps references to their values.
    jsonpatch.applyPatch(next, structuredClone(ops), true);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { kind: 'invalid_result', reason: `the patch does not apply: ${message}` };
  }
  const problems = problemsOf(next, options);
  const introduced = newProblems(state.baseline, problems);
  const overLimit = limitIssues(next).filter((issue) => introduced.some((i) => i.message === issue.message));
  if (overLimit.length > 0) return { kind: 'over_limit', reason: overLimit.map((issue) => issue.message).join('; ') };
  if (introduced.length > 0)
    return {
      kind: 'invalid_result',
      reason: `the patched space is invalid: ${introduced.map(formatIssue).join('; ')}`,
    };
  return { space: next, baseline: problems.keys };
}

/** One fix against the space as it stands: the state it leads to with its ops, or why it is refused. */
function tryFix(
  state: SpaceState,
  fix: Fix,
  context: BatchContext,
): { state: SpaceState; ops: Operation[] } | Rejection {
  const refused = refuseBeforeCompile(state.space, fix, context);
  if (refused) return refused;
  const ops = compileOps(state.space, fix);
  if (!Array.isArray(ops)) return ops;
  const next = patchedState(state, ops, context.options);
  return 'kind' in next ? next : { state: next, ops };
}

/**
 * Fixes are typed, but they may come from parsed LLM output, so each is validated again;
 * an invalid one is rejected with kind `invalid`, the zod path and the message.
 */
export function applyFixes(space: Space, fixes: readonly Fix[], options: ApplyFixesOptions): ApplyFixesResult {
  const rejected: RejectedFix[] = [];
  const applied: AppliedFix[] = [];
  const candidates = dropConflicts(prepare(fixes, rejected), rejected);
  const context: BatchContext = {
    options,
    warehouse: options.warehouseSchema ? warehouseColumns(options.warehouseSchema) : undefined,
    holdout: new Set((options.holdoutSql ?? []).map(normalizeSqlText)),
  };
  const start = structuredClone(space);
  let state: SpaceState = { space: start, baseline: problemsOf(start, options).keys };
  for (const fix of candidates) {
    const key = fixKey(fix);
    const outcome = tryFix(state, fix, context);
    if ('kind' in outcome) {
      rejected.push({ kind: outcome.kind, fix, key, reason: outcome.reason });
      continue;
    }
    state = outcome.state;
    applied.push({ fix, key, ops: outcome.ops });
  }
  return { space: state.space, applied, rejected };
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
