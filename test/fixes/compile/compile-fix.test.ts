import jsonpatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { compileFix } from '../../../src/fixes/compile/compile-fix.js';
import { canonicalizeSpace } from '../../../src/space/canonical.js';
import type { Space } from '../../../src/space/schema.js';
import { bareSpace, fix, JOIN_ID, v1Space, v2Space, type FixBody } from '../fixture-space.js';

function apply(space: Space, ops: ReturnType<typeof compileFix>): Space {
  const copy = structuredClone(space);
  jsonpatch.applyPatch(copy, structuredClone(ops), true);
  return copy;
}

describe('compileFix ops per fix type (v2 fixture)', () => {
  it('add_synonym appends to existing synonyms, skipping ones already there', () => {
    const ops = compileFix(
      v2Space(),
      fix({
        type: 'add_synonym',
        table: 'main.community.channels',
        column: 'channel_name',
        synonyms: ['Channel', 'room', 'ROOM', '채널'],
      }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "add",
          "path": "/data_sources/tables/0/column_configs/1/synonyms/1",
          "value": "room",
        },
        {
          "op": "add",
          "path": "/data_sources/tables/0/column_configs/1/synonyms/2",
          "value": "채널",
        },
      ]
    `);
  });

  it('add_synonym creates the column config in column_name order', () => {
    const ops = compileFix(
      v2Space(),
      fix({ type: 'add_synonym', table: 'main.community.members', column: 'display_name', synonyms: ['nickname'] }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "add",
          "path": "/data_sources/tables/1/column_configs/1",
          "value": {
            "column_name": "display_name",
            "synonyms": [
              "nickname",
            ],
          },
        },
      ]
    `);
  });

  it('add_synonym creates column_configs when the table has none', () => {
    const ops = compileFix(
      v2Space(),
      fix({ type: 'add_synonym', table: 'main.community.messages', column: 'word_count', synonyms: ['length'] }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "add",
          "path": "/data_sources/tables/2/column_configs",
          "value": [],
        },
        {
          "op": "add",
          "path": "/data_sources/tables/2/column_configs/0",
          "value": {
            "column_name": "word_count",
            "synonyms": [
              "length",
            ],
          },
        },
      ]
    `);
  });

  it('add_column_description replaces a different description after a test', () => {
    const ops = compileFix(
      v2Space(),
      fix({
        type: 'add_column_description',
        table: 'main.community.members',
        column: 'country_code',
        description: 'Two-letter ISO country code such as KR or US.\nUpper case.',
      }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "test",
          "path": "/data_sources/tables/1/column_configs/0/description",
          "value": [
            "ISO country code",
          ],
        },
        {
          "op": "replace",
          "path": "/data_sources/tables/1/column_configs/0/description",
          "value": [
            "Two-letter ISO country code such as KR or US.
      ",
            "Upper case.",
          ],
        },
      ]
    `);
  });

  it('update_table_description adds a missing description', () => {
    const ops = compileFix(
      v2Space(),
      fix({
        type: 'update_table_description',
        table: 'main.community.members',
        description: 'One row per community member.',
      }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "add",
          "path": "/data_sources/tables/1/description",
          "value": [
            "One row per community member.",
          ],
        },
      ]
    `);
  });

  it('add_join writes aliases, the condition and the relationship marker', () => {
    const ops = compileFix(
      v2Space(),
      fix({
        type: 'add_join',
        left: { table: 'main.community.messages', column: 'member_id' },
        right: { table: 'main.community.members', column: 'member_id' },
        relationship: 'MANY_TO_ONE',
        comment: 'Each message has one author.',
      }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "add",
          "path": "/instructions/join_specs/0",
          "value": {
            "comment": [
              "Each message has one author.",
            ],
            "id": "1ad9441c76c2f360ea43fa5054f41173",
            "left": {
              "alias": "messages",
              "identifier": "main.community.messages",
            },
            "right": {
              "alias": "members",
              "identifier": "main.community.members",
            },
            "sql": [
              "\`messages\`.\`member_id\` = \`members\`.\`member_id\`",
              "--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--",
            ],
          },
        },
      ]
    `);
  });

  it('fix_join rewrites the relationship marker', () => {
    const ops = compileFix(v2Space(), fix({ type: 'fix_join', joinId: JOIN_ID, relationship: 'ONE_TO_ONE' }));
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "test",
          "path": "/instructions/join_specs/0/sql/1",
          "value": "--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--",
        },
        {
          "op": "replace",
          "path": "/instructions/join_specs/0/sql/1",
          "value": "--rt=FROM_RELATIONSHIP_TYPE_ONE_TO_ONE--",
        },
      ]
    `);
  });

  it('add_example_query writes text arrays and sorted parameters', () => {
    const ops = compileFix(
      v2Space(),
      fix({
        type: 'add_example_query',
        question: 'Messages in a channel since a date',
        sql: 'SELECT COUNT(*) FROM main.community.messages m\nJOIN main.community.channels c ON m.channel_id = c.channel_id\nWHERE c.channel_name = :channel AND m.sent_at >= :since',
        usage_guidance: 'Use for counts in one channel.',
        parameters: [
          { name: 'since', type_hint: 'DATE', default_value: '2026-10-01' },
          { name: 'channel', type_hint: 'STRING', description: 'channel name', default_value: ['general'] },
        ],
      }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "add",
          "path": "/instructions/example_question_sqls/1",
          "value": {
            "id": "7ce4adfe221647d1eb7a7596b7101665",
            "parameters": [
              {
                "default_value": {
                  "values": [
                    "general",
                  ],
                },
                "description": [
                  "channel name",
                ],
                "name": "channel",
                "type_hint": "STRING",
              },
              {
                "default_value": {
                  "values": [
                    "2026-10-01",
                  ],
                },
                "name": "since",
                "type_hint": "DATE",
              },
            ],
            "question": [
              "Messages in a channel since a date",
            ],
            "sql": [
              "SELECT COUNT(*) FROM main.community.messages m
      ",
              "JOIN main.community.channels c ON m.channel_id = c.channel_id
      ",
              "WHERE c.channel_name = :channel AND m.sent_at >= :since",
            ],
            "usage_guidance": [
              "Use for counts in one channel.",
            ],
          },
        },
      ]
    `);
  });

  it('add_sql_snippet measure derives an alias from the display name', () => {
    const ops = compileFix(
      v2Space(),
      fix({
        type: 'add_sql_snippet',
        kind: 'measure',
        display_name: 'Average words',
        sql: 'AVG(messages.word_count)',
        synonyms: ['avg length', 'AVG LENGTH'],
      }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "add",
          "path": "/instructions/sql_snippets/measures/1",
          "value": {
            "alias": "average_words",
            "display_name": "Average words",
            "id": "6dbcc642af4a9fd2444c4e649972e4c4",
            "sql": [
              "AVG(messages.word_count)",
            ],
            "synonyms": [
              "avg length",
            ],
          },
        },
      ]
    `);
  });

  it('add_sql_snippet filter creates the filters list and has no alias', () => {
    const ops = compileFix(
      v2Space(),
      fix({
        type: 'add_sql_snippet',
        kind: 'filter',
        display_name: 'replies',
        sql: 'messages.is_reply = 1',
        instruction: 'Use for replies only.',
      }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "add",
          "path": "/instructions/sql_snippets/filters",
          "value": [],
        },
        {
          "op": "add",
          "path": "/instructions/sql_snippets/filters/0",
          "value": {
            "display_name": "replies",
            "id": "539c54492f3e938a2bef905f4ab8718f",
            "instruction": [
              "Use for replies only.",
            ],
            "sql": [
              "messages.is_reply = 1",
            ],
          },
        },
      ]
    `);
  });

  it('enable_get_example_values replaces a false flag', () => {
    const ops = compileFix(
      v2Space(),
      fix({ type: 'enable_get_example_values', table: 'main.community.members', column: 'plan' }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "test",
          "path": "/data_sources/tables/1/column_configs/1/enable_format_assistance",
          "value": false,
        },
        {
          "op": "replace",
          "path": "/data_sources/tables/1/column_configs/1/enable_format_assistance",
          "value": true,
        },
      ]
    `);
  });

  it('enable_build_value_dictionary turns on entity matching and format assistance', () => {
    const ops = compileFix(
      v2Space(),
      fix({ type: 'enable_build_value_dictionary', table: 'main.community.members', column: 'plan' }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "test",
          "path": "/data_sources/tables/1/column_configs/1/enable_format_assistance",
          "value": false,
        },
        {
          "op": "replace",
          "path": "/data_sources/tables/1/column_configs/1/enable_format_assistance",
          "value": true,
        },
        {
          "op": "add",
          "path": "/data_sources/tables/1/column_configs/1/enable_entity_matching",
          "value": true,
        },
      ]
    `);
  });

  it('enable_build_value_dictionary adds both flags to a config that has neither', () => {
    const ops = compileFix(
      v2Space(),
      fix({ type: 'enable_build_value_dictionary', table: 'main.community.channels', column: 'channel_name' }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "add",
          "path": "/data_sources/tables/0/column_configs/1/enable_format_assistance",
          "value": true,
        },
        {
          "op": "add",
          "path": "/data_sources/tables/0/column_configs/1/enable_entity_matching",
          "value": true,
        },
      ]
    `);
  });

  it('add_text_instruction appends one piece to the single item', () => {
    const ops = compileFix(
      v2Space(),
      fix({ type: 'add_text_instruction', text: 'Active means sent a message in the last 30 days.' }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "add",
          "path": "/instructions/text_instructions/0/content/1",
          "value": "Active means sent a message in the last 30 days.
      ",
        },
      ]
    `);
  });
});

