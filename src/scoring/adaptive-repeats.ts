/**
 * Adaptive repeats: every question is asked once (the screening asks) on each side; then
 * only the questions whose answers disagree (discordant between the sides, or flaky on one)
 * are re-asked, one more ask a side per round, up to `maxRepeats` rounds, stopping as soon as
 * the decision is clear. Genie calls go where they can change the outcome.
 *
 * The decision is a group-sequential one-sided test (see paired-test.ts) with a look after the
 * screening and after each round:
 * - an interim look stops early for significance only at p <= 0.001 (Haybittle-Peto), and the
 *   final look uses what is left of alpha (alpha - 0.001 per interim look), so by Bonferroni the
 *   false-alarm rate stays below 1 - confidence however the looks fall;
 * - an interim look stops for futility when the one-sided p-value is above 0.5 (the evidence
 *   points away from the tested direction) or nothing disagrees any more; stopping for futility
 *   can only lower the false-alarm rate.
 */
import { pairedTest, type PairedOutcomes, type PairedTest } from './paired-test.js';
import { askOutcomes } from './score-evidence.js';
import { isComparable, type QuestionScore, type Scorecard } from './scorecard.js';

export interface SequentialPlan {
  /** `worse`: is head a regression of base (the PR gate); `better`: is it a gain (enhance). */
  direction: 'worse' | 'better';
  /** The estimated effect (drop or gain, a fraction) must also exceed this. */
  tolerance: number;
  /** One-sided confidence of the decision; default 0.95. */
  confidence?: number;
  /** Most re-asks of a question per side after its screening asks; default 3. */
  maxRepeats?: number;
  /** Asks of every question per side before re-asks; default 1. */
  screeningAsks?: number;
}

export const DEFAULT_CONFIDENCE = 0.95;
export const DEFAULT_MAX_REPEATS = 3;
/** Interim looks stop for significance only below this p-value. */
export const INTERIM_ALPHA = 0.001;
/** Interim looks stop for futility above this p-value. */
export const FUTILITY_P = 0.5;

export interface Boundaries {
  interim: number;
  final: number;
}

/** Significance bounds of the looks: a tiny interim bound, and what is left of alpha for the last look. */
export function sequentialBounds(confidence: number, maxRepeats: number): Boundaries {
  const alpha = 1 - confidence;
  const interim = Math.min(INTERIM_ALPHA, alpha / 10);
  return { interim, final: alpha - interim * Math.max(0, maxRepeats) };
}

export type StopReason = 'significant' | 'futile' | 'settled' | 'last-look';

export interface Look {
  test: PairedTest;
  /** The one-sided p-value in the plan's direction. */
  p: number;
  /** The estimated drop (worse) or gain (better) as a fraction; negative points the other way. */
  effect: number;
  /** 1 after the screening asks, +1 per round of re-asks. */
  look: number;
  looks: number;
  /** The significance bound this look used. */
  bound: number;
  /** Significant at this look's bound and beyond the tolerance. */
  significant: boolean;
  /** Why no more asks are needed; undefined while re-asks could change the decision. */
  stop?: StopReason;
  /** Questions to re-ask next round (empty once stopped). */
  reask: string[];
}

const rate = (asks: readonly boolean[]) => asks.filter(Boolean).length / asks.length;
const mixed = (asks: readonly boolean[]) => asks.some(Boolean) && !asks.every(Boolean);

