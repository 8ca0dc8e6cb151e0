/**
 * Finds the items of the outermost SELECT list (the one whose columns a query
 * returns), with whether each carries an alias. Token based, no full parse.
 */
import { isSymbol, isWord, significant, tokenize, type Flavour, type Token } from './tokenize.js';

export interface SelectItem {
  /** The item's source text, trimmed (without the alias when it has one). */
  text: string;
  alias?: string;
}

const LIST_END = new Set([
  'FROM',
  'WHERE',
  'GROUP',
  'HAVING',
  'ORDER',
  'LIMIT',
  'WINDOW',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'QUALIFY',
  'OFFSET',
]);
/** Words that end an expression and so are never an alias. */
const NOT_ALIAS = new Set(['END', 'NULL', 'TRUE', 'FALSE', 'DISTINCT', 'ALL', 'CURRENT_DATE', 'CURRENT_TIMESTAMP']);
/** Operator words after which the next word is an operand, not an alias. */
const OPERATOR_WORDS = new Set([
  'NOT',
  'AND',
  'OR',
  'IS',
  'IN',
  'LIKE',
  'ILIKE',
  'BETWEEN',
  'WHEN',
  'THEN',
  'ELSE',
  'CASE',
  'INTERVAL',
  'DISTINCT',
  'AS',
  'DIV',
  'ESCAPE',
  'COLLATE',
]);

/** The outermost SELECT's items, or [] when no SELECT list is found. */
export function selectItems(sql: string, flavour: Flavour = 'sqlite'): SelectItem[] {
  const all = significant(tokenize(sql, flavour));
  let depth = 0;
  let start = -1;
  for (let i = 0; i < all.length; i++) {
    if (isSymbol(all[i], '(')) depth++;
    else if (isSymbol(all[i], ')')) depth--;
    else if (depth === 0 && isWord(all[i], 'SELECT')) {
      start = i + 1;
      break;
    }
  }
  if (start < 0) return [];
  while (isWord(all[start], 'DISTINCT', 'ALL')) start++;

  const items: Token[][] = [[]];
  depth = 0;
  for (let i = start; i < all.length; i++) {
    const token = all[i];
    if (depth === 0 && (isSymbol(token, ';') || (token.type === 'word' && LIST_END.has(token.value.toUpperCase()))))
      break;
    if (isSymbol(token, '(')) depth++;
    else if (isSymbol(token, ')')) depth--;
    if (depth === 0 && isSymbol(token, ',')) items.push([]);
    else items[items.length - 1].push(token);
  }
  return items.filter((tokens) => tokens.length > 0).map((tokens) => toItem(sql, tokens));
}

function toItem(sql: string, tokens: Token[]): SelectItem {
  const last = tokens[tokens.length - 1];
  const before = tokens[tokens.length - 2];
  const span = (to: number) => sql.slice(tokens[0].start, tokens[to].end).trim();
  const isName = last.type === 'quoted' || (last.type === 'word' && !NOT_ALIAS.has(last.value.toUpperCase()));
  if (tokens.length >= 3 && isName && isWord(before, 'AS')) return { text: span(tokens.length - 3), alias: last.value };
  // `expr alias` without AS: the alias follows something that ends an expression.
  const endsExpression =
    before &&
    (before.type === 'number' ||
      before.type === 'string' ||
      isSymbol(before, ')') ||
      before.type === 'quoted' ||
      (before.type === 'word' && !OPERATOR_WORDS.has(before.value.toUpperCase())));
  const intervalUnit = isWord(tokens[tokens.length - 3], 'INTERVAL') || isWord(tokens[tokens.length - 4], 'INTERVAL');
  if (tokens.length >= 2 && isName && endsExpression && !isSymbol(before, '.') && !intervalUnit) {
    return { text: span(tokens.length - 2), alias: last.value };
  }
  return { text: span(tokens.length - 1) };
}
