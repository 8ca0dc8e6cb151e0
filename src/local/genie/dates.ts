/**
 * Date phrases in questions ("last 7 days", "in March 2026", "지난달", "2026년 3월")
 * turned into ranges, and ranges turned into SQL conditions relative to the
 * warehouse clock (`current_date`), so answers stay right as the clock moves.
 */
import type { Token } from './text.js';
import type { Bucket, TimeGrain } from './vocabulary.js';

export type DateRange =
  | { kind: 'last'; n: number; unit: Bucket }
  | { kind: 'this'; unit: Bucket }
  | { kind: 'previous'; unit: Bucket }
  | { kind: 'yesterday' }
  | { kind: 'today' }
  | { kind: 'between'; from?: string; to?: string };

export interface DateMatch {
  range: DateRange;
  start: number;
  end: number;
}

const UNIT_WORDS: Record<string, Bucket> = {
  day: 'day',
  일: 'day',
  일간: 'day',
  날: 'day',
  week: 'week',
  주: 'week',
  주일: 'week',
  주간: 'week',
  month: 'month',
  개월: 'month',
  달: 'month',
  개월간: 'month',
  year: 'year',
  년: 'year',
  년간: 'year',
  해: 'year',
};
const LAST_WORDS = new Set(['last', 'past', 'previous', 'recent', 'trailing', '지난', '최근', '과거', '직전']);
const THIS_WORDS = new Set(['this', 'current', '이번', '금', '올']);
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBR = MONTHS.map((m) => m.slice(0, 3));
const FIXED: Record<string, DateRange> = {
  yesterday: { kind: 'yesterday' },
  어제: { kind: 'yesterday' },
  today: { kind: 'today' },
  오늘: { kind: 'today' },
  지난달: { kind: 'previous', unit: 'month' },
  전월: { kind: 'previous', unit: 'month' },
  저번달: { kind: 'previous', unit: 'month' },
  이번달: { kind: 'this', unit: 'month' },
  이달: { kind: 'this', unit: 'month' },
  금월: { kind: 'this', unit: 'month' },
  지난주: { kind: 'previous', unit: 'week' },
  저번주: { kind: 'previous', unit: 'week' },
  이번주: { kind: 'this', unit: 'week' },
  올해: { kind: 'this', unit: 'year' },
  금년: { kind: 'this', unit: 'year' },
  작년: { kind: 'previous', unit: 'year' },
  지난해: { kind: 'previous', unit: 'year' },
  전년: { kind: 'previous', unit: 'year' },
  ytd: { kind: 'this', unit: 'year' },
  mtd: { kind: 'this', unit: 'month' },
};

function has(token: Token | undefined, words: Set<string> | string[]): boolean {
  if (!token) return false;
  const set = words instanceof Set ? words : new Set(words);
  return token.forms.some((f) => set.has(f));
}

function unitOf(token: Token | undefined): Bucket | undefined {
  if (!token) return undefined;
  for (const f of token.forms) if (UNIT_WORDS[f]) return UNIT_WORDS[f];
  return undefined;
}

