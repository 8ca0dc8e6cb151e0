/** The GitHubPort over Octokit: REST responses are parsed with zod at this boundary, failures become GitHubApiError. */
import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { GitHubApiError } from './github-error.js';
import type { CommitStatus, Deployment, DeploymentState, GitHubPort, IssueComment, PullRequest } from '../ports.js';
import { messageOf } from '../errors.js';

const PullSchema = z.looseObject({
  number: z.number(),
  html_url: z.string(),
  state: z.enum(['open', 'closed']),
  title: z.string(),
  body: z.string().nullable().optional(),
  head: z.looseObject({ ref: z.string(), sha: z.string() }),
  base: z.looseObject({ ref: z.string() }),
  labels: z.array(z.union([z.string(), z.looseObject({ name: z.string().optional() })])).optional(),
  merged_at: z.string().nullable().optional(),
  merge_commit_sha: z.string().nullable().optional(),
});

const CommentSchema = z.looseObject({ id: z.number(), body: z.string().nullable().optional(), html_url: z.string() });

function toPull(data: unknown): PullRequest {
  const pr = PullSchema.parse(data);
  return {
    number: pr.number,
    url: pr.html_url,
    state: pr.state,
    title: pr.title,
    body: pr.body ?? '',
    headRef: pr.head.ref,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
    labels: (pr.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    merged: Boolean(pr.merged_at),
    ...(pr.merged_at && pr.merge_commit_sha ? { mergeCommitSha: pr.merge_commit_sha } : {}),
  };
}

const StatusSchema = z.looseObject({
  state: z.string(),
  context: z.string().optional(),
  description: z.string().nullable().optional(),
  target_url: z.string().nullable().optional(),
});

const STATES = new Set(['pending', 'success', 'failure', 'error']);

function toStatus(data: unknown): CommitStatus | undefined {
  const s = StatusSchema.parse(data);
  if (!STATES.has(s.state)) return undefined;
  return {
    state: s.state as CommitStatus['state'],
    context: s.context ?? 'default',
    description: s.description ?? '',
    ...(s.target_url ? { targetUrl: s.target_url } : {}),
  };
}

const DeploymentSchema = z.looseObject({
  id: z.number(),
  sha: z.string(),
  environment: z.string(),
  task: z.string(),
  payload: z.unknown().optional(),
  created_at: z.string(),
});

const DeploymentStatusSchema = z.looseObject({
  state: z.enum(['error', 'failure', 'inactive', 'pending', 'success', 'queued', 'in_progress']),
});

function toDeployment(data: unknown): Deployment {
  const d = DeploymentSchema.parse(data);
  let payload: unknown = d.payload ?? {};
  // GitHub may hand a payload back as the JSON string it was stored as.
  if (typeof payload === 'string') {
    try {
      payload = JSON.parse(payload) as unknown;
    } catch {
      // keep the string: the reader finds no fields in it
    }
  }
  return { id: d.id, sha: d.sha, environment: d.environment, task: d.task, payload, createdAt: d.created_at };
}

function toComment(data: unknown): IssueComment {
  const c = CommentSchema.parse(data);
  return { id: c.id, body: c.body ?? '', url: c.html_url };
}

/** Maps Octokit's errors (and bad response shapes) to GitHubApiError naming the operation. */
async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof GitHubApiError) throw error;
    if (error instanceof z.ZodError)
      throw new GitHubApiError(operation, 200, `unexpected response shape: ${error.issues[0]?.message ?? 'invalid'}`);
    const status =
      typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 0;
    throw new GitHubApiError(operation, status, messageOf(error));
  }
}

type PullRequestOps = Pick<
  GitHubPort,
  | 'defaultBranch'
  | 'findOpenPullRequest'
  | 'listPullRequests'
  | 'createPullRequest'
  | 'updatePullRequest'
  | 'pullRequestsOfCommit'
>;
type IssueOps = Pick<GitHubPort, 'addLabels' | 'removeLabel' | 'listComments' | 'createComment' | 'updateComment'>;
type CommitStatusOps = Pick<GitHubPort, 'setCommitStatus' | 'listCommitStatuses'>;
type DeploymentOps = Pick<
  GitHubPort,
  'listDeployments' | 'createDeployment' | 'listDeploymentStatuses' | 'setDeploymentStatus'
>;

/** The repository every call names, and the client that makes it. */
interface RepoContext {
  octokit: Octokit;
  owner: string;
  repo: string;
}

export function createGitHub(octokit: Octokit, repository: { owner: string; repo: string }): GitHubPort {
  const ctx: RepoContext = { octokit, owner: repository.owner, repo: repository.repo };
  return { ...pullRequestOps(ctx), ...issueOps(ctx), ...commitStatusOps(ctx), ...deploymentOps(ctx) };
}

