import { describe, expect, it } from 'vitest';
import { SqlParseError, extractSqlShape, ordersOutput, tryExtractSqlShape } from '../../src/scoring/sql-shape.js';

const TOP_CHANNELS = `
  SELECT c.channel_name, COUNT(*) AS n
  FROM main.community.messages m
  JOIN main.community.channels c ON m.channel_id = c.channel_id AND c.is_private = 0
  WHERE m.sent_at >= date_sub(current_date, 30)
  GROUP BY 1
  ORDER BY n DESC
  LIMIT 5;`;

describe('extractSqlShape', () => {
  const shape = extractSqlShape(TOP_CHANNELS);

  it('reads tables with identifier, short name and alias', () => {
    expect(shape.tables).toEqual([
      { identifier: 'main.community.messages', name: 'messages', alias: 'm' },
      { identifier: 'main.community.channels', name: 'channels', alias: 'c' },
    ]);
  });

  it('resolves column aliases to tables', () => {
    expect(shape.columns).toEqual(
      expect.arrayContaining([
        { table: 'channels', column: 'channel_name' },
        { table: 'messages', column: 'sent_at' },
        { table: 'channels', column: 'is_private' },
      ]),
    );
    expect(shape.columns.some((c) => c.column === 'n')).toBe(false); // a select alias, not a column
  });

  it('separates join pairs from join filters', () => {
    expect(shape.joins).toEqual([
      {
        left: { table: 'messages', column: 'channel_id' },
        right: { table: 'channels', column: 'channel_id' },
        type: 'INNER',
      },
    ]);
    expect(shape.filters).toEqual([
      { column: 'is_private', expr: 'is_private', op: '=', value: '0', clause: 'join' },
      { column: 'sent_at', expr: 'sent_at', op: '>=', value: 'date_sub(current_date(), 30)', clause: 'where' },
    ]);
  });

  it('reads aggregates once, grouping by position, ordering by alias, and the limit', () => {
    expect(shape.aggregates).toEqual([{ fn: 'count', column: '*', arg: '*', distinct: false }]);
    expect(shape.groupBy).toEqual(['channel_name']);
    expect(shape.orderBy).toEqual([{ expr: 'count(*)', direction: 'DESC' }]);
    expect(shape.limit).toBe(5);
    expect(shape.select).toEqual(['channel_name', 'count(*)']);
  });

  it.each([
    [
      'backticked three-part names',
      'SELECT `c`.`channel_name` FROM `main`.`community`.`channels` AS `c`',
      'main.community.channels',
    ],
    ['one backticked dotted name', 'SELECT * FROM `main.community.channels`', 'main.community.channels'],
    ['two-part name', 'SELECT * FROM community.channels', 'community.channels'],
    ['plain name', 'select * from channels', 'channels'],
  ])('table identifiers: %s', (_name, sql, identifier) => {
    const [table] = extractSqlShape(sql).tables;
    expect(table.identifier).toBe(identifier);
    expect(table.name).toBe('channels');
  });

  it.each([
    ["plan = 'pro'", { column: 'plan', op: '=', value: "'pro'" }],
    ["country_code IN ('KR', 'US')", { column: 'country_code', op: 'IN', value: "('KR', 'US')" }],
    ["country_code NOT IN ('KR')", { column: 'country_code', op: 'NOT IN', value: "('KR')" }],
    [
      "sent_at BETWEEN '2026-01-01' AND DATE '2026-02-01'",
      { column: 'sent_at', op: 'BETWEEN', value: "'2026-01-01' and '2026-02-01'" },
    ],
    ['NOT is_reply = 1', { column: 'is_reply', op: '<>', value: '1' }],
    ['word_count IS NOT NULL', { column: 'word_count', op: 'IS NOT', value: 'null' }],
    ["display_name ILIKE '%kim%'", { column: 'display_name', op: 'ILIKE', value: "'%kim%'" }],
    ["display_name RLIKE '^k'", { column: 'display_name', op: 'LIKE', value: "'^k'" }],
    ['30 > word_count', { column: 'word_count', op: '>', value: '30' }],
    [
      "date_trunc('month', sent_at) = '2026-01-01'",
      { column: 'sent_at', expr: "date_trunc('month', sent_at)", op: '=', value: "'2026-01-01'" },
    ],
    [
      'sent_at >= current_date - INTERVAL 7 DAYS',
      { column: 'sent_at', op: '>=', value: 'current_date() - interval 7 day' },
    ],
    ['is_private', { column: 'is_private', op: 'IS', value: 'true' }],
  ])('filter %s', (condition, expected) => {
    const { filters } = extractSqlShape(`SELECT count(*) FROM main.community.members WHERE ${condition}`);
    expect(filters).toHaveLength(1);
    expect(filters[0]).toMatchObject({ ...expected, clause: 'where' });
  });

  it('splits AND and OR into separate predicates', () => {
    const { filters } = extractSqlShape(
      "SELECT * FROM members WHERE plan = 'pro' AND (country_code = 'KR' OR country_code = 'JP')",
    );
    expect(filters.map((f) => `${f.column} ${f.op} ${f.value}`)).toEqual([
      "plan = 'pro'",
      "country_code = 'KR'",
      "country_code = 'JP'",
    ]);
  });

  it('reads implicit joins in WHERE and USING joins', () => {
    const implicit = extractSqlShape(
      'SELECT a.x FROM messages a, channels b WHERE a.channel_id = b.channel_id AND b.category = 1',
    );
    expect(implicit.joins).toEqual([
      {
        left: { table: 'messages', column: 'channel_id' },
        right: { table: 'channels', column: 'channel_id' },
        type: 'INNER',
      },
    ]);
    expect(implicit.filters).toHaveLength(1);
    const using = extractSqlShape('SELECT channel_name FROM messages LEFT JOIN channels USING (channel_id)');
    expect(using.joins).toEqual([
      {
        left: { table: 'messages', column: 'channel_id' },
        right: { table: 'channels', column: 'channel_id' },
        type: 'LEFT',
      },
    ]);
  });

  it.each([
    ['COUNT(DISTINCT member_id)', { fn: 'count', column: 'member_id', arg: 'member_id', distinct: true }],
    ['sum(word_count)', { fn: 'sum', column: 'word_count', arg: 'word_count', distinct: false }],
    ['AVG(word_count * 1.0)', { fn: 'avg', column: 'word_count', arg: 'word_count * 1.0', distinct: false }],
    ['percentile(word_count, 0.5)', { fn: 'percentile', column: 'word_count', distinct: false }],
    [
      'sum(CASE WHEN is_reply = 1 THEN 1 ELSE 0 END)',
      { fn: 'sum', column: 'is_reply', arg: 'case when is_reply = 1 then 1 else 0 end' },
    ],
  ])('aggregate %s', (expr, expected) => {
    const { aggregates } = extractSqlShape(`SELECT ${expr} FROM main.community.messages`);
    expect(aggregates).toEqual([expect.objectContaining(expected)]);
  });

  it('merges CTEs and subqueries but keeps CTE names out of tables', () => {
    const shape = extractSqlShape(`
      WITH per_member AS (SELECT member_id, count(*) AS c FROM main.community.messages GROUP BY member_id)
      SELECT avg(c) FROM per_member
      WHERE member_id IN (SELECT member_id FROM main.community.members WHERE plan = 'pro')`);
    expect(shape.tables.map((t) => t.name)).toEqual(['messages', 'members']);
    expect(shape.groupBy).toEqual(['member_id']);
    expect(shape.aggregates.map((a) => a.fn)).toEqual(['count', 'avg']);
    expect(shape.filters.map((f) => `${f.column} ${f.op} ${f.value}`)).toEqual([
      "plan = 'pro'",
      'member_id IN (subquery)',
    ]);
    expect(shape.orderBy).toEqual([]);
    expect(shape.limit).toBeNull();
  });

  it('takes order and limit only from the outermost query', () => {
    const shape = extractSqlShape('SELECT x FROM (SELECT member_id AS x FROM messages ORDER BY sent_at LIMIT 10) t');
    expect(shape.orderBy).toEqual([]);
    expect(shape.limit).toBeNull();
    expect(shape.tables.map((t) => t.name)).toEqual(['messages']);
  });

  it('reads DISTINCT, TOP and HAVING', () => {
    expect(extractSqlShape('SELECT DISTINCT plan FROM members').distinct).toBe(true);
    expect(extractSqlShape('SELECT TOP 3 plan FROM members').limit).toBe(3);
    const having = extractSqlShape('SELECT member_id, count(*) n FROM messages GROUP BY member_id HAVING n > 10');
    expect(having.filters).toEqual([{ column: 'n', expr: 'n', op: '>', value: '10', clause: 'having' }]);
  });

  it('throws SqlParseError on unparseable SQL and on non-SELECT statements', () => {
    expect(() => extractSqlShape('SELEC nonsense FROM')).toThrow(SqlParseError);
    expect(() => extractSqlShape("UPDATE members SET plan = 'pro'")).toThrow(/SELECT/);
    expect(() => extractSqlShape('SELECT 1; SELECT 2')).toThrow(SqlParseError);
    expect(tryExtractSqlShape('SELEC nonsense')).toBeNull();
  });
});

describe('ordersOutput', () => {
  it.each([
    ['SELECT a FROM t ORDER BY a', true],
    ['SELECT a FROM t', false],
    ['SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 3) x', false],
    ['SELEC broken ORDER BY a', true],
    ['SELEC broken (ORDER BY a) x', false],
  ])('%s -> %s', (sql, expected) => {
    expect(ordersOutput(sql)).toBe(expected);
  });
});
