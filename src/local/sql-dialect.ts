/**
 * Rewrites Databricks (Spark) SQL so the embedded SQLite engine runs it with the same
 * meaning. Everything happens on tokens, so strings and comments are never touched.
 *
 * Table naming inside SQLite: a Unity Catalog table `cat.sch.tbl` is ONE SQLite table
 * whose name contains the dots, `"cat.sch.tbl"` (lower case). Three-part names (bare,
 * backticked or double-quoted parts) are rewritten to it, emitted backticked:
 * `cat.sch.tbl.col` becomes `` `cat.sch.tbl`.`col` ``; with known tables, two-part
 * `sch.tbl` resolves against the default catalog.
 *
 * Other rewrites: the clock functions become the fixed clock literal; `DATE '...'` and
 * `TIMESTAMP '...'` literals lose their keyword; `CAST(x AS DATE|TIMESTAMP|STRING|...)` and
 * `x::type` map to SQLite types or to_date/to_timestamp; ILIKE becomes ilike(), RLIKE REGEXP; `x +/- INTERVAL n unit` becomes a
 * function call; `EXTRACT(unit FROM x)` becomes date_part; bare unit words in
 * dateadd/datediff/timestampadd/date_trunc become strings; if/nvl become iif/coalesce;
 * integer-valued functions (year, datediff, ...) are cast to INTEGER because sql.js
 * returns every JS-computed number as REAL; and `/` always divides as
 * floating point (`a / b` -> `a * 1.0 / b`), because Spark's `/` never truncates
 * integers while SQLite's does. Spark date calls with constant arguments are folded
 * and those of a column get native SQLite forms (native-calls.ts).
 */
import { quoteName } from '../sql/quote.js';
import { isSymbol, isTrivia, isWord, tokenize, type Token } from '../sql/tokenize.js';
import { splitArguments } from './call-arguments.js';
import { optimiseCall } from './native-calls.js';
import { SPARK_SCALARS } from './spark-functions.js';
import {
  CLOCK_DATE,
  CLOCK_TIMESTAMP,
  INTEGER_RESULT,
  NOT_CALLS,
  RENAMED,
  UNITS,
  UNIT_ARG_FUNCTIONS,
  castExpression,
  quoteString,
} from './sql-dialect-vocabulary.js';

export { registerSparkFunctions } from './spark-functions.js';

export interface DialectOptions {
  /** The fixed clock: 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'. */
  asOf: string;
  /** Catalog used to resolve two-part names `schema.table` (with `tables`). */
  catalog?: string;
  /** Known lower-case three-part identifiers; enables two-part `schema.table` names. */
  tables?: ReadonlySet<string>;
}

