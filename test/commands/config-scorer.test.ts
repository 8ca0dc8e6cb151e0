import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configScorer } from '../../src/commands/score.js';
import { DEMO_TARGET } from '../helpers/demo-target.js';
import type { Backend } from '../../src/commands/workspace.js';
import { createBackendOpener } from '../../src/wiring/backend.js';
import type { Space } from '../../src/space/schema.js';
import { readSpaceFile } from '../../src/space/space-file.js';
import { CannedWarehouse, ScriptedGenie, bench, result } from '../scoring/fakes.js';
import { REPO_ROOT } from '../helpers/temp-repo.js';

const SQL = 'SELECT 1 AS n';

describe('configScorer', () => {
  it('asks the backend for its Genie before every run, so a shared staging space is put back first', async () => {
    const warehouse = new CannedWarehouse({ [SQL]: result(['n'], [[1]]) });
    const synced: string[] = [];
    const backend: Backend = {
      name: 'databricks',
      warehouse,
      genieFor: async (space: Space) => {
        synced.push(String(space.version));
        return new ScriptedGenie(warehouse, { 'one?': SQL });
      },
      close: async () => undefined,
    };
    const benchmarks = [bench('q1', 'one?', SQL)];
    const head = configScorer(backend, 's', { version: 1 } as Space, benchmarks);
    const base = configScorer(backend, 's', { version: 2 } as Space, benchmarks);
    const h = await head.score();
    await base.score();
    await head.reask(h, ['q1']);
    expect(synced).toEqual(['1', '2', '1']);
    // The expected SQL ran once for the head scorer's two runs and once for the base's.
    expect(warehouse.executed.filter((sql) => sql === SQL).length).toBe(2 + 3);
  });

  it('locally keeps one noisy engine per config and seed, so re-asks draw fresh answers', async () => {
    const backend = await createBackendOpener({ backend: 'local' }).open({
      root: REPO_ROOT,
      target: DEMO_TARGET,
      noise: 1,
      seed: 3,
    });
    try {
      const space = readSpaceFile(path.join(REPO_ROOT, 'test/fixtures/demo-described/space.json'));
      const first = await backend.genieFor(space);
      expect(await backend.genieFor(space)).toBe(first);
      expect(await backend.genieFor(space, { seed: 4 })).not.toBe(first);
    } finally {
      await backend.close();
    }
  });
});
