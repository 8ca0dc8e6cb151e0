/**
 * Read-only probes of the warehouse for the rules analyst: is a column unique (for join
 * relationships), what values does it hold (for value descriptions). Cached per analysis;
 * a failing probe yields undefined and never aborts the analysis.
 */
import type { Cell, Warehouse } from '../../ports.js';
import type { Relationship } from '../fix-types.js';
import { quoteName, quoteTableIdentifier } from '../../sql/quote.js';

export interface WarehouseProbe {
  /** True/false when known; undefined when the probe failed. */
  isUnique(table: string, column: string): Promise<boolean | undefined>;
  /** Distinct non-null values, sorted, at most `limit` (undefined when more or on failure). */
  distinctValues(table: string, column: string, limit: number): Promise<string[] | undefined>;
  /**
   * Share (0..1) of the distinct non-null values of `child.childColumn` that `parent.parentColumn`
   * holds; undefined when the child column is empty or the probe failed.
   */
  containment(child: string, childColumn: string, parent: string, parentColumn: string): Promise<number | undefined>;
  /** How many probes ran (for notes and tests). */
  readonly queries: number;
}

export function createWarehouseProbe(warehouse: Warehouse, signal?: AbortSignal): WarehouseProbe {
  const cache = new Map<string, Promise<unknown>>();
  let queries = 0;
  const cached = <T>(key: string, run: () => Promise<T>): Promise<T> => {
    let hit = cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = run();
      cache.set(key, hit);
    }
    return hit;
  };
  const execute = async (sql: string | undefined): Promise<Cell[][] | undefined> => {
    if (sql === undefined) return undefined; // a malformed table name is never sent
    queries++;
    try {
      return (await warehouse.execute(sql, { rowLimit: 1000, signal })).rows;
    } catch {
      return undefined;
    }
  };

  return {
    get queries() {
      return queries;
    },
    isUnique(table, column) {
      return cached(`unique ${table}.${column}`, async () => {
        const col = quoteName(column);
        const from = quoteTableIdentifier(table);
        const rows = await execute(from && `SELECT COUNT(${col}) AS n, COUNT(DISTINCT ${col}) AS d FROM ${from}`);
        const row = rows?.[0];
        if (!row) return undefined;
        return Number(row[0]) === Number(row[1]);
      });
    },
    containment(child, childColumn, parent, parentColumn) {
      return cached(`contained ${child}.${childColumn} ${parent}.${parentColumn}`, async () => {
        const c = quoteName(childColumn);
        const p = quoteName(parentColumn);
        const rows = await execute(
          `SELECT COUNT(*) AS n, SUM(CASE WHEN v IN (SELECT ${p} FROM ${quoteTableIdentifier(parent)}) THEN 1 ELSE 0 END) AS hit FROM (SELECT DISTINCT ${c} AS v FROM ${quoteTableIdentifier(child)} WHERE ${c} IS NOT NULL) AS d`,
        );
        const row = rows?.[0];
        const n = Number(row?.[0]);
        if (!row || !Number.isFinite(n) || n === 0) return undefined;
        return Number(row[1]) / n;
      });
    },
    distinctValues(table, column, limit) {
      return cached(`values ${table}.${column} ${limit}`, async () => {
        const col = quoteName(column);
        const from = quoteTableIdentifier(table);
        const rows = await execute(
          from &&
            `SELECT DISTINCT ${col} AS v FROM ${from} WHERE ${col} IS NOT NULL ORDER BY ${col} LIMIT ${limit + 1}`,
        );
        if (!rows || rows.length > limit) return undefined;
        return rows.map((row) => String(row[0]));
      });
    },
  };
}

/**
 * The relationship from `left` to `right` given which side is unique:
 * a unique right side means each left row finds at most one partner (MANY_TO_ONE).
 */
export function relationshipFrom(leftUnique: boolean, rightUnique: boolean): Relationship {
  if (leftUnique && rightUnique) return 'ONE_TO_ONE';
  if (rightUnique) return 'MANY_TO_ONE';
  if (leftUnique) return 'ONE_TO_MANY';
  return 'MANY_TO_MANY';
}
