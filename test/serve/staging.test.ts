/**
 * Isolation on staging: each databricks scoring run asks its own temporary space, created from
 * the candidate config and trashed afterwards, so concurrent runs never score each other's
 * configs; the shared staging space (opt-in) stops a run when someone else changes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpaceBenchmarks, scoreConfig } from '../../src/commands/score.js';
import { StagingChangedError, TEMPORARY_TITLE_PREFIX } from '../../src/databricks/staging-space.js';
import { loadSpace } from '../../src/commands/workspace.js';
import { createBackendOpener } from '../../src/wiring/backend.js';
import { createSpaceStore } from '../../src/databricks/space-store.js';
import { DEV_TOKEN } from '../../src/serve/oauth.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { readSpaceFile } from '../../src/space/space-file.js';
import type { Space } from '../../src/space/schema.js';
import { runCleanups } from '../../src/util/interrupt-cleanup.js';
import { clientFor, DEMO_STAGING, REPO_ROOT } from './helpers.js';

let serve: ServeHandle;
let env: Record<string, string>;
const demo = loadSpace(REPO_ROOT, 'demo');
const benchmarks = loadSpaceBenchmarks(REPO_ROOT, 'demo');
const described: Space = readSpaceFile(`${REPO_ROOT}/test/fixtures/demo-described/space.json`);
const tmpSpaces = () => serve.listSpaces().filter((s) => s.title.startsWith(TEMPORARY_TITLE_PREFIX));

beforeAll(async () => {
  serve = await startServe({ root: REPO_ROOT, latencyMs: 10 });
  env = { DATABRICKS_HOST: serve.url, DATABRICKS_TOKEN: DEV_TOKEN, GENIE_GITOPS_POLL_FIRST_MS: '10' };
});
afterAll(async () => {
  await serve?.close();
});

async function scoreOn(backendName: 'local' | 'databricks', space: Space, staging?: 'temporary' | 'shared') {
  const backend = await createBackendOpener({ backend: backendName, env }).open({
    root: REPO_ROOT,
    target: demo.target,
    staging,
    space: 'demo',
  });
  try {
    return await scoreConfig(backend, 'demo', space, benchmarks, { concurrency: 4 });
  } finally {
    await backend.close();
  }
}

describe('temporary staging spaces', () => {
  it('two concurrent scorings of different configs against one serve each get their own local score', async () => {
    const created = serve.stats.spacesCreated;
    const [thinRemote, describedRemote] = await Promise.all([
      scoreOn('databricks', demo.space),
      scoreOn('databricks', described),
    ]);
    const [thinLocal, describedLocal] = [await scoreOn('local', demo.space), await scoreOn('local', described)];
    expect(thinRemote.totals).toEqual(thinLocal.totals);
    expect(describedRemote.totals).toEqual(describedLocal.totals);
    // The two configs really differ in score, so cross-talk would have shown.
    expect(describedLocal.totals.all.passed - thinLocal.totals.all.passed).toBeGreaterThan(30);
    // Each run made its own space and trashed it; none is left behind, and the shared staging space was not touched.
    expect(serve.stats.spacesCreated - created).toBe(2);
    expect(serve.stats.spacesTrashed).toBe(serve.stats.spacesCreated);
    expect(tmpSpaces()).toEqual([]);
  }, 60_000);

  it('finds the space a create made when its answer was lost, instead of leaving it behind', async () => {
    serve.injectFault({ method: 'POST', path: /^\/api\/2\.0\/genie\/spaces$/, when: 'after', kind: 'drop' });
    const created = serve.stats.spacesCreated;
    const backend = await createBackendOpener({ backend: 'databricks', env }).open({
      root: REPO_ROOT,
      target: demo.target,
      space: 'demo',
    });
    try {
      const genie = await backend.genieFor(described);
      const answer = await genie.ask('How many members are there?');
      expect(answer.status).toBe('COMPLETED');
      // One create reached the server; its answer was lost and the space was adopted by its unique title.
      expect(serve.stats.spacesCreated - created).toBe(1);
      expect(tmpSpaces()).toHaveLength(1);
    } finally {
      await backend.close();
    }
    expect(tmpSpaces()).toEqual([]);
  });

  it('trashes the temporary space when the run is interrupted', async () => {
    const backend = await createBackendOpener({ backend: 'databricks', env }).open({
      root: REPO_ROOT,
      target: demo.target,
      space: 'demo',
    });
    await backend.genieFor(demo.space);
    expect(tmpSpaces()).toHaveLength(1);
    // What the SIGINT/SIGTERM handler runs before the process ends.
    await runCleanups();
    expect(tmpSpaces()).toEqual([]);
    await backend.close(); // a second close is harmless
  });
});

describe('shared staging space (opt-in)', () => {
  it('scores on the shared space and stops with a clear error when someone else changes it mid-run', async () => {
    const store = createSpaceStore(clientFor(serve.url));
    const backend = await createBackendOpener({ backend: 'databricks', env }).open({
      root: REPO_ROOT,
      target: demo.target,
      staging: 'shared',
      space: 'demo',
    });
    let changed = false;
    try {
      const run = scoreConfig(backend, 'demo', described, benchmarks, {
        concurrency: 1,
        onProgress: (e) => {
          if (e.done !== 3 || changed) return;
          changed = true;
          void store.get(DEMO_STAGING).then((s) => store.update(DEMO_STAGING, demo.space, { etag: s.etag }));
        },
      });
      const error = await run.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StagingChangedError);
      expect((error as Error).message).toMatch(/shared staging space .* no longer holds the config this run set/);
      expect((error as StagingChangedError).hint).toMatch(/staging: temporary/);
    } finally {
      await backend.close();
    }
    expect(changed).toBe(true);
    expect(tmpSpaces()).toEqual([]);
  });
});
