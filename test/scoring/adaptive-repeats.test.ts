import { describe, expect, it } from 'vitest';
import {
  assessLook,
  pairOutcomes,
  runAdaptiveRepeats,
  sequentialBounds,
  type SequentialPlan,
} from '../../src/scoring/adaptive-repeats.js';
import type { PairedOutcomes } from '../../src/scoring/paired-test.js';
import { buildScorecard, summarizeQuestion, type RepeatResult } from '../../src/scoring/scorecard.js';
import { bench } from './fakes.js';

const T = true;
const F = false;
const worse: SequentialPlan = { direction: 'worse', tolerance: 0 };

/** Two sides whose every ask of question i passes with a fixed outcome (a deterministic engine). */
function deterministic(head: boolean[], base: boolean[]) {
  const outcomes = head.map((h, i) => ({ id: `q${i}`, head: [h], base: [base[i]] }));
  const reasked: string[][] = [];
  return {
    reasked,
    sides: {
      outcomes: () => outcomes.map((o) => ({ ...o, head: [...o.head], base: [...o.base] })),
      reask: async (ids: string[]) => {
        reasked.push(ids);
        for (const o of outcomes)
          if (ids.includes(o.id)) {
            o.head.push(o.head[0]);
            o.base.push(o.base[0]);
          }
      },
    },
  };
}

describe('sequential bounds', () => {
  it('spends 0.001 per interim look and keeps the rest of alpha for the last', () => {
    expect(sequentialBounds(0.95, 3).interim).toBe(0.001);
    expect(sequentialBounds(0.95, 3).final).toBeCloseTo(0.047, 12);
    expect(sequentialBounds(0.95, 0).final).toBeCloseTo(0.05, 12);
    expect(sequentialBounds(0.99, 3).interim).toBeCloseTo(0.001, 12);
    expect(sequentialBounds(0.99, 3).final).toBeCloseTo(0.007, 12);
  });
});

