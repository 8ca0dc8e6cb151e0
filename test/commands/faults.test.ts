/**
 * The fault half of the trust suite: scoring, a short enhance and a deploy run through the
 * databricks adapters against `serve` while it injects faults before handling requests (5xx,
 * dropped connections), after handling them (the change is made, the answer is lost), stuck
 * messages and throttling. Every run must complete with no result lost: every question
 * accounted for as answered or errored (an outage is never a wrong answer, nor a broken
 * benchmark), every deploy verified by reading back. Prints one tally line for the notes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deployCommand } from '../../src/commands/deploy.js';
import { enhanceCommand } from '../../src/commands/enhance.js';
import { checkThresholds } from '../../src/commands/pr-score.js';
import { loadSpaceBenchmarks, scoreConfig } from '../../src/commands/score.js';
import { loadSpace } from '../../src/commands/workspace.js';
import { createBackendOpener } from '../../src/wiring/backend.js';
import { createSpaceStore } from '../../src/databricks/space-store.js';
import { GitCli } from '../../src/github/git-cli.js';
import { createLocalDeploymentLog } from '../../src/local/deployment-log.js';
import { DEV_TOKEN } from '../../src/serve/oauth.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { renderComparisonMarkdown } from '../../src/report/comparison-markdown.js';
import { inconclusiveVerdict } from '../../src/scoring/errored-gate.js';
import type { Scorecard } from '../../src/scoring/scorecard.js';
import { serializeSpace } from '../../src/space/canonical.js';
import { readSpaceFile } from '../../src/space/space-file.js';
import type { Space } from '../../src/space/schema.js';
import { createGitWorld, type GitWorld } from '../github/git-world.js';
import { clientFor, DEMO_LIVE, REPO_ROOT } from '../serve/helpers.js';

/** Fast settings: a stuck message costs one short question timeout, a retry a short backoff. */
const SCORING = { concurrency: 8, questionTimeoutMs: 1_000, backoffMs: 20, retries: 3 };
/** Loopback settings: short polls and short HTTP retry backoffs, so faults cost milliseconds. */
const FAST = { GENIE_GITOPS_POLL_FIRST_MS: '10', GENIE_GITOPS_HTTP_BACKOFF_MS: '10' };
const described: Space = readSpaceFile(path.join(REPO_ROOT, 'test/fixtures/demo-described/space.json'));
const tally = { runs: 0, lost: 0 };
const serves: ServeHandle[] = [];

const injected = (s: ServeHandle) =>
  s.stats.faults.errors + s.stats.faults.drops + s.stats.faults.lost + s.stats.stuckMessages;

/** Results lost by a scorecard: questions missing, or neither answered nor errored, or an outage taken for a broken benchmark. */
function lostIn(card: Scorecard, expected: number): string[] {
  const problems: string[] = [];
  if (card.questions.length !== expected) problems.push(`${expected - card.questions.length} question(s) missing`);
  if (card.totals.all.answered + card.totals.all.errored !== card.totals.all.total)
    problems.push('totals do not add up');
  for (const q of card.questions) {
    const answered = q.repeats.filter((r) => !r.errored).length;
    if (!q.errored && answered === 0) problems.push(`${q.id}: neither answered nor errored`);
    if (q.expectedError !== undefined) problems.push(`${q.id}: an outage was taken for a broken benchmark`);
    if (!q.errored && q.category === 'api_error') problems.push(`${q.id}: an outage was counted as a wrong answer`);
  }
  return problems;
}

function account(card: Scorecard, expected: number): void {
  const problems = lostIn(card, expected);
  tally.runs++;
  tally.lost += problems.length;
  expect(problems).toEqual([]);
}

beforeAll(() => {
  for (const [name, value] of Object.entries(FAST)) vi.stubEnv(name, value);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  const faults = serves.reduce((n, s) => n + injected(s), 0);
  await Promise.all(serves.map((s) => s.close()));
  // The line for the notes (bad inputs are tallied by bad-input.test.ts).
  console.log(`faults injected ${faults}, runs completed ${tally.runs}, results lost ${tally.lost}`);
});

