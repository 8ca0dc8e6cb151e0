import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/scoring/failure-category.js';
import {
  buildScorecard,
  categoryCounts,
  mergeRepeats,
  parseScorecard,
  scorecardTotals,
  summarizeQuestion,
  type QuestionScore,
  type RepeatResult,
} from '../../src/scoring/scorecard.js';
import { bench } from './fakes.js';

function repeat(
  passed: boolean,
  category: Category | null = passed ? null : 'wrong_filter',
  extra: Partial<RepeatResult> = {},
): RepeatResult {
  return {
    passed,
    verdict: passed ? 'exact' : 'mismatch',
    category,
    genieSql: passed ? 'SELECT 1' : 'SELECT 2',
    durationMs: 100,
    attempts: 1,
    ...extra,
  };
}

function question(id: string, split: 'train' | 'holdout', passes: boolean[]): QuestionScore {
  return summarizeQuestion(
    bench(id, `question ${id}`, 'SELECT 1', split),
    passes.map((p) => repeat(p)),
  );
}

describe('summarizeQuestion', () => {
  it.each([
    [[true], true, 1],
    [[false], false, 0],
    [[true, true, false], true, 2 / 3],
    [[true, false, false], false, 1 / 3],
    [[true, false], false, 0.5], // a tie is not a majority
    [[true, true, false, false, true], true, 0.6],
  ])('repeats %j -> passed %s, passRate %d', (passes, passed, rate) => {
    const q = question('q', 'train', passes);
    expect(q.passed).toBe(passed);
    expect(q.passRate).toBeCloseTo(rate);
    expect(q.category).toBe(passed ? null : 'wrong_filter');
  });

  it('takes headline fields from the first repeat agreeing with the majority', () => {
    const q = summarizeQuestion(bench('q', 'Q?', 'SELECT 1'), [
      repeat(false, 'wrong_join', { genieSql: 'SELECT bad', reason: 'join' }),
      repeat(true, null, { genieSql: 'SELECT good', verdict: 'superset', durationMs: 300 }),
      repeat(true, null, { genieSql: 'SELECT good2', attempts: 3 }),
    ]);
    expect(q).toMatchObject({
      passed: true,
      verdict: 'superset',
      genieSql: 'SELECT good',
      category: null,
      attempts: 5,
      durationMs: 167,
    });
    expect(q.reason).toBeUndefined();
  });

  it('picks the most frequent failure category, earliest on a tie', () => {
    const mixed = (cats: Category[]) =>
      summarizeQuestion(
        bench('q', 'Q?', 'SELECT 1'),
        cats.map((c) => repeat(false, c)),
      ).category;
    expect(mixed(['timeout', 'wrong_filter', 'wrong_filter'])).toBe('wrong_filter');
    expect(mixed(['timeout', 'wrong_filter'])).toBe('timeout');
  });

  it('carries expectedError and question metadata', () => {
    const q = summarizeQuestion(
      bench('q', 'Q?', 'SELECT x', 'holdout', { tags: ['kpi'] }),
      [repeat(false, 'api_error', { verdict: null, genieSql: null, error: 'expected SQL failed: no x' })],
      'no x',
    );
    expect(q).toMatchObject({
      id: 'q',
      question: 'Q?',
      split: 'holdout',
      tags: ['kpi'],
      expectedSql: 'SELECT x',
      expectedError: 'no x',
      error: 'expected SQL failed: no x',
      genieSql: null,
    });
  });
});

describe('scorecardTotals', () => {
  it.each([
    { name: 'empty', questions: [], all: [0, 0, 0], train: [0, 0, 0], holdout: [0, 0, 0] },
    {
      name: 'all train pass',
      questions: [question('a', 'train', [true]), question('b', 'train', [true])],
      all: [2, 2, 1],
      train: [2, 2, 1],
      holdout: [0, 0, 0],
    },
    {
      name: 'mixed splits',
      questions: [
        question('a', 'train', [true]),
        question('b', 'train', [false]),
        question('c', 'holdout', [true]),
        question('d', 'train', [true]),
      ],
      all: [3, 4, 0.75],
      train: [2, 3, 2 / 3],
      holdout: [1, 1, 1],
    },
  ])('$name', ({ questions, all, train, holdout }) => {
    const totals = scorecardTotals(questions);
    for (const [split, [passed, total, score]] of Object.entries({ all, train, holdout })) {
      const t = totals[split as 'all' | 'train' | 'holdout'];
      expect([t.passed, t.total]).toEqual([passed, total]);
      expect(t.score).toBeCloseTo(score);
    }
  });

  it('averages pass rates over repeats', () => {
    const totals = scorecardTotals([
      question('a', 'train', [true, true, false]),
      question('b', 'train', [false, false, true]),
    ]);
    expect(totals.train.passed).toBe(1);
    expect(totals.train.passRate).toBeCloseTo(0.5);
  });
});

