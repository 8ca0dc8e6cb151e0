/**
 * What every check reads, computed once per lint: the space's tables and columns by name, the SQL of
 * examples and snippets run through the read-only gate and parsed into shapes, and how often the
 * benchmarks use each table and column (benchmarks only weight findings; lint never copies them).
 */
import type { Benchmark } from '../benchmarks/types.js';
import { tryExtractSqlShape, type SqlShape } from '../scoring/sql-shape.js';
import { normalizeIdentifier, splitIdentifier } from '../sql/identifiers.js';
import { joinText, type ColumnConfig, type Space, type Table } from '../space/schema.js';
import { checkReadOnly, type ReadOnlyCheck } from '../sql/read-only-guard.js';
import type { LintInput, WarehouseFacts } from './types.js';

export interface ColumnInfo {
  table: TableInfo;
  name: string;
  /** Lowercase name. */
  key: string;
  /** JSON path of the column config. */
  path: string;
  config: ColumnConfig;
  hidden: boolean;
  /** Benchmark questions whose expected SQL reads the column. */
  uses: number;
}

export interface TableInfo {
  identifier: string;
  /** Normalised three-part identifier. */
  key: string;
  /** Lowercase object name (the last part). */
  short: string;
  path: string;
  table: Table;
  columns: Map<string, ColumnInfo>;
  /** Benchmark questions whose expected SQL reads the table. */
  uses: number;
}

export interface ColumnUse {
  table?: TableInfo;
  /** The qualifier as written (alias or table name), lowercase; undefined when unqualified. */
  qualifier?: string;
  column: string;
}

export type SqlKind = 'example' | 'filter' | 'expression' | 'measure';

/** One equality a SQL text joins two space tables on. */
export interface JoinEvidence {
  left: { table: TableInfo; column: string };
  right: { table: TableInfo; column: string };
}

export interface SqlItem {
  kind: SqlKind;
  /** JSON path of the example or snippet. */
  path: string;
  sql: string;
  gate: ReadOnlyCheck;
  /** Null when the SQL does not parse (or fails the gate). */
  shape: SqlShape | null;
  tables: TableInfo[];
  /** Names the SQL reads that are not tables of the space (CTEs excluded). */
  unknownTables: string[];
  columns: ColumnUse[];
  /** Table pairs the SQL joins, by pairKey, with the first equality seen. */
  pairs: Map<string, JoinEvidence>;
}

export interface LintContext {
  space: Space;
  benchmarks: readonly Benchmark[];
  warehouse?: WarehouseFacts;
  tables: TableInfo[];
  examples: SqlItem[];
  snippets: SqlItem[];
  /** Benchmarks' parsed expected SQL (no path: they live in another file). */
  benchmarkSql: { benchmark: Benchmark; item: SqlItem }[];
  findTable(name: string): TableInfo | undefined;
}

/** A stand-in FROM for snippet SQL, which is an expression or condition, not a query. */
export const SNIPPET_SOURCE = 'snippet_source';

export function pairKey(a: TableInfo, b: TableInfo): string {
  return a.key < b.key ? `${a.key}|${b.key}` : `${b.key}|${a.key}`;
}

/** `:name` parameters become literals so the parser (which knows no parameters) can read the SQL. */
export function withoutParameters(sql: string): string {
  return sql.replace(/(^|[^:\w]):([A-Za-z_]\w*)/g, "$1'p'");
}

/**
 * The shape the checks read (parsing, the slow part, is cached by SQL text in extractSqlShape).
 * The parser's grammar lacks INTERSECT and EXCEPT; read as UNION, the shape keeps the tables, columns and
 * joins the checks need (set operations are merged into one shape anyway).
 */
function readShape(sql: string): SqlShape | null {
  const shape = tryExtractSqlShape(sql);
  if (shape || !/\b(intersect|except|minus)\b/i.test(sql)) return shape;
  return tryExtractSqlShape(sql.replace(/\b(intersect|except|minus)(\s+(all|distinct))?\b/gi, 'UNION'));
}

