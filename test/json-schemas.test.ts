import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas } from '../src/json-schemas.js';

const schemasDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
const files = buildJsonSchemas();
const byName = (name: string) => JSON.parse(files.find((f) => f.name === name)!.content) as Record<string, any>;

describe('generated JSON Schemas', () => {
  it.each(files.map((f) => [f.name, f.content]))(
    'schemas/%s is up to date (run `npm run schemas`)',
    (name, content) => {
      expect(readFileSync(path.join(schemasDir, name), 'utf8')).toBe(content);
    },
  );

  it('declares draft 2020-12', () => {
    for (const file of files)
      expect(JSON.parse(file.content).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('keeps the space schema open to unknown fields at every level', () => {
    const space = byName('space.schema.json');
    expect(space.additionalProperties).toEqual({});
    const table = space.properties.data_sources.properties.tables.items;
    expect(table.additionalProperties).toEqual({});
    expect(table.properties.column_configs.items.additionalProperties).toEqual({});
    expect(space.properties.instructions.properties.join_specs.items.properties.left.additionalProperties).toEqual({});
  });

  it('requires the fields Genie requires and constrains ids', () => {
    const space = byName('space.schema.json');
    expect(space.required).toEqual(['version']);
    const join = space.properties.instructions.properties.join_specs.items;
    expect(join.required).toEqual(expect.arrayContaining(['id', 'left', 'right', 'sql']));
    expect(join.properties.id.pattern).toBe('^[0-9a-f]{32}$');
  });

  it('closes benchmark items to unknown keys and offers both file shapes', () => {
    const benchmarks = byName('benchmarks.schema.json');
    expect(benchmarks.anyOf).toHaveLength(2);
    const [list, wrapped] = benchmarks.anyOf;
    expect(list.type).toBe('array');
    expect(list.items.additionalProperties).toBe(false);
    expect(list.items.required).toEqual(['id', 'question', 'sql']);
    expect(list.items.properties.split.enum).toEqual(['train', 'holdout']);
    expect(wrapped.required).toEqual(['benchmarks']);
  });
});
