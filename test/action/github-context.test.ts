/** The run's context as @actions/github reads it from the runner, mapped to what the action relies on. */
import { describe, expect, it } from 'vitest';
import { readGitHubContext, type RunnerContext } from '../../src/action/github-context.js';

const runner = (over: Partial<RunnerContext>): RunnerContext => ({
  eventName: 'push',
  sha: 'a'.repeat(40),
  ref: 'refs/heads/main',
  payload: {},
  apiUrl: 'https://api.github.com',
  serverUrl: 'https://github.com/',
  runId: 42,
  repository: 'acme/genie',
  ...over,
});

const pr = (headRepo: string) => ({
  pull_request: {
    number: 7,
    head: { sha: 'h'.repeat(40), ref: 'feature', repo: { full_name: headRepo } },
    base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/genie' } },
  },
  repository: { default_branch: 'main' },
});

describe('readGitHubContext', () => {
  it('maps a pull_request event, its run URL and default branch, and tells a fork apart', () => {
    const same = readGitHubContext(runner({ eventName: 'pull_request', payload: pr('acme/genie') }));
    expect(same).toMatchObject({
      eventName: 'pull_request',
      owner: 'acme',
      repo: 'genie',
      serverUrl: 'https://github.com',
      runUrl: 'https://github.com/acme/genie/actions/runs/42',
      defaultBranch: 'main',
      pullRequest: { number: 7, headRef: 'feature', baseRef: 'main', fromFork: false },
    });
    const fork = readGitHubContext(runner({ eventName: 'pull_request_target', payload: pr('someone/genie') }));
    expect(fork.pullRequest?.fromFork).toBe(true);
  });

  it('reads a push payload, and no run URL without a run id', () => {
    const push = readGitHubContext(runner({ payload: { before: '1'.repeat(40), after: '2'.repeat(40) }, runId: NaN }));
    expect(push.push).toEqual({ before: '1'.repeat(40), after: '2'.repeat(40) });
    expect(push.runUrl).toBeUndefined();
  });

  it('refuses a pull_request event whose payload has no pull request, saying what to do', () => {
    expect(() => readGitHubContext(runner({ eventName: 'pull_request', payload: {} }))).toThrow(
      /the pull_request event payload has no pull_request/,
    );
  });
});
