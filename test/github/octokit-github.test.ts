import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubApiError } from '../../src/github/github-error.js';
import type { GitHubPort } from '../../src/ports.js';
import { createGitHub } from '../../src/github/octokit-github.js';
import { createOctokit, retryDelayMs } from '../../src/github/octokit-factory.js';
import { upsertPullRequest } from '../../src/gitops/pull-request-upsert.js';
import { scoreCommentMarker, upsertStickyComment } from '../../src/gitops/sticky-comment.js';
import { startFakeGitHub, type FakeGitHub } from '../e2e/fake-github.js';

let fake: FakeGitHub;
let github: GitHubPort;
beforeEach(async () => {
  fake = await startFakeGitHub();
  github = createGitHub(createOctokit({ token: 't0ken', baseUrl: fake.url, baseDelayMs: 5 }), {
    owner: fake.owner,
    repo: fake.repo,
  });
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
});

const spec = {
  branch: 'genie-gitops/enhance/demo',
  base: 'main',
  title: 'enhance demo',
  body: 'v1',
  labels: ['genie-gitops', 'space:demo'],
};

describe('Octokit adapter on a loopback GitHub', () => {
  it('reads the default branch', async () => {
    expect(await github.defaultBranch()).toBe('main');
  });

  it('opens one PR, then updates it instead of opening a second', async () => {
    const first = await upsertPullRequest(github, spec);
    expect(first.action).toBe('created');
    expect(first.pr.labels).toEqual(['genie-gitops', 'space:demo']);
    const second = await upsertPullRequest(github, { ...spec, body: 'v2' });
    expect(second.action).toBe('updated');
    expect(second.pr.number).toBe(first.pr.number);
    expect(fake.pulls).toHaveLength(1);
    expect(fake.pulls[0].body).toBe('v2');
    expect(fake.pulls[0].labels).toEqual(['genie-gitops', 'space:demo']);
    // Labels already there are not sent again.
    expect(fake.requests.filter((r) => r.operation === 'issues/add-labels')).toHaveLength(1);
  });

  it('keeps one sticky comment per space, found by its hidden marker', async () => {
    const { pr } = await upsertPullRequest(github, spec);
    await github.createComment(pr.number, 'a human comment');
    const a = await upsertStickyComment(github, pr.number, scoreCommentMarker('demo'), 'score 1');
    const b = await upsertStickyComment(github, pr.number, scoreCommentMarker('demo'), 'score 2');
    const other = await upsertStickyComment(github, pr.number, scoreCommentMarker('sales'), 'sales 1');
    expect([a.action, b.action, other.action]).toEqual(['created', 'updated', 'created']);
    expect(b.comment.id).toBe(a.comment.id);
    expect(fake.comments.map((c) => c.body)).toEqual([
      'a human comment',
      `${scoreCommentMarker('demo')}\nscore 2`,
      `${scoreCommentMarker('sales')}\nsales 1`,
    ]);
  });

  it('lists closed PRs of a branch newest first, with merge state and merge commit', async () => {
    await upsertPullRequest(github, spec);
    fake.closePull(1);
    await upsertPullRequest(github, spec);
    fake.closePull(2, { merged: true, mergeCommitSha: 'c'.repeat(40) });
    await upsertPullRequest(github, spec);
    await upsertPullRequest(github, { ...spec, branch: 'someone/else' });
    const closed = await github.listPullRequests(spec.branch, 'closed');
    expect(closed.map((p) => [p.number, p.merged, p.mergeCommitSha])).toEqual([
      [2, true, 'c'.repeat(40)],
      [1, false, undefined],
    ]);
    expect((await github.listPullRequests(spec.branch, 'all')).map((p) => p.number)).toEqual([3, 2, 1]);
  });

  it('removes a label by name (spaces and colons encoded), and a label already gone is not an error', async () => {
    const { pr } = await upsertPullRequest(github, { ...spec, labels: ['genie-gitops', 'genie-gitops: pending'] });
    await github.removeLabel(pr.number, 'genie-gitops: pending');
    expect(fake.pulls[0].labels).toEqual(['genie-gitops']);
    await expect(github.removeLabel(pr.number, 'genie-gitops: pending')).resolves.toBeUndefined();
    expect(fake.requests.filter((r) => r.operation === 'issues/remove-label').map((r) => r.path)).toEqual([
      '/repos/octo/genie-configs/issues/1/labels/genie-gitops%3A%20pending',
      '/repos/octo/genie-configs/issues/1/labels/genie-gitops%3A%20pending',
    ]);
  });

  it('sets a commit status, cutting the description to 140 characters', async () => {
    await github.setCommitStatus('a'.repeat(40), {
      state: 'success',
      context: 'genie-gitops/score (demo)',
      description: 'x'.repeat(200),
    });
    expect(fake.statuses).toEqual([
      { sha: 'a'.repeat(40), state: 'success', context: 'genie-gitops/score (demo)', description: 'x'.repeat(140) },
    ]);
  });

  it('retries server errors and then succeeds', async () => {
    fake.failNext(2, 502);
    expect(await github.defaultBranch()).toBe('main');
    expect(fake.requests.filter((r) => r.operation === 'repos/get')).toHaveLength(3);
  });

  it('does not retry a 404 and reports it as a GitHubApiError with a hint', async () => {
    fake.failNext(1, 404);
    const error = await github.updatePullRequest(99, { body: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(404);
    expect((error as GitHubApiError).hint).toMatch(/not found/);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('retryDelayMs', () => {
  const err = (status: number, headers: Record<string, string> = {}) => ({ status, response: { headers } });
  it.each([
    ['server error backs off exponentially', err(503), 2, 400],
    ['Retry-After wins', err(429, { 'retry-after': '3' }), 0, 3000],
    [
      'rate-limited 403 waits for the reset',
      err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '110' }),
      0,
      10_000,
    ],
    ['plain 403 is not retried', err(403), 0, undefined],
    ['422 is not retried', err(422), 0, undefined],
    ['network error is retried', new Error('socket hang up'), 0, 100],
  ])('%s', (_name, error, attempt, expected) => {
    // random 1: the backoff's jitter at its top (util/retry.ts backoffDelay).
    expect(retryDelayMs(error, attempt, { baseDelayMs: 100, now: 100_000, random: () => 1 })).toBe(expected);
  });
});
