import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../../src/benchmarks/types.js';
import type { Analyst, AnalystInput } from '../../src/fixes/analyst.js';
import { fixKey } from '../../src/fixes/fix-key.js';
import type { Fix } from '../../src/fixes/fix-types.js';
import { runEnhanceLoop } from '../../src/loop/enhance-loop.js';
import { findTaught } from '../../src/scoring/taught.js';
import { LEAVE_ONE_OUT_REASON } from '../../src/loop/example-gate.js';
import { emptyLessons } from '../../src/loop/lessons.js';
import type { QueryResult, Warehouse } from '../../src/ports.js';
import type { Space } from '../../src/space/schema.js';
import { buildScorecard, emptyCategoryCounts, type QuestionScore } from '../../src/scoring/scorecard.js';

const TABLE = 'main.s.t';
const space: Space = {
  version: 2,
  data_sources: { tables: [{ identifier: TABLE, column_configs: [{ column_name: 'a' }, { column_name: 'b' }] }] },
};

const benchmarks: Benchmark[] = [
  { id: 't1', question: 'alpha?', sql: 'SELECT 1', split: 'train', tags: [] },
  { id: 't2', question: 'beta?', sql: 'SELECT 2', split: 'train', tags: [] },
  { id: 't3', question: 'gamma?', sql: 'SELECT 3', split: 'train', tags: [] },
  { id: 'h1', question: 'holdout?', sql: 'SELECT 4', split: 'holdout', tags: [] },
];

const synonymsOf = (s: Space, column: string) =>
  (s.data_sources?.tables?.[0].column_configs ?? []).find((c) => c.column_name === column)?.synonyms ?? [];

/** A scorer whose verdicts follow the config: t1 needs "alpha", t2 needs both "beta" and "b2" (synergy), "bad" breaks h1. */
function scoreOf(s: Space) {
  const a = synonymsOf(s, 'a');
  const b = synonymsOf(s, 'b');
  const exampleSql = (s.instructions?.example_question_sqls ?? []).map((e) => e.sql.join(''));
  const breaker = b.includes('breaker');
  const pass: Record<string, boolean> = {
    t1: a.includes('alpha') && !breaker,
    t2: (a.includes('beta') && b.includes('b2')) || breaker || exampleSql.includes('SELECT 333'),
    t3: breaker || exampleSql.some((sql) => sql.startsWith('SELECT 3')),
    h1: !a.includes('bad'),
  };
  const questions: QuestionScore[] = benchmarks.map((bm) => ({
    id: bm.id,
    question: bm.question,
    split: bm.split,
    tags: [],
    passed: pass[bm.id],
    passRate: pass[bm.id] ? 1 : 0,
    verdict: pass[bm.id] ? 'exact' : 'mismatch',
    category: pass[bm.id] ? null : 'wrong_column',
    genieSql: 'SELECT 0',
    expectedSql: bm.sql,
    attempts: 1,
    durationMs: 1,
    repeats: [],
    taught: false,
  }));
  return buildScorecard({
    space: 'x',
    configHash: JSON.stringify(s).length.toString(),
    benchmarksHash: 'b',
    backend: 'test',
    repeats: 1,
    questions,
    taught: new Set(findTaught(s, benchmarks).keys()),
    calls: { genie: 4, statements: 4, retries: 0, rateLimited: 0 },
    durationMs: 1,
    startedAt: '',
  });
}

const syn = (column: string, word: string, target: string): Fix => ({
  type: 'add_synonym',
  table: TABLE,
  column,
  synonyms: [word],
  rationale: `"${word}" names ${column}`,
  targets: [target],
});

const warehouse: Warehouse = {
  execute: async (): Promise<QueryResult> => ({ columns: [{ name: 'x', type: 'INT' }], rows: [[1]], truncated: false }),
  schema: async () => ({
    tables: [
      {
        identifier: TABLE,
        columns: [
          { name: 'a', type: 'STRING' },
          { name: 'b', type: 'STRING' },
        ],
      },
    ],
  }),
};

function scriptedAnalyst(rounds: Fix[][]): Analyst & { inputs: AnalystInput[] } {
  const inputs: AnalystInput[] = [];
  return {
    name: 'scripted',
    inputs,
    propose: async (input) => {
      inputs.push(input);
      return { fixes: rounds[inputs.length - 1] ?? rounds[rounds.length - 1], notes: [] };
    },
  };
}

