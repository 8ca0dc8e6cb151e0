/**
 * The enhancement loop: score -> analyse failing train questions -> fixes -> candidate ->
 * score -> keep the iteration only if train rises and holdout does not fall. Pure over its
 * ports: scoring is a function passed in, so the loop runs the same on any backend.
 */
import type { Operation } from 'fast-json-patch';
import type { Benchmark } from '../benchmarks/types.js';
import type { Analyst } from '../fixes/analyst.js';
import { applyFixes } from '../fixes/apply-fixes.js';
import { fixKey } from '../fixes/fix-key.js';
import type { Fix } from '../fixes/fix-types.js';
import type { Warehouse, WarehouseSchema } from '../ports.js';
import type { Space } from '../space/schema.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { judge, outcomeOf, type SplitCounts } from './acceptance.js';
import { gatherEvidence } from './evidence.js';
import { lessonNotes, recordFix, recordOutcome, triedKeys, type Lessons, type Outcome } from './lessons.js';
import { summarizeFix } from './fix-summary.js';

export interface EnhanceLoopInput {
  spaceName: string;
  /** The space file, named in validation messages. */
  file: string;
  space: Space;
  benchmarks: Benchmark[];
  score: (space: Space) => Promise<Scorecard>;
  analyst: Analyst;
  warehouse: Warehouse;
  warehouseSchema: WarehouseSchema;
  lessons: Lessons;
  maxIterations?: number;
  /** Stop once the train score (0..1) reaches this. */
  targetScore?: number;
  /** When a batch is rejected, try its fixes one by one (one scoring per fix; cheap locally). */
  isolateFixes?: boolean;
  /**
   * Confirms a gain the acceptance rule accepted: re-asks what the candidate changed and says
   * whether the gain is significant (gain-significance.ts), returning the candidate's card with
   * its re-asks. Absent: every accepted gain counts.
   */
  confirmGain?: (
    current: Scored,
    candidate: Scored,
  ) => Promise<{ significant: boolean; reason: string; card: Scorecard }>;
  log?: (line: string) => void;
}

export interface Scored {
  space: Space;
  card: Scorecard;
}

export interface TriedFix {
  fix: Fix;
  key: string;
  ops: Operation[];
  outcome?: Outcome;
}

export interface IterationRecord {
  index: number;
  accepted: boolean;
  reason: string;
  before: SplitCounts;
  after: SplitCounts;
  /** Fixes kept in the config by this iteration. */
  applied: TriedFix[];
  /** Fixes that were invalid, conflicting, or rolled back, with why. */
  rejected: { fix: Fix; key: string; reason: string }[];
  /** The patch from the config before this iteration to the one after (empty when rejected). */
  patch: Operation[];
  notes: string[];
}

export interface EnhanceLoopResult {
  before: Scorecard;
  after: Scorecard;
  space: Space;
  iterations: IterationRecord[];
  lessons: Lessons;
  stopReason: string;
  /** How many configs were scored (each one a full benchmark run). */
  scorings: number;
  analystUsage: { promptTokens: number; completionTokens: number; calls: number };
}

export function countsOf(card: Scorecard): SplitCounts {
  return {
    train: { passed: card.totals.train.passed, total: card.totals.train.total },
    holdout: { passed: card.totals.holdout.passed, total: card.totals.holdout.total },
  };
}

