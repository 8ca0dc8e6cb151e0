/**
 * The drift guard compares the live space with the last successful deployment, not with the
 * push's `before`: a dispatch without `before` still stops on an edit made outside git, a
 * cancelled or failed deploy in between leaves no false drift, a lost answer to the update is
 * resolved by reading back, and in the action the record is a GitHub deployment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployCommand, type DeployOptions } from '../../src/commands/deploy.js';
import { createGitHubDeploymentLog, DEPLOY_TASK } from '../../src/github/deployment-log.js';
import { GitCli } from '../../src/github/git-cli.js';
import { createLocalDeploymentLog } from '../../src/local/deployment-log.js';
import { createLocalSpaceStore, seedFromRepository } from '../../src/local/space-store.js';
import type { DeploymentLog } from '../../src/ports.js';
import { DEV_TOKEN } from '../../src/serve/oauth.js';
import { startServe } from '../../src/serve/server.js';
import { serializeSpace } from '../../src/space/canonical.js';
import { hashSpace } from '../../src/space/hash.js';
import type { Space } from '../../src/space/schema.js';
import { parseSpaceText } from '../../src/space/space-file.js';
import { createGitWorld, type GitWorld } from '../github/git-world.js';
import { createGitOpsWorld, type GitOpsWorld } from '../github/gitops-world.js';
import { createBackendOpener } from '../../src/wiring/backend.js';

const LIVE = '6e97962f94ee5d2af582125013aecf67';

describe('drift guard with the local deployment record', () => {
  let world: GitWorld;
  let git: GitCli;
  let store: ReturnType<typeof createLocalSpaceStore>;
  let log: DeploymentLog;
  beforeEach(() => {
    world = createGitWorld({ copy: ['spaces'] });
    git = new GitCli({ cwd: world.work, env: world.env });
    const stateDir = path.join(world.dir, 'state');
    store = createLocalSpaceStore({ stateDir, seed: seedFromRepository(world.work) });
    log = createLocalDeploymentLog(stateDir);
  });
  afterEach(() => world.cleanup());

  const file = () => path.join(world.work, 'spaces/demo/space.json');
  const head = () => world.git(['rev-parse', 'HEAD']).trim();
  const liveText = async () => serializeSpace((await store.get(LIVE)).serializedSpace as Space);
  const deploy = (o: Partial<DeployOptions>) =>
    deployCommand({
      root: world.work,
      backend: createBackendOpener({ backend: 'local' }),
      git,
      store,
      deployments: log,
      verifyDelayMs: 1,
      ...o,
    });
  function commitDescription(text: string): string {
    const space = JSON.parse(readFileSync(file(), 'utf8'));
    space.data_sources.tables[0].description = [text];
    writeFileSync(file(), serializeSpace(space));
    world.git(['commit', '--quiet', '-am', `describe: ${text}`]);
    return head();
  }
  async function editInUi(text: string): Promise<Space> {
    const edited = structuredClone((await store.get(LIVE)).serializedSpace) as Space & {
      data_sources: { tables: Array<{ description?: string[] }> };
    };
    edited.data_sources.tables[1].description = [text];
    await store.update(LIVE, edited);
    return edited;
  }

  it('a dispatch without `before` stops on a live space edited outside git (no record yet)', async () => {
    const edited = await editInUi('edited in the UI');
    commitDescription('from git');
    const result = await deploy({ spaces: ['demo'], onDrift: 'fail' });
    expect(result.spaces[0]).toMatchObject({ status: 'drifted' });
    expect(result.spaces[0].message).toMatch(/no deployment of this space is recorded/);
    expect(result.ok).toBe(false);
    expect(await liveText()).toBe(serializeSpace(edited));
    expect(await log.history('demo', LIVE)).toEqual([]);
    // Overwrite is a person's explicit choice, and then the deploy is recorded.
    const forced = await deploy({ spaces: ['demo'], onDrift: 'overwrite' });
    expect(forced.spaces[0].status).toBe('deployed');
    expect((await log.history('demo', LIVE)).map((r) => r.state)).toEqual(['success']);
  });

  it('a dispatch without `before` also stops when the live space drifted after a recorded deploy', async () => {
    expect((await deploy({ spaces: ['demo'] })).spaces[0].status).toBe('unchanged'); // records the baseline
    await editInUi('edited in the UI');
    commitDescription('from git');
    const result = await deploy({ spaces: ['demo'] });
    expect(result.spaces[0].status).toBe('drifted');
    expect(result.spaces[0].message).toMatch(/last successful deployment \(commit [0-9a-f]{7}/);
  });

  it('a first deploy onto a new space (tables and columns only, as Genie creates it) goes ahead', async () => {
    await store.get(LIVE); // seeded with the demo's thin config: what a freshly created space holds
    commitDescription('from git');
    const result = await deploy({ spaces: ['demo'] });
    expect(result.spaces[0]).toMatchObject({ status: 'deployed' });
    expect(result.spaces[0].message).toMatch(/first deploy/);
    expect(await liveText()).toBe(readFileSync(file(), 'utf8'));
  });

  it('three quick merges with the middle deploy cancelled before it ran: no false drift', async () => {
    const c0 = head();
    await deploy({ before: '0'.repeat(40), after: c0 });
    const c1 = commitDescription('merge one'); // its deploy was cancelled by the concurrency group
    const c2 = commitDescription('merge two');
    const result = await deploy({ before: c1, after: c2 });
    expect(result.spaces[0]).toMatchObject({ status: 'deployed' });
    expect(await liveText()).toBe(readFileSync(file(), 'utf8'));
  });

  it('three quick merges with the middle deploy cancelled half-way (update applied, never recorded done)', async () => {
    const c0 = head();
    await deploy({ before: '0'.repeat(40), after: c0 });
    const c1 = commitDescription('merge one');
    const c1Space = parseSpaceText(readFileSync(file(), 'utf8'), 'c1');
    // What the cancelled job did before it was killed: recorded the start, updated live.
    await log.start({ space: 'demo', liveSpaceId: LIVE, configHash: hashSpace(c1Space), commit: c1 });
    await store.update(LIVE, c1Space);
    const c2 = commitDescription('merge two');
    const result = await deploy({ before: c1, after: c2 });
    expect(result.spaces[0]).toMatchObject({ status: 'deployed' });
    expect(result.spaces[0].message).toMatch(/unfinished deploy of/);
    const history = await log.history('demo', LIVE);
    expect(history.map((r) => [r.commit, r.state])).toEqual([
      [c2, 'success'],
      [c1, 'in_progress'],
      [c0, 'success'],
    ]);
  });

  it('a failed deploy leaves no false drift and no success record', async () => {
    const c0 = head();
    await deploy({ before: '0'.repeat(40), after: c0 });
    const c1 = commitDescription('merge one');
    const failing = { ...store, update: async () => Promise.reject(new Error('HTTP 400 INVALID_PARAMETER_VALUE')) };
    const failed = await deploy({ before: c0, after: c1, store: failing });
    expect(failed.spaces[0].status).toBe('failed');
    expect((await log.history('demo', LIVE)).map((r) => r.state)).toEqual(['failure', 'success']);
    const retried = await deploy({ before: c0, after: c1 });
    expect(retried.spaces[0].status).toBe('deployed');
  });
});

describe('drift guard over the databricks backend (serve)', () => {
  it('a lost answer to the update is resolved by reading back: success, recorded', async () => {
    const world = createGitWorld({ copy: ['spaces'] });
    const serve = await startServe({ root: world.work });
    try {
      const git = new GitCli({ cwd: world.work, env: world.env });
      const env = { DATABRICKS_HOST: serve.url, DATABRICKS_TOKEN: DEV_TOKEN };
      const log = createLocalDeploymentLog(path.join(world.dir, 'state'));
      const deploy = (o: Partial<DeployOptions>) =>
        deployCommand({
          root: world.work,
          backend: createBackendOpener({ backend: 'databricks', env }),
          git,
          deployments: log,
          verifyDelayMs: 1,
          ...o,
        });
      expect((await deploy({ spaces: ['demo'] })).spaces[0].status).toBe('unchanged');
      const space = JSON.parse(readFileSync(path.join(world.work, 'spaces/demo/space.json'), 'utf8'));
      space.data_sources.tables[0].description = ['from git'];
      writeFileSync(path.join(world.work, 'spaces/demo/space.json'), serializeSpace(space));
      world.git(['commit', '--quiet', '-am', 'describe']);
      // The PATCH is applied, then its answer is lost; the client retries it with the old etag and gets 409.
      serve.injectFault({ method: 'PATCH', path: new RegExp(LIVE), when: 'after', kind: 'drop' });
      const result = await deploy({ spaces: ['demo'] });
      expect(result.spaces[0]).toMatchObject({ status: 'deployed' });
      expect(result.spaces[0].message).toMatch(/reading back shows the new config: it was applied/);
      expect(serve.stats.faults.lost).toBe(1);
      expect((await log.history('demo', LIVE))[0].state).toBe('success');
      // And the next deploy sees no drift.
      expect((await deploy({ spaces: ['demo'] })).spaces[0].status).toBe('unchanged');
    } finally {
      await serve.close();
      world.cleanup();
    }
  });
});

describe('drift guard with GitHub deployments (the action)', () => {
  let ops: GitOpsWorld;
  beforeEach(async () => {
    ops = await createGitOpsWorld();
  });
  afterEach(async () => ops.close());

  it('records each deploy as a GitHub deployment and compares the next one with it', async () => {
    const stateDir = path.join(ops.world.dir, 'state');
    const store = createLocalSpaceStore({ stateDir, seed: seedFromRepository(ops.world.work) });
    const deployments = createGitHubDeploymentLog(ops.github);
    const deploy = (o: Partial<DeployOptions>) =>
      deployCommand({
        root: ops.world.work,
        backend: createBackendOpener({ backend: 'local' }),
        git: ops.git,
        store,
        deployments,
        verifyDelayMs: 1,
        ...o,
      });
    const c0 = ops.head();
    expect((await deploy({ spaces: ['demo'], after: c0 })).spaces[0].status).toBe('unchanged');
    const file = path.join(ops.world.work, 'spaces/demo/space.json');
    const space = JSON.parse(readFileSync(file, 'utf8'));
    space.data_sources.tables[0].description = ['from git'];
    writeFileSync(file, serializeSpace(space));
    ops.world.git(['commit', '--quiet', '-am', 'describe']);
    const c1 = ops.head();
    expect((await deploy({ spaces: ['demo'], after: c1 })).spaces[0].status).toBe('deployed');

    expect(ops.fake.deployments.map((d) => [d.environment, d.task, d.sha, d.statuses.map((s) => s.state)])).toEqual([
      ['genie-gitops-demo', DEPLOY_TASK, c0, ['in_progress', 'success']],
      ['genie-gitops-demo', DEPLOY_TASK, c1, ['in_progress', 'success']],
    ]);
    expect(ops.fake.deployments[1].payload).toMatchObject({
      space: 'demo',
      liveSpaceId: LIVE,
      commit: c1,
      configHash: hashSpace(space as Space),
    });
    // An edit in the UI is drift against the recorded deployment, with or without `before`.
    const live = structuredClone((await store.get(LIVE)).serializedSpace) as Space & {
      data_sources: { tables: Array<{ description?: string[] }> };
    };
    live.data_sources.tables[1].description = ['edited in the UI'];
    await store.update(LIVE, live);
    const drifted = await deploy({ spaces: ['demo'], after: c1 });
    expect(drifted.spaces[0].status).toBe('drifted');
    expect(drifted.spaces[0].message).toContain(`commit ${c1.slice(0, 7)}`);
    expect(ops.fake.violations).toEqual([]);
  });
});
