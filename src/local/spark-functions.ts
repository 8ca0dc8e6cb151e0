/**
 * Spark SQL functions registered on the embedded SQLite database so Databricks-style
 * SQL runs unchanged: date helpers, nvl/if/greatest, count_if. Unknown input gives
 * NULL rather than an error, as Spark does with ANSI mode off.
 */
import type { SqlJsDatabase } from './sqljs-loader.js';
import {
  addMonths,
  addUnit,
  diffDays,
  diffUnits,
  formatDate,
  formatPattern,
  formatTimestamp,
  isoWeek,
  normaliseUnit,
  parseDate,
  truncate,
} from './spark-dates.js';

type SqlValue = number | string | Uint8Array | null;
type Scalar = (...args: SqlValue[]) => SqlValue;

interface Aggregate<S> {
  init: () => S;
  step: (state: S, ...args: SqlValue[]) => S;
  finalize: (state: S) => SqlValue;
}

/** sql.js has create_aggregate since 1.10; its published typings lag behind. */
interface DatabaseWithAggregates {
  create_function(name: string, fn: Scalar): unknown;
  create_aggregate<S>(name: string, aggregate: Aggregate<S>): unknown;
}

export interface SparkFunctionHooks {
  /** Called before every function call; throw to abort the running statement (used for timeouts). */
  beforeCall?: () => void;
}

const DAY_MS = 86_400_000;

/** SQLite truthiness: NULL and 0 are false. */
function truthy(value: SqlValue): boolean {
  if (value === null) return false;
  if (typeof value === 'string') return Number(value) !== 0 && value.trim() !== '';
  if (typeof value === 'number') return value !== 0;
  return value.length > 0;
}

