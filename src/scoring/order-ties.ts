/**
 * Ties in an expected ORDER BY. When the expected SQL orders rows whose sort keys are equal,
 * the database may return those rows in any order, and a LIMIT that cuts through a group of
 * equal keys may keep any of them: every such answer is correct. Comparing only against the
 * one order the expected run happened to produce would mark correct answers wrong (Spider
 * and defog golds do this often: "the airline with the most flights" when two tie).
 *
 * The expected SQL is run once more with its sort keys added as output columns and without
 * its LIMIT; rows with equal keys form a tie group. The answer passes when it matches the
 * expected rows group by group (any order inside a group), choosing any rows of the group
 * the LIMIT cut. Only tried for ordered questions that failed the plain comparison.
 */
import type { QueryResult, Warehouse } from '../ports.js';
import { selectItems } from '../sql/select-list.js';
import { isSymbol, isTrivia, isWord, tokenize, type Token } from '../sql/tokenize.js';
import { canonicalCell, keyDigits, sortKey } from './cell-value.js';
import { compareResults, isPassingVerdict, type Comparison } from './result-comparator.js';

export interface KeyedOrder {
  /** The expected SQL with `__tie_k<n>` key columns appended and no LIMIT. */
  sql: string;
  keys: number;
  limit: number | null;
}

/** Most subsets of a cut tie group tried (LIMIT 1 over a few ties is the common case). */
const MAX_CHOICES = 200;

/** The keyed form of an ordered SELECT, or null when it cannot be built safely (set operations, OFFSET, ...). */
export function keyedOrderSql(sql: string): KeyedOrder | null {
  const text = sql.trim().replace(/;\s*$/, '');
  const tokens = tokenize(text);
  const top: { token: Token; index: number }[] = [];
  let depth = 0;
  tokens.forEach((token, index) => {
    if (isSymbol(token, '(')) depth++;
    else if (isSymbol(token, ')')) depth--;
    else if (depth === 0 && !isTrivia(token)) top.push({ token, index });
  });
  if (top.some(({ token }) => isWord(token, 'UNION', 'INTERSECT', 'EXCEPT', 'OFFSET', 'QUALIFY'))) return null;
  const from = top.find(({ token }) => isWord(token, 'FROM'));
  const orderAt = top.findIndex(({ token }, k) => isWord(token, 'ORDER') && isWord(top[k + 1]?.token, 'BY'));
  if (!from || orderAt < 0) return null;
  const limitAt = top.findIndex(({ token }) => isWord(token, 'LIMIT'));
  if (limitAt >= 0 && limitAt < orderAt) return null;
  const limitToken = limitAt >= 0 ? top[limitAt + 1]?.token : undefined;
  const limit = limitToken ? Number(limitToken.text) : null;
  if (limitAt >= 0 && (limit === null || !Number.isInteger(limit))) return null;

  const orderStart = tokens[top[orderAt + 1].index].end;
  const orderEnd = limitAt >= 0 ? tokens[top[limitAt].index].start : text.length;
  const items = selectItems(text);
  const keys = splitTopLevel(text.slice(orderStart, orderEnd)).map((item) => sortExpression(item, items));
  if (keys.some((k) => k === undefined)) return null;
  const selectAt = top.findIndex(({ token }) => isWord(token, 'SELECT'));
  const distinct = selectAt >= 0 && isWord(top[selectAt + 1]?.token, 'DISTINCT');
  // Under DISTINCT an extra output column could split rows apart; only keys already shown are safe.
  if (distinct && keys.some((k) => !items.some((it) => it.text.toLowerCase() === k!.toLowerCase()))) return null;

  const fromStart = tokens[from.index].start;
  // FROM through ORDER BY, without the LIMIT: every row, in order, with its sort keys.
  const keyed =
    text.slice(0, fromStart).trimEnd() +
    keys.map((k, n) => `, ${k} AS __tie_k${n}`).join('') +
    '\n' +
    text.slice(fromStart, orderEnd).trimEnd();
  return { sql: keyed, keys: keys.length, limit };
}

/** Splits at commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (const token of tokenize(text)) {
    if (isSymbol(token, '(')) depth++;
    else if (isSymbol(token, ')')) depth--;
    else if (depth === 0 && isSymbol(token, ',')) {
      out.push(text.slice(start, token.start));
      start = token.end;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** One ORDER BY item as an expression valid in the select list: positions and output aliases resolved. */
