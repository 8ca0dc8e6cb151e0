/**
 * The read-only guard: only a single SELECT (or WITH ... SELECT) query may reach a
 * warehouse. It works on tokens, so keywords inside strings, quoted identifiers and
 * comments never count, and a semicolon inside them never splits a statement.
 *
 * The text is checked under both the SQLite and the Spark lexical rules (they differ
 * on backslash escapes, double quotes and nested comments); it must pass both, so a
 * string that one engine would end early cannot smuggle a second statement past us.
 */
import { ReadOnlyViolationError } from '../errors.js';
import { isSymbol, isWord, significant, tokenize, type Flavour, type Token } from './tokenize.js';

export type ReadOnlyCheck = { ok: true } | { ok: false; reason: string };

/** Statement keywords that change data, schema, session or files: refused anywhere as bare words. */
const WRITE_KEYWORDS = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'UPSERT',
  'DROP',
  'CREATE',
  'ALTER',
  'ATTACH',
  'DETACH',
  'PRAGMA',
  'VACUUM',
  'TRUNCATE',
  'GRANT',
  'REVOKE',
  'REINDEX',
  'REPLACE',
  'COPY',
  'OPTIMIZE',
  'RESTORE',
  'MSCK',
  'UNCACHE',
]);

/** Functions that reach outside the query (files, JVM reflection, extensions). */
const UNSAFE_FUNCTIONS = new Set([
  'LOAD_EXTENSION',
  'READFILE',
  'WRITEFILE',
  'EDIT',
  'REFLECT',
  'JAVA_METHOD',
  'TRY_REFLECT',
]);

/** Words a read-only query may start with, and what to say about other common openers. */
const QUERY_STARTS = new Set(['SELECT', 'WITH']);

export const READ_ONLY_HINT = 'only a single SELECT (or WITH ... SELECT) query may run';

/** Checks that `sql` is exactly one read-only query. */
export function checkReadOnly(sql: string): ReadOnlyCheck {
  for (const flavour of ['sqlite', 'spark'] as Flavour[]) {
    const result = checkFlavour(sql, flavour);
    if (!result.ok) return result;
  }
  return { ok: true };
}

/** Throws ReadOnlyViolationError unless `sql` is exactly one read-only query. */
export function assertReadOnly(sql: string): void {
  const result = checkReadOnly(sql);
  if (!result.ok) throw new ReadOnlyViolationError(result.reason, READ_ONLY_HINT);
}

function refuse(reason: string): ReadOnlyCheck {
  return { ok: false, reason: `${reason}; ${READ_ONLY_HINT}` };
}

function checkFlavour(sql: string, flavour: Flavour): ReadOnlyCheck {
  const all = tokenize(sql, flavour);
  const open = all.find((t) => t.unterminated);
  if (open)
    return refuse(
      `unterminated ${open.type === 'comment' ? 'comment' : open.type === 'string' ? 'string' : 'quoted identifier'} at offset ${open.start}`,
    );

  const statements = splitStatements(significant(all));
  if (statements.length === 0) return refuse('the statement is empty');
  // Keywords first: "DROP is not allowed" says more than "2 statements".
  for (const tokens of statements) {
    const bad = forbiddenWord(tokens);
    if (bad) return refuse(bad);
  }
  if (statements.length > 1) return refuse(`found ${statements.length} statements separated by ';'`);
  const tokens = statements[0];

  // `(SELECT ...) UNION (SELECT ...)`: look past leading parentheses for the opening keyword.
  let start = 0;
  while (isSymbol(tokens[start], '(') && start < tokens.length - 1) start++;
  const first = tokens[start];
  if (!isWord(first) || !QUERY_STARTS.has(first.value.toUpperCase())) {
    const what = first.type === 'word' ? first.value.toUpperCase() : `'${first.text}'`;
    return refuse(`a statement starting with ${what} is not a query`);
  }
  if (isWord(first, 'WITH')) {
    const main = mainStatementAfterWith(tokens.slice(start));
    if (!main) return refuse('the WITH clause is not followed by a SELECT');
    if (!isWord(main, 'SELECT') && !isSymbol(main, '(')) {
      return refuse(`WITH ... ${main.type === 'word' ? main.value.toUpperCase() : `'${main.text}'`} is not a query`);
    }
  }
  return { ok: true };
}

function forbiddenWord(tokens: Token[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'word') continue;
    const upper = token.value.toUpperCase();
    const called = isSymbol(tokens[i + 1], '(');
    // REPLACE(str, a, b) is a string function, not REPLACE INTO.
    if (WRITE_KEYWORDS.has(upper) && !(upper === 'REPLACE' && called)) return `${upper} is not allowed`;
    if (UNSAFE_FUNCTIONS.has(upper) && called) return `the function ${token.value} is not allowed`;
  }
  return undefined;
}

/** Splits on top-level semicolons, dropping empty statements (a trailing ';' is fine). */
function splitStatements(tokens: Token[]): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (isSymbol(token, ';')) {
      if (current.length > 0) statements.push(current);
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) statements.push(current);
  return statements;
}

/**
 * Skips `WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (...) [, ...]` and returns the
 * token that starts the main statement, or undefined when the shape is not recognised.
 */
function mainStatementAfterWith(tokens: Token[]): Token | undefined {
  let i = 1;
  if (isWord(tokens[i], 'RECURSIVE')) i++;
  for (;;) {
    if (!tokens[i] || (tokens[i].type !== 'word' && tokens[i].type !== 'quoted')) return undefined;
    i++;
    if (isSymbol(tokens[i], '(')) i = skipParens(tokens, i);
    if (!isWord(tokens[i], 'AS')) return undefined;
    i++;
    if (isWord(tokens[i], 'NOT')) i++;
    if (isWord(tokens[i], 'MATERIALIZED')) i++;
    if (!isSymbol(tokens[i], '(')) return undefined;
    i = skipParens(tokens, i);
    if (isSymbol(tokens[i], ',')) {
      i++;
      continue;
    }
    return tokens[i];
  }
}

/** Given the index of '(', returns the index just after its matching ')'. */
function skipParens(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isSymbol(tokens[i], '(')) depth++;
    else if (isSymbol(tokens[i], ')')) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return tokens.length;
}
