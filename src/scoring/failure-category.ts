/**
 * Why a question failed, in one of a fixed set of categories. Errors are read from the
 * answer status and Genie's error type; wrong answers from the first structural
 * difference between the expected SQL and Genie's SQL (tables, then joins, filters,
 * aggregates, grouping, columns, order/limit), checked in that order because an earlier
 * difference usually explains the later ones.
 */
import type { Verdict } from './result-comparator.js';
import { tryExtractSqlShape, type JoinPair, type SqlShape } from './sql-shape.js';

export const CATEGORIES = [
  'no_sql',
  'sql_error',
  'timeout',
  'api_error',
  'wrong_table',
  'wrong_column',
  'wrong_join',
  'wrong_filter',
  'wrong_aggregation',
  'wrong_grouping',
  'wrong_order_or_limit',
  'result_mismatch',
] as const;

export type Category = (typeof CATEGORIES)[number];

/**
 * How the ask ended: Genie's message status, or TIMEOUT (our per-question timeout fired)
 * or ERROR (the ask threw, e.g. an HTTP error after retries).
 */
export type AnswerStatus = 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'TIMEOUT' | 'ERROR';

export interface CategorizeInput {
  expectedSql: string;
  genieSql?: string | null;
  genieError?: { type: string; message: string } | null;
  status: AnswerStatus;
  /** The comparator's verdict when both results were available. */
  verdict?: Verdict | null;
}

export interface ShapeDifference {
  category: Category;
  /** One sentence for a reviewer, e.g. "Genie filtered plan = 'Pro'; expected plan = 'pro'." */
  detail: string;
}

export interface FailureExplanation {
  category: Category;
  detail: string | null;
}

/** The category of a failed question (callers only ask for failures; a passing answer has none). */
export function categorize(input: CategorizeInput): Category {
  return explainFailure(input).category;
}

export function explainFailure(input: CategorizeInput): FailureExplanation {
  const errorType = input.genieError?.type?.toUpperCase() ?? '';
  const hasSql = typeof input.genieSql === 'string' && input.genieSql.trim() !== '';
  if (input.status === 'TIMEOUT' || errorType.includes('TIMEOUT') || statementTimedOut(input.genieError))
    return { category: 'timeout', detail: input.genieError?.message ?? null };
  if (input.status === 'ERROR') return { category: 'api_error', detail: input.genieError?.message ?? null };
  if (input.status === 'FAILED' || input.status === 'CANCELLED') {
    return { category: failedCategory(errorType, hasSql), detail: input.genieError?.message ?? null };
  }
  if (!hasSql) return { category: 'no_sql', detail: null };
  const expected = tryExtractSqlShape(input.expectedSql);
  const actual = tryExtractSqlShape(input.genieSql ?? '');
  if (!expected || !actual)
    return { category: 'result_mismatch', detail: 'could not parse one of the SQL texts to compare their structure' };
  const first = diffSqlShapes(expected, actual)[0];
  return first ?? { category: 'result_mismatch', detail: null };
}

/**
 * Genie's SQL ran but was stopped for running too long (a SQL execution error whose message says
 * so, as the local warehouse and Databricks word it): the query's fault, not the service's.
 */
function statementTimedOut(error: CategorizeInput['genieError']): boolean {
  if (!error || !error.type.toUpperCase().includes('SQL')) return false;
  return /ran longer than|timed? ?out|timeout/i.test(error.message);
}

function failedCategory(errorType: string, hasSql: boolean): Category {
  if (errorType === 'MISSING_SQL_QUERY_EXCEPTION' || errorType === 'TABLES_MISSING_EXCEPTION') return 'no_sql';
  if (errorType.includes('SQL')) return 'sql_error';
  if (errorType.startsWith('RATE_LIMIT') || errorType.includes('RETRYABLE') || errorType.includes('CONTEXT_EXCEEDED'))
    return 'api_error';
  return hasSql ? 'sql_error' : 'api_error';
}

