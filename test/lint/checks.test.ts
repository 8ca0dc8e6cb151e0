/**
 * Every check fires on a config made to break it, at a JSON path with a line, and stays silent on the
 * described demo fixture (which no check flags at all, benchmarks included).
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/lint/registry.js';
import type { WarehouseFacts } from '../../src/lint/types.js';
import type { Space } from '../../src/space/schema.js';
import { demoBenchmarks, described, freshId, lint } from './helpers.js';

type Mutable = any; // test mutations reach into the JSON freely

const tables = (s: Space): Mutable[] => s.data_sources!.tables!;
const column = (s: Space, t: number, name: string): Mutable =>
  tables(s)[t].column_configs.find((c: Mutable) => c.column_name === name);
const ins = (s: Space): Mutable => s.instructions;
const extraTables = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ identifier: `main.extra.t${String(i).padStart(3, '0')}` }));

function facts(stats: Record<string, { distinct: number; rows: number; maxLength?: number }>): WarehouseFacts {
  return { schema: { tables: [] }, stats: new Map(Object.entries(stats)) };
}

interface Case {
  id: string;
  mutate: (s: Space) => void;
  warehouse?: WarehouseFacts;
  /** The finding's JSON path starts with this. */
  path?: string;
}

const CASES: Case[] = [
  { id: 'config-invalid', mutate: (s) => void (ins(s).sql_functions = [{ id: freshId(), identifier: 'no_dots' }]) },
  { id: 'list-unsorted', mutate: (s) => void tables(s).reverse(), path: '$.data_sources.tables' },
  {
    id: 'id-invalid',
    mutate: (s) => void (ins(s).join_specs[1].id = ins(s).join_specs[0].id),
    path: '$.instructions.join_specs[1].id',
  },
  { id: 'text-untrimmed', mutate: (s) => void (column(s, 0, 'category').synonyms[0] = ' channel category ') },
  { id: 'limit-tables', mutate: (s) => void tables(s).push(...extraTables(26)) },
  {
    id: 'limit-instructions',
    mutate: (s) =>
      void ins(s).example_question_sqls.push(
        ...Array.from({ length: 100 }, (_, i) => ({ id: freshId(), question: [`q ${i}`], sql: [`SELECT ${i}`] })),
      ),
  },
  {
    id: 'limit-snippets',
    mutate: (s) =>
      void ins(s).sql_snippets.filters.push(
        ...Array.from({ length: 190 }, (_, i) => ({
          id: freshId(),
          sql: [`members.plan = 'p${i}'`],
          display_name: `p${i}`,
        })),
      ),
  },
  {
    id: 'limit-entity-matching',
    mutate: (s) =>
      void tables(s).push({
        identifier: 'main.extra.wide',
        column_configs: Array.from({ length: 121 }, (_, i) => ({
          column_name: `c${String(i).padStart(3, '0')}`,
          enable_format_assistance: true,
          enable_entity_matching: true,
        })),
      }),
  },
  { id: 'limit-near', mutate: (s) => void tables(s).push(...extraTables(22)) },
  {
    id: 'dictionary-over-limit',
    mutate: (s) => void (column(s, 0, 'category').enable_entity_matching = true),
    warehouse: facts({ 'main.community.channels.category': { distinct: 5000, rows: 5000, maxLength: 200 } }),
    path: '$.data_sources.tables[0].column_configs[0].enable_entity_matching',
  },
  {
    id: 'table-description-missing',
    mutate: (s) => void delete tables(s)[1].description,
    path: '$.data_sources.tables[1]',
  },
  { id: 'column-description-missing', mutate: (s) => void delete column(s, 2, 'plan').description },
  { id: 'description-too-short', mutate: (s) => void (tables(s)[0].description = ['Channels']) },
  // The help-channel example joins messages and members.
  { id: 'join-spec-missing', mutate: (s) => void ins(s).join_specs.splice(2, 1) },
  {
    id: 'join-relationship-missing',
    mutate: (s) => void ins(s).join_specs[2].sql.pop(),
    path: '$.instructions.join_specs[2].sql',
  },
  {
    id: 'join-spec-duplicate',
    mutate: (s) => void ins(s).join_specs.push({ ...ins(s).join_specs[0], id: 'f'.repeat(32) }),
  },
  { id: 'table-isolated', mutate: (s) => void ins(s).join_specs.splice(0, 1), path: '$.data_sources.tables[1]' },
  { id: 'synonym-duplicate-across-columns', mutate: (s) => void column(s, 2, 'display_name').synonyms.push('author') },
  { id: 'synonym-names-other-column', mutate: (s) => void column(s, 0, 'category').synonyms.push('plan') },
  { id: 'synonym-repeated', mutate: (s) => void column(s, 0, 'category').synonyms.push('Channel Type') },
  { id: 'synonym-conflicts-snippet', mutate: (s) => void column(s, 2, 'plan').synonyms.push('paid') },
  { id: 'synonyms-missing', mutate: (s) => void delete column(s, 2, 'plan').synonyms },
  {
    id: 'dictionary-on-id-or-free-text',
    mutate: (s) =>
      void Object.assign(column(s, 2, 'member_id'), { enable_format_assistance: true, enable_entity_matching: true }),
  },
  { id: 'snippet-invalid-sql', mutate: (s) => void (ins(s).sql_snippets.filters[2].sql = ['members.plan IN (']) },
  {
    id: 'filter-starts-with-where',
    mutate: (s) => void (ins(s).sql_snippets.filters[1].sql = ['WHERE messages.is_reply = 1']),
  },
  { id: 'snippet-kind-mismatch', mutate: (s) => void (ins(s).sql_snippets.measures[1].sql = ['messages.word_count']) },
  { id: 'snippet-unqualified-column', mutate: (s) => void (ins(s).sql_snippets.measures[1].sql = ['AVG(word_count)']) },
  {
    id: 'snippet-duplicate',
    mutate: (s) => void ins(s).sql_snippets.filters.push({ ...ins(s).sql_snippets.filters[0], id: 'f'.repeat(32) }),
  },
  { id: 'text-instruction-missing', mutate: (s) => void delete ins(s).text_instructions },
  {
    id: 'text-instruction-long',
    mutate: (s) => void ins(s).text_instructions[0].content.push(`${'Word '.repeat(700)}\n`),
  },
  {
    id: 'text-instruction-contradiction',
    mutate: (s) =>
      void ins(s).text_instructions[0].content.push(
        'Always count thread replies as messages.\n',
        'Never count thread replies as messages.\n',
      ),
  },
  {
    id: 'text-instruction-repeated',
    mutate: (s) =>
      void ins(s).text_instructions[0].content.push('Channel names are lower case without the leading #.\n'),
  },
  {
    id: 'text-restates-snippet',
    mutate: (s) =>
      void ins(s).text_instructions[0].content.push("Paid plans means members.plan IN ('pro', 'enterprise').\n"),
  },
  {
    id: 'example-not-read-only',
    mutate: (s) => void (ins(s).example_question_sqls[1].sql = ['DELETE FROM main.community.channels']),
  },
  {
    id: 'example-sql-unparsable',
    mutate: (s) =>
      void (ins(s).example_question_sqls[1].sql = ['SELECT channel_name FROM main.community.channels WHERE']),
  },
  {
    id: 'sql-unknown-reference',
    mutate: (s) => void (ins(s).example_question_sqls[1].sql = ['SELECT channel_title FROM main.community.channels']),
  },
  {
    id: 'example-copies-benchmark',
    mutate: (s) => void (ins(s).example_question_sqls[1].question = [demoBenchmarks()[0]!.question]),
  },
  { id: 'example-uses-hidden-column', mutate: (s) => void (column(s, 0, 'created_at').exclude = true) },
  {
    id: 'example-duplicate',
    mutate: (s) => void ins(s).example_question_sqls.push({ ...ins(s).example_question_sqls[1], id: 'f'.repeat(32) }),
  },
  {
    id: 'example-parameter-undocumented',
    mutate: (s) =>
      void Object.assign(ins(s).example_question_sqls[1], {
        sql: ['SELECT channel_name FROM main.community.channels WHERE category = :category'],
        parameters: [{ name: 'category', type_hint: 'STRING' }],
      }),
  },
  {
    id: 'example-parameter-mismatch',
    mutate: (s) =>
      void (ins(s).example_question_sqls[1].sql = [
        'SELECT channel_name FROM main.community.channels WHERE category = :category',
      ]),
  },
  { id: 'example-question-empty', mutate: (s) => void (ins(s).example_question_sqls[1].question = ['']) },
  { id: 'examples-missing', mutate: (s) => void delete ins(s).example_question_sqls },
  { id: 'sample-question-empty', mutate: (s) => void (s.config!.sample_questions![0]!.question = [' ']) },
  {
    id: 'sample-question-duplicate',
    mutate: (s) =>
      void s.config!.sample_questions!.push({
        id: 'f'.repeat(32),
        question: ['How many messages were posted in the help channel last month'],
      }),
  },
  { id: 'sample-questions-missing', mutate: (s) => void delete s.config },
];