/** The SQLite table name for a three-part identifier (`main.community.messages`). */
export function sqliteTableName(identifier: string): string {
  return identifier
    .split('.')
    .map((part) => part.replace(/^[`"]|[`"]$/g, ''))
    .join('.')
    .toLowerCase();
}

/** SQLite double-quoted identifier (for DDL). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

type PieceKind = 'trivia' | 'primary' | 'word' | 'op';
interface Piece {
  text: string;
  kind: PieceKind;
}

/** Rewrites one Databricks SQL text for SQLite. */
export function rewriteForSqlite(sql: string, options: DialectOptions): string {
  const tokens = tokenize(sql, 'sqlite');
  return new Rewriter(tokens, options).range(0, tokens.length);
}

class Rewriter {
  private readonly clockDate: string;
  private readonly clockTimestamp: string;

  constructor(
    private readonly t: Token[],
    private readonly options: DialectOptions,
  ) {
    const asOf = options.asOf.trim();
    this.clockDate = quoteString(asOf.slice(0, 10));
    this.clockTimestamp = quoteString(asOf.length > 10 ? asOf.replace('T', ' ').slice(0, 19) : `${asOf} 00:00:00`);
  }

  /** Rewrites tokens [start, end) into text. */
  range(start: number, end: number): string {
    const pieces: Piece[] = [];
    let i = start;
    while (i < end) i = this.step(i, end, pieces);
    return pieces.map((p) => p.text).join('');
  }

  private step(i: number, end: number, pieces: Piece[]): number {
    const token = this.t[i];
    if (isTrivia(token)) {
      pieces.push({ text: token.text, kind: 'trivia' });
      return i + 1;
    }
    if (isSymbol(token, '(')) return this.group(i, end, pieces);
    if (isSymbol(token, '/')) {
      pieces.push({ text: '* 1.0 /', kind: 'op' });
      return i + 1;
    }
    if ((isSymbol(token, '+') || isSymbol(token, '-')) && isWord(this.next(i, end), 'INTERVAL')) {
      const done = this.interval(i, end, pieces);
      if (done !== undefined) return done;
    }
    if (isSymbol(token, '::')) {
      const done = this.colonCast(i, end, pieces);
      if (done !== undefined) return done;
    }
    if (isWord(token, 'ILIKE')) {
      const done = this.ilike(i, end, pieces);
      if (done !== undefined) return done;
    }
    if (isWord(token, 'RLIKE')) {
      pieces.push({ text: 'REGEXP', kind: 'op' }); // SQLite calls our regexp() for it
      return i + 1;
    }
    if (token.type === 'word' || token.type === 'quoted') {
      const afterDot = isSymbol(this.prev(i), '.');
      if (!afterDot) {
        const chain = this.chain(i, end);
        if (chain) {
          pieces.push({ text: chain.text, kind: 'primary' });
          return chain.next;
        }
      }
      if (token.type === 'word' && !afterDot) {
        const special = this.word(i, end);
        if (special) {
          pieces.push({ text: special.text, kind: 'primary' });
          return special.next;
        }
      }
      pieces.push({ text: token.text, kind: token.type === 'word' ? 'word' : 'primary' });
      return i + 1;
    }
    pieces.push({ text: token.text, kind: token.type === 'symbol' ? 'op' : 'primary' });
    return i + 1;
  }

  /** A parenthesised group; a preceding bare word makes it a call, kept as one piece. */
  private group(open: number, end: number, pieces: Piece[]): number {
    const close = this.matchParen(open, end);
    const closed = close < end;
    const innerEnd = closed ? close : end;
    const last = lastSignificant(pieces);
    const isCall = last >= 0 && pieces[last].kind === 'word' && !NOT_CALLS.has(pieces[last].text.toUpperCase());
    const fn = isCall ? this.t[this.prevIndex(open)].value.toUpperCase() : '';
    const cast = fn === 'CAST' || fn === 'TRY_CAST' ? this.cast(open + 1, innerEnd) : undefined;
    const name = isCall
      ? pieces
          .splice(last)
          .map((p) => p.text)
          .join('')
      : '';
    if (cast) {
      pieces.push({ text: cast, kind: 'primary' });
    } else {
      const inner = this.unitArgument(fn, open + 1, innerEnd) ?? this.range(open + 1, innerEnd);
      const call = `${RENAMED[fn] ?? name}(${inner}${closed ? ')' : ''}`;
      const fallback = INTEGER_RESULT.has(fn) ? `CAST(${call} AS INTEGER)` : call;
      const lower = fn.toLowerCase();
      const fast =
        closed && Object.hasOwn(SPARK_SCALARS, lower)
          ? optimiseCall({ fn: lower, args: splitArguments(inner), fallback, integerResult: INTEGER_RESULT.has(fn) })
          : undefined;
      pieces.push({ text: fast ?? fallback, kind: 'primary' });
    }
    return closed ? close + 1 : end;
  }

  /** dateadd(day, 1, x) and friends: a bare unit word as first argument becomes a string. */
  private unitArgument(fn: string, start: number, end: number): string | undefined {
    if (!UNIT_ARG_FUNCTIONS.has(fn)) return undefined;
    const args = this.significantIndexes(start, end);
    const unit = this.t[args[0]];
    if (
      args.length < 2 ||
      unit.type !== 'word' ||
      !UNITS.has(unit.value.toUpperCase()) ||
      !isSymbol(this.t[args[1]], ',')
    )
      return undefined;
    return `${this.range(start, args[0])}${quoteString(unit.value.toLowerCase())}${this.range(args[0] + 1, end)}`;
  }

  /** CAST(expr AS type) / TRY_CAST(...), given the tokens inside the parens. */
  private cast(start: number, end: number): string | undefined {
    const args = this.significantIndexes(start, end);
    let depth = 0;
    let asAt = -1;
    for (const k of args) {
      if (isSymbol(this.t[k], '(')) depth++;
      else if (isSymbol(this.t[k], ')')) depth--;
      else if (depth === 0 && isWord(this.t[k], 'AS')) asAt = k;
    }
    if (asAt < 0) return undefined;
    const typeToken = this.t[args[args.indexOf(asAt) + 1]];
    if (!typeToken || typeToken.type !== 'word') return undefined;
    return castExpression(this.range(start, asAt).trim(), typeToken.value);
  }

  /** `operand::type`, Spark's shorthand cast. */
  private colonCast(i: number, end: number, pieces: Piece[]): number | undefined {
    const typeAt = this.nextIndex(i, end);
    const last = lastSignificant(pieces);
    if (typeAt >= end || !isWord(this.t[typeAt]) || last < 0 || pieces[last].kind === 'op') return undefined;
    const operand = pieces
      .slice(last)
      .map((p) => p.text)
      .join('')
      .trim();
    const text = castExpression(operand, this.t[typeAt].value);
    if (!text) return undefined;
    pieces.splice(last, pieces.length - last, { text, kind: 'primary' });
    // Skip a precision such as DECIMAL(10, 2).
    const after = this.nextIndex(typeAt, end);
    return after < end && isSymbol(this.t[after], '(') ? Math.min(this.matchParen(after, end) + 1, end) : typeAt + 1;
  }

  /** `a [NOT] ILIKE b` -> `[NOT] ilike(a, b)`: SQLite's LIKE is case-sensitive here, as Spark's is. */
  private ilike(i: number, end: number, pieces: Piece[]): number | undefined {
    const notAt = lastSignificant(pieces);
    const negate = notAt >= 0 && pieces[notAt].kind === 'word' && pieces[notAt].text.toUpperCase() === 'NOT';
    const leftAt = negate ? lastSignificant(pieces.slice(0, notAt)) : notAt;
    const rightAt = this.nextIndex(i, end);
    if (leftAt < 0 || pieces[leftAt].kind === 'op' || rightAt >= end) return undefined;
    const left = pieces[leftAt].text;
    pieces.splice(leftAt);
    const right: Piece[] = [];
    const next = this.step(rightAt, end, right);
    pieces.push({
      text: `${negate ? 'NOT ' : ''}ilike(${left}, ${right.map((p) => p.text).join('')})`,
      kind: 'primary',
    });
    return next;
  }

  /** `operand +/- INTERVAL n unit` -> spark_interval_add(operand, +/-n, 'unit'). */
  private interval(opIndex: number, end: number, pieces: Piece[]): number | undefined {
    const sign = isSymbol(this.t[opIndex], '-') ? -1 : 1;
    const args = this.significantIndexes(opIndex + 1, end);
    // args[0] is INTERVAL
    let k = 1;
    let negative = false;
    if (isSymbol(this.t[args[k]], '-')) {
      negative = true;
      k++;
    }
    const amountToken = this.t[args[k]];
    if (!amountToken) return undefined;
    let amount: number;
    let unit: string;
    let next: number;
    if (amountToken.type === 'string' && /^\s*-?\d+(\.\d+)?\s+[A-Za-z]+\s*$/.test(amountToken.value)) {
      const [n, u] = amountToken.value.trim().split(/\s+/);
      amount = Number(n);
      unit = u;
      next = args[k] + 1;
    } else if (amountToken.type === 'number' || amountToken.type === 'string') {
      const unitToken = this.t[args[k + 1]];
      if (!isWord(unitToken) || !UNITS.has(unitToken.value.toUpperCase())) return undefined;
      amount = Number(amountToken.value);
      unit = unitToken.value;
      next = args[k + 1] + 1;
    } else {
      return undefined;
    }
    if (!Number.isFinite(amount) || !UNITS.has(unit.toUpperCase())) return undefined;
    const last = lastSignificant(pieces);
    if (last < 0 || pieces[last].kind === 'op') return undefined;
    const operand = pieces
      .splice(last)
      .map((p) => p.text)
      .join('')
      .trim();
    const signed = sign * (negative ? -1 : 1) * amount;
    pieces.push({
      text: `spark_interval_add(${operand}, ${signed}, ${quoteString(unit.toLowerCase())})`,
      kind: 'primary',
    });
    return next;
  }

  /** Clock functions and DATE/TIMESTAMP literals. */
  private word(i: number, end: number): { text: string; next: number } | undefined {
    const upper = this.t[i].value.toUpperCase();
    const n = this.nextIndex(i, end);
    const clock = CLOCK_DATE.has(upper) ? this.clockDate : CLOCK_TIMESTAMP.has(upper) ? this.clockTimestamp : undefined;
    if (clock) {
      const bareAllowed = upper === 'CURRENT_DATE' || upper === 'CURRENT_TIMESTAMP' || upper === 'LOCALTIMESTAMP';
      if (n < end && isSymbol(this.t[n], '(')) {
        const close = this.nextIndex(n, end);
        if (close < end && isSymbol(this.t[close], ')')) return { text: clock, next: close + 1 };
      }
      return bareAllowed ? { text: clock, next: i + 1 } : undefined;
    }
    if ((upper === 'DATE' || upper === 'TIMESTAMP') && n < end && this.t[n].type === 'string') {
      return { text: this.t[n].text, next: n + 1 };
    }
    if (upper === 'EXTRACT' && n < end && isSymbol(this.t[n], '(')) {
      const close = this.matchParen(n, end);
      const args = this.significantIndexes(n + 1, Math.min(close, end));
      if (args.length >= 3 && this.t[args[0]].type === 'word' && isWord(this.t[args[1]], 'FROM')) {
        const inner = this.range(args[1] + 1, Math.min(close, end)).trim();
        const unit = quoteString(this.t[args[0]].value.toLowerCase());
        return { text: `CAST(date_part(${unit}, ${inner}) AS INTEGER)`, next: Math.min(close + 1, end) };
      }
    }
    return undefined;
  }

  /** A dotted name of two or more parts, rewritten when it names a table. */
  private chain(i: number, end: number): { text: string; next: number } | undefined {
    const parts: string[] = [];
    let k = i;
    let last = i;
    for (;;) {
      const token = this.t[k];
      if (!token || (token.type !== 'word' && token.type !== 'quoted')) break;
      parts.push(token.value);
      last = k;
      const dot = this.nextIndex(k, end);
      if (dot >= end || !isSymbol(this.t[dot], '.')) break;
      k = this.nextIndex(dot, end);
      if (k >= end) break;
    }
    if (parts.length < 2) return undefined;
    if (isSymbol(this.t[this.nextIndex(last, end)], '(')) return undefined; // schema-qualified function call
    const { catalog, tables } = this.options;
    const known = (name: string) => tables?.has(name) === true;
    const threePart = parts.slice(0, 3).join('.').toLowerCase();
    const twoPart = catalog ? `${catalog}.${parts[0]}.${parts[1]}`.toLowerCase() : '';
    let table: string;
    let rest: string[];
    if (parts.length >= 3 && known(threePart)) [table, rest] = [threePart, parts.slice(3)];
    else if (twoPart && known(twoPart)) [table, rest] = [twoPart, parts.slice(2)];
    else if (parts.length >= 3)
      [table, rest] = [threePart, parts.slice(3)]; // unknown: let SQLite say "no such table"
    else
      return {
        text: this.t
          .slice(i, last + 1)
          .map((t) => t.text)
          .join(''),
        next: last + 1,
      }; // alias.column, as one piece
    // Backticked, never double-quoted: SQLite then never falls back to reading a name as a string literal.
    return { text: quoteName(table) + rest.map((p) => `.${quoteName(p)}`).join(''), next: last + 1 };
  }

  private matchParen(open: number, end: number): number {
    let depth = 0;
    for (let k = open; k < end; k++) {
      if (isSymbol(this.t[k], '(')) depth++;
      else if (isSymbol(this.t[k], ')') && --depth === 0) return k;
    }
    return end;
  }

  private significantIndexes(start: number, end: number): number[] {
    const out: number[] = [];
    for (let k = start; k < end; k++) if (!isTrivia(this.t[k])) out.push(k);
    return out;
  }

  private nextIndex(i: number, end: number): number {
    let k = i + 1;
    while (k < end && isTrivia(this.t[k])) k++;
    return k;
  }

  private next(i: number, end: number): Token | undefined {
    const k = this.nextIndex(i, end);
    return k < end ? this.t[k] : undefined;
  }

  private prevIndex(i: number): number {
    let k = i - 1;
    while (k >= 0 && isTrivia(this.t[k])) k--;
    return k;
  }

  private prev(i: number): Token | undefined {
    const k = this.prevIndex(i);
    return k >= 0 ? this.t[k] : undefined;
  }
}

function lastSignificant(pieces: Piece[]): number {
  for (let k = pieces.length - 1; k >= 0; k--) if (pieces[k].kind !== 'trivia') return k;
  return -1;
}
