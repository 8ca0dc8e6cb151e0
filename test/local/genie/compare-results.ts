/** A loose result comparison for engine tests: same row count, every expected column found among the answer's columns. */
import type { Cell, QueryResult } from '../../../src/ports.js';

const norm = (v: Cell): string =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(6)) : v === null ? 'null' : String(v);

export function resultsMatch(actual: QueryResult | undefined, expected: QueryResult): boolean {
  if (!actual || actual.rows.length !== expected.rows.length) return false;
  const colValues = (r: QueryResult, i: number): string =>
    r.rows
      .map((row) => norm(row[i]))
      .sort()
      .join('|');
  const available = actual.columns.map((_, i) => colValues(actual, i));
  return expected.columns.every((_, j) => {
    const want = colValues(expected, j);
    const k = available.indexOf(want);
    if (k < 0) return false;
    available.splice(k, 1);
    return true;
  });
}
