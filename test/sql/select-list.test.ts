import { describe, expect, it } from 'vitest';
import { selectItems } from '../../src/sql/select-list.js';

describe('selectItems', () => {
  it.each([
    ['plain columns', 'SELECT a, t.b FROM t', [{ text: 'a' }, { text: 't.b' }]],
    [
      'AS aliases',
      'SELECT count(*) AS n, sum(x) AS `total x` FROM t',
      [
        { text: 'count(*)', alias: 'n' },
        { text: 'sum(x)', alias: 'total x' },
      ],
    ],
    [
      'aliases without AS',
      'SELECT count(*) n, a b FROM t',
      [
        { text: 'count(*)', alias: 'n' },
        { text: 'a', alias: 'b' },
      ],
    ],
    ['commas inside calls', 'SELECT coalesce(a, b), x FROM t', [{ text: 'coalesce(a, b)' }, { text: 'x' }]],
    ['DISTINCT', 'SELECT DISTINCT a FROM t', [{ text: 'a' }]],
    ['CASE ... END is not an alias', 'SELECT CASE WHEN a THEN 1 END FROM t', [{ text: 'CASE WHEN a THEN 1 END' }]],
    ['NOT x is not an alias', 'SELECT NOT x FROM t', [{ text: 'NOT x' }]],
    ['interval unit is not an alias', 'SELECT d - INTERVAL 7 DAYS', [{ text: 'd - INTERVAL 7 DAYS' }]],
    ['the outer select after a CTE', 'WITH c AS (SELECT 1 AS z) SELECT z + 1 FROM c', [{ text: 'z + 1' }]],
    ['no FROM', 'SELECT 1, 2;', [{ text: '1' }, { text: '2' }]],
    ['not a query', 'DELETE FROM t', []],
  ])('%s', (_name, sql, expected) => {
    expect(selectItems(sql)).toEqual(expected);
  });
});
