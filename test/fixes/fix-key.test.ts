import { describe, expect, it } from 'vitest';
import { compareFixes, fixKey, fixTarget, stableJson } from '../../src/fixes/fix-key.js';
import { FixSchema, type Fix, type FixInput } from '../../src/fixes/fix-types.js';

const fix = (input: FixInput): Fix => FixSchema.parse(input);
const why = { rationale: 'r', targets: ['q1'] };

describe('fixKey', () => {
  it('has the form "<type> <target> #<hash>"', () => {
    const key = fixKey(
      fix({
        ...why,
        type: 'add_synonym',
        table: 'main.community.messages',
        column: 'word_count',
        synonyms: ['length'],
      }),
    );
    expect(key).toMatch(/^add_synonym main\.community\.messages\.word_count synonyms #[0-9a-f]{12}$/);
  });

  it.each<[string, FixInput, FixInput]>([
    [
      'rationale and targets',
      { ...why, type: 'add_text_instruction', text: 'Use UTC.' },
      { rationale: 'other', targets: ['q7'], type: 'add_text_instruction', text: 'Use UTC.' },
    ],
    [
      'identifier quoting and case',
      { ...why, type: 'add_column_description', table: 'main.community.members', column: 'plan', description: 'd' },
      {
        ...why,
        type: 'add_column_description',
        table: '`Main`.community.`MEMBERS`',
        column: '`Plan`',
        description: 'd',
      },
    ],
    [
      'synonym order and case',
      { ...why, type: 'add_synonym', table: 'main.a.b', column: 'c', synonyms: ['x', 'Y'] },
      { ...why, type: 'add_synonym', table: 'main.a.b', column: 'c', synonyms: ['y', 'X', 'x'] },
    ],
    [
      'join orientation',
      {
        ...why,
        type: 'add_join',
        left: { table: 'main.a.m', column: 'c' },
        right: { table: 'main.a.c', column: 'c' },
        relationship: 'MANY_TO_ONE',
      },
      {
        ...why,
        type: 'add_join',
        left: { table: 'main.a.c', column: 'c' },
        right: { table: 'main.a.m', column: 'c' },
        relationship: 'ONE_TO_MANY',
      },
    ],
    [
      'SQL whitespace and trailing semicolon',
      { ...why, type: 'add_example_query', question: 'How many?', sql: 'SELECT 1' },
      { ...why, type: 'add_example_query', question: 'How  many?', sql: 'SELECT\n  1;' },
    ],
  ])('ignores %s', (_name, a, b) => {
    expect(fixKey(fix(a))).toBe(fixKey(fix(b)));
  });

  it.each<[string, FixInput, FixInput]>([
    [
      'a different description',
      { ...why, type: 'add_column_description', table: 'main.a.b', column: 'c', description: 'one' },
      { ...why, type: 'add_column_description', table: 'main.a.b', column: 'c', description: 'two' },
    ],
    [
      'a different relationship',
      {
        ...why,
        type: 'add_join',
        left: { table: 'main.a.m', column: 'c' },
        right: { table: 'main.a.c', column: 'c' },
        relationship: 'MANY_TO_ONE',
      },
      {
        ...why,
        type: 'add_join',
        left: { table: 'main.a.c', column: 'c' },
        right: { table: 'main.a.m', column: 'c' },
        relationship: 'MANY_TO_ONE',
      },
    ],
    [
      'SQL literal case',
      { ...why, type: 'add_example_query', question: 'q', sql: "SELECT 1 WHERE x = 'KR'" },
      { ...why, type: 'add_example_query', question: 'q', sql: "SELECT 1 WHERE x = 'kr'" },
    ],
  ])('distinguishes %s (same target, different key)', (_name, a, b) => {
    expect(fixTarget(fix(a))).toBe(fixTarget(fix(b)));
    expect(fixKey(fix(a))).not.toBe(fixKey(fix(b)));
  });

  it('orders fixes by type, then content', () => {
    const fixes = [
      fix({ ...why, type: 'add_text_instruction', text: 'b' }),
      fix({ ...why, type: 'add_synonym', table: 'main.a.b', column: 'c', synonyms: ['z'] }),
      fix({ ...why, type: 'add_text_instruction', text: 'a' }),
    ];
    expect(
      fixes
        .sort(compareFixes)
        .map((f) => fixKey(f).split(' ')[0] + ':' + (f.type === 'add_text_instruction' ? f.text : '')),
    ).toEqual(['add_synonym:', 'add_text_instruction:a', 'add_text_instruction:b']);
  });

  it('stableJson sorts keys and drops undefined', () => {
    expect(stableJson({ b: 1, a: { d: undefined, c: [2, { y: 1, x: 0 }] } })).toBe(
      '{"a":{"c":[2,{"x":0,"y":1}]},"b":1}',
    );
  });
});
