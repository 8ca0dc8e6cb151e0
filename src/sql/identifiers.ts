/** Three-part names (`catalog.schema.object`, backticks allowed) and how to compare them. */

/**
 * Splits an identifier into its unquoted parts, or undefined when it is malformed.
 * A plain part is anything without whitespace, dots or backticks; a quoted part is
 * `...` with a doubled backtick standing for one.
 */
export function splitIdentifier(identifier: string): string[] | undefined {
  const parts: string[] = [];
  let pos = 0;
  const text = identifier.trim();
  while (pos <= text.length) {
    if (text[pos] === '`') {
      let part = '';
      pos++;
      for (;;) {
        if (pos >= text.length) return undefined;
        if (text[pos] === '`') {
          if (text[pos + 1] === '`') {
            part += '`';
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        part += text[pos];
        pos++;
      }
      if (part === '') return undefined;
      parts.push(part);
    } else {
      const match = /^[^\s.`]+/.exec(text.slice(pos));
      if (!match) return undefined;
      parts.push(match[0]);
      pos += match[0].length;
    }
    if (pos === text.length) return parts;
    if (text[pos] !== '.') return undefined;
    pos++;
  }
  return undefined;
}

export function isThreePart(identifier: string): boolean {
  return splitIdentifier(identifier)?.length === 3;
}

/** Comparable form: unquoted, lowercase (Databricks names are case-insensitive). */
export function normalizeIdentifier(identifier: string): string {
  const parts = splitIdentifier(identifier);
  return (parts ? parts.join('.') : identifier.replace(/`/g, '').trim()).toLowerCase();
}

/** The object's own name: the default alias of a table in a join spec. */
export function lastPart(identifier: string): string {
  const parts = splitIdentifier(identifier);
  return parts ? parts[parts.length - 1]! : identifier;
}

/** Unquoted, lowercase form of one name part (alias or column). */
export function normalizeName(name: string): string {
  return unquoteName(name).toLowerCase();
}

/** A name part without surrounding backticks, as written. */
export function unquoteName(name: string): string {
  const trimmed = name.trim();
  return trimmed.length >= 2 && trimmed.startsWith('`') && trimmed.endsWith('`')
    ? trimmed.slice(1, -1).replace(/``/g, '`')
    : trimmed;
}

/** SQL with string literals and comments blanked out, so names inside them are not mistaken for references. */
export function stripLiteralsAndComments(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"/g, (match) =>
    ' '.repeat(match.length),
  );
}

const PART = '(?:`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_]*)';
const THREE_PART = new RegExp(`(?<![\\w.\`])(${PART}\\s*\\.\\s*${PART}\\s*\\.\\s*${PART})(?![\\w\`])(?!\\s*\\()`, 'g');

/**
 * The three-part names a SQL text refers to (tables or views). Names followed by
 * `(` are function calls and are left out.
 */
export function findThreePartNames(sql: string): string[] {
  const names: string[] = [];
  for (const match of stripLiteralsAndComments(sql).matchAll(THREE_PART)) {
    names.push(match[1]!.replace(/\s+/g, ''));
  }
  return names;
}
