import jsonpatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { compileFix } from '../../../src/fixes/compile/compile-fix.js';
import { FixCompileError } from '../../../src/fixes/fix-errors.js';
import { canonicalizeSpace } from '../../../src/space/canonical.js';
import type { Space } from '../../../src/space/schema.js';
import { fix, JOIN_ID, v2Space, type FixBody } from '../fixture-space.js';

function apply(space: Space, ops: ReturnType<typeof compileFix>): Space {
  const copy = structuredClone(space);
  jsonpatch.applyPatch(copy, structuredClone(ops), true);
  return copy;
}

describe('no-op detection', () => {
  it.each<[string, Space, FixBody]>([
    [
      'synonym already present (case-insensitive)',
      v2Space(),
      { type: 'add_synonym', table: 'main.community.channels', column: 'Channel_Name', synonyms: ['CHANNEL'] },
    ],
    [
      'synonym equal to the column name',
      v2Space(),
      { type: 'add_synonym', table: 'main.community.messages', column: 'word_count', synonyms: ['word_count'] },
    ],
    [
      'same column description',
      v2Space(),
      {
        type: 'add_column_description',
        table: 'main.community.members',
        column: 'country_code',
        description: ' ISO country code ',
      },
    ],
    [
      'same table description',
      v2Space(),
      { type: 'update_table_description', table: '`main`.`community`.`channels`', description: 'One row per channel.' },
    ],
    [
      'format assistance already on',
      v2Space(),
      { type: 'enable_get_example_values', table: 'main.community.channels', column: 'category' },
    ],
    [
      'join already there',
      v2Space(),
      {
        type: 'add_join',
        left: { table: 'main.community.messages', column: 'channel_id' },
        right: { table: 'main.community.channels', column: 'channel_id' },
        relationship: 'MANY_TO_ONE',
      },
    ],
    [
      'join already there, seen from the other side',
      v2Space(),
      {
        type: 'add_join',
        left: { table: 'main.community.channels', column: 'channel_id' },
        right: { table: 'main.community.messages', column: 'channel_id' },
        relationship: 'ONE_TO_MANY',
      },
    ],
    ['relationship already set', v2Space(), { type: 'fix_join', joinId: JOIN_ID, relationship: 'MANY_TO_ONE' }],
    [
      'example already there',
      v2Space(),
      {
        type: 'add_example_query',
        question: 'how many members are there?',
        sql: 'select count(*) from main.community.members;',
      },
    ],
    [
      'snippet with the same SQL',
      v2Space(),
      { type: 'add_sql_snippet', kind: 'measure', display_name: 'messages', sql: 'COUNT(messages.message_id)' },
    ],
    ['text already in the instruction', v2Space(), { type: 'add_text_instruction', text: 'weeks start on monday.' }],
    [
      'v1 example values already on',
      {
        version: 1,
        data_sources: {
          tables: [
            {
              identifier: 'main.community.members',
              column_configs: [{ column_name: 'plan', get_example_values: true }],
            },
          ],
        },
      },
      { type: 'enable_get_example_values', table: 'main.community.members', column: 'plan' },
    ],
  ])('%s compiles to no ops', (_name, space, input) => {
    expect(compileFix(space, fix(input))).toEqual([]);
  });
});

