import { describe, expect, it } from 'vitest';
import { FIX_TYPES, FixSchema } from '../../src/fixes/fix-types.js';

const base = { rationale: 'because', targets: ['q1'] };

describe('FixSchema', () => {
  it('knows the ten fix types', () => {
    expect([...FIX_TYPES].sort()).toEqual([
      'add_column_description',
      'add_example_query',
      'add_join',
      'add_sql_snippet',
      'add_synonym',
      'add_text_instruction',
      'enable_build_value_dictionary',
      'enable_get_example_values',
      'fix_join',
      'update_table_description',
    ]);
  });

  it('defaults targets and collapses the rationale to one line', () => {
    const fix = FixSchema.parse({ type: 'add_text_instruction', text: 'Use UTC.', rationale: '  two\n lines ' });
    expect(fix).toEqual({ type: 'add_text_instruction', text: 'Use UTC.', rationale: 'two lines', targets: [] });
  });

  it('strips keys it does not know', () => {
    const fix = FixSchema.parse({ ...base, type: 'add_text_instruction', text: 'x', confidence: 0.9 });
    expect(fix).not.toHaveProperty('confidence');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['unknown type', { type: 'rename_table' }, 'type'],
    [
      'two-part table',
      { type: 'add_synonym', table: 'community.messages', column: 'word_count', synonyms: ['length'] },
      'table',
    ],
    [
      'no synonyms',
      { type: 'add_synonym', table: 'main.community.messages', column: 'word_count', synonyms: [] },
      'synonyms',
    ],
    [
      'empty synonym',
      { type: 'add_synonym', table: 'main.community.messages', column: 'word_count', synonyms: ['  '] },
      'synonyms.0',
    ],
    [
      'qualified column',
      {
        type: 'add_column_description',
        table: 'main.community.messages',
        column: 'messages.word_count',
        description: 'd',
      },
      'column',
    ],
    ['missing rationale', { type: 'add_text_instruction', text: 'x', rationale: undefined }, 'rationale'],
    ['bad relationship', { type: 'fix_join', joinId: 'a'.repeat(32), relationship: 'MANY' }, 'relationship'],
    ['bad join id', { type: 'fix_join', joinId: 'A'.repeat(32), relationship: 'ONE_TO_ONE' }, 'joinId'],
    [
      'join of a column with itself',
      {
        type: 'add_join',
        left: { table: 'main.a.b', column: 'x' },
        right: { table: 'main.a.b', column: 'X' },
        relationship: 'ONE_TO_ONE',
      },
      'right',
    ],
    [
      'unused parameter',
      { type: 'add_example_query', question: 'q', sql: 'SELECT 1', parameters: [{ name: 'since' }] },
      'parameters.0.name',
    ],
    [
      'filter with WHERE',
      { type: 'add_sql_snippet', kind: 'filter', display_name: 'replies', sql: 'WHERE is_reply = 1' },
      'sql',
    ],
    [
      'filter with alias',
      { type: 'add_sql_snippet', kind: 'filter', display_name: 'replies', sql: 'is_reply = 1', alias: 'replies' },
      'alias',
    ],
    ['bad snippet kind', { type: 'add_sql_snippet', kind: 'dimension', display_name: 'x', sql: 'x' }, 'kind'],
  ])('rejects %s at %s', (_name, input, path) => {
    const result = FixSchema.safeParse({ ...base, ...input });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('accepts a parameter used as :name but not one seen only in a :: cast', () => {
    const fix = { ...base, type: 'add_example_query', question: 'q' };
    expect(
      FixSchema.safeParse({ ...fix, sql: 'SELECT * FROM t WHERE d >= :since', parameters: [{ name: 'since' }] })
        .success,
    ).toBe(true);
    expect(
      FixSchema.safeParse({ ...fix, sql: 'SELECT x::since FROM t', parameters: [{ name: 'since' }] }).success,
    ).toBe(false);
  });

  it('accepts backtick-quoted three-part tables', () => {
    expect(
      FixSchema.safeParse({
        ...base,
        type: 'update_table_description',
        table: '`main`.`community`.`my.table`',
        description: 'd',
      }).success,
    ).toBe(true);
  });
});
