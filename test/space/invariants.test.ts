import { describe, expect, it } from 'vitest';
import type { WarehouseSchema } from '../../src/ports.js';
import { checkInvariants } from '../../src/space/invariants.js';
import type { Space } from '../../src/space/schema.js';
import { richSpace } from './helpers.js';

const FILE = 'spaces/demo/space.json';

const warehouse: WarehouseSchema = {
  tables: [
    {
      identifier: 'main.community.channels',
      columns: ['channel_id', 'channel_name', 'category', 'is_private', 'created_at'].map((name) => ({
        name,
        type: 'STRING',
      })),
    },
    {
      identifier: 'main.community.members',
      columns: ['member_id', 'display_name', 'country_code', 'plan', 'joined_at'].map((name) => ({
        name,
        type: 'STRING',
      })),
    },
    {
      identifier: 'main.community.messages',
      columns: ['message_id', 'channel_id', 'member_id', 'sent_at', 'word_count', 'is_reply'].map((name) => ({
        name,
        type: 'STRING',
      })),
    },
    {
      identifier: 'main.community.reactions',
      columns: ['reaction_id', 'message_id', 'member_id', 'emoji', 'reacted_at'].map((name) => ({
        name,
        type: 'STRING',
      })),
    },
  ],
};

type Mutable = Record<string, any>;

interface Case {
  name: string;
  mutate: (s: Mutable) => void;
  path: string;
  message: string;
  withWarehouse?: boolean;
}

const ID2 = '0123456789abcdef0123456789abcdef';

