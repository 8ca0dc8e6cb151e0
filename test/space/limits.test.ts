/** Genie's per-space limits: validate names the count and the limit; enhance never writes a config over one. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Fix } from '../../src/fixes/fix-types.js';
import { runEnhanceLoop } from '../../src/loop/enhance-loop.js';
import { emptyLessons } from '../../src/loop/lessons.js';
import type { Warehouse } from '../../src/ports.js';
import { buildScorecard } from '../../src/scoring/scorecard.js';
import { GENIE_LIMITS, limitIssues, slotUsage, usageText } from '../../src/space/limits.js';
import type { Space } from '../../src/space/schema.js';
import { captureIo, tempRepo } from '../helpers/temp-repo.js';

const id = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(31, '0')}`;
const examples = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: id('a', i),
    question: [`question ${i}`],
    sql: ['SELECT COUNT(*) FROM main.community.members'],
  }));
const filters = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: id('b', i),
    sql: [`main.community.members.member_id > ${i}`],
    display_name: `filter ${i}`,
  }));

describe('limitIssues', () => {
  it('counts instructions (examples + functions + the text block as one) and snippets', () => {
    const space = {
      version: 2,
      data_sources: { tables: [{ identifier: 'main.s.t', description: ['d'] }] },
      instructions: {
        text_instructions: [{ id: id('c', 0), content: ['a\n', 'b'] }],
        example_question_sqls: examples(99),
        join_specs: [],
        sql_snippets: { filters: filters(199) },
      },
    } as unknown as Space;
    expect(slotUsage(space)).toMatchObject({ instructions: 100, snippets: 200, tables: 1 });
    expect(limitIssues(space)).toEqual([]);
    expect(usageText(space)).toBe('instructions 100/100, snippets 200/200, tables 1/30');
    space.instructions!.example_question_sqls = examples(100);
    space.instructions!.sql_snippets = { filters: filters(200) };
    expect(limitIssues(space).map((i) => i.message)).toEqual([
      expect.stringMatching(/^101 instructions exceed Genie's limit of 100 per space \(100 example SQL queries/),
      expect.stringMatching(
        /^201 knowledge-store snippets exceed Genie's limit of 200 per space \(1 table descriptions/,
      ),
    ]);
  });
});

describe('validate', () => {
  let repo: ReturnType<typeof tempRepo>;
  beforeEach(() => {
    repo = tempRepo();
  });
  afterEach(() => repo.cleanup());

  const edit = (change: (space: any) => void) => {
    const file = path.join(repo.root, 'spaces/demo/space.json');
    const space = JSON.parse(readFileSync(file, 'utf8'));
    change(space);
    writeFileSync(file, JSON.stringify(space, null, 2));
  };

  it('rejects 101 example queries, naming the count and the limit', async () => {
    edit((s) => (s.instructions = { example_question_sqls: examples(101) }));
    const io = captureIo(repo.root);
    expect(await main(['validate', '--space', 'demo'], io)).toBe(1);
    expect(io.stderr.join('\n') + io.stdout.join('\n')).toMatch(
      /101 instructions exceed Genie's limit of 100 per space \(101 example SQL queries \+ 0 SQL functions \+ 0 text-instruction block\)/,
    );
  });

  it('rejects 201 snippets, naming the count and the limit', async () => {
    edit((s) => (s.instructions = { sql_snippets: { filters: filters(201) } }));
    const io = captureIo(repo.root);
    expect(await main(['validate', '--space', 'demo'], io)).toBe(1);
    expect(io.stderr.join('\n') + io.stdout.join('\n')).toMatch(
      /201 knowledge-store snippets exceed Genie's limit of 200 per space \(0 table descriptions \+ 0 join specs \+ 201 SQL snippets\)/,
    );
  });
});

describe('enhance under the limits', () => {
  it('never writes a config over a limit: the slot goes to the fix aiming at more questions', async () => {
    const space = {
      version: 2,
      data_sources: { tables: [{ identifier: 'main.community.members', column_configs: [{ column_name: 'plan' }] }] },
      instructions: { example_question_sqls: examples(GENIE_LIMITS.instructions - 1) },
    } as unknown as Space;
    const benchmarks = ['t1', 't2', 't3'].map((b) => ({
      id: b,
      question: `${b}?`,
      sql: `SELECT '${b}'`,
      split: 'train' as const,
      tags: [],
    }));
    const example = (question: string, targets: string[]): Fix => ({
      type: 'add_example_query',
      question,
      sql: `SELECT plan FROM main.community.members WHERE plan = :plan`,
      parameters: [{ name: 'plan', type_hint: 'STRING', default_value: 'enterprise' }],
      rationale: 'r',
      targets,
    });
    const narrow = example('members on the enterprise plan?', ['t1']);
    const wide = example('which members are on the enterprise plan', ['t2', 't3']);
    const score = async (s: Space) => {
      const sqls = (s.instructions?.example_question_sqls ?? []).map((e) => e.question.join(''));
      const pass = (b: string) =>
        (b === 't1' && sqls.includes(narrow.type === 'add_example_query' ? narrow.question : '')) ||
        (b !== 't1' && sqls.includes(wide.type === 'add_example_query' ? wide.question : ''));
      return buildScorecard({
        space: 'x',
        configHash: String(sqls.length),
        benchmarksHash: 'b',
        backend: 'test',
        repeats: 1,
        questions: benchmarks.map((b) => ({
          id: b.id,
          question: b.question,
          split: b.split,
          tags: [],
          passed: pass(b.id),
          passRate: pass(b.id) ? 1 : 0,
          verdict: pass(b.id) ? 'exact' : 'mismatch',
          category: pass(b.id) ? null : 'result_mismatch',
          genieSql: null,
          expectedSql: b.sql,
          attempts: 1,
          durationMs: 1,
          repeats: [],
          taught: false,
        })),
        calls: { genie: 0, statements: 0, retries: 0, rateLimited: 0 },
        durationMs: 1,
        startedAt: '',
      });
    };
    const warehouse: Warehouse = {
      execute: async () => ({ columns: [{ name: 'plan', type: 'STRING' }], rows: [['enterprise']], truncated: false }),
      schema: async () => ({
        tables: [{ identifier: 'main.community.members', columns: [{ name: 'plan', type: 'STRING' }] }],
      }),
    };
    let round = 0;
    const result = await runEnhanceLoop({
      spaceName: 'x',
      file: 'spaces/x/space.json',
      space,
      benchmarks,
      score,
      analyst: {
        name: 'two-examples',
        propose: async () => ({ fixes: round++ === 0 ? [narrow, wide] : [narrow], notes: [] }),
      },
      warehouse,
      warehouseSchema: await warehouse.schema(),
      lessons: emptyLessons('x'),
    });
    expect(slotUsage(result.space).instructions).toBe(GENIE_LIMITS.instructions);
    expect(limitIssues(result.space)).toEqual([]);
    expect(result.iterations[0].applied.map((a) => a.fix.targets)).toEqual([['t2', 't3']]);
    expect(result.iterations[0].notes.join('\n')).toMatch(/no slot left under Genie's limits/);
    // The next iteration's example does not fit either: it is refused, never written.
    expect(result.iterations[1].applied).toEqual([]);
    expect(result.after.totals.train.passed).toBe(2);
  });
});
