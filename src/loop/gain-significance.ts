/**
 * Enhance's gain under Genie's nondeterminism: an iteration counts as a gain only when the paired
 * test on the questions it changed (the gain questions, train by default) finds head better than
 * the current config at the run's confidence. With a deterministic engine the re-asks agree with
 * the first answers and any consistent gain is significant by the last look, so this reduces to
 * the plain count rule; with a noisy one, gains that are noise are not kept.
 *
 * `significantGain` is the pure rule on two cards; `confirmGain` gathers the evidence first, with
 * the same adaptive repeats as the PR check (re-asking only the questions whose answers disagree).
 */
import {
  DEFAULT_MAX_REPEATS,
  assessLook,
  compareWithRepeats,
  pairOutcomes,
  type Look,
  type Reasker,
  type SequentialPlan,
} from '../scoring/adaptive-repeats.js';
import { formatP, intervalLevel, signedPoints } from '../scoring/score-gate.js';
import { firstAsks, type QuestionScore, type Scorecard } from '../scoring/scorecard.js';

export interface GainOptions {
  /** One-sided confidence the gain must reach; default 0.95. */
  confidence?: number;
  /** Most re-asks per side of a disagreeing question; default 3. */
  maxRepeats?: number;
  /** The questions the gain is measured on; default the train split. */
  include?: (q: QuestionScore) => boolean;
  /**
   * Genie gives one answer per question and config (Backend.deterministic): the difference is
   * exact, so it is significant exactly when it is a net gain, and nothing is re-asked.
   */
  deterministic?: boolean;
}

export interface GainCheck {
  significant: boolean;
  reason: string;
  look: Look;
}

const trainOnly = (q: QuestionScore) => q.split === 'train';

function planOf(options: GainOptions): SequentialPlan {
  return {
    direction: 'better',
    tolerance: 0,
    confidence: options.confidence,
    maxRepeats: options.maxRepeats ?? DEFAULT_MAX_REPEATS,
  };
}

function describe(look: Look): string {
  const t = look.test;
  const shown = `${signedPoints(t.estimate)} (${intervalLevel(t.confidence)} interval ${signedPoints(t.interval.low)} to ${signedPoints(t.interval.high)}, one-sided ${formatP(t.pBetter)}, ${t.discordant.length} question(s) changed)`;
  return look.significant ? `significant gain ${shown}` : `gain not significant: ${shown}`;
}

/** The pure rule: is `candidate` significantly better than `current` on the gain questions, on the asks the cards hold? */
export function significantGain(current: Scorecard, candidate: Scorecard, options: GainOptions = {}): GainCheck {
  const look = assessLook(pairOutcomes(candidate, current, options.include ?? trainOnly), planOf(options), Infinity);
  return { significant: look.significant, reason: describe(look), look };
}

/** The exact rule for a deterministic Genie: a net gain on the gain questions is a gain, with no chance involved. */
export function exactGain(current: Scorecard, candidate: Scorecard, options: GainOptions = {}): GainCheck {
  const look = assessLook(
    pairOutcomes(candidate, firstAsks(current), options.include ?? trainOnly),
    planOf(options),
    Infinity,
  );
  const net = Math.round(look.test.estimate * look.test.questions);
  const significant = net > 0;
  const shown = `${net >= 0 ? '+' : ''}${net} question(s) of ${look.test.questions}, ${look.test.discordant.length} changed`;
  const reason = significant
    ? `exact gain ${shown} (deterministic Genie: a re-ask cannot change an answer)`
    : `no gain: ${shown} (deterministic Genie)`;
  return { significant, reason, look: { ...look, significant } };
}

/**
 * Re-asks the changed gain questions of both configs until the gain is clearly significant or
 * clearly not, and returns the verdict with the candidate's card holding its re-asks. The current
 * card is compared on its first asks only: its extra asks were chosen by an earlier comparison.
 */
export async function confirmGain(
  current: { card: Scorecard; reasker: Reasker },
  candidate: { card: Scorecard; reasker: Reasker },
  options: GainOptions & { log?: (line: string) => void } = {},
): Promise<GainCheck & { card: Scorecard }> {
  if (options.deterministic) return { ...exactGain(current.card, candidate.card, options), card: candidate.card };
  const compared = await compareWithRepeats(
    planOf(options),
    candidate,
    { card: firstAsks(current.card), reasker: current.reasker },
    { include: options.include ?? trainOnly, log: options.log },
  );
  const look = compared.comparison;
  return { significant: look.significant, reason: describe(look), look, card: compared.head };
}
