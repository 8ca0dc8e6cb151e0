/**
 * Speed-ups for Spark function calls on the embedded warehouse. sql.js registers JS
 * functions without SQLITE_DETERMINISTIC, so SQLite calls them once per row even when
 * every argument is a constant, and each call crosses from WebAssembly into JS.
 *
 * - Constant folding: a call whose arguments are all literals (the clock is one after
 *   rewriting) is evaluated once, here, and replaced by its value:
 *   `date_sub(current_date, 30)` -> `'2026-10-02'`, which also lets an index on the
 *   compared column be used.
 * - Native forms: a date function of a column becomes SQLite string/date arithmetic,
 *   guarded by a check that the value is an ISO date or timestamp; any other value
 *   (NULL, compact or zoned text, numbers, impossible dates) still goes to the JS
 *   function, so results do not change.
 */
import type { Argument } from './call-arguments.js';
import { normaliseUnit, parseDate } from './spark-dates.js';
import { SPARK_SCALARS } from './spark-functions.js';

const ISO_TEXT = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}:\d{2})?$/;

export interface CallContext {
  /** Lower-case function name. */
  fn: string;
  args: Argument[];
  /** What the rewriter emits without this module (the JS call, CAST included when integer-valued). */
  fallback: string;
  /** The rewriter CASTs this function's JS result to INTEGER. */
  integerResult: boolean;
}

/** A faster equivalent of the call, or undefined to keep the fallback. */
export function optimiseCall(call: CallContext): string | undefined {
  return foldConstant(call) ?? nativeForm(call);
}

const NOT_FOLDED = new Set(['if', 'nvl', 'nvl2']); // already native (iif/coalesce) or trivially cheap

function foldConstant({ fn, args, integerResult }: CallContext): string | undefined {
  const scalar = Object.hasOwn(SPARK_SCALARS, fn) ? SPARK_SCALARS[fn] : undefined;
  if (!scalar || NOT_FOLDED.has(fn) || args.length === 0 || !args.every((a) => a.kind === 'literal')) return undefined;
  let value: unknown;
  try {
    value = scalar(...args.map((a) => (a.kind === 'literal' ? a.value : null)));
  } catch {
    return undefined; // let SQLite report it at run time, as it would have
  }
  if (value === null) return 'NULL';
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // The JS function's number reaches SQLite as a REAL; keep that type unless the rewriter would CAST it.
    if (integerResult) return String(Math.trunc(value));
    return Number.isInteger(value) ? `${value}.0` : String(value);
  }
  return undefined;
}

/**
 * A guard that is true when `arg` holds a real calendar date, alone or with a time and
 * no zone: SQLite's date() normalises 2026-02-30 to 2026-03-02 and rejects other shapes,
 * so comparing it with the text's first ten characters checks both (and is cheaper than
 * a GLOB). Undefined when the argument cannot be guarded.
 */
function isoGuard(arg: Argument): string | undefined {
  if (arg.kind === 'literal')
    return typeof arg.value === 'string' && ISO_TEXT.test(arg.value) && parseDate(arg.value) ? '' : undefined;
  if (arg.kind !== 'column') return undefined; // evaluating an expression twice could cost more than it saves
  return `length(${arg.text}) IN (10, 19) AND date(${arg.text}) = substr(${arg.text}, 1, 10)`;
}

/**
 * About one row in a thousand still takes the JS function, whose call checks the
 * statement deadline (sql.js has no progress handler or interrupt): timeouts keep
 * working, and both paths give the same value.
 */
const DEADLINE_PROBE = '(random() & 1023) <> 0';

const int = (sql: string): string => `CAST(${sql} AS INTEGER)`;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Native SQLite for truncating ISO text `x` to a unit, matching spark-dates' truncate + formatDate. */
function truncateSql(unit: string, x: string): string | undefined {
  switch (unit) {
    case 'year':
      return `substr(${x}, 1, 4) || '-01-01'`;
    case 'quarter':
      return `printf('%s-%02d-01', substr(${x}, 1, 4), ((${int(`substr(${x}, 6, 2)`)} - 1) / 3) * 3 + 1)`;
    case 'month':
      return `substr(${x}, 1, 7) || '-01'`;
    case 'week':
      return `date(${x}, '-6 days', 'weekday 1')`; // back to the Monday on or before
    case 'day':
      return `substr(${x}, 1, 10)`;
    default:
      return undefined; // hour/minute/second keep the JS function (date-only input gains a time)
  }
}

