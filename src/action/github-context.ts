/** The workflow run as the runner describes it (GITHUB_* variables and the event payload), parsed at the edge. */
import { existsSync, readFileSync } from 'node:fs';
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

export function readGitHubContext(env: Readonly<Record<string, string | undefined>> = process.env): GitHubContext {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const context: GitHubContext = {
    eventName,
    owner: owner ?? '',
    repo: repo ?? '',
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl,
    runUrl:
      env.GITHUB_RUN_ID && repository ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
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

function readPayload(file: string | undefined): unknown {
  if (!file || !existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new GenieGitopsError(`cannot read the event payload ${file}: ${(error as Error).message}`);
  }
}
