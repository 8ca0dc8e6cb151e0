/** The demo space is what a brand-new Genie space looks like: tables and columns, nothing else. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { openLocalWarehouse } from '../../src/local/warehouse.js';
import { SpaceSchema } from '../../src/space/schema.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../spaces/demo');
const text = readFileSync(path.join(dir, 'space.json'), 'utf8');
const space = JSON.parse(text) as {
  version: number;
  data_sources: { tables: { identifier: string; column_configs: { column_name: string }[] }[] };
};

describe('spaces/demo', () => {
  it('is a valid, thin version 2 space', () => {
    expect(SpaceSchema.safeParse(space).success).toBe(true);
    expect(Object.keys(space)).toEqual(['version', 'data_sources']);
    expect(space.version).toBe(2);
    expect(Object.keys(space.data_sources)).toEqual(['tables']);
    for (const table of space.data_sources.tables) {
      expect(Object.keys(table)).toEqual(['identifier', 'column_configs']);
      for (const column of table.column_configs) expect(Object.keys(column)).toEqual(['column_name']);
    }
  });

  it('is written canonically: sorted, 2-space indent, trailing newline', () => {
    const ids = space.data_sources.tables.map((t) => t.identifier);
    expect(ids).toEqual([...ids].sort());
    for (const table of space.data_sources.tables) {
      const names = table.column_configs.map((c) => c.column_name);
      expect(names).toEqual([...names].sort());
    }
    expect(text).toBe(`${JSON.stringify(space, null, 2)}\n`);
  });

  it('lists exactly the demo warehouse tables and columns', async () => {
    const warehouse = await openLocalWarehouse();
    const { tables } = await warehouse.schema();
    await warehouse.close();
    expect(space.data_sources.tables.map((t) => [t.identifier, t.column_configs.map((c) => c.column_name)])).toEqual(
      tables.map((t) => [t.identifier, t.columns.map((c) => c.name).sort()]),
    );
  });

  it('targets two distinct spaces and the local demo data', () => {
    const target = YAML.parse(readFileSync(path.join(dir, 'target.yml'), 'utf8')) as Record<string, unknown>;
    expect(target.title).toEqual(expect.any(String));
    expect(target.live_space_id).toMatch(/^[0-9a-f]{32}$/);
    expect(target.staging_space_id).toMatch(/^[0-9a-f]{32}$/);
    expect(target.live_space_id).not.toBe(target.staging_space_id);
    expect(target.warehouse_id).toBe('local-demo');
    expect(target.local).toEqual({ data: 'demo', as_of: '2026-11-01' });
  });
});