async function run(analyst: Analyst, lessons = emptyLessons('x'), maxIterations = 5) {
  return runEnhanceLoop({
    spaceName: 'x',
    file: 'spaces/x/space.json',
    space,
    benchmarks,
    score: async (s) => scoreOf(s),
    analyst,
    warehouse,
    warehouseSchema: await warehouse.schema(),
    lessons,
    maxIterations,
  });
}

describe('enhancement loop', () => {
  it('keeps a helpful batch and shows only holdout-free failures to the analyst', async () => {
    const analyst = scriptedAnalyst([[syn('a', 'alpha', 't1')], []]);
    const result = await run(analyst);
    expect(result.before.totals.train.passed).toBe(0);
    expect(result.after.totals.train.passed).toBe(1);
    expect(result.iterations[0].accepted).toBe(true);
    expect(result.iterations[0].patch.length).toBeGreaterThan(0);
    expect(analyst.inputs[0].failures.map((f) => f.id)).toEqual(['t1', 't2', 't3']);
    expect(result.lessons.applied_fixes.map((r) => r.key)).toEqual([fixKey(syn('a', 'alpha', 't1'))]);
  });

  it('isolates a rejected batch: drops the fix that hurts holdout, keeps fixes that only work together', async () => {
    const bad = syn('a', 'bad', 't3');
    const analyst = scriptedAnalyst([[syn('a', 'alpha', 't1'), syn('a', 'beta', 't2'), syn('b', 'b2', 't2'), bad], []]);
    const result = await run(analyst);
    const first = result.iterations[0];
    expect(first.accepted).toBe(true);
    expect(result.after.totals.train.passed).toBe(2);
    expect(result.after.totals.holdout.passed).toBe(1);
    expect(first.applied.map((a) => (a.fix.type === 'add_synonym' ? a.fix.synonyms[0] : '')).sort()).toEqual([
      'alpha',
      'b2',
      'beta',
    ]);
    expect(first.rejected.map((r) => r.key)).toContain(fixKey(bad));
    expect(result.lessons.rejected_fixes.map((r) => r.key)).toContain(fixKey(bad));
    const hurt = result.lessons.stats.find((s) => s.fix_type === 'add_synonym');
    expect(hurt?.hurt).toBeGreaterThanOrEqual(1);
  });

  it('rolls back an iteration that gains nothing and stops', async () => {
    const analyst = scriptedAnalyst([[syn('a', 'bad', 't3')]]);
    const result = await run(analyst);
    expect(result.iterations).toHaveLength(1);
    expect(result.iterations[0].accepted).toBe(false);
    expect(result.space).toEqual(space);
    expect(result.stopReason).toMatch(/gained nothing/);
    expect(result.lessons.rejected_fixes).toHaveLength(1);
  });

  it('never re-proposes what the lessons say was tried', async () => {
    const first = await run(scriptedAnalyst([[syn('a', 'alpha', 't1')], []]));
    const again = scriptedAnalyst([[syn('a', 'alpha', 't1')]]);
    const second = await runEnhanceLoop({
      spaceName: 'x',
      file: 'f',
      space: first.space,
      benchmarks,
      score: async (s) => scoreOf(s),
      analyst: again,
      warehouse,
      warehouseSchema: await warehouse.schema(),
      lessons: first.lessons,
    });
    expect(again.inputs[0].alreadyTried.has(fixKey(syn('a', 'alpha', 't1')))).toBe(true);
    expect(second.iterations[0].applied).toHaveLength(0);
    expect(second.after.totals.train.passed).toBe(second.before.totals.train.passed);
  });

  it('rejects an example query whose SQL returns nothing, before scoring', async () => {
    const empty: Warehouse = { ...warehouse, execute: async () => ({ columns: [], rows: [], truncated: false }) };
    const example: Fix = {
      type: 'add_example_query',
      question: 'how many?',
      sql: 'SELECT a FROM main.s.t',
      rationale: 'r',
      targets: ['t3'],
    };
    const result = await runEnhanceLoop({
      spaceName: 'x',
      file: 'f',
      space,
      benchmarks,
      score: async (s) => scoreOf(s),
      analyst: scriptedAnalyst([[example]]),
      warehouse: empty,
      warehouseSchema: await warehouse.schema(),
      lessons: emptyLessons('x'),
    });
    expect(result.iterations[0].rejected[0].reason).toMatch(/returns no rows/);
  });

  it('stops at the target score', async () => {
    const result = await runEnhanceLoop({
      spaceName: 'x',
      file: 'f',
      space,
      benchmarks,
      score: async (s) => scoreOf(s),
      analyst: scriptedAnalyst([[syn('a', 'alpha', 't1')]]),
      warehouse,
      warehouseSchema: await warehouse.schema(),
      lessons: emptyLessons('x'),
      targetScore: 0.3,
    });
    expect(result.iterations).toHaveLength(1);
    expect(result.stopReason).toMatch(/reached the target/);
  });

  const example = (question: string, sql: string): Fix => ({
    type: 'add_example_query',
    question,
    sql,
    rationale: 'r',
    targets: ['t3'],
  });

  it('never keeps a copy of a benchmark question as an example unless copies are allowed', async () => {
    const copy = example('Gamma?', 'SELECT 3');
    const result = await run(scriptedAnalyst([[copy]]));
    expect(result.iterations[0].rejected[0].reason).toMatch(/copies train question\(s\) t3/);
    expect(result.after.totals.train.passed).toBe(0);
    const allowed = await runEnhanceLoop({
      spaceName: 'x',
      file: 'f',
      space,
      benchmarks,
      score: async (s) => scoreOf(s),
      analyst: scriptedAnalyst([[copy, syn('a', 'alpha', 't1')], []]),
      warehouse,
      warehouseSchema: await warehouse.schema(),
      lessons: emptyLessons('x'),
      allowTaughtExamples: true,
    });
    // The copy makes t3 pass, but as a taught question: only the synonym's t1 counts.
    expect(allowed.after.questions.find((q) => q.id === 't3')).toMatchObject({ passed: true, taught: true });
    expect(allowed.iterations[0].reason).toBe('train-untaught +1, holdout +0');
  });

  it('drops an example that fixes only the question it was derived from (leave one out)', async () => {
    const own = example('gamma prime?', 'SELECT 33');
    const result = await run(scriptedAnalyst([[own, syn('a', 'alpha', 't1')], []]));
    expect(result.iterations[0].accepted).toBe(true);
    expect(result.iterations[0].applied.map((a) => a.fix.type)).toEqual(['add_synonym']);
    expect(result.iterations[0].rejected.map((r) => r.reason)).toContain(LEAVE_ONE_OUT_REASON);
    expect(result.space.instructions?.example_question_sqls ?? []).toHaveLength(0);

    const general = example('gamma second?', 'SELECT 333');
    const kept = await run(scriptedAnalyst([[general], []]));
    expect(kept.iterations[0].applied.map((a) => a.fix.type)).toEqual(['add_example_query']);
    expect(kept.iterations[0].notes.join('\n')).toMatch(/fixes t2 besides its source\(s\) t3/);
  });

  it('rejects an iteration that breaks a passing question, and records it when the budget allows', async () => {
    const rounds = [[syn('a', 'alpha', 't1')], [syn('b', 'breaker', 't3')], []];
    const strict = await run(scriptedAnalyst(rounds));
    expect(strict.iterations[1]).toMatchObject({ accepted: false, regressions: [], candidateRegressions: ['t1'] });
    expect(strict.iterations[1].reason).toMatch(/passed now fail \(t1\)/);
    const lenient = await runEnhanceLoop({
      spaceName: 'x',
      file: 'f',
      space,
      benchmarks,
      score: async (s) => scoreOf(s),
      analyst: scriptedAnalyst(rounds),
      warehouse,
      warehouseSchema: await warehouse.schema(),
      lessons: emptyLessons('x'),
      maxRegressions: 1,
    });
    expect(lenient.iterations[0]).toMatchObject({ accepted: true, fixed: ['t1'], regressions: [] });
    expect(lenient.iterations[1]).toMatchObject({ accepted: true, fixed: ['t2', 't3'], regressions: ['t1'] });
  });
});