/** Every structural difference, most explanatory first; empty when the shapes agree. */
export function diffSqlShapes(expected: SqlShape, actual: SqlShape): ShapeDifference[] {
  const out: ShapeDifference[] = [];
  const add = (category: Category, detail: string) => out.push({ category, detail });

  const eTables = new Set(expected.tables.map((t) => t.name));
  const aTables = new Set(actual.tables.map((t) => t.name));
  const missingTables = minus(eTables, aTables);
  const extraTables = minus(aTables, eTables);
  if (missingTables.length > 0) {
    add(
      'wrong_table',
      `Genie did not use ${list(missingTables)}${extraTables.length ? `; it used ${list(extraTables)}` : ''}.`,
    );
  } else if (extraTables.length > 0) {
    add('wrong_join', `Genie joined ${list(extraTables)}, which the expected SQL does not use.`);
  }

  const joinDiff = setDiff(expected.joins.map(joinKey), actual.joins.map(joinKey));
  if (joinDiff) add('wrong_join', describe('join', joinDiff));

  const filterKey = (f: SqlShape['filters'][number]) => `${f.expr} ${f.op} ${f.value}`;
  const filterDiff = setDiff(expected.filters.map(filterKey), actual.filters.map(filterKey));
  if (filterDiff) add('wrong_filter', describe('filter', filterDiff));

  const aggregateKey = (a: SqlShape['aggregates'][number]) => `${a.fn}(${a.distinct ? 'distinct ' : ''}${a.arg})`;
  const aggregateDiff = setDiff(expected.aggregates.map(aggregateKey), actual.aggregates.map(aggregateKey));
  if (aggregateDiff) add('wrong_aggregation', describe('aggregate', aggregateDiff));

  const groupDiff = setDiff(expected.groupBy, actual.groupBy);
  if (groupDiff) add('wrong_grouping', describe('grouping', groupDiff));
  if (expected.distinct !== actual.distinct) {
    add(
      'wrong_grouping',
      expected.distinct
        ? 'Expected SELECT DISTINCT; Genie did not deduplicate.'
        : 'Genie used SELECT DISTINCT; the expected SQL does not.',
    );
  }

  const columnDiff = setDiff(
    expected.columns.map((c) => c.column),
    actual.columns.map((c) => c.column),
  );
  if (columnDiff) add('wrong_column', describe('column', columnDiff));

  if (expected.limit !== actual.limit) {
    add(
      'wrong_order_or_limit',
      `Expected ${expected.limit === null ? 'no LIMIT' : `LIMIT ${expected.limit}`}; Genie used ${actual.limit === null ? 'none' : `LIMIT ${actual.limit}`}.`,
    );
  }
  const orderText = (s: SqlShape) => s.orderBy.map((o) => `${o.expr} ${o.direction}`).join(', ') || 'none';
  if (orderText(expected) !== orderText(actual)) {
    add('wrong_order_or_limit', `Expected ORDER BY ${orderText(expected)}; Genie ordered by ${orderText(actual)}.`);
  }
  return out;
}

function joinKey(join: JoinPair): string {
  const side = (c: JoinPair['left']) => `${c.table ?? '?'}.${c.column}`;
  const [a, b] = [side(join.left), side(join.right)].sort();
  return `${a} = ${b} (${join.type})`;
}

interface SetDiff {
  missing: string[];
  extra: string[];
}

function setDiff(expected: string[], actual: string[]): SetDiff | null {
  const e = new Set(expected);
  const a = new Set(actual);
  const missing = minus(e, a);
  const extra = minus(a, e);
  return missing.length || extra.length ? { missing, extra } : null;
}

function describe(what: string, diff: SetDiff): string {
  const parts: string[] = [];
  if (diff.missing.length)
    parts.push(`expected ${what}${diff.missing.length > 1 ? 's' : ''} ${list(diff.missing)} missing`);
  if (diff.extra.length)
    parts.push(`Genie's ${what}${diff.extra.length > 1 ? 's' : ''} ${list(diff.extra)} not expected`);
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function minus(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((x) => !b.has(x));
}

function list(items: string[]): string {
  return items.map((i) => `\`${i}\``).join(', ');
}
