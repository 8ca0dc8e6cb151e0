import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployCommand, type DeployOptions } from '../../src/commands/deploy.js';
import { exportCommand } from '../../src/commands/export.js';
import { GitCli } from '../../src/github/git-cli.js';
import { createLocalSpaceStore, seedFromRepository } from '../../src/local/space-store.js';
import { serializeSpace } from '../../src/space/canonical.js';
import type { Space } from '../../src/space/schema.js';
import { createGitWorld, type GitWorld } from '../github/git-world.js';
import { createBackendOpener } from '../../src/wiring/backend.js';

const LIVE = '6e97962f94ee5d2af582125013aecf67';
let world: GitWorld;
let git: GitCli;
let store: ReturnType<typeof createLocalSpaceStore>;
beforeEach(() => {
  world = createGitWorld({ copy: ['spaces'] });
  git = new GitCli({ cwd: world.work, env: world.env });
  store = createLocalSpaceStore({ stateDir: path.join(world.dir, 'state'), seed: seedFromRepository(world.work) });
});
afterEach(() => world.cleanup());

const file = () => path.join(world.work, 'spaces/demo/space.json');
const head = () => world.git(['rev-parse', 'HEAD']).trim();
const liveText = async () => serializeSpace((await store.get(LIVE)).serializedSpace as Space);
function commitDescription(text: string): string {
  const space = JSON.parse(readFileSync(file(), 'utf8'));
  space.data_sources.tables[0].description = [text];
  writeFileSync(file(), serializeSpace(space));
  world.git(['commit', '--quiet', '-am', `describe: ${text}`]);
  return head();
}
const deploy = (o: Partial<DeployOptions>) =>
  deployCommand({
    root: world.work,
    backend: createBackendOpener({ backend: 'local' }),
    git,
    store,
    verifyDelayMs: 1,
    ...o,
  });

describe('deploy', () => {
  it('deploys changed spaces, reports unchanged on a re-run, and rollback by revert restores the bytes', async () => {
    const original = readFileSync(file(), 'utf8');
    const c0 = head();
    expect((await deploy({ before: '0'.repeat(40), after: c0 })).spaces).toMatchObject([
      { space: 'demo', status: 'unchanged' },
    ]);
    const c1 = commitDescription('messages channels');
    const first = await deploy({ before: c0, after: c1 });
    expect(first.selection).toContain(`${c0.slice(0, 7)}..${c1.slice(0, 7)}`);
    expect(first.spaces).toMatchObject([{ space: 'demo', status: 'deployed', liveSpaceId: LIVE }]);
    expect(await liveText()).toBe(readFileSync(file(), 'utf8'));
    expect((await deploy({ before: c0, after: c1 })).spaces[0].status).toBe('unchanged');
    world.git(['revert', '--no-edit', 'HEAD']);
    const c2 = head();
    expect((await deploy({ before: c1, after: c2 })).spaces[0].status).toBe('deployed');
    expect(await liveText()).toBe(original);
  });

  it('stops on drift, leaving live untouched, unless on-drift is overwrite; export adopts the edit', async () => {
    const c0 = head();
    await deploy({ spaces: 'all' });
    const live = await store.get(LIVE);
    const edited = structuredClone(live.serializedSpace) as Space & {
      data_sources: { tables: Array<{ description?: string[] }> };
    };
    edited.data_sources.tables[1].description = ['edited in the UI'];
    await store.update(LIVE, edited);
    const c1 = commitDescription('from git');
    const drifted = await deploy({ before: c0, after: c1 });
    expect(drifted.spaces[0]).toMatchObject({ status: 'drifted' });
    expect(drifted.spaces[0].message).toMatch(/edited outside git/);
    expect(drifted.ok).toBe(false);
    expect(await liveText()).toBe(serializeSpace(edited));
    const forced = await deploy({ before: c0, after: c1, onDrift: 'overwrite' });
    expect(forced.spaces[0]).toMatchObject({ status: 'deployed' });
    expect(forced.spaces[0].message).toMatch(/overwritten/);
    expect(await liveText()).toBe(readFileSync(file(), 'utf8'));

    await store.update(LIVE, edited);
    const exported = await exportCommand({
      root: world.work,
      space: 'demo',
      backend: createBackendOpener({ backend: 'local' }),
      store,
    });
    expect(exported.outcome).toBe('written');
    expect(readFileSync(file(), 'utf8')).toBe(serializeSpace(edited));
    expect(
      (
        await exportCommand({
          root: world.work,
          space: 'demo',
          backend: createBackendOpener({ backend: 'local' }),
          store,
        })
      ).outcome,
    ).toBe('unchanged');
  });

  it('one failing space does not stop the others, and the result is not ok', async () => {
    const c0 = head();
    await store.get(LIVE); // the live space exists before the change
    mkdirSync(path.join(world.work, 'spaces/broken'));
    writeFileSync(path.join(world.work, 'spaces/broken/space.json'), readFileSync(file(), 'utf8'));
    world.git(['add', '.']);
    world.git(['commit', '--quiet', '-m', 'a space without target.yml']);
    commitDescription('x');
    const result = await deploy({ before: c0, after: head() });
    expect(result.spaces.map((s) => [s.space, s.status])).toEqual([
      ['broken', 'failed'],
      ['demo', 'deployed'],
    ]);
    expect(result.spaces[0].message).toMatch(/target\.yml is missing/);
    expect(result.ok).toBe(false);
  });

  it('skips a space whose folder was deleted and deploys only what changed', async () => {
    const c0 = head();
    rmSync(path.join(world.work, 'spaces/demo'), { recursive: true });
    world.git(['commit', '--quiet', '-am', 'remove demo']);
    const result = await deploy({ before: c0, after: head() });
    expect(result.spaces).toMatchObject([{ space: 'demo', status: 'skipped' }]);
    expect((await deploy({ before: head(), after: head() })).spaces).toEqual([]);
  });
});
