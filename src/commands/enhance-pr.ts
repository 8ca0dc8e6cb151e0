/**
 * `enhance` in the action: run the loop, then propose the result as one PR per space on
 * genie-gitops/enhance/<space> (force-updated each run, never a second PR), labelled, with the
 * score as a commit status on the PR head (a PR opened with the workflow token triggers no
 * other workflow, so the score must be published by this run itself).
 */
import path from 'node:path';
import { checkBotBranch, publishBotBranch } from '../github/bot-branch.js';
import type { GitCli } from '../github/git-cli.js';
import type { GitHubPort, PullRequest } from '../github/github-port.js';
import { upsertPullRequest } from '../github/pull-request-upsert.js';
import { GITHUB_BODY_LIMIT, renderEnhanceMarkdown } from '../report/enhance-report.js';
import { enhanceCommand, lessonsFile, type EnhanceOptions, type EnhanceResult } from './enhance.js';

export interface EnhancePrOptions extends Omit<EnhanceOptions, 'dryRun'> {
  git: GitCli;
  github: GitHubPort;
  /** Base branch of the PR; default the repository's default branch. */
  baseBranch?: string;
  /** Where the untruncated report is, named in the PR body when it must be cut. */
  fullReportHint?: string;
}

export type EnhancePrOutcome = 'created' | 'updated' | 'unchanged' | 'no-improvement' | 'blocked';

export interface EnhancePrResult {
  space: string;
  branch: string;
  outcome: EnhancePrOutcome;
  message: string;
  result?: EnhanceResult;
  pr?: PullRequest;
  /** The commit the PR head points at. */
  headSha?: string;
}

export const SCORE_STATUS_CONTEXT = (space: string) => `genie-gitops/score (${space})`;

export function enhanceBranch(space: string): string {
  return `genie-gitops/enhance/${space}`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pts = (d: number) => `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)}`;

/** The commit status line: train and holdout after, with the change in points. */
export function scoreStatusDescription(result: EnhanceResult): string {
  const { before, after } = result;
  return `train ${pct(after.totals.train.score)} (${pts(after.totals.train.score - before.totals.train.score)}), holdout ${pct(after.totals.holdout.score)} (${pts(after.totals.holdout.score - before.totals.holdout.score)})`;
}

export async function enhancePrCommand(options: EnhancePrOptions): Promise<EnhancePrResult> {
  const { git, github, space } = options;
  const branch = enhanceBranch(space);
  // A person's commit on the branch wins: check before spending a whole loop.
  const check = await checkBotBranch(git, branch, 'HEAD');
  if (!check.ok) return { space, branch, outcome: 'blocked', message: check.reason };
  const baseBranch = options.baseBranch ?? (await github.defaultBranch());
  const result = await enhanceCommand({ ...options, dryRun: false });
  if (!result.changed) {
    const open = await github.findOpenPullRequest(branch);
    const left = open ? `the open PR #${open.number} was left as it is` : 'no PR was opened';
    return { space, branch, outcome: 'no-improvement', result, pr: open, message: `nothing improved (${result.stopReason}); ${left}` };
  }
  const rel = (file: string) => path.relative(options.root, file).split(path.sep).join('/');
  const paths = [`spaces/${space}/space.json`, rel(lessonsFile(options.root, space))];
  const { before, after } = result;
  const published = await publishBotBranch(git, {
    branch,
    paths,
    message: `genie-gitops: enhance ${space} (train ${pct(before.totals.train.score)} -> ${pct(after.totals.train.score)}, holdout ${pct(before.totals.holdout.score)} -> ${pct(after.totals.holdout.score)})`,
    expectedRemoteSha: check.remoteSha,
  });
  const body = renderEnhanceMarkdown(result, { maxChars: GITHUB_BODY_LIMIT, fullReportHint: options.fullReportHint });
  const upserted = await upsertPullRequest(github, {
    branch,
    base: baseBranch,
    title: `genie-gitops: enhance ${space} (train ${pct(before.totals.train.score)} → ${pct(after.totals.train.score)})`,
    body,
    labels: ['genie-gitops', `space:${space}`],
  });
  await github.setCommitStatus(published.sha, {
    state: after.totals.all.score >= before.totals.all.score ? 'success' : 'failure',
    context: SCORE_STATUS_CONTEXT(space),
    description: scoreStatusDescription(result),
  });
  const outcome: EnhancePrOutcome = !published.pushed && upserted.action === 'updated' ? 'unchanged' : upserted.action;
  const pushed = published.pushed ? `pushed ${published.sha.slice(0, 7)} to ${branch}` : `${branch} already had this config`;
  return { space, branch, outcome, result, pr: upserted.pr, headSha: published.sha, message: `${pushed}; PR #${upserted.pr.number} ${upserted.action}` };
}