/** Evaluates one look of the plan on the asks so far. */
export function assessLook(outcomes: readonly PairedOutcomes[], plan: SequentialPlan, look: number): Look {
  const confidence = plan.confidence ?? DEFAULT_CONFIDENCE;
  const maxRepeats = plan.maxRepeats ?? DEFAULT_MAX_REPEATS;
  const screening = plan.screeningAsks ?? 1;
  const looks = maxRepeats + 1;
  const bounds = sequentialBounds(confidence, maxRepeats);
  const last = look >= looks;
  const bound = last ? bounds.final : bounds.interim;
  // The interval matches the decision: each of its ends is the one-sided bound this look uses,
  // so an early look (bound 0.001) shows a 99.8% interval and never contradicts its verdict.
  const test = pairedTest(outcomes, { confidence: 1 - 2 * bound, screeningAsks: screening });
  const worse = plan.direction === 'worse';
  const p = worse ? test.pWorse : test.pBetter;
  const effect = worse ? -test.estimate : test.estimate;
  // Float sums of exact probabilities: allow a hair so p = 1/40 is not lost to rounding.
  const significant = p <= bound * (1 + 1e-9) && effect > plan.tolerance + 1e-9;
  const open = outcomes.filter(
    (q) =>
      q.head.length > 0 &&
      q.base.length > 0 &&
      Math.max(q.head.length, q.base.length) < screening + maxRepeats &&
      (rate(q.head) !== rate(q.base) || mixed(q.head) || mixed(q.base)),
  );
  let stop: StopReason | undefined;
  if (last) stop = 'last-look';
  else if (significant) stop = 'significant';
  else if (open.length === 0) stop = 'settled';
  else if (p > FUTILITY_P) stop = 'futile';
  return { test, p, effect, look, looks, bound, significant, stop, reask: stop ? [] : open.map((q) => q.id) };
}

/**
 * Head and base asks of the questions in both cards: same id, question and expected SQL, and
 * comparable on both sides; `include` narrows them further (e.g. to train questions).
 */
export function pairOutcomes(
  head: Scorecard,
  base: Scorecard,
  include: (q: QuestionScore) => boolean = () => true,
): PairedOutcomes[] {
  const before = new Map(base.questions.map((q) => [q.id, q]));
  const out: PairedOutcomes[] = [];
  for (const h of head.questions) {
    const b = before.get(h.id);
    if (!b || b.question !== h.question || b.expectedSql !== h.expectedSql) continue;
    if (!isComparable(h) || !isComparable(b) || !include(h)) continue;
    out.push({ id: h.id, head: askOutcomes(h), base: askOutcomes(b) });
  }
  return out;
}

export interface AdaptiveSides {
  /** The asks so far, paired. */
  outcomes(): PairedOutcomes[];
  /** Asks each named question once more on both sides. */
  reask(ids: string[]): Promise<void>;
}

export interface AdaptiveResult extends Look {
  rounds: number;
  /** Re-asks made per side, over all rounds. */
  reasked: number;
}

/** Runs the looks and rounds of re-asks until the decision is clear. */
export async function runAdaptiveRepeats(
  plan: SequentialPlan,
  sides: AdaptiveSides,
  log: (line: string) => void = () => {},
): Promise<AdaptiveResult> {
  let reasked = 0;
  for (let look = 1; ; look++) {
    const current = assessLook(sides.outcomes(), plan, look);
    if (current.stop) return { ...current, rounds: look - 1, reasked };
    log(
      `re-asking ${current.reask.length} question(s) that disagree on each side (round ${look} of ${current.looks - 1}; one-sided p = ${current.p.toPrecision(2)})`,
    );
    await sides.reask(current.reask);
    reasked += current.reask.length;
  }
}

/** Re-asks chosen questions of one config and returns its card with the new asks merged. */
export interface Reasker {
  reask(card: Scorecard, ids: readonly string[]): Promise<Scorecard>;
}

export interface ComparedCards {
  head: Scorecard;
  base: Scorecard;
  comparison: AdaptiveResult;
}

/**
 * Compares two scored configs with adaptive repeats: the paired test on the questions in both
 * (narrowed by `include`), re-asking the disagreeing ones on both sides until the decision is
 * clear. Returns both cards with the re-asks merged, and the last look.
 */
export async function compareWithRepeats(
  plan: SequentialPlan,
  head: { card: Scorecard; reasker: Reasker },
  base: { card: Scorecard; reasker: Reasker },
  options: { include?: (q: QuestionScore) => boolean; log?: (line: string) => void } = {},
): Promise<ComparedCards> {
  let [h, b] = [head.card, base.card];
  const comparison = await runAdaptiveRepeats(
    plan,
    {
      outcomes: () => pairOutcomes(h, b, options.include),
      // One side after the other: each run has its own rate limiter, and a workspace's limit is shared.
      reask: async (ids) => {
        h = await head.reasker.reask(h, ids);
        b = await base.reasker.reask(b, ids);
      },
    },
    options.log,
  );
  return { head: h, base: b, comparison };
}
