/**
 * The enhancement loop: score -> analyse failing train questions -> fixes -> candidate ->
 * score -> keep the iteration only under the acceptance rule (src/loop/acceptance.ts:
 * train-untaught rises, no question regresses beyond the budget, holdout does not fall).
 * Pure over its ports: scoring is a function passed in, so the loop runs the same on any backend.
 */
import type { Benchmark } from '../benchmarks/types.js';
import type { Analyst } from '../fixes/analyst.js';
import { applyFixes } from '../fixes/apply/apply-fixes.js';
import { fixKey } from '../fixes/fix-key.js';
import type { Fix } from '../fixes/fix-types.js';
import type { Warehouse, WarehouseSchema } from '../ports.js';
import type { Space } from '../space/schema.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { countsOf } from './acceptance.js';
import { gatherEvidence } from './evidence.js';
import { requireGeneralisingExamples, screenExamples } from './example-gate.js';
import { lessonNotes, recordFix, recordOutcome, triedKeys, type Lessons } from './lessons.js';
import { summarizeFix } from './fix-summary.js';
import { fitToSlots } from './slots.js';
import { tryBatch, type TrialContext, type TrialResult } from './trial.js';
import { BudgetExhausted, type Budget } from './budget.js';
import type { ScreeningSettings } from './screening.js';
import { ScreenedRun, type ScreeningStats } from './screened-run.js';
import type { IterationRecord } from './iteration-record.js';
import { pct } from '../util/percent.js';

export { countsOf } from './acceptance.js';

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
  /** Questions (train or holdout) allowed to go from pass to fail in one iteration; default 0. */
  maxRegressions?: number;
  /** Let example queries copy train benchmark questions (they are then reported as taught). */
  allowTaughtExamples?: boolean;
  /**
   * Confirms a gain the acceptance rule accepted: re-asks what the candidate changed and says
   * whether the gain is significant (gain-significance.ts), returning the candidate's card with
   * its re-asks. Absent: every accepted gain counts.
   */
  confirmGain?: (
    current: Scored,
    candidate: Scored,
  ) => Promise<{ significant: boolean; reason: string; card: Scorecard }>;
  /**
   * Screen candidates on the questions their fixes can change (screening.ts) instead of scoring
   * each on the whole benchmark; the config the loop ends on is then confirmed by a full scoring.
   * Absent: every candidate is scored in full (`score`).
   */
  screening?: ScreeningSettings;
  /** Genie question and time budget: the loop stops at its last confirmed config when it runs out. */
  budget?: Budget;
  log?: (line: string) => void;
}

export type { IterationRecord, TriedFix } from './iteration-record.js';

export interface Scored {
  space: Space;
  card: Scorecard;
}

export interface EnhanceLoopResult {
  before: Scorecard;
  after: Scorecard;
  space: Space;
  iterations: IterationRecord[];
  lessons: Lessons;
  stopReason: string;
  /** How many configs were scored in full (each one a full benchmark run). */
  scorings: number;
  /** Screening only: candidates screened, confirmations, watched questions, a final rollback. */
  screening?: ScreeningStats;
  /** Set when the run stopped because its question or time budget ran out. */
  budgetStop?: string;
  analystUsage: { promptTokens: number; completionTokens: number; calls: number };
}

export async function runEnhanceLoop(input: EnhanceLoopInput): Promise<EnhanceLoopResult> {
  const first = await loopOnce(input, [], 1);
  const unseen = first.unseen ?? [];
  const left = (input.maxIterations ?? 10) - first.result.iterations.length;
  if (unseen.length === 0 || left < 1) return first.result;
  // The final full scoring found regressions screening had not predicted, and the loop fell back to its last
  // confirmed config. Its rolled-back fixes are not lessons yet: try again from there, once, with those
  // questions screened on every candidate, so the fixes that did not cause them can still be kept.
  input.log?.(`replaying from the last confirmed config with ${unseen.join(', ')} screened on every candidate`);
  const from = first.result;
  const offset = from.iterations.length;
  // The config it fell back to was scored in full already (from.after): the replay starts from that card.
  const again = await loopOnce(
    { ...input, space: from.space, lessons: from.lessons, maxIterations: left },
    unseen,
    offset + 1,
    from.after,
  );
  const second = again.result;
  return {
    ...second,
    before: from.before,
    iterations: [...from.iterations, ...second.iterations],
    stopReason: `${second.stopReason} (after a replay: ${from.screening?.rollback?.reason ?? from.stopReason})`,
    scorings: from.scorings + second.scorings,
    analystUsage: {
      promptTokens: from.analystUsage.promptTokens + second.analystUsage.promptTokens,
      completionTokens: from.analystUsage.completionTokens + second.analystUsage.completionTokens,
      calls: from.analystUsage.calls + second.analystUsage.calls,
    },
    screening: second.screening && {
      ...second.screening,
      candidates: (from.screening?.candidates ?? 0) + second.screening.candidates,
      confirmations: (from.screening?.confirmations ?? 0) + second.screening.confirmations,
    },
  };
}

