import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkThresholds } from '../../src/commands/pr-score.js';
import { readCachedScorecard, writeCachedScorecard } from '../../src/commands/scorecard-cache.js';
import type { Scorecard } from '../../src/scoring/scorecard.js';
import { emptyCategoryCounts } from '../../src/scoring/scorecard.js';

function card(score: number, hashes: { config?: string; bench?: string } = {}): Scorecard {
  const t = { total: 10, broken: 0, passed: Math.round(score * 10), score, passRate: score };
  return {
    space: 'demo',
    configHash: hashes.config ?? 'c'.repeat(64),
    benchmarksHash: hashes.bench ?? 'b'.repeat(64),
    backend: 'local',
    repeats: 1,
    totals: { all: t, train: t, trainUntaught: t, holdout: t },
    categories: emptyCategoryCounts(),
    questions: [],
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
