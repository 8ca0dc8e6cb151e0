/** The shapes of one scoring run: its options, its progress events and its input (score-runner.ts runs it). */
import type { Benchmark } from '../benchmarks/types.js';
import type { Genie, QueryResult, Warehouse } from '../ports.js';
import type { Category } from './failure-category.js';
import type { Verdict } from './result-comparator.js';

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
