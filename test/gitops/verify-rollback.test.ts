/**
 * Post-deploy verification and automatic rollback end to end on the embedded backend: a real
 * git repository with a bare origin, the loopback GitHub, the PR score check's stored scorecards
 * as the baseline, and a live space whose data differ from staging's (target.yml local.live_data).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLBACK_LABEL, ROLLBACK_TRAILER } from '../../src/gitops/rollback.js';
import { serializeSpace } from '../../src/space/canonical.js';
import { createGitOpsWorld, type GitOpsWorld } from '../github/gitops-world.js';
import { SHOP_LIVE, shopSpace, writeShopRepo } from '../commands/shop-world.js';
import { RUN_URL, createFlow, type Flow } from '../commands/verify-flow.js';

const ZERO = '0'.repeat(40);
let ops: GitOpsWorld;
let flow: Flow;
let c0: string;
let badMerge: string;
let rollbackMerge: string;

const liveConfig = () =>
  JSON.parse(readFileSync(path.join(ops.world.dir, 'state/spaces', `${SHOP_LIVE}.json`), 'utf8'))
    .serialized_space as string;
const repoFile = () => readFileSync(path.join(ops.world.work, 'spaces/shop/space.json'), 'utf8');

beforeAll(async () => {
  ops = await createGitOpsWorld({ copy: [] });
  writeShopRepo(ops.world.work);
  ops.world.git(['add', '.']);
  ops.world.git(['commit', '--quiet', '-m', 'shop space']);
  ops.world.git(['push', '--quiet', 'origin', 'main']);
  c0 = ops.head();
  flow = createFlow(ops, 'local', { GENIE_GITOPS_STATE_DIR: path.join(ops.world.dir, 'state') });
});
afterAll(async () => ops?.close());

describe('post-deploy verification on the embedded backend', () => {
  it('a merged config that scores lower on the live space is rolled back by a PR, and the job fails naming it', async () => {
    expect((await flow.deploy(ZERO, c0)).spaces[0].status).toBe('unchanged');
    // Without the online filter every answer is still right on staging (all sales are online there).
    const pr = await flow.proposeConfig('drop-online-filter', shopSpace({ withOnlineFilter: false }), 'Simplify');
    badMerge = flow.merge(pr);
    const result = await flow.deploy(c0, badMerge);
    const shop = result.spaces[0];
    expect(shop.status).toBe('deployed');
    expect(result.ok).toBe(false);
    const v = shop.verification!;
    expect(v.verdict).toBe('regression');
    expect(v.liveScore).toBe(0);
    expect(v.expectedScore).toBe(1);
    expect(v.asked).toBe(6);
    expect(v.regressed).toHaveLength(6);
    expect(v.baselineSource).toMatch(/PR score check's scorecard/);
    const rollbackPr = ops.fake.pulls.find((p) => p.head === 'genie-gitops/rollback/shop')!;
    expect(v.rollback?.pr?.number).toBe(rollbackPr.number);
    expect(shop.message).toContain(`rollback PR #${rollbackPr.number}`);
    expect(rollbackPr.labels).toContain(ROLLBACK_LABEL);
    expect(rollbackPr.body).toContain(RUN_URL);
    expect(rollbackPr.body).toMatch(/\| live \(after deploy, smoke\) \| 0\.0% \|/);
    expect(rollbackPr.body).toMatch(/\| expected \(before the merge\) \| 100\.0% \|/);
    expect(rollbackPr.body).toContain('`online-total`');
    // The branch holds exactly one bot commit: the revert of the merge, with the rollback trailer.
    const tip = ops.world.git(['rev-parse', 'refs/heads/genie-gitops/rollback/shop'], ops.world.remote).trim();
    expect(ops.world.git(['rev-parse', `${tip}^`], ops.world.remote).trim()).toBe(badMerge);
    expect(ops.world.git(['log', '-1', '--format=%B', tip], ops.world.remote)).toContain(`${ROLLBACK_TRAILER}: shop`);
    expect(ops.world.git(['show', `${tip}:spaces/shop/space.json`], ops.world.remote)).toBe(
      ops.world.git(['show', `${c0}:spaces/shop/space.json`]),
    );
    // The checkout is back where the deploy found it.
    expect(ops.head()).toBe(badMerge);
    expect(ops.fake.violations).toEqual([]);
  }, 120_000);

  it('merging the rollback PR restores the previous config byte for byte and is never rolled back itself', async () => {
    const pr = ops.fake.pulls.find((p) => p.head === 'genie-gitops/rollback/shop')!;
    rollbackMerge = flow.merge(pr.number);
    expect(repoFile()).toBe(ops.world.git(['show', `${c0}:spaces/shop/space.json`]));
    const result = await flow.deploy(badMerge, rollbackMerge);
    expect(result.spaces[0].status).toBe('deployed');
    expect(liveConfig()).toBe(repoFile());
    expect(result.spaces[0].verification?.verdict).toBe('verified');
    expect(result.ok).toBe(true);
    expect(ops.fake.pulls.filter((p) => p.labels.includes(ROLLBACK_LABEL))).toHaveLength(1);
  }, 120_000);

  it('a merge that keeps the score deploys with verified=true', async () => {
    const pr = await flow.proposeConfig(
      'describe-sales',
      shopSpace({ withOnlineFilter: true, tableDescription: 'One row per sale, online or in a store.' }),
      'Describe the sales table',
    );
    const merge = flow.merge(pr);
    const result = await flow.deploy(rollbackMerge, merge);
    expect(result.spaces[0].status).toBe('deployed');
    const v = result.spaces[0].verification!;
    expect(v.verdict).toBe('verified');
    expect(v.liveScore).toBe(v.expectedScore);
    expect(result.ok).toBe(true);
  }, 120_000);

  it('an inconclusive verification (the live data cannot be reached) never rolls back, even a bad config', async () => {
    const before = ops.head();
    const pulls = ops.fake.pulls.length;
    writeFileSafe('spaces/shop/space.json', serializeSpace(shopSpace({ withOnlineFilter: false })));
    writeFileSafe(
      'spaces/shop/target.yml',
      readFileSync(path.join(ops.world.work, 'spaces/shop/target.yml'), 'utf8').replace(
        'data/live.sql',
        'data/gone.sql',
      ),
    );
    ops.world.git(['commit', '--quiet', '-am', 'drop the filter again, live data moved']);
    ops.world.git(['push', '--quiet', 'origin', 'main']);
    const result = await flow.deploy(before, ops.head());
    expect(result.spaces[0].status).toBe('deployed');
    expect(result.spaces[0].verification?.verdict).toBe('inconclusive');
    expect(result.spaces[0].message).toMatch(/Inconclusive: the live space could not be verified/);
    expect(result.ok).toBe(true);
    expect(ops.fake.pulls).toHaveLength(pulls);
  }, 120_000);
});

function writeFileSafe(rel: string, text: string): void {
  writeFileSync(path.join(ops.world.work, rel), text);
}