/** Java datetime pattern -> strftime format, for the letters strftime renders the same way. */
function strftimeFormat(pattern: string): string | undefined {
  const pieces: Record<string, string> = { yyyy: '%Y', MM: '%m', dd: '%d', HH: '%H', mm: '%M', ss: '%S' };
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const run = /^([A-Za-z])\1*/.exec(pattern.slice(i));
    if (run) {
      const piece = pieces[run[0]];
      if (!piece) return undefined;
      out += piece;
      i += run[0].length;
    } else {
      if (pattern[i] === "'") return undefined;
      out += pattern[i] === '%' ? '%%' : pattern[i];
      i++;
    }
  }
  return out;
}

function dateFormatSql(x: string, pattern: string): string | undefined {
  if (pattern === 'EEEE' || pattern === 'EEE' || pattern === 'E') {
    const names = WEEKDAY_NAMES.map((n, k) => `WHEN '${k}' THEN '${pattern === 'EEEE' ? n : n.slice(0, 3)}'`);
    return `CASE strftime('%w', ${x}) ${names.join(' ')} END`;
  }
  const format = strftimeFormat(pattern);
  return format ? `strftime('${format}', ${x})` : undefined;
}

/** The native expression for ISO input, given argument texts; undefined when there is none. */
function fastPath(fn: string, args: Argument[]): { sql: string; dates: Argument[] } | undefined {
  const [a, b] = args;
  const text = (arg: Argument) => arg.text;
  const literalNumber = (arg: Argument | undefined) =>
    arg?.kind === 'literal' && typeof arg.value === 'number' ? Math.trunc(arg.value) : undefined;
  const one = (sql: (x: string) => string | undefined) => {
    if (args.length !== 1) return undefined;
    const out = sql(text(a));
    return out ? { sql: out, dates: [a] } : undefined;
  };
  switch (fn) {
    case 'year':
      return one((x) => int(`substr(${x}, 1, 4)`));
    case 'month':
      return one((x) => int(`substr(${x}, 6, 2)`));
    case 'day':
    case 'dayofmonth':
      return one((x) => int(`substr(${x}, 9, 2)`));
    case 'quarter':
      return one((x) => `(${int(`substr(${x}, 6, 2)`)} + 2) / 3`);
    // A date has no time: substr gives '' and CAST('' AS INTEGER) is 0, as in Spark.
    case 'hour':
      return one((x) => int(`substr(${x}, 12, 2)`));
    case 'minute':
      return one((x) => int(`substr(${x}, 15, 2)`));
    case 'second':
      return one((x) => int(`substr(${x}, 18, 2)`));
    case 'dayofweek':
      return one((x) => `${int(`strftime('%w', ${x})`)} + 1`);
    case 'weekday':
      return one((x) => `(${int(`strftime('%w', ${x})`)} + 6) % 7`);
    case 'to_date':
      return one((x) => `substr(${x}, 1, 10)`);
    case 'date_trunc': {
      const unit = args.length === 2 && a.kind === 'literal' ? normaliseUnit(a.value) : null;
      const sql = unit ? truncateSql(unit, text(b)) : undefined;
      return sql ? { sql, dates: [b] } : undefined;
    }
    case 'trunc': {
      const unit = args.length === 2 && b.kind === 'literal' ? normaliseUnit(b.value) : null;
      const sql = unit ? truncateSql(unit, text(a)) : undefined;
      return sql ? { sql, dates: [a] } : undefined;
    }
    case 'date_add':
    case 'dateadd':
    case 'date_sub': {
      const n = args.length === 2 ? literalNumber(b) : undefined;
      if (n === undefined) return undefined;
      const days = fn === 'date_sub' ? -n : n;
      return { sql: `date(${text(a)}, '${days >= 0 ? '+' : ''}${days} days')`, dates: [a] };
    }
    case 'datediff':
    case 'date_diff': {
      if (args.length !== 2) return undefined;
      return { sql: int(`julianday(substr(${text(a)}, 1, 10)) - julianday(substr(${text(b)}, 1, 10))`), dates: [a, b] };
    }
    case 'date_format': {
      const sql =
        args.length === 2 && b.kind === 'literal' && typeof b.value === 'string'
          ? dateFormatSql(text(a), b.value)
          : undefined;
      return sql ? { sql, dates: [a] } : undefined;
    }
    default:
      return undefined;
  }
}

function nativeForm({ fn, args, fallback }: CallContext): string | undefined {
  const fast = fastPath(fn, args);
  if (!fast) return undefined;
  const guards: string[] = [];
  for (const arg of fast.dates) {
    const guard = isoGuard(arg);
    if (guard === undefined) return undefined;
    if (guard) guards.push(guard);
  }
  return guards.length === 0
    ? fast.sql
    : `CASE WHEN ${[...guards, DEADLINE_PROBE].join(' AND ')} THEN ${fast.sql} ELSE ${fallback} END`;
}
