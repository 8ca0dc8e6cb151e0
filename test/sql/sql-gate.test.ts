/**
 * The SQL gate against attacks (each must be refused, most by the lexical rules of the engine
 * they target) and against every legitimate query the project knows (each must pass, and so
 * must its SQLite rewrite under SQLite's rules).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { rewriteForSqlite } from '../../src/local/sql-dialect.js';
import { quoteLiteral, quoteName, quoteTableIdentifier } from '../../src/sql/quote.js';
import { checkReadOnly } from '../../src/sql/read-only-guard.js';
import { tokenize, type Flavour } from '../../src/sql/tokenize.js';
import { externalCases, readJsonl } from '../helpers/external-cases.js';
import { REPO_ROOT } from '../helpers/temp-repo.js';

const refused = (sql: string, flavours?: Flavour[]) => {
  const result = checkReadOnly(sql, flavours ? { flavours } : {});
  return result.ok ? undefined : result.reason;
};

describe('the reproductions from issue 10 are refused', () => {
  it.each([
    ['a \\r-ended line comment (Spark) hiding an INSERT', '--\rINSERT INTO t VALUES (1) /*\nSELECT 1 -- */', /INSERT/],
    ['a double-quoted function name (SQLite calls it)', `SELECT "load_extension"('x')`, /load_extension/],
    ['a backticked function name', "SELECT `reflect`('java.lang.Runtime','exec','x')", /reflect/],
    ['a bracketed function name (SQLite)', "SELECT [load_extension]('x')", /load_extension/],
  ])('%s', (_name, sql, mention) => {
    expect(refused(sql)).toMatch(mention);
  });

  it('the \\r comment is caught by the Spark rules, which end -- comments at \\r', () => {
    const sql = '--\rINSERT INTO t VALUES (1) /*\nSELECT 1 -- */';
    expect(refused(sql, ['spark'])).toMatch(/INSERT/);
    // SQLite's comment runs to \n, so under its rules alone the text is one SELECT: both must pass.
    expect(refused(sql, ['sqlite'])).toBeUndefined();
  });
});

