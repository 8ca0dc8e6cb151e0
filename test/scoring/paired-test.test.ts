import { describe, expect, it } from 'vitest';
import { pairedTest, type PairedOutcomes } from '../../src/scoring/paired-test.js';
import { signTest } from '../../src/scoring/statistics.js';

const T = true;
const F = false;
const q = (id: string, head: boolean[], base: boolean[]): PairedOutcomes => ({ id, head, base });

/** Every way to place `k` passes among `n` slots, as boolean vectors. */
function placements(n: number, k: number): boolean[][] {
  if (k < 0 || k > n) return [];
  if (n === 0) return [[]];
  return [...placements(n - 1, k - 1).map((p) => [T, ...p]), ...placements(n - 1, k).map((p) => [F, ...p])];
}

const passes = (a: readonly boolean[]) => a.filter(Boolean).length;

/**
 * Brute force, independent of the module: list every equally likely arrangement of each
 * question's asks under the null (block by block), and count the share whose total rate
 * difference is at most / at least the observed one.
 */
function bruteForce(questions: PairedOutcomes[], screening?: number): { pWorse: number; pBetter: number } {
  const perQuestion = questions.map((x) => {
    const nH = x.head.length;
    const nB = x.base.length;
    const blocks: Array<{ nH: number; nB: number; k: number; screened: boolean }> = [];
    if (screening !== undefined && (nH > screening || nB > screening)) {
      blocks.push({
        nH: screening,
        nB: screening,
        k: passes(x.head.slice(0, screening)) + passes(x.base.slice(0, screening)),
        screened: true,
      });
      blocks.push({
        nH: nH - screening,
        nB: nB - screening,
        k: passes(x.head.slice(screening)) + passes(x.base.slice(screening)),
        screened: false,
      });
    } else blocks.push({ nH, nB, k: passes(x.head) + passes(x.base), screened: false });
    // Head's pass counts over all arrangements, block by block.
    let heads: number[] = [0];
    for (const block of blocks) {
      const counts = placements(block.nH + block.nB, block.k)
        .filter((slots) => {
          if (!block.screened) return true;
          const h = passes(slots.slice(0, block.nH));
          const b = passes(slots.slice(block.nH));
          return h !== b || (h > 0 && h < block.nH) || (b > 0 && b < block.nB);
        })
        .map((slots) => passes(slots.slice(0, block.nH)));
      heads = heads.flatMap((h) => counts.map((c) => h + c));
    }
    const total = passes(x.head) + passes(x.base);
    return heads.map((h) => h / nH - (total - h) / nB);
  });
  const observed = questions.reduce((s, x) => s + passes(x.head) / x.head.length - passes(x.base) / x.base.length, 0);
  let sums: number[] = [0];
  for (const values of perQuestion) sums = sums.flatMap((s) => values.map((v) => s + v));
  const eps = 1e-9;
  return {
    pWorse: sums.filter((s) => s <= observed + eps).length / sums.length,
    pBetter: sums.filter((s) => s >= observed - eps).length / sums.length,
  };
}

