/**
 * Automatic rollback after a post-deploy verification found a significant drop: `git revert`
 * of the deployed merge (`-m 1`: back to the branch it was merged into) as the bot, either on
 * `genie-gitops/rollback/<space>` with a PR labelled `genie-gitops: rollback` (mode pr), or
 * pushed straight to the default branch, which then deploys through the normal flow (mode push).
 * The revert commit carries a trailer, so a push that contains a rollback is recognised and never
 * rolled back automatically in turn (a rollback of a rollback is a person's decision).
 */
import { GenieGitopsError } from '../errors.js';
import { REMOTE, checkBotBranch } from './bot-branch.js';
import { ZERO_SHA, type Git, type GitHubPort, type PullRequest } from '../ports.js';
import { upsertPullRequest } from './pull-request-upsert.js';

export const ROLLBACK_LABEL = 'genie-gitops: rollback';
export const ROLLBACK_TRAILER = 'Genie-Gitops-Rollback';
export const AUTO_ROLLBACK_MODES = ['pr', 'push', 'off'] as const;
export type AutoRollback = (typeof AUTO_ROLLBACK_MODES)[number];

export function rollbackBranch(space: string): string {
  return `genie-gitops/rollback/${space}`;
}

/** Whether the pushed commits (before..after, or `after` alone) contain a rollback made by genie-gitops. */
export async function containsRollback(git: Git, before: string | undefined, after: string): Promise<boolean> {
  const range =
    before && !ZERO_SHA.test(before) && (await git.tryRevParse(before)) ? [`${before}..${after}`] : ['-1', after];
  const log = await git.run(['log', '--format=%B%x00', ...range]);
  return log.includes(`${ROLLBACK_TRAILER}:`) || log.includes('genie-gitops/rollback/');
}

export interface RollbackInput {
  git: Git;
  github?: GitHubPort;
  space: string;
  mode: 'pr' | 'push';
  /** The deployed commit to revert (a merge commit, or a single commit pushed directly). */
  commit: string;
  /** The branch the commit is on (the default branch). */
  baseBranch: string;
  /** Repository-relative config path: checked to be restored byte for byte. */
  configPath: string;
  /** Why, for the commit message: one line. */
  reason: string;
  /** The PR body (see report/rollback-markdown.ts); `restores` is filled in by the caller's renderer. */
  body: (facts: { revertSha: string; restores: boolean }) => string;
  title: string;
}

export interface RollbackOutcome {
  mode: 'pr' | 'push';
  branch: string;
  revertSha: string;
  /** The config file after the revert equals the one before the reverted commit. */
  restores: boolean;
  pr?: PullRequest;
  message: string;
}

/** Reverts, publishes and (mode pr) opens or updates the rollback PR; the checkout is restored afterwards. */
export async function createRollback(input: RollbackInput): Promise<RollbackOutcome> {
  const { git, space } = input;
  const branch = input.mode === 'pr' ? rollbackBranch(space) : input.baseBranch;
  if (input.mode === 'pr' && !input.github)
    throw new GenieGitopsError(
      'auto-rollback: pr opens a pull request and needs a GitHub token',
      'pass github-token, or use auto-rollback: push',
    );
  const check = input.mode === 'pr' ? await checkBotBranch(git, branch, input.commit) : undefined;
  if (check && !check.ok) throw new GenieGitopsError(`cannot prepare the rollback: ${check.reason}`);
  const original = (await git.tryCurrentBranch()) ?? (await git.revParse('HEAD'));
  const subject = (await git.message(input.commit)).split('\n')[0]!.trim();
  const message = [
    `Revert "${subject}"`,
    '',
    `This reverts commit ${input.commit}: ${input.reason}`,
    '',
    `${ROLLBACK_TRAILER}: ${space}`,
  ].join('\n');
  await git.switchToNewBranch(`genie-gitops/rollback-work/${space}`, input.commit);
  try {
    const revertSha = await git.revert(input.commit, message);
    const before = await git.tryShow(`${input.commit}^1`, input.configPath);
    const restores = before !== undefined && before === (await git.tryShow(revertSha, input.configPath));
    if (input.mode === 'push') {
      await git.push(REMOTE, revertSha, input.baseBranch);
      return {
        mode: 'push',
        branch,
        revertSha,
        restores,
        message: `pushed the revert ${revertSha.slice(0, 7)} to ${input.baseBranch}; it deploys through the normal flow`,
      };
    }
    await git.push(REMOTE, revertSha, branch, { expectedRemoteSha: check?.remoteSha ?? '' });
    const upserted = await upsertPullRequest(input.github!, {
      branch,
      base: input.baseBranch,
      title: input.title,
      body: input.body({ revertSha, restores }),
      labels: ['genie-gitops', `space:${space}`, ROLLBACK_LABEL],
    });
    return {
      mode: 'pr',
      branch,
      revertSha,
      restores,
      pr: upserted.pr,
      message: `rollback PR #${upserted.pr.number} ${upserted.action} (${upserted.pr.url})`,
    };
  } finally {
    await git.checkout(original);
    await git.exec(['branch', '-D', `genie-gitops/rollback-work/${space}`]);
  }
}
