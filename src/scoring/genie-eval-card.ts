/**
 * Genie's own evaluation run read as one of our scorecards, and its agreement with ours (pure).
 * GOOD passes; BAD fails, its reasons mapped to our failure categories; NEEDS_REVIEW is an
 * answer Genie would not call correct, so it is answered and not passed (marked in the reason);
 * a benchmark the run has no result for is errored (no answer), never a wrong one.
 */
import { genieQuestionId } from '../benchmarks/genie-benchmarks.js';
import type { Benchmark } from '../benchmarks/types.js';
import type { EvalAssessment, EvalRun } from '../ports.js';
import type { Category } from './failure-category.js';
import { buildScorecard, summarizeQuestion, type RepeatResult, type Scorecard } from './scorecard.js';
import { pct } from '../util/percent.js';

const REASON_CATEGORY: Array<[RegExp, Category]> = [
  [/FILTER/, 'wrong_filter'],
  [/JOIN/, 'wrong_join'],
  [/METRIC|AGGREGAT/, 'wrong_aggregation'],
  [/GROUP/, 'wrong_grouping'],
  [/ORDER|LIMIT/, 'wrong_order_or_limit'],
  [/COLUMN/, 'wrong_column'],
  [/TABLE/, 'wrong_table'],
];

export function categoryOfReasons(reasons: readonly string[]): Category {
  for (const reason of reasons)
    for (const [pattern, category] of REASON_CATEGORY) if (pattern.test(reason.toUpperCase())) return category;
  return 'result_mismatch';
}

function repeatOf(a: EvalAssessment | undefined): RepeatResult {
  if (!a)
    return {
      passed: false,
      verdict: null,
      category: null,
      genieSql: null,
      durationMs: 0,
      attempts: 0,
      errored: true,
      error: "Genie's eval run returned no result for this question",
    };
  const passed = a.assessment === 'GOOD';
  const why = a.reasons.length ? `: ${a.reasons.join(', ')}` : '';
  return {
    passed,
    verdict: null,
    category: passed ? null : categoryOfReasons(a.reasons),
    genieSql: a.genieSql ?? null,
    durationMs: 0,
    attempts: 1,
    reason: `Genie eval ${a.assessment}${why}`,
  };
}

export interface EvalCardInput {
  space: string;
  configHash: string;
  benchmarksHash: string;
  backend: string;
  benchmarks: readonly Benchmark[];
  run: EvalRun;
  taught?: ReadonlySet<string>;
  startedAt: number;
  durationMs: number;
}

export function evalScorecard(input: EvalCardInput): Scorecard {
  const byId = new Map(input.run.assessments.map((a) => [a.questionId, a]));
  const questions = input.benchmarks.map((b) => summarizeQuestion(b, [repeatOf(byId.get(genieQuestionId(b.id)))]));
  return buildScorecard({
    space: input.space,
    configHash: input.configHash,
    benchmarksHash: input.benchmarksHash,
    backend: `${input.backend} (genie-eval ${input.run.runId})`,
    repeats: 1,
    questions,
    taught: input.taught,
    calls: { genie: 0, statements: 0, retries: 0, rateLimited: 0 },
    durationMs: input.durationMs,
    startedAt: new Date(input.startedAt).toISOString(),
  });
}

export interface ScorerAgreement {
  /** Questions answered (not errored, not broken) by both scorers. */
  compared: number;
  agreed: number;
  /** agreed / compared (1 when nothing was compared). */
  rate: number;
  rows: Array<{ id: string; ours: 'pass' | 'fail' | 'errored'; genie: 'pass' | 'fail' | 'errored'; agree: boolean }>;
}

export function scorerAgreement(ours: Scorecard, genie: Scorecard): ScorerAgreement {
  const theirs = new Map(genie.questions.map((q) => [q.id, q]));
  const side = (q: { passed: boolean; errored?: boolean; expectedError?: string } | undefined) =>
    !q || q.errored || q.expectedError !== undefined ? 'errored' : q.passed ? 'pass' : 'fail';
  const rows = ours.questions.map((q) => {
    const o = side(q);
    const g = side(theirs.get(q.id));
    return { id: q.id, ours: o, genie: g, agree: o === g } as ScorerAgreement['rows'][number];
  });
  const compared = rows.filter((r) => r.ours !== 'errored' && r.genie !== 'errored');
  const agreed = compared.filter((r) => r.agree).length;
  return { compared: compared.length, agreed, rate: compared.length ? agreed / compared.length : 1, rows };
}

/** Both verdicts per question and the agreement rate, for the log, the job summary and the CLI. */
export function renderAgreementMarkdown(space: string, ours: Scorecard, genie: Scorecard, a: ScorerAgreement): string {
  const icon = { pass: '✅ pass', fail: '❌ fail', errored: '⚪ errored' } as const;
  return [
    `## Scorers side by side: \`${space}\``,
    '',
    `Ours ${pct(ours.totals.all.score)} (${ours.totals.all.passed}/${ours.totals.all.answered}), Genie's eval run ${pct(genie.totals.all.score)} (${genie.totals.all.passed}/${genie.totals.all.answered}); agreement ${pct(a.rate)} (${a.agreed} of ${a.compared} questions answered by both).`,
    '',
    '| question | ours | Genie eval | agree |',
    '|---|---|---|---|',
    ...a.rows.map((r) => `| \`${r.id}\` | ${icon[r.ours]} | ${icon[r.genie]} | ${r.agree ? 'yes' : '**no**'} |`),
    '',
  ].join('\n');
}
