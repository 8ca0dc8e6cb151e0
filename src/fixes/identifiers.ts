/**
 * Name helpers for fixes. Comparison rules come from src/space/identifiers.ts (unquoted,
 * case-insensitive); this adds quoting for the SQL a fix writes.
 */
export { isThreePart, lastPart, normalizeIdentifier, normalizeName } from '../space/identifiers.js';

/** A column name without surrounding backticks, as written. */
export function unquoteName(name: string): string {
  const trimmed = name.trim();
  return trimmed.length >= 2 && trimmed.startsWith('`') && trimmed.endsWith('`')
    ? trimmed.slice(1, -1).replace(/``/g, '`')
    : trimmed;
}

/** Backtick-quote one name part for SQL (the one quoting rule lives in src/sql/quote.ts). */
export { quoteName } from '../sql/quote.js';
