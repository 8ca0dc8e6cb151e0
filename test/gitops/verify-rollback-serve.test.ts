/**
 * Post-deploy verification and automatic rollback end to end over the databricks adapters on
 * `serve` (a real git repository, the loopback GitHub): the live space runs on a warehouse with
 * the live data (local.live_data), the PR check scores in temporary staging spaces, and a
 * fault-injected outage of the live space's conversations makes the verification inconclusive.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLBACK_LABEL } from '../../src/gitops/rollback.js';
import { DEV_TOKEN } from '../../src/serve/oauth.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { serializeSpace } from '../../src/space/canonical.js';
import { createGitOpsWorld, type GitOpsWorld } from '../github/gitops-world.js';
import { SHOP_LIVE, shopSpace, writeShopRepo } from '../commands/shop-world.js';
import { createFlow, type Flow } from '../commands/verify-flow.js';

const ZERO = '0'.repeat(40);
let ops: GitOpsWorld;
let serve: ServeHandle;
let flow: Flow;
let c0: string;
let badMerge: string;

beforeAll(async () => {
  ops = await createGitOpsWorld({ copy: [] });
  writeShopRepo(ops.world.work);
  ops.world.git(['add', '.']);
  ops.world.git(['commit', '--quiet', '-m', 'shop space']);
  ops.world.git(['push', '--quiet', 'origin', 'main']);
  c0 = ops.head();
  serve = await startServe({ root: ops.world.work });
  flow = createFlow(ops, 'databricks', {
    DATABRICKS_HOST: serve.url,
    DATABRICKS_TOKEN: DEV_TOKEN,
    GENIE_GITOPS_POLL_FIRST_MS: '5',
    GENIE_GITOPS_HTTP_BACKOFF_MS: '1',
  });
});
afterAll(async () => {
  await serve?.close();
  await ops?.close();
});

async function liveConfig(): Promise<string> {
  const res = await fetch(`${serve.url}/api/2.0/genie/spaces/${SHOP_LIVE}?include_serialized_space=true`, {
    headers: { authorization: `Bearer ${DEV_TOKEN}` },
  });
  const body = (await res.json()) as { serialized_space: string };
  return serializeSpace(JSON.parse(body.serialized_space));
}

describe('post-deploy verification on serve (databricks adapters)', () => {
  it('deploy verifies on the live space, opens the rollback PR and fails; the merged rollback restores the config', async () => {
    expect((await flow.deploy(ZERO, c0)).spaces[0].status).toBe('unchanged');
    const pr = await flow.proposeConfig('drop-online-filter', shopSpace({ withOnlineFilter: false }), 'Simplify');
    badMerge = flow.merge(pr);
    const result = await flow.deploy(c0, badMerge);
    expect(result.ok).toBe(false);
    const v = result.spaces[0].verification!;
    expect(v).toMatchObject({ verdict: 'regression', liveScore: 0, expectedScore: 1, asked: 6 });
    const rollback = ops.fake.pulls.find((p) => p.head === 'genie-gitops/rollback/shop')!;
    expect(rollback.labels).toContain(ROLLBACK_LABEL);
    expect(result.spaces[0].message).toContain(`rollback PR #${rollback.number}`);
    // Temporary staging spaces of the PR check were trashed; the live space was asked, never changed by the check.
    expect(serve.listSpaces().every((s) => !s.title.startsWith('genie-gitops tmp'))).toBe(true);

    const rollbackMerge = flow.merge(rollback.number);
    const restored = readFileSync(path.join(ops.world.work, 'spaces/shop/space.json'), 'utf8');
    expect(restored).toBe(ops.world.git(['show', `${c0}:spaces/shop/space.json`]));
    const redeploy = await flow.deploy(badMerge, rollbackMerge);
    expect(redeploy.spaces[0].status).toBe('deployed');
    expect(await liveConfig()).toBe(restored);
    expect(redeploy.spaces[0].verification?.verdict).toBe('verified');
    expect(redeploy.ok).toBe(true);
    expect(ops.fake.violations).toEqual([]);
  }, 180_000);

  it('a fault-injected outage of the live space makes the verification inconclusive: no rollback', async () => {
    const before = ops.head();
    const pulls = ops.fake.pulls.length;
    writeFileSync(
      path.join(ops.world.work, 'spaces/shop/space.json'),
      serializeSpace(shopSpace({ withOnlineFilter: false })),
    );
    ops.world.git(['commit', '--quiet', '-am', 'drop the filter again']);
    ops.world.git(['push', '--quiet', 'origin', 'main']);
    serve.injectFault({
      method: 'POST',
      path: new RegExp(`${SHOP_LIVE}/start-conversation`),
      when: 'before',
      kind: 'error',
      times: 1000,
    });
    const result = await flow.deploy(before, ops.head());
    expect(result.spaces[0].status).toBe('deployed');
    const v = result.spaces[0].verification!;
    expect(v.verdict).toBe('inconclusive');
    expect(v.summary).toMatch(/6 of 6 questions \(100\.0%\) errored on the live space/);
    expect(result.ok).toBe(true);
    expect(ops.fake.pulls).toHaveLength(pulls);
  }, 180_000);
});
