import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  categorize,
  diffSqlShapes,
  explainFailure,
  type Category,
  type CategorizeInput,
} from '../../src/scoring/failure-category.js';
import { extractSqlShape } from '../../src/scoring/sql-shape.js';

const EXPECTED = `SELECT c.channel_name, count(*) AS n
  FROM main.community.messages m JOIN main.community.channels c ON m.channel_id = c.channel_id
  WHERE m.sent_at >= '2026-10-01' AND c.category = 'support'
  GROUP BY c.channel_name ORDER BY n DESC LIMIT 5`;

const mismatch = (genieSql: string, expectedSql = EXPECTED): CategorizeInput => ({
  expectedSql,
  genieSql,
  status: 'COMPLETED',
  verdict: 'mismatch',
});

describe('categorize: errors by status and error type', () => {
  it.each<[string, CategorizeInput, Category]>([
    ['our timeout', { expectedSql: EXPECTED, status: 'TIMEOUT' }, 'timeout'],
    [
      'Genie reply timeout',
      {
        expectedSql: EXPECTED,
        status: 'FAILED',
        genieError: { type: 'REPLY_PROCESS_TIMEOUT_EXCEPTION', message: 'slow' },
      },
      'timeout',
    ],
    [
      'ask threw',
      { expectedSql: EXPECTED, status: 'ERROR', genieError: { type: 'HTTP_500', message: 'boom' } },
      'api_error',
    ],
    [
      'SQL execution failure',
      {
        expectedSql: EXPECTED,
        status: 'FAILED',
        genieSql: 'SELECT x FROM y',
        genieError: { type: 'SQL_EXECUTION_EXCEPTION', message: 'no column x' },
      },
      'sql_error',
    ],
    [
      "Genie's SQL stopped for running too long",
      {
        expectedSql: EXPECTED,
        status: 'FAILED',
        genieSql: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c',
        genieError: {
          type: 'SQL_EXECUTION_EXCEPTION',
          message: 'the statement ran longer than 5000 ms and was stopped',
        },
      },
      'timeout',
    ],
    [
      'unknown table',
      {
        expectedSql: EXPECTED,
        status: 'FAILED',
        genieError: { type: 'INVALID_SQL_UNKNOWN_TABLE_EXCEPTION', message: '' },
      },
      'sql_error',
    ],
    [
      'missing SQL',
      { expectedSql: EXPECTED, status: 'FAILED', genieError: { type: 'MISSING_SQL_QUERY_EXCEPTION', message: '' } },
      'no_sql',
    ],
    [
      'tables missing',
      { expectedSql: EXPECTED, status: 'FAILED', genieError: { type: 'TABLES_MISSING_EXCEPTION', message: '' } },
      'no_sql',
    ],
    [
      'rate limited after retries',
      {
        expectedSql: EXPECTED,
        status: 'FAILED',
        genieError: { type: 'RATE_LIMIT_EXCEEDED_GENERIC_EXCEPTION', message: '' },
      },
      'api_error',
    ],
    [
      'context exceeded',
      {
        expectedSql: EXPECTED,
        status: 'FAILED',
        genieSql: 'SELECT 1',
        genieError: { type: 'CONTEXT_EXCEEDED_EXCEPTION', message: '' },
      },
      'api_error',
    ],
    [
      'unknown failure with SQL',
      {
        expectedSql: EXPECTED,
        status: 'FAILED',
        genieSql: 'SELECT 1',
        genieError: { type: 'SOMETHING_NEW', message: '' },
      },
      'sql_error',
    ],
    ['unknown failure without SQL', { expectedSql: EXPECTED, status: 'FAILED' }, 'api_error'],
    ['cancelled', { expectedSql: EXPECTED, status: 'CANCELLED' }, 'api_error'],
    ['completed, text only', { expectedSql: EXPECTED, status: 'COMPLETED', genieSql: null }, 'no_sql'],
    ['completed, blank SQL', { expectedSql: EXPECTED, status: 'COMPLETED', genieSql: '  ' }, 'no_sql'],
  ])('%s -> %s', (_name, input, category) => {
    expect(categorize(input)).toBe(category);
  });
});

