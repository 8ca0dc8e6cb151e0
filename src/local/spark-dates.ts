/**
 * Date arithmetic on ISO text, the way Spark's date functions behave. Dates are
 * 'YYYY-MM-DD', timestamps 'YYYY-MM-DD HH:MM:SS'; all math is in UTC so the local
 * time zone of the machine never changes a result.
 */

const DAY_MS = 86_400_000;

export interface Parsed {
  /** Milliseconds since the epoch (UTC). */
  ms: number;
  /** True when the input carried a time of day. */
  hasTime: boolean;
}

const ISO =
  /^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/;
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})\s*$/;

/** Parses a date or timestamp; null for null or anything that is not one. */
export function parseDate(value: unknown): Parsed | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  const m = ISO.exec(text) ?? COMPACT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3] ?? '1', m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(
    Number,
  );
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Reject 2026-02-30 and the like instead of rolling over.
  if (new Date(ms).getUTCDate() !== day) return null;
  return { ms, hasTime: m[4] !== undefined };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${formatDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Canonical unit name for the many spellings Spark accepts. */
export function normaliseUnit(unit: unknown): string | null {
  const u = String(unit ?? '')
    .trim()
    .toLowerCase()
    .replace(/s$/, '');
  const aliases: Record<string, string> = {
    year: 'year',
    yyyy: 'year',
    yy: 'year',
    y: 'year',
    quarter: 'quarter',
    q: 'quarter',
    qq: 'quarter',
    month: 'month',
    mon: 'month',
    mm: 'month',
    week: 'week',
    wk: 'week',
    w: 'week',
    day: 'day',
    dd: 'day',
    d: 'day',
    dayofmonth: 'day',
    hour: 'hour',
    hh: 'hour',
    h: 'hour',
    minute: 'minute',
    mi: 'minute',
    min: 'minute',
    second: 'second',
    ss: 'second',
    sec: 'second',
  };
  return aliases[u] ?? null;
}

/** Adds months like Spark's add_months: the day clamps to the end of a shorter month. */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/** Adds an amount of a unit; fractional day/time amounts are allowed. */
export function addUnit(ms: number, amount: number, unit: string): number {
  switch (unit) {
    case 'year':
      return addMonths(ms, Math.trunc(amount) * 12);
    case 'quarter':
      return addMonths(ms, Math.trunc(amount) * 3);
    case 'month':
      return addMonths(ms, Math.trunc(amount));
    case 'week':
      return ms + amount * 7 * DAY_MS;
    case 'day':
      return ms + amount * DAY_MS;
    case 'hour':
      return ms + amount * 3_600_000;
    case 'minute':
      return ms + amount * 60_000;
    default:
      return ms + amount * 1000;
  }
}

/** Start of the unit containing `ms` (weeks start on Monday, as in Spark). */
export function truncate(ms: number, unit: string): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = Date.UTC(y, m, d.getUTCDate());
  switch (unit) {
    case 'year':
      return Date.UTC(y, 0, 1);
    case 'quarter':
      return Date.UTC(y, m - (m % 3), 1);
    case 'month':
      return Date.UTC(y, m, 1);
    case 'week':
      return day - ((d.getUTCDay() + 6) % 7) * DAY_MS;
    case 'day':
      return day;
    case 'hour':
      return Date.UTC(y, m, d.getUTCDate(), d.getUTCHours());
    case 'minute':
      return Date.UTC(y, m, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
    default:
      return ms - (ms % 1000);
  }
}

/** Whole units between two instants (end - start), truncating toward zero like timestampdiff. */
export function diffUnits(startMs: number, endMs: number, unit: string): number {
  if (unit === 'year' || unit === 'quarter' || unit === 'month') {
    const a = new Date(startMs);
    const b = new Date(endMs);
    let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
    // Not a whole month yet when the end's day/time is before the start's.
    const restA = startMs - Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), 1);
    const restB = endMs - Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), 1);
    if (months > 0 && restB < restA) months--;
    if (months < 0 && restB > restA) months++;
    const per = unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1;
    return Math.trunc(months / per);
  }
  const size = { week: 7 * DAY_MS, day: DAY_MS, hour: 3_600_000, minute: 60_000 }[unit] ?? 1000;
  return Math.trunc((endMs - startMs) / size);
}

/** Calendar days between the dates of two instants (Spark's datediff ignores the time). */
export function diffDays(startMs: number, endMs: number): number {
  return Math.round((truncate(endMs, 'day') - truncate(startMs, 'day')) / DAY_MS);
}

/** ISO-8601 week number (weeks start Monday; week 1 holds the first Thursday). */
export function isoWeek(ms: number): number {
  const day = truncate(ms, 'day');
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = day + (3 - weekday) * DAY_MS;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - yearStart) / (7 * DAY_MS)) + 1;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Spark/Java datetime pattern subset: y, M, d, H, h, m, s, E, a, Q and 'quoted text'. */
export function formatPattern(ms: number, pattern: string): string {
  const d = new Date(ms);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      const close = pattern.indexOf("'", i + 1);
      const literal = pattern.slice(i + 1, close < 0 ? pattern.length : close);
      out += literal === '' ? "'" : literal;
      i = close < 0 ? pattern.length : close + 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const hour = d.getUTCHours();
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(d.getUTCFullYear() % 100) : pad(d.getUTCFullYear(), Math.max(n, 4));
        break;
      case 'M':
      case 'L':
        out +=
          n >= 4
            ? MONTHS[d.getUTCMonth()]
            : n === 3
              ? MONTHS[d.getUTCMonth()].slice(0, 3)
              : pad(d.getUTCMonth() + 1, n);
        break;
      case 'd':
        out += pad(d.getUTCDate(), n);
        break;
      case 'D':
        out += pad(Math.floor((truncate(ms, 'day') - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1, n);
        break;
      case 'Q':
        out += String(Math.floor(d.getUTCMonth() / 3) + 1);
        break;
      case 'H':
        out += pad(hour, n);
        break;
      case 'h':
        out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
        break;
      case 'm':
        out += pad(d.getUTCMinutes(), n);
        break;
      case 's':
        out += pad(d.getUTCSeconds(), n);
        break;
      case 'E':
        out += n >= 4 ? WEEKDAYS[d.getUTCDay()] : WEEKDAYS[d.getUTCDay()].slice(0, 3);
        break;
      case 'a':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      default:
        out += ch.repeat(n);
    }
  }
  return out;
}
