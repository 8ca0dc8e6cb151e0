import { describe, expect, it } from 'vitest';
import { canonicalizeSpace, serializeSpace } from '../../src/space/canonical.js';
import type { Space } from '../../src/space/schema.js';
import { parseSpaceText } from '../../src/space/space-file.js';
import { richSpace, richText } from './helpers.js';

/** Reverses the key order of every object, recursively (arrays keep their order). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).reverse()) out[key] = reverseKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** The fixture with every key order reversed and every list Genie sorts reversed. */
function scrambled(): Space {
  const space = richSpace();
  space.config!.sample_questions!.reverse();
  const tables = space.data_sources!.tables!;
  tables.reverse();
  for (const table of tables) table.column_configs?.reverse();
  space.instructions!.join_specs!.reverse();
  space.instructions!.sql_snippets!.measures!.reverse();
  space.instructions!.example_question_sqls![0]!.parameters!.reverse();
  return reverseKeys(space) as Space;
}

describe('serializeSpace', () => {
  it('round-trips the rich fixture byte for byte (unknown fields at every depth survive)', () => {
    const text = richText();
    expect(serializeSpace(parseSpaceText(text, 'rich-space.json'))).toBe(text);
  });

  it('writes 2-space indentation and a trailing newline', () => {
    const text = serializeSpace({ version: 2 });
    expect(text).toBe('{\n  "version": 2\n}\n');
  });

  it('restores the canonical bytes from a scrambled copy', () => {
    expect(serializeSpace(scrambled())).toBe(richText());
  });
});