describe('adaptive repeats', () => {
  it('re-asks only the disagreeing question until its consistent drop is significant (p = 1/40)', async () => {
    const same = Array.from({ length: 20 }, (_, i) => i % 3 !== 0);
    const { sides, reasked } = deterministic([F, ...same], [T, ...same]);
    const result = await runAdaptiveRepeats(worse, sides);
    expect(reasked).toEqual([['q0'], ['q0'], ['q0']]);
    expect(result).toMatchObject({ rounds: 3, reasked: 3, look: 4, stop: 'last-look', significant: true });
    expect(result.p).toBeCloseTo(1 / 40, 12);
    expect(result.test.estimate).toBeCloseTo(-1 / 21, 12);
  });

  it('stops at once when nothing disagrees', async () => {
    const { sides, reasked } = deterministic([T, F, T], [T, F, T]);
    const result = await runAdaptiveRepeats(worse, sides);
    expect(reasked).toEqual([]);
    expect(result).toMatchObject({ rounds: 0, stop: 'settled', significant: false, p: 1 });
  });

  it('stops for futility when the evidence points away from the tested direction', async () => {
    const { sides, reasked } = deterministic([T, T, F], [F, F, F]);
    const result = await runAdaptiveRepeats(worse, sides);
    expect(reasked).toEqual([]);
    expect(result).toMatchObject({ rounds: 0, stop: 'futile', significant: false });
    const gain = await runAdaptiveRepeats({ direction: 'better', tolerance: 0 }, sides);
    expect(gain).toMatchObject({ significant: true });
  });

  it('stops early when an interim look is already beyond doubt (p <= 0.001)', async () => {
    const { sides, reasked } = deterministic(new Array<boolean>(12).fill(F), new Array<boolean>(12).fill(T));
    const result = await runAdaptiveRepeats(worse, sides);
    // One ask a side: 2^-12 = 0.00024 is below the interim bound.
    expect(reasked).toEqual([]);
    expect(result).toMatchObject({ look: 1, stop: 'significant', significant: true });
  });

  it('never calls a significant drop within the tolerance a significant result', () => {
    const outcomes: PairedOutcomes[] = Array.from({ length: 100 }, (_, i) => ({
      id: `q${i}`,
      head: [i >= 12],
      base: [true],
    }));
    // 12 of 100 worse: p = 2^-12, but a drop of 12 points is within a 0.2 tolerance.
    const look = assessLook(outcomes, { direction: 'worse', tolerance: 0.2 }, 1);
    expect(look.p).toBeLessThan(0.001);
    expect(look.significant).toBe(false);
    expect(look.stop).toBeUndefined();
    expect(look.reask).toHaveLength(12);
  });

  it('re-asks flaky questions too, never beyond the maximum, and with max-repeats 0 decides on one look', () => {
    const flaky: PairedOutcomes[] = [
      { id: 'a', head: [T, F], base: [T, T] },
      { id: 'b', head: [T, T], base: [T, T] },
      { id: 'c', head: [F, T, F, F], base: [T, T, T, T] },
    ];
    const look = assessLook(flaky, worse, 2);
    expect(look.reask).toEqual(['a']);
    const single = assessLook(flaky, { ...worse, maxRepeats: 0 }, 1);
    expect(single).toMatchObject({ look: 1, looks: 1, stop: 'last-look', reask: [] });
    expect(single.bound).toBeCloseTo(0.05, 12);
  });

  it('shows an interval whose ends are the bound this look decides with', () => {
    const outcomes: PairedOutcomes[] = [
      ...Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, head: [T], base: [F] })),
      ...Array.from({ length: 2 }, (_, i) => ({ id: `w${i}`, head: [F], base: [T] })),
      ...Array.from({ length: 44 }, (_, i) => ({ id: `s${i}`, head: [T], base: [T] })),
    ];
    const look = assessLook(outcomes, worse, 1);
    expect(look.test.confidence).toBeCloseTo(0.998, 12);
    // Eight net better by one ask each: a fixed-design 95% interval would exclude 0, this one does not.
    expect(look.test.interval.low).toBeLessThan(0);
    expect(look.stop).toBe('futile');
  });
});

describe('pairOutcomes', () => {
  const rep = (passed: boolean): RepeatResult => ({
    passed,
    verdict: passed ? 'exact' : 'mismatch',
    category: passed ? null : 'wrong_filter',
    genieSql: 'SELECT 1',
    durationMs: 1,
    attempts: 1,
  });
  const card = (entries: Array<[string, string, boolean[], string?]>) =>
    buildScorecard({
      space: 's',
      configHash: 'c',
      benchmarksHash: 'b',
      backend: 'test',
      repeats: 1,
      questions: entries.map(([id, question, asks, broken]) =>
        summarizeQuestion(
          bench(id, question, 'SELECT 1', id.startsWith('h') ? 'holdout' : 'train'),
          asks.map(rep),
          broken,
        ),
      ),
      calls: { genie: 0, statements: 0, retries: 0, rateLimited: 0 },
      durationMs: 0,
      startedAt: '',
    });

  it('pairs the questions asked in both cards, with the same text, that are not broken benchmarks', () => {
    const head = card([
      ['t1', 'one', [F, T]],
      ['t2', 'two, reworded', [T]],
      ['t3', 'three', [T], 'no such table'],
      ['h1', 'holdout', [F]],
      ['t5', 'new', [T]],
    ]);
    const base = card([
      ['t1', 'one', [T]],
      ['t2', 'two', [T]],
      ['t3', 'three', [T]],
      ['h1', 'holdout', [T]],
    ]);
    expect(pairOutcomes(head, base)).toEqual([
      { id: 't1', head: [F, T], base: [T] },
      { id: 'h1', head: [F], base: [T] },
    ]);
    expect(pairOutcomes(head, base, (q) => q.split === 'train').map((p) => p.id)).toEqual(['t1']);
  });
});
