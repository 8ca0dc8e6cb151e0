/**
 * The workflow run as the runner describes it, parsed at the edge: @actions/github's context reads
 * the GITHUB_* variables and the event payload; the payload's shapes this action relies on are
 * checked here with zod.
 */
import { context as runnerContext } from '@actions/github';
import { z } from 'zod';
import { GenieGitopsError } from '../errors.js';

const PullRequestEventSchema = z.looseObject({
  number: z.number().optional(),
  pull_request: z.looseObject({
    number: z.number(),
    head: z.looseObject({
      sha: z.string(),
      ref: z.string(),
      repo: z.looseObject({ full_name: z.string() }).nullable().optional(),
    }),
    base: z.looseObject({
      sha: z.string(),
      ref: z.string(),
      repo: z.looseObject({ full_name: z.string() }).nullable().optional(),
    }),
  }),
});

const PushEventSchema = z.looseObject({ before: z.string(), after: z.string(), ref: z.string().optional() });

const RepositorySchema = z.looseObject({
  repository: z.looseObject({ default_branch: z.string().optional() }).optional(),
});

export interface PullRequestContext {
  number: number;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  /** From a fork: the token is read-only and secrets are withheld. */
  fromFork: boolean;
}

export interface GitHubContext {
  eventName: string;
  owner: string;
  repo: string;
  sha?: string;
  ref?: string;
  apiUrl: string;
  serverUrl: string;
  runUrl?: string;
  defaultBranch?: string;
  pullRequest?: PullRequestContext;
  push?: { before: string; after: string };
}

/** What @actions/github's context holds, and the repository (`owner/name`) the run is for. */
export interface RunnerContext {
  eventName?: string;
  sha?: string;
  ref?: string;
  payload: unknown;
  apiUrl: string;
  serverUrl: string;
  runId?: number;
  repository?: string;
}

/** The runner's own context (@actions/github read it from the environment when the action started). */
function fromRunner(): RunnerContext {
  return { ...runnerContext, repository: process.env.GITHUB_REPOSITORY };
}

export function readGitHubContext(runner: RunnerContext = fromRunner()): GitHubContext {
  const repository = runner.repository ?? '';
  const [owner, repo] = repository.split('/');
  const eventName = runner.eventName ?? '';
  const payload = runner.payload;
  const serverUrl = runner.serverUrl.replace(/\/+$/, '');
  const context: GitHubContext = {
    eventName,
    owner: owner ?? '',
    repo: repo ?? '',
    sha: runner.sha || undefined,
    ref: runner.ref || undefined,
    apiUrl: runner.apiUrl,
    serverUrl,
    runUrl: runner.runId && repository ? `${serverUrl}/${repository}/actions/runs/${runner.runId}` : undefined,
    defaultBranch: RepositorySchema.safeParse(payload).data?.repository?.default_branch,
  };
  if (eventName.startsWith('pull_request')) {
    const parsed = PullRequestEventSchema.safeParse(payload);
    if (!parsed.success)
      throw new GenieGitopsError(
        `the ${eventName} event payload has no pull_request`,
        'run score on pull_request events, or without a pull request context',
      );
    const pr = parsed.data.pull_request;
    context.pullRequest = {
      number: pr.number,
      headSha: pr.head.sha,
      headRef: pr.head.ref,
      baseSha: pr.base.sha,
      baseRef: pr.base.ref,
      fromFork: Boolean(pr.head.repo && pr.base.repo && pr.head.repo.full_name !== pr.base.repo.full_name),
    };
  }
  if (eventName === 'push') {
    const parsed = PushEventSchema.safeParse(payload);
    if (parsed.success) context.push = { before: parsed.data.before, after: parsed.data.after };
  }
  return context;
}
