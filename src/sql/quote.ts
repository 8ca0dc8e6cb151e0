/**
 * Quoting for the statements genie-gitops builds itself (describe, sampling, value probes):
 * names from a config are never pasted into SQL, each part is backtick-quoted with backticks
 * doubled, which both Spark and SQLite read as one identifier whatever it contains.
 */
import { splitIdentifier } from './identifiers.js';

/** One name part as a backtick-quoted identifier. */
export function quoteName(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

/**
 * A table identifier (`table`, `schema.table` or `catalog.schema.table`, parts plain or
 * backticked) with every part quoted, or undefined when it is malformed or has more than
 * three parts: such a name is never sent anywhere.
 */
export function quoteTableIdentifier(identifier: string): string | undefined {
  const parts = splitIdentifier(identifier);
  if (!parts || parts.length < 1 || parts.length > 3) return undefined;
  return parts.map(quoteName).join('.');
}

/**
 * A string literal both engines read the same way: '' for a quote, and no backslash at all
 * (Spark reads \ as an escape, SQLite does not), so a value holding one is refused (undefined).
 */
export function quoteLiteral(value: string): string | undefined {
  if (value.includes('\\')) return undefined;
  return `'${value.replace(/'/g, "''")}'`;
}
