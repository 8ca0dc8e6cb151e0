import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../../src/benchmarks/types.js';
import type { Genie, Warehouse } from '../../src/ports.js';
import { reaskScore, runScore, type ProgressEvent, type RunScoreInput } from '../../src/scoring/score-runner.js';
import { CannedWarehouse, FakeClock, ScriptedGenie, bench, result, tick } from './fakes.js';

const SQL = {
  total: 'SELECT count(*) AS n FROM main.community.messages',
  pro: "SELECT count(*) FROM main.community.members WHERE plan = 'pro'",
  proWrong: "SELECT count(*) FROM main.community.members WHERE plan = 'Pro'",
  top: 'SELECT channel_name, n FROM main.community.channel_counts ORDER BY n DESC',
  topAsc: 'SELECT channel_name, n FROM main.community.channel_counts ORDER BY n ASC',
  kr: "SELECT display_name FROM main.community.members WHERE country_code = 'KR'",
  krCols: "SELECT member_id, display_name FROM main.community.members WHERE country_code = 'KR'",
  broken: 'SELECT nope FROM main.community.nothing',
};

const RESULTS = {
  [SQL.total]: result(['n'], [[40000]]),
  [SQL.pro]: result(['count(1)'], [[512]]),
  [SQL.proWrong]: result(['count(1)'], [[0]]),
  [SQL.top]: result(
    ['channel_name', 'n'],
    [
      ['general', 9],
      ['help', 5],
      ['korea', 2],
    ],
  ),
  [SQL.topAsc]: result(
    ['channel_name', 'n'],
    [
      ['korea', 2],
      ['help', 5],
      ['general', 9],
    ],
  ),
  [SQL.kr]: result(['display_name'], [['Kim'], ['Lee']]),
  [SQL.krCols]: result(
    ['member_id', 'display_name'],
    [
      [1, 'Kim'],
      [2, 'Lee'],
    ],
  ),
};

function setup(
  answers: ConstructorParameters<typeof ScriptedGenie>[1],
  benchmarks: Benchmark[],
  options: RunScoreInput['options'] = {},
) {
  const warehouse = new CannedWarehouse(RESULTS, tick);
  const genie = new ScriptedGenie(warehouse, answers, tick);
  const clock = new FakeClock();
  const events: ProgressEvent[] = [];
  const run = (overrides: Partial<RunScoreInput> = {}) =>
    runScore({
      space: 'demo',
      configHash: 'cfg123',
      benchmarksHash: 'bm456',
      backend: 'test',
      benchmarks,
      genie,
      warehouse,
      options,
      onProgress: (e) => events.push(e),
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
      ...overrides,
    });
  return { warehouse, genie, clock, events, run };
}

