/**
 * The one retry policy of every outside call (the scorer's asks, the Databricks and model-serving
 * clients, GitHub, OAuth): transient failures (errors marked `retryable: true`, HTTP 429 and 5xx)
 * are retried after the server's Retry-After when it gives one, else after the one backoff
 * formula (`backoffDelay`); every wait is the one abortable `sleep`.
 */

/** Retry-After as milliseconds: delta-seconds (fractions allowed) or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface BackoffPolicy {
  /** First delay when the service gives no Retry-After. */
  baseDelayMs: number;
  /** Upper bound for any single wait, Retry-After included, so a bad header cannot stall a run. */
  maxDelayMs: number;
}

/** Delay before retry number `attempt` (0-based): Retry-After (capped) when given, else the backoff formula. */
export function retryDelay(
  attempt: number,
  policy: BackoffPolicy,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  return backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs, random);
}

/** Wait, ending early (rejecting with the signal's reason) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /** Base delay; attempt n waits about backoffMs * 2^n. */
  backoffMs: number;
  maxDelayMs?: number;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  signal?: AbortSignal;
  /** Asked before each retry wait; false gives up (e.g. the caller's time budget would be spent). */
  canRetry?: (delayMs: number) => boolean;
  /** Called before each retry wait. */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown; rateLimited: boolean }) => void;
}

interface ErrorFacts {
  retryable: boolean;
  rateLimited: boolean;
  retryAfterMs: number | null;
}

export function errorFacts(error: unknown): ErrorFacts {
  if (typeof error !== 'object' || error === null) return { retryable: false, rateLimited: false, retryAfterMs: null };
  const e = error as {
    retryable?: unknown;
    status?: unknown;
    statusCode?: unknown;
    retryAfterMs?: unknown;
    code?: unknown;
  };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : null;
  const rateLimited = status === 429 || (typeof e.code === 'string' && e.code.startsWith('RATE_LIMIT'));
  const retryable = e.retryable === true || rateLimited || (status !== null && status >= 500 && status <= 599);
  const retryAfterMs =
    typeof e.retryAfterMs === 'number' && Number.isFinite(e.retryAfterMs) && e.retryAfterMs >= 0
      ? e.retryAfterMs
      : null;
  return { retryable: retryable && e.retryable !== false, rateLimited, retryAfterMs };
}

export function isRetryable(error: unknown): boolean {
  return errorFacts(error).retryable;
}

/** Full backoff for attempt n (0-based): base * 2^n, jittered to 50-100% so parallel workers spread out. */
export function backoffDelay(
  attempt: number,
  backoffMs: number,
  maxDelayMs = 60_000,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxDelayMs, backoffMs * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

/** Runs `fn` until it succeeds, a non-retryable error occurs, or the retries are spent. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      const facts = errorFacts(error);
      if (!facts.retryable || attempt >= options.retries || options.signal?.aborted) throw error;
      const delayMs =
        facts.retryAfterMs ?? backoffDelay(attempt, options.backoffMs, options.maxDelayMs, options.random);
      if (options.canRetry && !options.canRetry(delayMs)) throw error;
      options.onRetry?.({ attempt, delayMs, error, rateLimited: facts.rateLimited });
      await options.sleep(delayMs);
    }
  }
}