function monthOf(token: Token | undefined): number | undefined {
  if (!token || token.quoted) return undefined;
  const f = token.forms[token.forms.length - 1].toLowerCase();
  const full = MONTHS.indexOf(token.raw.toLowerCase());
  if (full >= 0) return full + 1;
  const abbr = MONTH_ABBR.indexOf(f.replace(/\.$/, ''));
  return abbr >= 0 && token.raw.length === 3 && token.raw !== 'may' ? abbr + 1 : undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const monthStart = (y: number, m: number): string => `${y}-${pad(m)}-01`;
const nextMonthStart = (y: number, m: number): string => (m === 12 ? monthStart(y + 1, 1) : monthStart(y, m + 1));

/** The day after an ISO date, so an inclusive end date also covers timestamps on that day. */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The warehouse's current year and month, for a month named without a year. */
type Clock = { year: number; month: number };
/** A date phrase starting at a token: its range and the token after it. */
type Hit = { range: DateRange; end: number };
type Matcher = (tokens: Token[], i: number, clock: Clock) => Hit | undefined;

/**
 * Find the date phrases in a token list. `today` (ISO) resolves a month named without a year
 * to its latest occurrence on or before today.
 */
export function findDates(tokens: Token[], today: string): DateMatch[] {
  const found: DateMatch[] = [];
  const [year, month] = today.split('-').map(Number);
  for (let i = 0; i < tokens.length; i++) {
    const hit = firstDate(tokens, i, { year, month });
    if (!hit) continue;
    found.push({ range: hit.range, start: i, end: hit.end });
    i = hit.end - 1;
  }
  return found;
}

function firstDate(tokens: Token[], i: number, clock: Clock): Hit | undefined {
  for (const matcher of MATCHERS) {
    const hit = matcher(tokens, i, clock);
    if (hit) return hit;
  }
  return undefined;
}

/** "yesterday", "지난달", "ytd". */
function fixedDate(tokens: Token[], i: number): Hit | undefined {
  const fixed = tokens[i].forms.map((f) => FIXED[f]).find(Boolean);
  return fixed ? { range: fixed, end: i + 1 } : undefined;
}

/** "between D1 and D2", "from D1 to D2", "D1부터 D2까지", "D1 ~ D2", "since D", "before D", "on D". */
function isoDates(tokens: Token[], i: number): Hit | undefined {
  const t = tokens[i];
  if (!t.date) return undefined;
  const next = tokens[i + 1];
  const j = tokens.slice(i + 1, i + 4).findIndex((x) => x.date);
  if (j >= 0) {
    const other = tokens[i + 1 + j];
    return { range: { kind: 'between', from: t.date, to: nextDay(other.date as string) }, end: i + 2 + j };
  }
  const prev = tokens[i - 1];
  if (has(prev, ['since', 'after', 'from']) || has(next, ['이후', '부터', '이후로']))
    return { range: { kind: 'between', from: t.date }, end: i + 1 };
  if (has(prev, ['before', 'until']) || has(next, ['이전', '전', '까지'])) {
    const to = has(prev, ['until']) || has(next, ['까지']) ? nextDay(t.date) : t.date;
    return { range: { kind: 'between', to }, end: i + 1 };
  }
  return { range: { kind: 'between', from: t.date, to: nextDay(t.date) }, end: i + 1 };
}

/** last/past N days|weeks|months|years; 지난 N일/주/개월; "past week"; "last month"; "this year". */
function relativeWindow(tokens: Token[], i: number): Hit | undefined {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (has(t, LAST_WORDS) && next?.num !== undefined && unitOf(tokens[i + 2]))
    return { range: { kind: 'last', n: next.num, unit: unitOf(tokens[i + 2]) as Bucket }, end: i + 3 };
  const unit = unitOf(next);
  if (!unit) return undefined;
  // "over the past week": a rolling window, unlike "last week" (the previous calendar week).
  if (has(t, ['past', 'trailing', '최근'])) return { range: { kind: 'last', n: 1, unit }, end: i + 2 };
  if (has(t, LAST_WORDS)) return { range: { kind: 'previous', unit }, end: i + 2 };
  if (has(t, THIS_WORDS)) return { range: { kind: 'this', unit }, end: i + 2 };
  return undefined;
}

/** "2026년 3월", "2026년". */
function koreanYear(tokens: Token[], i: number): Hit | undefined {
  const y = tokens[i].num;
  if (y === undefined || y < 1900 || y >= 2200 || !has(tokens[i + 1], ['년', '년도', '년에'])) return undefined;
  const after = tokens[i + 2];
  if (after?.num !== undefined && after.num >= 1 && after.num <= 12 && has(tokens[i + 3], ['월']))
    return { range: { kind: 'between', from: monthStart(y, after.num), to: nextMonthStart(y, after.num) }, end: i + 4 };
  return { range: { kind: 'between', from: `${y}-01-01`, to: `${y + 1}-01-01` }, end: i + 2 };
}

/** "3월" without a year: its latest occurrence. */
function koreanMonth(tokens: Token[], i: number, clock: Clock): Hit | undefined {
  const m = tokens[i].num;
  if (m === undefined || m < 1 || m > 12 || !Number.isInteger(m) || !has(tokens[i + 1], ['월'])) return undefined;
  const y = m <= clock.month ? clock.year : clock.year - 1;
  return { range: { kind: 'between', from: monthStart(y, m), to: nextMonthStart(y, m) }, end: i + 2 };
}

/** "October 15, 2026", "January 1 and March 31, 2026" (a missing year comes from a later date). */
function monthDay(tokens: Token[], i: number, clock: Clock): Hit | undefined {
  const month = monthOf(tokens[i]);
  const next = tokens[i + 1];
  if (!month || next?.num === undefined || next.num < 1 || next.num > 31 || !Number.isInteger(next.num))
    return undefined;
  const day = dayDate(tokens, i, month, clock.year);
  const other = tokens
    .slice(i + 2, i + 6)
    .findIndex(
      (x, k) =>
        monthOf(x) !== undefined && tokens[i + 3 + k]?.num !== undefined && (tokens[i + 3 + k].num as number) <= 31,
    );
  if (other < 0) return { range: { kind: 'between', from: day.date, to: nextDay(day.date) }, end: day.next };
  const j = i + 2 + other;
  const end = dayDate(tokens, j, monthOf(tokens[j]) as number, clock.year);
  const from = end.hasYear && !day.hasYear ? `${end.date.slice(0, 4)}${day.date.slice(4)}` : day.date;
  return { range: { kind: 'between', from, to: nextDay(end.date) }, end: end.next };
}

/** "March 2026", "in March" (its latest occurrence). */
function monthYear(tokens: Token[], i: number, clock: Clock): Hit | undefined {
  const month = monthOf(tokens[i]);
  if (!month) return undefined;
  const next = tokens[i + 1];
  const named = next?.num !== undefined && next.num >= 1900;
  const year = named ? (next.num as number) : month <= clock.month ? clock.year : clock.year - 1;
  return {
    range: { kind: 'between', from: monthStart(year, month), to: nextMonthStart(year, month) },
    end: named ? i + 2 : i + 1,
  };
}

/** "in 2025", "during 2026". */
function bareYear(tokens: Token[], i: number): Hit | undefined {
  const y = tokens[i].num;
  if (y === undefined || !Number.isInteger(y) || y < 1990 || y >= 2100) return undefined;
  if (!has(tokens[i - 1], ['in', 'during', 'for', 'of', 'year'])) return undefined;
  return { range: { kind: 'between', from: `${y}-01-01`, to: `${y + 1}-01-01` }, end: i + 1 };
}

const MATCHERS: Matcher[] = [
  fixedDate,
  isoDates,
  relativeWindow,
  koreanYear,
  koreanMonth,
  monthDay,
  monthYear,
  bareYear,
];

/** A SQL condition restricting `column` (a DATE or TIMESTAMP expression) to the range. */
export function dateCondition(range: DateRange, column: string): string {
  switch (range.kind) {
    case 'last': {
      const days =
        range.unit === 'day'
          ? range.n
          : range.unit === 'week'
            ? range.n * 7
            : range.unit === 'month'
              ? range.n * 30
              : range.n * 365;
      return `${column} >= date_sub(current_date, ${days})`;
    }
    case 'this':
      return `${column} >= date_trunc('${range.unit}', current_date)`;
    case 'previous':
      return `${column} >= date_trunc('${range.unit}', date_sub(date_trunc('${range.unit}', current_date), 1)) AND ${column} < date_trunc('${range.unit}', current_date)`;
    case 'yesterday':
      return `${column} >= date_sub(current_date, 1) AND ${column} < current_date`;
    case 'today':
      return `${column} >= current_date`;
    case 'between': {
      const parts: string[] = [];
      if (range.from) parts.push(`${column} >= '${range.from}'`);
      if (range.to) parts.push(`${column} < '${range.to}'`);
      return parts.join(' AND ');
    }
  }
}

/** The SQL expression bucketing `column` by day, week, month or year. */
export function bucketExpression(bucket: TimeGrain, column: string): string {
  // The weekday's name ("Monday"): Spark's date_format pattern, which the local warehouse also speaks.
  if (bucket === 'weekday') return `date_format(${column}, 'EEEE')`;
  return `date_trunc('${bucket}', ${column})`;
}

function dayDate(
  tokens: Token[],
  i: number,
  month: number,
  fallbackYear: number,
): { date: string; next: number; hasYear: boolean } {
  const day = tokens[i + 1].num as number;
  const y = tokens[i + 2]?.num;
  const hasYear = y !== undefined && y >= 1900 && y < 2200;
  return { date: `${hasYear ? y : fallbackYear}-${pad(month)}-${pad(day)}`, next: hasYear ? i + 3 : i + 2, hasYear };
}