const cases: Case[] = [
  {
    name: 'uppercase id',
    mutate: (s) => (s.instructions.join_specs[0].id = s.instructions.join_specs[0].id.toUpperCase()),
    path: '$.instructions.join_specs[0].id',
    message: 'not well formed',
  },
  {
    name: 'id with dashes',
    mutate: (s) => (s.config.sample_questions[0].id = '01f0a1b2-c3d4-e5f6-0718-293a4b5c6d7e'),
    path: '$.config.sample_questions[0].id',
    message: 'UUID without dashes',
  },
  {
    name: 'id reused across lists',
    mutate: (s) => (s.instructions.sql_snippets.measures[1].id = s.config.sample_questions[0].id),
    path: '$.instructions.sql_snippets.measures[1].id',
    message: 'also used at $.config.sample_questions[0].id',
  },
  {
    name: 'two-part table name',
    mutate: (s) => (s.data_sources.tables[2].identifier = 'community.messages'),
    path: '$.data_sources.tables[2].identifier',
    message: 'not a three-part name',
  },
  {
    name: 'four-part table name',
    mutate: (s) => (s.data_sources.tables[2].identifier = 'a.main.community.messages'),
    path: '$.data_sources.tables[2].identifier',
    message: 'not a three-part name',
  },
  {
    name: 'unclosed backtick',
    mutate: (s) => (s.data_sources.tables[2].identifier = '`main.community.messages'),
    path: '$.data_sources.tables[2].identifier',
    message: 'not a three-part name',
  },
  {
    name: 'two-part metric view',
    mutate: (s) => (s.data_sources.metric_views[0].identifier = 'engagement_mv'),
    path: '$.data_sources.metric_views[0].identifier',
    message: 'catalog.schema.metric_view',
  },
  {
    name: 'two-part function',
    mutate: (s) => (s.instructions.sql_functions[0].identifier = 'community.active_members'),
    path: '$.instructions.sql_functions[0].identifier',
    message: 'catalog.schema.function',
  },
  {
    name: 'table listed twice (case and backticks ignored)',
    mutate: (s) => s.data_sources.tables.push({ identifier: '`MAIN`.community.`messages`' }),
    path: '$.data_sources.tables[3].identifier',
    message: 'listed twice (also at $.data_sources.tables[2])',
  },
  {
    name: 'column configured twice',
    mutate: (s) => s.data_sources.tables[1].column_configs.push({ column_name: 'Plan' }),
    path: '$.data_sources.tables[1].column_configs[2].column_name',
    message: 'configured twice',
  },
  {
    name: 'two text instructions',
    mutate: (s) => s.instructions.text_instructions.push({ id: ID2, content: ['x'] }),
    path: '$.instructions.text_instructions',
    message: 'at most one',
  },
  {
    name: 'entity matching without format assistance',
    mutate: (s) => delete s.data_sources.tables[1].column_configs[1].enable_format_assistance,
    path: '$.data_sources.tables[1].column_configs[1].enable_entity_matching',
    message: 'set enable_format_assistance to true',
  },
  {
    name: 'v1 value dictionary without example values',
    mutate: (s) => (s.data_sources.tables[1].column_configs[0].build_value_dictionary = true),
    path: '$.data_sources.tables[1].column_configs[0].build_value_dictionary',
    message: 'set get_example_values to true',
  },
  {
    name: 'join side not in the space',
    mutate: (s) => (s.instructions.join_specs[1].right.identifier = 'main.community.reactions'),
    path: '$.instructions.join_specs[1].right.identifier',
    message: 'not a table of this space',
  },
  {
    name: 'join condition with AND',
    mutate: (s) =>
      (s.instructions.join_specs[0].sql[0] =
        'messages.channel_id = channels.channel_id AND messages.member_id = channels.channel_id'),
    path: '$.instructions.join_specs[0].sql[0]',
    message: 'one equality condition',
  },
  {
    name: 'join condition that is not an equality',
    mutate: (s) => (s.instructions.join_specs[0].sql[0] = 'messages.channel_id > channels.channel_id'),
    path: '$.instructions.join_specs[0].sql[0]',
    message: 'one equality condition',
  },
  {
    name: 'join condition qualified by other names than the aliases',
    mutate: (s) => (s.instructions.join_specs[0].sql[0] = 'm.channel_id = c.channel_id'),
    path: '$.instructions.join_specs[0].sql[0]',
    message: 'aliases `messages` and `channels`',
  },
  {
    name: 'missing relationship marker',
    mutate: (s) => s.instructions.join_specs[0].sql.pop(),
    path: '$.instructions.join_specs[0].sql[1]',
    message: '--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--',
  },
  {
    name: 'unknown relationship type',
    mutate: (s) => (s.instructions.join_specs[0].sql[1] = '--rt=FROM_RELATIONSHIP_TYPE_SOME--'),
    path: '$.instructions.join_specs[0].sql[1]',
    message: 'relationship marker',
  },
  {
    name: 'compound key in one join spec',
    mutate: (s) => s.instructions.join_specs[0].sql.push('messages.member_id = channels.channel_id'),
    path: '$.instructions.join_specs[0].sql',
    message: 'several join specs',
  },
  {
    name: 'example SQL on a table outside the space',
    mutate: (s) =>
      s.instructions.example_question_sqls[0].sql.push('\nUNION ALL SELECT emoji, 1 FROM main.community.reactions'),
    path: '$.instructions.example_question_sqls[0].sql',
    message: 'refers to main.community.reactions',
  },
  {
    name: 'snippet on a table outside the space (backticks)',
    mutate: (s) =>
      (s.instructions.sql_snippets.filters[0].sql = [
        'channel_id IN (SELECT channel_id FROM `main`.`community`.`reactions`)',
      ]),
    path: '$.instructions.sql_snippets.filters[0].sql',
    message: 'refers to `main`.`community`.`reactions`',
  },
  {
    name: 'example SQL that calls a refused function',
    mutate: (s) =>
      (s.instructions.example_question_sqls[0].sql = ["SELECT `reflect`('java.lang.Runtime', 'exec', 'id')"]),
    path: '$.instructions.example_question_sqls[0].sql',
    message: 'example SQL must be read-only: the function reflect is not allowed',
  },
  {
    name: 'example SQL hiding a write behind a \\r comment',
    mutate: (s) => (s.instructions.example_question_sqls[0].sql = ['--\rDELETE FROM t /*\nSELECT 1 -- */']),
    path: '$.instructions.example_question_sqls[0].sql',
    message: 'DELETE is not allowed',
  },
  {
    name: 'snippet that ends the statement',
    mutate: (s) => (s.instructions.sql_snippets.measures[0].sql = ['1; DROP TABLE main.community.messages']),
    path: '$.instructions.sql_snippets.measures[0].sql',
    message: 'the snippet must be read-only: DROP is not allowed',
  },
  {
    name: 'table missing from the warehouse',
    mutate: (s) => (s.data_sources.tables[2].identifier = 'main.other.messages'),
    path: '$.data_sources.tables[2].identifier',
    message: 'does not exist in the warehouse (did you mean main.community.messages?)',
    withWarehouse: true,
  },
  {
    name: 'column missing from the warehouse',
    mutate: (s) => (s.data_sources.tables[1].column_configs[0].column_name = 'country'),
    path: '$.data_sources.tables[1].column_configs[0].column_name',
    message: 'column "country" does not exist in main.community.members',
    withWarehouse: true,
  },
  {
    name: 'join column missing from the warehouse',
    mutate: (s) => (s.instructions.join_specs[0].sql[0] = '`messages`.`channel` = `channels`.`channel_id`'),
    path: '$.instructions.join_specs[0].sql[0]',
    message: 'column `messages.channel` does not exist in main.community.messages',
    withWarehouse: true,
  },
];

