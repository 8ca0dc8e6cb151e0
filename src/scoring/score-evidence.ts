/**
 * Per-question evidence in a scorecard: how often each question passed of how many asks,
 * which questions are flaky, how repeatable the answers were, and each score's Wilson
 * interval. Genie does not answer the same question the same way every time, so a score
 * without this evidence says more than it knows.
 */
import type { QuestionScore, Totals } from './scorecard.js';
import { wilsonInterval, type Interval } from './statistics.js';

export interface SplitEvidence {
  /** Wilson interval of the split's score at the evidence's confidence. */
  interval: Interval;
  /** Questions asked more than once. */
  repeated: number;
  /** Of those, the questions answered with the same outcome every time. */
  consistent: number;
  /** consistent / repeated; null when no question was asked more than once. */
  repeatability: number | null;
}

export interface ScoreEvidence {
  /** Confidence of the intervals (0.95). */
  confidence: number;
  all: SplitEvidence;
  train: SplitEvidence;
  holdout: SplitEvidence;
  /** Questions that passed in some asks and failed in others, in benchmark order. */
  flaky: string[];
}

/** Pass or fail of each ask of a question; a card without recorded repeats counts its verdict once. */
export function askOutcomes(q: Pick<QuestionScore, 'passed' | 'repeats'>): boolean[] {
  return q.repeats.length > 0 ? q.repeats.map((r) => r.passed) : [q.passed];
}

export function isFlaky(q: Pick<QuestionScore, 'passed' | 'repeats'>): boolean {
  const asks = askOutcomes(q);
  return asks.some((a) => a) && asks.some((a) => !a);
}

function splitEvidence(questions: readonly QuestionScore[], passed: number, total: number, confidence: number) {
  // A broken benchmark (its expected SQL failed) says nothing about Genie's repeatability.
  const repeated = questions.filter((q) => q.repeats.length > 1 && q.expectedError === undefined);
  const consistent = repeated.filter((q) => !isFlaky(q)).length;
  return {
    interval: wilsonInterval(passed, total, confidence),
    repeated: repeated.length,
    consistent,
    repeatability: repeated.length > 0 ? consistent / repeated.length : null,
  };
}

/** The evidence of a set of question scores; `totals` gives each split's passed/total for its interval. */
export function scoreEvidence(questions: readonly QuestionScore[], totals: Totals, confidence = 0.95): ScoreEvidence {
  const of = (split: 'all' | 'train' | 'holdout') => {
    const subset = split === 'all' ? questions : questions.filter((q) => q.split === split);
    return splitEvidence(subset, totals[split].passed, totals[split].total, confidence);
  };
  return {
    confidence,
    all: of('all'),
    train: of('train'),
    holdout: of('holdout'),
    flaky: questions.filter((q) => q.expectedError === undefined && isFlaky(q)).map((q) => q.id),
  };
}
