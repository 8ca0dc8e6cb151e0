/**
 * The scorecard: what one scoring run found, per question and in total. It is written
 * as a JSON artifact and read back (e.g. the base branch's card in the PR check), so
 * it has a zod schema as well as types.
 */
import { z } from 'zod';
import type { Benchmark } from '../benchmarks/types.js';
import { CATEGORIES, type Category } from './failure-category.js';
import { isFlaky, scoreEvidence } from './score-evidence.js';
import type {
  CallCounts,
  QuestionScore,
  RepeatResult,
  ScoreEvidence,
  Scorecard,
  SplitTotals,
  Totals,
} from './scorecard-types.js';

export type {
  CallCounts,
  QuestionScore,
  RepeatResult,
  ScoreEvidence,
  Scorecard,
  SplitEvidence,
  SplitTotals,
  Totals,
} from './scorecard-types.js';

export function emptyCategoryCounts(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}

export function scorecardTotals(questions: readonly QuestionScore[]): Totals {
  return {
    all: splitTotals(questions),
    train: splitTotals(questions.filter((q) => q.split === 'train')),
    trainUntaught: splitTotals(questions.filter((q) => q.split === 'train' && !q.taught)),
    holdout: splitTotals(questions.filter((q) => q.split === 'holdout')),
  };
}

function splitTotals(questions: readonly QuestionScore[]): SplitTotals {
  const scored = questions.filter((q) => q.expectedError === undefined);
  const total = scored.length;
  const answered = scored.filter((q) => !q.errored);
  const passed = answered.filter((q) => q.passed).length;
  const rates = answered.reduce((sum, q) => sum + q.passRate, 0);
  const n = answered.length;
  return {
    passed,
    total,
    broken: questions.length - total,
    answered: n,
    errored: total - n,
    score: n ? passed / n : 0,
    passRate: n ? rates / n : 0,
  };
}

/** Whether a question's result says anything of Genie: its benchmark ran and Genie answered. */
export function isComparable(q: QuestionScore): boolean {
  // A broken benchmark says nothing of Genie, and an errored question was never answered.
  return q.expectedError === undefined && q.errored !== true;
}

/** The broken benchmarks of a scorecard (expected SQL failed), in benchmark order. */
export function brokenQuestions(card: Pick<Scorecard, 'questions'>): QuestionScore[] {
  return card.questions.filter((q) => q.expectedError !== undefined);
}

/** Wrong answers per category; errored questions are not wrong answers and are left out. */
export function categoryCounts(questions: readonly QuestionScore[]): Record<Category, number> {
  const counts = emptyCategoryCounts();
  // A broken benchmark is not scored and an errored question was not answered: neither is one of Genie's failures.
  for (const q of questions)
    if (!q.passed && !q.errored && q.category && q.expectedError === undefined) counts[q.category]++;
  return counts;
}

/**
 * Folds the repeats of one benchmark into its question score. Only answered repeats vote:
 * the question passes in the majority of them, and errs only when no repeat was answered.
 * The headline fields (verdict, SQL, reason) come from the first answered repeat that agrees
 * with the majority, and the category is the most frequent one among failing repeats
 * (earliest on a tie).
 */
export function summarizeQuestion(
  benchmark: Benchmark,
  repeats: RepeatResult[],
  expectedError?: string,
): QuestionScore {
  const answered = repeats.filter((r) => !r.errored);
  const errored = repeats.length > 0 && answered.length === 0;
  const voting = errored ? repeats : answered;
  const passes = answered.filter((r) => r.passed).length;
  const passed = answered.length > 0 && passes * 2 > answered.length;
  const representative = voting.find((r) => r.passed === passed) ?? voting[0];
  const score: QuestionScore = {
    id: benchmark.id,
    question: benchmark.question,
    split: benchmark.split,
    tags: [...benchmark.tags],
    passed,
    passRate: answered.length ? passes / answered.length : 0,
    errored,
    verdict: representative?.verdict ?? null,
    category: passed ? null : mostFrequentCategory(voting),
    genieSql: representative?.genieSql ?? null,
    expectedSql: benchmark.sql,
    attempts: repeats.reduce((sum, r) => sum + r.attempts, 0),
    durationMs: repeats.length ? Math.round(repeats.reduce((sum, r) => sum + r.durationMs, 0) / repeats.length) : 0,
    repeats,
    taught: false,
    passes,
    asks: repeats.length,
    flaky: passes > 0 && passes < repeats.length,
  };
  if (representative?.genieText !== undefined) score.genieText = representative.genieText;
  if (representative?.error !== undefined) score.error = representative.error;
  if (representative?.reason !== undefined) score.reason = representative.reason;
  if (expectedError !== undefined) score.expectedError = expectedError;
  return score;
}

