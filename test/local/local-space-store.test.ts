import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createLocalSpaceStore,
  resolveStateDir,
  seedFromRepository,
  SpaceConflictError,
  SpaceNotFoundError,
} from '../../src/local/space-store.js';
import { serializeSpace } from '../../src/space/canonical.js';
import { readSpaceFile } from '../../src/space/space-file.js';
import { tempRepo } from '../helpers/temp-repo.js';

let repo: ReturnType<typeof tempRepo>;
let state: string;
beforeEach(() => {
  repo = tempRepo();
  state = mkdtempSync(path.join(os.tmpdir(), 'genie-gitops-state-'));
});
afterEach(() => {
  repo.cleanup();
  rmSync(state, { recursive: true, force: true });
});

const LIVE = '6e97962f94ee5d2af582125013aecf67';

describe('local space store', () => {
  it('resolves the state folder from the env variable or the default', () => {
    expect(resolveStateDir('/r', {})).toBe(path.join('/r', '.genie-gitops', 'state'));
    expect(resolveStateDir('/r', { GENIE_GITOPS_STATE_DIR: 'elsewhere' })).toBe(path.join('/r', 'elsewhere'));
  });

  it('seeds a missing space from the repository space whose target names it', async () => {
    const store = createLocalSpaceStore({ stateDir: state, seed: seedFromRepository(repo.root) });
    const live = await store.get(LIVE);
    const config = readSpaceFile(path.join(repo.root, 'spaces/demo/space.json'));
    expect(serializeSpace(live.serializedSpace as never)).toBe(serializeSpace(config));
    expect(live.title).toBe('Community analytics (demo)');
    // Stored like the Databricks resource: serialized_space is a string.
    const stored = JSON.parse(readFileSync(store.fileOf(LIVE), 'utf8'));
    expect(typeof stored.serialized_space).toBe('string');
    await expect(store.get('ffffffffffffffffffffffffffffffff')).rejects.toBeInstanceOf(SpaceNotFoundError);
  });

  it('updates with a matching etag, refuses a stale one, and stores canonically', async () => {
    const store = createLocalSpaceStore({ stateDir: state, seed: seedFromRepository(repo.root) });
    const live = await store.get(LIVE);
    const edited = structuredClone(live.serializedSpace) as {
      data_sources: { tables: Array<{ description?: string[] }> };
    };
    edited.data_sources.tables[0].description = ['edited'];
    const updated = await store.update(LIVE, edited, { etag: live.etag });
    expect(updated.etag).not.toBe(live.etag);
    await expect(store.update(LIVE, edited, { etag: live.etag })).rejects.toBeInstanceOf(SpaceConflictError);
    // Reading back gives the same etag: it is a hash of what is stored.
    expect((await store.get(LIVE)).etag).toBe(updated.etag);
    const text = JSON.parse(readFileSync(store.fileOf(LIVE), 'utf8')).serialized_space as string;
    expect(text).toBe(serializeSpace(edited as never));
  });

  it('refuses an invalid config and a path-like space id', async () => {
    const store = createLocalSpaceStore({ stateDir: state, seed: seedFromRepository(repo.root) });
    await expect(store.update(LIVE, { version: 2, data_sources: 'nope' })).rejects.toThrow(
      /not a valid serialized_space/,
    );
    await expect(store.get('../etc')).rejects.toThrow(/invalid space id/);
  });

  it('reads a space edited by hand (outside genie-gitops)', async () => {
    const store = createLocalSpaceStore({ stateDir: state, seed: seedFromRepository(repo.root) });
    await store.get(LIVE);
    const record = JSON.parse(readFileSync(store.fileOf(LIVE), 'utf8'));
    const space = JSON.parse(record.serialized_space);
    space.data_sources.tables[0].description = ['from the UI'];
    record.serialized_space = JSON.stringify(space);
    writeFileSync(store.fileOf(LIVE), JSON.stringify(record));
    const live = await store.get(LIVE);
    expect((live.serializedSpace as typeof space).data_sources.tables[0].description).toEqual(['from the UI']);
  });
});
