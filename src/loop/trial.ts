/**
 * Trying one iteration's fixes: score the whole batch; when the acceptance rule rejects it,
 * score each fix alone, drop those that hurt (a regression, a holdout loss) or did nothing,
 * and try what remains together (fixes can need each other, such as a join spec and a
 * synonym, so survivors are re-judged as a set).
 */
import type { Operation } from 'fast-json-patch';
import { applyFixes } from '../fixes/apply/apply-fixes.js';
import { fixKey } from '../fixes/fix-key.js';
import type { Fix } from '../fixes/fix-types.js';
import type { Scorecard } from '../scoring/scorecard.js';
import type { Space } from '../space/schema.js';
import { judge, outcomeOf, type AcceptanceOptions, type Verdict } from './acceptance.js';
import type { Outcome } from './lessons.js';
import { partVariants } from './refine.js';

export interface TrialFix {
  fix: Fix;
  ops: Operation[];
  outcome?: Outcome;
  delta: number;
}

export interface TrialResult {
  accepted: boolean;
  reason: string;
  verdict: Verdict;
  space: Space;
  card: Scorecard;
  kept: TrialFix[];
  dropped: TrialFix[];
  rolledBack: { fix: Fix; key: string; reason: string }[];
  patch: Operation[];
}

export interface TrialContext {
  space: Space;
  card: Scorecard;
  score: (space: Space) => Promise<Scorecard>;
  options: Parameters<typeof applyFixes>[2];
  acceptance: AcceptanceOptions;
  isolate: boolean;
  log: (line: string) => void;
  /** Keys of fixes applied or rejected before (lessons): a refined variant never revives one. */
  tried?: ReadonlySet<string>;
  /**
   * Scores a subset of fixes by screening (screening.ts) instead of a full scoring; absent:
   * every candidate is scored on the whole benchmark.
   */
  screen?: (subset: Fix[], applied: Space) => Promise<Scorecard>;
  /** The significance check of an accepted gain (src/loop/gain-significance.ts); absent: every gain counts. */
  confirmGain?: (
    current: { space: Space; card: Scorecard },
    candidate: { space: Space; card: Scorecard },
  ) => Promise<{ significant: boolean; reason: string; card: Scorecard }>;
}

/** Applies a subset of fixes to the context's space and scores the result. */
export async function attemptFixes(context: TrialContext, subset: Fix[]) {
  const applied = applyFixes(context.space, subset, context.options);
  const scored = context.screen
    ? await context.screen(
        applied.applied.map((a) => a.fix),
        applied.space,
      )
    : await context.score(applied.space);
  const verdict = judge(context.card, scored, context.acceptance);
  if (!verdict.accepted || !context.confirmGain) return { applied, card: scored, verdict };
  // A gain counts only when it is significant; the re-asks it took stay on the candidate's card.
  const gain = await context.confirmGain(
    { space: context.space, card: context.card },
    { space: applied.space, card: scored },
  );
  const reason = gain.significant ? `${verdict.reason}; ${gain.reason}` : gain.reason;
  return { applied, card: gain.card, verdict: { ...verdict, accepted: gain.significant, reason } };
}

type Attempt = Awaited<ReturnType<typeof attemptFixes>>;

/** The accepted outcome of an attempt: each kept fix is credited with the train questions it targeted that now pass. */
export function acceptedTrial(context: TrialContext, run: Attempt, reason: string, dropped: TrialFix[]): TrialResult {
  const passedBefore = new Set(context.card.questions.filter((q) => q.passed).map((q) => q.id));
  const passedAfter = new Set(run.card.questions.filter((q) => q.passed && q.split === 'train').map((q) => q.id));
  const trainTotal = Math.max(1, context.card.totals.train.total);
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
    reason:
      s.outcome === 'hurt'
        ? 'broke a passing question or lowered holdout on its own'
        : 'no effect on its own or with the others',
  }));
  // The patch is the kept fixes' own ops, in the order they were applied: small, and replayable on the old config.
  return {
    accepted: true,
    reason,
    verdict: run.verdict,
    space: run.applied.space,
    card: run.card,
    kept,
    dropped,
    rolledBack,
    patch: kept.flatMap((k) => k.ops),
  };
}

/** A fix's outcome on its own; `refined` is set when a part of it was tried in its place. */
interface Single {
  single: TrialFix;
  refined?: { fix: Fix; key: string; reason: string };
}

