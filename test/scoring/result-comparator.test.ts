import { describe, expect, it } from 'vitest';
import type { Cell, QueryResult } from '../../src/ports.js';
import { compareResults, isPassingVerdict, type Verdict } from '../../src/scoring/result-comparator.js';
import { canonicalCell, normaliseDateTime } from '../../src/scoring/cell-value.js';

function result(columns: string[], rows: Cell[][], truncated = false): QueryResult {
  return { columns: columns.map((name) => ({ name, type: '' })), rows, truncated };
}

interface Case {
  name: string;
  expected: QueryResult;
  actual: QueryResult;
  orderMatters?: boolean;
  relTol?: number;
  verdict: Verdict;
  reason?: RegExp;
}

const cases: Case[] = [
  // identity and names
  {
    name: 'same rows, same order',
    expected: result(
      ['a', 'b'],
      [
        [1, 'x'],
        [2, 'y'],
      ],
    ),
    actual: result(
      ['a', 'b'],
      [
        [1, 'x'],
        [2, 'y'],
      ],
    ),
    verdict: 'exact',
  },
  {
    name: 'column names may differ',
    expected: result(['n'], [[5]]),
    actual: result(['count(1)'], [[5]]),
    verdict: 'exact',
  },
  // column order
  {
    name: 'columns swapped',
    expected: result(
      ['a', 'b'],
      [
        [1, 'x'],
        [2, 'y'],
      ],
    ),
    actual: result(
      ['b', 'a'],
      [
        ['x', 1],
        ['y', 2],
      ],
    ),
    verdict: 'equivalent',
    reason: /'a' -> 'a'/,
  },
  {
    name: 'same-valued columns swapped keep row pairing',
    expected: result(
      ['a', 'b'],
      [
        [1, 2],
        [2, 1],
        [3, 3],
      ],
    ),
    actual: result(
      ['b', 'a'],
      [
        [2, 1],
        [1, 2],
        [3, 3],
      ],
    ),
    verdict: 'exact', // rows {1,2},{2,1},{3,3} are the same multiset under identity too
  },
  {
    name: 'same column values, rows paired differently',
    expected: result(
      ['a', 'b'],
      [
        [1, 10],
        [2, 20],
      ],
    ),
    actual: result(
      ['a', 'b'],
      [
        [1, 20],
        [2, 10],
      ],
    ),
    verdict: 'mismatch',
    reason: /'b' differs at row 1/,
  },
  {
    name: 'three same-valued columns need the right permutation',
    expected: result(
      ['a', 'b', 'c'],
      [
        [1, 2, 3],
        [2, 3, 1],
        [3, 1, 2],
      ],
    ),
    actual: result(
      ['x', 'y', 'z'],
      [
        [1, 3, 2],
        [2, 1, 3],
        [3, 2, 1],
      ],
    ),
    verdict: 'equivalent',
  },
  // extra columns
  {
    name: 'extra column',
    expected: result(
      ['channel', 'n'],
      [
        ['a', 1],
        ['b', 2],
      ],
    ),
    actual: result(
      ['channel', 'id', 'n'],
      [
        ['a', 10, 1],
        ['b', 20, 2],
      ],
    ),
    verdict: 'superset',
    reason: /1 extra column/,
  },
  {
    name: 'extra column first',
    expected: result(['n'], [[7]]),
    actual: result(['label', 'n'], [['total', 7]]),
    verdict: 'superset',
  },
  {
    name: 'extra column but a value differs',
    expected: result(
      ['channel', 'n'],
      [
        ['a', 1],
        ['b', 2],
      ],
    ),
    actual: result(
      ['channel', 'id', 'n'],
      [
        ['a', 10, 1],
        ['b', 20, 3],
      ],
    ),
    verdict: 'mismatch',
    reason: /'n' has no column/,
  },
  {
    name: 'fewer columns',
    expected: result(['a', 'b'], [[1, 2]]),
    actual: result(['a'], [[1]]),
    verdict: 'mismatch',
    reason: /1 column\(s\), expected 2/,
  },
  // row order
  {
    name: 'row order ignored as multiset',
    expected: result(['a'], [[1], [2], [3]]),
    actual: result(['a'], [[3], [1], [2]]),
    verdict: 'exact',
  },
  {
    name: 'row order compared when it matters',
    expected: result(['a'], [[1], [2], [3]]),
    actual: result(['a'], [[3], [1], [2]]),
    orderMatters: true,
    verdict: 'mismatch',
    reason: /different order/,
  },
  {
    name: 'ordered and in order',
    expected: result(['a'], [[3], [2], [1]]),
    actual: result(['a'], [[3], [2], [1]]),
    orderMatters: true,
    verdict: 'exact',
  },
  {
    name: 'ordered with swapped columns',
    expected: result(
      ['a', 'b'],
      [
        [3, 'c'],
        [1, 'a'],
      ],
    ),
    actual: result(
      ['b', 'a'],
      [
        ['c', 3],
        ['a', 1],
      ],
    ),
    orderMatters: true,
    verdict: 'equivalent',
  },
  // duplicates
  {
    name: 'duplicates count',
    expected: result(['a'], [[1], [1], [2]]),
    actual: result(['a'], [[1], [2], [2]]),
    verdict: 'mismatch',
    reason: /row 2/,
  },
  {
    name: 'missing duplicate',
    expected: result(['a'], [[1], [1]]),
    actual: result(['a'], [[1]]),
    verdict: 'mismatch',
    reason: /Row counts differ: expected 2, Genie returned 1/,
  },
  {
    name: 'same duplicates',
    expected: result(['a'], [[1], [1], [2]]),
    actual: result(['a'], [[2], [1], [1]]),
    verdict: 'exact',
  },
  // numbers
  {
    name: 'float within tolerance',
    expected: result(['avg'], [[3.3333333333]]),
    actual: result(['avg'], [[3.33333334]]),
    verdict: 'exact',
  },
  {
    name: 'float outside tolerance',
    expected: result(['avg'], [[3.3333]]),
    actual: result(['avg'], [[3.34]]),
    verdict: 'mismatch',
    reason: /expected 3.3333, got 3.34/,
  },
  {
    name: 'looser tolerance',
    expected: result(['avg'], [[3.3333]]),
    actual: result(['avg'], [[3.34]]),
    relTol: 0.01,
    verdict: 'exact',
  },
  { name: 'integer vs float', expected: result(['n'], [[3]]), actual: result(['n'], [[3.0]]), verdict: 'exact' },
  {
    name: 'numeric strings vs numbers',
    expected: result(['n', 'avg'], [[42, 1.5]]),
    actual: result(['n', 'avg'], [['42', '1.50']]),
    verdict: 'exact',
  },
  { name: 'near zero float noise', expected: result(['d'], [[0]]), actual: result(['d'], [[1e-17]]), verdict: 'exact' },
  {
    name: 'tolerance does not break sorting',
    expected: result(
      ['x', 'k'],
      [
        [1.0, 'b'],
        [1.0000000001, 'a'],
      ],
    ),
    actual: result(
      ['x', 'k'],
      [
        [1.0000000001, 'b'],
        [1.0, 'a'],
      ],
    ),
    verdict: 'exact',
  },
  // nulls
  {
    name: 'nulls equal nulls',
    expected: result(
      ['a', 'b'],
      [
        [null, 1],
        [2, null],
      ],
    ),
    actual: result(
      ['a', 'b'],
      [
        [2, null],
        [null, 1],
      ],
    ),
    verdict: 'exact',
  },
  {
    name: 'null vs zero',
    expected: result(['a'], [[null]]),
    actual: result(['a'], [[0]]),
    verdict: 'mismatch',
    reason: /expected NULL, got 0/,
  },
  {
    name: 'null vs empty string',
    expected: result(['a'], [[null]]),
    actual: result(['a'], [['']]),
    verdict: 'mismatch',
  },
  // dates
  {
    name: 'date vs midnight timestamp',
    expected: result(['d'], [['2026-01-05']]),
    actual: result(['d'], [['2026-01-05T00:00:00Z']]),
    verdict: 'exact',
  },
  {
    name: 'date vs space timestamp',
    expected: result(['d'], [['2026-01-05']]),
    actual: result(['d'], [['2026-01-05 00:00:00']]),
    verdict: 'exact',
  },
  {
    name: 'timestamp with millis and zone',
    expected: result(['t'], [['2026-01-05 09:30:00']]),
    actual: result(['t'], [['2026-01-05T18:30:00.000+09:00']]),
    verdict: 'exact',
  },
  {
    name: 'different days',
    expected: result(['d'], [['2026-01-05']]),
    actual: result(['d'], [['2026-01-06']]),
    verdict: 'mismatch',
  },
  {
    name: 'date vs non-midnight timestamp',
    expected: result(['d'], [['2026-01-05']]),
    actual: result(['d'], [['2026-01-05 12:00:00']]),
    verdict: 'mismatch',
  },
  // booleans
  {
    name: 'booleans vs 0/1',
    expected: result(['p'], [[true], [false]]),
    actual: result(['p'], [[0], [1]]),
    verdict: 'exact',
  },
  { name: 'boolean strings', expected: result(['p'], [[true]]), actual: result(['p'], [['true']]), verdict: 'exact' },
  // empty
  {
    name: 'empty vs empty',
    expected: result(['a'], []),
    actual: result(['a', 'b'], []),
    verdict: 'exact',
    reason: /empty/,
  },
  {
    name: 'empty vs rows',
    expected: result(['a'], []),
    actual: result(['a'], [[1]]),
    verdict: 'mismatch',
    reason: /expected 0, Genie returned 1/,
  },
  { name: 'rows vs empty', expected: result(['a'], [[1]]), actual: result(['a'], []), verdict: 'mismatch' },
  // truncation is mentioned
  {
    name: 'truncated result noted',
    expected: result(['a'], [[1], [2]], true),
    actual: result(['a'], [[1]]),
    verdict: 'mismatch',
    reason: /expected result was truncated/,
  },
];

