/**
 * The engine's view of the space: tables and columns (config merged with the
 * warehouse schema), snippets, join edges and examples, precomputed once.
 */
import type { Space, ColumnConfig } from '../../space/schema.js';
import { hasEntityMatching, hasFormatAssistance, joinText } from '../../space/schema.js';
import { RELATIONSHIP_MARKER } from '../../space/join-condition.js';
import type { WarehouseSchema } from '../../ports.js';
import { splitIdentifier } from './text.js';

export type ColumnType = 'number' | 'date' | 'timestamp' | 'string' | 'bool';

export interface ColumnInfo {
  table: TableInfo;
  name: string;
  type: ColumnType;
  description: string;
  synonyms: string[];
  entity: boolean;
  format: boolean;
  /** Distinct values (entity matching) — filled in by the value dictionary. */
  values: string[];
  /** A few example values (format assistance). */
  examples: string[];
  isKey: boolean;
  /** The table this column points at through a join spec (its many side), when it is a reference. */
  references?: TableInfo;
}

export interface TableInfo {
  identifier: string;
  /** Last part of the identifier, as snippets and join specs name it. */
  name: string;
  description: string;
  columns: ColumnInfo[];
  label?: ColumnInfo;
  key?: ColumnInfo;
}

export interface SnippetInfo {
  id: string;
  kind: 'measure' | 'filter' | 'expression';
  sql: string;
  name: string;
  synonyms: string[];
  /** Tables the snippet's SQL references. */
  tables: TableInfo[];
}

export interface JoinEdge {
  id: string;
  left: TableInfo;
  right: TableInfo;
  leftColumn: string;
  rightColumn: string;
  /** From the spec's `--rt=FROM_RELATIONSHIP_TYPE_...--` marker, read left to right; undefined when absent. */
  relationship?: Relationship;
}

export type Relationship = 'MANY_TO_ONE' | 'ONE_TO_MANY' | 'ONE_TO_ONE' | 'MANY_TO_MANY';

export interface ExampleInfo {
  id: string;
  question: string;
  sql: string;
  parameters: Array<{ name: string; typeHint?: string; defaultValue?: string }>;
}

export interface Catalog {
  tables: TableInfo[];
  snippets: SnippetInfo[];
  joins: JoinEdge[];
  examples: ExampleInfo[];
  textInstruction?: { id: string; content: string };
}

function columnType(rawType: string, name: string): ColumnType {
  const t = rawType.toUpperCase();
  if (t.includes('BOOL') || (/^(is|has|was)_/.test(name) && /INT|^$/.test(t))) return 'bool';
  if (t.includes('TIMESTAMP') || t.includes('DATETIME')) return 'timestamp';
  if (t.includes('DATE')) return 'date';
  if (/INT|DOUBLE|FLOAT|DECIMAL|NUMERIC|REAL|LONG|SHORT/.test(t)) return 'number';
  if (t === '') {
    if (/(_at|_time|timestamp)$/.test(name)) return 'timestamp';
    if (/(date|_on|_day)$/.test(name)) return 'date';
    if (/(_id|count|amount|total|number|_num)$/.test(name)) return 'number';
  }
  return 'string';
}

