import { describe, expect, it } from 'vitest';
import { FixSchema, type Fix } from '../../../src/fixes/fix-types.js';
import { buildSqlReferenceIndex, checkSqlReferences } from '../../../src/fixes/llm/sql-references.js';
import { communitySpace, SCHEMA } from './fixture.js';

const index = buildSqlReferenceIndex(communitySpace(), SCHEMA);

function example(sql: string): Fix {
  return FixSchema.parse({ type: 'add_example_query', question: 'q', sql, rationale: 'r' });
}

function measure(sql: string): Fix {
  return FixSchema.parse({
    type: 'add_sql_snippet',
    kind: 'measure',
    display_name: 'm',
    alias: 'm',
    sql,
    rationale: 'r',
  });
}

describe('checkSqlReferences', () => {
  it.each([
    [
      'a valid three-part query with aliases',
      example(
        'SELECT c.channel_name, COUNT(*) FROM main.community.messages m JOIN main.community.channels c ON m.channel_id = c.channel_id GROUP BY 1',
      ),
    ],
    ['a table-qualified column of a space table', example('SELECT messages.word_count FROM main.community.messages')],
    ['a CTE that reuses a table name', example('WITH messages AS (SELECT 1 AS n) SELECT messages.n FROM messages')],
    [
      'an alias that reuses a table name',
      example('SELECT channels.total FROM (SELECT COUNT(*) AS total FROM main.community.channels) channels'),
    ],
    ['an unknown catalog (left to execution checks)', example('SELECT x FROM other.place.things')],
    [
      'strings and comments are not references',
      example("SELECT 'main.community.nope' AS s -- main.community.ghost\nFROM main.community.members"),
    ],
    ['function calls', example("SELECT date_trunc('month', messages.sent_at) FROM main.community.messages")],
    ['a measure on a qualified column', measure('SUM(messages.word_count)')],
    ['a four-part column reference', measure('COUNT(DISTINCT main.community.members.member_id)')],
    ['a backtick-quoted reference', measure('SUM(`messages`.`word_count`)')],
  ])('accepts %s', (_name, fix) => {
    expect(checkSqlReferences(fix, index)).toBeUndefined();
  });

  it.each([
    [
      'an unknown table',
      example('SELECT * FROM main.community.posts'),
      'unknown table main.community.posts (in the example SQL)',
    ],
    [
      'a warehouse table not in the space',
      example('SELECT emoji FROM main.community.reactions'),
      'table main.community.reactions is not in the space (in the example SQL)',
    ],
    [
      'an unknown qualified column in a snippet',
      measure('SUM(messages.words)'),
      'unknown column words in table main.community.messages (in the measure snippet SQL)',
    ],
    [
      'an unknown four-part column',
      measure('COUNT(main.community.members.country)'),
      'unknown column country in table main.community.members (in the measure snippet SQL)',
    ],
  ])('rejects %s', (_name, fix, reason) => {
    expect(checkSqlReferences(fix, index)).toBe(reason);
  });

  it('ignores fixes without SQL', () => {
    const fix = FixSchema.parse({ type: 'add_text_instruction', text: 'main.community.ghost', rationale: 'r' });
    expect(checkSqlReferences(fix, index)).toBeUndefined();
  });
});