/** One pass of the loop; `unseen` is set when its final confirmation rolled back over unpredicted regressions. */
async function loopOnce(
  input: EnhanceLoopInput,
  watched: readonly string[],
  firstIndex: number,
  startCard?: Scorecard,
): Promise<{ result: EnhanceLoopResult; unseen?: string[] }> {
  const log = input.log ?? (() => {});
  const lessons = structuredClone(input.lessons);
  const holdoutSql = input.benchmarks.filter((b) => b.split === 'holdout').map((b) => b.sql);
  const acceptance = { maxRegressions: input.maxRegressions ?? 0 };
  const categoryOf = new Map<string, string>();
  const usage = { promptTokens: 0, completionTokens: 0, calls: 0 };
  let scorings = 0;
  const score = async (space: Space) => {
    scorings += 1;
    return input.score(space);
  };

  let space = input.space;
  let card = startCard ?? (await score(space));
  const before = card;
  const iterations: IterationRecord[] = [];
  const maxIterations = input.maxIterations ?? 10;
  const target = input.targetScore ?? 1;
  let stopReason = `reached the maximum of ${maxIterations} iteration(s)`;
  const run = input.screening
    ? new ScreenedRun(input.screening, input.budget, { space, card }, lessons, watched)
    : undefined;

  for (let index = firstIndex; index < firstIndex + maxIterations; index++) {
    if (card.totals.trainUntaught.score >= target) {
      stopReason = `train-untaught score ${pct(card.totals.trainUntaught.score)} reached the target ${pct(target)}`;
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
      allowTaughtExamples: input.allowTaughtExamples ?? false,
    });
    usage.promptTokens += proposal.usage?.promptTokens ?? 0;
    usage.completionTokens += proposal.usage?.completionTokens ?? 0;
    usage.calls += proposal.usage?.calls ?? 0;
    const screened = await screenExamples(
      proposal.fixes.filter((fix) => !tried.has(fixKey(fix))),
      input.warehouse,
    );
    const slots = fitToSlots(space, screened.kept);
    const fresh = slots.kept;
    log(`iteration ${index}: ${failures.length} failing train question(s), ${fresh.length} new fix(es) proposed`);

    const options = {
      file: input.file,
      warehouseSchema: input.warehouseSchema,
      holdoutSql,
      benchmarks: input.benchmarks,
      allowTaughtExamples: input.allowTaughtExamples,
    };
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
      regressions: [],
      fixed: [],
      notes: [...proposal.notes, ...slots.deferred.map((d) => `deferred ${summarizeFix(d.fix)}: ${d.reason}`)],
    };
    iterations.push(record);
    if (batch.applied.length === 0) {
      record.reason = 'no applicable fix was proposed';
      remember(lessons, rejected);
      stopReason = `iteration ${index} had no applicable fix`;
      break;
    }

    const context: TrialContext = {
      space,
      card,
      score,
      options,
      acceptance,
      isolate: input.isolateFixes ?? true,
      log,
      tried,
      confirmGain: input.confirmGain,
    };
    // With copies allowed the leave-one-out gate is off: a copy is reported as taught instead.
    const gate = (c: TrialContext, t: TrialResult) =>
      t.accepted && !input.allowTaughtExamples ? requireGeneralisingExamples(c, t, record.notes) : t;
    const fixes = batch.applied.map((a) => a.fix);
    let trial: TrialResult;
    try {
      trial = run
        ? await run.trial(context, fixes, index, gate, record)
        : await gate(context, await tryBatch(context, fixes));
    } catch (error) {
      if (!(error instanceof BudgetExhausted)) throw error;
      record.reason = `not judged: the run stopped on ${error.reason}`;
      record.untried = fixes.map(summarizeFix);
      stopReason = `it reached ${error.reason}`;
      break;
    }
    record.accepted = trial.accepted;
    record.reason = trial.reason;
    record.after = countsOf(trial.card);
    // What the iteration did to the config: nothing when rolled back (the candidate's breakage is kept apart).
    record.regressions = trial.accepted ? trial.verdict.regressions : [];
    record.fixed = trial.accepted ? trial.verdict.fixed : [];
    if (!trial.accepted && trial.verdict.regressions.length > 0)
      record.candidateRegressions = trial.verdict.regressions;
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
    run?.kept({ space, card }, lessons, index);
    log(`iteration ${index}: kept ${record.applied.length} fix(es): ${trial.reason}`);
  }
  // Screened cards are predictions: the config the loop ends on is scored in full (screened-run.ts).
  const end = run ? await run.finish({ space, card }, iterations) : undefined;
  if (end) {
    ({ space, card } = end);
    if (!end.ok) {
      log(end.reason);
      Object.assign(lessons, end.lessons);
      stopReason = `${stopReason}; ${end.reason}`;
    }
  }
  const unseen = end && !end.ok ? end.unseen : undefined;
  const result: EnhanceLoopResult = {
    before,
    after: card,
    space,
    iterations,
    lessons,
    stopReason,
    scorings,
    analystUsage: usage,
    screening: run?.stats,
    budgetStop: input.budget?.exhausted,
  };
  return { result, unseen };
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