describe('compileFix on a version 1 space', () => {
  it('enable_get_example_values writes get_example_values', () => {
    const ops = compileFix(
      v1Space(),
      fix({ type: 'enable_get_example_values', table: 'main.community.members', column: 'plan' }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "test",
          "path": "/data_sources/tables/0/column_configs/0/get_example_values",
          "value": false,
        },
        {
          "op": "replace",
          "path": "/data_sources/tables/0/column_configs/0/get_example_values",
          "value": true,
        },
      ]
    `);
  });

  it('enable_build_value_dictionary writes build_value_dictionary (and example values)', () => {
    const ops = compileFix(
      v1Space(),
      fix({ type: 'enable_build_value_dictionary', table: 'main.community.members', column: 'country_code' }),
    );
    expect(ops).toMatchInlineSnapshot(`
      [
        {
          "op": "add",
          "path": "/data_sources/tables/0/column_configs/0",
          "value": {
            "build_value_dictionary": true,
            "column_name": "country_code",
            "get_example_values": true,
          },
        },
      ]
    `);
  });
});

describe('compileFix creates missing containers', () => {
  it('add_join on a space without instructions', () => {
    const ops = compileFix(
      bareSpace(),
      fix({
        type: 'add_join',
        left: { table: 'main.community.messages', column: 'channel_id' },
        right: { table: 'main.community.channels', column: 'channel_id' },
        relationship: 'MANY_TO_ONE',
      }),
    );
    expect(ops.map((op) => `${op.op} ${op.path}`)).toEqual([
      'add /instructions',
      'add /instructions/join_specs',
      'add /instructions/join_specs/0',
    ]);
  });

  it.each<[string, FixBody, string]>([
    [
      'measure',
      { type: 'add_sql_snippet', kind: 'measure', display_name: 'total words', sql: 'SUM(messages.word_count)' },
      '/instructions/sql_snippets/measures/0',
    ],
    ['text', { type: 'add_text_instruction', text: 'Use UTC.' }, '/instructions/text_instructions/0'],
    [
      'example',
      {
        type: 'add_example_query',
        question: 'How many channels?',
        sql: 'SELECT COUNT(*) FROM main.community.channels',
      },
      '/instructions/example_question_sqls/0',
    ],
  ])('%s: every level is added, parents first', (_name, input, last) => {
    const space = bareSpace();
    const ops = compileFix(space, fix(input));
    expect(ops.at(-1)?.path).toBe(last);
    const result = apply(space, ops);
    expect(canonicalizeSpace(result)).toEqual(result);
  });

  it('the text instruction is created with a piece ending in a newline', () => {
    const result = apply(
      bareSpace(),
      compileFix(bareSpace(), fix({ type: 'add_text_instruction', text: '  Use UTC.  ' })),
    );
    expect(result.instructions?.text_instructions).toHaveLength(1);
    expect(result.instructions?.text_instructions?.[0].content).toEqual(['Use UTC.\n']);
  });
});
