/**
 * Table and column references inside the SQL of proposed example queries and snippets.
 * Only unambiguous references are judged: `catalog.schema.table[.column]` under a known
 * catalog.schema, and `table.column` where `table` is a space table's name that the SQL does
 * not redefine as an alias or CTE. Anything else is left to execution checks later.
 */
import type { WarehouseSchema } from '../../ports.js';
import type { Space } from '../../space/schema.js';
import { significant, tokenize, type Token } from '../../sql/tokenize.js';
import type { Fix } from '../fix-types.js';
import { lastPart, normalizeIdentifier, normalizeName } from '../../sql/identifiers.js';

export interface SqlReferenceIndex {
  /** Normalised ids of the space's tables and metric views. */
  spaceTables: Set<string>;
  /** Columns by normalised table id: warehouse columns, else the space's column configs. */
  columns: Map<string, Set<string>>;
  /** Normalised `catalog.schema` prefixes of every known table. */
  prefixes: Set<string>;
  /** Normalised last part -> normalised table ids of the space with that name. */
  byName: Map<string, string[]>;
}

export function buildSqlReferenceIndex(space: Space, schema: WarehouseSchema): SqlReferenceIndex {
  const spaceTables = new Set<string>();
  const columns = new Map<string, Set<string>>();
  const prefixes = new Set<string>();
  const byName = new Map<string, string[]>();
  for (const table of schema.tables) {
    const id = normalizeIdentifier(table.identifier);
    columns.set(id, new Set(table.columns.map((column) => normalizeName(column.name))));
    prefixes.add(id.split('.').slice(0, 2).join('.'));
  }
  for (const table of [...(space.data_sources?.tables ?? []), ...(space.data_sources?.metric_views ?? [])]) {
    const id = normalizeIdentifier(table.identifier);
    spaceTables.add(id);
    prefixes.add(id.split('.').slice(0, 2).join('.'));
    if (!columns.has(id) && table.column_configs?.length)
      columns.set(id, new Set(table.column_configs.map((column) => normalizeName(column.column_name))));
    const name = normalizeName(lastPart(table.identifier));
    byName.set(name, [...(byName.get(name) ?? []), id]);
  }
  return { spaceTables, columns, prefixes, byName };
}

/** The reason a snippet's or example's SQL names an unknown table or column, or undefined. */
export function checkSqlReferences(fix: Fix, index: SqlReferenceIndex): string | undefined {
  if (fix.type !== 'add_example_query' && fix.type !== 'add_sql_snippet') return undefined;
  const tokens = significant(tokenize(fix.sql, 'spark'));
  const defined = definedNames(tokens);
  for (const chain of chains(tokens)) {
    const problem =
      chain.length >= 3
        ? checkQualified(chain, index)
        : chain.length === 2
          ? checkShort(chain, index, defined)
          : undefined;
    if (problem) return `${problem} (in the ${fix.type === 'add_sql_snippet' ? `${fix.kind} snippet` : 'example'} SQL)`;
  }
  return undefined;
}

function checkQualified(parts: string[], index: SqlReferenceIndex): string | undefined {
  const prefix = parts.slice(0, 2).map(normalizeName).join('.');
  if (!index.prefixes.has(prefix)) return undefined;
  const table = parts.slice(0, 3).map(normalizeName).join('.');
  const columns = index.columns.get(table);
  if (!columns && !index.spaceTables.has(table)) return `unknown table ${table}`;
  if (!index.spaceTables.has(table)) return `table ${table} is not in the space`;
  if (parts.length >= 4 && columns && !columns.has(normalizeName(parts[3])))
    return `unknown column ${parts[3]} in table ${table}`;
  return undefined;
}

function checkShort(parts: string[], index: SqlReferenceIndex, defined: Set<string>): string | undefined {
  const qualifier = normalizeName(parts[0]);
  if (defined.has(qualifier)) return undefined;
  const tables = index.byName.get(qualifier);
  if (!tables || tables.length !== 1) return undefined;
  const columns = index.columns.get(tables[0]);
  if (columns && !columns.has(normalizeName(parts[1]))) return `unknown column ${parts[1]} in table ${tables[0]}`;
  return undefined;
}

/** Dotted name chains such as main.community.messages.word_count, as unquoted parts. */
function chains(tokens: Token[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isName(tokens[i]) || isDot(tokens[i - 1])) continue;
    const parts = [tokens[i].value];
    let j = i;
    while (isDot(tokens[j + 1]) && isName(tokens[j + 2])) {
      parts.push(tokens[j + 2].value);
      j += 2;
    }
    // A name followed by '(' is a function call such as date_trunc(...), never a column.
    if (parts.length > 1 && !(tokens[j + 1]?.type === 'symbol' && tokens[j + 1].text === '(')) out.push(parts);
  }
  return out;
}

/** Names the SQL defines itself: `AS name`, CTE names (`name AS (`), and bare aliases (`FROM t x`, `(...) x`). */
function definedNames(tokens: Token[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'word' && token.value.toUpperCase() === 'AS' && isName(tokens[i + 1]))
      names.add(normalizeName(tokens[i + 1].value));
    if (
      isName(token) &&
      tokens[i + 1]?.type === 'word' &&
      tokens[i + 1].value.toUpperCase() === 'AS' &&
      tokens[i + 2]?.text === '('
    )
      names.add(normalizeName(token.value));
    // `FROM a.b.c x` and `(subquery) x`: a name right after another name or `)` (no keywords) is an alias.
    const aliasable = (isName(token) && !isKeyword(token)) || (token.type === 'symbol' && token.text === ')');
    if (aliasable && isName(tokens[i + 1]) && !isKeyword(tokens[i + 1])) names.add(normalizeName(tokens[i + 1].value));
  }
  return names;
}

const KEYWORDS = new Set(
  'SELECT DISTINCT ALL FROM WHERE GROUP ORDER BY HAVING LIMIT OFFSET JOIN LEFT RIGHT INNER OUTER FULL CROSS NATURAL LATERAL ON USING UNION EXCEPT INTERSECT MINUS AS AND OR NOT IN IS NULL LIKE ILIKE BETWEEN CASE WHEN THEN ELSE END ASC DESC NULLS FIRST LAST WITH OVER PARTITION WINDOW QUALIFY INTERVAL EXISTS CAST'.split(
    ' ',
  ),
);

function isKeyword(token: Token): boolean {
  return token.type === 'word' && KEYWORDS.has(token.value.toUpperCase());
}

function isName(token: Token | undefined): token is Token {
  return token !== undefined && (token.type === 'word' || token.type === 'quoted');
}

function isDot(token: Token | undefined): boolean {
  return token?.type === 'symbol' && token.text === '.';
}