describe('enhancement loop with a significance check on gains', () => {
  const withCheck = async (significant: boolean, seen: Array<[number, number]>) =>
    runEnhanceLoop({
      spaceName: 'x',
      file: 'f',
      space,
      benchmarks,
      score: async (s) => scoreOf(s),
      analyst: scriptedAnalyst([[syn('a', 'alpha', 't1')], []]),
      warehouse,
      warehouseSchema: await warehouse.schema(),
      lessons: emptyLessons('x'),
      confirmGain: async (current, candidate) => {
        seen.push([current.card.totals.train.passed, candidate.card.totals.train.passed]);
        const card = { ...candidate.card, calls: { ...candidate.card.calls, genie: 99 } };
        return { significant, reason: significant ? 'significant gain' : 'gain not significant: +1 question', card };
      },
    });

  it('keeps a gain the check confirms, with the card holding its re-asks', async () => {
    const seen: Array<[number, number]> = [];
    const result = await withCheck(true, seen);
    expect(seen).toEqual([[0, 1]]);
    expect(result.iterations[0].accepted).toBe(true);
    expect(result.after.calls.genie).toBe(99);
  });

  it('rolls back a gain the check does not confirm, saying why', async () => {
    const seen: Array<[number, number]> = [];
    const result = await withCheck(false, seen);
    expect(seen).toEqual([[0, 1]]);
    expect(result.iterations[0]).toMatchObject({ accepted: false, reason: 'gain not significant: +1 question' });
    expect(result.space).toEqual(space);
    expect(result.stopReason).toMatch(/gained nothing \(gain not significant/);
  });
});

describe('screened loop: a regression screening did not predict', () => {
  // Train questions read main.s.t; the holdout one reads another table, so a synonym on t does not touch it.
  const sqlOf = (id: string) => (id === 'h1' ? 'SELECT c FROM main.s.u' : 'SELECT a FROM main.s.t');
  const scored = (s: Space) => {
    const card = scoreOf(s);
    return {
      ...card,
      questions: card.questions.map((q) => ({ ...q, expectedSql: sqlOf(q.id), genieSql: sqlOf(q.id) })),
    };
  };

  /** A screening port over the same scorer: asks only the named questions, once per config. */
  function port() {
    const answered = new Map<string, Set<string>>();
    const key = (s: Space) => JSON.stringify(s);
    return {
      ask: async (s: Space, ids: readonly string[]) => {
        const seen = answered.get(key(s)) ?? new Set<string>();
        answered.set(key(s), seen);
        for (const id of ids) seen.add(id);
        return scored(s).questions.filter((q) => ids.includes(q.id));
      },
      compose: (s: Space, questions: readonly QuestionScore[]) =>
        buildScorecard({
          space: 'x',
          configHash: JSON.stringify(s).length.toString(),
          benchmarksHash: 'b',
          backend: 'test',
          repeats: 1,
          questions: [...questions],
          taught: new Set<string>(),
          calls: { genie: questions.length, statements: 0, retries: 0, rateLimited: 0 },
          durationMs: 1,
          startedAt: '',
        }),
      answered: (s: Space) => answered.get(key(s)) ?? new Set<string>(),
      values: async () => undefined,
    };
  }

  it('replays from the last confirmed config with the missed question screened, keeping the fixes that did not cause it', async () => {
    // "bad" targets t2 (no effect there) and breaks holdout h1, which no screen of this candidate asks (no canary).
    const proposal = [syn('a', 'alpha', 't1'), syn('a', 'bad', 't2')];
    // The replay starts over from the rolled-back config, where the analyst proposes the same fixes again.
    const analyst = scriptedAnalyst([proposal, [], proposal, []]);
    const screening = port();
    const logs: string[] = [];
    const result = await runEnhanceLoop({
      spaceName: 'x',
      file: 'spaces/x/space.json',
      space,
      benchmarks: benchmarks.map((b) => ({ ...b, sql: sqlOf(b.id) })),
      score: async (s) => scored(s),
      analyst,
      warehouse,
      warehouseSchema: await warehouse.schema(),
      lessons: emptyLessons('x'),
      maxIterations: 4,
      screening: { port: screening, canary: 0 },
      log: (line) => logs.push(line),
    });
    expect(logs.join('\n')).toMatch(/rolled back to the starting config: the full scoring found h1 failing/);
    expect(logs.join('\n')).toMatch(/replaying from the last confirmed config with h1 screened on every candidate/);
    // The replay kept alpha and dropped bad: t1 fixed and h1 still passing, in the final full scoring.
    expect(result.after.totals.train.passed).toBe(1);
    expect(result.after.totals.holdout.passed).toBe(1);
    expect(result.lessons.applied_fixes.map((r) => r.key)).toEqual([fixKey(syn('a', 'alpha', 't1'))]);
    expect(result.lessons.rejected_fixes.map((r) => r.key)).toContain(fixKey(syn('a', 'bad', 't2')));
    expect(result.iterations.map((r) => r.index)).toEqual(result.iterations.map((_, i) => i + 1));
    expect(result.before.totals.holdout.passed).toBe(1);
  });
});
