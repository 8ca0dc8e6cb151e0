import { describe, expect, it } from 'vitest';
import { renderComparisonMarkdown } from '../../src/report/comparison-markdown.js';
import { assessLook, pairOutcomes } from '../../src/scoring/adaptive-repeats.js';
import { decideGate } from '../../src/scoring/score-gate.js';
import { buildScorecard, summarizeQuestion, type RepeatResult } from '../../src/scoring/scorecard.js';
import { bench } from '../scoring/fakes.js';

const rep = (passed: boolean): RepeatResult => ({
  passed,
  verdict: passed ? 'exact' : 'mismatch',
  category: passed ? null : 'wrong_filter',
  genieSql: 'SELECT 1',
  durationMs: 1,
  attempts: 1,
});

function card(asks: boolean[][]) {
  return buildScorecard({
    space: 'demo',
    configHash: 'c',
    benchmarksHash: 'b',
    backend: 'local',
    repeats: 1,
    questions: asks.map((a, i) => summarizeQuestion(bench(`q${i}`, `question ${i}`, 'SELECT 1'), a.map(rep))),
    calls: { genie: 0, statements: 0, retries: 0, rateLimited: 0 },
    durationMs: 0,
    startedAt: '',
  });
}

function render(headAsks: boolean[][], baseAsks: boolean[][], maxRegression = 0.05) {
  const head = card(headAsks);
  const base = card(baseAsks);
  const look = assessLook(pairOutcomes(head, base), { direction: 'worse', tolerance: maxRegression }, 1);
  const gate = decideGate({
    head,
    base,
    comparison: { ...look, rounds: 0, reasked: 0 },
    settings: { maxRegression, confidence: 0.95 },
  });
  return { gate, markdown: renderComparisonMarkdown(head, base, { gate }) };
}

describe('the paired comparison in the PR comment', () => {
  it('calls a non-significant difference no significant change, with neutral per-question headings', () => {
    const { gate, markdown } = render([[false], [true], [true], [true]], [[true], [false], [true], [true]]);
    expect(gate.verdict).toBe('no-significant-change');
    expect(markdown).toContain('### Paired comparison: no significant change');
    expect(markdown).toContain('Estimate ±0.0 pp (99.8% interval');
    expect(markdown).toContain('2 discordant of 4 questions compared · no re-asks needed (look 1 of 4)');
    expect(markdown).toContain('| `q0` | train | question 0 | 1/1 | 0/1 |');
    expect(markdown).toContain('### Passed on base only (1)');
    expect(markdown).toContain('### Passed on head only (1)');
    expect(markdown).not.toMatch(/### Regressed|### Fixed/);
  });

  it('names a significant regression and lists at most 25 discordant questions', () => {
    const { gate, markdown } = render(
      Array.from({ length: 40 }, () => [false]),
      Array.from({ length: 40 }, () => [true]),
    );
    expect(gate.verdict).toBe('regression');
    expect(markdown).toContain('### Paired comparison: significant regression');
    expect(markdown).toContain('one-sided p < 0.0001 for a regression');
    expect(markdown.match(/^\| `q\d+` \| train \| question \d+ \| 1\/1 \| 0\/1 \|$/gm)).toHaveLength(25);
    expect(markdown).toContain('_…and 15 more discordant question(s)._');
    expect(markdown).toContain('### Regressed (40)');
  });
});
