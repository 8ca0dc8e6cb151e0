import { beforeAll, describe, expect, it } from 'vitest';
import { splitArguments } from '../../src/local/call-arguments.js';
import { rewriteForSqlite } from '../../src/local/sql-dialect.js';
import { SPARK_SCALARS } from '../../src/local/spark-functions.js';
import { openLocalWarehouse, type LocalWarehouse } from '../../src/local/warehouse.js';

const rewrite = (sql: string) => rewriteForSqlite(sql, { asOf: '2026-11-01' });

describe('constant folding', () => {
  it.each([
    ['date_sub of the clock', 'SELECT date_sub(current_date(), 30)', "SELECT '2026-10-02'"],
    [
      'nested calls fold inside out',
      "WHERE d >= date_trunc('month', date_sub(date_trunc('month', current_date), 1))",
      "WHERE d >= '2026-10-01'",
    ],
    ['add_months', "SELECT add_months(date_trunc('month', current_date()), -1)", "SELECT '2026-10-01'"],
    [
      'integer-valued functions give integers',
      "SELECT year('2026-03-15'), datediff('2026-03-15', '2026-03-01')",
      'SELECT 2026, 14',
    ],
    ['other numbers stay REAL, as the JS call returned them', 'SELECT greatest(1, 2)', 'SELECT 2.0'],
    ['NULL', "SELECT to_date('not a date')", 'SELECT NULL'],
    ['strings are quoted', "SELECT date_format('2026-03-15', 'MMMM d')", "SELECT 'March 15'"],
    ['a column argument is not folded', 'SELECT date_add(x, y)', 'SELECT date_add(x, y)'],
  ])('%s', (_name, input, expected) => {
    expect(rewrite(input)).toBe(expected);
  });

  it('reads a double-quoted name as a column, not a literal', () => {
    expect(rewrite('SELECT to_date("d")')).toMatch(/^SELECT CASE WHEN .* ELSE to_date\("d"\) END$/);
  });
});

describe('splitArguments', () => {
  it('splits at top-level commas and classifies each argument', () => {
    const args = splitArguments("'a,b', f(x, y), -3, NULL, m.`sent at`, x + 1");
    expect(args.map((a) => a.kind)).toEqual(['literal', 'other', 'literal', 'literal', 'column', 'other']);
    expect(args.map((a) => (a.kind === 'literal' ? a.value : a.text))).toEqual([
      'a,b',
      'f(x, y)',
      -3,
      null,
      'm.`sent at`',
      'x + 1',
    ]);
  });
});

let warehouse: LocalWarehouse;
beforeAll(async () => {
  warehouse = await openLocalWarehouse({ data: 'demo' });
});

/** ISO dates and timestamps take the native path; the rest (and impossible dates) the JS function. */
const VALUES: Array<string | number | null> = [
  '2026-03-15',
  '2026-03-15 13:45:10',
  '2024-02-29',
  '2026-01-04',
  '2026-01-05 00:00:01',
  '2026-12-31 23:59:59',
  '2026-02-30',
  '2025-02-29 10:00:00',
  '2026-13-01',
  '20260315',
  '2026-03-15T01:02:03',
  '2026-03-15T23:30:00-05:00',
  '2026-03-15 10:20',
  'soon',
  null,
  2461000,
];
const INTEGER_VALUED = new Set([
  'year',
  'month',
  'day',
  'quarter',
  'hour',
  'minute',
  'second',
  'dayofweek',
  'weekday',
  'datediff',
]);

describe('native forms give what the JS functions give', () => {
  it.each([
    ['year', []],
    ['month', []],
    ['day', []],
    ['quarter', []],
    ['hour', []],
    ['minute', []],
    ['second', []],
    ['dayofweek', []],
    ['weekday', []],
    ['to_date', []],
    ['date_trunc', ['year']],
    ['date_trunc', ['quarter']],
    ['date_trunc', ['month']],
    ['date_trunc', ['week']],
    ['date_trunc', ['day']],
    ['date_trunc', ['MM']],
    ['trunc', ['month']],
    ['date_add', [3]],
    ['date_sub', [40]],
    ['date_add', [-400]],
    ['datediff', ['2026-01-01']],
    ['datediff', ['2026-12-25 08:00:00']],
    ['date_format', ['EEEE']],
    ['date_format', ['EEE']],
    ['date_format', ['yyyy-MM']],
    ['date_format', ['yyyy-MM-dd HH:mm:ss']],
  ] as Array<[string, Array<string | number>]>)('%s(x, %j)', async (fn, extra) => {
    const unitFirst = fn === 'date_trunc';
    const sqlArgs = extra.map((e) => (typeof e === 'number' ? String(e) : `'${e}'`));
    const call = unitFirst ? `${fn}(${sqlArgs[0]}, x)` : `${fn}(${['x', ...sqlArgs].join(', ')})`;
    const values = VALUES.map((v) => (v === null ? '(NULL)' : typeof v === 'number' ? `(${v})` : `('${v}')`)).join(
      ', ',
    );
    const sql = `WITH t(x) AS (VALUES ${values}) SELECT ${call} AS v FROM t`;
    expect(warehouse.translate(sql)).toContain('CASE WHEN length(x) IN (10, 19)'); // the native path is in use
    const result = await warehouse.execute(sql);
    const expected = VALUES.map((v) => {
      const out = SPARK_SCALARS[fn](...(unitFirst ? [extra[0], v] : [v, ...extra]));
      return typeof out === 'number' && INTEGER_VALUED.has(fn) ? Math.trunc(out) : out;
    });
    expect(result.rows.map((r) => r[0])).toEqual(expected);
  });

  it('keeps integer-valued results integers (BIGINT), whichever path a row takes', async () => {
    const result = await warehouse.execute(
      'SELECT year(sent_at) AS y, dayofweek(sent_at) AS d FROM main.community.messages LIMIT 3000',
    );
    expect(result.columns.map((c) => c.type)).toEqual(['BIGINT', 'BIGINT']);
  });

  it('gives the same grouped result as the JS functions on the demo data', async () => {
    const native = await warehouse.execute(
      "SELECT date_trunc('week', sent_at) AS w, dayofweek(sent_at) AS d, COUNT(*) AS n FROM main.community.messages GROUP BY 1, 2 ORDER BY 1, 2",
    );
    // Concatenating '' makes the argument an expression, which keeps the JS function.
    const viaJs = await warehouse.execute(
      "SELECT date_trunc('week', sent_at || '') AS w, dayofweek(sent_at || '') AS d, COUNT(*) AS n FROM main.community.messages GROUP BY 1, 2 ORDER BY 1, 2",
    );
    expect(native.rows.length).toBeGreaterThan(100);
    expect(native.rows).toEqual(viaJs.rows);
  });
});
