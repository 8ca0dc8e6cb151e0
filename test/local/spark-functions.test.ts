import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalWarehouse, type LocalWarehouse } from '../../src/local/warehouse.js';
import { formatPattern, isoWeek, parseDate } from '../../src/local/spark-dates.js';

let warehouse: LocalWarehouse;
beforeAll(async () => {
  warehouse = await openLocalWarehouse({ asOf: '2026-11-01' });
});
afterAll(async () => {
  await warehouse.close();
});

const value = async (expression: string) => (await warehouse.execute(`SELECT ${expression}`)).rows[0][0];

describe('Spark functions on the local warehouse', () => {
  it.each([
    // date_trunc: day, Monday weeks, month, quarter, year
    ["date_trunc('day', '2026-03-18 17:45:00')", '2026-03-18'],
    ["date_trunc('week', '2026-03-18')", '2026-03-16'],
    ["date_trunc('WEEK', '2026-03-16 00:00:01')", '2026-03-16'],
    ["date_trunc('week', '2026-03-22')", '2026-03-16'],
    ["date_trunc('month', '2026-03-18 10:00:00')", '2026-03-01'],
    ["date_trunc('MM', '2026-03-18')", '2026-03-01'],
    ["date_trunc('quarter', '2026-05-18')", '2026-04-01'],
    ["date_trunc('year', '2026-05-18')", '2026-01-01'],
    ["date_trunc('hour', '2026-05-18 10:42:11')", '2026-05-18 10:00:00'],
    ["trunc('2026-05-18', 'MM')", '2026-05-01'],
    ["date_trunc('fortnight', '2026-05-18')", null],
    // date arithmetic
    ["date_add('2026-02-27', 2)", '2026-03-01'],
    ["date_add('2026-02-27 10:00:00', 2)", '2026-03-01'],
    ["date_sub('2026-03-01', 1)", '2026-02-28'],
    ['date_sub(current_date, 30)', '2026-10-02'],
    ["datediff('2026-03-01', '2026-02-01')", 28],
    ["datediff('2026-02-01 23:00:00', '2026-02-02 01:00:00')", -1],
    ["datediff(MONTH, '2026-01-31', '2026-03-30')", 1],
    ["timestampdiff(HOUR, '2026-01-01 00:00:00', '2026-01-01 05:59:59')", 5],
    ["dateadd(WEEK, 2, '2026-01-01')", '2026-01-15'],
    ["add_months('2026-01-31', 1)", '2026-02-28'],
    ["last_day('2024-02-10')", '2024-02-29'],
    ['current_date - INTERVAL 7 DAYS', '2026-10-25'],
    ["DATE '2026-01-31' + INTERVAL 1 MONTH", '2026-02-28'],
    ["TIMESTAMP '2026-01-01 10:00:00' - INTERVAL 2 HOURS", '2026-01-01 08:00:00'],
    // parts
    ["year('2026-03-18 10:00:00')", 2026],
    ["month('2026-03-18')", 3],
    ["day('2026-03-18')", 18],
    ["quarter('2026-11-18')", 4],
    ["hour('2026-03-18 17:45:00')", 17],
    ["dayofweek('2026-03-15')", 1],
    ["dayofweek('2026-03-21')", 7],
    ["weekday('2026-03-16')", 0],
    ["weekofyear('2026-01-01')", 1],
    ["EXTRACT(MONTH FROM '2026-07-04')", 7],
    ["date_part('dayofyear', '2026-02-01')", 32],
    // conversions and formatting
    ["to_date('2026-03-18 17:45:00')", '2026-03-18'],
    ["to_date('20260318')", '2026-03-18'],
    ["to_date('not a date')", null],
    ["to_date('2026-02-30')", null],
    ["to_timestamp('2026-03-18')", '2026-03-18 00:00:00'],
    ["CAST('2026-03-18 17:45:00' AS DATE)", '2026-03-18'],
    ["date_format('2026-03-08 07:05:09', 'yyyy-MM-dd HH:mm:ss')", '2026-03-08 07:05:09'],
    ["date_format('2026-03-08', 'MMM yyyy')", 'Mar 2026'],
    ["date_format('2026-03-08', 'EEEE')", 'Sunday'],
    ["date_format('2026-03-08', \"yyyy'Q'Q\")", '2026Q1'],
    // null handling and conditionals
    ['nvl(NULL, 3)', 3],
    ["nvl('a', 'b')", 'a'],
    ['nvl2(NULL, 1, 2)', 2],
    ['if(1 > 2, 10, 20)', 20],
    ['greatest(1, NULL, 7, 3)', 7],
    ['least(4, NULL, 2)', 2],
    ['try_divide(1, 0)', null],
    ['7 / 2', 3.5],
    ['count_if(x > 1) FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 3)', 2],
    ['date_add(NULL, 1)', null],
    ["'General' ILIKE 'gen%'", 1],
    ["'General' NOT ILIKE 'gen%'", 0],
    ["'a.b' ILIKE 'a_b'", 1],
    ["'axb' ILIKE 'a\\.b'", 0],
    ["'data-engineering' RLIKE 'eng'", 1],
    ["'2026-03-18 10:00:00'::date", '2026-03-18'],
  ])('%s = %j', async (expression, expected) => {
    expect(await value(expression)).toEqual(expected);
  });

  it('returns integers from integer-valued functions', async () => {
    const result = await warehouse.execute(
      "SELECT year('2026-01-01') AS y, datediff('2026-01-02', '2026-01-01') AS d, count_if(1 = 1) AS c",
    );
    expect(result.columns.map((c) => c.type)).toEqual(['BIGINT', 'BIGINT', 'BIGINT']);
  });
});

describe('date helpers', () => {
  it.each([
    ['2026-01-01', 1],
    ['2026-12-31', 53],
    ['2027-01-01', 53],
    ['2025-12-29', 1],
  ])('ISO week of %s is %i', (date, week) => {
    expect(isoWeek(parseDate(date)!.ms)).toBe(week);
  });

  it('parses ISO forms and rejects others', () => {
    expect(parseDate('2026-03-18T10:00:00Z')?.hasTime).toBe(true);
    expect(parseDate('2026-03-18')?.hasTime).toBe(false);
    expect(parseDate('18/03/2026')).toBeNull();
    expect(parseDate(null)).toBeNull();
  });

  it('formats literal text in patterns', () => {
    expect(formatPattern(Date.UTC(2026, 0, 5, 13), "d 'of' MMMM, h a")).toBe('5 of January, 1 PM');
  });
});