function buildTables(space: Space): TableInfo[] {
  const tables: TableInfo[] = [];
  for (const list of ['tables', 'metric_views'] as const) {
    (space.data_sources?.[list] ?? []).forEach((table, index) => {
      const path = `$.data_sources.${list}[${index}]`;
      const parts = splitIdentifier(table.identifier);
      const info: TableInfo = {
        identifier: table.identifier,
        key: normalizeIdentifier(table.identifier),
        short: (parts?.[parts.length - 1] ?? table.identifier).toLowerCase(),
        path,
        table,
        columns: new Map(),
        uses: 0,
      };
      (table.column_configs ?? []).forEach((config, j) => {
        const key = config.column_name.replace(/`/g, '').toLowerCase();
        if (info.columns.has(key)) return;
        info.columns.set(key, {
          table: info,
          name: config.column_name,
          key,
          path: `${path}.column_configs[${j}]`,
          config,
          hidden: config.exclude === true,
          uses: 0,
        });
      });
      tables.push(info);
    });
  }
  return tables;
}

function tableFinder(tables: TableInfo[]): (name: string) => TableInfo | undefined {
  const byKey = new Map(tables.map((t) => [t.key, t]));
  return (name) => {
    const key = normalizeIdentifier(name);
    const exact = byKey.get(key);
    if (exact) return exact;
    // One- or two-part names match by their trailing parts when that is unambiguous.
    const matches = tables.filter((t) => t.key.endsWith(`.${key}`));
    return matches.length === 1 ? matches[0] : undefined;
  };
}

function resolveShape(item: SqlItem, shape: SqlShape, find: (name: string) => TableInfo | undefined): void {
  const byQualifier = new Map<string, TableInfo>();
  for (const ref of shape.tables) {
    if (ref.identifier === SNIPPET_SOURCE) continue;
    const table = find(ref.identifier);
    if (!table) {
      item.unknownTables.push(ref.identifier);
      continue;
    }
    if (!item.tables.includes(table)) item.tables.push(table);
    byQualifier.set(ref.name, table);
    if (ref.alias) byQualifier.set(ref.alias, table);
  }
  const resolve = (qualifier: string | null): TableInfo | undefined =>
    qualifier === null || qualifier === SNIPPET_SOURCE
      ? undefined
      : (byQualifier.get(qualifier) ?? (item.kind === 'example' ? undefined : find(qualifier)));
  for (const ref of shape.columns) {
    const table = resolve(ref.table);
    // Snippets name tables by their short name; record those as read too.
    if (table && !item.tables.includes(table)) item.tables.push(table);
    const qualifier = ref.table === null || ref.table === SNIPPET_SOURCE ? undefined : ref.table;
    item.columns.push({ table, qualifier, column: ref.column.toLowerCase() });
  }
  for (const join of shape.joins) {
    const left = resolve(join.left.table);
    const right = resolve(join.right.table);
    const key = left && right && left !== right ? pairKey(left, right) : undefined;
    if (key && !item.pairs.has(key))
      item.pairs.set(key, {
        left: { table: left!, column: join.left.column },
        right: { table: right!, column: join.right.column },
      });
  }
}

export function sqlItem(
  kind: SqlKind,
  path: string,
  sql: string,
  find: (name: string) => TableInfo | undefined,
): SqlItem {
  const gate = checkReadOnly(kind === 'example' ? sql : `SELECT ${sql}`);
  // A filter written with its WHERE is reported by its own check; parse the condition anyway.
  const condition = sql.replace(/^\s*where\b/i, '');
  const wrapped =
    kind === 'example'
      ? withoutParameters(sql)
      : kind === 'filter'
        ? `SELECT 1 FROM ${SNIPPET_SOURCE} WHERE ${condition}`
        : `SELECT ${sql} AS snippet_value FROM ${SNIPPET_SOURCE}`;
  const item: SqlItem = {
    kind,
    path,
    sql,
    gate,
    shape: null,
    tables: [],
    unknownTables: [],
    columns: [],
    pairs: new Map(),
  };
  if (!gate.ok) return item;
  item.shape = readShape(wrapped);
  if (item.shape) resolveShape(item, item.shape, find);
  return item;
}

function snippetItems(space: Space, find: (name: string) => TableInfo | undefined): SqlItem[] {
  const items: SqlItem[] = [];
  const lists = [
    ['filters', 'filter'],
    ['expressions', 'expression'],
    ['measures', 'measure'],
  ] as const;
  for (const [list, kind] of lists) {
    (space.instructions?.sql_snippets?.[list] ?? []).forEach((snippet, index) => {
      items.push(sqlItem(kind, `$.instructions.sql_snippets.${list}[${index}]`, joinText(snippet.sql), find));
    });
  }
  return items;
}

export function buildContext(input: LintInput): LintContext {
  const tables = buildTables(input.space);
  const findTable = tableFinder(tables);
  const examples = (input.space.instructions?.example_question_sqls ?? []).map((example, index) =>
    sqlItem('example', `$.instructions.example_question_sqls[${index}]`, joinText(example.sql), findTable),
  );
  const benchmarks = input.benchmarks ?? [];
  const benchmarkSql = benchmarks.map((benchmark) => ({
    benchmark,
    item: sqlItem('example', '$', benchmark.sql, findTable),
  }));
  for (const { item } of benchmarkSql) {
    for (const table of item.tables) table.uses++;
    const seen = new Set<ColumnInfo>();
    for (const use of item.columns) {
      const column = (use.table ? [use.table] : item.tables).map((t) => t.columns.get(use.column)).find(Boolean);
      if (column && !seen.has(column)) {
        seen.add(column);
        column.uses++;
      }
    }
  }
  return {
    space: input.space,
    benchmarks,
    warehouse: input.warehouse,
    tables,
    examples,
    snippets: snippetItems(input.space, findTable),
    benchmarkSql,
    findTable,
  };
}

/** Comparable form of a question: lowercase, single spaces, no trailing punctuation. */
export function normalizeQuestion(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?.!。？！]+$/u, '');
}

/** JSON path of a column's entity-matching flag, under the name its file version uses. */
export function entityFlagPath(column: ColumnInfo): string {
  return `${column.path}.${column.config.build_value_dictionary === true ? 'build_value_dictionary' : 'enable_entity_matching'}`;
}
