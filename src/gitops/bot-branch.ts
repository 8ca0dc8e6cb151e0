/**
 * Publishing files on a branch genie-gitops owns (genie-gitops/enhance/<space>, .../export/<space>):
 * commit them on top of the checked-out base and force-push, unless a person has pushed commits
 * there, whose work is never overwritten.
 */
import { GenieGitopsError } from '../errors.js';
import type { Git } from '../ports.js';

export const REMOTE = 'origin';

export type BranchCheck = { ok: true; remoteSha?: string } | { ok: false; reason: string; remoteSha: string };

/** Looks at the remote branch: absent or only bot commits -> ok; a person's commit -> not ok, with why. */
export async function checkBotBranch(git: Git, branch: string, base: string): Promise<BranchCheck> {
  const remoteSha = await git.tryRemoteBranchSha(REMOTE, branch);
  if (!remoteSha) return { ok: true };
  if (!(await git.tryFetchBranch(REMOTE, branch)))
    throw new GenieGitopsError(`cannot fetch ${branch} from ${REMOTE}`, 'check the token can read the repository');
  const commits = await git.commitsBetween(base, `refs/remotes/${REMOTE}/${branch}`);
  const human = commits.find((c) => c.authorEmail !== git.identity.email || c.committerEmail !== git.identity.email);
  if (human) {
    return {
      ok: false,
      remoteSha,
      reason: `${branch} has a commit by ${human.authorEmail} (${human.sha.slice(0, 7)} "${human.subject}"); genie-gitops does not force-push over a person's work. Merge or close that PR, or delete the branch, to let it run again`,
    };
  }
  return { ok: true, remoteSha };
}

export interface PublishResult {
  sha: string;
  /** False when the branch already held exactly these files. */
  pushed: boolean;
}

/**
 * Commits `paths` (already written in the working tree) on `branch` starting at the current HEAD,
 * force-pushes it with a lease on `expectedRemoteSha`, and returns to the original checkout.
 */
export async function publishBotBranch(
  git: Git,
  input: { branch: string; paths: readonly string[]; message: string; expectedRemoteSha?: string },
): Promise<PublishResult> {
  const original = (await git.tryCurrentBranch()) ?? (await git.revParse('HEAD'));
  await git.switchToNewBranch(input.branch);
  try {
    const sha = await git.commit(input.message, input.paths);
    if (input.expectedRemoteSha) {
      // Same tree as the remote branch: nothing to push, the PR already shows this change.
      const sameTree = (await git.exec(['diff', '--quiet', input.expectedRemoteSha, sha])).exitCode === 0;
      if (sameTree) return { sha: input.expectedRemoteSha, pushed: false };
    }
    await git.push(REMOTE, sha, input.branch, { expectedRemoteSha: input.expectedRemoteSha ?? '' });
    return { sha, pushed: true };
  } finally {
    await git.checkout(original);
  }
}
