/**
 * After a space deployed (or was already up to date), its merged enhancement PRs still labelled
 * pending become deployed, but only those whose merge commit is part of what was deployed: a
 * slow deploy of an older push must not mark a PR merged after it.
 */
import { DEPLOYED_LABEL, PENDING_LABEL, enhanceBranch, mergedPending, relabel } from '../gitops/enhancement-labels.js';
import { REMOTE } from '../gitops/bot-branch.js';
import type { Git, GitHubPort } from '../ports.js';

export interface DeployLabelResult {
  /** PRs relabelled deployed. */
  deployed: number[];
  /** PRs left pending, with why. */
  stillPending: Array<{ number: number; reason: string }>;
}

export async function markDeployedPulls(
  github: GitHubPort,
  git: Git,
  space: string,
  deployedSha: string,
): Promise<DeployLabelResult> {
  const result: DeployLabelResult = { deployed: [], stillPending: [] };
  const pending = mergedPending(await github.listPullRequests(enhanceBranch(space), 'closed'));
  for (const pr of pending) {
    const included = await mergeIncluded(git, pr.mergeCommitSha, deployedSha);
    if (included !== true) {
      result.stillPending.push({
        number: pr.number,
        reason:
          included === false
            ? `its merge ${pr.mergeCommitSha?.slice(0, 7)} is not in the deployed commit ${deployedSha.slice(0, 7)}; the deploy of its push will mark it`
            : `its merge commit ${pr.mergeCommitSha?.slice(0, 7)} is not in this checkout (check out with fetch-depth: 0)`,
      });
      continue;
    }
    await relabel(github, pr, { add: [DEPLOYED_LABEL], remove: [PENDING_LABEL] });
    result.deployed.push(pr.number);
  }
  return result;
}

/** True when the merge commit is an ancestor of (or is) the deployed commit; undefined when git cannot tell. */
async function mergeIncluded(
  git: Git,
  mergeSha: string | undefined,
  deployedSha: string,
): Promise<boolean | undefined> {
  // GitHub always reports a merged PR's merge commit; without one, the merged state is all we know.
  if (!mergeSha) return true;
  await git.tryFetchCommit(REMOTE, mergeSha);
  return git.tryIsAncestor(mergeSha, deployedSha);
}

/** One line for the deploy report, empty when there was nothing to label. */
export function describeDeployLabels(result: DeployLabelResult): string {
  const parts: string[] = [];
  if (result.deployed.length > 0)
    parts.push(`${result.deployed.map((n) => `PR #${n}`).join(', ')} labelled "${DEPLOYED_LABEL}"`);
  for (const p of result.stillPending) parts.push(`PR #${p.number} stays "${PENDING_LABEL}": ${p.reason}`);
  return parts.join('; ');
}