const lastPart = (identifier: string): string => identifier.replace(/`/g, '').split('.').pop() ?? identifier;

/** Build the catalog from the config and the warehouse's columns for the configured tables. */
export function buildCatalog(space: Space, schema: WarehouseSchema): Catalog {
  const configured = [...(space.data_sources?.tables ?? []), ...(space.data_sources?.metric_views ?? [])];
  const tables = configured.map((cfg) => tableInfo(cfg, schema));
  const joins = joinEdges(space, tables);
  markReferences(joins);
  const ti = space.instructions?.text_instructions?.[0];
  return {
    tables,
    snippets: snippetInfos(space, tables),
    joins,
    examples: exampleInfos(space),
    textInstruction: ti ? { id: ti.id, content: joinText(ti.content) } : undefined,
  };
}

type TableConfig = NonNullable<NonNullable<Space['data_sources']>['tables']>[number];

/** A configured table: the warehouse's columns (else the configured ones) with their configs, key and label. */
function tableInfo(cfg: TableConfig, schema: WarehouseSchema): TableInfo {
  const identifier = cfg.identifier.replace(/`/g, '');
  const whTable = schema.tables.find((t) => t.identifier.toLowerCase() === identifier.toLowerCase());
  const configs = new Map<string, ColumnConfig>(
    (cfg.column_configs ?? []).map((c) => [c.column_name.toLowerCase(), c]),
  );
  const names = whTable
    ? whTable.columns.map((c) => ({ name: c.name, type: c.type }))
    : [...configs.values()].map((c) => ({ name: c.column_name, type: '' }));
  const table: TableInfo = {
    identifier,
    name: lastPart(identifier),
    description: joinText(cfg.description),
    columns: [],
  };
  for (const { name, type } of names) {
    const cc = configs.get(name.toLowerCase());
    if (cc?.exclude) continue;
    table.columns.push({
      table,
      name,
      type: columnType(type, name.toLowerCase()),
      description: joinText(cc?.description),
      synonyms: cc?.synonyms ?? [],
      entity: cc ? hasEntityMatching(cc) : false,
      format: cc ? hasFormatAssistance(cc) || hasEntityMatching(cc) : false,
      values: [],
      examples: [],
      isKey: false,
    });
  }
  table.key = pickKey(table);
  if (table.key) table.key.isKey = true;
  table.label = pickLabel(table);
  return table;
}

