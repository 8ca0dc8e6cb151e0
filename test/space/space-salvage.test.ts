import { describe, expect, it } from 'vitest';
import { salvageSpace } from '../../src/space/space-salvage.js';

const table = (identifier: string, columns: unknown[] = []) => ({
  identifier,
  column_configs: columns.map((c) => (typeof c === 'string' ? { column_name: c } : c)),
});

describe('salvageSpace', () => {
  it('drops only the list items that break the schema, later ones first, so the rest can be checked', () => {
    const salvaged = salvageSpace({
      version: 2,
      data_sources: {
        tables: [
          table('main.s.a', ['x', { column_name: 42 }, 'y', { column_name: [] }, 'z']),
          table('main.s.b', ['k']),
        ],
      },
      instructions: { join_specs: [{ id: 'nope' }] },
    });
    expect(salvaged?.data_sources?.tables?.map((t) => t.column_configs?.map((c) => c.column_name))).toEqual([
      ['x', 'y', 'z'],
      ['k'],
    ]);
    expect(salvaged?.instructions?.join_specs).toEqual([]);
  });

  it('drops a bad optional field but gives up on a bad version', () => {
    const salvaged = salvageSpace({
      version: 2,
      data_sources: { tables: [{ identifier: 'main.s.a', description: 7 }] },
    });
    expect(salvaged?.data_sources?.tables).toEqual([{ identifier: 'main.s.a' }]);
    const noName = salvageSpace({ version: 2, data_sources: { tables: [{ description: ['x'] }, table('main.s.b')] } });
    expect(noName?.data_sources?.tables?.map((t) => t.identifier)).toEqual(['main.s.b']);
    expect(salvageSpace({ version: 'two' })).toBeUndefined();
    expect(salvageSpace([])).toBeUndefined();
  });
});
