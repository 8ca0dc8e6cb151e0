import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadOnlyViolationError, WarehouseError } from '../../src/errors.js';
import { databricksType, inferColumnType, openLocalWarehouse, type LocalWarehouse } from '../../src/local/warehouse.js';
import { loadSqlJs } from '../../src/local/sqljs-loader.js';

let demo: LocalWarehouse;
beforeAll(async () => {
  demo = await openLocalWarehouse();
});
afterAll(async () => {
  await demo.close();
});

describe('the demo warehouse', () => {
  it('exposes its catalog, schema and clock', () => {
    expect([demo.catalog, demo.schemaName, demo.asOf]).toEqual(['main', 'community', '2026-11-01']);
  });

  it('lists the five tables with Databricks column types', async () => {
    const { tables } = await demo.schema();
    expect(tables.map((t) => t.identifier)).toEqual([
      'main.community.channels',
      'main.community.daily_channel_stats',
      'main.community.members',
      'main.community.messages',
      'main.community.reactions',
    ]);
    const messages = tables.find((t) => t.identifier === 'main.community.messages')!;
    expect(messages.columns).toEqual([
      { name: 'message_id', type: 'BIGINT' },
      { name: 'channel_id', type: 'BIGINT' },
      { name: 'member_id', type: 'BIGINT' },
      { name: 'sent_at', type: 'TIMESTAMP' },
      { name: 'word_count', type: 'BIGINT' },
      { name: 'is_reply', type: 'BIGINT' },
    ]);
  });

  it('infers result column types from the values', async () => {
    const result = await demo.execute(
      `SELECT channel_id, channel_name, created_at, avg(1) AS one_real, max(m.sent_at) AS last_sent, NULL AS no_value
       FROM main.community.channels c JOIN main.community.messages m USING (channel_id)
       GROUP BY channel_id, channel_name, created_at ORDER BY channel_id LIMIT 3`,
    );
    expect(result.columns).toEqual([
      { name: 'channel_id', type: 'BIGINT' },
      { name: 'channel_name', type: 'STRING' },
      { name: 'created_at', type: 'DATE' },
      { name: 'one_real', type: 'DOUBLE' },
      { name: 'last_sent', type: 'TIMESTAMP' },
      { name: 'no_value', type: '' },
    ]);
    expect(result.rows[0].slice(0, 4)).toEqual([1, 'general', '2023-03-01', 1]);
    expect(result.truncated).toBe(false);
  });

  it('names unaliased columns by the text the user wrote, not the rewritten SQL', async () => {
    const result = await demo.execute(
      'SELECT sum(word_count) / count(*), current_date, year(current_date) FROM main.community.messages',
    );
    expect(result.columns.map((c) => c.name)).toEqual([
      'sum(word_count) / count(*)',
      'current_date',
      'year(current_date)',
    ]);
    expect(result.columns.map((c) => c.type)).toEqual(['DOUBLE', 'DATE', 'BIGINT']);
    expect(result.rows[0][2]).toBe(2026);
  });

  it('returns column names for an empty result', async () => {
    const result = await demo.execute(
      "SELECT channel_name AS name FROM main.community.channels WHERE channel_name = 'nope'",
    );
    expect(result).toEqual({ columns: [{ name: 'name', type: '' }], rows: [], truncated: false });
  });

  it.each([
    [10, 10, true],
    [14, 14, false],
    [100, 14, false],
  ])('rowLimit %i returns %i rows (truncated: %s)', async (rowLimit, rows, truncated) => {
    const result = await demo.execute('SELECT channel_id FROM main.community.channels ORDER BY channel_id', {
      rowLimit,
    });
    expect(result.rows).toHaveLength(rows);
    expect(result.truncated).toBe(truncated);
  });

  it('cuts results at 10,000 rows by default', async () => {
    const result = await demo.execute('SELECT message_id FROM main.community.messages');
    expect(result.rows).toHaveLength(10_000);
    expect(result.truncated).toBe(true);
  });

  it('refuses writes before running them and does not count them', async () => {
    const before = demo.statementCount;
    await expect(demo.execute('DELETE FROM main.community.messages')).rejects.toBeInstanceOf(ReadOnlyViolationError);
    await expect(demo.execute('SELECT 1; DROP TABLE main.community.messages')).rejects.toThrow(/DROP is not allowed/);
    expect(demo.statementCount).toBe(before);
    const count = await demo.execute('SELECT count(*) FROM main.community.messages');
    expect(count.rows[0][0]).toBeGreaterThan(30_000);
    expect(demo.statementCount).toBe(before + 1);
  });

  it('maps SQLite errors to WarehouseError', async () => {
    const error = await demo.execute('SELECT nope FROM main.community.messages').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehouseError);
    expect((error as WarehouseError).code).toBe('SQL_ERROR');
    expect((error as WarehouseError).message).toContain('no such column: nope');
    await expect(demo.execute('SELECT * FROM main.community.nope')).rejects.toThrow(
      /no such table: main.community.nope/,
    );
  });

  it('stops a statement that runs past its timeout', async () => {
    const started = Date.now();
    const error = await demo
      .execute(
        'SELECT count(*) FROM main.community.messages a, main.community.messages b WHERE year(a.sent_at) = year(b.sent_at)',
        { timeoutMs: 100 },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehouseError);
    expect((error as WarehouseError).code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses to start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await demo.execute('SELECT 1', { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as WarehouseError).code).toBe('CANCELLED');
  });

  it('resolves unqualified, two-part and backticked names', async () => {
    for (const sql of [
      'SELECT count(*) FROM messages',
      'SELECT count(*) FROM community.messages',
      'SELECT count(*) FROM `main`.`community`.`messages`',
    ]) {
      const result = await demo.execute(sql);
      expect(result.rows[0][0]).toBeGreaterThan(30_000);
    }
  });

  it('keeps LIKE case-sensitive, as Spark does', async () => {
    const result = await demo.execute("SELECT count(*) FROM main.community.channels WHERE channel_name LIKE 'GEN%'");
    expect(result.rows[0][0]).toBe(0);
  });

  it('a second open in the same process is fast (the generated image is reused)', async () => {
    const started = performance.now();
    const again = await openLocalWarehouse();
    expect(performance.now() - started).toBeLessThan(500);
    expect((await again.execute('SELECT count(*) FROM main.community.members')).rows[0][0]).toBe(2000);
    await again.close();
    await expect(again.execute('SELECT 1')).rejects.toThrow(/closed/);
  });
});

