/** The lint quality in the score reports: the scorecard line, PR head vs base, enhance before vs after. */
import { describe, expect, it } from 'vitest';
import { renderComparisonMarkdown } from '../../src/report/comparison-markdown.js';
import { renderEnhanceMarkdown } from '../../src/report/enhance-report.js';
import { qualityComparison, qualityLine } from '../../src/report/quality-markdown.js';
import { renderScorecardMarkdown } from '../../src/report/scorecard-markdown.js';
import { buildScorecard, parseScorecard, type Scorecard } from '../../src/scoring/scorecard.js';
import type { EnhanceResult } from '../../src/commands/enhance.js';
import { emptyLessons } from '../../src/loop/lessons.js';
import { described, lint, thin } from '../lint/helpers.js';

const LOW = lint(thin()).quality;
const HIGH = lint(described()).quality;

function card(quality = LOW): Scorecard {
  return {
    ...buildScorecard({
      space: 'demo',
      configHash: 'a'.repeat(64),
      benchmarksHash: 'b'.repeat(64),
      backend: 'local',
      repeats: 1,
      questions: [],
      calls: { genie: 0, statements: 0, retries: 0, rateLimited: 0 },
      durationMs: 1,
      startedAt: '',
    }),
    quality,
  };
}

describe('quality in reports', () => {
  it('shows one line on a scorecard, and survives the scorecard JSON round trip', () => {
    expect(qualityLine(LOW)[0]).toBe(
      '**Config quality (lint):** 10.0/100 — coverage 0, relationships 0, semantics 0, examples 0, limits 100',
    );
    expect(renderScorecardMarkdown(card())).toContain('**Config quality (lint):** 10.0/100');
    expect(parseScorecard(JSON.parse(JSON.stringify(card()))).quality?.score).toBe(10);
    expect(qualityLine(undefined)).toEqual([]);
  });

  it('compares two configs by category, and says nothing when neither card has a quality', () => {
    const lines = qualityComparison(LOW, HIGH, ['base', 'head']).join('\n');
    expect(lines).toContain('Config quality (static lint, 0–100): 10.0 → 93.1');
    expect(lines).toContain('| **quality** | 10.0 | 93.1 | +83.1 |');
    expect(lines).toContain('| coverage | 0.0 | 100.0 | +100.0 |');
    expect(qualityComparison(undefined, HIGH, ['base', 'head']).join('\n')).toContain('| **quality** | – | 93.1 | – |');
    expect(qualityComparison(undefined, undefined, ['a', 'b'])).toEqual([]);
  });

  it('appears in the PR score comment (head vs base) and the enhance PR body (before vs after)', () => {
    expect(renderComparisonMarkdown(card(HIGH), card(LOW))).toContain('| category | base | head | change |');
    const result = {
      space: 'demo',
      analyst: 'rules',
      dryRun: true,
      allowTaughtExamples: false,
      maxRegressions: 0,
      slots: 'instructions 0/100, snippets 0/200, tables 1/30',
      before: card(LOW),
      after: card(HIGH),
      iterations: [],
      stopReason: 'done',
      calls: { genie: 0, statements: 0, scorings: 1, llmCalls: 0, promptTokens: 0, completionTokens: 0 },
      durationMs: 1,
      written: [],
      config: { version: 2 },
      startConfig: { version: 2 },
      usesDemoData: true,
      lessons: emptyLessons('demo'),
      changed: false,
    } as EnhanceResult;
    const body = renderEnhanceMarkdown(result);
    expect(body).toContain('| category | before | after | change |');
    expect(body).toContain('| **quality** | 10.0 | 93.1 | +83.1 |');
  });
});
