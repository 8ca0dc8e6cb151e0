/**
 * Post-deploy verification's pure parts: the fixed stratified smoke sample, the verdict against a
 * published score (exact binomial, max-regression, errored questions left out, inconclusive past
 * max-errored), no baseline, and parsing the score statuses the PR check and enhance publish.
 */
import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../../src/benchmarks/types.js';
import { parseScoreStatus } from '../../src/commands/deploy-baseline.js';
import { judgeAgainstScore, noBaseline } from '../../src/scoring/live-verdict.js';
import { buildScorecard, summarizeQuestion, type Scorecard } from '../../src/scoring/scorecard.js';
import { smokeSample } from '../../src/scoring/smoke-sample.js';

const settings = { maxRegression: 0.05, confidence: 0.95, maxErrored: 0.1 };

function bench(id: string, split: Benchmark['split'], tag?: string): Benchmark {
  return { id, question: `question ${id}`, sql: `SELECT ${id.length}`, split, tags: tag ? [tag] : [] };
}

/** A card with `passed` passes, `failed` fails and `errored` outages (train questions). */
function card(passed: number, failed: number, errored = 0): Scorecard {
  const outcomes = [
    ...Array(passed).fill('pass'),
    ...Array(failed).fill('fail'),
    ...Array(errored).fill('errored'),
  ] as Array<'pass' | 'fail' | 'errored'>;
  const questions = outcomes.map((o, i) =>
    summarizeQuestion(bench(`q${i}`, 'train'), [
      {
        passed: o === 'pass',
        verdict: o === 'pass' ? 'exact' : o === 'fail' ? 'mismatch' : null,
        category: o === 'fail' ? 'result_mismatch' : null,
        genieSql: null,
        durationMs: 1,
        attempts: 1,
        ...(o === 'errored' ? { errored: true } : {}),
      },
    ]),
  );
  return buildScorecard({
    space: 's',
    configHash: 'c',
    benchmarksHash: 'b',
    backend: 'local',
    repeats: 1,
    questions,
    calls: { genie: 0, statements: 0, retries: 0, rateLimited: 0 },
    durationMs: 0,
    startedAt: new Date(0).toISOString(),
  });
}

describe('smoke sample', () => {
  const benchmarks = [
    ...Array.from({ length: 12 }, (_, i) => bench(`t${i}`, 'train', i % 2 ? 'counts' : 'totals')),
    ...Array.from({ length: 6 }, (_, i) => bench(`h${i}`, 'holdout', 'totals')),
    bench('rare', 'holdout', 'joins'),
  ];

  it('is fixed, in benchmark order, and covers both splits and every category', () => {
    const a = smokeSample(benchmarks, 5);
    expect(a).toHaveLength(5);
    expect(
      smokeSample([...benchmarks].reverse(), 5)
        .map((b) => b.id)
        .sort(),
    ).toEqual(a.map((b) => b.id).sort());
    expect(a.map((b) => benchmarks.indexOf(b))).toEqual([...a.map((b) => benchmarks.indexOf(b))].sort((x, y) => x - y));
    expect(new Set(a.map((b) => `${b.split}/${b.tags[0]}`))).toEqual(
      new Set(['train/totals', 'train/counts', 'holdout/totals', 'holdout/joins']),
    );
  });

  it('asks everything when the sample is as large as the benchmarks', () => {
    expect(smokeSample(benchmarks, 100)).toEqual(benchmarks);
  });
});

describe('verdict against a published score', () => {
  const baseline = { kind: 'score' as const, source: 'a status', train: 0.9, holdout: 0.9 };

  it('a drop far below the published rate is a regression', () => {
    const v = judgeAgainstScore(card(3, 7), baseline, settings);
    expect(v.verdict).toBe('regression');
    expect(v.liveScore).toBeCloseTo(0.3);
    expect(v.expectedScore).toBeCloseTo(0.9);
    expect(v.summary).toMatch(/one-sided exact binomial p = 0\.0000|p < 0\.0001/);
  });

  it('a small or insignificant drop verifies', () => {
    expect(judgeAgainstScore(card(8, 2), baseline, settings).verdict).toBe('verified');
    // 9 of 10 with an expected 90%: no drop at all.
    expect(judgeAgainstScore(card(9, 1), baseline, settings).verdict).toBe('verified');
  });

  it('errored questions never count, and past max-errored the verdict is inconclusive', () => {
    // 9 answered, all passing, 1 errored (10%, at the limit): verified on the answered ones.
    expect(judgeAgainstScore(card(9, 0, 1), baseline, settings)).toMatchObject({ verdict: 'verified', liveScore: 1 });
    const v = judgeAgainstScore(card(1, 2, 7), baseline, settings);
    expect(v.verdict).toBe('inconclusive');
    expect(v.summary).toMatch(/7 of 10 questions \(70\.0%\) errored on the live space/);
  });

  it('without a baseline the live score is reported, never judged', () => {
    expect(noBaseline(card(1, 9), settings, 'nothing stored')).toMatchObject({
      verdict: 'no-baseline',
      liveScore: 0.1,
    });
  });
});

describe('score statuses', () => {
  it("reads the PR check's and enhance's descriptions", () => {
    expect(parseScoreStatus('score 80.0% (8/10), train 83.3%, holdout 75.0%')).toEqual({
      all: 0.8,
      train: 0.833,
      holdout: 0.75,
    });
    expect(parseScoreStatus('train 62.5% (+12.5), holdout 50.0% (+0.0)')).toEqual({
      all: undefined,
      train: 0.625,
      holdout: 0.5,
    });
    expect(parseScoreStatus('all good')).toBeUndefined();
  });
});
