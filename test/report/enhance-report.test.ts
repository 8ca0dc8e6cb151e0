import { describe, expect, it } from 'vitest';
import type { EnhanceResult } from '../../src/commands/enhance.js';
import type { Fix } from '../../src/fixes/fix-types.js';
import { emptyLessons, recordOutcome } from '../../src/loop/lessons.js';
import { renderEnhanceMarkdown, scoreChart, scoreTable } from '../../src/report/enhance-report.js';
import { buildScorecard, type QuestionScore, type Scorecard } from '../../src/scoring/scorecard.js';

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

const START = {
  version: 2,
  data_sources: {
    tables: [
      { identifier: 'main.s.orders', column_configs: [{ column_name: 'user_id' }] },
      { identifier: 'main.s.t', column_configs: [{ column_name: 'a' }] },
      { identifier: 'main.s.users', column_configs: [{ column_name: 'user_id' }] },
    ],
  },
};

const join = (id: string, left: string, right: string) => ({
  id,
  left: { identifier: left, alias: left.split('.').pop() },
  right: { identifier: right, alias: right.split('.').pop() },
  sql: ['`x`.`user_id` = `y`.`user_id`', '--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--'],
});

/** Iteration 1's patch: two join specs both inserted at index 0 (sorted by id), then a synonym. */
const PATCH = [
  { op: 'add' as const, path: '/instructions', value: {} },
  { op: 'add' as const, path: '/instructions/join_specs', value: [] },
  {
    op: 'add' as const,
    path: '/instructions/join_specs/0',
    value: join('f'.repeat(32), 'main.s.orders', 'main.s.users'),
  },
  { op: 'add' as const, path: '/instructions/join_specs/0', value: join('0'.repeat(32), 'main.s.t', 'main.s.users') },
  { op: 'add' as const, path: '/data_sources/tables/1/column_configs/0/synonyms', value: ['alpha'] },
];

function result(padding = 0): EnhanceResult {
  const lessons = emptyLessons('demo');
  recordOutcome(lessons, 'add_synonym', 'wrong_column', 'helped', 0.5);
  const split = (t: number, h: number) => ({
    train: { passed: t, total: 2 },
    trainUntaught: { passed: t, total: 2 },
    holdout: { passed: h, total: 1 },
  });
  const filler = Array.from({ length: padding }, (_, i) => ({
    op: 'add' as const,
    path: `/x${i}`,
    value: 'v'.repeat(50),
  }));
  return {
    space: 'demo',
    analyst: 'rules',
    dryRun: true,
    allowTaughtExamples: false,
    maxRegressions: 0,
    slots: 'instructions 0/100, snippets 0/200, tables 1/30',
    usesDemoData: true,
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
        patch: [...PATCH, ...filler],
        notes: ['t2: no rule proposed a new fix', 'h9: no rule proposed a new fix', 'examples wait'],
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
        notes: ['t2: no rule proposed a new fix'],
      },
    ],
    stopReason: 'iteration 2 gained nothing',
    calls: { genie: 12, statements: 9, scorings: 3, llmCalls: 0, promptTokens: 0, completionTokens: 0 },
    durationMs: 1234,
    written: [],
    config: { version: 2 },
    startConfig: START,
    lessons,
    changed: true,
  };
}

