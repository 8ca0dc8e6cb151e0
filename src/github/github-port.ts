/**
 * The GitHub side of the repository port: the handful of pull request, comment, label and
 * status operations the commands need. The Octokit adapter implements it; tests use a fake.
 */

export interface PullRequest {
  number: number;
  url: string;
  state: 'open' | 'closed';
  title: string;
  body: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  labels: string[];
  merged: boolean;
  /** For a merged PR: the commit the merge put on the base branch (merge, squash or last rebased commit). */
  mergeCommitSha?: string;
}

export interface IssueComment {
  id: number;
  body: string;
  url: string;
}

export type CommitState = 'pending' | 'success' | 'failure' | 'error';

export interface CommitStatus {
  state: CommitState;
  /** Names the check on the commit; one per space. */
  context: string;
  /** At most 140 characters (GitHub truncates longer ones). */
  description: string;
  targetUrl?: string;
}

/** A GitHub deployment, as the deploy drift guard records and reads them. */
export interface Deployment {
  id: number;
  /** The commit deployed. */
  sha: string;
  environment: string;
  task: string;
  /** What the deployer stored with it (decoded when GitHub returns it as a JSON string). */
  payload: unknown;
  createdAt: string;
}

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive' | 'queued' | 'pending';

export interface GitHubPort {
  /** The repository's default branch. */
  defaultBranch(): Promise<string>;
  /** The open PR whose head is `branch` in this repository, if any. */
  findOpenPullRequest(branch: string): Promise<PullRequest | undefined>;
  /** Every PR whose head is `branch` in this repository, in the given state, newest first. */
  listPullRequests(branch: string, state: 'open' | 'closed' | 'all'): Promise<PullRequest[]>;
  createPullRequest(input: { head: string; base: string; title: string; body: string }): Promise<PullRequest>;
  updatePullRequest(number: number, input: { title?: string; body?: string }): Promise<PullRequest>;
  addLabels(number: number, labels: readonly string[]): Promise<void>;
  /** Removes one label; a label the PR does not carry is not an error. */
  removeLabel(number: number, label: string): Promise<void>;
  listComments(number: number): Promise<IssueComment[]>;
  createComment(number: number, body: string): Promise<IssueComment>;
  updateComment(commentId: number, body: string): Promise<IssueComment>;
  setCommitStatus(sha: string, status: CommitStatus): Promise<void>;
  /** The statuses set on a commit, newest first (the first 100). */
  listCommitStatuses(sha: string): Promise<CommitStatus[]>;
  /** The PRs a commit belongs to (for a merged PR's merge, squash or rebased commit: that PR). */
  pullRequestsOfCommit(sha: string): Promise<PullRequest[]>;
  /** Deployments of one environment and task, newest first (the first `limit`, default 30). */
  listDeployments(filter: { environment: string; task: string; limit?: number }): Promise<Deployment[]>;
  createDeployment(input: {
    ref: string;
    environment: string;
    task: string;
    description: string;
    payload: Record<string, unknown>;
  }): Promise<Deployment>;
  /** The states a deployment went through, newest first. */
  listDeploymentStatuses(deploymentId: number): Promise<DeploymentState[]>;
  setDeploymentStatus(deploymentId: number, state: DeploymentState, description: string): Promise<void>;
}