export async function tryBatch(context: TrialContext, fixes: Fix[]): Promise<TrialResult> {
  const first = await attemptFixes(context, fixes);
  if (first.verdict.accepted) return acceptedTrial(context, first, first.verdict.reason, []);
  const opsOf = new Map(first.applied.applied.map((a) => [fixKey(a.fix), a.ops]));
  const noEffect = fixes.map((fix): TrialFix => ({
    fix,
    ops: opsOf.get(fixKey(fix)) ?? [],
    outcome: 'no_effect',
    delta: 0,
  }));
  if (!context.isolate || fixes.length === 1) return rolledBackTrial(context, first.verdict, fixes, noEffect);

  context.log(`  batch rejected (${first.verdict.reason}); trying ${fixes.length} fixes one by one`);
  const tried: Single[] = [];
  for (const fix of fixes) tried.push(await trySingle(context, fix, opsOf));
  const singles = tried.map((t) => t.single);
  const refined = tried.flatMap((t) => (t.refined ? [t.refined] : []));
  const survivors = singles.filter((s) => s.outcome !== 'hurt');
  const helpers = singles.filter((s) => s.outcome === 'helped');
  for (const subset of [survivors, helpers]) {
    if (subset.length === 0) continue;
    const together = await tryTogether(context, subset, singles);
    if (!together) continue;
    const keptKeys = new Set(together.kept.map((s) => fixKey(s.fix)));
    const accepted = acceptedTrial(
      context,
      together.attempt,
      `${together.attempt.verdict.reason} (kept ${together.kept.length} of ${fixes.length} fixes)`,
      singles.filter((s) => !keptKeys.has(fixKey(s.fix))),
    );
    accepted.rolledBack.push(...refined);
    return accepted;
  }
  return rolledBackTrial(context, first.verdict, fixes, singles);
}

/** The batch rolled back whole: the config and card stay as they were, every fix is rejected for `verdict`'s reason. */
function rolledBackTrial(context: TrialContext, verdict: Verdict, fixes: Fix[], dropped: TrialFix[]): TrialResult {
  const reason = verdict.reason;
  return {
    accepted: false,
    reason,
    verdict,
    space: context.space,
    card: context.card,
    kept: [],
    dropped,
    rolledBack: fixes.map((fix) => ({ fix, key: fixKey(fix), reason })),
    patch: [],
  };
}

const untaught = (c: Scorecard) => c.totals.trainUntaught.score;

/** Scores one fix alone; one that helps and hurts is replaced by its best part that passes, if any. */
async function trySingle(context: TrialContext, fix: Fix, opsOf: ReadonlyMap<string, Operation[]>): Promise<Single> {
  const alone = await attemptFixes(context, [fix]);
  let outcome = outcomeOf(context.card, alone.card);
  let best = { fix, card: alone.card };
  let refined: Single['refined'];
  if (outcome === 'hurt' && alone.verdict.fixed.length > 0) {
    // It helps and hurts: one of its parts may be the culprit.
    for (const variant of partVariants(fix)) {
      if (context.tried?.has(fixKey(variant))) continue;
      const tried = await attemptFixes(context, [variant]);
      if (!tried.verdict.accepted) continue;
      if (outcome === 'hurt' || untaught(tried.card) > untaught(best.card)) {
        best = { fix: variant, card: tried.card };
        outcome = outcomeOf(context.card, tried.card);
      }
    }
    if (best.fix !== fix) {
      context.log(`  refined ${fixKey(fix)}: one part broke a passing question`);
      refined = {
        fix,
        key: fixKey(fix),
        reason: 'one of its parts broke a passing question; a variant without it was tried',
      };
    }
  }
  const single: TrialFix = {
    fix: best.fix,
    ops: opsOf.get(fixKey(best.fix)) ?? [],
    outcome,
    delta: untaught(best.card) - untaught(context.card),
  };
  return { single, ...(refined ? { refined } : {}) };
}

/**
 * Scores `subset` together; when the set passes, adds back each fix that hurt on its own while the
 * set still passes and gains no less. Undefined when the subset itself is not accepted.
 */
async function tryTogether(
  context: TrialContext,
  subset: TrialFix[],
  singles: TrialFix[],
): Promise<{ attempt: Attempt; kept: TrialFix[] } | undefined> {
  let together = await attemptFixes(
    context,
    subset.map((s) => s.fix),
  );
  if (!together.verdict.accepted) return undefined;
  const kept = [...subset];
  // A fix that hurt on its own may be fine beside the others (a join next to the synonym that
  // disambiguates a question): add each back while the set still passes and gains no less.
  for (const single of singles.filter((s) => s.outcome === 'hurt')) {
    const more = await attemptFixes(
      context,
      [...kept, single].map((s) => s.fix),
    );
    if (more.verdict.accepted && more.verdict.untaughtGain >= together.verdict.untaughtGain) {
      kept.push(single);
      together = more;
    }
  }
  return { attempt: together, kept };
}
