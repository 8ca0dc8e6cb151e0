/**
 * One failure as the rules analyst reads it: the expected SQL's shape resolved against
 * the warehouse schema, Genie's shape beside it, and the gaps between the two (tables,
 * columns, joins, filters and aggregates the expected query uses and Genie's does not).
 */
import { tryExtractSqlShape, type FilterPredicate, type SqlShape } from '../../scoring/sql-shape.js';
import { normalizeIdentifier, lastPart } from '../../sql/identifiers.js';
import type { FailureEvidence } from '../analyst.js';
import type { ConfigIndex } from './config.js';
import { splitStems, stemsMatch, tokenizeQuestion, type QuestionToken } from './text.js';
import { isHangul } from '../../text/normalise.js';

/** A column resolved to its table: `table` is the normalised three-part identifier. */
export interface ResolvedColumn {
  table: string;
  column: string;
}

export interface ResolvedFilter extends ResolvedColumn {
  predicate: FilterPredicate;
  /** String literals of the value (`'JP'`, `('KR', 'US')`, LIKE patterns without %). */
  strings: string[];
  /** True when the value is a plain number or boolean literal. */
  numeric: boolean;
  /** True when the value involves dates, intervals or the clock. */
  temporal: boolean;
  /** Genie's SQL has the same predicate. */
  matched: boolean;
  /** Genie's SQL filters the same column, but differently. */
  genieFiltersColumn: boolean;
}

export interface ResolvedJoin {
  left: ResolvedColumn;
  right: ResolvedColumn;
}

export interface FailureView {
  failure: FailureEvidence;
  tokens: QuestionToken[];
  expected: SqlShape;
  /** Null when Genie gave no SQL or its SQL does not parse. */
  genie: SqlShape | null;
  /** Expected tables, normalised identifiers, in order of appearance. */
  tables: string[];
  missingTables: string[];
  /** Columns the question must name (select, aggregate, grouping, order, compared to a number). */
  namedColumns: ResolvedColumn[];
  missingColumns: ResolvedColumn[];
  joins: ResolvedJoin[];
  filters: ResolvedFilter[];
  /** Short table name or alias used in the expected SQL -> normalised identifier. */
  aliases: Map<string, string>;
}

