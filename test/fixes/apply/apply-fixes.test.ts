import jsonpatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../src/fixes/apply/apply-fixes.js';
import type { Fix } from '../../../src/fixes/fix-types.js';
import { canonicalizeSpace } from '../../../src/space/canonical.js';
import { checkInvariants } from '../../../src/space/invariants.js';
import { SpaceSchema, type Space } from '../../../src/space/schema.js';
import { bareSpace, v2Space, WAREHOUSE, why } from '../fixture-space.js';

const options = { file: 'spaces/demo/space.json', warehouseSchema: WAREHOUSE };

const synonym = (column: string, synonyms: string[], extra: Partial<Fix> = {}): Fix =>
  ({ ...why, type: 'add_synonym', table: 'main.community.members', column, synonyms, ...extra }) as Fix;

const batch: Fix[] = [
  synonym('plan', ['tier', 'subscription']),
  {
    ...why,
    type: 'add_column_description',
    table: 'main.community.messages',
    column: 'word_count',
    description: 'Number of words in the message.',
  },
  { ...why, type: 'update_table_description', table: 'main.community.members', description: 'One row per member.' },
  {
    ...why,
    type: 'add_join',
    left: { table: 'main.community.messages', column: 'member_id' },
    right: { table: 'main.community.members', column: 'member_id' },
    relationship: 'MANY_TO_ONE',
  },
  {
    ...why,
    type: 'add_example_query',
    question: 'Top 5 channels by messages',
    sql: 'SELECT channel_id, COUNT(*) AS n FROM main.community.messages GROUP BY channel_id ORDER BY n DESC LIMIT 5',
  },
  { ...why, type: 'add_sql_snippet', kind: 'filter', display_name: 'replies', sql: 'messages.is_reply = 1' },
  {
    ...why,
    type: 'add_sql_snippet',
    kind: 'expression',
    display_name: 'send month',
    sql: "date_trunc('month', messages.sent_at)",
  },
  { ...why, type: 'enable_build_value_dictionary', table: 'main.community.members', column: 'country_code' },
  { ...why, type: 'add_text_instruction', text: 'Korea is country_code KR.' },
];

