/**
 * A small SQL tokenizer: enough to tell code from strings, quoted identifiers and
 * comments, which is all the SQL gate and the dialect rewriter need.
 *
 * Two lexical flavours, because the gate must agree exactly with whichever engine runs
 * the text (a comment or string that ends earlier in the engine than here would hide
 * code from the gate). They follow each engine's own lexer:
 * - `sqlite` (tokenize.c): `--` runs to `\n` only; block comments do not nest; strings
 *   are '...' with '' as the only escape; "...", `...` and [...] are identifiers.
 * - `spark` (SqlBaseLexer.g4): `--` ends at `\r` or `\n`, except that a backslash right
 *   before `\n` continues it; block comments nest, but `/*+` opens a hint (code, not a
 *   comment) and does not nest inside a comment; '...' and "..." are strings with
 *   backslash escapes; r'...' / R"..." are raw strings without escapes; `...` is an
 *   identifier; [ is only a bracket.
 */

export type TokenType =
  | 'whitespace'
  | 'comment'
  | 'string'
  /** A bare word: keyword, function or identifier. */
  | 'word'
  /** A quoted identifier: `x`, "x" (sqlite) or [x] (sqlite). */
  | 'quoted'
  | 'number'
  /** Punctuation and operators, one token per operator (`;`, `(`, `.`, `<=`, `||`, ...). */
  | 'symbol';

export interface Token {
  type: TokenType;
  /** The exact source text, quotes included. */
  text: string;
  start: number;
  end: number;
  /** For `quoted` and `string`: the unquoted content. For `word`: the text. */
  value: string;
  /** True when a string, quoted identifier or block comment is never closed. */
  unterminated?: boolean;
}

export type Flavour = 'sqlite' | 'spark';

const TWO_CHAR_SYMBOLS = new Set(['<=', '>=', '<>', '!=', '==', '||', '::', '<<', '>>', '->', '=>']);

function isWordStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch) || ch.charCodeAt(0) > 127;
}

function isWordPart(ch: string): boolean {
  return /[A-Za-z0-9_$]/.test(ch) || ch.charCodeAt(0) > 127;
}

/** Splits SQL text into tokens; concatenating every token's text gives back the input. */
export function tokenize(sql: string, flavour: Flavour = 'sqlite'): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (type: TokenType, end: number, value?: string, unterminated?: boolean) => {
    const text = sql.slice(i, end);
    const token: Token = { type, text, start: i, end, value: value ?? text };
    if (unterminated) token.unterminated = true;
    tokens.push(token);
    i = end;
  };

  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1] ?? '';
    if (/\s/.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /\s/.test(sql[j])) j++;
      push('whitespace', j);
    } else if (ch === '-' && next === '-') {
      push('comment', lineCommentEnd(sql, i, flavour));
    } else if (ch === '/' && next === '*' && flavour === 'spark' && sql[i + 2] === '+') {
      push('symbol', i + 3); // a hint: its content is code the gate must see
    } else if (ch === '/' && next === '*') {
      const { end, closed } = blockCommentEnd(sql, i, flavour === 'spark');
      push('comment', end, undefined, !closed);
    } else if (flavour === 'spark' && (ch === 'r' || ch === 'R') && (next === "'" || next === '"')) {
      const close = sql.indexOf(next, i + 2);
      const end = close < 0 ? sql.length : close + 1;
      push('string', end, sql.slice(i + 2, close < 0 ? sql.length : close), close < 0);
    } else if (ch === "'" || (ch === '"' && flavour === 'spark')) {
      const { end, value, closed } = quotedEnd(sql, i, ch, flavour === 'spark');
      push('string', end, value, !closed);
    } else if (ch === '`' || ch === '"') {
      const { end, value, closed } = quotedEnd(sql, i, ch, false);
      push('quoted', end, value, !closed);
    } else if (ch === '[' && flavour === 'sqlite') {
      const close = sql.indexOf(']', i + 1);
      const end = close < 0 ? sql.length : close + 1;
      push('quoted', end, sql.slice(i + 1, close < 0 ? sql.length : close), close < 0);
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(next))) {
      push('number', numberEnd(sql, i));
    } else if (isWordStart(ch)) {
      let j = i + 1;
      while (j < sql.length && isWordPart(sql[j])) j++;
      push('word', j);
    } else {
      push('symbol', TWO_CHAR_SYMBOLS.has(ch + next) ? i + 2 : i + 1);
    }
  }
  return tokens;
}

/** Where a `--` comment ends (exclusive): the line break stays outside the comment. */
function lineCommentEnd(sql: string, start: number, flavour: Flavour): number {
  let j = start + 2;
  while (j < sql.length) {
    const c = sql[j];
    if (c === '\n') return j;
    if (flavour === 'spark') {
      if (c === '\r') return j;
      if (c === '\\' && sql[j + 1] === '\n') {
        j += 2; // Spark: backslash-newline continues the comment on the next line
        continue;
      }
    }
    j++;
  }
  return sql.length;
}

function blockCommentEnd(sql: string, start: number, nested: boolean): { end: number; closed: boolean } {
  let depth = 1;
  let j = start + 2;
  while (j < sql.length) {
    if (sql.startsWith('*/', j)) {
      depth--;
      j += 2;
      if (depth === 0 || !nested) return { end: j, closed: true };
    } else if (nested && sql.startsWith('/*', j) && sql[j + 2] !== '+') {
      depth++;
      j += 2;
    } else {
      j++;
    }
  }
  return { end: sql.length, closed: false };
}

/** A quoted run where the quote is escaped by doubling it (and, in Spark strings, by a backslash). */
function quotedEnd(
  sql: string,
  start: number,
  quote: string,
  backslash: boolean,
): { end: number; value: string; closed: boolean } {
  let value = '';
  let j = start + 1;
  while (j < sql.length) {
    const c = sql[j];
    if (backslash && c === '\\' && j + 1 < sql.length) {
      value += sql[j + 1];
      j += 2;
    } else if (c === quote) {
      if (sql[j + 1] === quote) {
        value += quote;
        j += 2;
      } else {
        return { end: j + 1, value, closed: true };
      }
    } else {
      value += c;
      j++;
    }
  }
  return { end: sql.length, value, closed: false };
}

function numberEnd(sql: string, start: number): number {
  const hex = /^0[xX][0-9A-Fa-f]+/.exec(sql.slice(start, start + 64));
  if (hex) return start + hex[0].length;
  const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(sql.slice(start));
  return start + (match ? match[0].length : 1);
}

/** True for tokens a parser ignores. */
export function isTrivia(token: Token): boolean {
  return token.type === 'whitespace' || token.type === 'comment';
}

/** The tokens that carry meaning (no whitespace or comments). */
export function significant(tokens: Token[]): Token[] {
  return tokens.filter((t) => !isTrivia(t));
}

/** Case-insensitive keyword test on a bare word. */
export function isWord(token: Token | undefined, ...words: string[]): boolean {
  if (!token || token.type !== 'word') return false;
  const upper = token.value.toUpperCase();
  return words.length === 0 || words.includes(upper);
}

export function isSymbol(token: Token | undefined, symbol: string): boolean {
  return token?.type === 'symbol' && token.text === symbol;
}
