import { describe, expect, it } from 'vitest';
import type { EnhanceResult } from '../../src/commands/enhance.js';
import type { Fix } from '../../src/fixes/fix-types.js';
import { emptyLessons, recordOutcome } from '../../src/loop/lessons.js';
import { renderEnhanceMarkdown, scoreChart } from '../../src/report/enhance-report.js';
import { buildScorecard, type QuestionScore } from '../../src/scoring/scorecard.js';

function card(passed: Record<string, boolean>, hash: string) {
  const questions: QuestionScore[] = Object.entries(passed).map(([id, ok]) => ({
    id,
    question: id,
    split: id.startsWith('h') ? 'holdout' : 'train',
    tags: [],
    passed: ok,
    passRate: ok ? 1 : 0,
    verdict: ok ? 'exact' : 'mismatch',
    category: ok ? null : 'wrong_column',
    genieSql: null,
    expectedSql: 'SELECT 1',
    attempts: 1,
    durationMs: 1,
    repeats: [],
    taught: false,
  }));
  return buildScorecard({
    space: 'demo',
    configHash: hash,
    benchmarksHash: 'b'.repeat(64),
    backend: 'local',
    repeats: 1,
    questions,
    calls: { genie: 4, statements: 4, retries: 0, rateLimited: 0 },
    durationMs: 5,
    startedAt: '',
  });
}

const fix: Fix = {
  type: 'add_synonym',
  table: 'main.s.t',
  column: 'a',
  synonyms: ['alpha'],
  rationale: '"alpha" names column a',
  targets: ['t1'],
};
const bad: Fix = {
  type: 'add_synonym',
  table: 'main.s.t',
  column: 'a',
  synonyms: ['bad'],
  rationale: 'guess',
  targets: ['t2'],
};

function result(patchSize = 1): EnhanceResult {
  const lessons = emptyLessons('demo');
  recordOutcome(lessons, 'add_synonym', 'wrong_column', 'helped', 0.5);
  const split = (t: number, h: number) => ({
    train: { passed: t, total: 2 },
    trainUntaught: { passed: t, total: 2 },
    holdout: { passed: h, total: 1 },
  });
  return {
    space: 'demo',
    analyst: 'rules',
    dryRun: true,
    allowTaughtExamples: false,
    maxRegressions: 0,
    slots: 'instructions 0/100, snippets 0/200, tables 1/30',
    before: card({ t1: false, t2: false, h1: false }, 'a'.repeat(64)),
    after: card({ t1: true, t2: false, h1: true }, 'c'.repeat(64)),
    iterations: [
      {
        index: 1,
        accepted: true,
        reason: 'train-untaught +1, holdout +1',
        before: split(0, 0),
        after: split(1, 1),
        regressions: [],
        fixed: ['t1', 'h1'],
        applied: [{ fix, key: 'k1', ops: [] }],
        rejected: [{ fix: bad, key: 'k2', reason: 'lowered a score on its own' }],
        patch: Array.from({ length: patchSize }, (_, i) => ({
          op: 'add' as const,
          path: `/x${i}`,
          value: 'v'.repeat(50),
        })),
        notes: [],
      },
      {
        index: 2,
        accepted: false,
        reason: '1 question(s) that passed now fail (t1); at most 0 allowed',
        before: split(1, 1),
        after: split(1, 1),
        regressions: [],
        candidateRegressions: ['t1'],
        fixed: [],
        applied: [],
        rejected: [],
        patch: [],
        notes: [],
      },
    ],
    stopReason: 'iteration 2 gained nothing',
    calls: { genie: 12, statements: 9, scorings: 3, llmCalls: 0, promptTokens: 0, completionTokens: 0 },
    durationMs: 1234,
    written: [],
    config: { version: 2 },
    lessons,
    changed: true,
  };
}

describe('enhance PR body', () => {
  it('shows the score delta, the chart, fixes with patches, rejections, lessons and budget', () => {
    const md = renderEnhanceMarkdown(result());
    expect(md).toContain('| train | 0.0% (0/2) | 50.0% (1/2) | +50.0 pts |');
    expect(md).toContain('| train-untaught | 0.0% (0/2) | 50.0% (1/2) | +50.0 pts |');
    expect(md).toContain('| holdout | 0.0% (0/1) | 100.0% (1/1) | +100.0 pts |');
    expect(md).toContain('Genie slots used: instructions 0/100, snippets 0/200, tables 1/30.');
    expect(md).toContain('- Fixed: `t1`, `h1`\n- Regressed: none');
    expect(md).toContain('- Fixed: none\n- Regressed: none (the rolled-back candidate broke `t1`)');
    expect(md).not.toContain('taught by the config');
    expect(md).toContain('```mermaid\nxychart-beta');
    // train, train-untaught (equal here: nothing is taught), holdout
    expect(md.match(/line \[0\.0, 50\.0, 50\.0\]/g)).toHaveLength(2);
    expect(md).toContain('line [0.0, 100.0, 100.0]');
    expect(md).toMatch(/\*\*Fixed\*\* \(2\): `t1` \(train\), `h1` \(holdout\)/);
    expect(md).toContain('"alpha" names column a (targets t1)');
    expect(md).toContain('<summary>JSON patch (RFC 6902)</summary>');
    expect(md).toContain('lowered a score on its own');
    expect(md).toContain('add_synonym on wrong_column: helped 1/1');
    expect(md).toMatch(/Genie questions asked: 12; SQL statements: 9/);
    expect(md).toContain('config aaaaaaaaaaaa → cccccccccccc');
  });

  it("stays within GitHub's body limit, pointing at the full report", () => {
    const md = renderEnhanceMarkdown(result(3000), {
      maxChars: 65_536,
      fullReportHint: 'see the artifact enhance-demo',
    });
    expect(renderEnhanceMarkdown(result(3000), { maxChars: 10_000_000 }).length).toBeGreaterThan(65_536);
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md).toContain('see the artifact enhance-demo');
    expect(md).toContain('| train |');
  });

  it('plots a rolled-back iteration at the score it kept', () => {
    expect(scoreChart(result()).join('\n')).toContain('x-axis ["start", "it 1", "it 2"]');
  });

  it('says in its first lines how many questions are taught', () => {
    const taught = result();
    taught.allowTaughtExamples = true;
    taught.after.questions[1] = { ...taught.after.questions[1], taught: true, passed: true };
    const md = renderEnhanceMarkdown(taught);
    const firstLines = md.split('\n').slice(0, 5).join('\n');
    expect(firstLines).toMatch(/\*\*1 benchmark question\(s\) are taught\*\* by the config \(1 train, 0 holdout\)/);
    expect(firstLines).toContain('Copies were allowed in this run (`allow-taught-examples`).');
  });
});
