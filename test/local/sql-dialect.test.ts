import { describe, expect, it } from 'vitest';
import { rewriteForSqlite, sqliteTableName } from '../../src/local/sql-dialect.js';

const options = {
  asOf: '2026-11-01',
  catalog: 'main',
  tables: new Set(['main.community.messages', 'main.community.channels']),
};
const rewrite = (sql: string) => rewriteForSqlite(sql, options);

describe('rewriteForSqlite', () => {
  it.each([
    ['three-part name', 'SELECT * FROM main.community.messages', 'SELECT * FROM `main.community.messages`'],
    ['backticked parts', 'SELECT * FROM `main`.`community`.`messages` m', 'SELECT * FROM `main.community.messages` m'],
    ['double-quoted parts', 'SELECT * FROM "main"."community"."messages"', 'SELECT * FROM `main.community.messages`'],
    ['upper case is folded', 'SELECT * FROM MAIN.Community.MESSAGES', 'SELECT * FROM `main.community.messages`'],
    ['spaces around dots', 'SELECT * FROM main . community . messages', 'SELECT * FROM `main.community.messages`'],
    [
      'four-part column',
      'SELECT main.community.messages.word_count FROM main.community.messages',
      'SELECT `main.community.messages`.`word_count` FROM `main.community.messages`',
    ],
    [
      'two-part name of a known table',
      'SELECT community.messages.sent_at FROM community.messages',
      'SELECT `main.community.messages`.`sent_at` FROM `main.community.messages`',
    ],
    [
      'alias.column untouched',
      'SELECT m.sent_at FROM main.community.messages AS m',
      'SELECT m.sent_at FROM `main.community.messages` AS m',
    ],
    ['unknown three-part name still becomes one table', 'SELECT * FROM main.other.t', 'SELECT * FROM `main.other.t`'],
    ['names inside strings untouched', "SELECT 'main.community.messages'", "SELECT 'main.community.messages'"],
    [
      'names inside comments untouched',
      'SELECT 1 -- main.community.messages / 2\n',
      'SELECT 1 -- main.community.messages / 2\n',
    ],
    ['current_date', 'SELECT current_date', "SELECT '2026-11-01'"],
    ['current_date()', 'SELECT CURRENT_DATE()', "SELECT '2026-11-01'"],
    [
      'current_timestamp',
      'SELECT current_timestamp, current_timestamp()',
      "SELECT '2026-11-01 00:00:00', '2026-11-01 00:00:00'",
    ],
    ['now()', 'SELECT now()', "SELECT '2026-11-01 00:00:00'"],
    ['a column named like the clock after a dot', 'SELECT t.current_date FROM t', 'SELECT t.current_date FROM t'],
    ['DATE literal', "WHERE d >= DATE '2026-01-01'", "WHERE d >= '2026-01-01'"],
    ['TIMESTAMP literal', "WHERE d < TIMESTAMP '2026-01-01 10:00:00'", "WHERE d < '2026-01-01 10:00:00'"],
    // Casts and calls of a bare column get native forms (native-calls.test.ts); expressions show the plain mapping.
    ['cast to date', 'SELECT CAST(a || b AS DATE)', 'SELECT to_date(a || b)'],
    ['cast to timestamp', "SELECT cast('2026-01-01' as timestamp)", "SELECT to_timestamp('2026-01-01')"],
    ['cast to string', 'SELECT CAST(x AS STRING)', 'SELECT CAST(x AS TEXT)'],
    ['cast to bigint', 'SELECT CAST(x AS BIGINT)', 'SELECT CAST(x AS INTEGER)'],
    ['cast to decimal', 'SELECT CAST(x AS DECIMAL(10, 2))', 'SELECT CAST(x AS REAL)'],
    [
      'cast of a nested expression',
      'SELECT CAST(CAST(a AS INT) / 2 AS DOUBLE)',
      'SELECT CAST(CAST(a AS INTEGER) * 1.0 / 2 AS REAL)',
    ],
    ['division is floating point', 'SELECT a / b, sum(x)/count(*)', 'SELECT a * 1.0 / b, sum(x)* 1.0 /count(*)'],
    [
      'interval subtraction',
      'WHERE d >= current_date - INTERVAL 7 DAYS',
      "WHERE d >= spark_interval_add('2026-11-01', -7, 'days')",
    ],
    ['interval with quoted amount', "SELECT d + INTERVAL '1' MONTH", "SELECT spark_interval_add(d, 1, 'month')"],
    [
      'interval in one string',
      "SELECT date_trunc('month', d || '') - INTERVAL '3 months'",
      "SELECT spark_interval_add(date_trunc('month', d || ''), -3, 'months')",
    ],
    ['extract', 'SELECT EXTRACT(YEAR FROM sent_at)', "SELECT CAST(date_part('year', sent_at) AS INTEGER)"],
    ['bare unit in dateadd', 'SELECT dateadd(DAY, -7, d)', "SELECT dateadd('day', -7, d)"],
    [
      'bare unit in datediff is quoted and cast',
      'SELECT datediff(day, a, b)',
      "SELECT CAST(datediff('day', a, b) AS INTEGER)",
    ],
    [
      'integer functions are cast',
      'SELECT year(d + 1), month(d + 1)',
      'SELECT CAST(year(d + 1) AS INTEGER), CAST(month(d + 1) AS INTEGER)',
    ],
    ['if and nvl use native functions', 'SELECT if(a > 1, 1, 0), nvl(b, 0)', 'SELECT iif(a > 1, 1, 0), coalesce(b, 0)'],
    [
      'shorthand cast',
      'SELECT (a || b)::date, x::decimal(10, 2) FROM t',
      'SELECT to_date((a || b)), CAST(x AS REAL) FROM t',
    ],
    ['ILIKE', "WHERE c.channel_name ILIKE 'gen%'", "WHERE ilike(c.channel_name, 'gen%')"],
    ['NOT ILIKE', "WHERE name NOT ILIKE '%bot%' AND x = 1", "WHERE NOT ilike(name, '%bot%') AND x = 1"],
    ['RLIKE', "WHERE name RLIKE '^a'", "WHERE name REGEXP '^a'"],
    ['comments and strings keep their slashes', "SELECT '1/2' /* a/b */", "SELECT '1/2' /* a/b */"],
  ])('%s', (_name, input, expected) => {
    expect(rewrite(input)).toBe(expected);
  });

  it('uses the time of day of a timestamp clock', () => {
    expect(rewriteForSqlite('SELECT now(), current_date', { asOf: '2026-11-01T09:30:00' })).toBe(
      "SELECT '2026-11-01 09:30:00', '2026-11-01'",
    );
  });
});

describe('sqliteTableName', () => {
  it.each([
    ['main.community.messages', 'main.community.messages'],
    ['`main`.`community`.`Messages`', 'main.community.messages'],
    ['"MAIN"."COMMUNITY"."X"', 'main.community.x'],
  ])('%s -> %s', (input, expected) => {
    expect(sqliteTableName(input)).toBe(expected);
  });
});
