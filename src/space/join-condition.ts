/** The two pieces of a join spec's `sql`: one equality condition and one relationship marker. */

export const RELATIONSHIP_MARKER = /^--rt=FROM_RELATIONSHIP_TYPE_(MANY_TO_ONE|ONE_TO_MANY|ONE_TO_ONE|MANY_TO_MANY)--$/;

export interface QualifiedColumn {
  /** The qualifier as written (an alias), unquoted. */
  qualifier: string;
  column: string;
}

export interface JoinCondition {
  left: QualifiedColumn;
  right: QualifiedColumn;
}

const PART = '(`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_]*)';
const EQUALITY = new RegExp(`^${PART}\\s*\\.\\s*${PART}\\s*=\\s*${PART}\\s*\\.\\s*${PART}$`);

function unquote(part: string): string {
  return part.startsWith('`') ? part.slice(1, -1).replace(/``/g, '`') : part;
}

/** Parses `a.x = b.y` (backticks allowed); undefined when it is anything else. */
export function parseJoinCondition(sql: string): JoinCondition | undefined {
  let text = sql.trim();
  // One pair of enclosing parentheses is harmless.
  if (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1).trim();
  const match = EQUALITY.exec(text);
  if (!match) return undefined;
  const [, q1, c1, q2, c2] = match;
  return {
    left: { qualifier: unquote(q1!), column: unquote(c1!) },
    right: { qualifier: unquote(q2!), column: unquote(c2!) },
  };
}

export function isRelationshipMarker(text: string): boolean {
  return RELATIONSHIP_MARKER.test(text.trim());
}