/** [name, sql, what the reason mentions, flavour whose rules alone must catch it (optional)] */
const ATTACKS: [string, string, RegExp, Flavour?][] = [
  ['\\r\\n ends a Spark comment too', '-- x\r\nDROP TABLE t', /DROP/],
  ['Spark backslash-newline continues a comment; SQLite sees a DELETE', 'SELECT 1 -- x \\\nDELETE FROM t', /DELETE/],
  ['nested comment: Spark nests, SQLite does not', 'SELECT 1 /* /* */ ; DELETE FROM t; /* */', /DELETE/, 'sqlite'],
  ['/*+ does not nest inside a Spark comment', 'SELECT 1 /* /*+ */ ; DROP TABLE t; */', /DROP/, 'spark'],
  ['a hint is code in Spark', "SELECT /*+ REPARTITION(reflect('a','b')) */ 1", /reflect/, 'spark'],
  ['backslash-escaped quote (Spark) vs doubled (SQLite)', "SELECT 'a\\' , ' ; DROP TABLE t; --'", /DROP/, 'spark'],
  ['a raw string ends at the first quote in Spark', "SELECT r'\\' ; DROP TABLE t; --'", /DROP/, 'spark'],
  ['a raw string right after a name', "SELECT x$r'\\' ; DROP TABLE t; --'", /\$|raw/],
  ['a raw-string prefix glued to a number', "SELECT 1r'\\' ' ; DROP TABLE t; --'", /raw string/, 'spark'],
  ['a name glued to a string ending in r', "SELECT bar'x'", /raw string/, 'spark'],
  ['a double-quoted string in Spark is an identifier in SQLite', 'SELECT "\\"; DROP TABLE t; --"', /DROP/, 'sqlite'],
  ['a bracket is an identifier only in SQLite', 'SELECT [a;DROP TABLE t]', /unterminated|DROP/],
  ['a TCL variable swallows quotes in SQLite', "SELECT :a(');DROP TABLE t;--'", /variable/, 'sqlite'],
  ['a $ variable', "SELECT $a(');DROP TABLE t;--'", /\$/],
  ['Spark ${} substitution', "SELECT '${spark.databricks.token}'", /\$\{/],
  ['a URI identifier hides a comment start in Spark', 'SELECT * FROM json.file://a/* ; DROP TABLE t; -- */', /URI/],
  ['a NUL ends the text in SQLite', 'SELECT 1\0; DROP TABLE t', /NUL/],
  ['an unterminated block comment', 'SELECT 1 /* x', /unterminated comment/],
  ['an unterminated string', "SELECT 'x", /unterminated string/],
  ['an unterminated backtick', 'SELECT `x', /unterminated/],
  ['two statements', 'SELECT 1; SELECT 2', /2 statements/],
  ['lower-case write after a comment', 'select 1;/**/delete from t', /DELETE/],
  ['INSERT OVERWRITE DIRECTORY', "INSERT OVERWRITE DIRECTORY '/tmp/x' SELECT 1", /INSERT/],
  ['CACHE TABLE AS SELECT', 'CACHE TABLE x AS SELECT 1', /CACHE/],
  ['EXECUTE IMMEDIATE', "EXECUTE IMMEDIATE 'DROP TABLE t'", /EXECUTE/],
  ['a SQL script block', 'BEGIN SELECT 1; END', /BEGIN|statements/],
  ['FROM-first form', 'FROM t SELECT a', /FROM/],
  ['TABLE statement', 'TABLE t', /TABLE/],
  ['ADD JAR', "ADD JAR '/tmp/x.jar'", /ADD/],
  ['SET a config', 'SET spark.sql.ansi.enabled = false', /SET/],
  ['REFRESH', 'REFRESH TABLE t', /REFRESH/],
  ['ATTACH in SQLite', "ATTACH DATABASE '/tmp/x' AS x", /ATTACH/],
  ['PRAGMA after a select', 'SELECT 1; PRAGMA query_only = OFF', /PRAGMA/],
  ['WITH ... INSERT', 'WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x', /INSERT/],
  ['WITH ... without a query', 'WITH x AS (SELECT 1) t', /not a query/],
  ['reflect', "SELECT reflect('java.lang.Runtime', 'exec', 'id')", /reflect/],
  ['java_method, qualified', "SELECT system.builtin.java_method('java.lang.System', 'exit', 1)", /java_method/],
  ['try_reflect with a comment before (', "SELECT try_reflect /* x */ ('a', 'b')", /try_reflect/],
  ['REFLECT upper case', "SELECT REFLECT('a','b')", /reflect/],
  ['a backticked qualified name', "SELECT `system`.`builtin`.`reflect`('a','b')", /reflect/],
  ['a quoted name with spaces around it', "SELECT ` reflect `('a','b')", /reflect/],
  ['load_extension', "SELECT load_extension('/tmp/x.so')", /load_extension/],
  ['readfile in a subquery', "SELECT * FROM (SELECT readfile('/etc/passwd') AS x)", /readfile/],
  ['writefile', "SELECT writefile('/tmp/x', 'y')", /writefile/],
  ['edit', "SELECT edit('x', 'vi')", /edit/],
  ['fts3_tokenizer', "SELECT fts3_tokenizer('simple', x'00')", /fts3_tokenizer/],
  ['fsdir as a table function', "SELECT * FROM fsdir('/')", /fsdir/],
  ['eval runs a string of SQL', "SELECT eval('DELETE FROM t')", /eval/],
  ['sha3_query runs a string of SQL', "SELECT sha3_query('DELETE FROM t')", /sha3_query/],
  ['read_files', "SELECT * FROM read_files('/Volumes/x')", /read_files/],
  ['read_kafka', "SELECT * FROM read_kafka(bootstrapServers => 'x')", /read_kafka/],
  ['ai_query', "SELECT ai_query('endpoint', text) FROM t", /ai_query/],
  ['ai_gen, backticked', "SELECT `ai_gen`('x')", /ai_gen/],
  ['http_request', "SELECT http_request(conn => 'c', method => 'GET', path => '/')", /http_request/],
  ['secret', "SELECT secret('scope', 'key')", /secret/],
  ['try_secret', "SELECT try_secret('scope', 'key')", /try_secret/],
  ['list_secrets', 'SELECT * FROM list_secrets()', /list_secrets/],
  ['remote_query', "SELECT * FROM remote_query('pg', database => 'x', query => 'DELETE FROM t')", /remote_query/],
  ['IDENTIFIER builds a function name', "SELECT IDENTIFIER('reflect')('a', 'b')", /IDENTIFIER/],
  ['IDENTIFIER builds a table name', "SELECT * FROM identifier('json.`/etc`')", /IDENTIFIER/],
  ['a script transform', "SELECT TRANSFORM(a) USING 'sh -c id' AS (b) FROM t", /USING/],
  ['a direct file query', 'SELECT * FROM json.`/etc/passwd`', /reading files/],
  ['a direct file query, cloud path', 'SELECT * FROM parquet.`s3://bucket/key`', /reading files/],
  ['a direct file query, text format, quoted', 'SELECT * FROM `text`.`/etc/hosts`', /reading files/],
  ['empty', '  ; -- nothing\n', /empty/],
];

describe('attack strings are refused', () => {
  it.each(ATTACKS)('%s', (_name, sql, mention, flavour) => {
    expect(refused(sql)).toMatch(mention);
    if (flavour) expect(refused(sql, [flavour]), `${flavour} rules alone`).toBeDefined();
  });
});

describe('lexing follows each engine', () => {
  const comments = (sql: string, flavour: Flavour) =>
    tokenize(sql, flavour)
      .filter((t) => t.type === 'comment')
      .map((t) => t.text);

  it('ends -- comments at \\r in Spark only, and continues them after backslash-newline', () => {
    expect(comments('-- a\rb', 'spark')).toEqual(['-- a']);
    expect(comments('-- a\rb', 'sqlite')).toEqual(['-- a\rb']);
    expect(comments('-- a\\\nb\nc', 'spark')).toEqual(['-- a\\\nb']);
    expect(comments('-- a\\\nb\nc', 'sqlite')).toEqual(['-- a\\']);
  });

  it('nests block comments in Spark but not /*+ inside them, and keeps hints as code', () => {
    expect(comments('/* a /* b */ c */ d', 'spark')).toEqual(['/* a /* b */ c */']);
    expect(comments('/* a /* b */ c */ d', 'sqlite')).toEqual(['/* a /* b */']);
    expect(comments('/* a /*+ b */ c', 'spark')).toEqual(['/* a /*+ b */']);
    expect(comments('SELECT /*+ HINT */ 1', 'spark')).toEqual([]);
  });

  it('reads quotes per engine', () => {
    const kinds = (sql: string, flavour: Flavour) =>
      tokenize(sql, flavour)
        .filter((t) => t.type !== 'whitespace')
        .map((t) => `${t.type}:${t.value}`);
    expect(kinds(`'a\\'b'`, 'spark')).toEqual([`string:a'b`]);
    expect(kinds(`"a" [b] \`c\``, 'sqlite')).toEqual(['quoted:a', 'quoted:b', 'quoted:c']);
    expect(kinds(`"a" \`c\``, 'spark')).toEqual(['string:a', 'quoted:c']);
    expect(kinds(`r'a\\' R"b"`, 'spark')).toEqual(['string:a\\', 'string:b']);
  });
});

interface ExternalQuestion {
  id: string;
  sql: string | string[];
  sql_strict?: string;
}

/** Every legitimate query the project has: demo benchmarks and configs, and the external gold SQL. */
function legitimateQueries(): { label: string; sql: string }[] {
  const out: { label: string; sql: string }[] = [];
  const benchmarks = YAML.parse(readFileSync(path.join(REPO_ROOT, 'benchmarks/demo.yml'), 'utf8')) as {
    id: string;
    sql: string;
  }[];
  for (const b of benchmarks) out.push({ label: `demo ${b.id}`, sql: b.sql });
  for (const file of ['spaces/demo/space.json', 'test/fixtures/demo-described/space.json']) {
    const space = JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')) as {
      instructions?: { example_question_sqls?: { id: string; sql: string[] }[] };
    };
    for (const e of space.instructions?.example_question_sqls ?? [])
      out.push({ label: `${file} ${e.id}`, sql: e.sql.join('') });
  }
  for (const part of ['spider', 'defog'] as const) {
    for (const q of readJsonl<ExternalQuestion>(path.join(externalCases(part) ?? '', 'questions.jsonl'))) {
      [q.sql, q.sql_strict ?? []].flat().forEach((sql, i) => out.push({ label: `${q.id}#${i}`, sql }));
    }
  }
  return out;
}

