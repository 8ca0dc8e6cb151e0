/**
 * One repeat of one benchmark question, in steps: run the expected SQL (a broken benchmark is not
 * asked), ask Genie, get the rows of Genie's SQL, compare. Each step either hands its value on
 * or ends the repeat with its outcome; what could not be obtained ends it errored.
 */
import type { Benchmark } from '../benchmarks/types.js';
import { WarehouseError, messageOf } from '../errors.js';
import type { GenieAnswer, QueryResult } from '../ports.js';
import { isInfrastructureFailure } from './errored.js';
import { explainFailure, type AnswerStatus } from './failure-category.js';
import { compareWithTies } from './order-ties.js';
import { isPassingVerdict } from './result-comparator.js';
import type { RepeatResult } from './scorecard.js';
import { askGenie, type Asked } from './score-ask.js';
import { erroredResult, throwIfStopped, type Outcome, type ScoreRun } from './score-run.js';

/** A step's value, or the outcome that ends the repeat there. */
type Step<T> = { value: T } | { outcome: Outcome };

/** A question Genie answered (COMPLETED, with SQL): what judging its rows starts from. */
interface Answered {
  index: number;
  benchmark: Benchmark;
  t0: number;
  asked: Asked;
  answer: GenieAnswer;
  genieSql: string;
}

export async function scoreOnce(run: ScoreRun, index: number): Promise<Outcome> {
  const benchmark = run.input.benchmarks[index];
  const t0 = run.now();
  const expected = await expectedStep(run, benchmark, t0);
  if ('outcome' in expected) return expected.outcome;
  const asked = await askGenie(run, benchmark.question);
  if (asked.erroredBy !== undefined)
    return { result: erroredResult(run, t0, asked.erroredBy, asked.attempts, asked.waitedMs) };
  const answer = asked.answer;
  const genieSql = answer?.sql?.trim() ? answer.sql : null;
  if (asked.status !== 'COMPLETED' || !answer) return failed(run, { benchmark, t0, asked, genieSql }, asked.status);
  if (!genieSql) return failed(run, { benchmark, t0, asked, genieSql }, 'COMPLETED');
  const answered: Answered = { index, benchmark, t0, asked, answer, genieSql };
  const actual = await actualStep(run, answered);
  if ('outcome' in actual) return actual.outcome;
  return judged(run, answered, expected.value, actual.value);
}

/** The expected rows; a failure is the warehouse's (errored) or the benchmark's (broken, Genie not asked). */
async function expectedStep(run: ScoreRun, benchmark: Benchmark, t0: number): Promise<Step<QueryResult>> {
  try {
    return { value: await run.expectedResult(benchmark.sql) };
  } catch (error) {
    throwIfStopped(run, error);
    const message = messageOf(error);
    // The warehouse could not be reached: nothing is known about this question yet.
    if (isInfrastructureFailure(error))
      return { outcome: { result: erroredResult(run, t0, `expected SQL not run: ${message}`, 0) } };
    // A broken benchmark is not Genie's failure: Genie is not asked (saving its quota), and the
    // scorecard counts it apart from the score.
    const result: RepeatResult = {
      passed: false,
      verdict: null,
      // A runaway expected query is stopped by the warehouse and says so; any other failure has no
      // category (a broken benchmark is not one of Genie's failures).
      category: isStatementTimeout(error) ? 'timeout' : null,
      genieSql: null,
      durationMs: run.now() - t0,
      attempts: 0,
      error: `expected SQL failed: ${message}`,
    };
    return { outcome: { result, expectedError: message } };
  }
}

/** The rows of Genie's answer: those it returned, else its SQL run on the warehouse. */
async function actualStep(run: ScoreRun, answered: Answered): Promise<Step<QueryResult>> {
  if (answered.answer.result) return { value: answered.answer.result };
  try {
    run.calls.statements++;
    const { rowLimit, timeoutMs, signal } = run;
    return { value: await run.input.warehouse.execute(answered.genieSql, { rowLimit, timeoutMs, signal }) };
  } catch (error) {
    throwIfStopped(run, error);
    const { t0, asked } = answered;
    if (isInfrastructureFailure(error))
      return {
        outcome: {
          result: erroredResult(run, t0, `Genie's SQL not run: ${messageOf(error)}`, asked.attempts, asked.waitedMs),
        },
      };
    const genieError = { type: 'SQL_EXECUTION_EXCEPTION', message: messageOf(error) };
    return { outcome: failed(run, answered, 'FAILED', `Genie's SQL failed: ${messageOf(error)}`, genieError) };
  }
}

/** Compares Genie's rows with the expected ones; in an ordered result, rows tied on the sort key may swap. */
async function judged(run: ScoreRun, answered: Answered, expected: QueryResult, actual: QueryResult): Promise<Outcome> {
  const { index, benchmark, genieSql } = answered;
  const orderMatters = run.orderMatters[index];
  const comparison = await compareWithTies(
    expected,
    actual,
    benchmark.sql,
    orderMatters,
    run.input.warehouse,
    run.expectedResult,
  );
  if (isPassingVerdict(comparison.verdict))
    return finished(run, answered, {
      passed: true,
      verdict: comparison.verdict,
      category: null,
      reason: comparison.reason,
    });
  const { category, detail } = explainFailure({
    expectedSql: benchmark.sql,
    genieSql,
    status: 'COMPLETED',
    verdict: comparison.verdict,
  });
  return finished(run, answered, {
    passed: false,
    verdict: comparison.verdict,
    category,
    reason: detail ? `${comparison.reason} ${detail}` : comparison.reason,
  });
}

type Finishing = Pick<Answered, 'benchmark' | 't0' | 'asked'> & { genieSql: string | null };

/** A repeat that got an answer: Genie's SQL and text, its attempts, and its time without rate-limit waits. */
function finished(
  run: ScoreRun,
  at: Finishing,
  fields: Omit<RepeatResult, 'durationMs' | 'attempts' | 'genieSql'>,
): Outcome {
  const text = at.asked.answer?.text;
  const base = { genieSql: at.genieSql, attempts: at.asked.attempts, ...(text ? { genieText: text } : {}) };
  return { result: { ...base, ...fields, durationMs: Math.max(0, run.now() - at.t0 - at.asked.waitedMs) } };
}

/** A repeat Genie answered without a comparable result: categorised from its status, SQL and error. */
function failed(
  run: ScoreRun,
  at: Finishing,
  status: AnswerStatus,
  error?: string,
  genieError = at.asked.answer?.error,
): Outcome {
  const { category, detail } = explainFailure({
    expectedSql: at.benchmark.sql,
    genieSql: at.genieSql,
    genieError,
    status,
  });
  const message = error ?? genieError?.message;
  return finished(run, at, {
    passed: false,
    verdict: null,
    category,
    ...(message ? { error: message } : {}),
    ...(detail && detail !== message ? { reason: detail } : {}),
  });
}

function isStatementTimeout(error: unknown): boolean {
  return error instanceof WarehouseError && error.code === 'TIMEOUT';
}