describe('canonicalizeSpace', () => {
  it('is idempotent', () => {
    const once = canonicalizeSpace(scrambled());
    const twice = canonicalizeSpace(once);
    expect(twice).toEqual(once);
    expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
  });

  it('does not mutate its input', () => {
    const input = scrambled();
    const before = JSON.stringify(input);
    canonicalizeSpace(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('puts known keys in the documented order and unknown keys after them alphabetically', () => {
    const space = canonicalizeSpace({
      zeta: 1,
      benchmarks: {},
      instructions: {},
      alpha: 2,
      data_sources: {
        tables: [{ row_filter: 'x', column_configs: [], identifier: 'a.b.c', description: [], aardvark: true }],
      },
      config: {},
      version: 2,
    } as Space);
    expect(Object.keys(space)).toEqual([
      'version',
      'config',
      'data_sources',
      'instructions',
      'benchmarks',
      'alpha',
      'zeta',
    ]);
    expect(Object.keys(space.data_sources!.tables![0]!)).toEqual([
      'identifier',
      'description',
      'column_configs',
      'aardvark',
      'row_filter',
    ]);
  });

  it('orders the keys of unknown objects alphabetically, recursively', () => {
    const space = canonicalizeSpace({ version: 2, extra: { b: { z: 1, a: 2 }, a: [{ y: 1, x: 2 }] } } as Space);
    expect(JSON.stringify(space)).toBe('{"version":2,"extra":{"a":[{"x":2,"y":1}],"b":{"a":2,"z":1}}}');
  });

  it('keeps the order of arrays it does not know, even when their items carry ids', () => {
    const space = canonicalizeSpace(richSpace()) as Record<string, unknown> & Space;
    expect(space.alpha_top).toEqual([3, 1, 2]);
    const windows = (space.instructions!.sql_snippets as Record<string, unknown>).windows as { id: string }[];
    expect(windows.map((w) => w.id)).toEqual(['zz', 'aa']);
  });

  it('keeps a __proto__ key as data', () => {
    const input = JSON.parse('{"version":2,"extra":{"__proto__":{"polluted":true}}}') as Space;
    const out = canonicalizeSpace(input) as Record<string, unknown>;
    const extra = out.extra as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(extra, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(out)).toBe('{"version":2,"extra":{"__proto__":{"polluted":true}}}');
  });

  const id = (n: number) => n.toString(16).padStart(32, '0');
  const sortCases: {
    name: string;
    build: (items: unknown[]) => Space;
    read: (s: Space) => unknown[];
    items: unknown[];
    expected: unknown[];
  }[] = [
    {
      name: 'tables by identifier',
      build: (items) => ({ version: 2, data_sources: { tables: items } }) as Space,
      read: (s) => s.data_sources!.tables!.map((t) => t.identifier),
      items: [{ identifier: 'main.s.zeta' }, { identifier: 'main.s.alpha' }, { identifier: 'main.r.mid' }],
      expected: ['main.r.mid', 'main.s.alpha', 'main.s.zeta'],
    },
    {
      name: 'metric_views by identifier',
      build: (items) => ({ version: 2, data_sources: { metric_views: items } }) as Space,
      read: (s) => s.data_sources!.metric_views!.map((t) => t.identifier),
      items: [{ identifier: 'c.s.b' }, { identifier: 'c.s.a' }],
      expected: ['c.s.a', 'c.s.b'],
    },
    {
      name: 'column_configs by column_name',
      build: (items) =>
        ({ version: 2, data_sources: { tables: [{ identifier: 'a.b.c', column_configs: items }] } }) as Space,
      read: (s) => s.data_sources!.tables![0]!.column_configs!.map((c) => c.column_name),
      items: [{ column_name: 'plan' }, { column_name: 'country_code' }, { column_name: 'joined_at' }],
      expected: ['country_code', 'joined_at', 'plan'],
    },
    {
      name: 'sample_questions by id',
      build: (items) => ({ version: 2, config: { sample_questions: items } }) as Space,
      read: (s) => s.config!.sample_questions!.map((q) => q.id),
      items: [
        { id: id(3), question: [] },
        { id: id(1), question: [] },
        { id: id(2), question: [] },
      ],
      expected: [id(1), id(2), id(3)],
    },
    {
      name: 'example_question_sqls by id',
      build: (items) => ({ version: 2, instructions: { example_question_sqls: items } }) as Space,
      read: (s) => s.instructions!.example_question_sqls!.map((q) => q.id),
      items: [
        { id: id(9), question: [], sql: [] },
        { id: id(4), question: [], sql: [] },
      ],
      expected: [id(4), id(9)],
    },
    {
      name: 'sql_functions by (id, identifier)',
      build: (items) => ({ version: 2, instructions: { sql_functions: items } }) as Space,
      read: (s) => s.instructions!.sql_functions!.map((f) => `${f.id.slice(-1)}:${f.identifier}`),
      items: [
        { id: id(2), identifier: 'c.s.a' },
        { id: id(1), identifier: 'c.s.z' },
        { id: id(1), identifier: 'c.s.b' },
      ],
      expected: ['1:c.s.b', '1:c.s.z', '2:c.s.a'],
    },
    {
      name: 'join_specs by id',
      build: (items) => ({ version: 2, instructions: { join_specs: items } }) as Space,
      read: (s) => s.instructions!.join_specs!.map((j) => j.id),
      items: [
        { id: id(7), left: { identifier: 'a.b.c' }, right: { identifier: 'a.b.d' }, sql: [] },
        { id: id(5), left: { identifier: 'a.b.c' }, right: { identifier: 'a.b.d' }, sql: [] },
      ],
      expected: [id(5), id(7)],
    },
    {
      name: 'filter snippets by id',
      build: (items) => ({ version: 2, instructions: { sql_snippets: { filters: items } } }) as Space,
      read: (s) => s.instructions!.sql_snippets!.filters!.map((f) => f.id),
      items: [
        { id: id(11), sql: [] },
        { id: id(10), sql: [] },
      ],
      expected: [id(10), id(11)],
    },
    {
      name: 'expression snippets by id',
      build: (items) => ({ version: 2, instructions: { sql_snippets: { expressions: items } } }) as Space,
      read: (s) => s.instructions!.sql_snippets!.expressions!.map((f) => f.id),
      items: [
        { id: id(15), sql: [] },
        { id: id(12), sql: [] },
      ],
      expected: [id(12), id(15)],
    },
    {
      name: 'text_instructions by id',
      build: (items) => ({ version: 2, instructions: { text_instructions: items } }) as Space,
      read: (s) => s.instructions!.text_instructions!.map((f) => f.id),
      items: [
        { id: id(15), content: [] },
        { id: id(12), content: [] },
      ],
      expected: [id(12), id(15)],
    },
    {
      name: 'benchmark questions by id',
      build: (items) => ({ version: 2, benchmarks: { questions: items } }) as Space,
      read: (s) => s.benchmarks!.questions!.map((f) => f.id),
      items: [
        { id: id(32), question: [] },
        { id: id(31), question: [] },
      ],
      expected: [id(31), id(32)],
    },
    {
      name: 'example parameters by name',
      build: (items) =>
        ({
          version: 2,
          instructions: { example_question_sqls: [{ id: id(1), question: [], sql: [], parameters: items }] },
        }) as Space,
      read: (s) => s.instructions!.example_question_sqls![0]!.parameters!.map((p) => p.name),
      items: [{ name: 'to_date' }, { name: 'from_date' }, { name: 'channel' }],
      expected: ['channel', 'from_date', 'to_date'],
    },
  ];

  it.each(sortCases)('sorts $name', ({ build, read, items, expected }) => {
    expect(read(canonicalizeSpace(build(items)))).toEqual(expected);
  });

  it('sorts by code unit, not by locale (uppercase before lowercase)', () => {
    const space = canonicalizeSpace({
      version: 2,
      data_sources: { tables: [{ identifier: 'c.s.b' }, { identifier: 'c.s.B' }, { identifier: 'c.s.a' }] },
    });
    expect(space.data_sources!.tables!.map((t) => t.identifier)).toEqual(['c.s.B', 'c.s.a', 'c.s.b']);
  });

  it('does not sort text arrays (descriptions, synonyms, sql lines)', () => {
    const space = canonicalizeSpace({
      version: 2,
      data_sources: {
        tables: [
          {
            identifier: 'a.b.c',
            description: ['z\n', 'a\n'],
            column_configs: [{ column_name: 'x', synonyms: ['zz', 'aa'] }],
          },
        ],
      },
    });
    expect(space.data_sources!.tables![0]!.description).toEqual(['z\n', 'a\n']);
    expect(space.data_sources!.tables![0]!.column_configs![0]!.synonyms).toEqual(['zz', 'aa']);
  });
});
