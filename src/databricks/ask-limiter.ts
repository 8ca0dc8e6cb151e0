/**
 * The per-workspace questions-per-minute limit. Genie's quota counts the POSTs that
 * ask, per workspace, whatever the space: every Genie adapter of one host shares one
 * limiter. Asks are spaced evenly (60 s / qpm apart) rather than burst, which stays
 * under both a sliding-window and a steady-rate server limit. A 429 pauses everyone and
 * widens the spacing (doubling, decaying again with each ask), so waiting askers do not
 * all return at the same instant and collide again.
 */
import { sleep as abortableSleep } from '../util/retry.js';

export interface AskLimiter {
  /** Waits for this ask's turn; returns the wait in ms. */
  acquire(signal?: AbortSignal): Promise<number>;
  /** The server said "not before `ms` from now": hold every asker back until then. */
  pause(ms: number): void;
}

export interface AskLimiterOptions {
  /** Asks per minute; undefined or <= 0: unlimited (only 429 pauses apply). */
  qpm?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function createAskLimiter(options: AskLimiterOptions): AskLimiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const interval = options.qpm && options.qpm > 0 ? 60_000 / options.qpm : 0;
  let next = 0;
  let learned = 0;
  return {
    async acquire(signal) {
      const t = now();
      const at = Math.max(t, next);
      next = at + Math.max(interval, learned);
      learned *= 0.95;
      const wait = at - t;
      if (wait > 0) await sleep(wait, signal);
      return wait;
    },
    pause(ms) {
      next = Math.max(next, now() + ms);
      learned = Math.min(60_000, Math.max(100, learned * 2));
    },
  };
}

/** The ask limiters of one run, one per workspace host: every Genie adapter of one host shares one. */
export interface AskLimiters {
  forHost(host: string, qpm: number | undefined): AskLimiter;
}

/**
 * Created once per entry run (by the wiring) and handed to every backend it opens, so two
 * scorings of one run against one host keep to one limit; a new qpm setting starts afresh.
 */
export function createAskLimiters(options: Omit<AskLimiterOptions, 'qpm'> = {}): AskLimiters {
  const byHost = new Map<string, { qpm: number | undefined; limiter: AskLimiter }>();
  return {
    forHost(host, qpm) {
      const key = host.toLowerCase();
      const existing = byHost.get(key);
      if (existing && existing.qpm === qpm) return existing.limiter;
      const limiter = createAskLimiter({ ...options, qpm });
      byHost.set(key, { qpm, limiter });
      return limiter;
    },
  };
}
