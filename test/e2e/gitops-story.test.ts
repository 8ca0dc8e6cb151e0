/**
 * End-to-end, in order, as a team would live it: scheduled enhance opens one PR (and updates it),
 * the PR is merged (no new one while it is not deployed) and deployed (labelled so), a revert
 * rolls it back byte for byte, a UI edit is caught as drift (then overwritten on request), export
 * proposes the UI edit as a PR, a PR closed without merging turns its fixes into rejected lessons,
 * and a person's commit on the enhancement branch stops the bot. Every step runs the bundle as the runner does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeSpace } from '../../src/space/canonical.js';
import { createGitWorld, type GitWorld } from '../github/git-world.js';
import { runAction } from './action-runner.js';
import { e2eDist } from './e2e-dist.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

const LIVE = '6e97962f94ee5d2af582125013aecf67';
const BRANCH = 'genie-gitops/enhance/demo';
const ZERO = '0'.repeat(40);
let dist: string;
let world: GitWorld;
let fake: FakeGitHub;
let state: string;
let c0: string;
let merge: string;

beforeAll(async () => {
  dist = await e2eDist();
  world = createGitWorld();
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
const remoteSha = (ref: string) => world.git(['rev-parse', ref], world.remote).trim();
const liveFile = () => path.join(state, 'spaces', `${LIVE}.json`);
const liveConfig = () => JSON.parse(readFileSync(liveFile(), 'utf8')).serialized_space as string;
const repoConfig = () => readFileSync(path.join(world.work, 'spaces/demo/space.json'), 'utf8');

async function action(command: string, inputs: Record<string, string>, event: { name: string; payload: unknown }) {
  return await runAction({
    dist,
    workspace: world.work,
    inputs: { command, backend: 'local', 'github-token': 'ghs_test', ...inputs },
    eventName: event.name,
    payload: { repository: { full_name: 'octo/genie-configs', default_branch: 'main' }, ...(event.payload as object) },
    sha: head(),
    ref: 'refs/heads/main',
    apiUrl: fake.url,
    env: { ...world.env, GENIE_GITOPS_STATE_DIR: state },
  });
}
const enhance = (inputs: Record<string, string>) =>
  action('enhance', { space: 'demo', ...inputs }, { name: 'schedule', payload: { schedule: '0 3 * * 1' } });
const deploy = (before: string, after: string, inputs: Record<string, string> = {}) =>
  action('deploy', inputs, { name: 'push', payload: { ref: 'refs/heads/main', before, after } });

/** The runner's fresh checkout of main after a push: fetch and reset the workspace to origin/main. */
function checkoutMain(): string {
  world.git(['reset', '--quiet', '--hard']);
  world.git(['clean', '-fdq']);
  world.git(['fetch', '--quiet', 'origin']);
  world.git(['checkout', '--quiet', '-B', 'main', 'origin/main']);
  return head();
}

