/**
 * The settled parts of one scoring run, built once from its input and handed to every step
 * (asking, expected SQL, judging): options with their defaults, the run's abort signal, its call
 * counts, the shared rate limit and the expected-result cache.
 */
import type { QueryResult } from '../ports.js';
import { isInfrastructureFailure } from './errored.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import type { CallCounts, RepeatResult } from './scorecard.js';
import type { RunScoreInput } from './score-run-types.js';
import { ordersOutput } from './sql-shape.js';
import { sleep as abortableSleep } from '../util/retry.js';

export interface ScoreRun {
  input: RunScoreInput;
  now: () => number;
  /** Aborted by the caller's signal or by `stop` (a run-fatal error met by any worker). */
  signal: AbortSignal;
  stop: AbortController;
  sleep: (ms: number) => Promise<void>;
  repeats: number;
  timeoutMs: number;
  budgetMs: number;
  rowLimit: number | undefined;
  retries: number;
  backoffMs: number;
  calls: CallCounts;
  limiter: RateLimiter;
  /** Whether each benchmark's expected rows come in a required order, by benchmark index. */
  orderMatters: boolean[];
  /** One promise per SQL text, so concurrent askers of paraphrased questions share one execution. */
  expectedResult: (sql: string) => Promise<QueryResult>;
  /** When the run started (its clock). */
  started: number;
}

/** One repeat's result, and the expected SQL's error when the benchmark itself is broken. */
export interface Outcome {
  result: RepeatResult;
  expectedError?: string;
}

export function openScoreRun(input: RunScoreInput): ScoreRun {
  const options = input.options ?? {};
  const now = input.now ?? Date.now;
  // A run-fatal error anywhere stops every worker, not only the one that met it.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // A retry wait ends quietly when the run is stopped: the loop then sees the abort and stops.
  const sleep = input.sleep ?? ((ms: number) => abortableSleep(ms, signal).catch(() => undefined));
  const timeoutMs = options.questionTimeoutMs ?? 120_000;
  const calls: CallCounts = { genie: 0, statements: 0, retries: 0, rateLimited: 0 };
  const started = now();
  const rowLimit = options.statementRowLimit;
  const expectedCache = input.expectedCache ?? new Map<string, Promise<QueryResult>>();
  return {
    input,
    now,
    signal,
    stop,
    sleep,
    repeats: Math.max(1, Math.floor(options.repeats ?? 1)),
    timeoutMs,
    budgetMs: options.questionBudgetMs ?? timeoutMs * 2.5,
    rowLimit,
    retries: options.retries ?? 3,
    backoffMs: options.backoffMs ?? 1000,
    calls,
    limiter: createRateLimiter({ limit: options.questionsPerMinute, now, sleep }),
    orderMatters: input.benchmarks.map((b) => b.orderMatters ?? ordersOutput(b.sql)),
    expectedResult: (sql) =>
      sharedExpected(sql, expectedCache, calls, () => input.warehouse.execute(sql, { rowLimit, signal })),
    started,
  };
}

function sharedExpected(
  sql: string,
  cache: Map<string, Promise<QueryResult>>,
  calls: CallCounts,
  execute: () => Promise<QueryResult>,
): Promise<QueryResult> {
  let pending = cache.get(sql);
  if (!pending) {
    calls.statements++;
    pending = execute();
    // A transport failure is not the benchmark's: let the next asker of this SQL try again.
    pending.catch((error: unknown) => {
      if (isInfrastructureFailure(error)) cache.delete(sql);
    });
    cache.set(sql, pending);
  }
  return pending;
}

/** A repeat that got no answer: errored, never counted as a wrong answer. Rate-limit waits are not its time. */
export function erroredResult(run: ScoreRun, t0: number, error: string, attempts: number, waitedMs = 0): RepeatResult {
  return {
    passed: false,
    verdict: null,
    category: 'api_error',
    genieSql: null,
    durationMs: Math.max(0, run.now() - t0 - waitedMs),
    attempts,
    error,
    errored: true,
  };
}

/** Rethrows the run's abort reason once the run is stopped, so no step records an aborted repeat. */
export function throwIfStopped(run: ScoreRun, error: unknown): void {
  if (run.signal.aborted) throw run.signal.reason ?? error;
}
