/** What the Spark-to-SQLite rewriter knows of Spark SQL's words (clock functions, units, casts, calls that are no calls) and how it quotes. */
import { splitArguments } from './call-arguments.js';
import { optimiseCall } from './native-calls.js';

export const CLOCK_DATE = new Set(['CURRENT_DATE', 'CURDATE']);
export const CLOCK_TIMESTAMP = new Set(['CURRENT_TIMESTAMP', 'NOW', 'GETDATE', 'LOCALTIMESTAMP']);
export const UNIT_ARG_FUNCTIONS = new Set([
  'DATEADD',
  'DATE_ADD',
  'TIMESTAMPADD',
  'DATEDIFF',
  'DATE_DIFF',
  'TIMESTAMPDIFF',
  'DATE_TRUNC',
  'DATE_PART',
]);
export const UNITS = new Set([
  'YEAR',
  'YEARS',
  'QUARTER',
  'QUARTERS',
  'MONTH',
  'MONTHS',
  'WEEK',
  'WEEKS',
  'DAY',
  'DAYS',
  'HOUR',
  'HOURS',
  'MINUTE',
  'MINUTES',
  'SECOND',
  'SECONDS',
  'DAYOFWEEK',
  'DOW',
  'DOY',
  'DAYOFYEAR',
]);
/** Functions whose result is an integer: sql.js returns every JS number as REAL, so these get a CAST. */
export const INTEGER_RESULT = new Set([
  'YEAR',
  'QUARTER',
  'MONTH',
  'DAY',
  'DAYOFMONTH',
  'HOUR',
  'MINUTE',
  'SECOND',
  'DAYOFWEEK',
  'WEEKDAY',
  'WEEKOFYEAR',
  'DAYOFYEAR',
  'DATE_PART',
  'DATEDIFF',
  'DATE_DIFF',
  'TIMESTAMPDIFF',
  'COUNT_IF',
]);
/** Keywords a parenthesis may follow without being a call: `SELECT (a || b)::date`. */
export const NOT_CALLS = new Set([
  'SELECT',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'ON',
  'AS',
  'WHEN',
  'THEN',
  'ELSE',
  'BY',
  'HAVING',
  'FROM',
  'JOIN',
  'IS',
  'EXISTS',
  'WITH',
  'UNION',
  'DISTINCT',
]);
/** Spark functions with a native SQLite equivalent that keeps the argument's type. */
export const RENAMED: Record<string, string> = { IF: 'iif', NVL: 'coalesce' };
export const CAST_TYPES: Record<string, string> = {
  STRING: 'TEXT',
  VARCHAR: 'TEXT',
  CHAR: 'TEXT',
  TEXT: 'TEXT',
  INT: 'INTEGER',
  INTEGER: 'INTEGER',
  BIGINT: 'INTEGER',
  SMALLINT: 'INTEGER',
  TINYINT: 'INTEGER',
  LONG: 'INTEGER',
  SHORT: 'INTEGER',
  BYTE: 'INTEGER',
  BOOLEAN: 'INTEGER',
  DOUBLE: 'REAL',
  FLOAT: 'REAL',
  REAL: 'REAL',
  DECIMAL: 'REAL',
  DEC: 'REAL',
  NUMERIC: 'REAL',
};

/** The SQLite form of casting `inner` to a Spark type, or undefined for a type we leave alone. */
export function castExpression(inner: string, typeName: string): string | undefined {
  const type = typeName.toUpperCase();
  if (type === 'DATE')
    return (
      optimiseCall({
        fn: 'to_date',
        args: splitArguments(inner),
        fallback: `to_date(${inner})`,
        integerResult: false,
      }) ?? `to_date(${inner})`
    );
  if (type.startsWith('TIMESTAMP')) return `to_timestamp(${inner})`;
  const mapped = CAST_TYPES[type];
  return mapped ? `CAST(${inner} AS ${mapped})` : undefined;
}

/** SQLite single-quoted string literal. */
export function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
