/** Retry timing shared by the HTTP clients (Databricks, model serving, GitHub): Retry-After, else exponential backoff with jitter. */

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

/** Delay before retry number `attempt` (0-based). Jitter (up to +25%) spreads concurrent clients apart. */
export function retryDelay(
  attempt: number,
  policy: BackoffPolicy,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const exponential = policy.baseDelayMs * 2 ** attempt;
  return Math.min(Math.round(exponential * (1 + 0.25 * random())), policy.maxDelayMs);
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