describe('legitimate queries pass the gate', () => {
  const queries = legitimateQueries();

  it('finds the demo queries and, when present, the external gold SQL', () => {
    expect(queries.filter((q) => q.label.startsWith('demo')).length).toBeGreaterThan(40);
    if (externalCases('spider')) expect(queries.length).toBeGreaterThan(700);
  });

  it('passes every one, and its SQLite rewrite under SQLite rules', () => {
    const failures = queries.flatMap(({ label, sql }) => {
      const original = checkReadOnly(sql);
      if (!original.ok) return [`${label}: ${original.reason}`];
      const rewritten = checkReadOnly(rewriteForSqlite(sql, { asOf: '2026-11-01', catalog: 'main' }), {
        flavours: ['sqlite'],
      });
      return rewritten.ok ? [] : [`${label} (rewrite): ${rewritten.reason}`];
    });
    expect(failures).toEqual([]);
  });

  it.each([
    ['a cast with ::', 'SELECT x::decimal(10,2) FROM t'],
    ['a broadcast hint', 'SELECT /*+ BROADCAST(t) */ a FROM t'],
    ['a :param marker', 'SELECT * FROM t WHERE id = :id'],
    ['a raw string with a space before it', "SELECT r'C:\\path' AS p"],
    ['replace() and a typed literal', "SELECT replace(a, 'x', 'y'), DATE '2026-01-01' FROM t"],
    ['JOIN ... USING (col)', 'SELECT * FROM a JOIN b USING (id)'],
    ['transform() with a lambda', 'SELECT transform(xs, x -> x + 1) FROM t'],
    ['a catalog called json with a plain name', 'SELECT * FROM json.sales.orders'],
    ['a URL inside a string', "SELECT * FROM t WHERE url LIKE 'https://%'"],
    ['CRLF line ends with comments', 'SELECT a, -- first\r\n  b -- second\r\nFROM t'],
  ])('%s', (_name, sql) => {
    expect(checkReadOnly(sql)).toEqual({ ok: true });
  });
});

