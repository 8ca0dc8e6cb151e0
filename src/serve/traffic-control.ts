/**
 * The emulator's misbehaviour, all seeded: injected 5xx and dropped connections, stuck
 * messages, and a questions-per-minute gate over the asking POSTs. The gate is a steady
 * rate (one ask per 60 s / qpm, with a little tolerance for network jitter), so
 * N asks need at least (N - 1) * 60 / qpm seconds: the bound the benchmark compares with.
 */
import { mulberry32 } from '../local/genie/prng.js';

export type Fault = 'none' | 'error' | 'drop';

export interface TrafficOptions {
  faultRate?: number;
  stuckRate?: number;
  qpm?: number;
  seed?: number;
  now?: () => number;
}

export interface TrafficControl {
  /** The fault for the next API request. */
  nextFault(): Fault;
  /** Whether the next message should hang in EXECUTING_QUERY. */
  nextStuck(): boolean;
  /** Admits one ask, or says how many ms until one would be admitted. */
  admitAsk(): { ok: true } | { ok: false; retryAfterMs: number };
}

export function createTrafficControl(options: TrafficOptions): TrafficControl {
  const seed = options.seed ?? 1;
  const faults = mulberry32(seed * 2 + 1);
  const stuck = mulberry32(seed * 2 + 2);
  const now = options.now ?? Date.now;
  const faultRate = clamp(options.faultRate ?? 0);
  const stuckRate = clamp(options.stuckRate ?? 0);
  const interval = options.qpm && options.qpm > 0 ? 60_000 / options.qpm : 0;
  const tolerance = Math.min(interval / 4, 1000);
  let theoretical = 0;
  return {
    nextFault() {
      if (faultRate === 0) return 'none';
      const r = faults();
      if (r >= faultRate) return 'none';
      // Half the faults answer 500/503, half drop the connection without an answer.
      return r < faultRate / 2 ? 'error' : 'drop';
    },
    nextStuck() {
      return stuckRate > 0 && stuck() < stuckRate;
    },
    admitAsk() {
      if (interval === 0) return { ok: true };
      const t = now();
      if (t < theoretical - tolerance) return { ok: false, retryAfterMs: theoretical - tolerance - t };
      theoretical = Math.max(theoretical, t) + interval;
      return { ok: true };
    },
  };
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
}
