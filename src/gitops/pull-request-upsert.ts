/** Idempotent PRs: one deterministic branch, at most one open PR from it, updated on every run. */
import type { GitHubPort, PullRequest } from '../ports.js';

export interface PullRequestSpec {
  branch: string;
  base: string;
  title: string;
  body: string;
  labels: readonly string[];
}

export interface UpsertResult {
  pr: PullRequest;
  action: 'created' | 'updated';
}

export async function upsertPullRequest(github: GitHubPort, spec: PullRequestSpec): Promise<UpsertResult> {
  const open = await github.findOpenPullRequest(spec.branch);
  const pr = open
    ? await github.updatePullRequest(open.number, { title: spec.title, body: spec.body })
    : await github.createPullRequest({ head: spec.branch, base: spec.base, title: spec.title, body: spec.body });
  const missing = spec.labels.filter((l) => !pr.labels.includes(l));
  if (missing.length > 0) await github.addLabels(pr.number, missing);
  return { pr: { ...pr, labels: [...pr.labels, ...missing] }, action: open ? 'updated' : 'created' };
}