describe('pairedTest', () => {
  it.each([
    [5, 1, 20],
    [3, 3, 10],
    [0, 4, 2],
    [9, 6, 41],
  ])('with one ask a side equals the sign test (%i worse, %i better, %i concordant)', (worse, better, same) => {
    const qs: PairedOutcomes[] = [
      ...Array.from({ length: worse }, (_, i) => q(`w${i}`, [F], [T])),
      ...Array.from({ length: better }, (_, i) => q(`b${i}`, [T], [F])),
      ...Array.from({ length: same }, (_, i) => q(`s${i}`, [i % 2 === 0], [i % 2 === 0])),
    ];
    const test = pairedTest(qs);
    expect(test.pWorse).toBeCloseTo(signTest(worse, better), 12);
    expect(test.pBetter).toBeCloseTo(signTest(better, worse), 12);
    expect(test.estimate).toBeCloseTo((better - worse) / (worse + better + same), 12);
    expect(test.discordant).toHaveLength(worse + better);
    // Adaptive screening with nothing re-asked is the same test.
    expect(pairedTest(qs, { screeningAsks: 1 }).pWorse).toBeCloseTo(test.pWorse, 12);
  });

  it('one question failing every ask on head and passing every ask on base', () => {
    const fixed3 = pairedTest([q('x', [F, F, F], [T, T, T])]);
    expect(fixed3.pWorse).toBeCloseTo(1 / 20, 12); // 1 / C(6, 3)
    // Re-asked because the first asks disagreed: the first pair is a coin, the re-asks hypergeometric.
    expect(pairedTest([q('x', [F, F, F], [T, T, T])], { screeningAsks: 1 }).pWorse).toBeCloseTo(1 / 12, 12);
    expect(pairedTest([q('x', [F, F, F, F], [T, T, T, T])], { screeningAsks: 1 }).pWorse).toBeCloseTo(1 / 40, 12);
    expect(pairedTest([q('x', [F, F, F, F], [T, T, T, T])]).pWorse).toBeCloseTo(1 / 70, 12); // pooled: C(8, 4)
    expect(fixed3.estimate).toBe(-1);
  });

  const mixed: PairedOutcomes[] = [
    q('a', [F, T, F], [T, T, T]),
    q('b', [T, F, T], [F, F, T]),
    q('c', [F, F, F], [T, F, T]),
    q('d', [T], [T]),
    q('e', [F], [T]),
    q('f', [T, T], [F, T]),
  ];

  it('equals brute-force enumeration of the null arrangements, fixed design', () => {
    const test = pairedTest(mixed);
    const brute = bruteForce(mixed);
    expect(test.pWorse).toBeCloseTo(brute.pWorse, 12);
    expect(test.pBetter).toBeCloseTo(brute.pBetter, 12);
  });

  it('equals brute-force enumeration of the null arrangements, adaptive re-asks', () => {
    const test = pairedTest(mixed, { screeningAsks: 1 });
    const brute = bruteForce(mixed, 1);
    expect(test.pWorse).toBeCloseTo(brute.pWorse, 12);
    expect(test.pBetter).toBeCloseTo(brute.pBetter, 12);
  });

  it('equals brute-force enumeration with two screening asks a side', () => {
    const two = [q('a', [T, F, F, F], [T, T, T, F]), q('b', [F, F], [T, T]), q('c', [T, T, F], [F, T, F])];
    const test = pairedTest(two, { screeningAsks: 2 });
    const brute = bruteForce(two, 2);
    expect(test.pWorse).toBeCloseTo(brute.pWorse, 12);
    expect(test.pBetter).toBeCloseTo(brute.pBetter, 12);
  });

  it('estimates the mean per-question pass-rate difference with an interval around it', () => {
    const test = pairedTest(mixed, { screeningAsks: 1, confidence: 0.9 });
    const diffs = [1 / 3 - 1, 2 / 3 - 1 / 3, 0 - 2 / 3, 0, -1, 1 - 1 / 2];
    expect(test.estimate).toBeCloseTo(diffs.reduce((a, b) => a + b, 0) / 6, 12);
    expect(test.interval.low).toBeLessThan(test.estimate);
    expect(test.interval.high).toBeGreaterThan(test.estimate);
    expect(test.confidence).toBe(0.9);
    const wider = pairedTest(mixed, { screeningAsks: 1, confidence: 0.99 });
    expect(wider.interval.high - wider.interval.low).toBeGreaterThan(test.interval.high - test.interval.low);
    expect(test.discordant).toEqual(['a', 'b', 'c', 'e', 'f']);
  });

  it('with nothing discordant: estimate 0, a point interval and p = 1 both ways', () => {
    const test = pairedTest([q('a', [T], [T]), q('b', [F, F], [F, F])]);
    expect(test).toMatchObject({ estimate: 0, pWorse: 1, pBetter: 1, discordant: [], questions: 2 });
    expect(test.interval).toEqual({ low: 0, high: 0 });
  });

  it('leaves out questions not asked on both sides', () => {
    const test = pairedTest([q('a', [F], [T]), q('b', [], [T]), q('c', [T], [])]);
    expect(test.questions).toBe(1);
    expect(test.discordant).toEqual(['a']);
  });
});