/** Headings in order with their level; a heading directly followed (blank lines aside) by one of the same level is a defect. */
function stackedHeadings(md: string): string[] {
  const lines = md.split('\n').filter((l) => l.trim() !== '');
  const level = (l: string) => /^(#+) /.exec(l)?.[1].length;
  return lines.filter((l, i) => level(l) !== undefined && level(l) === level(lines[i + 1] ?? ''));
}

describe('enhance PR body', () => {
  const md = renderEnhanceMarkdown(result());

  it('opens with the summary, the score table and the per-question changes, before any detail', () => {
    expect(
      md.startsWith(
        '## genie-gitops: enhance `demo`\n\n**Train 0.0% → 50.0%, train-untaught 0.0% → 50.0%, holdout 0.0% → 100.0%**',
      ),
    ).toBe(true);
    expect(md).toContain('| train | 0.0% (0/2) | 50.0% (1/2) | +50.0 pts |');
    expect(md).toContain('| train-untaught | 0.0% (0/2) | 50.0% (1/2) | +50.0 pts |');
    expect(md).toContain('| holdout | 0.0% (0/1) | 100.0% (1/1) | +100.0 pts |');
    expect(md).toContain('Genie slots used: instructions 0/100, snippets 0/200, tables 1/30.');
    expect(md).toContain('- Iteration 1: Fixed: `t1`, `h1`\n  Regressed: none');
    expect(md).toContain('- Iteration 2: Fixed: none\n  Regressed: none (the rolled-back candidate broke `t1`)');
    expect(md).not.toContain('taught by the config');
    expect(md).toMatch(/\*\*Fixed\*\* \(2\): `t1` \(train\), `h1` \(holdout\)/);
    expect(md).toMatch(/\*\*Regressed\*\* \(0\): none/);
    expect(md.indexOf('| train |')).toBeLessThan(md.indexOf('### Fixes'));
    expect(md.indexOf('### Fixes')).toBeLessThan(md.indexOf('<details>'));
  });

  it('lists the kept fixes grouped by kind, naming table and column', () => {
    expect(md).toContain('**Synonyms (1)**');
    expect(md).toContain('- `main.s.t.a`: "alpha" — for `t1` _(iteration 1)_');
  });

  it('has no heading directly followed by a heading of the same level', () => {
    expect(stackedHeadings(md)).toEqual([]);
  });

  it('collapses each patch, naming the object of every path as the patch applies', () => {
    const details = md.slice(md.indexOf('<details><summary>Iteration 1: JSON patch'));
    const block = details.slice(0, details.indexOf('</details>'));
    expect(block).toContain('```json');
    expect(block).toContain('"path": "/instructions/join_specs/0"');
    // The same index names two different join specs: each as it is inserted.
    expect(block).toContain('3. `add /instructions/join_specs/0` → join main.s.orders ↔ main.s.users');
    expect(block).toContain('4. `add /instructions/join_specs/0` → join main.s.t ↔ main.s.users');
    expect(block).toContain('5. `add /data_sources/tables/1/column_configs/0/synonyms` → main.s.t.a synonyms');
    expect(md.split('```json').length - 1).toBe(1);
  });

  it('collapses and deduplicates the notes, and keeps rejections and lessons collapsed', () => {
    expect(md).toContain('<summary>Analyst notes (4, 2 distinct)</summary>');
    expect(md).toContain('- no rule proposed a new fix _(iterations 1, 2)_: t2; h9');
    expect(md).not.toMatch(/^- note:/m);
    expect(md).toMatch(/<summary>Rejected fixes \(1\)[^<]*<\/summary>[\s\S]*lowered a score on its own/);
    expect(md).toContain('add_synonym on wrong_column: helped 1/1');
    expect(md).toMatch(/Genie questions asked: \*\*12\*\*; SQL statements: 9/);
    expect(md).toContain('config aaaaaaaaaaaa → cccccccccccc');
  });

  it('labels each chart (xychart has no legend): one each for train, train-untaught and holdout', () => {
    const charts = scoreChart(result()).join('\n');
    expect(charts).toContain('title "Train score (%) per iteration"');
    expect(charts).toContain('title "Train-untaught score (%) per iteration"');
    expect(charts).toContain('title "Holdout score (%) per iteration"');
    // train and train-untaught agree here: nothing is taught
    expect(charts.match(/line \[0\.0, 50\.0, 50\.0\]/g)).toHaveLength(2);
    expect(charts).toContain('line [0.0, 100.0, 100.0]');
    expect(charts).toContain('x-axis ["start", "it 1", "it 2"]');
  });

  it('shows the splits it is given, in order', () => {
    const splits = [
      { label: 'train', totals: (c: Scorecard) => c.totals.train },
      { label: 'train-untaught', totals: () => undefined },
    ];
    const table = scoreTable(result().before, result().after, splits);
    expect(table.slice(2)).toEqual([
      '| train | 0.0% (0/2) | 50.0% (1/2) | +50.0 pts |',
      '| train-untaught | – | – | – |',
    ]);
  });

  it("stays within GitHub's body limit, dropping the patches first and pointing at the full report", () => {
    const long = result(3000);
    expect(renderEnhanceMarkdown(long, { maxChars: 10_000_000 }).length).toBeGreaterThan(65_536);
    const cut = renderEnhanceMarkdown(long, { fullReportHint: 'the full report is enhance.json' });
    expect(cut.length).toBeLessThanOrEqual(65_536);
    expect(cut).toContain('the full report is enhance.json');
    expect(cut).toContain('| train |');
    expect(cut).toContain('**Synonyms (1)**');
    expect(cut).toContain('### Budget');
    expect(cut).not.toContain('```json');
    expect(stackedHeadings(cut)).toEqual([]);
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
