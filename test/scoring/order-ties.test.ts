/** Ties on the expected sort key: any order among tied rows, any tied row at the LIMIT. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalWarehouse, type LocalWarehouse } from '../../src/local/warehouse.js';
import { compareAllowingTies, keyedOrderSql } from '../../src/scoring/order-ties.js';
import { compareResults } from '../../src/scoring/result-comparator.js';

describe('keyedOrderSql', () => {
  it('adds the sort keys as columns and drops the LIMIT, resolving output aliases and positions', () => {
    expect(
      keyedOrderSql(
        'SELECT country, AVG(length) AS avg_len FROM river GROUP BY country ORDER BY avg_len DESC LIMIT 3;',
      ),
    ).toEqual({
      sql: 'SELECT country, AVG(length) AS avg_len, AVG(length) AS __tie_k0\nFROM river GROUP BY country ORDER BY avg_len DESC',
      keys: 1,
      limit: 3,
    });
    expect(keyedOrderSql('select name from t order by 1')?.sql).toBe(
      'select name, name AS __tie_k0\nfrom t order by 1',
    );
  });

  it('declines what it cannot key safely', () => {
    expect(keyedOrderSql('SELECT a FROM t')).toBeNull();
    expect(keyedOrderSql('SELECT a FROM t UNION SELECT b FROM u ORDER BY 1')).toBeNull();
    expect(keyedOrderSql('SELECT DISTINCT a FROM t ORDER BY b')).toBeNull();
    expect(keyedOrderSql('SELECT a FROM t ORDER BY a LIMIT 5 OFFSET 2')).toBeNull();
  });
});

describe('compareAllowingTies', () => {
  let dir: string;
  let warehouse: LocalWarehouse;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ties-'));
    const file = path.join(dir, 'db.sql');
    writeFileSync(
      file,
      `CREATE TABLE airline (name TEXT, flights INTEGER);
       INSERT INTO airline VALUES ('A', 5), ('B', 9), ('C', 9), ('D', 1);`,
    );
    warehouse = await openLocalWarehouse({ data: file });
  });
  afterAll(async () => {
    await warehouse.close?.();
    rmSync(dir, { recursive: true, force: true });
  });
  const result = (...names: string[]) => ({
    columns: [{ name: 'name', type: 'STRING' }],
    rows: names.map((n) => [n]),
    truncated: false,
  });

  it('accepts any of the rows tied at the LIMIT, and nothing outside the tie', async () => {
    const sql = 'SELECT name FROM airline ORDER BY flights DESC LIMIT 1';
    for (const name of ['B', 'C'])
      expect((await compareAllowingTies(sql, result(name), warehouse))?.verdict).toBe('exact');
    expect((await compareAllowingTies(sql, result('A'), warehouse))?.verdict).toBe('mismatch');
  });

  it('accepts tied rows in either order but keeps the order between different keys', async () => {
    const sql = 'SELECT name FROM airline ORDER BY flights DESC';
    expect((await compareAllowingTies(sql, result('C', 'B', 'A', 'D'), warehouse))?.verdict).toBe('exact');
    expect((await compareAllowingTies(sql, result('B', 'C', 'D', 'A'), warehouse))?.verdict).toBe('mismatch');
    // The plain comparison alone would hold the database's arbitrary order of B and C against the answer.
    const plain = compareResults(await warehouse.execute(sql), result('C', 'B', 'A', 'D'), { orderMatters: true });
    const expectedOrder = (await warehouse.execute(sql)).rows.map((r) => r[0]).join('');
    if (expectedOrder.startsWith('B')) expect(plain.verdict).toBe('mismatch');
  });
});
