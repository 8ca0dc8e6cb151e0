import { describe, expect, it } from 'vitest';
import { dateCondition, findDates, nextDay, type DateRange } from '../../../src/local/genie/dates.js';
import { tokenize } from '../../../src/local/genie/text.js';

const TODAY = '2026-11-01';
const rangeOf = (q: string): DateRange | undefined => findDates(tokenize(q), TODAY)[0]?.range;

describe('findDates', () => {
  it.each<[string, DateRange]>([
    ['messages in the last 7 days', { kind: 'last', n: 7, unit: 'day' }],
    ['over the past 3 weeks', { kind: 'last', n: 3, unit: 'week' }],
    ['지난 30일 동안', { kind: 'last', n: 30, unit: 'day' }],
    ['최근 2주', { kind: 'last', n: 2, unit: 'week' }],
    ['last month', { kind: 'previous', unit: 'month' }],
    ['지난달', { kind: 'previous', unit: 'month' }],
    ['지난 달', { kind: 'previous', unit: 'month' }],
    ['this month', { kind: 'this', unit: 'month' }],
    ['이번 달', { kind: 'this', unit: 'month' }],
    ['올해', { kind: 'this', unit: 'year' }],
    ['last year', { kind: 'previous', unit: 'year' }],
    ['yesterday', { kind: 'yesterday' }],
    ['in March 2026', { kind: 'between', from: '2026-03-01', to: '2026-04-01' }],
    ['2026년 3월', { kind: 'between', from: '2026-03-01', to: '2026-04-01' }],
    ['in December', { kind: 'between', from: '2025-12-01', to: '2026-01-01' }],
    ['in 2025', { kind: 'between', from: '2025-01-01', to: '2026-01-01' }],
    ['between 2026-01-01 and 2026-03-31', { kind: 'between', from: '2026-01-01', to: '2026-04-01' }],
    ['since 2026-10-01', { kind: 'between', from: '2026-10-01' }],
  ])('%s', (question, expected) => expect(rangeOf(question)).toEqual(expected));

  it('finds nothing in a question without dates', () => {
    expect(findDates(tokenize('top 5 channels by messages'), TODAY)).toEqual([]);
  });
});

describe('dateCondition', () => {
  it.each<[DateRange, string]>([
    [{ kind: 'last', n: 7, unit: 'day' }, 'm.sent_at >= date_sub(current_date, 7)'],
    [{ kind: 'this', unit: 'month' }, "m.sent_at >= date_trunc('month', current_date)"],
    [
      { kind: 'previous', unit: 'month' },
      "m.sent_at >= date_trunc('month', date_sub(date_trunc('month', current_date), 1)) AND m.sent_at < date_trunc('month', current_date)",
    ],
    [
      { kind: 'between', from: '2026-03-01', to: '2026-04-01' },
      "m.sent_at >= '2026-03-01' AND m.sent_at < '2026-04-01'",
    ],
  ])('%j', (range, sql) => expect(dateCondition(range, 'm.sent_at')).toBe(sql));

  it('makes an inclusive end date cover the whole day', () => {
    expect(nextDay('2026-03-31')).toBe('2026-04-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
  });
});
