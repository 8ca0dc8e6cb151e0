/** End-to-end: the PR score check (score on pull_request) run from the bundle against a loopback GitHub and a real git remote. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/temp-repo.js';
import { createGitWorld, type GitWorld } from '../github/git-world.js';
import { runAction } from './action-runner.js';
import { e2eDist } from './e2e-dist.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

let dist: string;
let world: GitWorld;
let fake: FakeGitHub;
let state: string;
let base0: string;
const MARKER = '<!-- genie-gitops:score:demo -->';

beforeAll(async () => {
  dist = await e2eDist();
  world = createGitWorld();
  // Main holds a well-described config with join specs, so removing one regresses questions.
  copyFileSync(
    path.join(REPO_ROOT, 'test/fixtures/demo-described/space.json'),
    path.join(world.work, 'spaces/demo/space.json'),
  );
  world.git(['commit', '--quiet', '-am', 'described demo config']);
  world.git(['push', '--quiet', 'origin', 'main']);
  base0 = world.git(['rev-parse', 'HEAD']).trim();
  fake = await startFakeGitHub({ remote: world.remote });
  state = mkdtempSync(path.join(os.tmpdir(), 'genie-gitops-state-'));
}, 600_000);

afterAll(async () => {
  await fake?.close();
  world?.cleanup();
  rmSync(state, { recursive: true, force: true });
});

function pushPrCommit(
  edit: (space: {
    instructions: { join_specs: Array<{ id: string; right: { alias: string }; left: { alias: string } }> };
  }) => void,
  message: string,
): string {
  const file = path.join(world.work, 'spaces/demo/space.json');
  const space = JSON.parse(readFileSync(file, 'utf8'));
  edit(space);
  writeFileSync(file, `${JSON.stringify(space, null, 2)}\n`);
  world.git(['commit', '--quiet', '-am', message]);
  world.git(['push', '--quiet', '--force', 'origin', 'HEAD:refs/heads/worsen-joins']);
  return world.git(['rev-parse', 'HEAD']).trim();
}

async function scoreOnPr(headSha: string, baseSha: string) {
  const repo = { full_name: 'octo/genie-configs' };
  return await runAction({
    dist,
    workspace: world.work,
    inputs: { command: 'score', backend: 'local', 'max-regression': '0', 'github-token': 'ghs_test' },
    eventName: 'pull_request',
    payload: {
      action: 'synchronize',
      number: 1,
      pull_request: {
        number: 1,
        head: { sha: headSha, ref: 'worsen-joins', repo },
        base: { sha: baseSha, ref: 'main', repo },
      },
      repository: { full_name: 'octo/genie-configs', default_branch: 'main' },
    },
    sha: headSha,
    ref: 'refs/pull/1/merge',
    apiUrl: fake.url,
    env: { ...world.env, GENIE_GITOPS_STATE_DIR: state },
  });
}

describe('score on a pull request (dist/index.js)', () => {
  it('fails a PR that removes a join spec and lists the regressed questions in the sticky comment', async () => {
    world.git(['checkout', '--quiet', '-b', 'worsen-joins']);
    const head = pushPrCommit((s) => {
      s.instructions.join_specs = s.instructions.join_specs.filter(
        (j) => !(j.left.alias === 'messages' && j.right.alias === 'channels'),
      );
    }, 'drop the messages-channels join');
    fake.pulls.push({
      number: 1,
      title: 'drop a join',
      body: '',
      head: 'worsen-joins',
      base: 'main',
      state: 'open',
      labels: [],
      merged: false,
    });
    const run = await scoreOnPr(head, base0);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/::error::.*significantly worse than base: −\d+\.\d pp/);
    expect(fake.comments).toHaveLength(1);
    const body = fake.comments[0].body;
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toMatch(/### Regressed \((\d+)\)/);
    expect(Number(/### Regressed \((\d+)\)/.exec(body)![1])).toBeGreaterThan(0);
    expect(body).toContain('`q03`');
    expect(body).toContain('Score check failed');
    expect(Number(run.outputs.delta)).toBeLessThan(0);
    expect(run.outputs.verdict).toBe('regression');
    expect(Number(run.outputs['p-value'])).toBeLessThan(0.05);
    expect(body).toContain('### Paired comparison: significant regression');
    expect(Number(run.outputs['base-score'])).toBeGreaterThan(Number(run.outputs.score));
    expect(run.outputs['comment-url']).toContain('#issuecomment-');
    expect(run.summary).toContain('### Regressed');
    expect(fake.violations).toEqual([]);
  }, 600_000);

  it('a second push updates the same comment, reuses the cached base score and notes a moved base', async () => {
    const first = fake.comments[0].body;
    // The base branch moves on (no config change) after the PR event was created.
    const maintainer = world.clone('maintainer');
    writeFileSync(path.join(maintainer, 'README.md'), 'configs\n');
    world.git(['add', 'README.md'], maintainer);
    world.git(['commit', '--quiet', '-m', 'readme'], maintainer);
    world.git(['push', '--quiet', 'origin', 'main'], maintainer);
    const head = pushPrCommit((s) => {
      s.instructions.join_specs = s.instructions.join_specs.filter(
        (j) => !(j.left.alias === 'reactions' && j.right.alias === 'members'),
      );
    }, 'drop another join');
    const run = await scoreOnPr(head, base0);
    expect(run.status).toBe(1);
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0].body).not.toBe(first);
    expect(fake.comments[0].body).toContain('scorecard reused');
    expect(fake.comments[0].body).toMatch(/base branch `main` moved/);
    expect(run.outputs.stale).toBe('true');
    expect(fake.requests.filter((r) => r.operation === 'issues/update-comment')).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  }, 600_000);
});
