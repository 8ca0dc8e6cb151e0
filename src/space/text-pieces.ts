/** Genie stores text as arrays of strings that are concatenated; these helpers build and compare them. */

/** Split text into pieces, one per line, each but the last ending in "\n" (how Genie exports multi-line text). */
export function toTextPieces(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? line + '\n' : line)).filter((piece) => piece !== '');
}

/** Whitespace collapsed and trimmed: the form used to compare free text. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Comparison form of SQL for holdout checks: lowercase, whitespace collapsed, trailing semicolons removed. */
export function normalizeSqlText(sql: string): string {
  return collapseWhitespace(sql.toLowerCase())
    .replace(/(\s*;)+$/, '')
    .trim();
}

/** Append a value to a list unless an equal one (case-insensitive, trimmed) is already there. */
export function dedupeCaseInsensitive(values: readonly string[], existing: readonly string[] = []): string[] {
  const seen = new Set(existing.map((value) => value.trim().toLowerCase()));
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    const key = trimmed.toLowerCase();
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}
