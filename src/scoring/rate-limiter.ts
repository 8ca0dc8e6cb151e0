/**
 * A sliding-window limit on questions per minute, shared by all workers. Only asks
 * count (Genie's quota counts the POSTs that ask, not polls). Acquisitions queue in
 * order so a waiting worker is not overtaken by one that arrives later.
 */

export interface RateLimiter {
  /** Resolves when one more ask may start; returns how long it waited (ms). */
  acquire(signal?: AbortSignal): Promise<number>;
}

export interface RateLimiterOptions {
  /** Asks allowed per window; undefined or <= 0 means unlimited. */
  limit?: number;
  windowMs?: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, now, sleep } = options;
  const windowMs = options.windowMs ?? 60_000;
  if (limit === undefined || !(limit > 0)) return { acquire: async () => 0 };

  const starts: number[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  const take = async (began: number, signal?: AbortSignal): Promise<number> => {
    for (;;) {
      signal?.throwIfAborted();
      const t = now();
      while (starts.length > 0 && starts[0] <= t - windowMs) starts.shift();
      if (starts.length < limit) {
        starts.push(t);
        return t - began;
      }
      await sleep(Math.max(1, starts[0] + windowMs - t));
    }
  };

  return {
    acquire(signal) {
      // The wait includes time queued behind earlier callers.
      const began = now();
      const turn = queue.then(() => take(began, signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
