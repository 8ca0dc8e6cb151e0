/**
 * Canonical cell values for result comparison. The Databricks API returns every value
 * as a string, the local warehouse returns native numbers, and Genie may format dates
 * as timestamps: canonicalising first lets the comparator use plain equality.
 */
import type { Cell } from '../ports.js';

/** null, a number (booleans become 0/1), or a string (dates become ISO text). */
export type Canon = null | number | string;

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const DAY_MS = 86_400_000;

export function canonicalCell(value: Cell | undefined): Canon {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  const trimmed = value.trim();
  if (NUMERIC.test(trimmed)) return Number(trimmed);
  const lower = trimmed.toLowerCase();
  if (lower === 'true') return 1;
  if (lower === 'false') return 0;
  return normaliseDateTime(trimmed) ?? value;
}

/**
 * '2026-01-05', '2026-01-05 00:00:00' and '2026-01-05T00:00:00Z' all denote midnight
 * UTC of one day and become '2026-01-05'; other instants become full ISO UTC text.
 * Timestamps without a zone are read as UTC (both sides come from one warehouse).
 */
export function normaliseDateTime(text: string): string | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3) || '0');
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(t)) return null;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    t -= sign * offsetMin * 60_000;
  }
  const iso = new Date(t).toISOString();
  return t % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}

/** Relative closeness, with a tiny absolute floor so float noise around zero still matches. */
export function numbersClose(a: number, b: number, relTol: number): boolean {
  if (a === b) return true;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= relTol * Math.max(Math.abs(a), Math.abs(b), 1e-9);
}

export function canonEqual(a: Canon, b: Canon, relTol: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') return numbersClose(a, b, relTol);
  return a === b;
}

/**
 * A sort key for a canonical value: numbers rounded to a few significant digits fewer
 * than the tolerance resolves, so values within tolerance of each other sort together
 * (except right at a rounding boundary, which is rare enough to accept).
 */
export function sortKey(value: Canon, digits: number): Canon {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

export function keyDigits(relTol: number): number {
  const digits = Math.floor(-Math.log10(Math.max(relTol, 1e-15))) - 1;
  return Math.min(15, Math.max(1, digits));
}

/** Total order over keys: null < numbers < strings. */
export function compareKeys(a: Canon, b: Canon): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number') {
    if (typeof b !== 'number') return -1;
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
    if (Number.isNaN(b)) return -1;
    return a < b ? -1 : 1;
  }
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
}

export function formatCanon(value: Canon): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  const short = value.length > 40 ? `${value.slice(0, 39)}…` : value;
  return `'${short}'`;
}
