/**
 * Per-question evidence in a scorecard: how often each question passed of how many asks,
 * which questions are flaky, how repeatable the answers were, and each score's Wilson
 * interval. Genie does not answer the same question the same way every time, so a score
 * without this evidence says more than it knows.
 */
import type { QuestionScore, ScoreEvidence, SplitEvidence, Totals } from './scorecard-types.js';
import { wilsonInterval } from './statistics.js';

/** Pass or fail of each ask of a question; a card without recorded repeats counts its verdict once. */
export function askOutcomes(q: Pick<QuestionScore, 'passed' | 'repeats'>): boolean[] {
  return q.repeats.length > 0 ? q.repeats.map((r) => r.passed) : [q.passed];
}

export function isFlaky(q: Pick<QuestionScore, 'passed' | 'repeats'>): boolean {
  const asks = askOutcomes(q);
  return asks.some((a) => a) && asks.some((a) => !a);
}

function splitEvidence(questions: readonly QuestionScore[], passed: number, answered: number, confidence: number) {
  // A broken benchmark (its expected SQL failed) or an errored question says nothing about Genie's repeatability.
  const repeated = questions.filter((q) => q.repeats.length > 1 && q.expectedError === undefined && !q.errored);
  const consistent = repeated.filter((q) => !isFlaky(q)).length;
  return {
    // Over answered questions, the score's own denominator.
    interval: wilsonInterval(passed, answered, confidence),
    repeated: repeated.length,
    consistent,
    repeatability: repeated.length > 0 ? consistent / repeated.length : null,
  };
}

/** The evidence of a set of question scores; `totals` gives each split's passed/total for its interval. */
export function scoreEvidence(questions: readonly QuestionScore[], totals: Totals, confidence = 0.95): ScoreEvidence {
  const of = (split: 'all' | 'train' | 'holdout') => {
    const subset = split === 'all' ? questions : questions.filter((q) => q.split === split);
    const t = totals[split];
    return splitEvidence(subset, t.passed, t.answered ?? t.total, confidence);
  };
  return {
    confidence,
    all: of('all'),
    train: of('train'),
    holdout: of('holdout'),
    flaky: questions.filter((q) => q.expectedError === undefined && !q.errored && isFlaky(q)).map((q) => q.id),
  };
}
