/**
 * Enhancement PRs carry their state in labels, so it lives on GitHub (where reviewers see it)
 * and not in a file a run would have to commit:
 * - `genie-gitops: pending`  from the moment enhance opens the PR; on a merged PR it means "in
 *   the repository but not yet on the live space". Labelling at open time needs no workflow at
 *   merge time (a merge triggers nothing of ours except the push that runs deploy).
 * - `genie-gitops: deployed` replaces it once deploy succeeded with the merge commit included.
 * - `genie-gitops: lessons-recorded` marks a PR closed without merging whose fixes were carried
 *   into the rejected lessons of a later enhancement PR, so it is not read again.
 */
import type { GitHubPort, PullRequest } from '../ports.js';

export const PENDING_LABEL = 'genie-gitops: pending';
export const DEPLOYED_LABEL = 'genie-gitops: deployed';
export const LESSONS_RECORDED_LABEL = 'genie-gitops: lessons-recorded';

/** The one branch enhance owns for a space. */
export function enhanceBranch(space: string): string {
  return `genie-gitops/enhance/${space}`;
}

/** Merged PRs whose config has not been deployed yet. */
export function mergedPending(pulls: readonly PullRequest[]): PullRequest[] {
  return pulls.filter((pr) => pr.state === 'closed' && pr.merged && pr.labels.includes(PENDING_LABEL));
}

/** PRs closed without merging whose fixes are not yet in the rejected lessons, oldest first. */
export function closedUnrecorded(pulls: readonly PullRequest[]): PullRequest[] {
  return pulls
    .filter((pr) => pr.state === 'closed' && !pr.merged && !pr.labels.includes(LESSONS_RECORDED_LABEL))
    .sort((a, b) => a.number - b.number);
}

/** Adds `add` and removes `remove` (only the ones the PR has or lacks), in that order so a PR is never left with neither. */
export async function relabel(
  github: GitHubPort,
  pr: PullRequest,
  change: { add?: readonly string[]; remove?: readonly string[] },
): Promise<void> {
  const add = (change.add ?? []).filter((l) => !pr.labels.includes(l));
  if (add.length > 0) await github.addLabels(pr.number, add);
  for (const label of change.remove ?? []) if (pr.labels.includes(label)) await github.removeLabel(pr.number, label);
}