describe('buildScorecard', () => {
  const questions = [
    question('a', 'train', [true]),
    question('b', 'holdout', [false]),
    summarizeQuestion(bench('c', 'c?', 'SELECT 1'), [repeat(false, 'timeout')]),
  ];
  const card = buildScorecard({
    space: 'demo',
    configHash: 'abc',
    benchmarksHash: 'def',
    backend: 'local',
    repeats: 1,
    questions,
    calls: { genie: 3, statements: 2, retries: 0, rateLimited: 0 },
    durationMs: 1234,
    startedAt: '2026-11-01T00:00:00.000Z',
  });

  it('counts failing questions per category, with every category present', () => {
    expect(card.categories.wrong_filter).toBe(1);
    expect(card.categories.timeout).toBe(1);
    expect(Object.keys(card.categories)).toHaveLength(12);
    expect(categoryCounts(questions)).toEqual(card.categories);
  });

  it('keeps benchmark order', () => {
    expect(card.questions.map((q) => q.id)).toEqual(['a', 'b', 'c']);
  });

  it('round-trips through JSON and the schema', () => {
    expect(parseScorecard(JSON.parse(JSON.stringify(card)))).toEqual(card);
  });

  it('rejects a malformed scorecard', () => {
    expect(() => parseScorecard({ ...card, totals: { all: { passed: 'x' } } })).toThrow();
    expect(() => parseScorecard({ ...card, questions: [{ ...card.questions[0], category: 'wrong_vibes' }] })).toThrow();
  });
});

describe('per-question evidence', () => {
  const cardOf = (questions: QuestionScore[]) =>
    buildScorecard({
      space: 's',
      configHash: 'c',
      benchmarksHash: 'b',
      backend: 'test',
      repeats: 1,
      questions,
      calls: { genie: 0, statements: 0, retries: 0, rateLimited: 0 },
      durationMs: 0,
      startedAt: '',
    });

  it('records passes of asks, flaky questions, repeatability per split and Wilson intervals', () => {
    const card = cardOf([
      question('a', 'train', [true, false, true]),
      question('b', 'train', [true, true, true]),
      question('c', 'holdout', [false, false]),
      question('d', 'holdout', [true]),
    ]);
    expect(card.questions.map((q) => [q.passes, q.asks, q.flaky])).toEqual([
      [2, 3, true],
      [3, 3, false],
      [0, 2, false],
      [1, 1, false],
    ]);
    const e = card.evidence!;
    expect(e.flaky).toEqual(['a']);
    // Of the questions asked more than once (a, b, c), b and c gave the same result every time.
    expect(e.all).toMatchObject({ repeated: 3, consistent: 2 });
    expect(e.all.repeatability).toBeCloseTo(2 / 3);
    expect(e.train).toMatchObject({ repeated: 2, consistent: 1, repeatability: 0.5 });
    expect(e.holdout).toMatchObject({ repeated: 1, consistent: 1, repeatability: 1 });
    // 3 of 4 passed in most asks: Wilson 95% interval of 3/4.
    expect(e.all.interval.low).toBeCloseTo(0.3006, 4);
    expect(e.all.interval.high).toBeCloseTo(0.9544, 4);
  });

  it('does not measure repeatability from single asks', () => {
    const e = cardOf([question('a', 'train', [true]), question('b', 'holdout', [false])]).evidence!;
    expect(e.all).toMatchObject({ repeated: 0, repeatability: null });
    expect(e.flaky).toEqual([]);
  });

  it('merges re-asks into a card: repeats appended, verdicts, totals and evidence recomputed', () => {
    const first = cardOf([question('a', 'train', [true]), question('b', 'train', [false])]);
    const taught = { ...first, questions: first.questions.map((q) => ({ ...q, taught: q.id === 'a' })) };
    const extra = cardOf([question('a', 'train', [false, false])]);
    const merged = mergeRepeats(taught, { ...extra, calls: { genie: 2, statements: 1, retries: 0, rateLimited: 0 } });
    const a = merged.questions[0];
    expect(a.repeats.map((r) => r.passed)).toEqual([true, false, false]);
    expect([a.passed, a.passes, a.asks, a.flaky]).toEqual([false, 1, 3, true]);
    expect((a as QuestionScore & { taught?: boolean }).taught).toBe(true);
    expect(merged.questions[1]).toEqual(taught.questions[1]);
    expect(merged.totals.all.passed).toBe(0);
    expect(merged.evidence!.flaky).toEqual(['a']);
    expect(merged.calls.genie).toBe(2);
  });

  it('ignores re-asks of a question whose text or expected SQL changed', () => {
    const first = cardOf([question('a', 'train', [true])]);
    const other = cardOf([summarizeQuestion(bench('a', 'another question', 'SELECT 1'), [repeat(false)])]);
    expect(mergeRepeats(first, other).questions[0].repeats).toHaveLength(1);
  });

  it('an older card without evidence still parses, with the evidence computed from its repeats', () => {
    const card = cardOf([question('a', 'train', [true, false]), question('b', 'holdout', [true])]);
    const old = JSON.parse(JSON.stringify(card)) as Record<string, unknown> & { questions: Record<string, unknown>[] };
    delete old.evidence;
    for (const q of old.questions) {
      delete q.passes;
      delete q.asks;
      delete q.flaky;
    }
    const parsed = parseScorecard(old);
    expect(parsed.evidence).toEqual(card.evidence);
    expect(parsed.questions.map((q) => [q.passes, q.asks, q.flaky])).toEqual([
      [1, 2, true],
      [1, 1, false],
    ]);
  });
});
