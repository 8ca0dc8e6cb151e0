import { describe, expect, it } from 'vitest';
import { memoizeWarehouse } from '../../src/loop/memo-warehouse.js';
import type { ExecuteOptions, QueryResult, Warehouse } from '../../src/ports.js';

function countingWarehouse(): Warehouse & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    execute: async (sql: string, options?: ExecuteOptions): Promise<QueryResult> => {
      calls.push(`${options?.rowLimit ?? ''}:${sql}`);
      if (sql.includes('boom')) throw new Error('no such table: boom');
      if (options?.signal?.aborted) throw new Error('aborted');
      return { columns: [{ name: 'x', type: 'BIGINT' }], rows: [[calls.length]], truncated: false };
    },
    schema: async () => ({ tables: [] }),
  };
}

describe('memoizeWarehouse', () => {
  it('runs each SQL text once per row limit and shares the result', async () => {
    const inner = countingWarehouse();
    const memo = memoizeWarehouse(inner);
    const [a, b] = await Promise.all([memo.execute('SELECT 1'), memo.execute('SELECT 1', { timeoutMs: 5 })]);
    expect(a).toBe(b);
    await memo.execute('SELECT 1', { rowLimit: 5 });
    expect(inner.calls).toEqual([':SELECT 1', '5:SELECT 1']);
    expect(memo.stats).toEqual({ hits: 1, misses: 2 });
  });

  it('remembers failures, but not those of a cancelled call', async () => {
    const inner = countingWarehouse();
    const memo = memoizeWarehouse(inner);
    await expect(memo.execute('SELECT * FROM boom')).rejects.toThrow(/boom/);
    await expect(memo.execute('SELECT * FROM boom')).rejects.toThrow(/boom/);
    expect(inner.calls).toHaveLength(1);
    const controller = new AbortController();
    controller.abort();
    await expect(memo.execute('SELECT 2', { signal: controller.signal })).rejects.toThrow(/aborted/);
    await new Promise((r) => setTimeout(r, 0));
    await expect(memo.execute('SELECT 2')).resolves.toBeDefined();
    expect(inner.calls.filter((c) => c.endsWith('SELECT 2'))).toHaveLength(2);
  });
});
