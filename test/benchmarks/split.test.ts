import { describe, expect, it } from 'vitest';
import { deriveSplit, normalizeSqlForSplit } from '../../src/benchmarks/split.js';

describe('normalizeSqlForSplit', () => {
  it.each([
    ['SELECT  COUNT(*)\n FROM members;', 'select count(*)from members'],
    ['select count( * ) from `main`.`community`.`members` ;;', 'select count(*)from main.community.members'],
    ['  SELECT a , b FROM t WHERE x = 1  ', 'select a,b from t where x=1'],
    ['SELECT\ta\r\nFROM t', 'select a from t'],
  ])('%j -> %j', (sql, expected) => {
    expect(normalizeSqlForSplit(sql)).toBe(expected);
  });
});

describe('deriveSplit', () => {
  it('is deterministic', () => {
    const sql = 'SELECT COUNT(*) FROM main.community.messages';
    expect(new Set(Array.from({ length: 5 }, () => deriveSplit(sql))).size).toBe(1);
  });

  it('puts layouts of the same query on the same side', () => {
    const variants = [
      'SELECT channel_name, COUNT(*) FROM main.community.messages GROUP BY channel_name',
      'select channel_name, count(*)\nfrom `main`.`community`.`messages`\ngroup by channel_name;',
      '  SELECT channel_name ,COUNT( * )  FROM main.community.messages GROUP BY channel_name ; ',
    ];
    for (let n = 0; n < 40; n++) {
      const group = variants.map((v) => v.replace(/channel_name/g, `c${n}`));
      expect(new Set(group.map(deriveSplit)).size, group[0]).toBe(1);
    }
  });

  it('sends about one in three to holdout', () => {
    const tables = ['members', 'messages', 'channels', 'reactions', 'daily_channel_stats'];
    const sqls: string[] = [];
    for (let i = 0; i < 400; i++) {
      const table = tables[i % tables.length];
      sqls.push(`SELECT COUNT(*) FROM main.community.${table} WHERE id > ${i} LIMIT ${(i % 7) + 1}`);
    }
    const holdout = sqls.filter((sql) => deriveSplit(sql) === 'holdout').length / sqls.length;
    expect(holdout).toBeGreaterThanOrEqual(0.25);
    expect(holdout).toBeLessThanOrEqual(0.42);
  });

  it('uses both sides', () => {
    const splits = new Set(Array.from({ length: 30 }, (_, i) => deriveSplit(`SELECT ${i}`)));
    expect(splits).toEqual(new Set(['train', 'holdout']));
  });
});
