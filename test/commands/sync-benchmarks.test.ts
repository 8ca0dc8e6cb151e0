/**
 * Genie's benchmarks in step with git: deploy --sync-benchmarks writes benchmarks/<space>.yml into
 * the live space's benchmarks.questions (schema, invariants, sort order, derived ids), export brings
 * them back without a diff and without losing our fields, an edit in the Genie UI comes back as a
 * YAML change, and the drift guard covers the section. On the embedded backend and on serve.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { genieQuestionId } from '../../src/benchmarks/genie-benchmarks.js';
import { deployCommand, type DeployOptions } from '../../src/commands/deploy.js';
import { exportCommand } from '../../src/commands/export.js';
import { GitCli } from '../../src/github/git-cli.js';
import { createBackendOpener } from '../../src/wiring/backend.js';
import { createLocalDeploymentLog } from '../../src/local/deployment-log.js';
import { DEV_TOKEN } from '../../src/serve/oauth.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { serializeSpace } from '../../src/space/canonical.js';
import { checkInvariants } from '../../src/space/invariants.js';
import { SpaceSchema, type Space } from '../../src/space/schema.js';
import { createGitWorld, type GitWorld } from '../github/git-world.js';
import { SHOP_LIVE, shopSpace, writeShopRepo } from './shop-world.js';

let world: GitWorld;
let env: Record<string, string>;
const liveFile = () => path.join(world.dir, 'state/spaces', `${SHOP_LIVE}.json`);
const readLive = (): Space =>
  SpaceSchema.parse(JSON.parse(JSON.parse(readFileSync(liveFile(), 'utf8')).serialized_space));
function writeLive(space: Space): void {
  const record = JSON.parse(readFileSync(liveFile(), 'utf8'));
  record.serialized_space = serializeSpace(space);
  writeFileSync(liveFile(), JSON.stringify(record));
}

beforeEach(() => {
  world = createGitWorld({ copy: [] });
  writeShopRepo(world.work);
  world.git(['add', '.']);
  world.git(['commit', '--quiet', '-m', 'shop space']);
  env = { GENIE_GITOPS_STATE_DIR: path.join(world.dir, 'state') };
});
afterEach(() => world.cleanup());

const deploy = (backend: 'local' | 'databricks', o: Partial<DeployOptions> = {}) =>
  deployCommand({
    root: world.work,
    backend: createBackendOpener({ backend, env }),
    git: new GitCli({ cwd: world.work, env: world.env }),
    spaces: ['shop'],
    deployments: createLocalDeploymentLog(path.join(world.dir, 'state')),
    verifyDelayMs: 1,
    ...o,
  });

describe('sync-benchmarks on the embedded backend', () => {
  it('deploy writes benchmarks.questions that pass the schema and invariants; export round-trips with no diff', async () => {
    // The first deploy records the config the live space already has: the drift guard's reference.
    expect((await deploy('local')).spaces[0].status).toBe('unchanged');
    const first = await deploy('local', { syncBenchmarks: 'all' });
    expect(first.spaces[0]).toMatchObject({ status: 'deployed', benchmarksSynced: 6 });
    const live = readLive();
    expect(checkInvariants(live, { file: 'live' })).toEqual([]);
    const ids = live.benchmarks!.questions!.map((q) => q.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain(genieQuestionId('online-total'));
    const total = live.benchmarks!.questions!.find((q) => q.id === genieQuestionId('online-total'))!;
    expect(total.question).toEqual(['What is the total online sales amount?']);
    expect(total.answer).toEqual([
      { format: 'SQL', content: ["SELECT SUM(amount) FROM main.default.sales WHERE channel = 'online'"] },
    ]);
    const exported = await exportCommand({
      root: world.work,
      space: 'shop',
      backend: createBackendOpener({ backend: 'local', env }),
    });
    expect(exported.outcome).toBe('unchanged');
    expect(world.git(['status', '--porcelain']).trim()).toBe('');
    // Deploying again finds nothing to change.
    expect((await deploy('local', { syncBenchmarks: 'all' })).spaces[0].status).toBe('unchanged');
  });

  it('train syncs only train questions; an edit in the Genie UI comes back into the YAML keeping our fields', async () => {
    await deploy('local');
    await deploy('local', { syncBenchmarks: 'train' });
    const live = readLive();
    expect(live.benchmarks!.questions).toHaveLength(4);
    const edited = structuredClone(live);
    const q = edited.benchmarks!.questions!.find((x) => x.id === genieQuestionId('online-count'))!;
    q.question = ['How many sales were made online?'];
    edited.benchmarks!.questions!.push({
      id: 'ffffffffffffffffffffffffffffffff',
      question: ['How many sales are there?'],
      answer: [{ format: 'SQL', content: ['SELECT COUNT(*)\n', 'FROM main.default.sales'] }],
    });
    writeLive(edited);
    const exported = await exportCommand({
      root: world.work,
      space: 'shop',
      backend: createBackendOpener({ backend: 'local', env }),
    });
    expect(exported.outcome).toBe('written');
    expect(world.git(['status', '--porcelain']).trim()).toBe('M benchmarks/shop.yml');
    const diff = world.git(['diff', '--unified=0', 'benchmarks/shop.yml']);
    // Only the edit and the new question: no other line of the file is rewritten.
    expect(diff.split('\n').filter((l) => /^[+-]/.test(l) && !/^(\+\+\+|---) /.test(l))).toEqual([
      '-  question: How many online sales are there?',
      '+  question: How many sales were made online?',
      '+- id: ffffffffffffffffffffffffffffffff',
      '+  question: How many sales are there?',
      '+  sql: |-',
      '+    SELECT COUNT(*)',
      '+    FROM main.default.sales',
    ]);
    // Our fields of the edited question stay: split and tags.
    const yml = readFileSync(path.join(world.work, 'benchmarks/shop.yml'), 'utf8');
    expect(yml).toMatch(
      /- id: online-count\n {2}question: How many sales were made online\?\n.*\n {2}split: train\n {2}tags: \[counts\]/,
    );
    // The drift guard covers the section: after an edit of the live benchmarks, a deploy of a changed config stops.
    writeFileSync(
      path.join(world.work, 'spaces/shop/space.json'),
      serializeSpace(shopSpace({ withOnlineFilter: false })),
    );
    world.git(['checkout', '--quiet', '--', 'benchmarks/shop.yml']);
    const drifted = await deploy('local', { syncBenchmarks: 'train' });
    expect(drifted.spaces[0].status).toBe('drifted');
  });
});

describe('sync-benchmarks on serve', () => {
  let serve: ServeHandle;
  beforeEach(async () => {
    serve = await startServe({ root: world.work });
    env = { DATABRICKS_HOST: serve.url, DATABRICKS_TOKEN: DEV_TOKEN };
  });
  afterEach(async () => serve.close());

  it('deploy --sync-benchmarks all, then export: no diff, and the live section passes the invariants', async () => {
    expect((await deploy('databricks')).spaces[0].status).toBe('unchanged');
    expect((await deploy('databricks', { syncBenchmarks: 'all' })).spaces[0].status).toBe('deployed');
    const res = await fetch(`${serve.url}/api/2.0/genie/spaces/${SHOP_LIVE}?include_serialized_space=true`, {
      headers: { authorization: `Bearer ${DEV_TOKEN}` },
    });
    const live = SpaceSchema.parse(JSON.parse(((await res.json()) as { serialized_space: string }).serialized_space));
    expect(live.benchmarks?.questions).toHaveLength(6);
    expect(checkInvariants(live, { file: 'live' })).toEqual([]);
    const exported = await exportCommand({
      root: world.work,
      space: 'shop',
      backend: createBackendOpener({ backend: 'databricks', env }),
    });
    expect(exported.outcome).toBe('unchanged');
    expect(world.git(['status', '--porcelain']).trim()).toBe('');
  });
});
