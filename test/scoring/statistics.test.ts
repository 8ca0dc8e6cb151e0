import { describe, expect, it } from 'vitest';
import {
  binomialPmf,
  binomialUpperTail,
  convolve,
  hypergeometricPmf,
  logChoose,
  normalCdf,
  normalQuantile,
  signTest,
  tails,
  wilsonInterval,
} from '../../src/scoring/statistics.js';

/** Exact binomial coefficient with BigInt, independent of the log-factorial table. */
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let out = 1n;
  for (let i = 1; i <= k; i++) out = (out * BigInt(n - k + i)) / BigInt(i);
  return out;
}

/** P(X >= k) for Binomial(n, 1/2) as an exact fraction, then divided once. */
function fairTail(k: number, n: number): number {
  let num = 0n;
  for (let i = Math.max(0, k); i <= n; i++) num += choose(n, i);
  return Number(num) / Number(2n ** BigInt(n));
}

describe('binomial and hypergeometric laws', () => {
  it.each([
    [10, 3],
    [30, 15],
    [60, 7],
    [200, 100],
  ])('logChoose(%i, %i) matches the exact coefficient', (n, k) => {
    expect(Math.exp(logChoose(n, k)) / Number(choose(n, k))).toBeCloseTo(1, 10);
  });

  it.each([
    [12, 15],
    [5, 10],
    [0, 7],
    [7, 7],
    [31, 40],
    [20, 40],
  ])('the fair upper tail P(X >= %i), n = %i, equals a brute-force sum', (k, n) => {
    expect(binomialUpperTail(k, n, 0.5)).toBeCloseTo(fairTail(k, n), 12);
  });

  it('an unfair tail equals the direct product sum', () => {
    const n = 12;
    const p = 0.3;
    let direct = 0;
    for (let i = 5; i <= n; i++) direct += Number(choose(n, i)) * p ** i * (1 - p) ** (n - i);
    expect(binomialUpperTail(5, n, p)).toBeCloseTo(direct, 12);
    expect(binomialPmf(0, n, 0)).toBe(1);
    expect(binomialPmf(n, n, 1)).toBe(1);
  });

  it('the sign test is the one-sided exact McNemar test on discordant pairs', () => {
    // 12 of 15 discordant pairs one way: (455 + 105 + 15 + 1) / 2^15.
    expect(signTest(12, 3)).toBeCloseTo(576 / 32768, 14);
    expect(signTest(0, 0)).toBe(1);
    expect(signTest(1, 0)).toBe(0.5);
  });

  it("matches Fisher's lady tasting tea (8 cups, 4 with milk first)", () => {
    // All four right: 1/70; at least three right: 17/70 (Fisher 1935).
    expect(hypergeometricPmf(4, 8, 4, 4)).toBeCloseTo(1 / 70, 14);
    expect(hypergeometricPmf(3, 8, 4, 4) + hypergeometricPmf(4, 8, 4, 4)).toBeCloseTo(17 / 70, 14);
  });

  it('hypergeometric probabilities equal counts of subsets', () => {
    const [population, successes, draws] = [9, 4, 5];
    for (let k = 0; k <= draws; k++) {
      const exact =
        Number(choose(successes, k) * choose(population - successes, draws - k)) / Number(choose(population, draws));
      expect(hypergeometricPmf(k, population, successes, draws)).toBeCloseTo(exact, 14);
    }
    expect(hypergeometricPmf(5, 9, 4, 5)).toBe(0);
  });
});

describe('normal law', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.999, 3.090232306167813],
    [0.5, 0],
    [0.025, -1.959963984540054],
    [1e-10, -6.361340902404056],
  ])('quantile(%d) = %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 9);
  });

  it.each([
    [1.96, 0.9750021048517795],
    [-3, 0.0013498980316301],
    [0, 0.5],
    [4, 0.9999683287581669],
  ])('cdf(%d) = %d', (x, p) => {
    expect(normalCdf(x)).toBeCloseTo(p, 12);
  });
});

describe('Wilson score interval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i gives %d to %d', (k, n, low, high) => {
    const interval = wilsonInterval(k, n, 0.95);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('ends exactly at 0 and 1 for all-fail and all-pass, and is the whole range without data', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('discrete distributions', () => {
  it('convolves two dice into the triangle law and reads both tails', () => {
    const die = new Map([1, 2, 3, 4, 5, 6].map((v) => [v, 1 / 6]));
    const two = convolve(die, die);
    expect(two.get(7)).toBeCloseTo(6 / 36, 14);
    expect(two.get(2)).toBeCloseTo(1 / 36, 14);
    const { lower, upper } = tails(two, 4);
    expect(lower).toBeCloseTo(6 / 36, 14);
    expect(upper).toBeCloseTo(33 / 36, 14);
  });
});