function num(value: SqlValue): number | null {
  if (value === null || value instanceof Uint8Array) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Keeps a date a date: time is added to the result only when the input or unit has one. */
function shapeLike(ms: number, hadTime: boolean, unit: string): string {
  const timeUnit = unit === 'hour' || unit === 'minute' || unit === 'second';
  return hadTime || timeUnit ? formatTimestamp(ms) : formatDate(ms);
}

function dateFn(fn: (ms: number) => SqlValue): Scalar {
  return (x) => {
    const p = parseDate(x);
    return p ? fn(p.ms) : null;
  };
}

function dateAdd(x: SqlValue, days: SqlValue): SqlValue {
  const p = parseDate(x);
  const n = num(days);
  return p && n !== null ? formatDate(p.ms + Math.trunc(n) * DAY_MS) : null;
}

function unitAdd(unitValue: SqlValue, amount: SqlValue, x: SqlValue): SqlValue {
  const unit = normaliseUnit(unitValue);
  const p = parseDate(x);
  const n = num(amount);
  if (!unit || !p || n === null) return null;
  return shapeLike(addUnit(p.ms, n, unit), p.hasTime, unit);
}

function unitDiff(unitValue: SqlValue, start: SqlValue, end: SqlValue): SqlValue {
  const unit = normaliseUnit(unitValue);
  const a = parseDate(start);
  const b = parseDate(end);
  return unit && a && b ? diffUnits(a.ms, b.ms, unit) : null;
}

function datePart(unitValue: SqlValue, x: SqlValue): SqlValue {
  const raw = String(unitValue ?? '').toLowerCase();
  const p = parseDate(x);
  if (!p) return null;
  const d = new Date(p.ms);
  if (raw === 'dayofweek' || raw === 'dow') return d.getUTCDay() + 1;
  if (raw === 'doy' || raw === 'dayofyear')
    return Math.floor((truncate(p.ms, 'day') - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
  switch (normaliseUnit(raw)) {
    case 'year':
      return d.getUTCFullYear();
    case 'quarter':
      return Math.floor(d.getUTCMonth() / 3) + 1;
    case 'month':
      return d.getUTCMonth() + 1;
    case 'week':
      return isoWeek(p.ms);
    case 'day':
      return d.getUTCDate();
    case 'hour':
      return d.getUTCHours();
    case 'minute':
      return d.getUTCMinutes();
    case 'second':
      return d.getUTCSeconds();
    default:
      return null;
  }
}

/** The Spark functions, by SQL name. Exported for tests and for the Genie engine's reference. */
export const SPARK_SCALARS: Record<string, Scalar> = {
  date_trunc: (unitValue, x) => {
    const unit = normaliseUnit(unitValue);
    const p = parseDate(x);
    if (!unit || !p) return null;
    const ms = truncate(p.ms, unit);
    return unit === 'hour' || unit === 'minute' || unit === 'second' ? formatTimestamp(ms) : formatDate(ms);
  },
  trunc: (x, unitValue) => {
    const unit = normaliseUnit(unitValue);
    const p = parseDate(x);
    return unit && p ? formatDate(truncate(p.ms, unit)) : null;
  },
  // date_add(d, n) or Databricks' three-argument date_add(unit, n, x)
  date_add: (...args) => (args.length >= 3 ? unitAdd(args[0], args[1], args[2]) : dateAdd(args[0], args[1])),
  dateadd: (...args) => (args.length >= 3 ? unitAdd(args[0], args[1], args[2]) : dateAdd(args[0], args[1])),
  timestampadd: (unit, amount, x) => unitAdd(unit, amount, x),
  date_sub: (x, days) => {
    const n = num(days);
    return n === null ? null : dateAdd(x, -n);
  },
  // datediff(end, start) or three-argument datediff(unit, start, end)
  datediff: (...args) => {
    if (args.length >= 3) return unitDiff(args[0], args[1], args[2]);
    const end = parseDate(args[0]);
    const start = parseDate(args[1]);
    return end && start ? diffDays(start.ms, end.ms) : null;
  },
  date_diff: (...args) => SPARK_SCALARS.datediff(...args),
  timestampdiff: (unit, start, end) => unitDiff(unit, start, end),
  spark_interval_add: (x, amount, unitValue) => unitAdd(unitValue, amount, x),
  add_months: (x, months) => {
    const p = parseDate(x);
    const n = num(months);
    return p && n !== null ? formatDate(addMonths(p.ms, Math.trunc(n))) : null;
  },
  last_day: dateFn((ms) => formatDate(addMonths(truncate(ms, 'month'), 1) - DAY_MS)),
  year: dateFn((ms) => new Date(ms).getUTCFullYear()),
  quarter: dateFn((ms) => Math.floor(new Date(ms).getUTCMonth() / 3) + 1),
  month: dateFn((ms) => new Date(ms).getUTCMonth() + 1),
  day: dateFn((ms) => new Date(ms).getUTCDate()),
  dayofmonth: dateFn((ms) => new Date(ms).getUTCDate()),
  hour: dateFn((ms) => new Date(ms).getUTCHours()),
  minute: dateFn((ms) => new Date(ms).getUTCMinutes()),
  second: dateFn((ms) => new Date(ms).getUTCSeconds()),
  /** 1 = Sunday ... 7 = Saturday, as in Spark. */
  dayofweek: dateFn((ms) => new Date(ms).getUTCDay() + 1),
  /** 0 = Monday ... 6 = Sunday, as in Spark. */
  weekday: dateFn((ms) => (new Date(ms).getUTCDay() + 6) % 7),
  weekofyear: dateFn(isoWeek),
  dayofyear: (x) => datePart('doy', x),
  date_part: datePart,
  to_date: dateFn(formatDate),
  to_timestamp: dateFn(formatTimestamp),
  date_format: (x, pattern) => {
    const p = parseDate(x);
    return p && pattern !== null ? formatPattern(p.ms, String(pattern)) : null;
  },
  nvl: (a, b) => (a === null ? b : a),
  nvl2: (a, b, c) => (a === null ? c : b),
  if: (c, a, b) => (truthy(c) ? a : b),
  greatest: (...args) => pickNumberOrText(args, (x, y) => x > y),
  least: (...args) => pickNumberOrText(args, (x, y) => x < y),
  ilike: (value, pattern) =>
    value === null || pattern === null ? null : likeRegex(String(pattern)).test(String(value)) ? 1 : 0,
  // SQLite runs `x REGEXP p` as regexp(p, x); Spark's RLIKE is a substring search.
  regexp: (pattern, value) =>
    value === null || pattern === null ? null : cachedRegex(String(pattern), '').test(String(value)) ? 1 : 0,
  try_divide: (a, b) => {
    const x = num(a);
    const y = num(b);
    return x === null || y === null || y === 0 ? null : x / y;
  },
};

const regexCache = new Map<string, RegExp>();

function cachedRegex(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let regex = regexCache.get(key);
  if (!regex) {
    if (regexCache.size > 500) regexCache.clear();
    regex = new RegExp(source, flags);
    regexCache.set(key, regex);
  }
  return regex;
}

/** A LIKE pattern (% and _, backslash escapes) as a case-insensitive anchored regex. */
function likeRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '%') source += '[\\s\\S]*';
    else if (ch === '_') source += '[\\s\\S]';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return cachedRegex(`^${source}$`, 'iu');
}

/** greatest/least skip NULLs (Spark) where SQLite's max/min would return NULL. */
function pickNumberOrText(args: SqlValue[], better: (x: number | string, y: number | string) => boolean): SqlValue {
  let best: number | string | null = null;
  for (const arg of args) {
    if (arg === null || arg instanceof Uint8Array) continue;
    if (best === null || better(arg, best)) best = arg;
  }
  return best;
}

/** Argument counts of the functions that take a variable number (sql.js registers one per arity). */
const ARITIES: Record<string, number[]> = {
  date_add: [2, 3],
  dateadd: [2, 3],
  datediff: [2, 3],
  date_diff: [2, 3],
  to_date: [1, 2],
  to_timestamp: [1, 2],
  greatest: [2, 3, 4, 5, 6, 7, 8],
  least: [2, 3, 4, 5, 6, 7, 8],
};

/** sql.js takes the SQL argument count from `fn.length`, so give each registration the right one. */
function withArity(fn: Scalar, arity: number): Scalar {
  const wrapped: Scalar = (...args) => fn(...args);
  Object.defineProperty(wrapped, 'length', { value: arity });
  return wrapped;
}

/** Registers the Spark functions (and the count_if/any_value aggregates) on a database. */
export function registerSparkFunctions(db: SqlJsDatabase, hooks: SparkFunctionHooks = {}): void {
  const target = db as unknown as DatabaseWithAggregates;
  const { beforeCall } = hooks;
  for (const [name, fn] of Object.entries(SPARK_SCALARS)) {
    const guarded: Scalar = beforeCall ? (...args) => (beforeCall(), fn(...args)) : fn;
    for (const arity of ARITIES[name] ?? [fn.length]) target.create_function(name, withArity(guarded, arity));
  }
  target.create_aggregate<number>('count_if', {
    init: () => 0,
    step: (count, condition) => {
      beforeCall?.();
      return count + (truthy(condition) ? 1 : 0);
    },
    finalize: (count) => count,
  });
  target.create_aggregate<{ seen: boolean; value: SqlValue }>('any_value', {
    init: () => ({ seen: false, value: null }),
    step: (state, value) => (state.seen ? state : { seen: true, value }),
    finalize: (state) => state.value,
  });
}
