/**
 * The score runner: asks every benchmark question (times repeats) of one Genie space,
 * runs the expected SQL once per distinct text, compares the results and builds the
 * scorecard. Bounded concurrency, a shared questions-per-minute limit, retries with
 * backoff within a per-question budget, per-question timeouts; one failing question never
 * aborts the run, only the caller's AbortSignal or an error marked `abortsRun` does.
 * What errored (see errored.ts for the rule) is recorded as errored, never as a wrong answer.
 */
import type { Benchmark } from '../benchmarks/types.js';
import { WarehouseError } from '../errors.js';
import type { Genie, GenieAnswer, QueryResult, Warehouse } from '../ports.js';
import { mapConcurrent } from './concurrency.js';
import { isInfrastructureFailure, serviceFailureOf } from './errored.js';
import { explainFailure, type AnswerStatus, type Category } from './failure-category.js';
import { createRateLimiter } from './rate-limiter.js';
import { compareResults, isPassingVerdict, type Verdict } from './result-comparator.js';
import { errorFacts, sleep as abortableSleep, withRetry } from '../util/retry.js';
import {
  buildScorecard,
  mergeRepeats,
  summarizeQuestion,
  type CallCounts,
  type RepeatResult,
  type Scorecard,
} from './scorecard.js';
import { ordersOutput } from './sql-shape.js';
import { compareAllowingTies } from './order-ties.js';
import { askWithTimeout, QuestionTimeoutError } from './ask-timeout.js';

export { QuestionTimeoutError } from './ask-timeout.js';

export interface ScoreRunOptions {
  /** Questions in flight at once; default 4. */
  concurrency?: number;
  /** Asks per minute shared by all workers; undefined means unlimited. */
  questionsPerMinute?: number;
  /** Times each question is asked; default 1. */
  repeats?: number;
  /** Retries of a transient failure (including a service timeout); default 3. */
  retries?: number;
  /** Base backoff delay; default 1000 ms. */
  backoffMs?: number;
  /** Limit on one ask (and on running Genie's SQL); default 120000 ms. */
  questionTimeoutMs?: number;
  /**
   * Time one question may spend on its attempts and backoff waits, queueing for the rate limit
   * not included; default 2.5 x questionTimeoutMs. Past it, the question is errored.
   */
  questionBudgetMs?: number;
  statementRowLimit?: number;
  signal?: AbortSignal;
}

export interface ProgressEvent {
  done: number;
  total: number;
  id: string;
  /** 1-based repeat number. */
  repeat: number;
  passed: boolean;
  /** No answer could be obtained (neither passed nor failed). */
  errored: boolean;
  verdict: Verdict | null;
  category: Category | null;
  durationMs: number;
  /** The expected SQL failed: a broken benchmark, not asked. */
  broken?: boolean;
}

export interface RunScoreInput {
  space: string;
  configHash: string;
  benchmarksHash: string;
  backend: string;
  benchmarks: Benchmark[];
  /** Ids of benchmark questions the config teaches (src/scoring/taught.ts). */
  taught?: ReadonlySet<string>;
  genie: Genie;
  warehouse: Warehouse;
  options?: ScoreRunOptions;
  onProgress?: (event: ProgressEvent) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source for backoff; injectable for deterministic tests. */
  random?: () => number;
  /** Expected results by SQL text, shared across runs (re-asks) so each expected SQL runs once. */
  expectedCache?: Map<string, Promise<QueryResult>>;
}

/** A FAILED answer whose error type says the service failed (throttling, transient processing error, stuck reply). */
class ServiceFailure extends Error {
  readonly retryable = true;
  constructor(
    readonly answer: GenieAnswer,
    readonly code: string,
  ) {
    super(answer.error?.message ?? code);
  }
}

/** An error that must stop the whole run (e.g. the shared staging space was changed by someone else). */
function abortsRun(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { abortsRun?: unknown }).abortsRun === true;
}

interface Outcome {
  result: RepeatResult;
  expectedError?: string;
}

interface Asked {
  answer?: GenieAnswer;
  status: AnswerStatus;
  /** Set when no genuine answer was obtained: the repeat is errored. */
  erroredBy?: string;
  attempts: number;
  waitedMs: number;
}