describe('lint checks', () => {
  it('find nothing at all on the described demo fixture, with the demo benchmarks', () => {
    const report = lint(described());
    expect(report.findings).toEqual([]);
  });

  it('have one trigger case each, and ids in kebab-case', () => {
    expect(CASES.map((c) => c.id).sort()).toEqual(CHECKS.map((c) => c.id).sort());
    for (const check of CHECKS) expect(check.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('reads INTERSECT and EXCEPT queries, which the grammar lacks, without calling them unparsable', () => {
    const space = described();
    (space.instructions!.example_question_sqls![1]!.sql as string[]) = [
      "SELECT channel_name FROM main.community.channels WHERE category = 'support' ",
      "INTERSECT SELECT channel_name FROM main.community.channels WHERE is_private = 0 EXCEPT SELECT 'x'",
    ];
    expect(lint(space).findings.map((f) => f.check)).not.toContain('example-sql-unparsable');
  });

  it.each(CASES)('$id fires on a config made to break it, with a path, a line and a fix', (c) => {
    const base = lint(described(), { warehouse: c.warehouse });
    expect(base.findings.filter((f) => f.check === c.id)).toEqual([]);
    const space = described();
    c.mutate(space);
    const hits = lint(space, { warehouse: c.warehouse }).findings.filter((f) => f.check === c.id);
    expect(hits.length, `${c.id} did not fire`).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.path).toMatch(/^\$/);
      expect(hit.line).toBeGreaterThan(0);
      expect(hit.fix.length).toBeGreaterThan(10);
    }
    if (c.path) expect(hits.map((h) => h.path)).toContain(c.path);
  });
});
