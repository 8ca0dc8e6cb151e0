/**
 * One pass of the enhancement loop, in steps over one explicit value (`Pass`): the config and card
 * the pass stands on, its lessons, and what it has recorded. Each iteration proposes a batch of
 * fixes, has it judged (trial.ts, or screened-run.ts when screening), and records the outcome;
 * a step that ends the pass returns the reason it stopped.
 */
import { applyFixes } from '../fixes/apply/apply-fixes.js';
import { fixKey } from '../fixes/fix-key.js';
import type { Fix } from '../fixes/fix-types.js';
import type { Space } from '../space/schema.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { countsOf, type AcceptanceOptions } from './acceptance.js';
import { BudgetExhausted } from './budget.js';
import type { EnhanceLoopInput, EnhanceLoopResult } from './enhance-loop-types.js';
import { gatherEvidence } from './evidence.js';
import { requireGeneralisingExamples, screenExamples } from './example-gate.js';
import { summarizeFix } from './fix-summary.js';
import type { IterationRecord } from './iteration-record.js';
import { lessonNotes, recordFix, recordOutcome, triedKeys, type Lessons } from './lessons.js';
import { ScreenedRun } from './screened-run.js';
import { fitToSlots } from './slots.js';
import { tryBatch, type TrialContext, type TrialResult } from './trial.js';
import { pct } from '../util/percent.js';

type Rejected = { fix: Fix; key: string; reason: string };

/** One pass's state: where it stands (space, card), its lessons, and what it has counted and recorded. */
export interface Pass {
  input: EnhanceLoopInput;
  log: (line: string) => void;
  lessons: Lessons;
  holdoutSql: string[];
  acceptance: AcceptanceOptions;
  /** Failure category of each train question seen failing, for the lessons' outcome records. */
  categoryOf: Map<string, string>;
  usage: EnhanceLoopResult['analystUsage'];
  /** Configs scored in full (calls of `input.score`). */
  scorings: number;
  space: Space;
  card: Scorecard;
  before: Scorecard;
  iterations: IterationRecord[];
  run?: ScreenedRun;
}

/** An iteration's proposed batch, applied to the pass's config, and its record (not yet judged). */
interface Proposed {
  fixes: Fix[];
  rejected: Rejected[];
  record: IterationRecord;
  tried: ReadonlySet<string>;
  options: TrialContext['options'];
}

export async function openPass(
  input: EnhanceLoopInput,
  watched: readonly string[],
  startCard: Scorecard | undefined,
): Promise<Pass> {
  const lessons = structuredClone(input.lessons);
  const card = startCard ?? (await input.score(input.space));
  return {
    input,
    log: input.log ?? (() => {}),
    lessons,
    holdoutSql: input.benchmarks.filter((b) => b.split === 'holdout').map((b) => b.sql),
    acceptance: { maxRegressions: input.maxRegressions ?? 0 },
    categoryOf: new Map<string, string>(),
    usage: { promptTokens: 0, completionTokens: 0, calls: 0 },
    scorings: startCard ? 0 : 1,
    space: input.space,
    card,
    before: card,
    iterations: [],
    run: input.screening
      ? new ScreenedRun(input.screening, input.budget, { space: input.space, card }, lessons, watched)
      : undefined,
  };
}

/** Scores a config in full, counting it. */
function scoreFull(pass: Pass, space: Space): Promise<Scorecard> {
  pass.scorings += 1;
  return pass.input.score(space);
}

/** One iteration; returns why the pass stops here, or undefined to go on. */
export async function iterate(pass: Pass, index: number): Promise<string | undefined> {
  const target = pass.input.targetScore ?? 1;
  if (pass.card.totals.trainUntaught.score >= target)
    return `train-untaught score ${pct(pass.card.totals.trainUntaught.score)} reached the target ${pct(target)}`;
  const proposed = await proposeBatch(pass, index);
  if (!proposed) return 'no failing train question left';
  const { record, rejected } = proposed;
  pass.iterations.push(record);
  if (proposed.fixes.length === 0) {
    record.reason = 'no applicable fix was proposed';
    remember(pass.lessons, rejected);
    return `iteration ${index} had no applicable fix`;
  }
  const trial = await judgeBatch(pass, index, proposed);
  if (typeof trial === 'string') return trial;
  recordTrial(pass, record, rejected, trial);
  if (!trial.accepted) return `iteration ${index} gained nothing (${trial.reason})`;
  keepTrial(pass, record, trial, index);
  return undefined;
}

/** Asks the analyst for fixes to the failing train questions and applies the fresh ones; undefined: none fail. */
async function proposeBatch(pass: Pass, index: number): Promise<Proposed | undefined> {
  const { input, lessons, space, card } = pass;
  const failures = await gatherEvidence(card, input.benchmarks, input.warehouse);
  if (failures.length === 0) return undefined;
  for (const f of failures) if (f.category) pass.categoryOf.set(f.id, f.category);
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
  pass.usage.promptTokens += proposal.usage?.promptTokens ?? 0;
  pass.usage.completionTokens += proposal.usage?.completionTokens ?? 0;
  pass.usage.calls += proposal.usage?.calls ?? 0;
  const screened = await screenExamples(
    proposal.fixes.filter((fix) => !tried.has(fixKey(fix))),
    input.warehouse,
  );
  const slots = fitToSlots(space, screened.kept);
  const fresh = slots.kept;
  pass.log(`iteration ${index}: ${failures.length} failing train question(s), ${fresh.length} new fix(es) proposed`);
  const options = {
    file: input.file,
    warehouseSchema: input.warehouseSchema,
    holdoutSql: pass.holdoutSql,
    benchmarks: input.benchmarks,
    allowTaughtExamples: input.allowTaughtExamples,
  };
  const batch = applyFixes(space, fresh, options);
  const rejected = [...screened.rejected, ...batch.rejected.map((r) => ({ fix: r.fix, key: r.key, reason: r.reason }))];
  const notes = [...proposal.notes, ...slots.deferred.map((d) => `deferred ${summarizeFix(d.fix)}: ${d.reason}`)];
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
    notes,
  };
  return { fixes: batch.applied.map((a) => a.fix), rejected, record, tried, options };
}