function mostFrequentCategory(repeats: RepeatResult[]): Category | null {
  const counts = new Map<Category, number>();
  for (const r of repeats) if (!r.passed && r.category) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  let best: Category | null = null;
  for (const [category, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = category;
  return best;
}

export interface ScorecardInput {
  space: string;
  configHash: string;
  benchmarksHash: string;
  backend: string;
  repeats: number;
  /** Must be in benchmark order; the builder keeps it. */
  questions: QuestionScore[];
  /** Ids of the questions the scored config teaches (src/scoring/taught.ts); marks `taught` on each. */
  taught?: ReadonlySet<string>;
  calls: CallCounts;
  durationMs: number;
  startedAt: string;
}

export function buildScorecard(input: ScorecardInput): Scorecard {
  const taught = input.taught;
  const questions = taught ? input.questions.map((q) => ({ ...q, taught: taught.has(q.id) })) : input.questions;
  const totals = scorecardTotals(questions);
  return {
    space: input.space,
    configHash: input.configHash,
    benchmarksHash: input.benchmarksHash,
    backend: input.backend,
    repeats: input.repeats,
    totals,
    categories: categoryCounts(questions),
    questions,
    calls: { ...input.calls },
    durationMs: input.durationMs,
    startedAt: input.startedAt,
    evidence: scoreEvidence(questions, totals),
  };
}

/**
 * Adds the asks of `extra` (a run over some of the same questions) to `card`: each question's
 * repeats are appended and its verdict re-folded, totals, categories and evidence recomputed,
 * calls and time summed. Fields other parts added to a question or the card are kept.
 */
export function mergeRepeats(card: Scorecard, extra: Scorecard): Scorecard {
  const more = new Map(extra.questions.map((q) => [q.id, q]));
  const questions = card.questions.map((q) => {
    const x = more.get(q.id);
    if (!x || x.question !== q.question || x.expectedSql !== q.expectedSql) return q;
    const benchmark: Benchmark = { id: q.id, question: q.question, sql: q.expectedSql, split: q.split, tags: q.tags };
    // What the config teaches does not change with more asks.
    return {
      ...q,
      ...summarizeQuestion(benchmark, [...q.repeats, ...x.repeats], q.expectedError ?? x.expectedError),
      taught: q.taught,
    };
  });
  const sum = (k: keyof CallCounts) => card.calls[k] + extra.calls[k];
  return {
    ...card,
    ...buildScorecard({
      ...card,
      questions,
      calls: {
        genie: sum('genie'),
        statements: sum('statements'),
        retries: sum('retries'),
        rateLimited: sum('rateLimited'),
      },
      durationMs: card.durationMs + extra.durationMs,
    }),
  };
}

/** The card as its first `asks` asks of every question scored it (the screening asks before any re-ask). */
export function firstAsks(card: Scorecard, asks = 1): Scorecard {
  if (card.questions.every((q) => q.repeats.length <= asks)) return card;
  const questions = card.questions.map((q) => {
    if (q.repeats.length <= asks) return q;
    const benchmark: Benchmark = { id: q.id, question: q.question, sql: q.expectedSql, split: q.split, tags: q.tags };
    return { ...q, ...summarizeQuestion(benchmark, q.repeats.slice(0, asks), q.expectedError), taught: q.taught };
  });
  return { ...card, ...buildScorecard({ ...card, questions }) };
}

/** Per-question evidence for a card that lacks it (older cards, or cards built by hand). */
export function withEvidence(card: Scorecard): Scorecard {
  const questions = card.questions.map((q) =>
    q.asks !== undefined
      ? q
      : { ...q, passes: q.repeats.filter((r) => r.passed).length, asks: q.repeats.length, flaky: isFlaky(q) },
  );
  return { ...card, questions, evidence: card.evidence ?? scoreEvidence(questions, card.totals) };
}

const VerdictSchema = z.enum(['exact', 'equivalent', 'superset', 'mismatch']);
const CategorySchema = z.enum(CATEGORIES);
const SplitTotalsSchema = z.looseObject({
  passed: z.number(),
  total: z.number(),
  // Absent in scorecards written before broken benchmarks were counted apart.
  broken: z.number().default(0),
  // Cards written before errored questions existed have neither: everything was answered.
  answered: z.number().optional(),
  errored: z.number().optional(),
  score: z.number(),
  passRate: z.number(),
});

const RepeatResultSchema = z.looseObject({
  passed: z.boolean(),
  verdict: VerdictSchema.nullable(),
  category: CategorySchema.nullable(),
  genieSql: z.string().nullable(),
  durationMs: z.number(),
  attempts: z.number(),
  reason: z.string().optional(),
  genieText: z.string().optional(),
  error: z.string().optional(),
  errored: z.boolean().optional(),
});

const QuestionScoreSchema = z.looseObject({
  id: z.string(),
  question: z.string(),
  split: z.enum(['train', 'holdout']),
  tags: z.array(z.string()),
  passed: z.boolean(),
  passRate: z.number(),
  errored: z.boolean().optional(),
  verdict: VerdictSchema.nullable(),
  category: CategorySchema.nullable(),
  genieSql: z.string().nullable(),
  expectedSql: z.string(),
  genieText: z.string().optional(),
  error: z.string().optional(),
  reason: z.string().optional(),
  expectedError: z.string().optional(),
  attempts: z.number(),
  durationMs: z.number(),
  repeats: z.array(RepeatResultSchema),
  // Scorecards written before taught questions were tracked read as "nothing taught".
  taught: z.boolean().default(false),
  passes: z.number().optional(),
  asks: z.number().optional(),
  flaky: z.boolean().optional(),
});

const IntervalSchema = z.looseObject({ low: z.number(), high: z.number() });
const SplitEvidenceSchema = z.looseObject({
  interval: IntervalSchema,
  repeated: z.number(),
  consistent: z.number(),
  repeatability: z.number().nullable(),
});

/** Validates a scorecard read from JSON (e.g. a previous run's artifact). */
export const ScorecardSchema = z.looseObject({
  space: z.string(),
  configHash: z.string(),
  benchmarksHash: z.string(),
  backend: z.string(),
  repeats: z.number(),
  totals: z.looseObject({
    all: SplitTotalsSchema,
    train: SplitTotalsSchema,
    trainUntaught: SplitTotalsSchema.optional(),
    holdout: SplitTotalsSchema,
  }),
  categories: z.record(CategorySchema, z.number()),
  questions: z.array(QuestionScoreSchema),
  calls: z.looseObject({ genie: z.number(), statements: z.number(), retries: z.number(), rateLimited: z.number() }),
  durationMs: z.number(),
  startedAt: z.string(),
  quality: z
    .looseObject({ score: z.number(), categories: z.record(z.string(), z.looseObject({ score: z.number() })) })
    .optional(),
  evidence: z
    .looseObject({
      confidence: z.number(),
      all: SplitEvidenceSchema,
      train: SplitEvidenceSchema,
      holdout: SplitEvidenceSchema,
      flaky: z.array(z.string()),
    })
    .optional(),
});

/**
 * Validates a scorecard read from JSON and fills what older cards lack (the PR check reads
 * cached base cards): no `errored` means every question was answered, so `answered = total`
 * and the stored score (passed / total) already is passed / answered; an older card without
 * evidence gets it computed from its repeats.
 */
export function parseScorecard(json: unknown): Scorecard {
  const card = ScorecardSchema.parse(json);
  const filled = (t: (typeof card.totals)['all']): SplitTotals => {
    const errored = t.errored ?? 0;
    return { ...t, errored, answered: t.answered ?? t.total - errored };
  };
  const questions = card.questions.map((q) => ({ ...q, errored: q.errored ?? false }));
  const totals: Totals = {
    all: filled(card.totals.all),
    train: filled(card.totals.train),
    // An older card has no trainUntaught; with nothing marked taught it equals train.
    trainUntaught: card.totals.trainUntaught
      ? filled(card.totals.trainUntaught)
      : scorecardTotals(questions as QuestionScore[]).trainUntaught,
    holdout: filled(card.totals.holdout),
  };
  return withEvidence({ ...card, totals, questions } as Scorecard);
}
