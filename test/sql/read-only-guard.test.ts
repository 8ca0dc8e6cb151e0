import { describe, expect, it } from 'vitest';
import { ReadOnlyViolationError } from '../../src/errors.js';
import { assertReadOnly, checkReadOnly } from '../../src/sql/read-only-guard.js';

describe('checkReadOnly accepts one read-only query', () => {
  it.each([
    ['plain select', 'SELECT 1'],
    ['lower case with trailing semicolon', 'select * from main.community.messages;'],
    ['trailing semicolons and comments', 'SELECT 1; -- done\n ; /* end */'],
    ['leading comments', '-- count\n/* block */ SELECT count(*) FROM t'],
    ['semicolon inside a string', "SELECT ';' AS s, 'DROP TABLE x; --' AS t"],
    ['semicolon inside a quoted identifier', 'SELECT `a;b`, "c;d" FROM t'],
    ['write keywords inside strings and comments', "SELECT 'delete from t' -- update t set x = 1\nFROM t /* insert */"],
    ['keyword as part of a longer word', 'SELECT created_at, updated_flag, deleted FROM t'],
    ['replace() the string function', "SELECT replace(channel_name, '-', ' ') FROM t"],
    ['with ... select', 'WITH a AS (SELECT 1 AS x), b (y) AS (SELECT x FROM a) SELECT * FROM b'],
    ['with recursive', 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n'],
    ['with materialized', 'WITH a AS MATERIALIZED (SELECT 1) SELECT * FROM a'],
    ['subqueries and unions', 'SELECT x FROM (SELECT 1 AS x) UNION ALL SELECT 2'],
    ['parenthesised selects', '(SELECT 1) UNION (SELECT 2)'],
    ['escaped quote in a string', "SELECT 'it''s; fine' AS s"],
    ['values', 'VALUES (1), (2)'],
    ['parenthesised values', '(VALUES (1))'],
    ['with ... values', 'WITH a AS (SELECT 1) VALUES (1)'],
  ])('%s', (_name, sql) => {
    expect(checkReadOnly(sql)).toEqual({ ok: true });
  });
});

describe('checkReadOnly refuses everything else, naming why', () => {
  it.each([
    ['insert', 'INSERT INTO t VALUES (1)', 'INSERT'],
    ['update', 'update t set x = 1', 'UPDATE'],
    ['delete', 'DELETE FROM t', 'DELETE'],
    ['merge', 'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE', 'MERGE'],
    ['drop', 'DROP TABLE t', 'DROP'],
    ['create', 'CREATE TABLE t (x INT)', 'CREATE'],
    ['create as select', 'CREATE TABLE t AS SELECT 1', 'CREATE'],
    ['alter', 'ALTER TABLE t ADD COLUMN y INT', 'ALTER'],
    ['attach', "ATTACH DATABASE 'x.db' AS x", 'ATTACH'],
    ['pragma', 'PRAGMA query_only = OFF', 'PRAGMA'],
    ['vacuum', 'VACUUM', 'VACUUM'],
    ['replace into', 'REPLACE INTO t VALUES (1)', 'REPLACE'],
    ['truncate', 'TRUNCATE TABLE t', 'TRUNCATE'],
    ['grant', 'GRANT SELECT ON t TO x', 'GRANT'],
    ['with ... delete', 'WITH x AS (SELECT 1) DELETE FROM t', 'DELETE'],
    ['with ... insert', 'WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x', 'INSERT'],
    ['delete inside a CTE', 'WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d', 'DELETE'],
    ['two selects', 'SELECT 1; SELECT 2', '2 statements'],
    ['select then drop', 'SELECT 1; DROP TABLE t', 'DROP'],
    ['select then drop after a string with a semicolon', "SELECT ';'; DROP TABLE t", 'DROP'],
    ['show', 'SHOW TABLES', 'SHOW'],
    ['explain', 'EXPLAIN SELECT 1', 'EXPLAIN'],
    ['set', 'SET spark.sql.ansi.enabled = false', 'SET'],
    ['use', 'USE main.community', 'USE'],
    ['table', 'TABLE main.community.messages', 'TABLE'],
    ['parenthesised non-query', '(SHOW TABLES)', 'SHOW'],
    ['empty', '  ; -- nothing\n', 'empty'],
    ['unterminated string', "SELECT 'abc", 'unterminated string'],
    ['unterminated comment', 'SELECT 1 /* open', 'unterminated comment'],
    ['file access function', "SELECT readfile('/etc/passwd')", 'readfile'],
    ['JVM reflection', "SELECT reflect('java.lang.System', 'exit', 0)", 'reflect'],
    // Spark reads \' as an escaped quote, SQLite does not: the text hides a DROP from one of them.
    ['backslash escape smuggling a statement', "SELECT 'a\\' , ' ; DROP TABLE t; --'", 'DROP'],
    [
      'nested comment smuggling a statement (Spark nests, SQLite does not)',
      'SELECT 1 /* /* */ ; DELETE FROM t; /* */',
      'DELETE',
    ],
  ])('%s', (_name, sql, mention) => {
    const result = checkReadOnly(sql);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(mention);
      expect(result.reason).toContain('only a single SELECT');
    }
  });
});

describe('assertReadOnly', () => {
  it('throws ReadOnlyViolationError with the reason', () => {
    expect(() => assertReadOnly('DROP TABLE main.community.messages')).toThrow(ReadOnlyViolationError);
    expect(() => assertReadOnly('DROP TABLE main.community.messages')).toThrow(/DROP is not allowed/);
  });

  it('returns quietly for a query', () => {
    expect(() => assertReadOnly('SELECT 1')).not.toThrow();
  });
});