describe('GitOps flows (dist/index.js)', () => {
  it('deploy of the first commit seeds the live space and reports it unchanged', async () => {
    const run = await deploy(ZERO, c0);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.outputs.unchanged)).toEqual(['demo']);
    expect(liveConfig()).toBe(repoConfig());
  }, 600_000);

  it('scheduled enhance opens exactly one PR with the score delta, labels and a commit status', async () => {
    const run = await enhance({ 'max-iterations': '1' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.outcome).toBe('created');
    expect(Number(run.outputs['score-after'])).toBeGreaterThan(Number(run.outputs['score-before']));
    expect(fake.pulls).toHaveLength(1);
    const pr = fake.pulls[0];
    expect(pr.head).toBe(BRANCH);
    expect(pr.base).toBe('main');
    expect(pr.body).toMatch(/Train \d+\.\d% → \d+\.\d%/);
    expect(pr.body).toContain('| split | before | after | change |');
    expect(pr.body.length).toBeLessThanOrEqual(65_536);
    expect(pr.labels).toEqual(['genie-gitops', 'space:demo', 'genie-gitops: pending']);
    const sha = remoteSha(`refs/heads/${BRANCH}`);
    expect(fake.statuses.at(-1)).toMatchObject({ sha, state: 'success', context: 'genie-gitops/score (demo)' });
    expect(world.git(['diff', '--name-only', 'main', BRANCH], world.remote).trim().split('\n')).toEqual([
      'lessons/demo.json',
      'spaces/demo/space.json',
    ]);
    // The workspace is back on main, unchanged.
    expect(world.git(['symbolic-ref', '--short', 'HEAD']).trim()).toBe('main');
    expect(world.git(['status', '--porcelain', '--', 'spaces']).trim()).toBe('');
    expect(fake.violations).toEqual([]);
  }, 900_000);

  it('a second run updates the same PR and force-updates the branch', async () => {
    const before = remoteSha(`refs/heads/${BRANCH}`);
    const body = fake.pulls[0].body;
    const run = await enhance({ 'max-iterations': '2' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.outcome).toBe('updated');
    expect(fake.pulls).toHaveLength(1);
    expect(fake.pulls[0].body).not.toBe(body);
    const after = remoteSha(`refs/heads/${BRANCH}`);
    expect(after).not.toBe(before);
    expect(world.git(['rev-list', '--count', `main..${BRANCH}`], world.remote).trim()).toBe('1');
    expect(fake.requests.filter((r) => r.operation === 'pulls/create')).toHaveLength(1);
  }, 900_000);

  it('a run with nothing to improve opens no PR, pushes nothing and records itself in the open PR', async () => {
    const head = remoteSha(`refs/heads/${BRANCH}`);
    const run = await enhance({ 'target-score': '0.01' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    // It resumed from PR #1's branch: nothing new to push, but the PR body keeps the history of runs.
    expect(run.outputs.outcome).toBe('unchanged');
    expect(remoteSha(`refs/heads/${BRANCH}`)).toBe(head);
    expect(fake.pulls).toHaveLength(1);
    expect(fake.pulls[0].body).toContain('This is run 3 of this PR');
  }, 600_000);

  it('merging the enhancement PR and deploying updates the live space and labels the PR deployed; a re-run reports unchanged', async () => {
    const maintainer = world.clone('maintainer');
    world.git(['merge', '--quiet', '--no-ff', '-m', 'Merge pull request #1', `origin/${BRANCH}`], maintainer);
    world.git(['push', '--quiet', 'origin', 'main'], maintainer);
    fake.closePull(1, { merged: true, mergeCommitSha: world.git(['rev-parse', 'HEAD'], maintainer).trim() });
    merge = checkoutMain();
    const waiting = await enhance({ 'max-iterations': '1' });
    expect(waiting.status, waiting.stdout + waiting.stderr).toBe(0);
    expect(waiting.outputs.outcome).toBe('waiting-for-deploy');
    expect(waiting.summary).toContain('PR #1 is not deployed yet');
    expect(fake.pulls).toHaveLength(1);
    const run = await deploy(c0, merge);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.outputs.deployed)).toEqual(['demo']);
    expect(fake.pulls[0].labels).toEqual(['genie-gitops', 'space:demo', 'genie-gitops: deployed']);
    expect(run.summary).toContain('PR #1 labelled "genie-gitops: deployed"');
    expect(liveConfig()).toBe(repoConfig());
    expect(liveConfig()).not.toBe(world.git(['show', `${c0}:spaces/demo/space.json`]));
    // The drift guard's reference for the next deploy: a GitHub deployment of this commit, successful.
    const recorded = fake.deployments.at(-1);
    expect(recorded).toMatchObject({ environment: 'genie-gitops-demo', sha: merge, payload: { commit: merge } });
    expect(recorded?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    const again = await deploy(c0, merge);
    expect(JSON.parse(again.outputs.unchanged)).toEqual(['demo']);
    expect(again.summary).toContain('| demo | ✅ unchanged |');
  }, 600_000);

  it('reverting the merge and deploying restores the previous config byte for byte', async () => {
    const maintainer = path.join(world.dir, 'maintainer');
    world.git(['pull', '--quiet', 'origin', 'main'], maintainer);
    world.git(['revert', '--no-edit', '-m', '1', merge], maintainer);
    world.git(['push', '--quiet', 'origin', 'main'], maintainer);
    const revert = checkoutMain();
    const run = await deploy(merge, revert);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.outputs.deployed)).toEqual(['demo']);
    expect(liveConfig()).toBe(world.git(['show', `${c0}:spaces/demo/space.json`]));
  }, 600_000);

  it('an edit of the live space outside git is reported as drift and left alone; on-drift overwrite replaces it', async () => {
    const record = JSON.parse(readFileSync(liveFile(), 'utf8'));
    const space = JSON.parse(record.serialized_space);
    space.data_sources.tables[0].description = ['Edited in the Genie UI'];
    record.serialized_space = JSON.stringify(space);
    writeFileSync(liveFile(), JSON.stringify(record));
    const edited = readFileSync(liveFile(), 'utf8');
    const before = head();
    const file = path.join(world.work, 'spaces/demo/space.json');
    const repoSpace = JSON.parse(repoConfig());
    repoSpace.data_sources.tables[1].description = ['Changed in git'];
    writeFileSync(file, serializeSpace(repoSpace)); // canonical, as genie-gitops writes it
    world.git(['commit', '--quiet', '-am', 'describe a table']);
    world.git(['push', '--quiet', 'origin', 'main']);
    const after = head();
    const run = await deploy(before, after);
    // The step fails: the merged config did not reach the live space, and a person must decide.
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/::error::.*demo not deployed: the live space was edited outside git/);
    expect(JSON.parse(run.outputs.drifted)).toEqual(['demo']);
    expect(run.stdout).toMatch(
      /::warning title=genie-gitops%3A live space drifted::demo: the live space was edited outside git/,
    );
    expect(readFileSync(liveFile(), 'utf8')).toBe(edited);
    const forced = await deploy(before, after, { 'on-drift': 'overwrite' });
    expect(forced.status).toBe(0);
    expect(JSON.parse(forced.outputs.deployed)).toEqual(['demo']);
    expect(liveConfig()).toBe(world.git(['show', `${after}:spaces/demo/space.json`]));
  }, 600_000);

  it('export of an edited live space opens a PR whose diff is exactly the edit', async () => {
    const record = JSON.parse(readFileSync(liveFile(), 'utf8'));
    const space = JSON.parse(record.serialized_space);
    space.data_sources.tables[0].description = ['Adopted from the UI'];
    record.serialized_space = JSON.stringify(space);
    writeFileSync(liveFile(), JSON.stringify(record));
    const run = await action('export', { space: 'demo' }, { name: 'workflow_dispatch', payload: { inputs: {} } });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.outcome).toBe('pr-created');
    const pr = fake.pulls.find((p) => p.head === 'genie-gitops/export/demo');
    expect(pr?.state).toBe('open');
    const diff = world.git(['diff', '--unified=0', 'main', 'genie-gitops/export/demo'], world.remote);
    const changed = diff.split('\n').filter((l) => /^[+-](?![+-])/.test(l));
    expect(world.git(['diff', '--name-only', 'main', 'genie-gitops/export/demo'], world.remote).trim()).toBe(
      'spaces/demo/space.json',
    );
    expect(changed.filter((l) => l.startsWith('+')).join('\n')).toContain('Adopted from the UI');
    expect(changed.every((l) => /description|Adopted from the UI|"\s*$|^\+\s*\]|^-\s*\]|^[+-]\s*"/.test(l))).toBe(true);
    const second = await action('export', { space: 'demo' }, { name: 'workflow_dispatch', payload: { inputs: {} } });
    expect(second.outputs.outcome).toBe('pr-updated');
    expect(fake.pulls.filter((p) => p.head === 'genie-gitops/export/demo')).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  }, 600_000);

  it('a PR closed without merging has its fixes recorded as rejected by the next run', async () => {
    const opened = await enhance({ 'max-iterations': '1' });
    expect(opened.outputs.outcome, opened.stdout + opened.stderr).toBe('created');
    const closedPr = Number(opened.outputs['pr-number']);
    const lessonsAt = (ref: string) => JSON.parse(world.git(['show', `${ref}:lessons/demo.json`], world.remote));
    const proposed: string[] = lessonsAt(`refs/heads/${BRANCH}`).applied_fixes.map((f: { key: string }) => f.key);
    fake.closePull(closedPr);
    const run = await enhance({ 'max-iterations': '1' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain(`rejected by a reviewer in PR #${closedPr}`);
    const rejected = lessonsAt(`refs/heads/${BRANCH}`).rejected_fixes as Array<{ key: string; reason: string }>;
    for (const key of proposed)
      expect(rejected.find((r) => r.key === key)?.reason).toBe(`rejected by a reviewer in PR #${closedPr}`);
    expect(fake.pulls.find((p) => p.number === closedPr)?.labels).toContain('genie-gitops: lessons-recorded');
    expect(fake.violations).toEqual([]);
  }, 600_000);

  it("a person's commit on the enhancement branch stops the action from force-pushing over it", async () => {
    const dana = world.clone('dana');
    world.git(['checkout', '--quiet', BRANCH], dana);
    writeFileSync(path.join(dana, 'NOTES.md'), 'reviewed by hand\n');
    world.git(['add', 'NOTES.md'], dana);
    world.git(['commit', '--quiet', '-m', 'my review notes'], dana);
    world.git(['push', '--quiet', 'origin', BRANCH], dana);
    const tip = remoteSha(`refs/heads/${BRANCH}`);
    const run = await enhance({ 'max-iterations': '1' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.outcome).toBe('blocked');
    expect(run.summary).toContain('does not force-push over a person');
    expect(remoteSha(`refs/heads/${BRANCH}`)).toBe(tip);
  }, 600_000);
});
