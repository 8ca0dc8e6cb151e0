/**
 * The SQL gate: the one check every statement passes before it reaches any warehouse
 * (Databricks or the embedded SQLite). It allows exactly one read-only query and refuses
 * everything else, naming why.
 *
 * What counts as a query: a statement starting with SELECT, WITH ... SELECT|VALUES, or VALUES
 * (optionally inside parentheses). Spark's `TABLE t` and FROM-first forms are read-only too but
 * refused: no benchmark or Genie answer needs them, SQLite cannot run them, and a smaller
 * grammar is easier to keep exact.
 *
 * The text is lexed under both the SQLite and the Spark rules (tokenize.ts: they differ on
 * line-comment ends, nesting, escapes, double quotes and brackets) and must pass both, so a
 * comment or string that one engine ends earlier cannot hide a second statement or a write.
 * Where the engines' lexers could still disagree (version-dependent name characters before a
 * raw string, `${...}` substitution, SQLite's TCL variables, URI table names) the text is refused
 * rather than guessed at. Inside the query: write keywords as bare words, functions from the
 * deny-list (deny-list.ts) by normalised name, IDENTIFIER(...) (a name computed from a string
 * would slip past that list), script transforms (USING 'script') and direct file reads.
 *
 * This is the first barrier; the README recommends a read-only warehouse identity as the second.
 */
import { ReadOnlyViolationError } from '../errors.js';
import { deniedFunction, FILE_FORMATS, normaliseName, WRITE_KEYWORDS } from './deny-list.js';
import { isSymbol, isWord, significant, tokenize, type Flavour, type Token } from './tokenize.js';

export type ReadOnlyCheck = { ok: true } | { ok: false; reason: string };

/** Words a read-only query may start with. */
const QUERY_STARTS = new Set(['SELECT', 'WITH', 'VALUES']);

export const READ_ONLY_HINT = 'only a single SELECT (or WITH ... SELECT, or VALUES) query may run';

export interface GateOptions {
  /** The lexical rules the text must pass; default both. The embedded warehouse also checks its SQLite rewrite. */
  flavours?: Flavour[];
}

/** Checks that `sql` is exactly one read-only query. */
export function checkReadOnly(sql: string, options: GateOptions = {}): ReadOnlyCheck {
  if (sql.includes('\0')) return refuse('the text contains a NUL character');
  // Spark substitutes ${var} before it parses, so the text that would run is not the text checked.
  if (sql.includes('${')) return refuse("'${' is not allowed (Spark substitutes ${...} variables before parsing)");
  for (const flavour of options.flavours ?? (['sqlite', 'spark'] as Flavour[])) {
    const result = checkFlavour(sql, flavour);
    if (!result.ok) return result;
  }
  return { ok: true };
}

/** Throws ReadOnlyViolationError unless `sql` is exactly one read-only query. */
export function assertReadOnly(sql: string, options: GateOptions = {}): void {
  const result = checkReadOnly(sql, options);
  if (!result.ok) throw new ReadOnlyViolationError(result.reason, READ_ONLY_HINT);
}

function refuse(reason: string): ReadOnlyCheck {
  return { ok: false, reason: `${reason}; ${READ_ONLY_HINT}` };
}

function checkFlavour(sql: string, flavour: Flavour): ReadOnlyCheck {
  const all = tokenize(sql, flavour);
  const open = all.find((t) => t.unterminated);
  if (open) {
    const what = open.type === 'comment' ? 'comment' : open.type === 'string' ? 'string' : 'quoted identifier';
    return refuse(`unterminated ${what} at offset ${open.start}`);
  }
  const hazard = lexicalHazard(sql, all, flavour);
  if (hazard) return refuse(hazard);

  const statements = splitStatements(significant(all));
  if (statements.length === 0) return refuse('the statement is empty');
  // Keywords first: "DROP is not allowed" says more than "2 statements".
  for (const tokens of statements) {
    const bad = forbiddenWord(tokens) ?? forbiddenCall(tokens) ?? forbiddenSource(tokens);
    if (bad) return refuse(bad);
  }
  if (statements.length > 1) return refuse(`found ${statements.length} statements separated by ';'`);
  return checkQueryShape(statements[0]);
}

/**
 * Places where the two engines' lexers (or versions of one) could split the text differently
 * from tokenize.ts; refused so the gate never has to guess.
 */