export async function runScore(input: RunScoreInput): Promise<Scorecard> {
  const options = input.options ?? {};
  const now = input.now ?? Date.now;
  // A run-fatal error anywhere stops every worker, not only the one that met it.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // A retry wait ends quietly when the run is stopped: the loop then sees the abort and stops.
  const sleep = input.sleep ?? ((ms: number) => abortableSleep(ms, signal).catch(() => undefined));
  const repeats = Math.max(1, Math.floor(options.repeats ?? 1));
  const timeoutMs = options.questionTimeoutMs ?? 120_000;
  const budgetMs = options.questionBudgetMs ?? timeoutMs * 2.5;
  const rowLimit = options.statementRowLimit;
  const calls: CallCounts = { genie: 0, statements: 0, retries: 0, rateLimited: 0 };
  const started = now();
  const limiter = createRateLimiter({ limit: options.questionsPerMinute, now, sleep });
  const expectedCache = input.expectedCache ?? new Map<string, Promise<QueryResult>>();
  const orderMatters = input.benchmarks.map((b) => b.orderMatters ?? ordersOutput(b.sql));

  /** One promise per SQL text, so concurrent askers of paraphrased questions share one execution. */
  const expectedResult = (sql: string): Promise<QueryResult> => {
    let pending = expectedCache.get(sql);
    if (!pending) {
      calls.statements++;
      pending = input.warehouse.execute(sql, { rowLimit, signal });
      // A transport failure is not the benchmark's: let the next asker of this SQL try again.
      pending.catch((error: unknown) => {
        if (isInfrastructureFailure(error)) expectedCache.delete(sql);
      });
      expectedCache.set(sql, pending);
    }
    return pending;
  };

  const ask = async (question: string): Promise<Asked> => {
    let attempts = 0;
    let waitedMs = 0;
    const t0 = now();
    // Queueing for the rate limit is not this question's time: it moves the deadline.
    const remaining = () => t0 + budgetMs + waitedMs - now();
    try {
      const answer = await withRetry(
        async () => {
          waitedMs += await limiter.acquire(signal);
          attempts++;
          calls.genie++;
          let answer: GenieAnswer;
          try {
            answer = await askWithTimeout(input.genie, question, Math.max(1, Math.min(timeoutMs, remaining())), signal);
          } catch (error) {
            if (errorFacts(error).rateLimited) calls.rateLimited++;
            throw error;
          }
          const failure = serviceFailureOf(answer);
          if (failure !== undefined) {
            if (failure.startsWith('RATE_LIMIT')) calls.rateLimited++;
            throw new ServiceFailure(answer, failure);
          }
          return answer;
        },
        {
          retries: options.retries ?? 3,
          backoffMs: options.backoffMs ?? 1000,
          sleep,
          random: input.random,
          signal,
          canRetry: (delayMs) => remaining() > delayMs,
          onRetry: () => void calls.retries++,
        },
      );
      return { answer, status: answer.status, attempts, waitedMs };
    } catch (error) {
      if (abortsRun(error)) stop.abort(error);
      if (signal.aborted) throw signal.reason ?? error;
      const erroredBy =
        error instanceof ServiceFailure
          ? `Genie failed ${error.code}${error.answer.error?.message ? `: ${error.answer.error.message}` : ''}`
          : error instanceof QuestionTimeoutError
            ? `${error.message} (service timeout)`
            : `Genie request failed: ${messageOf(error)}`;
      const answer = error instanceof ServiceFailure ? error.answer : undefined;
      const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
      return { answer, status: 'ERROR', erroredBy: `${erroredBy}${tries}`, attempts, waitedMs };
    }
  };

  const erroredResult = (t0: number, error: string, attempts: number, waitedMs = 0): RepeatResult => ({
    passed: false,
    verdict: null,
    category: 'api_error',
    genieSql: null,
    durationMs: Math.max(0, now() - t0 - waitedMs),
    attempts,
    error,
    errored: true,
  });

  const scoreOnce = async (index: number): Promise<Outcome> => {
    const benchmark = input.benchmarks[index];
    const t0 = now();
    let expected: QueryResult;
    try {
      expected = await expectedResult(benchmark.sql);
    } catch (error) {
      if (signal.aborted) throw signal.reason ?? error;
      const message = messageOf(error);
      // The warehouse could not be reached: nothing is known about this question yet.
      if (isInfrastructureFailure(error)) return { result: erroredResult(t0, `expected SQL not run: ${message}`, 0) };
      // A broken benchmark is not Genie's failure: Genie is not asked (saving its quota), and the
      // scorecard counts it apart from the score.
      const result: RepeatResult = {
        passed: false,
        verdict: null,
        // A runaway expected query is stopped by the warehouse and says so; any other failure has no
        // category (a broken benchmark is not one of Genie's failures).
        category: isStatementTimeout(error) ? 'timeout' : null,
        genieSql: null,
        durationMs: now() - t0,
        attempts: 0,
        error: `expected SQL failed: ${message}`,
      };
      return { result, expectedError: message };
    }

    const asked = await ask(benchmark.question);
    if (asked.erroredBy !== undefined)
      return { result: erroredResult(t0, asked.erroredBy, asked.attempts, asked.waitedMs) };
    const answer = asked.answer;
    const genieSql = answer?.sql?.trim() ? answer.sql : null;
    const base = { genieSql, attempts: asked.attempts, ...(answer?.text ? { genieText: answer.text } : {}) };
    const finish = (fields: Omit<RepeatResult, 'durationMs' | 'attempts' | 'genieSql'>): Outcome => ({
      result: { ...base, ...fields, durationMs: Math.max(0, now() - t0 - asked.waitedMs) },
    });
    const fail = (status: AnswerStatus, error: string | undefined, genieError = answer?.error): Outcome => {
      const { category, detail } = explainFailure({ expectedSql: benchmark.sql, genieSql, genieError, status });
      const message = error ?? genieError?.message;
      return finish({
        passed: false,
        verdict: null,
        category,
        ...(message ? { error: message } : {}),
        ...(detail && detail !== message ? { reason: detail } : {}),
      });
    };

    if (asked.status !== 'COMPLETED' || !answer) return fail(asked.status, undefined);
    if (!genieSql) return fail('COMPLETED', undefined);

    let actual = answer.result;
    if (!actual) {
      try {
        calls.statements++;
        actual = await input.warehouse.execute(genieSql, { rowLimit, timeoutMs, signal });
      } catch (error) {
        if (signal.aborted) throw signal.reason ?? error;
        if (isInfrastructureFailure(error))
          return {
            result: erroredResult(t0, `Genie's SQL not run: ${messageOf(error)}`, asked.attempts, asked.waitedMs),
          };
        return fail('FAILED', `Genie's SQL failed: ${messageOf(error)}`, {
          type: 'SQL_EXECUTION_EXCEPTION',
          message: messageOf(error),
        });
      }
    }
    let comparison = compareResults(expected, actual, { orderMatters: orderMatters[index] });
    if (!isPassingVerdict(comparison.verdict) && orderMatters[index]) {
      // Rows tied on the expected sort key may come in any order, or be any of the tied rows at a LIMIT.
      const tied = await compareAllowingTies(benchmark.sql, actual, input.warehouse, expectedResult);
      if (tied && isPassingVerdict(tied.verdict)) comparison = tied;
    }
    if (isPassingVerdict(comparison.verdict)) {
      return finish({ passed: true, verdict: comparison.verdict, category: null, reason: comparison.reason });
    }
    const { category, detail } = explainFailure({
      expectedSql: benchmark.sql,
      genieSql,
      status: 'COMPLETED',
      verdict: comparison.verdict,
    });
    return finish({
      passed: false,
      verdict: comparison.verdict,
      category,
      reason: detail ? `${comparison.reason} ${detail}` : comparison.reason,
    });
  };

  const jobs = Array.from({ length: repeats }, (_, r) =>
    input.benchmarks.map((_, i) => ({ index: i, repeat: r })),
  ).flat();
  const outcomes = input.benchmarks.map(() => new Array<RepeatResult>(repeats));
  const expectedErrors = new Map<number, string>();
  let done = 0;
  await mapConcurrent(
    jobs,
    options.concurrency ?? 4,
    async (job) => {
      const outcome = await scoreOnce(job.index);
      outcomes[job.index][job.repeat] = outcome.result;
      if (outcome.expectedError !== undefined) expectedErrors.set(job.index, outcome.expectedError);
      done++;
      const r = outcome.result;
      input.onProgress?.({
        done,
        total: jobs.length,
        id: input.benchmarks[job.index].id,
        repeat: job.repeat + 1,
        passed: r.passed,
        errored: r.errored === true,
        verdict: r.verdict,
        category: r.category,
        durationMs: r.durationMs,
        ...(outcome.expectedError !== undefined ? { broken: true } : {}),
      });
    },
    signal,
  );
  signal.throwIfAborted();

  const questions = input.benchmarks.map((b, i) => summarizeQuestion(b, outcomes[i], expectedErrors.get(i)));
  return buildScorecard({
    space: input.space,
    configHash: input.configHash,
    benchmarksHash: input.benchmarksHash,
    backend: input.backend,
    repeats,
    questions,
    taught: input.taught,
    calls,
    durationMs: now() - started,
    startedAt: new Date(started).toISOString(),
  });
}

/**
 * Asks the questions named in `ids` `times` more times each and adds those asks to `card`
 * (adaptive repeats). Pass the same Genie as the card's run, so a noisy engine keeps drawing
 * fresh answers rather than replaying its first ones.
 */
export async function reaskScore(
  input: RunScoreInput,
  card: Scorecard,
  ids: readonly string[],
  times = 1,
): Promise<Scorecard> {
  const wanted = new Set(ids);
  const benchmarks = input.benchmarks.filter((b) => wanted.has(b.id));
  if (benchmarks.length === 0 || times < 1) return card;
  const extra = await runScore({ ...input, benchmarks, options: { ...input.options, repeats: times } });
  return mergeRepeats(card, extra);
}

function isStatementTimeout(error: unknown): boolean {
  return error instanceof WarehouseError && error.code === 'TIMEOUT';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
