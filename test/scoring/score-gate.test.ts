import { describe, expect, it } from 'vitest';
import { assessLook } from '../../src/scoring/adaptive-repeats.js';
import type { PairedOutcomes } from '../../src/scoring/paired-test.js';
import { decideGate, formatP, signedPoints } from '../../src/scoring/score-gate.js';
import { emptyCategoryCounts, type Scorecard } from '../../src/scoring/scorecard.js';

function card(score: number): Scorecard {
  const t = {
    total: 100,
    passed: Math.round(score * 100),
    score,
    passRate: score,
    broken: 0,
    answered: 100,
    errored: 0,
  };
  return {
    space: 'demo',
    configHash: 'c',
    benchmarksHash: 'b',
    backend: 'local',
    repeats: 1,
    totals: { all: t, train: t, trainUntaught: t, holdout: t },
    categories: emptyCategoryCounts(),
    questions: [],
    calls: { genie: 0, statements: 0, retries: 0, rateLimited: 0 },
    durationMs: 1,
    startedAt: '',
  };
}

/** A last look over 100 questions asked once a side: `worse` fail on head only, `better` on base only. */
function look(worse: number, better: number) {
  const outcomes: PairedOutcomes[] = Array.from({ length: 100 }, (_, i) => ({
    id: `q${i}`,
    head: [!(i < worse)],
    base: [!(i >= worse && i < worse + better)],
  }));
  return { ...assessLook(outcomes, { direction: 'worse', tolerance: 0, maxRepeats: 0 }, 1), rounds: 0, reasked: 0 };
}

const settings = { maxRegression: 0.05, confidence: 0.95 };

describe('decideGate', () => {
  it.each([
    ['a significant drop beyond max-regression', 12, 1, settings, 'regression', 1],
    ['a significant drop within max-regression', 5, 0, settings, 'within-tolerance', 0],
    ['a significant drop without max-regression', 12, 1, { confidence: 0.95 }, 'within-tolerance', 0],
    ['a drop that is not significant', 6, 3, settings, 'no-significant-change', 0],
    ['a gain that is not significant', 3, 6, settings, 'no-significant-change', 0],
    ['a significant gain', 1, 12, settings, 'improvement', 0],
    ['nothing discordant', 0, 0, settings, 'no-significant-change', 0],
  ] as const)('%s', (_name, worse, better, s, verdict, failures) => {
    const gate = decideGate({ head: card(0.8), base: card(0.8), comparison: look(worse, better), settings: s });
    expect(gate.verdict).toBe(verdict);
    expect(gate.failures).toHaveLength(failures);
    if (verdict === 'no-significant-change') expect(gate.summary).toMatch(/^No significant change: /);
  });

  it('fails below min-score even without a significant change, and names both failures on a regression', () => {
    const low = decideGate({
      head: card(0.4),
      base: card(0.4),
      comparison: look(1, 1),
      settings: { ...settings, minScore: 0.5 },
    });
    expect(low.verdict).toBe('below-min');
    expect(low.failures).toEqual(['head score 40.0% is below min-score 50.0%']);
    const both = decideGate({
      head: card(0.4),
      base: card(0.6),
      comparison: look(20, 0),
      settings: { ...settings, minScore: 0.5 },
    });
    expect(both.verdict).toBe('regression');
    expect(both.failures).toHaveLength(2);
    expect(both.failures[0]).toMatch(
      /significantly worse than base: −20\.0 pp \(90% interval .*one-sided p < 0\.0001\)/,
    );
  });

  it('withholds the verdict when the caller finds the evidence inconclusive', () => {
    const gate = decideGate({
      head: card(0.4),
      base: card(0.8),
      comparison: look(40, 0),
      settings: { ...settings, minScore: 0.5 },
      inconclusive: '12 of 56 questions errored (max-errored 5)',
    });
    expect(gate).toMatchObject({ verdict: 'inconclusive', failures: [] });
    expect(gate.summary).toBe('Inconclusive: 12 of 56 questions errored (max-errored 5).');
  });

  it('without a base there is nothing to compare', () => {
    expect(decideGate({ head: card(0.9), settings }).verdict).toBe('no-base');
    expect(decideGate({ head: card(0.3), settings: { ...settings, minScore: 0.5 } }).verdict).toBe('below-min');
  });

  it('formats p-values and points for people', () => {
    expect(formatP(0.00001)).toBe('p < 0.0001');
    expect(formatP(0.0042)).toBe('p = 0.0042');
    expect(formatP(0.5)).toBe('p = 0.500');
    expect(signedPoints(-0.0357)).toBe('−3.6 pp');
    expect(signedPoints(0)).toBe('±0.0 pp');
  });
});