describe('applyFixes', () => {
  it('applies a batch, leaving a valid canonical space and the input untouched', () => {
    const input = v2Space();
    const { space, applied, rejected } = applyFixes(input, batch, options);
    expect(rejected).toEqual([]);
    expect(applied).toHaveLength(batch.length);
    expect(input).toEqual(v2Space());
    expect(SpaceSchema.safeParse(space).success).toBe(true);
    expect(checkInvariants(space, options)).toEqual([]);
    expect(canonicalizeSpace(space)).toEqual(space);
  });

  it('replaying the applied ops in order reproduces the result', () => {
    const { space, applied } = applyFixes(v2Space(), batch, options);
    const replay = v2Space();
    for (const { ops } of applied) jsonpatch.applyPatch(replay, structuredClone(ops), true);
    expect(replay).toEqual(space);
  });

  it('processes fixes in a stable order, whatever order they come in', () => {
    const forward = applyFixes(v2Space(), batch, options);
    const backward = applyFixes(v2Space(), [...batch].reverse(), options);
    expect(backward.space).toEqual(forward.space);
    expect(backward.applied.map((a) => a.key)).toEqual(forward.applied.map((a) => a.key));
  });

  it('applies later fixes on top of earlier ones (two fixes on a new column config)', () => {
    const { space, applied } = applyFixes(
      bareSpace(),
      [
        { ...why, type: 'add_synonym', table: 'main.community.messages', column: 'word_count', synonyms: ['length'] },
        { ...why, type: 'enable_get_example_values', table: 'main.community.messages', column: 'word_count' },
        { ...why, type: 'add_synonym', table: 'main.community.messages', column: 'word_count', synonyms: ['size'] },
      ],
      options,
    );
    expect(applied).toHaveLength(3);
    expect(space.data_sources?.tables?.[1].column_configs).toEqual([
      { column_name: 'word_count', synonyms: ['length', 'size'], enable_format_assistance: true },
    ]);
  });

  it('merges duplicate fixes and their targets', () => {
    const { applied, rejected } = applyFixes(
      v2Space(),
      [
        synonym('plan', ['tier'], { targets: ['q1'] }),
        synonym('`PLAN`', ['Tier'], { rationale: 'again', targets: ['q2', 'q1'] }),
      ],
      options,
    );
    expect(rejected).toEqual([]);
    expect(applied).toHaveLength(1);
    expect(applied[0].fix.targets).toEqual(['q1', 'q2']);
  });

  it('resolves two descriptions for one column: first in stable order wins, in any input order', () => {
    const a: Fix = {
      ...why,
      type: 'add_column_description',
      table: 'main.community.members',
      column: 'plan',
      description: 'A: the billing plan.',
    };
    const b: Fix = {
      ...why,
      type: 'add_column_description',
      table: 'main.community.members',
      column: 'plan',
      description: 'B: the plan.',
    };
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const { space, applied, rejected } = applyFixes(v2Space(), order, options);
      expect(applied.map((x) => x.fix)).toMatchObject([{ description: 'A: the billing plan.' }]);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]).toMatchObject({ kind: 'conflict', fix: { description: 'B: the plan.' } });
      expect(rejected[0].reason).toBe(`conflicts with ${applied[0].key}`);
      expect(space.data_sources?.tables?.[1].column_configs?.[1].description).toEqual(['A: the billing plan.']);
    }
  });

  it('does not treat two synonym fixes for one column as a conflict', () => {
    const { space, rejected } = applyFixes(v2Space(), [synonym('plan', ['tier']), synonym('plan', ['level'])], options);
    expect(rejected).toEqual([]);
    expect(space.data_sources?.tables?.[1].column_configs?.[1].synonyms).toEqual(['level', 'tier']);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'a missing field',
      { ...why, type: 'add_synonym', table: 'main.community.members', column: 'plan' },
      /^invalid fix: \$\.synonyms: missing required field "synonyms"/,
    ],
    ['an unknown type', { ...why, type: 'drop_table', table: 'main.community.members' }, /^invalid fix: \$\.type: /],
    [
      'a bad table name',
      { ...why, type: 'update_table_description', table: 'members', description: 'x' },
      /^invalid fix: \$\.table: a table is a three-part identifier/,
    ],
    ['not an object', 'add a synonym', /^invalid fix: \$: /],
  ])('rejects %s with the zod path and message', (_name, input, reason) => {
    const { applied, rejected } = applyFixes(v2Space(), [input as Fix, synonym('plan', ['tier'])], options);
    expect(applied).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].kind).toBe('invalid');
    expect(rejected[0].fix).toBe(input);
    expect(rejected[0].reason).toMatch(reason);
    expect(rejected[0].key).toMatch(/ invalid #[0-9a-f]{12}$/);
  });

  it('never adds a holdout benchmark SQL as an example', () => {
    const holdoutSql = ["select count(*)\n  from main.community.members\nwhere plan = 'pro';"];
    const { space, applied, rejected } = applyFixes(
      v2Space(),
      [
        {
          ...why,
          type: 'add_example_query',
          question: 'How many pro members?',
          sql: "SELECT COUNT(*) FROM main.community.members WHERE plan = 'pro'",
        },
        {
          ...why,
          type: 'add_example_query',
          question: 'How many free members?',
          sql: "SELECT COUNT(*) FROM main.community.members WHERE plan = 'free'",
        },
      ],
      { ...options, holdoutSql },
    );
    expect(applied.map((a) => a.fix)).toMatchObject([{ question: 'How many free members?' }]);
    expect(rejected).toMatchObject([
      { kind: 'holdout_sql', reason: expect.stringContaining('holdout SQL never becomes an example') },
    ]);
    expect(space.instructions?.example_question_sqls).toHaveLength(3);
  });

  it.each<[string, Fix, RegExp]>([
    [
      'a column missing from the warehouse',
      synonym('tier_name', ['tier']),
      /^unknown column tier_name in main\.community\.members: the warehouse table has member_id, /,
    ],
    [
      'a table outside the space',
      { ...why, type: 'enable_get_example_values', table: 'main.community.reactions', column: 'emoji' },
      /^unknown table main\.community\.reactions: it is not a table or metric view of this space/,
    ],
    [
      'a join on a missing column',
      {
        ...why,
        type: 'add_join',
        left: { table: 'main.community.messages', column: 'author_id' },
        right: { table: 'main.community.members', column: 'member_id' },
        relationship: 'MANY_TO_ONE',
      },
      /^unknown column author_id in main\.community\.messages/,
    ],
    [
      'an unknown join id',
      { ...why, type: 'fix_join', joinId: '9'.repeat(32), relationship: 'ONE_TO_ONE' },
      /^unknown join spec 9{32}/,
    ],
  ])('rejects %s', (_name, input, reason) => {
    const { space, applied, rejected } = applyFixes(v2Space(), [input], options);
    expect(applied).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].kind).toBe('unknown_reference');
    expect(rejected[0].reason).toMatch(reason);
    expect(space).toEqual(v2Space());
  });

  it('without a warehouse schema, a column is checked against the space only', () => {
    const { applied, rejected } = applyFixes(v2Space(), [synonym('tier_name', ['tier'])], { file: 'space.json' });
    expect(rejected).toEqual([]);
    expect(applied).toHaveLength(1);
  });

  it('reports a fix with nothing to do as no_op', () => {
    const { applied, rejected } = applyFixes(
      v2Space(),
      [{ ...why, type: 'enable_get_example_values', table: 'main.community.channels', column: 'category' }],
      options,
    );
    expect(applied).toEqual([]);
    expect(rejected).toMatchObject([{ kind: 'no_op', reason: expect.stringMatching(/^no_op/) }]);
  });

  it('rolls back a fix whose result breaks an invariant and goes on with the rest', () => {
    const { space, applied, rejected } = applyFixes(
      v2Space(),
      [
        {
          ...why,
          type: 'add_example_query',
          question: 'Most used emoji',
          sql: 'SELECT emoji, COUNT(*) FROM main.community.reactions GROUP BY emoji',
        },
        synonym('plan', ['tier']),
      ],
      options,
    );
    expect(applied.map((a) => a.fix.type)).toEqual(['add_synonym']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].kind).toBe('invalid_result');
    expect(rejected[0].reason).toMatch(
      /^the patched space is invalid: spaces\/demo\/space\.json \$\.instructions\.example_question_sqls\[\d\]\.sql: refers to main\.community\.reactions/,
    );
    expect(space.instructions?.example_question_sqls).toHaveLength(2);
  });

  it('does not blame a fix for problems the space already had', () => {
    const broken: Space = v2Space();
    // Entity matching without format assistance: an invariant issue before any fix.
    broken.data_sources!.tables![1].column_configs![1].enable_entity_matching = true;
    expect(checkInvariants(broken, options)).toHaveLength(1);
    const { applied, rejected } = applyFixes(broken, [synonym('country_code', ['country'])], options);
    expect(rejected).toEqual([]);
    expect(applied).toHaveLength(1);
  });

  it('rejects an add_join that duplicates a join with another relationship, as a conflict', () => {
    const { rejected } = applyFixes(
      v2Space(),
      [
        {
          ...why,
          type: 'add_join',
          left: { table: 'main.community.messages', column: 'channel_id' },
          right: { table: 'main.community.channels', column: 'channel_id' },
          relationship: 'ONE_TO_ONE',
        },
      ],
      options,
    );
    expect(rejected).toMatchObject([{ kind: 'conflict', reason: expect.stringContaining('use fix_join') }]);
  });
});
