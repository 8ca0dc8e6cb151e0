import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkThresholds } from '../../src/commands/pr-score.js';
import { readCachedScorecard, writeCachedScorecard } from '../../src/commands/scorecard-cache.js';
import { inconclusiveVerdict } from '../../src/scoring/errored-gate.js';
import type { QuestionScore, Scorecard } from '../../src/scoring/scorecard.js';
import { emptyCategoryCounts, scorecardTotals } from '../../src/scoring/scorecard.js';

/** Ten questions q0..q9; the first round(score * 10) pass, the `errored` ones have no answer. */
function card(score: number, hashes: { config?: string; bench?: string; errored?: string[] } = {}): Scorecard {
  const passing = Math.round(score * 10);
  const questions: QuestionScore[] = Array.from({ length: 10 }, (_, i) => {
    const errored = hashes.errored?.includes(`q${i}`) ?? false;
    const passed = !errored && i < passing;
    return {
      id: `q${i}`,
      question: `question ${i}`,
      split: 'train',
      tags: [],
      passed,
      passRate: passed ? 1 : 0,
      errored,
      taught: false,
      verdict: passed ? 'exact' : null,
      category: passed ? null : 'api_error',
      genieSql: null,
      expectedSql: 'SELECT 1',
      attempts: 1,
      durationMs: 1,
      repeats: [],
    };
  });
  return {
    space: 'demo',
    configHash: hashes.config ?? 'c'.repeat(64),
    benchmarksHash: hashes.bench ?? 'b'.repeat(64),
    backend: 'local',
    repeats: 1,
    totals: scorecardTotals(questions),
    categories: emptyCategoryCounts(),
    questions,
    calls: { genie: 0, statements: 0, retries: 0, rateLimited: 0 },
    durationMs: 1,
    startedAt: '2026-11-01T00:00:00Z',
  };
}

describe('PR score thresholds', () => {
  it.each([
    ['no limits', 0.5, 0.9, {}, 0],
    ['above min-score', 0.8, undefined, { minScore: 0.7 }, 0],
    ['below min-score', 0.6, undefined, { minScore: 0.7 }, 1],
    ['equal to base with max-regression 0', 0.7, 0.7, { maxRegression: 0 }, 0],
    ['float noise is not a regression', 0.1 + 0.2, 0.3, { maxRegression: 0 }, 0],
    ['a drop within the allowance', 0.68, 0.7, { maxRegression: 0.05 }, 0],
    ['a drop beyond the allowance', 0.6, 0.7, { maxRegression: 0.05 }, 1],
    ['both broken', 0.3, 0.9, { minScore: 0.5, maxRegression: 0 }, 2],
    ['no base: regression cannot be judged', 0.3, undefined, { maxRegression: 0 }, 0],
  ])('%s', (_name, head, base, limits, failures) => {
    expect(checkThresholds(card(head), base === undefined ? undefined : card(base), limits)).toHaveLength(failures);
  });

  it('scores over answered questions and compares head and base on the questions answered in both', () => {
    // Head: 7 of 10 pass, but q0 and q1 (passing on base) errored on head: 5 of 8 answered pass.
    const head = card(0.7, { errored: ['q0', 'q1'] });
    expect(head.totals.all).toMatchObject({ passed: 5, total: 10, answered: 8, errored: 2, score: 5 / 8 });
    // Base passes q0..q6: on the 8 questions answered in both, 5 pass on each side: no regression.
    expect(checkThresholds(head, card(0.7), { maxRegression: 0 })).toEqual([]);
    // A real regression among the answered questions still fails, and says on what it was measured.
    const worse = checkThresholds(card(0.5, { errored: ['q0'] }), card(0.7), { maxRegression: 0 });
    expect(worse).toHaveLength(1);
    expect(worse[0]).toMatch(/on the 9 questions answered in both/);
  });

  it('is inconclusive, naming the errored questions, when more than max-errored errored on either side', () => {
    const head = card(0.9);
    const base = card(0.9, { errored: ['q3', 'q4'] });
    expect(inconclusiveVerdict([{ label: 'head', card: head }], 0.1)).toBeUndefined();
    const verdict = inconclusiveVerdict(
      [
        { label: 'head', card: head },
        { label: 'base', card: base },
      ],
      0.1,
    );
    expect(verdict?.sides.map((s) => [s.label, s.ids])).toEqual([['base', ['q3', 'q4']]]);
    expect(verdict?.message).toMatch(/2 of 10 questions \(20\.0%\) errored on base: q3, q4/);
    // At the limit (1 of 10 = 10%) the gate still decides.
    expect(inconclusiveVerdict([{ label: 'head', card: card(0.9, { errored: ['q1'] }) }], 0.1)).toBeUndefined();
  });
});

describe('scorecard cache', () => {
  it('returns a card only when config hash, benchmark hash and backend all match', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'genie-gitops-cache-'));
    try {
      const stored = card(0.7);
      writeCachedScorecard(dir, stored);
      const key = {
        space: 'demo',
        configHash: stored.configHash,
        benchmarksHash: stored.benchmarksHash,
        backend: 'local',
      };
      expect(readCachedScorecard(dir, key)?.totals.all.score).toBe(0.7);
      expect(readCachedScorecard(dir, { ...key, benchmarksHash: 'd'.repeat(64) })).toBeUndefined();
      expect(readCachedScorecard(dir, { ...key, configHash: 'e'.repeat(64) })).toBeUndefined();
      expect(readCachedScorecard(dir, { ...key, backend: 'databricks' })).toBeUndefined();
      // A damaged entry is a miss, not an error.
      writeFileSync(path.join(dir, 'demo', `local-${'c'.repeat(20)}-${'b'.repeat(20)}.json`), '{not json');
      expect(readCachedScorecard(dir, key)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
