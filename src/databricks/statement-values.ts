/** JSON_ARRAY statement results -> QueryResult: every value arrives as a string (or null); convert by type_name. */
import type { Cell, QueryResult, ResultColumn } from '../ports.js';
import type { StatementResponse } from './schemas.js';

const INTEGER = new Set(['INT', 'INTEGER', 'BIGINT', 'LONG', 'SMALLINT', 'SHORT', 'TINYINT', 'BYTE']);
const FLOAT = new Set(['FLOAT', 'DOUBLE', 'REAL', 'DECIMAL']);

export function convertCell(value: string | null, typeName: string): Cell {
  if (value === null) return null;
  const type = typeName.toUpperCase().replace(/\(.*$/, '');
  if (INTEGER.has(type) || FLOAT.has(type)) {
    const n = Number(value);
    // NaN, Infinity and integers past 2^53 keep their text rather than turn into a wrong number.
    if (!Number.isFinite(n) || (INTEGER.has(type) && !Number.isSafeInteger(n))) return value;
    return n;
  }
  if (type === 'BOOLEAN') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

export function columnsOf(response: StatementResponse): ResultColumn[] {
  const columns = response.manifest?.schema?.columns ?? [];
  return [...columns]
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((c) => ({ name: c.name, type: (c.type_name ?? '').toUpperCase() }));
}

/** Converts rows (from all chunks) by the manifest's column types. */
export function toQueryResult(response: StatementResponse, rows: (string | null)[][]): QueryResult {
  const columns = columnsOf(response);
  return {
    columns,
    rows: rows.map((row) => row.map((value, i) => convertCell(value, columns[i]?.type ?? ''))),
    truncated: response.manifest?.truncated ?? false,
  };
}