const STRING_LITERAL = /'((?:[^']|'')*)'/g;
/** Date logic: a date function call, the clock, an interval or a date literal (a column merely named `year` is not). */
const TEMPORAL =
  /\b(date|timestamp|now|date_sub|date_add|date_trunc|datediff|add_months|months_between|year|month|day|dayofweek|weekofyear|to_date|to_timestamp|date_format|trunc)\s*\(|\b(current_date|current_timestamp|interval)\b|'\d{4}-\d{2}-\d{2}/i;
const DATE_TYPES = /^(date|timestamp)/i;

/** The expected SQL's names resolved against the config: what every later step looks columns up in. */
interface ExpectedNames {
  index: ConfigIndex;
  expected: SqlShape;
  /** Expected tables, normalised identifiers, in order of appearance. */
  tables: string[];
  /** Short table name or alias used in the expected SQL -> normalised identifier. */
  aliases: Map<string, string>;
}

function resolveExpectedTables(index: ConfigIndex, expected: SqlShape): ExpectedNames {
  const aliases = new Map<string, string>();
  const tables: string[] = [];
  for (const ref of expected.tables) {
    const key = resolveTable(index, ref.identifier);
    if (!key) continue;
    if (!tables.includes(key)) tables.push(key);
    aliases.set(ref.name, key);
    if (ref.alias) aliases.set(ref.alias, key);
  }
  return { index, expected, tables, aliases };
}

/** A column of the expected SQL resolved to its table: by its qualifier, else the one table that has it. */
function resolveColumn(names: ExpectedNames, table: string | null, column: string): ResolvedColumn | null {
  const { index, aliases } = names;
  const key = table ? (aliases.get(table) ?? resolveTable(index, table)) : null;
  if (key && tableHasColumn(index, key, column)) return { table: key, column: columnSpelling(index, key, column) };
  const owner = ownerOf(names.expected, column, aliases) ?? names.tables.find((t) => tableHasColumn(index, t, column));
  return owner ? { table: owner, column: columnSpelling(index, owner, column) } : null;
}

function resolveJoins(names: ExpectedNames): ResolvedJoin[] {
  const joins: ResolvedJoin[] = [];
  for (const pair of names.expected.joins) {
    const left = resolveColumn(names, pair.left.table, pair.left.column);
    const right = resolveColumn(names, pair.right.table, pair.right.column);
    if (left && right && left.table !== right.table) joins.push({ left, right });
  }
  return joins;
}

/** One filter of the expected SQL, resolved and compared with Genie's filters; null when it names no known column. */
function resolveFilter(
  names: ExpectedNames,
  predicate: FilterPredicate,
  genie: SqlShape | null,
): ResolvedFilter | null {
  if (predicate.column === null || predicate.value === '(subquery)') return null;
  const column = resolveColumn(names, null, predicate.column);
  if (!column) return null;
  const strings = [...predicate.value.matchAll(STRING_LITERAL)]
    .map((m) => m[1].replace(/''/g, "'").replace(/^%+|%+$/g, ''))
    .filter((s) => s !== '');
  const type = columnType(names.index, column);
  const temporal = TEMPORAL.test(predicate.value) || TEMPORAL.test(predicate.expr) || DATE_TYPES.test(type);
  const numeric = /^-?\d+(\.\d+)?$|^(true|false)$/i.test(predicate.value.trim());
  const same = (genie?.filters ?? []).filter((g) => g.column === predicate.column);
  return {
    ...column,
    predicate,
    strings: temporal ? [] : strings,
    numeric,
    temporal,
    matched: same.some(
      (g) =>
        g.op === predicate.op &&
        normalizeValue(g.value) === normalizeValue(predicate.value) &&
        g.expr === predicate.expr,
    ),
    genieFiltersColumn: same.length > 0,
  };
}

/**
 * Columns the question must name: those in the output (select, grouping, order, aggregate
 * arguments) or compared to a number the question writes, join keys left out.
 */
function namedColumnsOf(
  names: ExpectedNames,
  joins: readonly ResolvedJoin[],
  filters: readonly ResolvedFilter[],
  question: string,
): ResolvedColumn[] {
  const { expected } = names;
  const joinKeys = new Set(
    joins.flatMap((j) => [`${j.left.table}.${j.left.column}`, `${j.right.table}.${j.right.column}`]),
  );
  const namedText = [
    ...expected.select,
    ...expected.groupBy,
    ...expected.orderBy.map((o) => o.expr),
    ...expected.aggregates.map((a) => a.arg),
  ];
  const numberFilterColumns = new Set(
    filters
      .filter((f) => f.numeric && numberInQuestion(f.predicate.value, question))
      .map((f) => f.column.toLowerCase()),
  );
  const namedColumns: ResolvedColumn[] = [];
  for (const ref of expected.columns) {
    const column = resolveColumn(names, ref.table, ref.column);
    if (!column || namedColumns.some((c) => c.table === column.table && c.column === column.column)) continue;
    const lower = column.column.toLowerCase();
    const inOutput = namedText.some((t) => new RegExp(`(^|[^\\w])${escapeRegExp(lower)}([^\\w]|$)`).test(t));
    if (!inOutput && !numberFilterColumns.has(lower)) continue;
    // Join keys are identifiers: a question rarely names them, and the unqualified text of
    // the output cannot tell which side of the join an output key belongs to.
    if (joinKeys.has(`${column.table}.${column.column}`)) continue;
    namedColumns.push(column);
  }
  return namedColumns;
}

export function buildFailureView(failure: FailureEvidence, index: ConfigIndex): FailureView | null {
  const expected = tryExtractSqlShape(failure.expectedSql);
  if (!expected) return null;
  const genie = failure.genieSql ? tryExtractSqlShape(failure.genieSql) : null;
  const names = resolveExpectedTables(index, expected);
  const genieTables = new Set(
    (genie?.tables ?? []).map((ref) => resolveTable(index, ref.identifier)).filter((t): t is string => t !== null),
  );
  const joins = resolveJoins(names);
  const filters = expected.filters
    .map((predicate) => resolveFilter(names, predicate, genie))
    .filter((f): f is ResolvedFilter => f !== null);
  const namedColumns = namedColumnsOf(names, joins, filters, failure.question);
  const genieColumns = new Set((genie?.columns ?? []).map((c) => c.column.toLowerCase()));
  return {
    failure,
    tokens: tokenizeQuestion(failure.question),
    expected,
    genie,
    tables: names.tables,
    missingTables: names.tables.filter((table) => !genieTables.has(table)),
    namedColumns,
    missingColumns: namedColumns.filter((c) => !genieColumns.has(c.column.toLowerCase())),
    joins,
    filters,
    aliases: names.aliases,
  };
}

/** The normalised identifier of a table named in SQL (`messages` or `main.community.messages`), or null. */
export function resolveTable(index: ConfigIndex, name: string): string | null {
  const key = normalizeIdentifier(name);
  if (index.tables.has(key)) return key;
  const short = lastPart(name).toLowerCase();
  const matches = [...index.tables.values()].filter((t) => lastPart(t.key) === short);
  const inSpace = matches.filter((t) => t.inSpace);
  const pick = (inSpace.length > 0 ? inSpace : matches).map((t) => t.key).sort()[0];
  return pick ?? null;
}

function tableHasColumn(index: ConfigIndex, table: string, column: string): boolean {
  return index.tables.get(table)?.columns.some((c) => c.name.toLowerCase() === column.toLowerCase()) ?? false;
}

function columnSpelling(index: ConfigIndex, table: string, column: string): string {
  return index.tables.get(table)?.columns.find((c) => c.name.toLowerCase() === column.toLowerCase())?.name ?? column;
}

export function columnType(index: ConfigIndex, column: ResolvedColumn): string {
  return index.tables.get(column.table)?.columns.find((c) => c.name === column.column)?.type ?? '';
}

/** The one table the expected SQL qualifies this column with, when there is exactly one. */
function ownerOf(shape: SqlShape, column: string, aliases: Map<string, string>): string | null {
  const owners = new Set(
    shape.columns
      .filter((c) => c.column === column.toLowerCase() && c.table)
      .map((c) => aliases.get(c.table ?? '') ?? ''),
  );
  owners.delete('');
  return owners.size === 1 ? [...owners][0] : null;
}

/** Whitespace collapsed and keywords lowercased; string literals keep their case (SQL compares them exactly). */
function normalizeValue(value: string): string {
  return value
    .replace(/'(?:[^']|'')*'|[^']+/g, (part) => (part.startsWith("'") ? part : part.toLowerCase().replace(/\s+/g, ' ')))
    .trim();
}

/** True when a number compared in SQL is written in the question (as a whole number: 1 is not in "10"). */
export function numberInQuestion(value: string, question: string): boolean {
  const number = value.trim().replace(/^'|'$/g, '');
  return /^-?\d+(\.\d+)?$/.test(number) && new RegExp(`(^|[^\\d.])${escapeRegExp(number)}([^\\d]|$)`).test(question);
}

/** True when the question mentions the literal (case-insensitive, word stems compared). */
export function literalInQuestion(literal: string, tokens: readonly QuestionToken[], question: string): boolean {
  const lower = literal.toLowerCase();
  // Hangul words carry particles (서울에서), so a substring counts; elsewhere whole words only ('F' is not in "female").
  if (
    isHangul(lower)
      ? question.includes(literal)
      : new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(lower)}($|[^\\p{L}\\p{N}])`, 'u').test(question.toLowerCase())
  ) {
    return true;
  }
  const words = splitStems(literal);
  return words.length > 0 && words.every((w) => tokens.some((t) => stemsMatch(t.stem, w)));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
