/**
 * End-to-end through the bundle, as the runner runs it: the PR score check publishes the head's
 * score as a commit status; after the merge, deploy verifies the live space against that status
 * (the scorecard cache is gone, as on a fresh runner), opens the rollback PR, sets live-score,
 * expected-score and verified, writes the verification table and fails naming the PR; merging
 * the rollback PR restores the previous config byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeSpace } from '../../src/space/canonical.js';
import { createGitWorld, type GitWorld } from '../github/git-world.js';
import { SHOP_LIVE, shopSpace, writeShopRepo } from '../commands/shop-world.js';
import { runAction } from './action-runner.js';
import { e2eDist } from './e2e-dist.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

const ZERO = '0'.repeat(40);
let dist: string;
let world: GitWorld;
let fake: FakeGitHub;
let state: string;
let c0: string;
let merge: string;
const repo = { full_name: 'octo/genie-configs' };

beforeAll(async () => {
  dist = await e2eDist();
  world = createGitWorld({ copy: [] });
  writeShopRepo(world.work);
  world.git(['add', '.']);
  world.git(['commit', '--quiet', '-m', 'shop space']);
  world.git(['push', '--quiet', 'origin', 'main']);
  c0 = world.git(['rev-parse', 'HEAD']).trim();
  fake = await startFakeGitHub({ remote: world.remote });
  state = mkdtempSync(path.join(os.tmpdir(), 'genie-gitops-state-'));
}, 600_000);

afterAll(async () => {
  await fake?.close();
  world?.cleanup();
  rmSync(state, { recursive: true, force: true });
});

const head = () => world.git(['rev-parse', 'HEAD']).trim();
const action = (
  command: string,
  inputs: Record<string, string>,
  event: { name: string; payload: object },
  ref: string,
) =>
  runAction({
    dist,
    workspace: world.work,
    inputs: { command, backend: 'local', 'github-token': 'ghs_test', ...inputs },
    eventName: event.name,
    payload: { repository: { ...repo, default_branch: 'main' }, ...event.payload },
    sha: head(),
    ref,
    apiUrl: fake.url,
    env: { ...world.env, GENIE_GITOPS_STATE_DIR: state },
  });
const deploy = (before: string, after: string) =>
  action(
    'deploy',
    { space: 'shop' },
    { name: 'push', payload: { ref: 'refs/heads/main', before, after } },
    'refs/heads/main',
  );

function mergePull(number: number, branch: string): string {
  const maintainer = path.join(world.dir, 'maintainer');
  try {
    world.git(['fetch', '--quiet', 'origin'], maintainer);
  } catch {
    world.clone('maintainer');
  }
  world.git(['checkout', '--quiet', '-B', 'main', 'origin/main'], maintainer);
  world.git(
    ['merge', '--quiet', '--no-ff', '-m', `Merge pull request #${number} from octo/${branch}`, `origin/${branch}`],
    maintainer,
  );
  world.git(['push', '--quiet', 'origin', 'main'], maintainer);
  const sha = world.git(['rev-parse', 'HEAD'], maintainer).trim();
  fake.closePull(number, { merged: true, mergeCommitSha: sha });
  world.git(['fetch', '--quiet', 'origin']);
  world.git(['checkout', '--quiet', '-B', 'main', 'origin/main']);
  return sha;
}

describe('deploy with post-deploy verification (dist/index.js)', () => {
  it('rolls back a merge whose live score dropped below the PR check status, with outputs, summary and a failed step', async () => {
    expect((await deploy(ZERO, c0)).status).toBe(0);
    world.git(['checkout', '--quiet', '-b', 'drop-online-filter']);
    const file = path.join(world.work, 'spaces/shop/space.json');
    writeFileSync(file, serializeSpace(shopSpace({ withOnlineFilter: false })));
    world.git(['commit', '--quiet', '-am', 'Simplify']);
    world.git(['push', '--quiet', 'origin', 'drop-online-filter']);
    const pr = (await (
      await fetch(`${fake.url}/repos/octo/genie-configs/pulls`, {
        method: 'POST',
        headers: { authorization: 'token t', 'content-type': 'application/json' },
        body: JSON.stringify({ head: 'drop-online-filter', base: 'main', title: 'Simplify' }),
      })
    ).json()) as { number: number };
    const check = await action(
      'score',
      { 'max-regression': '0.05' },
      {
        name: 'pull_request',
        payload: {
          number: pr.number,
          pull_request: {
            number: pr.number,
            head: { sha: head(), ref: 'drop-online-filter', repo },
            base: { sha: c0, ref: 'main', repo },
          },
        },
      },
      `refs/pull/${pr.number}/merge`,
    );
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(fake.statuses.at(-1)).toMatchObject({ context: 'genie-gitops/score (shop, local)', state: 'success' });
    // A fresh deploy runner has no scorecard cache: the baseline must come from the status.
    rmSync(path.join(world.work, '.genie-gitops'), { recursive: true, force: true });
    merge = mergePull(pr.number, 'drop-online-filter');
    const run = await deploy(c0, merge);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    const rollback = fake.pulls.find((p) => p.head === 'genie-gitops/rollback/shop')!;
    expect(rollback.labels).toContain('genie-gitops: rollback');
    expect(rollback.body).toContain('https://github.test/octo/genie-configs/actions/runs/4242');
    expect(run.stdout).toMatch(
      new RegExp(`::error::.*shop: the live space scored significantly lower.*rollback PR #${rollback.number} opened`),
    );
    expect(run.outputs).toMatchObject({
      'live-score': '0.0000',
      'expected-score': '1.0000',
      verified: 'false',
      'verify-verdict': 'regression',
      'rollback-prs': `[${rollback.number}]`,
    });
    expect(run.summary).toContain('### Post-deploy verification');
    expect(run.summary).toMatch(/\| shop \| smoke \| 6 \| 0\.0% \| 100\.0% \| ❌ regression \|/);
    expect(fake.violations).toEqual([]);
  }, 600_000);

  it('merging the rollback PR deploys the previous config byte for byte', async () => {
    const rollback = fake.pulls.find((p) => p.head === 'genie-gitops/rollback/shop')!;
    const back = mergePull(rollback.number, 'genie-gitops/rollback/shop');
    const run = await deploy(merge, back);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const live = JSON.parse(readFileSync(path.join(state, 'spaces', `${SHOP_LIVE}.json`), 'utf8')).serialized_space;
    expect(live).toBe(world.git(['show', `${c0}:spaces/shop/space.json`]));
    expect(JSON.parse(run.outputs.deployed)).toEqual(['shop']);
    // No PR check ran on the rollback PR (opened with the workflow token): no baseline, nothing rolled back.
    expect(run.outputs['verify-verdict']).toBe('no-baseline');
    expect(fake.pulls.filter((p) => p.labels.includes('genie-gitops: rollback'))).toHaveLength(1);
  }, 600_000);
});