describe('categorize: wrong answers by the first structural difference', () => {
  it.each<[string, string, Category]>([
    [
      'different table',
      `SELECT c.channel_name, count(*) AS n FROM main.community.reactions m JOIN main.community.channels c ON m.channel_id = c.channel_id WHERE m.sent_at >= '2026-10-01' AND c.category = 'support' GROUP BY c.channel_name ORDER BY n DESC LIMIT 5`,
      'wrong_table',
    ],
    [
      'extra joined table',
      `SELECT c.channel_name, count(*) AS n FROM messages m JOIN channels c ON m.channel_id = c.channel_id JOIN members u ON u.member_id = m.member_id WHERE m.sent_at >= '2026-10-01' AND c.category = 'support' GROUP BY c.channel_name ORDER BY n DESC LIMIT 5`,
      'wrong_join',
    ],
    [
      'different join key',
      `SELECT c.channel_name, count(*) AS n FROM messages m JOIN channels c ON m.member_id = c.channel_id WHERE m.sent_at >= '2026-10-01' AND c.category = 'support' GROUP BY c.channel_name ORDER BY n DESC LIMIT 5`,
      'wrong_join',
    ],
    [
      'left instead of inner join',
      `SELECT c.channel_name, count(*) AS n FROM messages m LEFT JOIN channels c ON m.channel_id = c.channel_id WHERE m.sent_at >= '2026-10-01' AND c.category = 'support' GROUP BY c.channel_name ORDER BY n DESC LIMIT 5`,
      'wrong_join',
    ],
    [
      'filter value',
      `SELECT c.channel_name, count(*) AS n FROM messages m JOIN channels c ON m.channel_id = c.channel_id WHERE m.sent_at >= '2026-10-01' AND c.category = 'Support' GROUP BY c.channel_name ORDER BY n DESC LIMIT 5`,
      'wrong_filter',
    ],
    [
      'missing filter',
      `SELECT c.channel_name, count(*) AS n FROM messages m JOIN channels c ON m.channel_id = c.channel_id WHERE c.category = 'support' GROUP BY c.channel_name ORDER BY n DESC LIMIT 5`,
      'wrong_filter',
    ],
    [
      'aggregate',
      `SELECT c.channel_name, count(DISTINCT m.member_id) AS n FROM messages m JOIN channels c ON m.channel_id = c.channel_id WHERE m.sent_at >= '2026-10-01' AND c.category = 'support' GROUP BY c.channel_name ORDER BY n DESC LIMIT 5`,
      'wrong_aggregation',
    ],
    [
      'grouping',
      `SELECT c.category, count(*) AS n FROM messages m JOIN channels c ON m.channel_id = c.channel_id WHERE m.sent_at >= '2026-10-01' AND c.category = 'support' GROUP BY c.category ORDER BY n DESC LIMIT 5`,
      'wrong_grouping',
    ],
    [
      'limit',
      `SELECT c.channel_name, count(*) AS n FROM messages m JOIN channels c ON m.channel_id = c.channel_id WHERE m.sent_at >= '2026-10-01' AND c.category = 'support' GROUP BY c.channel_name ORDER BY n DESC LIMIT 10`,
      'wrong_order_or_limit',
    ],
    [
      'order direction',
      `SELECT c.channel_name, count(*) AS n FROM messages m JOIN channels c ON m.channel_id = c.channel_id WHERE m.sent_at >= '2026-10-01' AND c.category = 'support' GROUP BY c.channel_name ORDER BY n ASC LIMIT 5`,
      'wrong_order_or_limit',
    ],
    [
      'same shape, different data',
      `SELECT c.channel_name, count(*) AS n FROM messages m JOIN channels c ON m.channel_id = c.channel_id WHERE m.sent_at >= '2026-10-01' AND c.category = 'support' GROUP BY c.channel_name ORDER BY n DESC LIMIT 5`,
      'result_mismatch',
    ],
    ['unparseable Genie SQL', 'SELEC what', 'result_mismatch'],
  ])('%s -> %s', (_name, genieSql, category) => {
    expect(categorize(mismatch(genieSql))).toBe(category);
  });

  it('wrong_column when only the projected column differs', () => {
    expect(
      categorize(
        mismatch('SELECT display_name FROM members WHERE plan = 1', 'SELECT member_id FROM members WHERE plan = 1'),
      ),
    ).toBe('wrong_column');
  });

  it('wrong_grouping when DISTINCT differs', () => {
    expect(categorize(mismatch('SELECT plan FROM members', 'SELECT DISTINCT plan FROM members'))).toBe(
      'wrong_grouping',
    );
  });

  it('explains the difference in a sentence', () => {
    const out = explainFailure(
      mismatch(
        `SELECT c.channel_name, count(*) AS n FROM messages m JOIN channels c ON m.channel_id = c.channel_id WHERE m.sent_at >= '2026-10-01' AND c.category = 'Support' GROUP BY c.channel_name ORDER BY n DESC LIMIT 5`,
      ),
    );
    expect(out.category).toBe('wrong_filter');
    expect(out.detail).toBe(
      "Expected filter `category = 'support'` missing; Genie's filter `category = 'Support'` not expected.",
    );
  });
});

describe('diffSqlShapes', () => {
  it('is empty for the same query written differently', () => {
    const a = extractSqlShape(EXPECTED);
    const b =
      extractSqlShape(`select channels.channel_name, COUNT(*) cnt from channels inner join messages on channels.channel_id = messages.channel_id
      where channels.category = 'support' and messages.sent_at >= DATE '2026-10-01' group by 1 order by 2 desc limit 5`);
    expect(diffSqlShapes(a, b)).toEqual([]);
  });

  it('lists every difference, most explanatory first', () => {
    const a = extractSqlShape("SELECT plan, count(*) FROM members WHERE country_code = 'KR' GROUP BY plan");
    const b = extractSqlShape(
      "SELECT plan, sum(member_id) FROM members WHERE country_code = 'US' GROUP BY plan ORDER BY plan",
    );
    expect(diffSqlShapes(a, b).map((d) => d.category)).toEqual([
      'wrong_filter',
      'wrong_aggregation',
      'wrong_column',
      'wrong_order_or_limit',
    ]);
  });

  it('has exactly the twelve categories', () => {
    expect([...CATEGORIES].sort()).toEqual(
      [
        'api_error',
        'no_sql',
        'result_mismatch',
        'sql_error',
        'timeout',
        'wrong_aggregation',
        'wrong_column',
        'wrong_filter',
        'wrong_grouping',
        'wrong_join',
        'wrong_order_or_limit',
        'wrong_table',
      ].sort(),
    );
  });
});
