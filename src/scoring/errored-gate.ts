/**
 * Gates over scorecards with errored questions (pure). An errored question is an outage,
 * not a wrong answer, so a gate never fails or passes on it: scores are compared on the
 * questions answered in both cards, and when too many questions errored on either side the
 * verdict is *inconclusive* (neutral: the check neither fails nor claims a pass).
 */
import type { Scorecard } from './scorecard.js';
import { pct } from '../util/percent.js';

/** Default largest share of errored questions (per card) before a gate is inconclusive. */
export const DEFAULT_MAX_ERRORED = 0.1;

export interface ErroredSide {
  /** Which card: e.g. `head`, `base`. */
  label: string;
  /** Ids of the errored questions, in benchmark order. */
  ids: string[];
  total: number;
  /** ids.length / total (0 for an empty card). */
  fraction: number;
}

export interface Inconclusive {
  /** The sides whose errored share is above the limit. */
  sides: ErroredSide[];
  /** One sentence naming the errored questions, for comments, summaries and logs. */
  message: string;
}

const MAX_NAMED = 20;

export function erroredIds(card: Scorecard): string[] {
  return card.questions.filter((q) => q.errored).map((q) => q.id);
}

export function erroredSide(label: string, card: Scorecard): ErroredSide {
  const ids = erroredIds(card);
  const total = card.questions.length;
  return { label, ids, total, fraction: total ? ids.length / total : 0 };
}

/** Names up to MAX_NAMED ids, then says how many more. */
export function nameIds(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_NAMED).join(', ');
  return ids.length > MAX_NAMED ? `${shown} and ${ids.length - MAX_NAMED} more` : shown;
}

/**
 * Undefined when every card's errored share is within `maxErrored`; otherwise why the
 * gate cannot decide, naming the errored questions of each side over the limit.
 */
export function inconclusiveVerdict(
  cards: ReadonlyArray<{ label: string; card: Scorecard }>,
  maxErrored: number = DEFAULT_MAX_ERRORED,
): Inconclusive | undefined {
  // A tiny epsilon keeps float noise from tipping a share equal to the limit over it.
  const sides = cards.map((c) => erroredSide(c.label, c.card)).filter((s) => s.fraction > maxErrored + 1e-9);
  if (sides.length === 0) return undefined;
  const parts = sides.map(
    (s) => `${s.ids.length} of ${s.total} questions (${pct(s.fraction)}) errored on ${s.label}: ${nameIds(s.ids)}`,
  );
  return {
    sides,
    message: `inconclusive: ${parts.join('; ')}. That is more than max-errored ${pct(maxErrored)}: these are infrastructure failures (throttling, HTTP errors, stuck messages), not wrong answers, so the check neither fails nor passes; re-run it`,
  };
}

export interface PairedTotals {
  /** Questions present in both cards and answered in both. */
  ids: string[];
  head: { passed: number; answered: number; score: number };
  base: { passed: number; answered: number; score: number };
  /** Questions left out because they errored on one side or both. */
  erroredIds: string[];
}

/** Head and base scored on the same questions: those answered in both. */
export function pairedAnswered(head: Scorecard, base: Scorecard): PairedTotals {
  const before = new Map(base.questions.map((q) => [q.id, q]));
  const ids: string[] = [];
  const left: string[] = [];
  let headPassed = 0;
  let basePassed = 0;
  for (const q of head.questions) {
    const b = before.get(q.id);
    if (!b) continue;
    if (q.errored || b.errored) {
      left.push(q.id);
      continue;
    }
    ids.push(q.id);
    if (q.passed) headPassed++;
    if (b.passed) basePassed++;
  }
  const n = ids.length;
  return {
    ids,
    head: { passed: headPassed, answered: n, score: n ? headPassed / n : 0 },
    base: { passed: basePassed, answered: n, score: n ? basePassed / n : 0 },
    erroredIds: left,
  };
}