describe('sorted insertion and ids', () => {
  const exampleFix = (n: number) => fix({ type: 'add_example_query', question: `Question ${n}`, sql: `SELECT ${n}` });

  it('new example ids are 32 hex and keep the list sorted by id', () => {
    let space = v2Space();
    for (let n = 0; n < 12; n++) space = apply(space, compileFix(space, exampleFix(n)));
    const ids = space.instructions?.example_question_sqls?.map((example) => example.id) ?? [];
    expect(ids).toHaveLength(14);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(ids).toEqual([...ids].sort());
    expect(canonicalizeSpace(space)).toEqual(space);
  });

  it('new column configs keep column_name order', () => {
    let space = v2Space();
    for (const column of ['plan', 'member_id', 'joined_at', 'display_name', 'zz_last', 'aa_first']) {
      space = apply(
        space,
        compileFix(
          space,
          fix({ type: 'add_synonym', table: 'main.community.members', column, synonyms: [`${column} alias`] }),
        ),
      );
    }
    const names = space.data_sources?.tables?.[1].column_configs?.map((column) => column.column_name);
    expect(names).toEqual(['aa_first', 'country_code', 'display_name', 'joined_at', 'member_id', 'plan', 'zz_last']);
  });

  it('the same fix on the same space gets the same id', () => {
    const a = compileFix(v2Space(), exampleFix(1));
    const b = compileFix(v2Space(), { ...exampleFix(1), rationale: 'another reason', targets: ['q9'] });
    expect(a).toEqual(b);
  });

  it('different fixes get different ids', () => {
    const idOf = (ops: ReturnType<typeof compileFix>) => (ops.at(-1) as { value: { id: string } }).value.id;
    expect(idOf(compileFix(v2Space(), exampleFix(1)))).not.toBe(idOf(compileFix(v2Space(), exampleFix(2))));
  });

  it('an id already used anywhere in the file is bumped', () => {
    const first = compileFix(v2Space(), exampleFix(1));
    const taken = (first.at(-1) as { value: { id: string } }).value.id;
    // Put the id on an unrelated item (a sample question), then compile the same fix again.
    const space = v2Space();
    space.config?.sample_questions?.push({ id: taken, question: ['x'] });
    const second = compileFix(space, exampleFix(1));
    const bumped = (second.at(-1) as { value: { id: string } }).value.id;
    expect(bumped).not.toBe(taken);
    expect(BigInt(`0x${bumped}`) - BigInt(`0x${taken}`)).toBe(1n);
  });
});

describe('compile errors', () => {
  it.each<[string, FixBody, FixCompileError['kind'], RegExp]>([
    [
      'table not in the space',
      { type: 'add_synonym', table: 'main.community.reactions', column: 'emoji', synonyms: ['emoji name'] },
      'unknown_reference',
      /unknown table main\.community\.reactions/,
    ],
    [
      'join id not in the space',
      { type: 'fix_join', joinId: 'f'.repeat(32), relationship: 'ONE_TO_ONE' },
      'unknown_reference',
      /unknown join spec/,
    ],
    [
      'join exists with another relationship',
      {
        type: 'add_join',
        left: { table: 'main.community.messages', column: 'channel_id' },
        right: { table: 'main.community.channels', column: 'channel_id' },
        relationship: 'ONE_TO_ONE',
      },
      'conflict',
      /already joins these columns as MANY_TO_ONE; use fix_join/,
    ],
    [
      'example question exists with other SQL',
      {
        type: 'add_example_query',
        question: 'How many members are there?',
        sql: 'SELECT COUNT(DISTINCT member_id) FROM main.community.members',
      },
      'conflict',
      /already answers this question/,
    ],
    [
      'snippet name taken by other SQL',
      {
        type: 'add_sql_snippet',
        kind: 'measure',
        display_name: 'Message Count',
        sql: 'COUNT(DISTINCT messages.message_id)',
      },
      'conflict',
      /already uses the name/,
    ],
  ])('%s', (_name, input, kind, message) => {
    try {
      compileFix(v2Space(), fix(input));
      expect.unreachable('compileFix should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(FixCompileError);
      expect((error as FixCompileError).kind).toBe(kind);
      expect((error as FixCompileError).message).toMatch(message);
    }
  });

  it('a fix on an excluded column is a conflict', () => {
    const space = v2Space();
    space.data_sources!.tables![0].column_configs![0].exclude = true;
    expect(() =>
      compileFix(
        space,
        fix({ type: 'add_synonym', table: 'main.community.channels', column: 'category', synonyms: ['kind'] }),
      ),
    ).toThrow(/excluded/);
  });
});
