/**
 * The gate sits at the port boundary: each Warehouse adapter refuses before anything is sent or
 * run, and the statements adapters build themselves quote names from the config.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabricksClient, RequestSpec } from '../../src/databricks/http-client.js';
import { createStatementWarehouse } from '../../src/databricks/statement-warehouse.js';
import { ReadOnlyViolationError } from '../../src/errors.js';
import { openLocalWarehouse, type LocalWarehouse } from '../../src/local/warehouse.js';
import { memoizeWarehouse } from '../../src/loop/memo-warehouse.js';
import { checkReadOnly } from '../../src/sql/read-only-guard.js';

const ATTACKS = [
  '--\rINSERT INTO t VALUES (1) /*\nSELECT 1 -- */',
  `SELECT "load_extension"('x')`,
  "SELECT `reflect`('java.lang.Runtime','exec','x')",
  "SELECT [load_extension]('x')",
  "SELECT r'\\' ; DROP TABLE t; --'",
  'SELECT 1 /* /*+ */ ; DROP TABLE t; */',
  "SELECT * FROM read_files('/etc')",
];

/** A Databricks client that records every statement and answers with an empty, successful result. */
function recordingClient(): DatabricksClient & { statements: string[] } {
  const statements: string[] = [];
  return {
    host: 'https://recorded.invalid',
    statements,
    scrubber: { add: () => undefined, scrub: (text: string) => text } as unknown as DatabricksClient['scrubber'],
    request<T>(spec: RequestSpec<T>): Promise<T> {
      const body = spec.body as { statement?: string } | undefined;
      if (body?.statement !== undefined) statements.push(body.statement);
      return Promise.resolve(
        spec.schema.parse({
          statement_id: `s${statements.length}`,
          status: { state: 'SUCCEEDED' },
          manifest: { schema: { column_count: 1, columns: [{ name: 'x', type_name: 'INT', position: 0 }] } },
          result: { data_array: [] },
        }),
      );
    },
  };
}

describe('the Databricks statement warehouse', () => {
  it.each(ATTACKS)('refuses %j before sending anything', async (sql) => {
    const client = recordingClient();
    const warehouse = createStatementWarehouse({ client, warehouseId: 'w', tables: () => [] });
    await expect(warehouse.execute(sql)).rejects.toBeInstanceOf(ReadOnlyViolationError);
    expect(client.statements).toEqual([]);
  });

  it('describes config tables with every part backtick-quoted, and never sends a malformed name', async () => {
    const client = recordingClient();
    const tables = [
      'main.community.messages',
      '`my cat`.`s`.`t``x`',
      'x;DROP.y.z',
      '`a; DROP TABLE t; --`.b.c',
      'a.b.c.d',
      'a b.c.d',
      '`unterminated.b.c',
    ];
    const warehouse = createStatementWarehouse({ client, warehouseId: 'w', tables: () => tables });
    const schema = await warehouse.schema();
    expect(client.statements.sort()).toEqual(
      [
        'SELECT * FROM `a; drop table t; --`.`b`.`c` LIMIT 0',
        'SELECT * FROM `main`.`community`.`messages` LIMIT 0',
        'SELECT * FROM `my cat`.`s`.`t``x` LIMIT 0',
        'SELECT * FROM `x;drop`.`y`.`z` LIMIT 0',
      ].sort(),
    );
    for (const statement of client.statements) expect(checkReadOnly(statement)).toEqual({ ok: true });
    expect(schema.tables).toHaveLength(4);
  });
});

describe('the embedded warehouse and the memoizing wrapper', () => {
  let local: LocalWarehouse;
  beforeAll(async () => {
    local = await openLocalWarehouse({ data: 'demo' });
  });
  afterAll(async () => {
    await local.close();
  });

  it.each(ATTACKS)('refuse %j before it reaches SQLite', async (sql) => {
    const before = local.statementCount;
    await expect(local.execute(sql)).rejects.toBeInstanceOf(ReadOnlyViolationError);
    await expect(memoizeWarehouse(local).execute(sql)).rejects.toBeInstanceOf(ReadOnlyViolationError);
    expect(local.statementCount).toBe(before);
  });
});
