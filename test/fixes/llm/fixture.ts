/** A small community space and warehouse schema shared by the llm tests. */
import type { QueryResult, Warehouse, WarehouseSchema } from '../../../src/ports.js';
import type { Space } from '../../../src/space/schema.js';
import type { FailureEvidence } from '../../../src/fixes/analyst.js';

export const JOIN_ID = '0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a';

export function communitySpace(): Space {
  return {
    version: 2,
    data_sources: {
      tables: [
        {
          identifier: 'main.community.channels',
          description: ['Chat channels.\n'],
          column_configs: [{ column_name: 'channel_name', synonyms: ['room'] }],
        },
        {
          identifier: 'main.community.members',
          column_configs: [{ column_name: 'country_code', enable_format_assistance: true }],
        },
        { identifier: 'main.community.messages' },
      ],
    },
    instructions: {
      text_instructions: [{ id: '1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b', content: ['Weeks start on Monday.\n'] }],
      join_specs: [
        {
          id: JOIN_ID,
          left: { identifier: 'main.community.messages', alias: 'messages' },
          right: { identifier: 'main.community.channels', alias: 'channels' },
          sql: ['`messages`.`channel_id` = `channels`.`channel_id`', '--rt=FROM_RELATIONSHIP_TYPE_ONE_TO_MANY--'],
        },
      ],
      sql_snippets: {
        measures: [
          {
            id: '2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c',
            alias: 'total_words',
            display_name: 'Total words',
            sql: ['SUM(messages.word_count)'],
          },
        ],
      },
    },
    // Genie's own benchmark section: must never reach the model.
    benchmarks: {
      questions: [
        {
          id: '3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d',
          question: ['secret holdout question'],
          answer: [{ format: 'SQL', content: ['SELECT 42 AS holdout_secret'] }],
        },
      ],
    },
  };
}

export const SCHEMA: WarehouseSchema = {
  tables: [
    {
      identifier: 'main.community.channels',
      columns: cols(
        'channel_id INTEGER',
        'channel_name TEXT',
        'category TEXT',
        'is_private INTEGER',
        'created_at DATE',
      ),
    },
    {
      identifier: 'main.community.members',
      columns: cols('member_id INTEGER', 'display_name TEXT', 'country_code TEXT', 'plan TEXT', 'joined_at DATE'),
    },
    {
      identifier: 'main.community.messages',
      columns: cols(
        'message_id INTEGER',
        'channel_id INTEGER',
        'member_id INTEGER',
        'sent_at TIMESTAMP',
        'word_count INTEGER',
        'is_reply INTEGER',
      ),
    },
    {
      identifier: 'main.community.reactions',
      columns: cols(
        'reaction_id INTEGER',
        'message_id INTEGER',
        'member_id INTEGER',
        'emoji TEXT',
        'reacted_at TIMESTAMP',
      ),
    },
  ],
};

function cols(...specs: string[]) {
  return specs.map((spec) => {
    const [name, type] = spec.split(' ');
    return { name, type };
  });
}

function result(columns: string[], rows: (string | number | null)[][]): QueryResult {
  return { columns: columns.map((name) => ({ name, type: '' })), rows, truncated: false };
}

export function failures(count = 2): FailureEvidence[] {
  const all: FailureEvidence[] = [
    {
      id: 'korea-members',
      question: '한국 회원은 몇 명인가요?',
      expectedSql: "SELECT COUNT(*) AS n FROM main.community.members WHERE country_code = 'KR'",
      category: 'wrong_filter',
      verdict: 'mismatch',
      genieSql: 'SELECT COUNT(*) AS n FROM main.community.members',
      expectedResult: result(['n'], [[251]]),
      genieResult: result(['n'], [[2000]]),
    },
    {
      id: 'msgs-per-channel',
      question: 'messages per channel last 7 days',
      expectedSql:
        'SELECT c.channel_name, COUNT(*) FROM main.community.messages m JOIN main.community.channels c ON m.channel_id = c.channel_id GROUP BY 1',
      category: 'sql_error',
      verdict: 'mismatch',
      genieSql: null,
      error: 'no such column: channel',
      instructionsUsed: [JOIN_ID],
    },
  ];
  const out: FailureEvidence[] = [];
  for (let i = 0; i < count; i++)
    out.push({ ...all[i % all.length], id: i < all.length ? all[i].id : `${all[i % all.length].id}-${i}` });
  return out;
}

/** A warehouse that answers the analyst's DISTINCT sample queries from a table of values. */
export function fakeWarehouse(values: Record<string, string[]> = {}): Warehouse & { executed: string[] } {
  const executed: string[] = [];
  return {
    executed,
    async execute(sql) {
      executed.push(sql);
      const column = /SELECT DISTINCT `([^`]+)`/.exec(sql)?.[1] ?? '';
      const limit = Number(/LIMIT (\d+)/.exec(sql)?.[1] ?? 100);
      return result(
        [column],
        (values[column] ?? []).slice(0, limit).map((value) => [value]),
      );
    },
    async schema() {
      return SCHEMA;
    },
  };
}