export async function runEnhanceLoop(input: EnhanceLoopInput): Promise<EnhanceLoopResult> {
  const log = input.log ?? (() => {});
  const lessons = structuredClone(input.lessons);
  const holdoutSql = input.benchmarks.filter((b) => b.split === 'holdout').map((b) => b.sql);
  const categoryOf = new Map<string, string>();
  const usage = { promptTokens: 0, completionTokens: 0, calls: 0 };
  let scorings = 0;
  const score = async (space: Space) => {
    scorings += 1;
    return input.score(space);
  };

  let space = input.space;
  let card = await score(space);
  const before = card;
  const iterations: IterationRecord[] = [];
  const maxIterations = input.maxIterations ?? 10;
  const target = input.targetScore ?? 1;
  let stopReason = `reached the maximum of ${maxIterations} iteration(s)`;

  for (let index = 1; index <= maxIterations; index++) {
    if (card.totals.train.score >= target) {
      stopReason = `train score ${pct(card.totals.train.score)} reached the target ${pct(target)}`;
      break;
    }
    const failures = await gatherEvidence(card, input.benchmarks, input.warehouse);
    if (failures.length === 0) {
      stopReason = 'no failing train question left';
      break;
    }
    for (const f of failures) if (f.category) categoryOf.set(f.id, f.category);
    const tried = triedKeys(lessons);
    const proposal = await input.analyst.propose({
      space,
      failures,
      warehouse: input.warehouse,
      warehouseSchema: input.warehouseSchema,
      lessonsText: lessonNotes(lessons).join('\n'),
      alreadyTried: tried,
    });
    usage.promptTokens += proposal.usage?.promptTokens ?? 0;
    usage.completionTokens += proposal.usage?.completionTokens ?? 0;
    usage.calls += proposal.usage?.calls ?? 0;
    const screened = await screenExamples(
      proposal.fixes.filter((fix) => !tried.has(fixKey(fix))),
      input.warehouse,
    );
    const fresh = screened.kept;
    log(`iteration ${index}: ${failures.length} failing train question(s), ${fresh.length} new fix(es) proposed`);

    const options = { file: input.file, warehouseSchema: input.warehouseSchema, holdoutSql };
    const batch = applyFixes(space, fresh, options);
    const rejected = [
      ...screened.rejected,
      ...batch.rejected.map((r) => ({ fix: r.fix, key: r.key, reason: r.reason })),
    ];
    const record: IterationRecord = {
      index,
      accepted: false,
      reason: '',
      before: countsOf(card),
      after: countsOf(card),
      applied: [],
      rejected,
      patch: [],
      notes: [...proposal.notes],
    };
    iterations.push(record);
    if (batch.applied.length === 0) {
      record.reason = 'no applicable fix was proposed';
      remember(lessons, rejected);
      stopReason = `iteration ${index} had no applicable fix`;
      break;
    }

    const trial = await tryBatch(
      space,
      card,
      batch.applied.map((a) => a.fix),
      score,
      options,
      input.isolateFixes ?? true,
      log,
      input.confirmGain,
    );
    record.accepted = trial.accepted;
    record.reason = trial.reason;
    record.after = countsOf(trial.card);
    rejected.push(...trial.rolledBack);
    remember(lessons, rejected);
    const categoriesOf = (fix: Fix) => {
      const cats = fix.targets.map((id) => categoryOf.get(id)).filter((c): c is string => Boolean(c));
      return cats.length > 0 ? [...new Set(cats)] : ['unknown'];
    };
    for (const t of [...trial.kept, ...trial.dropped]) {
      for (const category of categoriesOf(t.fix))
        recordOutcome(lessons, t.fix.type, category, t.outcome ?? 'no_effect', t.delta);
    }
    if (!trial.accepted) {
      stopReason = `iteration ${index} gained nothing (${trial.reason})`;
      break;
    }
    record.applied = trial.kept.map((t) => ({ fix: t.fix, key: fixKey(t.fix), ops: t.ops, outcome: t.outcome }));
    record.patch = trial.patch;
    for (const t of record.applied)
      recordFix(lessons, 'applied_fixes', { key: t.key, type: t.fix.type, summary: summarizeFix(t.fix) });
    space = trial.space;
    card = trial.card;
    log(`iteration ${index}: kept ${record.applied.length} fix(es): ${trial.reason}`);
  }
  return { before, after: card, space, iterations, lessons, stopReason, scorings, analystUsage: usage };
}

interface TrialFix {
  fix: Fix;
  ops: Operation[];
  outcome?: Outcome;
  delta: number;
}

interface TrialResult {
  accepted: boolean;
  reason: string;
  space: Space;
  card: Scorecard;
  kept: TrialFix[];
  dropped: TrialFix[];
  rolledBack: { fix: Fix; key: string; reason: string }[];
  patch: Operation[];
}

/**
 * Scores the whole batch; when it is rejected, scores each fix alone, drops those that hurt
 * or did nothing, and tries what remains together (fixes can need each other, such as a
 * join spec and a synonym, so survivors are re-judged as a set).
 */
