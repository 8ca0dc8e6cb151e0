/**
 * Deploy state in labels, end to end over the commands (real git, loopback GitHub): an enhancement
 * PR is opened pending, a merged one blocks a new PR until deploy labels it deployed.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployCommand } from '../../src/commands/deploy.js';
import { enhancePrCommand, type EnhancePrOptions } from '../../src/commands/enhance-pr.js';
import { DEPLOYED_LABEL, PENDING_LABEL, enhanceBranch } from '../../src/gitops/enhancement-labels.js';
import { createLocalSpaceStore, seedFromRepository } from '../../src/local/space-store.js';
import { createGitOpsWorld, type GitOpsWorld } from '../github/gitops-world.js';
import { createBackendOpener } from '../../src/wiring/backend.js';

const BRANCH = enhanceBranch('demo');
let w: GitOpsWorld;
beforeEach(async () => {
  w = await createGitOpsWorld();
});
afterEach(async () => {
  expect(w.fake.violations).toEqual([]);
  await w.close();
});

const enhance = (extra: Partial<EnhancePrOptions> = {}) =>
  enhancePrCommand({
    root: w.world.work,
    space: 'demo',
    backend: createBackendOpener({ backend: 'local' }),
    analyst: 'rules',
    maxIterations: 1,
    git: w.git,
    github: w.github,
    baseBranch: 'main',
    ...extra,
  });
const creates = () => w.fake.requests.filter((r) => r.operation === 'pulls/create').length;

describe('deploy-state labels on enhancement PRs', () => {
  it('opens the PR pending; a merged pending PR blocks the next one until deploy marks it deployed', async () => {
    const store = createLocalSpaceStore({
      stateDir: path.join(w.world.dir, 'live'),
      seed: seedFromRepository(w.world.work),
    });
    await store.get('6e97962f94ee5d2af582125013aecf67'); // live seeded with the c0 config
    const c0 = w.head();
    const first = await enhance();
    expect(first.outcome).toBe('created');
    expect(w.fake.pulls[0].labels).toEqual(['genie-gitops', 'space:demo', PENDING_LABEL]);

    const merge = w.mergeOnRemote(BRANCH, 'Merge pull request #1');
    w.fake.closePull(1, { merged: true, mergeCommitSha: merge });
    w.checkoutMain();

    const waiting = await enhance();
    expect(waiting.outcome).toBe('waiting-for-deploy');
    expect(waiting.message).toMatch(/merged enhancement PR #1 is not deployed yet/);
    expect(waiting.result).toBeUndefined(); // stopped before spending a loop
    expect(creates()).toBe(1);

    const deployed = await deployCommand({
      root: w.world.work,
      backend: createBackendOpener({ backend: 'local' }),
      git: w.git,
      store,
      github: w.github,
      before: c0,
      after: merge,
      verifyDelayMs: 1,
    });
    expect(deployed.spaces).toMatchObject([{ space: 'demo', status: 'deployed', labelled: [1] }]);
    expect(deployed.spaces[0].message).toContain(`PR #1 labelled "${DEPLOYED_LABEL}"`);
    expect(w.fake.pulls[0].labels).toEqual(['genie-gitops', 'space:demo', DEPLOYED_LABEL]);

    const next = await enhance();
    expect(next.outcome).toBe('created');
    expect(next.pr?.number).toBe(2);
    expect(w.fake.pulls[1].labels).toContain(PENDING_LABEL);
  }, 120_000);

  it('leaves a PR pending when the deploy failed or did not include its merge', async () => {
    const store = createLocalSpaceStore({
      stateDir: path.join(w.world.dir, 'live'),
      seed: seedFromRepository(w.world.work),
    });
    const c0 = w.head();
    await store.get('6e97962f94ee5d2af582125013aecf67'); // live exists with the c0 config
    await enhance();
    const merge = w.mergeOnRemote(BRANCH, 'Merge pull request #1');
    w.fake.closePull(1, { merged: true, mergeCommitSha: merge });
    w.checkoutMain();

    // An older deploy (of c0) finishing after the merge must not mark the PR.
    const older = await deployCommand({
      root: w.world.work,
      backend: createBackendOpener({ backend: 'local' }),
      git: w.git,
      store,
      github: w.github,
      spaces: ['demo'],
      after: c0,
      verifyDelayMs: 1,
    });
    expect(older.spaces[0].message).toMatch(
      /PR #1 stays "genie-gitops: pending": its merge [0-9a-f]{7} is not in the deployed commit/,
    );
    expect(w.fake.pulls[0].labels).toContain(PENDING_LABEL);

    // A drifted live space is not deployed: the PR stays pending.
    const live = await store.get('6e97962f94ee5d2af582125013aecf67');
    const edited = structuredClone(live.serializedSpace) as {
      data_sources: { tables: Array<{ description?: string[] }> };
    };
    edited.data_sources.tables[0].description = ['edited in the UI'];
    await store.update('6e97962f94ee5d2af582125013aecf67', edited as never);
    const drifted = await deployCommand({
      root: w.world.work,
      backend: createBackendOpener({ backend: 'local' }),
      git: w.git,
      store,
      github: w.github,
      before: c0,
      after: merge,
      verifyDelayMs: 1,
    });
    expect(drifted.spaces[0].status).toBe('drifted');
    expect(w.fake.pulls[0].labels).toContain(PENDING_LABEL);

    // Labels never fail a deploy: a token that may not label gets a warning.
    w.fake.failNext(1, 403);
    const forced = await deployCommand({
      root: w.world.work,
      backend: createBackendOpener({ backend: 'local' }),
      git: w.git,
      store,
      github: w.github,
      before: c0,
      after: merge,
      onDrift: 'overwrite',
      verifyDelayMs: 1,
    });
    expect(forced.ok).toBe(true);
    expect(forced.spaces[0]).toMatchObject({ status: 'deployed' });
    expect(forced.spaces[0].labelWarning).toMatch(/could not update the enhancement PR labels: .*HTTP 403/);
    expect(w.fake.pulls[0].labels).toContain(PENDING_LABEL);

    // The next (successful) deploy catches up: unchanged still means the live space has the merge.
    const again = await deployCommand({
      root: w.world.work,
      backend: createBackendOpener({ backend: 'local' }),
      git: w.git,
      store,
      github: w.github,
      before: c0,
      after: merge,
      verifyDelayMs: 1,
    });
    expect(again.spaces[0]).toMatchObject({ status: 'unchanged', labelled: [1] });
    expect(w.fake.pulls[0].labels).not.toContain(PENDING_LABEL);
  }, 120_000);
});