describe('compareResults', () => {
  it.each(cases)('$name -> $verdict', (c) => {
    const out = compareResults(c.expected, c.actual, { orderMatters: c.orderMatters ?? false, relTol: c.relTol });
    expect(out.verdict).toBe(c.verdict);
    expect(out.reason.length).toBeGreaterThan(0);
    if (c.reason) expect(out.reason).toMatch(c.reason);
  });

  it('compares 10,000-row results quickly, in any row order', () => {
    const rows: Cell[][] = Array.from({ length: 10_000 }, (_, i) => [
      i % 97,
      `m${i}`,
      i * 0.5,
      `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
    ]);
    const shuffled = [...rows].reverse().map((r) => [r[3], r[1], String(r[0]), r[2]] as Cell[]);
    const t0 = performance.now();
    const out = compareResults(result(['a', 'b', 'c', 'd'], rows), result(['d', 'b', 'a', 'c'], shuffled), {
      orderMatters: false,
    });
    const elapsed = performance.now() - t0;
    expect(out.verdict).toBe('equivalent');
    expect(elapsed).toBeLessThan(2000);
  });

  it('gives up on mapping search after a bound when many columns hold the same values', () => {
    const width = 9;
    const expected = result(
      Array.from({ length: width }, (_, i) => `c${i}`),
      [Array.from({ length: width }, () => 1), Array.from({ length: width }, () => 2)],
    );
    const actual = result(
      Array.from({ length: width }, (_, i) => `c${i}`),
      [
        Array.from({ length: width }, (_, i) => (i === 0 ? 2 : 1)),
        Array.from({ length: width }, (_, i) => (i === 0 ? 1 : 2)),
      ],
    );
    const t0 = performance.now();
    expect(compareResults(expected, actual, { orderMatters: false }).verdict).toBe('mismatch');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('isPassingVerdict', () => {
  it.each([
    ['exact', true],
    ['equivalent', true],
    ['superset', true],
    ['mismatch', false],
    [null, false],
  ] as const)('%s -> %s', (verdict, passing) => {
    expect(isPassingVerdict(verdict)).toBe(passing);
  });
});

describe('cell canonicalisation', () => {
  it.each([
    ['2026-01-05', '2026-01-05'],
    ['2026-01-05T00:00:00Z', '2026-01-05'],
    ['2026-01-05 00:00:00.000', '2026-01-05'],
    ['2026-01-05T09:00:00+09:00', '2026-01-05'],
    ['2026-01-05 10:11:12', '2026-01-05T10:11:12.000Z'],
    ['not a date', null],
  ])('normaliseDateTime(%s) = %s', (input, expected) => {
    expect(normaliseDateTime(input)).toBe(expected);
  });

  it.each([
    [null, null],
    [true, 1],
    ['FALSE', 0],
    [' 12.50 ', 12.5],
    ['1e3', 1000],
    ['007', 7],
    ['KR', 'KR'],
    [-0, 0],
  ] as const)('canonicalCell(%j) = %j', (input, expected) => {
    expect(canonicalCell(input)).toBe(expected);
  });
});