describe('user data files', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'genie-wh-'));

  it('loads a .sql script and exposes its tables as <catalog>.<schema>.<table>', async () => {
    const file = path.join(dir, 'shop.sql');
    writeFileSync(
      file,
      `CREATE TABLE Orders (order_id INTEGER, amount DECIMAL(10,2), ordered_at DATE, note VARCHAR(20));
      INSERT INTO Orders VALUES (1, 9.5, '2026-01-01', 'a'), (2, 20, '2026-01-02', NULL);
      CREATE VIEW big_orders AS SELECT * FROM Orders WHERE amount > 10;`,
    );
    const warehouse = await openLocalWarehouse({ data: file });
    expect([warehouse.catalog, warehouse.schemaName]).toEqual(['main', 'default']);
    expect(warehouse.asOf).toBe(new Date().toISOString().slice(0, 10));
    const { tables } = await warehouse.schema();
    expect(tables.map((t) => t.identifier)).toEqual(['main.default.big_orders', 'main.default.orders']);
    expect(tables[1].columns.map((c) => c.type)).toEqual(['BIGINT', 'DECIMAL', 'DATE', 'STRING']);
    const sum = await warehouse.execute('SELECT sum(amount) FROM main.default.orders');
    expect(sum.rows[0][0]).toBe(29.5);
    const view = await warehouse.execute('SELECT order_id FROM main.default.big_orders');
    expect(view.rows).toEqual([[2]]);
    await warehouse.close();
  });

  it('loads a SQLite database file with a custom catalog, schema and clock', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.exec(
      "CREATE TABLE events (id INTEGER, at TIMESTAMP); INSERT INTO events VALUES (1, '2025-12-31 23:00:00'), (2, '2026-01-01 01:00:00');",
    );
    const file = path.join(dir, 'events.sqlite');
    writeFileSync(file, db.export());
    db.close();
    const warehouse = await openLocalWarehouse({ data: file, catalog: 'analytics', schema: 'web', asOf: '2026-01-02' });
    const result = await warehouse.execute(
      'SELECT count(*) FROM analytics.web.events WHERE at >= date_sub(current_date, 1)',
    );
    expect(result.rows).toEqual([[1]]);
    await warehouse.close();
  });

  it('reports a broken script as a WarehouseError', async () => {
    const file = path.join(dir, 'broken.sql');
    writeFileSync(file, 'CREATE TABLE (;');
    await expect(openLocalWarehouse({ data: file })).rejects.toBeInstanceOf(WarehouseError);
  });
});

describe('type helpers', () => {
  it.each([
    ['INTEGER', 'BIGINT'],
    ['bigint', 'BIGINT'],
    ['TEXT', 'STRING'],
    ['VARCHAR(20)', 'STRING'],
    ['REAL', 'DOUBLE'],
    ['DOUBLE PRECISION', 'DOUBLE'],
    ['DECIMAL(10,2)', 'DECIMAL'],
    ['DATE', 'DATE'],
    ['DATETIME', 'TIMESTAMP'],
    ['TIMESTAMP', 'TIMESTAMP'],
    ['BOOLEAN', 'BOOLEAN'],
    ['', 'STRING'],
  ])('declared %s -> %s', (declared, expected) => {
    expect(databricksType(declared)).toBe(expected);
  });

  it.each([
    [[1, 2, null], 'BIGINT'],
    [[1, 2.5], 'DOUBLE'],
    [['2026-01-01', null], 'DATE'],
    [['2026-01-01 10:00:00'], 'TIMESTAMP'],
    [['2026-01-01', '2026-01-01 10:00:00'], 'TIMESTAMP'],
    [['a', 1], 'STRING'],
    [[null, null], ''],
  ])('values %j -> %s', (values, expected) => {
    expect(inferColumnType(values)).toBe(expected);
  });
});
