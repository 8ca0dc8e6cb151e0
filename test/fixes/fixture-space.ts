/** Small canonical spaces and a warehouse schema for the fix tests. */
import { FixSchema, type Fix, type FixInput } from '../../src/fixes/fix-types.js';
import type { WarehouseSchema } from '../../src/ports.js';
import type { Space } from '../../src/space/schema.js';

export const JOIN_ID = '40000000000000000000000000000000';
export const EXAMPLE_IDS = ['20000000000000000000000000000000', 'e0000000000000000000000000000000'] as const;

/** Version 2, with a little of everything; every list sorted. */
export function v2Space(): Space {
  return {
    version: 2,
    config: {
      sample_questions: [
        { id: '0a000000000000000000000000000000', question: ['How many messages were sent last week?'] },
      ],
    },
    data_sources: {
      tables: [
        {
          identifier: 'main.community.channels',
          description: ['One row per channel.'],
          column_configs: [
            { column_name: 'category', enable_format_assistance: true },
            { column_name: 'channel_name', synonyms: ['channel'] },
          ],
        },
        {
          identifier: 'main.community.members',
          column_configs: [
            { column_name: 'country_code', description: ['ISO country code'] },
            { column_name: 'plan', enable_format_assistance: false },
          ],
        },
        { identifier: 'main.community.messages' },
      ],
    },
    instructions: {
      text_instructions: [{ id: 'b1000000000000000000000000000000', content: ['Weeks start on Monday.\n'] }],
      example_question_sqls: [
        {
          id: EXAMPLE_IDS[0],
          question: ['Messages per channel'],
          sql: [
            'SELECT c.channel_name, COUNT(*) AS messages\n',
            'FROM main.community.messages m JOIN main.community.channels c ON m.channel_id = c.channel_id\n',
            'GROUP BY c.channel_name',
          ],
        },
        {
          id: EXAMPLE_IDS[1],
          question: ['How many members are there?'],
          sql: ['SELECT COUNT(*) FROM main.community.members'],
        },
      ],
      join_specs: [
        {
          id: JOIN_ID,
          left: { identifier: 'main.community.messages', alias: 'messages' },
          right: { identifier: 'main.community.channels', alias: 'channels' },
          sql: ['`messages`.`channel_id` = `channels`.`channel_id`', '--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--'],
        },
      ],
      sql_snippets: {
        measures: [
          {
            id: '50000000000000000000000000000000',
            alias: 'message_count',
            sql: ['COUNT(messages.message_id)'],
            display_name: 'message count',
          },
        ],
      },
    },
  };
}

/** Version 2 with tables only: every instruction container is missing. */
export function bareSpace(): Space {
  return {
    version: 2,
    data_sources: {
      tables: [{ identifier: 'main.community.channels' }, { identifier: 'main.community.messages' }],
    },
  };
}

/** Version 1: the column flags have their old names. */
export function v1Space(): Space {
  return {
    version: 1,
    data_sources: {
      tables: [
        { identifier: 'main.community.members', column_configs: [{ column_name: 'plan', get_example_values: false }] },
      ],
    },
  };
}

const columns = (...names: string[]) =>
  names.map((name) => ({ name, type: name.endsWith('_at') ? 'TIMESTAMP' : 'STRING' }));

export const WAREHOUSE: WarehouseSchema = {
  tables: [
    {
      identifier: 'main.community.channels',
      columns: columns('channel_id', 'channel_name', 'category', 'is_private', 'created_at'),
    },
    {
      identifier: 'main.community.members',
      columns: columns('member_id', 'display_name', 'country_code', 'plan', 'joined_at'),
    },
    {
      identifier: 'main.community.messages',
      columns: columns('message_id', 'channel_id', 'member_id', 'sent_at', 'word_count', 'is_reply'),
    },
    {
      identifier: 'main.community.reactions',
      columns: columns('reaction_id', 'message_id', 'member_id', 'emoji', 'reacted_at'),
    },
  ],
};

/** Base fields every fix carries. */
export const why = { rationale: 'test', targets: ['q1'] };

/** A fix without its rationale and targets (Omit distributed over the union). */
export type FixBody = FixInput extends infer F ? (F extends unknown ? Omit<F, 'rationale' | 'targets'> : never) : never;

/** A validated fix with the common fields filled in. */
export function fix(body: FixBody): Fix {
  return FixSchema.parse({ ...why, ...body });
}
