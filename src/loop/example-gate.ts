/**
 * Example queries must earn their slot by generalising (DESIGN.md section 6):
 * - before scoring, every example is run on the warehouse; one that fails or returns nothing is dropped;
 * - after an accepted trial, a plain example (no parameters, or drawn from fewer than two
 *   questions) is kept only if it fixes a train question other than the ones it was derived
 *   from (`targets`), measured by scoring the kept fixes without it (leave one out). A
 *   parameterised template drawn from two or more questions that share one SQL shape is a
 *   generalisation by construction and passes on the acceptance rule alone.
 */
import type { Fix } from '../fixes/fix-types.js';
import { fixKey } from '../fixes/fix-key.js';
import type { Warehouse } from '../ports.js';
import { acceptedTrial, attemptFixes, type TrialContext, type TrialResult } from './trial.js';

type ExampleFix = Extract<Fix, { type: 'add_example_query' }>;

export const LEAVE_ONE_OUT_REASON =
  'the example fixes no train question besides the one(s) it was derived from (leave-one-out scoring): it would teach, not generalise';

/** A template: `:name` parameters, drawn from at least two train questions. */
export function isTemplate(fix: Fix): boolean {
  return fix.type === 'add_example_query' && (fix.parameters?.length ?? 0) > 0 && fix.targets.length >= 2;
}

/** Every example query is run before it can enter a config: one that fails or returns nothing is dropped. */
export async function screenExamples(
  fixes: Fix[],
  warehouse: Warehouse,
): Promise<{ kept: Fix[]; rejected: { fix: Fix; key: string; reason: string }[] }> {
  const kept: Fix[] = [];
  const rejected: { fix: Fix; key: string; reason: string }[] = [];
  for (const fix of fixes) {
    if (fix.type !== 'add_example_query') {
      kept.push(fix);
      continue;
    }
    const sql = withParameterDefaults(fix.sql, fix.parameters ?? []);
    try {
      const result = await warehouse.execute(sql, { rowLimit: 1 });
      if (result.rows.length === 0) rejected.push({ fix, key: fixKey(fix), reason: 'example SQL returns no rows' });
      else kept.push(fix);
    } catch (error) {
      rejected.push({ fix, key: fixKey(fix), reason: `example SQL fails: ${(error as Error).message}` });
    }
  }
  return { kept, rejected };
}

function withParameterDefaults(sql: string, parameters: { name: string; default_value?: string | string[] }[]): string {
  let out = sql;
  for (const p of parameters) {
    const values = Array.isArray(p.default_value) ? p.default_value : p.default_value ? [p.default_value] : [];
    if (values.length === 0) continue;
    const literal = values.map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? v : `'${v.replace(/'/g, "''")}'`)).join(', ');
    out = out.replace(new RegExp(`:${p.name}\\b`, 'g'), literal);
  }
  return out;
}

/**
 * The accepted trial minus every plain example that fixes only its own source questions.
 * Returns the trial unchanged when every example generalises, a smaller accepted trial when
 * the rest still passes the acceptance rule, and a rejected one otherwise.
 */
export async function requireGeneralisingExamples(
  context: TrialContext,
  trial: TrialResult,
  notes: string[],
): Promise<TrialResult> {
  let current = trial;
  const plain = trial.kept.filter((k) => k.fix.type === 'add_example_query' && !isTemplate(k.fix));
  for (const example of plain) {
    const fix = example.fix as ExampleFix;
    const others = current.kept.filter((k) => k !== example && fixKey(k.fix) !== fixKey(fix));
    const without = await attemptFixes(
      context,
      others.map((k) => k.fix),
    );
    const failingWithout = new Set(without.card.questions.filter((q) => !q.passed).map((q) => q.id));
    const fixedByIt = current.card.questions
      .filter((q) => q.split === 'train' && q.passed && failingWithout.has(q.id))
      .map((q) => q.id);
    const beyond = fixedByIt.filter((id) => !fix.targets.includes(id));
    if (beyond.length > 0) {
      notes.push(
        `example "${fix.question}" fixes ${beyond.join(', ')} besides its source(s) ${fix.targets.join(', ') || '(none)'}`,
      );
      continue;
    }
    const rolled = { fix, key: fixKey(fix), reason: LEAVE_ONE_OUT_REASON };
    if (others.length === 0 || !without.verdict.accepted) {
      return {
        ...current,
        accepted: false,
        reason: `${LEAVE_ONE_OUT_REASON}; without it the iteration does not pass (${without.verdict.reason})`,
        verdict: without.verdict,
        space: context.space,
        card: context.card,
        kept: [],
        dropped: [...current.dropped, ...current.kept],
        rolledBack: [
          ...current.rolledBack,
          rolled,
          ...others.map((k) => ({ fix: k.fix, key: fixKey(k.fix), reason: 'rolled back with the iteration' })),
        ],
        patch: [],
      };
    }
    const next = acceptedTrial(context, without, without.verdict.reason, [...current.dropped]);
    next.rolledBack = [...current.rolledBack, rolled];
    next.dropped = [...current.dropped, { ...example, outcome: 'no_effect' }];
    current = next;
  }
  return current;
}