/** Has the batch judged (screened or scored in full); returns why the pass stops when the budget ran out first. */
async function judgeBatch(pass: Pass, index: number, proposed: Proposed): Promise<TrialResult | string> {
  const { input, run } = pass;
  const { fixes, record } = proposed;
  const context: TrialContext = {
    space: pass.space,
    card: pass.card,
    score: (space) => scoreFull(pass, space),
    options: proposed.options,
    acceptance: pass.acceptance,
    isolate: input.isolateFixes ?? true,
    log: pass.log,
    tried: proposed.tried,
    confirmGain: input.confirmGain,
  };
  // With copies allowed the leave-one-out gate is off: a copy is reported as taught instead.
  const gate = (c: TrialContext, t: TrialResult) =>
    t.accepted && !input.allowTaughtExamples ? requireGeneralisingExamples(c, t, record.notes) : t;
  try {
    return run
      ? await run.trial(context, fixes, index, gate, record)
      : await gate(context, await tryBatch(context, fixes));
  } catch (error) {
    if (!(error instanceof BudgetExhausted)) throw error;
    record.reason = `not judged: the run stopped on ${error.reason}`;
    record.untried = fixes.map(summarizeFix);
    return `it reached ${error.reason}`;
  }
}

/** Writes the judgement into the record and the lessons (rejections and each fix's outcome by category). */
function recordTrial(pass: Pass, record: IterationRecord, rejected: Rejected[], trial: TrialResult): void {
  record.accepted = trial.accepted;
  record.reason = trial.reason;
  record.after = countsOf(trial.card);
  // What the iteration did to the config: nothing when rolled back (the candidate's breakage is kept apart).
  record.regressions = trial.accepted ? trial.verdict.regressions : [];
  record.fixed = trial.accepted ? trial.verdict.fixed : [];
  if (!trial.accepted && trial.verdict.regressions.length > 0) record.candidateRegressions = trial.verdict.regressions;
  rejected.push(...trial.rolledBack);
  remember(pass.lessons, rejected);
  const categoriesOf = (fix: Fix) => {
    const cats = fix.targets.map((id) => pass.categoryOf.get(id)).filter((c): c is string => Boolean(c));
    return cats.length > 0 ? [...new Set(cats)] : ['unknown'];
  };
  for (const t of [...trial.kept, ...trial.dropped]) {
    for (const category of categoriesOf(t.fix))
      recordOutcome(pass.lessons, t.fix.type, category, t.outcome ?? 'no_effect', t.delta);
  }
}

/** An accepted iteration: its kept fixes become the pass's config and card, and applied lessons. */
function keepTrial(pass: Pass, record: IterationRecord, trial: TrialResult, index: number): void {
  record.applied = trial.kept.map((t) => ({ fix: t.fix, key: fixKey(t.fix), ops: t.ops, outcome: t.outcome }));
  record.patch = trial.patch;
  for (const t of record.applied)
    recordFix(pass.lessons, 'applied_fixes', { key: t.key, type: t.fix.type, summary: summarizeFix(t.fix) });
  pass.space = trial.space;
  pass.card = trial.card;
  pass.run?.kept({ space: pass.space, card: pass.card }, pass.lessons, index);
  pass.log(`iteration ${index}: kept ${record.applied.length} fix(es): ${trial.reason}`);
}

/**
 * The pass's result. Screened cards are predictions: the config the pass ends on is scored in full
 * (screened-run.ts); `unseen` is set when that confirmation rolled back over unpredicted regressions.
 */
export async function finishPass(
  pass: Pass,
  stopReason: string,
): Promise<{ result: EnhanceLoopResult; unseen?: string[] }> {
  const { run, lessons } = pass;
  let { space, card } = pass;
  const end = run ? await run.finish({ space, card }, pass.iterations) : undefined;
  if (end) {
    ({ space, card } = end);
    if (!end.ok) {
      pass.log(end.reason);
      Object.assign(lessons, end.lessons);
      stopReason = `${stopReason}; ${end.reason}`;
    }
  }
  const unseen = end && !end.ok ? end.unseen : undefined;
  const result: EnhanceLoopResult = {
    before: pass.before,
    after: card,
    space,
    iterations: pass.iterations,
    lessons,
    stopReason,
    scorings: pass.scorings,
    analystUsage: pass.usage,
    screening: run?.stats,
    budgetStop: pass.input.budget?.exhausted,
  };
  return { result, unseen };
}

function remember(lessons: Lessons, rejected: Rejected[]): void {
  for (const r of rejected)
    recordFix(lessons, 'rejected_fixes', {
      key: r.key,
      type: r.fix.type,
      summary: summarizeFix(r.fix),
      reason: r.reason,
    });
}