/** A fresh, mutable copy of the fixture (its metric view and function are not in the warehouse: they are not checked there). */
function baseSpace(): Mutable {
  return richSpace() as Mutable;
}

describe('checkInvariants', () => {
  it('accepts the rich fixture, with and without a warehouse schema', () => {
    expect(checkInvariants(richSpace(), { file: FILE })).toEqual([]);
    expect(checkInvariants(richSpace(), { file: FILE, warehouseSchema: warehouse })).toEqual([]);
  });

  it.each(cases)('$name', ({ mutate, path, message, withWarehouse }) => {
    const space = baseSpace();
    mutate(space);
    const issues = checkInvariants(space as Space, {
      file: FILE,
      warehouseSchema: withWarehouse ? warehouse : undefined,
    });
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues, null, 2)).toBeDefined();
    expect(issue!.file).toBe(FILE);
    expect(issue!.message).toContain(message);
  });

  it.each([
    ['backticked identifiers', '`main`.`community`.`messages`'],
    ['mixed case', 'Main.Community.Messages'],
  ])('accepts %s that name a table of the space', (_name, identifier) => {
    const space = baseSpace();
    space.instructions.join_specs[1].left.identifier = identifier;
    expect(checkInvariants(space as Space, { file: FILE, warehouseSchema: warehouse })).toEqual([]);
  });

  it('accepts a condition written right = left, unquoted, in parentheses', () => {
    const space = baseSpace();
    space.instructions.join_specs[0].sql[0] = '(channels.channel_id = messages.channel_id)';
    expect(checkInvariants(space as Space, { file: FILE, warehouseSchema: warehouse })).toEqual([]);
  });

  it('uses the last part of the identifier as the alias when none is given', () => {
    const space = baseSpace();
    delete space.instructions.join_specs[0].left.alias;
    delete space.instructions.join_specs[0].right.alias;
    expect(checkInvariants(space as Space, { file: FILE })).toEqual([]);
  });

  it('ignores names inside string literals and comments, and function calls', () => {
    const space = baseSpace();
    space.instructions.example_question_sqls[0].sql = [
      "SELECT main.community.active_members(m.member_id), 'main.community.reactions' AS label -- main.community.reactions\n",
      '/* main.x.y */ FROM main.community.messages m',
    ];
    expect(checkInvariants(space as Space, { file: FILE })).toEqual([]);
  });

  it('treats a four-part column reference as its table', () => {
    const space = baseSpace();
    space.instructions.sql_snippets.measures[0].sql = ['COUNT(main.community.messages.message_id)'];
    expect(checkInvariants(space as Space, { file: FILE })).toEqual([]);
  });

  it('reports each unknown table once per SQL text', () => {
    const space = baseSpace();
    space.instructions.example_question_sqls[0].sql = [
      'SELECT * FROM main.x.t JOIN main.x.t t2 ON 1=1 JOIN main.x.u ON 1=1',
    ];
    const issues = checkInvariants(space as Space, { file: FILE });
    expect(issues.map((i) => i.message.split(',')[0])).toEqual(['refers to main.x.t', 'refers to main.x.u']);
  });

  it('collects every issue in one pass', () => {
    const space = baseSpace();
    space.config.sample_questions[0].id = 'bad';
    space.data_sources.tables[0].identifier = 'channels';
    space.instructions.join_specs[0].sql = ['x'];
    const issues = checkInvariants(space as Space, { file: FILE });
    expect(issues.length).toBeGreaterThanOrEqual(4);
  });
});
