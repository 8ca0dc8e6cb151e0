/**
 * Every statement on the embedded warehouse can be stopped: it runs in a worker thread that is
 * terminated on timeout or cancellation, and the warehouse (and any other one open in the
 * process) keeps working afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadOnlyViolationError, WarehouseError } from '../../src/errors.js';
import { sqliteHost } from '../../src/local/sqlite-host.js';
import { openLocalWarehouse, type LocalWarehouse } from '../../src/local/warehouse.js';

const RUNAWAY = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c';

let demo: LocalWarehouse;
let other: LocalWarehouse;
beforeAll(async () => {
  demo = await openLocalWarehouse({ data: 'demo' });
  other = await openLocalWarehouse({ data: 'demo', statementTimeoutMs: 300 });
});
afterAll(async () => {
  await demo.close();
  await other.close();
});

async function failure(run: Promise<unknown>): Promise<WarehouseError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WarehouseError);
  return error as WarehouseError;
}

describe('the embedded warehouse stops runaway statements', () => {
  it('stops an endless recursive CTE at its timeout and keeps serving both warehouses', async () => {
    const stops = sqliteHost().stats.stops;
    const started = Date.now();
    const error = await failure(demo.execute(RUNAWAY, { timeoutMs: 500 }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/ran longer than 500 ms/);
    expect(Date.now() - started).toBeLessThan(1_000 * 2);
    expect(sqliteHost().stats.stops).toBe(stops + 1);
    // The worker was replaced: both databases reopen from their images.
    const [a, b] = await Promise.all([
      demo.execute('SELECT count(*) FROM main.community.channels'),
      other.execute('SELECT count(*) FROM main.community.channels'),
    ]);
    expect(a.rows[0][0]).toBeGreaterThan(0);
    expect(b.rows).toEqual(a.rows);
  });

  it("caps any caller's timeout at the warehouse's statement timeout", async () => {
    const started = Date.now();
    const error = await failure(other.execute(RUNAWAY, { timeoutMs: 60_000 }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/300 ms/);
    expect(Date.now() - started).toBeLessThan(600 * 2);
  });

  it('cancels a running statement when its signal aborts, and one still waiting in the queue', async () => {
    const controller = new AbortController();
    const running = demo.execute(RUNAWAY, { signal: controller.signal });
    const queued = demo.execute('SELECT 1', { signal: controller.signal });
    const unrelated = demo.execute('SELECT 2 AS two');
    setTimeout(() => controller.abort(), 100);
    expect((await failure(running)).code).toBe('CANCELLED');
    expect((await failure(queued)).code).toBe('CANCELLED');
    expect((await unrelated).rows).toEqual([[2]]);
  });

  it('lets statements queue behind a slow one without starting their clocks early', async () => {
    const slow = demo.execute(RUNAWAY, { timeoutMs: 400 });
    const next = demo.execute('SELECT count(*) FROM main.community.members', { timeoutMs: 200 });
    expect((await failure(slow)).code).toBe('TIMEOUT');
    expect((await next).rows[0][0]).toBeGreaterThan(0);
  });

  it('refuses what the gate refuses before anything runs, and reports SQLite errors', async () => {
    const before = demo.statementCount;
    for (const sql of ["SELECT [load_extension]('x')", '--\rINSERT INTO t VALUES (1) /*\nSELECT 1 -- */']) {
      await expect(demo.execute(sql)).rejects.toBeInstanceOf(ReadOnlyViolationError);
    }
    expect(demo.statementCount).toBe(before);
    expect((await failure(demo.execute('SELECT nope FROM main.community.channels'))).code).toBe('SQL_ERROR');
  });

  it('a closed warehouse refuses statements; the others keep working', async () => {
    const scratch = await openLocalWarehouse({ data: 'demo' });
    await scratch.close();
    await expect(scratch.execute('SELECT 1')).rejects.toThrow(/closed/);
    expect((await demo.execute('SELECT 3 AS x')).rows).toEqual([[3]]);
  });

  it('stops a data script that never finishes loading, naming the file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'runaway-load-'));
    try {
      const file = path.join(dir, 'data.sql');
      writeFileSync(
        file,
        `CREATE TABLE t (x INTEGER);\n${RUNAWAY.replace('SELECT count(*) FROM c', 'INSERT INTO t SELECT x FROM c')};\n`,
      );
      const started = Date.now();
      const error = await failure(openLocalWarehouse({ data: file, loadTimeoutMs: 500 }));
      expect(error.code).toBe('TIMEOUT');
      expect(error.message).toContain(`loading ${file} took longer than 500 ms`);
      expect(Date.now() - started).toBeLessThan(500 * 4);
      expect((await demo.execute('SELECT 4 AS x')).rows).toEqual([[4]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