describe('runScore', () => {
  it('scores a fully correct space', async () => {
    const benchmarks = [
      bench('q1', 'How many messages?', SQL.total),
      bench('q2', 'How many pro members?', SQL.pro, 'holdout'),
      bench('q3', 'Korean members', SQL.kr),
    ];
    const { run, events } = setup(
      { 'How many messages?': SQL.total, 'How many pro members?': SQL.pro, 'Korean members': SQL.kr },
      benchmarks,
    );
    const card = await run();
    expect(card.totals).toEqual({
      all: { passed: 3, total: 3, broken: 0, answered: 3, errored: 0, score: 1, passRate: 1 },
      train: { passed: 2, total: 2, broken: 0, answered: 2, errored: 0, score: 1, passRate: 1 },
      trainUntaught: { passed: 2, total: 2, broken: 0, answered: 2, errored: 0, score: 1, passRate: 1 },
      holdout: { passed: 1, total: 1, broken: 0, answered: 1, errored: 0, score: 1, passRate: 1 },
    });
    expect(card.questions.map((q) => [q.id, q.passed, q.verdict, q.category])).toEqual([
      ['q1', true, 'exact', null],
      ['q2', true, 'exact', null],
      ['q3', true, 'exact', null],
    ]);
    expect(Object.values(card.categories).every((n) => n === 0)).toBe(true);
    expect(card.calls).toEqual({ genie: 3, statements: 3, retries: 0, rateLimited: 0 });
    expect(card).toMatchObject({
      space: 'demo',
      configHash: 'cfg123',
      benchmarksHash: 'bm456',
      backend: 'test',
      repeats: 1,
      startedAt: '2026-11-01T09:00:00.000Z',
    });
    expect(events).toHaveLength(3);
  });

  it('categorises wrong answers and keeps the evidence', async () => {
    const benchmarks = [
      bench('filter', 'pro members', SQL.pro),
      bench('text', 'which channel?', SQL.total),
      bench('failed', 'broken', SQL.total),
      bench('norun', 'bad sql', SQL.total),
      bench('order', 'top channels', SQL.top),
      bench('extra', 'Korean members', SQL.kr),
    ];
    const { run } = setup(
      {
        'pro members': SQL.proWrong,
        broken: () => ({
          status: 'FAILED',
          sql: SQL.broken,
          error: { type: 'SQL_EXECUTION_EXCEPTION', message: 'column nope not found' },
        }),
        // Genie gave SQL but no result of its own: the runner runs it, and it fails.
        'bad sql': () => ({ status: 'COMPLETED', sql: SQL.broken }),
        'top channels': SQL.topAsc,
        'Korean members': SQL.krCols,
      },
      benchmarks,
    );
    const card = await run();
    const byId = Object.fromEntries(card.questions.map((q) => [q.id, q]));
    expect(byId.filter).toMatchObject({
      passed: false,
      verdict: 'mismatch',
      category: 'wrong_filter',
      genieSql: SQL.proWrong,
    });
    expect(byId.filter.reason).toMatch(/expected 512, got 0/);
    expect(byId.filter.reason).toMatch(/`plan = 'pro'` missing/);
    expect(byId.text).toMatchObject({
      passed: false,
      verdict: null,
      category: 'no_sql',
      genieSql: null,
      genieText: 'Could you clarify which channel you mean?',
    });
    expect(byId.failed).toMatchObject({
      passed: false,
      category: 'sql_error',
      error: 'column nope not found',
      genieSql: SQL.broken,
    });
    expect(byId.norun).toMatchObject({ passed: false, category: 'sql_error' });
    expect(byId.norun.error).toMatch(/Genie's SQL failed: .*unknown SQL/);
    // ORDER BY in the expected SQL makes order matter.
    expect(byId.order).toMatchObject({ passed: false, verdict: 'mismatch', category: 'wrong_order_or_limit' });
    expect(byId.extra).toMatchObject({ passed: true, verdict: 'superset', category: null });
    expect(card.categories).toMatchObject({
      wrong_filter: 1,
      no_sql: 1,
      sql_error: 2,
      wrong_order_or_limit: 1,
      api_error: 0,
    });
    expect(card.totals.all).toMatchObject({ passed: 1, total: 6 });
  });

  it('respects an explicit order_matters: false', async () => {
    const { run } = setup({ 'top channels': SQL.topAsc }, [
      bench('order', 'top channels', SQL.top, 'train', { orderMatters: false }),
    ]);
    const card = await run();
    expect(card.questions[0]).toMatchObject({ passed: true, verdict: 'exact' });
  });

  it('folds flaky repeats into a pass rate and a majority verdict', async () => {
    const flaky = (everyNth: number) => (_q: string, call: number) => ({
      status: 'COMPLETED' as const,
      sql: call % everyNth === 0 ? SQL.proWrong : SQL.pro,
      result: call % everyNth === 0 ? RESULTS[SQL.proWrong] : RESULTS[SQL.pro],
    });
    const benchmarks = [bench('mostly', 'mostly right', SQL.pro), bench('rarely', 'rarely right', SQL.pro, 'holdout')];
    const { run, events } = setup(
      {
        'mostly right': flaky(3), // wrong on call 3 of 3
        'rarely right': (_q, call) =>
          call === 2
            ? { status: 'COMPLETED', sql: SQL.pro, result: RESULTS[SQL.pro] }
            : { status: 'COMPLETED', sql: SQL.proWrong, result: RESULTS[SQL.proWrong] },
      },
      benchmarks,
      { repeats: 3 },
    );
    const card = await run();
    const [mostly, rarely] = card.questions;
    expect(mostly).toMatchObject({ passed: true, category: null, verdict: 'exact' });
    expect(mostly.passRate).toBeCloseTo(2 / 3);
    expect(mostly.repeats.map((r) => r.passed)).toEqual([true, true, false]);
    expect(rarely).toMatchObject({ passed: false, category: 'wrong_filter', verdict: 'mismatch' });
    expect(rarely.passRate).toBeCloseTo(1 / 3);
    expect(card.repeats).toBe(3);
    expect(card.totals.all.passed).toBe(1);
    expect(card.totals.all.passRate).toBeCloseTo(0.5);
    expect(card.calls.genie).toBe(6);
    expect(card.calls.statements).toBe(1); // one distinct expected SQL
    expect(events.map((e) => e.repeat).sort()).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('retries 429s honouring Retry-After, then succeeds', async () => {
    const throttled = (_q: string, call: number) => {
      if (call <= 2) throw Object.assign(new Error('Too many requests'), { status: 429, retryAfterMs: 7000 });
      return { status: 'COMPLETED' as const, sql: SQL.total, result: RESULTS[SQL.total] };
    };
    const { run, clock } = setup({ q: throttled }, [bench('q1', 'q', SQL.total)], { retries: 2 });
    const card = await run();
    expect(card.questions[0]).toMatchObject({ passed: true, attempts: 3 });
    expect(card.calls).toMatchObject({ genie: 3, retries: 2, rateLimited: 2 });
    expect(clock.sleeps).toEqual([7000, 7000]);
  });

  it('retries 5xx and throttled FAILED answers with exponential backoff', async () => {
    const script = (_q: string, call: number) => {
      if (call === 1) throw Object.assign(new Error('unavailable'), { status: 503 });
      if (call === 2)
        return {
          status: 'FAILED' as const,
          error: { type: 'RATE_LIMIT_EXCEEDED_GENERIC_EXCEPTION', message: 'slow down' },
        };
      return { status: 'COMPLETED' as const, sql: SQL.total, result: RESULTS[SQL.total] };
    };
    const { run, clock } = setup({ q: script }, [bench('q1', 'q', SQL.total)], { retries: 3, backoffMs: 100 });
    const card = await run();
    expect(card.questions[0].passed).toBe(true);
    expect(card.calls).toMatchObject({ genie: 3, retries: 2, rateLimited: 1 });
    // random() = 0.5 -> 75% of base * 2^attempt
    expect(clock.sleeps).toEqual([75, 150]);
  });

  it('gives up after the retries and records the question as errored, not as a wrong answer', async () => {
    const always429 = () => {
      throw Object.assign(new Error('Too many requests'), { status: 429 });
    };
    const { run } = setup(
      { q: always429, ok: SQL.total },
      [bench('q1', 'q', SQL.total), bench('q2', 'ok', SQL.total)],
      { retries: 1, backoffMs: 10 },
    );
    const card = await run();
    expect(card.questions[0]).toMatchObject({ passed: false, errored: true, category: 'api_error', attempts: 2 });
    expect(card.questions[0].error).toMatch(/Too many requests.*after 2 attempts/);
    expect(card.questions[1]).toMatchObject({ passed: true, errored: false });
    expect(card.calls).toMatchObject({ genie: 3, retries: 1, rateLimited: 2 });
    // The score is over answered questions; the errored one is counted apart and in no category.
    expect(card.totals.all).toMatchObject({ passed: 1, total: 2, answered: 1, errored: 1, score: 1 });
    expect(card.categories.api_error).toBe(0);
  });

  it('retries a question whose answer never comes (a service timeout) within its budget, then errs', async () => {
    let sawAbort = false;
    const never = (_q: string, _c: number, options?: { signal?: AbortSignal }) =>
      new Promise<never>(() => {
        options?.signal?.addEventListener('abort', () => (sawAbort = true));
      });
    const { run, genie, clock } = setup(
      { slow: never, ok: SQL.total },
      [bench('q1', 'slow', SQL.total), bench('q2', 'ok', SQL.total)],
      { questionTimeoutMs: 30, questionBudgetMs: 200, backoffMs: 40 },
    );
    const card = await run();
    expect(card.questions[0]).toMatchObject({ passed: false, errored: true, category: 'api_error' });
    expect(card.questions[0].error).toMatch(/did not answer within .*service timeout/);
    expect(sawAbort).toBe(true);
    // The fake clock only moves on backoff waits (30 + 60 ms); the next wait (120 ms) would pass the budget.
    expect(clock.sleeps).toEqual([30, 60]);
    expect(genie.asked.filter((q) => q === 'slow')).toHaveLength(3);
    expect(card.questions[1].passed).toBe(true);
  });

  it.each([
    ['RETRYABLE_PROCESSING_EXCEPTION', 'FAILED'],
    ['REPLY_PROCESS_TIMEOUT_EXCEPTION', 'FAILED'],
    ['QUERY_RESULT_EXPIRED', 'CANCELLED'],
  ] as const)('a %s message that persists is errored after the retries', async (type, status) => {
    const failing = () => ({ status, error: { type, message: 'the service failed' } });
    const { run } = setup({ q: failing }, [bench('q1', 'q', SQL.total)], { retries: 2, backoffMs: 1 });
    const card = await run();
    expect(card.questions[0]).toMatchObject({ errored: true, attempts: 3 });
    expect(card.questions[0].error).toContain(type);
    expect(card.totals.all).toMatchObject({ answered: 0, errored: 1, score: 0 });
  });

  it('judges a genuine answer that is no help as a wrong answer, never as errored', async () => {
    const sqlFails = () => ({
      status: 'FAILED' as const,
      sql: SQL.broken,
      error: { type: 'SQL_EXECUTION_EXCEPTION', message: 'no such column nope' },
    });
    const slowQuery = () => ({
      status: 'FAILED' as const,
      sql: SQL.total,
      error: { type: 'QUERY_EXECUTION_TIMEOUT', message: 'the query ran too long' },
    });
    const { run } = setup({ a: sqlFails, b: slowQuery }, [
      bench('q1', 'a', SQL.total),
      bench('q2', 'b', SQL.total),
      bench('q3', 'clarify?', SQL.total), // ScriptedGenie answers unknown questions with a clarifying text
    ]);
    const card = await run();
    expect(card.questions.map((q) => [q.id, q.errored, q.category])).toEqual([
      ['q1', false, 'sql_error'],
      ['q2', false, 'timeout'],
      ['q3', false, 'no_sql'],
    ]);
    expect(card.totals.all).toMatchObject({ answered: 3, errored: 0, passed: 0 });
  });

  it('never lets a throwing Genie abort the run', async () => {
    const boom = () => {
      throw new TypeError('cannot read properties of undefined');
    };
    const { run } = setup({ bad: boom, ok: SQL.total }, [bench('q1', 'bad', SQL.total), bench('q2', 'ok', SQL.total)]);
    const card = await run();
    expect(card.questions[0]).toMatchObject({ passed: false, errored: true, category: 'api_error', attempts: 1 });
    expect(card.questions[0].error).toBe('Genie request failed: cannot read properties of undefined');
    expect(card.questions[1].passed).toBe(true);
    expect(card.calls.retries).toBe(0);
  });

  it('counts a failing expected SQL as a broken benchmark, outside the score and never an api_error, without asking Genie', async () => {
    const { run, genie } = setup({ q: SQL.total, p: SQL.pro }, [
      bench('q1', 'q', SQL.broken),
      bench('q2', 'p', SQL.pro),
    ]);
    const card = await run();
    expect(card.questions[0]).toMatchObject({ passed: false, category: null, attempts: 0, verdict: null });
    expect(card.questions[0].expectedError).toMatch(/unknown SQL/);
    expect(card.questions[0].error).toMatch(/^expected SQL failed:/);
    expect(card.categories.api_error).toBe(0);
    // Left out of the score: the one scored question passed.
    expect(card.totals.all).toMatchObject({ passed: 1, total: 1, broken: 1, score: 1 });
    expect(genie.asked).toEqual(['p']);
  });

  it('errs a question whose expected SQL could not reach the warehouse, and lets the next asker try again', async () => {
    let calls = 0;
    const flaky: Warehouse = {
      async execute(sql) {
        calls++;
        if (calls === 1)
          throw Object.assign(new Error('POST /api/2.0/sql/statements failed: HTTP 503'), { status: 503 });
        return RESULTS[sql];
      },
      schema: async () => ({ tables: [] }),
    };
    const genie = new ScriptedGenie(flaky, { a: SQL.total, b: SQL.total });
    const card = await runScore({
      space: 's',
      configHash: 'c',
      benchmarksHash: 'b',
      backend: 't',
      benchmarks: [bench('q1', 'a', SQL.total), bench('q2', 'b', SQL.total)],
      genie,
      warehouse: flaky,
      options: { concurrency: 1 },
    });
    expect(card.questions[0]).toMatchObject({ errored: true, attempts: 0 });
    expect(card.questions[0].expectedError).toBeUndefined();
    expect(card.questions[0].error).toMatch(/^expected SQL not run: .*503/);
    expect(card.questions[1]).toMatchObject({ errored: false, passed: true });
  });

  it('errs a question whose SQL the scorer could not run for an infrastructure reason', async () => {
    const warehouse = new CannedWarehouse({
      ...RESULTS,
      [SQL.pro]: Object.assign(new Error('connection reset'), { status: 0, retryable: true }),
    });
    const genie: Genie = { ask: async () => ({ status: 'COMPLETED', sql: SQL.pro }) };
    const card = await runScore({
      space: 's',
      configHash: 'c',
      benchmarksHash: 'b',
      backend: 't',
      benchmarks: [bench('q1', 'a', SQL.total)],
      genie,
      warehouse,
    });
    expect(card.questions[0]).toMatchObject({ errored: true });
    expect(card.questions[0].error).toMatch(/^Genie's SQL not run: connection reset/);
  });

  it('votes only with answered repeats', async () => {
    const script = (_q: string, call: number) => {
      if (call === 2) throw Object.assign(new Error('unavailable'), { status: 503 });
      return {
        status: 'COMPLETED' as const,
        sql: call === 3 ? SQL.proWrong : SQL.pro,
        result: RESULTS[call === 3 ? SQL.proWrong : SQL.pro],
      };
    };
    const { run } = setup({ q: script }, [bench('q1', 'q', SQL.pro)], { repeats: 4, retries: 0, concurrency: 1 });
    const card = await run();
    // Repeats: pass, errored, fail, pass -> 2 of 3 answered repeats pass.
    expect(card.questions[0].repeats.map((r) => r.errored === true)).toEqual([false, true, false, false]);
    expect(card.questions[0]).toMatchObject({ passed: true, errored: false });
    expect(card.questions[0].passRate).toBeCloseTo(2 / 3);
  });

  it('stops the whole run on an error marked abortsRun (e.g. the shared staging space changed)', async () => {
    const benchmarks = Array.from({ length: 8 }, (_, i) => bench(`q${i}`, `question ${i}`, SQL.total));
    let asks = 0;
    const genie: Genie = {
      async ask() {
        asks++;
        await tick();
        if (asks === 3)
          throw Object.assign(new Error('the staging space was changed by someone else'), { abortsRun: true });
        return { status: 'COMPLETED', sql: SQL.total, result: RESULTS[SQL.total] };
      },
    };
    await expect(
      runScore({
        space: 's',
        configHash: 'c',
        benchmarksHash: 'b',
        backend: 't',
        benchmarks,
        genie,
        warehouse: new CannedWarehouse(RESULTS),
        options: { concurrency: 2 },
      }),
    ).rejects.toThrow('the staging space was changed by someone else');
    expect(asks).toBeLessThanOrEqual(4);
  });

  it('runs each distinct expected SQL once, shared by concurrent askers', async () => {
    const benchmarks = [
      bench('a1', 'messages?', SQL.total),
      bench('a2', 'message count?', SQL.total),
      bench('a3', 'number of messages?', SQL.total),
      bench('b1', 'pro members?', SQL.pro),
      bench('c1', 'Korean members?', SQL.kr),
    ];
    const answers = Object.fromEntries(benchmarks.map((b) => [b.question, b.sql]));
    const { run, warehouse } = setup(answers, benchmarks, { concurrency: 5, repeats: 2 });
    const card = await run();
    expect(card.totals.all.passed).toBe(5);
    expect(card.calls.statements).toBe(3);
    // The warehouse also saw Genie's own executions (the double runs its SQL); the scorer's are the 3 above.
    expect(warehouse.executed.length).toBe(3 + 10);
  });

  it('never exceeds the concurrency bound', async () => {
    const benchmarks = Array.from({ length: 12 }, (_, i) => bench(`q${i}`, `question ${i}`, SQL.total));
    const answers = Object.fromEntries(benchmarks.map((b) => [b.question, SQL.total]));
    const slow = async () => {
      for (let i = 0; i < 5; i++) await tick();
    };
    const warehouse = new CannedWarehouse(RESULTS);
    const genie = new ScriptedGenie(warehouse, answers, slow);
    const card = await runScore({
      space: 's',
      configHash: 'c',
      benchmarksHash: 'b',
      backend: 't',
      benchmarks,
      genie,
      warehouse,
      options: { concurrency: 3 },
    });
    expect(card.totals.all.passed).toBe(12);
    expect(genie.maxInFlight).toBe(3);
  });

  it('keeps asks within the questions-per-minute limit on a fake clock', async () => {
    const benchmarks = Array.from({ length: 5 }, (_, i) => bench(`q${i}`, `question ${i}`, SQL.total));
    const clock = new FakeClock();
    const askTimes: number[] = [];
    const warehouse = new CannedWarehouse(RESULTS);
    const genie: Genie = {
      async ask() {
        askTimes.push(clock.now());
        return { status: 'COMPLETED', sql: SQL.total, result: RESULTS[SQL.total] };
      },
    };
    const card = await runScore({
      space: 's',
      configHash: 'c',
      benchmarksHash: 'b',
      backend: 't',
      benchmarks,
      genie,
      warehouse,
      options: { concurrency: 4, questionsPerMinute: 2 },
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(card.totals.all.passed).toBe(5);
    const start = askTimes[0];
    expect(askTimes.map((t) => t - start)).toEqual([0, 0, 60_000, 60_000, 120_000]);
    for (const t of askTimes) expect(askTimes.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(2);
    expect(card.durationMs).toBe(120_000);
  });

  it("leaves rate-limit waits out of a question's duration", async () => {
    const benchmarks = Array.from({ length: 3 }, (_, i) => bench(`q${i}`, `question ${i}`, SQL.total));
    const clock = new FakeClock();
    const warehouse = new CannedWarehouse(RESULTS);
    const genie: Genie = {
      async ask() {
        await clock.sleep(1500); // Genie takes 1.5 s to answer
        return { status: 'COMPLETED', sql: SQL.total, result: RESULTS[SQL.total] };
      },
    };
    const card = await runScore({
      space: 's',
      configHash: 'c',
      benchmarksHash: 'b',
      backend: 't',
      benchmarks,
      genie,
      warehouse,
      options: { concurrency: 1, questionsPerMinute: 1 },
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(card.questions.map((q) => q.durationMs)).toEqual([1500, 1500, 1500]);
    expect(card.durationMs).toBe(121_500);
  });

  it('emits one progress event per ask with a running count', async () => {
    const benchmarks = [bench('q1', 'a', SQL.total), bench('q2', 'b', SQL.pro)];
    const { run, events } = setup({ a: SQL.total, b: SQL.proWrong }, benchmarks, { repeats: 2, concurrency: 1 });
    await run();
    expect(events.map((e) => [e.done, e.total, e.id, e.repeat, e.passed, e.verdict, e.category])).toEqual([
      [1, 4, 'q1', 1, true, 'exact', null],
      [2, 4, 'q2', 1, false, 'mismatch', 'wrong_filter'],
      [3, 4, 'q1', 2, true, 'exact', null],
      [4, 4, 'q2', 2, false, 'mismatch', 'wrong_filter'],
    ]);
  });

  it('stops on cancellation and rejects instead of returning a partial scorecard', async () => {
    const controller = new AbortController();
    const benchmarks = Array.from({ length: 6 }, (_, i) => bench(`q${i}`, `question ${i}`, SQL.total));
    const warehouse: Warehouse = new CannedWarehouse(RESULTS);
    let asks = 0;
    const genie: Genie = {
      async ask() {
        asks++;
        if (asks === 2) controller.abort(new Error('cancelled by user'));
        return { status: 'COMPLETED', sql: SQL.total, result: RESULTS[SQL.total] };
      },
    };
    await expect(
      runScore({
        space: 's',
        configHash: 'c',
        benchmarksHash: 'b',
        backend: 't',
        benchmarks,
        genie,
        warehouse,
        options: { concurrency: 1, signal: controller.signal },
      }),
    ).rejects.toThrow('cancelled by user');
    expect(asks).toBe(2);
  });

  it('handles an empty benchmark list', async () => {
    const { run } = setup({}, []);
    const card = await run();
    expect(card.totals.all).toEqual({ passed: 0, total: 0, broken: 0, answered: 0, errored: 0, score: 0, passRate: 0 });
    expect(card.questions).toEqual([]);
  });
});

describe('reaskScore', () => {
  it('re-asks only the chosen questions through the same Genie and merges the asks', async () => {
    const benchmarks = [bench('q1', 'How many messages?', SQL.total), bench('q2', 'pro members', SQL.pro)];
    // q1 passes on its first ask, then fails: a flaky answer only re-asks can reveal.
    const { run, genie, warehouse } = setup(
      {
        'How many messages?': (_q, call) => ({
          status: 'COMPLETED',
          sql: call === 1 ? SQL.total : SQL.pro,
          result: call === 1 ? RESULTS[SQL.total] : RESULTS[SQL.pro],
        }),
        'pro members': SQL.pro,
      },
      benchmarks,
    );
    const expectedCache = new Map();
    const first = await run({ expectedCache });
    expect(first.questions[0].passed).toBe(true);
    const input: RunScoreInput = {
      space: 'demo',
      configHash: 'cfg123',
      benchmarksHash: 'bm456',
      backend: 'test',
      benchmarks,
      genie,
      warehouse,
      expectedCache,
    };
    const merged = await reaskScore(input, first, ['q1'], 2);
    expect(genie.asked.filter((q) => q === 'How many messages?')).toHaveLength(3);
    expect(genie.asked.filter((q) => q === 'pro members')).toHaveLength(1);
    const q1 = merged.questions[0];
    expect([q1.passes, q1.asks, q1.flaky, q1.passed]).toEqual([1, 3, true, false]);
    expect(merged.questions[1].asks).toBe(1);
    expect(merged.calls.genie).toBe(3 + 1);
    // The expected SQL ran once for both runs: the cache is shared.
    expect(warehouse.executed.filter((sql) => sql === SQL.total)).toHaveLength(1);
    expect(await reaskScore(input, merged, [], 2)).toBe(merged);
  });
});