async function tryBatch(
  space: Space,
  card: Scorecard,
  fixes: Fix[],
  score: (space: Space) => Promise<Scorecard>,
  options: Parameters<typeof applyFixes>[2],
  isolate: boolean,
  log: (line: string) => void,
  confirmGain?: EnhanceLoopInput['confirmGain'],
): Promise<TrialResult> {
  const base = countsOf(card);
  const delta = (c: Scorecard) => c.totals.train.score - card.totals.train.score;
  const attempt = async (subset: Fix[]) => {
    const applied = applyFixes(space, subset, options);
    const scored = await score(applied.space);
    const verdict = judge(base, countsOf(scored));
    // A gain counts only when it is significant; the re-asks it took stay on the candidate's card.
    if (!verdict.accepted || !confirmGain) return { applied, card: scored, verdict };
    const gain = await confirmGain({ space, card }, { space: applied.space, card: scored });
    const reason = gain.significant ? `${verdict.reason}; ${gain.reason}` : gain.reason;
    return { applied, card: gain.card, verdict: { accepted: gain.significant, reason } };
  };
  const first = await attempt(fixes);
  const opsOf = new Map(first.applied.applied.map((a) => [fixKey(a.fix), a.ops]));
  const asTrial = (fix: Fix, outcome: Outcome | undefined, d: number): TrialFix => ({
    fix,
    ops: opsOf.get(fixKey(fix)) ?? [],
    outcome,
    delta: d,
  });
  const passedBefore = new Set(card.questions.filter((q) => q.passed).map((q) => q.id));
  const trainTotal = Math.max(1, card.totals.train.total);
  /** Credits each kept fix with the train questions it targeted that now pass. */
  const accept = (run: Awaited<ReturnType<typeof attempt>>, reason: string, dropped: TrialFix[]): TrialResult => {
    const passedAfter = new Set(run.card.questions.filter((q) => q.passed && q.split === 'train').map((q) => q.id));
    const kept = run.applied.applied.map((a) => {
      const flipped = a.fix.targets.filter((id) => passedAfter.has(id) && !passedBefore.has(id)).length;
      return {
        fix: a.fix,
        ops: a.ops,
        outcome: flipped > 0 ? ('helped' as const) : ('no_effect' as const),
        delta: flipped / trainTotal,
      };
    });
    const rolledBack = dropped.map((s) => ({
      fix: s.fix,
      key: fixKey(s.fix),
      reason: s.outcome === 'hurt' ? 'lowered a score on its own' : 'no effect on its own or with the others',
    }));
    // The patch is the kept fixes' own ops, in the order they were applied: small, and replayable on the old config.
    return {
      accepted: true,
      reason,
      space: run.applied.space,
      card: run.card,
      kept,
      dropped,
      rolledBack,
      patch: kept.flatMap((k) => k.ops),
    };
  };
  if (first.verdict.accepted) return accept(first, first.verdict.reason, []);
  const rollAll = (reason: string): TrialResult => ({
    accepted: false,
    reason,
    space,
    card,
    kept: [],
    dropped: fixes.map((fix) => asTrial(fix, 'no_effect', 0)),
    rolledBack: fixes.map((fix) => ({ fix, key: fixKey(fix), reason })),
    patch: [],
  });
  if (!isolate || fixes.length === 1) return rollAll(first.verdict.reason);

  log(`  batch rejected (${first.verdict.reason}); trying ${fixes.length} fixes one by one`);
  const singles: TrialFix[] = [];
  for (const fix of fixes) {
    const alone = await attempt([fix]);
    singles.push(asTrial(fix, outcomeOf(base, countsOf(alone.card)), delta(alone.card)));
  }
  const survivors = singles.filter((s) => s.outcome !== 'hurt');
  const helpers = singles.filter((s) => s.outcome === 'helped');
  for (const subset of [survivors, helpers]) {
    if (subset.length === 0) continue;
    const together = await attempt(subset.map((s) => s.fix));
    if (!together.verdict.accepted) continue;
    const keptKeys = new Set(subset.map((s) => fixKey(s.fix)));
    return accept(
      together,
      `${together.verdict.reason} (kept ${subset.length} of ${fixes.length} fixes)`,
      singles.filter((s) => !keptKeys.has(fixKey(s.fix))),
    );
  }
  const result = rollAll(first.verdict.reason);
  result.dropped = singles;
  return result;
}

/** Every example query is run before it can enter a config: one that fails or returns nothing is dropped. */
async function screenExamples(
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
    const value = Array.isArray(p.default_value) ? p.default_value[0] : p.default_value;
    if (value === undefined) continue;
    const literal = /^-?\d+(\.\d+)?$/.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
    out = out.replace(new RegExp(`:${p.name}\\b`, 'g'), literal);
  }
  return out;
}

function remember(lessons: Lessons, rejected: { fix: Fix; key: string; reason: string }[]): void {
  for (const r of rejected)
    recordFix(lessons, 'rejected_fixes', {
      key: r.key,
      type: r.fix.type,
      summary: summarizeFix(r.fix),
      reason: r.reason,
    });
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