/** Pull requests and the repository they belong to. */
function pullRequestOps({ octokit, owner, repo }: RepoContext): PullRequestOps {
  return {
    defaultBranch: () =>
      call('get repository', async () => {
        const { data } = await octokit.rest.repos.get({ owner, repo });
        return z.looseObject({ default_branch: z.string() }).parse(data).default_branch;
      }),
    findOpenPullRequest: (branch) =>
      call('list pull requests', async () => {
        const { data } = await octokit.rest.pulls.list({
          owner,
          repo,
          state: 'open',
          head: `${owner}:${branch}`,
          per_page: 100,
        });
        // Filter again: a server that ignores `head` must not make us update somebody else's PR.
        return data.map(toPull).find((pr) => pr.headRef === branch && pr.state === 'open');
      }),
    listPullRequests: (branch, state) =>
      call(`list ${state} pull requests`, async () => {
        const data = await octokit.paginate(octokit.rest.pulls.list, {
          owner,
          repo,
          state,
          head: `${owner}:${branch}`,
          sort: 'created',
          direction: 'desc',
          per_page: 100,
        });
        return data.map(toPull).filter((pr) => pr.headRef === branch && (state === 'all' || pr.state === state));
      }),
    createPullRequest: (input) =>
      call('create pull request', async () => {
        const { data } = await octokit.rest.pulls.create({ owner, repo, ...input, maintainer_can_modify: true });
        return toPull(data);
      }),
    updatePullRequest: (number, input) =>
      call(`update pull request #${number}`, async () => {
        const { data } = await octokit.rest.pulls.update({ owner, repo, pull_number: number, ...input });
        return toPull(data);
      }),
    pullRequestsOfCommit: (sha) =>
      call(`list pull requests of ${sha.slice(0, 7)}`, async () => {
        const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
          owner,
          repo,
          commit_sha: sha,
          per_page: 100,
        });
        return data.map(toPull);
      }),
  };
}

/** Labels and comments of a pull request (GitHub files both under issues). */
function issueOps({ octokit, owner, repo }: RepoContext): IssueOps {
  return {
    addLabels: (number, labels) =>
      call(`add labels to #${number}`, async () => {
        if (labels.length > 0)
          await octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels: [...labels] });
      }),
    removeLabel: (number, label) =>
      call(`remove label "${label}" from #${number}`, async () => {
        try {
          await octokit.rest.issues.removeLabel({ owner, repo, issue_number: number, name: label });
        } catch (error) {
          // 404: the PR no longer carries the label (a person removed it): the wanted state already holds.
          if ((error as { status?: unknown }).status !== 404) throw error;
        }
      }),
    listComments: (number) =>
      call(`list comments of #${number}`, async () => {
        const data = await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: number,
          per_page: 100,
        });
        return data.map(toComment);
      }),
    createComment: (number, body) =>
      call(`comment on #${number}`, async () => {
        const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
        return toComment(data);
      }),
    updateComment: (commentId, body) =>
      call(`update comment ${commentId}`, async () => {
        const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
        return toComment(data);
      }),
  };
}

/** Commit statuses: the checks a pull request shows. */
function commitStatusOps({ octokit, owner, repo }: RepoContext): CommitStatusOps {
  return {
    setCommitStatus: (sha, status: CommitStatus) =>
      call(`set commit status on ${sha.slice(0, 7)}`, async () => {
        await octokit.rest.repos.createCommitStatus({
          owner,
          repo,
          sha,
          state: status.state,
          context: status.context,
          description: status.description.slice(0, 140),
          ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
        });
      }),
    listCommitStatuses: (sha) =>
      call(`list statuses of ${sha.slice(0, 7)}`, async () => {
        const { data } = await octokit.rest.repos.listCommitStatusesForRef({ owner, repo, ref: sha, per_page: 100 });
        return data.map(toStatus).filter((s): s is CommitStatus => s !== undefined);
      }),
  };
}

/** Deployments and their statuses: the record the drift guard reads. */
function deploymentOps({ octokit, owner, repo }: RepoContext): DeploymentOps {
  return {
    listDeployments: (filter) =>
      call(`list deployments of ${filter.environment}`, async () => {
        const { data } = await octokit.rest.repos.listDeployments({
          owner,
          repo,
          environment: filter.environment,
          task: filter.task,
          per_page: Math.min(100, filter.limit ?? 30),
        });
        // GitHub lists newest first; filter again in case a server ignores the query.
        return data
          .map(toDeployment)
          .filter((d) => d.environment === filter.environment && d.task === filter.task)
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
      }),
    createDeployment: (input) =>
      call(`create deployment for ${input.environment}`, async () => {
        const { data } = await octokit.rest.repos.createDeployment({
          owner,
          repo,
          ref: input.ref,
          environment: input.environment,
          task: input.task,
          description: input.description.slice(0, 140),
          payload: input.payload,
          // The deploy job itself decides; GitHub must neither merge the default branch nor wait for checks.
          auto_merge: false,
          required_contexts: [],
          transient_environment: false,
          production_environment: true,
        });
        return toDeployment(data);
      }),
    listDeploymentStatuses: (deploymentId) =>
      call(`list statuses of deployment ${deploymentId}`, async () => {
        const { data } = await octokit.rest.repos.listDeploymentStatuses({
          owner,
          repo,
          deployment_id: deploymentId,
          per_page: 100,
        });
        return data.map((s) => DeploymentStatusSchema.parse(s).state as DeploymentState);
      }),
    setDeploymentStatus: (deploymentId, state, description) =>
      call(`set status of deployment ${deploymentId}`, async () => {
        await octokit.rest.repos.createDeploymentStatus({
          owner,
          repo,
          deployment_id: deploymentId,
          state,
          description: description.slice(0, 140),
          // Older successes of the environment become inactive, as GitHub shows them.
          auto_inactive: true,
        });
      }),
  };
}
