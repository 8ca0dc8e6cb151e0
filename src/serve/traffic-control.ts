/**
 * The emulator's misbehaviour, all seeded: injected 5xx and dropped connections before a
 * request is handled (nothing happened) or after it (the state changed and the answer is
 * lost: the case a client must resolve by reading back), stuck messages, targeted one-off
 * faults for tests, and a questions-per-minute gate over the asking POSTs. The gate is a steady
 * rate (one ask per 60 s / qpm, with a little tolerance for network jitter), so
 * N asks need at least (N - 1) * 60 / qpm seconds: the bound the benchmark compares with.
 */
import { mulberry32 } from '../util/seeded-random.js';

export type Fault = 'none' | 'error' | 'drop';

/** A one-off fault for the next matching request(s), e.g. "lose the answer to the next PATCH". */
export interface FaultRule {
  method?: string;
  path: RegExp;
  when: 'before' | 'after';
  kind: 'error' | 'drop';
  /** How many matching requests get it; default 1. */
  times?: number;
}

export interface TrafficOptions {
  /** Share of requests failed before handling. */
  faultRate?: number;
  /** Share of requests whose answer is lost after handling (the change is made). */
  faultAfterRate?: number;
  stuckRate?: number;
  qpm?: number;
  seed?: number;
  now?: () => number;
}

export interface TrafficControl {
  /** The fault for an API request, before it is handled. */
  nextFault(method?: string, path?: string): Fault;
  /** The fault for the answer of a request that was handled. */
  nextFaultAfter(method?: string, path?: string): Fault;
  /** Queues a one-off fault; it wins over the random ones. */
  inject(rule: FaultRule): void;
  /** Whether the next message should hang in EXECUTING_QUERY. */
  nextStuck(): boolean;
  /** Admits one ask, or says how many ms until one would be admitted. */
  admitAsk(): { ok: true } | { ok: false; retryAfterMs: number };
}

export function createTrafficControl(options: TrafficOptions): TrafficControl {
  const seed = options.seed ?? 1;
  const faults = mulberry32(seed * 2 + 1);
  const stuck = mulberry32(seed * 2 + 2);
  const faultsAfter = mulberry32(seed * 2 + 3);
  const now = options.now ?? Date.now;
  const faultRate = clamp(options.faultRate ?? 0);
  const faultAfterRate = clamp(options.faultAfterRate ?? 0);
  const rules: Array<FaultRule & { left: number }> = [];
  const targeted = (when: FaultRule['when'], method = '', path = ''): Fault | undefined => {
    const rule = rules.find(
      (r) => r.when === when && r.left > 0 && (!r.method || r.method === method) && r.path.test(path),
    );
    if (!rule) return undefined;
    rule.left--;
    return rule.kind;
  };
  // Half the faults answer 500/503, half drop the connection without an answer.
  const draw = (rate: number, random: () => number): Fault => {
    if (rate === 0) return 'none';
    const r = random();
    if (r >= rate) return 'none';
    return r < rate / 2 ? 'error' : 'drop';
  };
  const stuckRate = clamp(options.stuckRate ?? 0);
  const interval = options.qpm && options.qpm > 0 ? 60_000 / options.qpm : 0;
  const tolerance = Math.min(interval / 4, 1000);
  let theoretical = 0;
  return {
    nextFault(method, path) {
      return targeted('before', method, path) ?? draw(faultRate, faults);
    },
    nextFaultAfter(method, path) {
      return targeted('after', method, path) ?? draw(faultAfterRate, faultsAfter);
    },
    inject(rule) {
      rules.push({ ...rule, left: rule.times ?? 1 });
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