function tableByName(tables: TableInfo[], ref: string): TableInfo | undefined {
  const clean = ref.replace(/`/g, '').toLowerCase();
  return tables.find((t) => t.identifier.toLowerCase() === clean || t.name.toLowerCase() === clean);
}

function snippetInfos(space: Space, tables: TableInfo[]): SnippetInfo[] {
  const snippetGroups = space.instructions?.sql_snippets;
  const snippets: SnippetInfo[] = [];
  for (const [kind, list] of [
    ['measure', snippetGroups?.measures],
    ['filter', snippetGroups?.filters],
    ['expression', snippetGroups?.expressions],
  ] as const) {
    for (const s of list ?? []) {
      const sql = joinText(s.sql).trim();
      const alias = 'alias' in s && typeof s.alias === 'string' ? s.alias : undefined;
      snippets.push({
        id: s.id,
        kind,
        sql,
        name: s.display_name ?? alias ?? '',
        synonyms: [...(s.synonyms ?? []), ...(alias && s.display_name ? [alias] : [])],
        tables: referencedTables(sql, tables),
      });
    }
  }
  return snippets;
}

/** Join specs whose condition names two known tables, with the relationship read left to right. */
function joinEdges(space: Space, tables: TableInfo[]): JoinEdge[] {
  const byName = (ref: string): TableInfo | undefined => tableByName(tables, ref);
  const joins: JoinEdge[] = [];
  for (const spec of space.instructions?.join_specs ?? []) {
    const parsed = parseJoinCondition(joinText(spec.sql.slice(0, 1)));
    if (!parsed) continue;
    const aliases = new Map<string, TableInfo | undefined>([
      [(spec.left.alias ?? lastPart(spec.left.identifier)).toLowerCase(), byName(spec.left.identifier)],
      [(spec.right.alias ?? lastPart(spec.right.identifier)).toLowerCase(), byName(spec.right.identifier)],
    ]);
    const a = aliases.get(parsed.leftAlias) ?? byName(parsed.leftAlias);
    const b = aliases.get(parsed.rightAlias) ?? byName(parsed.rightAlias);
    if (!a || !b || a === b) continue;
    const marker = spec.sql
      .slice(1)
      .map((line) => RELATIONSHIP_MARKER.exec(line.trim())?.[1])
      .find(Boolean) as Relationship | undefined;
    // The marker is written for the spec's left/right tables; the condition may name them the other way round.
    const swapped = b === byName(spec.left.identifier) && a !== b;
    const relationship = marker && swapped ? flipRelationship(marker) : marker;
    joins.push({
      id: spec.id,
      left: a,
      right: b,
      leftColumn: parsed.leftColumn,
      rightColumn: parsed.rightColumn,
      relationship,
    });
  }
  return joins;
}

/** A column joined to another table's key points at that table (the first such join wins). */
function markReferences(joins: JoinEdge[]): void {
  for (const j of joins) {
    const leftCol = j.left.columns.find((c) => c.name.toLowerCase() === j.leftColumn.toLowerCase());
    const rightCol = j.right.columns.find((c) => c.name.toLowerCase() === j.rightColumn.toLowerCase());
    if (leftCol && rightCol && rightCol === j.right.key && leftCol !== j.left.key) leftCol.references ??= j.right;
    if (leftCol && rightCol && leftCol === j.left.key && rightCol !== j.right.key) rightCol.references ??= j.left;
  }
}

function exampleInfos(space: Space): ExampleInfo[] {
  return (space.instructions?.example_question_sqls ?? []).map((e) => ({
    id: e.id,
    question: joinText(e.question),
    sql: joinText(e.sql).trim().replace(/;\s*$/, ''),
    parameters: (e.parameters ?? []).map((p) => ({
      name: p.name,
      typeHint: p.type_hint,
      defaultValue: p.default_value?.values?.[0],
    })),
  }));
}

function flipRelationship(r: Relationship): Relationship {
  return r === 'MANY_TO_ONE' ? 'ONE_TO_MANY' : r === 'ONE_TO_MANY' ? 'MANY_TO_ONE' : r;
}

function pickKey(table: TableInfo): ColumnInfo | undefined {
  const singularName = table.name.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  return (
    table.columns.find((c) => c.name.toLowerCase() === 'id') ??
    table.columns.find(
      (c) => c.name.toLowerCase() === `${singularName}_id` || c.name.toLowerCase() === `${table.name.toLowerCase()}_id`,
    ) ??
    (table.columns[0]?.name.toLowerCase().endsWith('id') ? table.columns[0] : undefined)
  );
}

/** The column that names a row of the table in answers ("by channel" shows channel_name). */
function pickLabel(table: TableInfo): ColumnInfo | undefined {
  const strings = table.columns.filter((c) => c.type === 'string');
  const singularName = table.name.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  return (
    strings.find((c) => /(^|_)(name|title|label)$/.test(c.name.toLowerCase())) ??
    strings.find((c) => /name|title/.test(c.name.toLowerCase())) ??
    // `airlines.Airline`: the text column named after the table names its rows.
    strings.find((c) => c.name.toLowerCase() === singularName) ??
    strings.find((c) => c.entity) ??
    undefined
  );
}

/** Parse `a.x = b.y` (aliases or three-part names, with or without backticks). */
export function parseJoinCondition(
  sql: string,
): { leftAlias: string; leftColumn: string; rightAlias: string; rightColumn: string } | undefined {
  const clean = sql.replace(/`/g, '').replace(/--.*$/gm, '').trim();
  const m = /^\(?\s*([\w.]+)\.(\w+)\s*=\s*([\w.]+)\.(\w+)\s*\)?$/.exec(clean);
  if (!m) return undefined;
  return {
    leftAlias: m[1].split('.').pop()!.toLowerCase(),
    leftColumn: m[2],
    rightAlias: m[3].split('.').pop()!.toLowerCase(),
    rightColumn: m[4],
  };
}

/** Tables a snippet's SQL names as qualifiers (`messages.word_count`, `main.community.messages.word_count`). */
export function referencedTables(sql: string, tables: TableInfo[]): TableInfo[] {
  const clean = sql.replace(/`/g, '').toLowerCase();
  return tables.filter((t) =>
    new RegExp(`(^|[^\\w.])(${escapeRe(t.identifier.toLowerCase())}|${escapeRe(t.name.toLowerCase())})\\.\\w`).test(
      clean,
    ),
  );
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words of a column name, e.g. `word_count` -> ['word', 'count']. */
export function nameWords(name: string): string[] {
  return splitIdentifier(name);
}