function lexicalHazard(sql: string, tokens: Token[], flavour: Flavour): string | undefined {
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    const code = token.type === 'word' || token.type === 'symbol' || token.type === 'number';
    if (code && token.text.includes('$')) {
      // SQLite reads $name(...) as one variable token that may swallow quotes; Spark versions
      // disagree on whether $ belongs to a name (which decides where a raw string starts).
      return `'$' outside quotes is not allowed (offset ${token.start})`;
    }
    if (code && sql.slice(token.start, token.end + 2).includes('://')) {
      return `a URI outside quotes is not allowed (offset ${token.start}): Spark reads it as a path to files`;
    }
    const previous = tokens[k - 1];
    const adjacent = previous !== undefined && previous.end === token.start;
    if (flavour === 'spark' && token.type === 'string' && adjacent && /^(word|number)$/.test(previous.type)) {
      // r'...' is a raw string only when the r starts a token, which depends on the characters before it.
      if (/^[rR]/.test(token.text) || /[rR]$/.test(previous.text))
        return `ambiguous raw string at offset ${token.start}: put a space before it`;
    }
    if (flavour === 'sqlite' && isSymbol(token, '(') && adjacent && previous.type === 'word') {
      const sigil = tokens[k - 2];
      if (sigil?.type === 'symbol' && /^[:@#]$/.test(sigil.text) && sigil.end === previous.start)
        return `'${sigil.text}${previous.text}(' is not allowed (offset ${sigil.start}): SQLite reads it as a variable`;
    }
  }
  return undefined;
}

function checkQueryShape(tokens: Token[]): ReadOnlyCheck {
  // `(SELECT ...) UNION (SELECT ...)`: look past leading parentheses for the opening keyword.
  let start = 0;
  while (isSymbol(tokens[start], '(') && start < tokens.length - 1) start++;
  const first = tokens[start];
  if (!isWord(first) || !QUERY_STARTS.has(first.value.toUpperCase())) {
    return refuse(`a statement starting with ${describe(first)} is not a query`);
  }
  if (isWord(first, 'WITH')) {
    const main = mainStatementAfterWith(tokens.slice(start));
    if (!main) return refuse('the WITH clause is not followed by a query');
    if (!isWord(main, 'SELECT', 'VALUES') && !isSymbol(main, '(')) {
      return refuse(`WITH ... ${describe(main)} is not a query`);
    }
  }
  return { ok: true };
}

function describe(token: Token): string {
  return token.type === 'word' ? token.value.toUpperCase() : `'${token.text}'`;
}

function forbiddenWord(tokens: Token[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'word') continue;
    const upper = token.value.toUpperCase();
    const called = isSymbol(tokens[i + 1], '(');
    // REPLACE(str, a, b) is a string function, not REPLACE INTO.
    if (WRITE_KEYWORDS.has(upper) && !(upper === 'REPLACE' && called)) return `${upper} is not allowed`;
    // Spark's USING 'script' (SELECT TRANSFORM / MAP / REDUCE) runs an external program.
    if (upper === 'USING' && tokens[i + 1]?.type === 'string') return "USING '<script>' is not allowed";
  }
  return undefined;
}

/** Calls by normalised name: whatever quoting or qualification, the name right before '(' counts. */
function forbiddenCall(tokens: Token[]): string | undefined {
  for (let i = 1; i < tokens.length; i++) {
    if (!isSymbol(tokens[i], '(')) continue;
    const callee = tokens[i - 1];
    if (callee.type !== 'word' && callee.type !== 'quoted' && callee.type !== 'string') continue;
    const name = normaliseName(callee.value);
    if (name === 'identifier') return 'IDENTIFIER(...) is not allowed (it names a function or table from a string)';
    const denied = deniedFunction(name);
    if (denied) return denied;
  }
  return undefined;
}

/** Spark's direct file queries: `` <format>.`<path>` `` as a table name. */
function forbiddenSource(tokens: Token[]): string | undefined {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [format, dot, target] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (format.type !== 'word' && format.type !== 'quoted') continue;
    if (!FILE_FORMATS.has(normaliseName(format.value)) || !isSymbol(dot, '.')) continue;
    if ((target.type === 'quoted' || target.type === 'string') && /[/:\\]/.test(target.value))
      return `reading files directly (${format.value}.${target.text}) is not allowed`;
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