describe('quoting of internal statements', () => {
  it('backtick-quotes every part of a 1-3 part identifier, doubling backticks', () => {
    expect(quoteName('a`b')).toBe('`a``b`');
    expect(quoteTableIdentifier('main.community.messages')).toBe('`main`.`community`.`messages`');
    expect(quoteTableIdentifier('`my cat`.`s`.`t``x`')).toBe('`my cat`.`s`.`t``x`');
    expect(quoteTableIdentifier('t')).toBe('`t`');
  });

  it.each(['a.b.c.d', '', 'a..b', 'a.b c', '`unterminated', 'a.`b`x'])('refuses the identifier %j', (identifier) => {
    expect(quoteTableIdentifier(identifier)).toBeUndefined();
  });

  it('makes pasted names harmless: the statement built from a hostile name passes the gate as one query', () => {
    const hostile = quoteTableIdentifier("`x; DROP TABLE t; --`.y/*.z'")!;
    expect(hostile).toBe("`x; DROP TABLE t; --`.`y/*`.`z'`");
    expect(checkReadOnly(`SELECT * FROM ${hostile} LIMIT 0`)).toEqual({ ok: true });
  });

  it('quotes literals both engines read alike, refusing backslashes', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral('a\\')).toBeUndefined();
  });
});