function sortExpression(item: string, selected: { text: string; alias?: string }[]): string | undefined {
  const expr = item.replace(/\s+(ASC|DESC)?\s*(NULLS\s+(FIRST|LAST))?\s*$/i, '').trim() || item.trim();
  if (/^\d+$/.test(expr)) return selected[Number(expr) - 1]?.text;
  const bare = expr.replace(/^[`"]|[`"]$/g, '').toLowerCase();
  const aliased = selected.find((s) => s.alias && s.alias.replace(/^[`"]|[`"]$/g, '').toLowerCase() === bare);
  return aliased ? aliased.text : expr;
}

/**
 * Compares the answer with the expected SQL's rows allowing any order among ties and any
 * choice of tied rows at the LIMIT; undefined when the ties cannot be worked out.
 */
export async function compareAllowingTies(
  expectedSql: string,
  actual: QueryResult,
  warehouse: Warehouse,
  run: (sql: string) => Promise<QueryResult> = (sql) => warehouse.execute(sql),
): Promise<Comparison | undefined> {
  const keyed = keyedOrderSql(expectedSql);
  if (!keyed) return undefined;
  let full: QueryResult;
  try {
    full = await run(keyed.sql);
  } catch {
    return undefined;
  }
  const width = full.columns.length - keyed.keys;
  if (width <= 0) return undefined;
  const digits = keyDigits(1e-6);
  const keyOf = (row: QueryResult['rows'][number]) =>
    JSON.stringify(row.slice(width).map((cell) => sortKey(canonicalCell(cell), digits)));
  const groups: number[] = [];
  full.rows.forEach((row, i) =>
    groups.push(i === 0 ? 0 : groups[i - 1] + (keyOf(row) === keyOf(full.rows[i - 1]) ? 0 : 1)),
  );
  const take = Math.min(keyed.limit ?? full.rows.length, full.rows.length);
  const columns = full.columns.slice(0, width);
  const rows = full.rows.map((row) => row.slice(0, width));
  const expectedOf = (picked: QueryResult['rows']): QueryResult => ({ columns, rows: picked, truncated: false });
  const last = groups[take - 1];
  const cut = take > 0 && take < rows.length && groups[take] === last;
  if (!cut)
    return compareResults(expectedOf(rows.slice(0, take)), actual, {
      orderMatters: true,
      tieGroups: groups.slice(0, take),
    });
  // The LIMIT cut a tie group: any `need` of its rows may fill the last places.
  const start = groups.indexOf(last);
  const pool = rows.filter((_, i) => groups[i] === last);
  const need = take - start;
  let best: Comparison | undefined;
  let tried = 0;
  for (const choice of subsets(pool.length, need)) {
    if (++tried > MAX_CHOICES) break;
    const comparison = compareResults(expectedOf([...rows.slice(0, start), ...choice.map((i) => pool[i])]), actual, {
      orderMatters: true,
      tieGroups: groups.slice(0, take),
    });
    if (isPassingVerdict(comparison.verdict))
      return {
        ...comparison,
        reason: `${comparison.reason} (Rows tied on the sort key at the LIMIT; any of them is correct.)`,
      };
    best ??= comparison;
  }
  return best;
}

function* subsets(n: number, k: number, from = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = from; i <= n - (k - prefix.length); i++) yield* subsets(n, k, i + 1, [...prefix, i]);
}

/**
 * The scorer's comparison of Genie's rows with the expected ones: the comparator's tiers, with
 * order when the expected SQL orders, and rows tied on its sort key allowed to swap (or to be any
 * of the tied rows at a LIMIT). Our scorer and the emulated Genie eval runs both judge this way.
 */
export async function compareWithTies(
  expected: QueryResult,
  actual: QueryResult,
  expectedSql: string,
  orderMatters: boolean,
  warehouse: Warehouse,
  run?: (sql: string) => Promise<QueryResult>,
): Promise<Comparison> {
  const comparison = compareResults(expected, actual, { orderMatters });
  if (isPassingVerdict(comparison.verdict) || !orderMatters) return comparison;
  const tied = await compareAllowingTies(expectedSql, actual, warehouse, run);
  return tied && isPassingVerdict(tied.verdict) ? tied : comparison;
}
