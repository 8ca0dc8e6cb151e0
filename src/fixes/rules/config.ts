/**
 * What the space config already says, indexed for the rules analyst: which words it
 * explains (names, synonyms, snippet names), which columns have value dictionaries or
 * example values, which tables are joined, which snippet SQL exists.
 */
import type { WarehouseSchema } from '../../ports.js';
import { hasEntityMatching, hasFormatAssistance, joinText, type ColumnConfig, type Space } from '../../space/schema.js';
import { normalizeIdentifier, normalizeName, lastPart } from '../../sql/identifiers.js';
import { parseJoinCondition } from '../../space/space-lookup.js';
import { isFunctionWord, nameWords, stemsMatch, textStems } from './text.js';
import { collapseWhitespace } from '../../space/text-pieces.js';

export interface ColumnInfo {
  /** Normalised table identifier. */
  table: string;
  /** Column name as the warehouse spells it. */
  name: string;
  type: string;
  config?: ColumnConfig;
  /** Stems of the column name. */
  words: string[];
  /** Stems of each existing synonym. */
  synonymWords: string[][];
  entityMatching: boolean;
  formatAssistance: boolean;
}

export interface TableInfo {
  /** Normalised identifier (lowercase, unquoted). */
  key: string;
  /** Identifier as written in the space, or the warehouse's when the space lacks it. */
  identifier: string;
  inSpace: boolean;
  description: string;
  words: string[];
  /** Stems of the table description's content words ("Also called: posts" -> post). */
  descriptionWords: string[];
  columns: ColumnInfo[];
}

export interface ConfigIndex {
  tables: Map<string, TableInfo>;
  /** Unordered table pairs with a join spec: `a|b` with a <= b. */
  joinedPairs: Set<string>;
  /** Normalised SQL of every snippet (measures, filters, expressions). */
  snippetSql: Set<string>;
  /** Stems of every name, synonym and snippet name: words the config already explains. */
  explained: Set<string>;
  /** Normalised SQL of example queries. */
  exampleSql: Set<string>;
}

export function pairKey(a: string, b: string): string {
  return a <= b ? `${a}|${b}` : `${b}|${a}`;
}

/** Normalised snippet SQL for comparison: lowercase, no backticks, whitespace collapsed. */
export function normalizeSnippetSql(sql: string): string {
  return collapseWhitespace(sql.toLowerCase().replace(/`/g, '')).replace(/\s*([(),=<>+*/-])\s*/g, '$1');
}

export function buildConfigIndex(space: Space, schema: WarehouseSchema): ConfigIndex {
  const tables = new Map<string, TableInfo>();
  const explained = new Set<string>();
  const spaceTables = [...(space.data_sources?.tables ?? []), ...(space.data_sources?.metric_views ?? [])];
  const spaceByKey = new Map(spaceTables.map((table) => [normalizeIdentifier(table.identifier), table]));

  for (const wt of schema.tables) {
    const key = normalizeIdentifier(wt.identifier);
    const st = spaceByKey.get(key);
    const configs = new Map((st?.column_configs ?? []).map((config) => [normalizeName(config.column_name), config]));
    const columns: ColumnInfo[] = wt.columns.map((wc) => {
      const config = configs.get(normalizeName(wc.name));
      return {
        table: key,
        name: wc.name,
        type: wc.type,
        config,
        words: nameWords(wc.name),
        synonymWords: (config?.synonyms ?? []).map(textStems),
        entityMatching: config ? hasEntityMatching(config) : false,
        formatAssistance: config ? hasFormatAssistance(config) : false,
      };
    });
    tables.set(key, {
      key,
      identifier: st?.identifier ?? wt.identifier,
      inSpace: st !== undefined,
      description: joinText(st?.description),
      words: nameWords(lastPart(wt.identifier)),
      descriptionWords: contentStems(joinText(st?.description)),
      columns,
    });
  }

  // Descriptions are config text Genie reads too: their words count as explained.
  for (const table of tables.values()) {
    if (!table.inSpace) continue;
    table.words.forEach((w) => explained.add(w));
    table.descriptionWords.forEach((w) => explained.add(w));
    for (const column of table.columns) {
      if (column.config?.exclude === true) continue;
      column.words.forEach((w) => explained.add(w));
      column.synonymWords.flat().forEach((w) => explained.add(w));
      contentStems(joinText(column.config?.description)).forEach((w) => explained.add(w));
    }
  }

  const snippetSql = new Set<string>();
  const snippets = space.instructions?.sql_snippets;
  for (const list of [snippets?.measures, snippets?.filters, snippets?.expressions]) {
    for (const snippet of list ?? []) {
      snippetSql.add(normalizeSnippetSql(joinText(snippet.sql)));
      textStems(snippet.display_name ?? '').forEach((w) => explained.add(w));
      (snippet.synonyms ?? []).flatMap(textStems).forEach((w) => explained.add(w));
    }
  }

  const joinedPairs = new Set<string>();
  for (const spec of space.instructions?.join_specs ?? []) {
    const condition = parseJoinCondition(spec);
    const left = normalizeIdentifier(spec.left.identifier);
    const right = normalizeIdentifier(spec.right.identifier);
    joinedPairs.add(pairKey(left, right));
    if (condition)
      joinedPairs.add(pairKey(condition.left.replace(/\.[^.]+$/, ''), condition.right.replace(/\.[^.]+$/, '')));
  }

  const exampleSql = new Set(
    (space.instructions?.example_question_sqls ?? []).map((ex) => normalizeSnippetSql(joinText(ex.sql))),
  );
  return { tables, joinedPairs, snippetSql, explained, exampleSql };
}

/** Stems of the words of free text that are not grammar. */
function contentStems(text: string): string[] {
  return textStems(text).filter((w) => !isFunctionWord(w));
}

/** True when the config (names or synonyms) already explains the stem. */
export function isExplained(index: ConfigIndex, stem: string): boolean {
  if (index.explained.has(stem)) return true;
  for (const word of index.explained) if (stemsMatch(word, stem)) return true;
  return false;
}

/** Existing synonyms of a column, lowercased, for dedupe. */
export function existingSynonyms(column: ColumnInfo): string[] {
  return (column.config?.synonyms ?? []).map((s) => s.trim().toLowerCase());
}

/** The key column of a table by its name: `id`, or `<table>_id` / `<table>id` (singular, plural or a prefix such as StuID). */
export function namedKeyColumn(info: TableInfo): string | undefined {
  const tableWords = info.words.join('');
  return info.columns.find((c) => {
    const words = c.words;
    if (words.length === 1 && words[0] === 'id') return true;
    const last = words[words.length - 1];
    const head = words.slice(0, -1).join('');
    return (
      last === 'id' &&
      head !== '' &&
      (head === tableWords || tableWords.startsWith(head) || head.startsWith(tableWords))
    );
  })?.name;
}

/** The other table of the space whose key this column holds (messages.member_id -> members), if any. */
export function referencedTable(index: ConfigIndex, table: string, column: string): string | undefined {
  for (const info of [...index.tables.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    if (info.key === table || !info.inSpace) continue;
    if (namedKeyColumn(info)?.toLowerCase() === column.toLowerCase()) return info.key;
  }
  return undefined;
}
