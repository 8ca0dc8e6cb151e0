import { describe, expect, it } from 'vitest';
import { significant, tokenize } from '../../src/sql/tokenize.js';

const kinds = (sql: string, flavour: 'sqlite' | 'spark' = 'sqlite') =>
  significant(tokenize(sql, flavour)).map((t) => `${t.type}:${t.text}`);

describe('tokenize', () => {
  it('round-trips the input exactly', () => {
    const sql = "SELECT `a b`, \"c\", 'it''s' -- note\n FROM t /* x */ WHERE n >= 1.5e3;";
    expect(
      tokenize(sql)
        .map((t) => t.text)
        .join(''),
    ).toBe(sql);
  });

  it.each([
    [
      'words, symbols and numbers',
      'SELECT a.b, 1.5 FROM t',
      ['word:SELECT', 'word:a', 'symbol:.', 'word:b', 'symbol:,', 'number:1.5', 'word:FROM', 'word:t'],
    ],
    [
      'two-character operators',
      'a <= b <> c || d',
      ['word:a', 'symbol:<=', 'word:b', 'symbol:<>', 'word:c', 'symbol:||', 'word:d'],
    ],
    ['quoted identifiers', '`x`.`y` "z"', ['quoted:`x`', 'symbol:.', 'quoted:`y`', 'quoted:"z"']],
    ['strings with doubled quotes', "'a''b'", ["string:'a''b'"]],
    ['non-ASCII words', 'SELECT 채널 FROM t', ['word:SELECT', 'word:채널', 'word:FROM', 'word:t']],
  ])('%s', (_name, sql, expected) => {
    expect(kinds(sql)).toEqual(expected);
  });

  it('unquotes values', () => {
    const [ident, str] = significant(tokenize("`a``b` 'c''d'"));
    expect(ident.value).toBe('a`b');
    expect(str.value).toBe("c'd");
  });

  it('differs between SQLite and Spark where the engines do', () => {
    expect(kinds('"x"', 'sqlite')).toEqual(['quoted:"x"']);
    expect(kinds('"x"', 'spark')).toEqual(['string:"x"']);
    expect(kinds("'a\\'b'", 'spark')).toEqual(["string:'a\\'b'"]);
    expect(kinds("'a\\'b'", 'sqlite')).toEqual(["string:'a\\'", 'word:b', "string:'"]);
    expect(tokenize('/* a /* b */ c */', 'spark')).toHaveLength(1);
    expect(tokenize('/* a /* b */ c */', 'sqlite').length).toBeGreaterThan(1);
  });

  it('marks unterminated strings and comments', () => {
    expect(tokenize("SELECT 'open").at(-1)?.unterminated).toBe(true);
    expect(tokenize('SELECT /* open').at(-1)?.unterminated).toBe(true);
    expect(tokenize("SELECT 'closed'").at(-1)?.unterminated).toBeUndefined();
  });
});
