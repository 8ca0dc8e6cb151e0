/**
 * The scorecard's types, apart from the functions that build and read it (scorecard.ts), so
 * the evidence module and the scorecard share them without importing each other.
 */
import type { QualityScore } from './quality-score.js';
import type { Category } from './failure-category.js';
import type { Verdict } from './result-comparator.js';
import type { Interval } from './statistics.js';

export interface RepeatResult {
  passed: boolean;
  /** null when no comparison was possible (error, timeout, no SQL). */
  verdict: Verdict | null;
  category: Category | null;
  genieSql: string | null;
  durationMs: number;
  /** Ask attempts in this repeat, retries included (0 when it was never asked). */
  attempts: number;
  /** The comparator's reason or the categoriser's detail. */
  reason?: string;
  genieText?: string;
  error?: string;
  /**
   * True when no answer could be obtained (infrastructure failure that survived the retries):
   * not a wrong answer, so it counts neither as passed nor as failed. Absent means answered.
   */
  errored?: boolean;
}

export interface QuestionScore {
  id: string;
  question: string;
  split: 'train' | 'holdout';
  tags: string[];
  /** Passed in the majority of its answered repeats. */
  passed: boolean;
  /** Pass rate over the answered repeats. */
  passRate: number;
  /**
   * Every repeat errored (see RepeatResult.errored): the question is left out of the score.
   * The scorer always sets it; absent (older cards, hand-made ones) means answered.
   */
  errored?: boolean;
  verdict: Verdict | null;
  /** null when passed. */
  category: Category | null;
  /** null when Genie produced none. */
  genieSql: string | null;
  expectedSql: string;
  genieText?: string;
  error?: string;
  reason?: string;
  /**
   * Set when the expected SQL itself failed: the benchmark is broken, not Genie. Genie is not
   * asked, the question has no category, and it counts in `broken`, outside the score.
   */
  expectedError?: string;
  attempts: number;
  /** Mean duration of one repeat. */
  durationMs: number;
  repeats: RepeatResult[];
  /**
   * The config holds an example whose question or (normalised) SQL is this question's
   * (src/scoring/taught.ts): a pass then shows memorisation, not generalisation.
   */
  taught: boolean;
  /** Asks that passed, of `asks` (set by summarizeQuestion; absent in older cards). */
  passes?: number;
  asks?: number;
  /** Passed in some asks and failed in others. */
  flaky?: boolean;
}

export interface SplitTotals {
  passed: number;
  /** Questions scored: every benchmark of the split except the broken ones, answered or errored. */
  total: number;
  /** Broken benchmarks (their expected SQL failed): never scored, listed apart. */
  broken: number;
  /** Questions Genie answered (total - errored): the denominator of the score. */
  answered: number;
  /** Questions with no answer after the retries (infrastructure failures): neither passed nor failed. */
  errored: number;
  /** passed / answered, 0 when nothing was answered: errored questions are not wrong answers. */
  score: number;
  /** Mean per-question pass rate over the answered questions (equals score when repeats is 1). */
  passRate: number;
}

export interface Totals {
  all: SplitTotals;
  train: SplitTotals;
  /** Train questions the config does not teach: the train score that says something about generalisation. */
  trainUntaught: SplitTotals;
  holdout: SplitTotals;
}

export interface CallCounts {
  /** Genie asks made, retries included. */
  genie: number;
  /** Warehouse statements the scorer ran (expected SQL, and Genie SQL without a result). */
  statements: number;
  retries: number;
  rateLimited: number;
}

export interface Scorecard {
  space: string;
  configHash: string;
  benchmarksHash: string;
  backend: string;
  repeats: number;
  totals: Totals;
  /** Failing questions per category; every category is present. */
  categories: Record<Category, number>;
  /** In benchmark order. */
  questions: QuestionScore[];
  calls: CallCounts;
  durationMs: number;
  /** ISO timestamp. */
  startedAt: string;
  /** The config's static quality (lint, 0..100), computed without asking Genie; absent in older cards. */
  quality?: QualityScore;
  /** Intervals, repeatability and flaky questions (absent in older cards until parsed). */
  evidence?: ScoreEvidence;
}

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
