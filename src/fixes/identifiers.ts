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

/** Backtick-quote one name part for SQL. */
export function quoteName(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}
