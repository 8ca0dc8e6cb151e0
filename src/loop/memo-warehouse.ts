/**
 * A warehouse that remembers results by SQL text for the life of one enhancement run.
 * The loop scores many candidate configs against the same data: most questions produce the
 * same SQL from one candidate to the next, and every expected SQL is the same each time, so
 * re-running them is pure waste. Failures of the SQL are remembered too: the same SQL fails the
 * same way; infrastructure failures (HTTP errors, lost answers) are not: the next ask tries again.
 */
import type { ExecuteOptions, QueryResult, Warehouse, WarehouseSchema } from '../ports.js';
import { isInfrastructureFailure } from '../scoring/errored.js';

export interface MemoWarehouse extends Warehouse {
  readonly stats: { hits: number; misses: number };
}

export function memoizeWarehouse(inner: Warehouse): MemoWarehouse {
  const results = new Map<string, Promise<QueryResult>>();
  let schema: Promise<WarehouseSchema> | undefined;
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    execute(sql: string, options: ExecuteOptions = {}): Promise<QueryResult> {
      // The row limit changes the answer; timeouts and signals do not.
      const key = `${options.rowLimit ?? ''}\u0000${sql}`;
      const known = results.get(key);
      if (known) {
        stats.hits += 1;
        return known;
      }
      stats.misses += 1;
      const pending = inner.execute(sql, options);
      results.set(key, pending);
      // A cancelled run or an outage must not poison the cache for the next ask.
      pending.catch((error: unknown) => {
        if (options.signal?.aborted || isInfrastructureFailure(error)) results.delete(key);
      });
      return pending;
    },
    schema: () => (schema ??= inner.schema()),
    close: () => inner.close?.() ?? Promise.resolve(),
  };
}