describe('scoring under `serve --fault-rate 0.3 --stuck-rate 0.1` (acceptance)', () => {
  it('gives the local passed/answered on the questions answered, or an inconclusive verdict naming the errored; never a lower score', async () => {
    const serve = await startServe({ root: REPO_ROOT, latencyMs: 10, faultRate: 0.3, stuckRate: 0.1, seed: 7 });
    serves.push(serve);
    const env = { DATABRICKS_HOST: serve.url, DATABRICKS_TOKEN: DEV_TOKEN, ...FAST };
    const demo = loadSpace(REPO_ROOT, 'demo');
    const benchmarks = loadSpaceBenchmarks(REPO_ROOT, 'demo');
    const score = async (backendName: 'local' | 'databricks') => {
      const backend = await createBackendOpener({ backend: backendName, env }).open({
        root: REPO_ROOT,
        target: demo.target,
        space: 'demo',
      });
      try {
        return await scoreConfig(backend, 'demo', described, benchmarks, SCORING);
      } finally {
        await backend.close();
      }
    };
    const remote = await score('databricks');
    const local = await score('local');
    account(remote, benchmarks.length);
    expect(serve.stats.faults.errors + serve.stats.faults.drops).toBeGreaterThan(20);
    expect(serve.stats.stuckMessages).toBeGreaterThan(0);
    expect(remote.calls.retries).toBeGreaterThan(0);

    // Faults never change a verdict: every answered question scores as it does locally.
    const byId = new Map(local.questions.map((q) => [q.id, q]));
    for (const q of remote.questions.filter((x) => !x.errored))
      expect({ id: q.id, passed: q.passed, category: q.category }).toEqual({
        id: q.id,
        passed: byId.get(q.id)?.passed,
        category: byId.get(q.id)?.category,
      });
    const errored = remote.questions.filter((q) => q.errored).map((q) => q.id);
    const verdict = inconclusiveVerdict(
      [
        { label: 'head', card: remote },
        { label: 'base', card: local },
      ],
      0.1,
    );
    if (verdict) for (const id of errored) expect(verdict.message).toContain(id);
    else {
      // The PR gate on head (through faults) vs base (local): no regression, not even by a point.
      expect(checkThresholds(remote, local, { maxRegression: 0 })).toEqual([]);
      // And the comment a reviewer reads shows no drop either.
      expect(renderComparisonMarkdown(remote, local).split('\n')[0]).toMatch(/±0\.0 pp vs base/);
      if (errored.length === 0) expect(remote.totals).toEqual(local.totals);
    }
  }, 120_000);
});

describe('runs under faults before and after handling (lost answers)', () => {
  let world: GitWorld;
  let serve: ServeHandle;
  let env: Record<string, string>;
  beforeAll(async () => {
    world = createGitWorld();
    serve = await startServe({
      root: world.work,
      latencyMs: 10,
      faultRate: 0.1,
      faultAfterRate: 0.1,
      stuckRate: 0.05,
      seed: 11,
    });
    serves.push(serve);
    env = { DATABRICKS_HOST: serve.url, DATABRICKS_TOKEN: DEV_TOKEN, ...FAST };
  });
  afterAll(() => world?.cleanup());

  it('enhances (one iteration, dry run) with every scorecard complete, and trashes its temporary space', async () => {
    const result = await enhanceCommand({
      root: world.work,
      space: 'demo',
      backend: createBackendOpener({ backend: 'databricks', env }),
      analyst: 'rules',
      maxIterations: 1,
      dryRun: true,
      scoring: SCORING,
    });
    const n = loadSpaceBenchmarks(world.work, 'demo').length;
    account(result.before, n);
    account(result.after, n);
    expect(result.written).toEqual([]);
    expect(serve.stats.faults.lost).toBeGreaterThan(0);
    expect(result.before.calls.retries + result.after.calls.retries).toBeGreaterThan(0);
    expect(serve.listSpaces().filter((s) => s.title.startsWith('genie-gitops tmp'))).toEqual([]);
  }, 180_000);

  it('deploys, a lost answer to the update included, and the live space is verified by reading back', async () => {
    const git = new GitCli({ cwd: world.work, env: world.env });
    const log = createLocalDeploymentLog(path.join(world.dir, 'state'));
    const file = path.join(world.work, 'spaces/demo/space.json');
    const deploy = () =>
      deployCommand({
        root: world.work,
        backend: createBackendOpener({ backend: 'databricks', env }),
        git,
        deployments: log,
        verifyDelayMs: 5,
        spaces: ['demo'],
      });
    const first = await deploy();
    tally.runs++;
    expect(first.spaces[0].status).toBe('unchanged');
    writeFileSync(file, readFileSync(path.join(REPO_ROOT, 'test/fixtures/demo-described/space.json'), 'utf8'));
    world.git(['commit', '--quiet', '-am', 'describe the demo']);
    serve.injectFault({ method: 'PATCH', path: new RegExp(DEMO_LIVE), when: 'after', kind: 'drop' });
    const result = await deploy();
    tally.runs++;
    const live = await createSpaceStore(clientFor(serve.url, DEV_TOKEN, 6)).get(DEMO_LIVE);
    const verified = serializeSpace(live.serializedSpace as Space) === readFileSync(file, 'utf8');
    if (result.spaces[0]?.status !== 'deployed' || !verified) tally.lost++;
    expect(result.spaces[0]).toMatchObject({ status: 'deployed' });
    expect(result.spaces[0].message).toMatch(/it was applied/);
    expect(verified).toBe(true);
    expect((await log.history('demo', DEMO_LIVE))[0].state).toBe('success');
  }, 120_000);
});
