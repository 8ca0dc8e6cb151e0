/**
 * `enhance` in the action: run the loop, then propose the result as one PR per space on
 * genie-gitops/enhance/<space> (force-updated each run, never a second PR), labelled, with the
 * score as a commit status on the PR head (a PR opened with the workflow token triggers no
 * other workflow, so the score must be published by this run itself).
 * Before the loop: a merged enhancement PR not yet deployed stops the run (a new PR would be
 * built on a config the live space does not have yet), and PRs closed without merging turn
 * their fixes into rejected lessons (see reviewer-rejections.ts).
 */
import path from 'node:path';
import { REMOTE, checkBotBranch, publishBotBranch } from '../gitops/bot-branch.js';
import {
  LESSONS_RECORDED_LABEL,
  PENDING_LABEL,
  closedUnrecorded,
  enhanceBranch,
  mergedPending,
  relabel,
} from '../gitops/enhancement-labels.js';
import type { Git, GitHubPort, PullRequest } from '../ports.js';
import { upsertPullRequest } from '../gitops/pull-request-upsert.js';
import { GITHUB_BODY_LIMIT, renderEnhanceMarkdown } from '../report/enhance-report.js';
import { readLessons, writeLessons } from '../loop/lessons.js';
import { inconclusiveVerdict, pairedAnswered } from '../scoring/errored-gate.js';
import { enhanceCommand, lessonsFile, type EnhanceOptions, type EnhanceResult } from './enhance.js';
import { applyRejections, collectReviewerRejections, type ReviewerRejections } from './reviewer-rejections.js';

export { enhanceBranch } from '../gitops/enhancement-labels.js';

export interface EnhancePrOptions extends Omit<EnhanceOptions, 'dryRun'> {
  git: Git;
  github: GitHubPort;
  /** Base branch of the PR; default the repository's default branch. */
  baseBranch?: string;
  /** Where the untruncated report is, named in the PR body when it must be cut. */
  fullReportHint?: string;
}

export type EnhancePrOutcome =
  'created' | 'updated' | 'unchanged' | 'no-improvement' | 'blocked' | 'waiting-for-deploy';

export interface EnhancePrResult {
  space: string;
  branch: string;
  outcome: EnhancePrOutcome;
  message: string;
  result?: EnhanceResult;
  pr?: PullRequest;
  /** The commit the PR head points at. */
  headSha?: string;
  /** Fixes turned into rejected lessons because a reviewer closed their PR without merging. */
  reviewerRejections?: ReviewerRejections;
}

export const SCORE_STATUS_CONTEXT = (space: string) => `genie-gitops/score (${space})`;

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
  const closed = await github.listPullRequests(branch, 'closed');
  const waiting = mergedPending(closed);
  if (waiting.length > 0) {
    const prs = waiting.map((pr) => `#${pr.number}`).join(', ');
    const message = `the merged enhancement PR ${prs} is not deployed yet (label "${PENDING_LABEL}"); no new enhancement PR is opened until deploy labels it deployed`;
    return { space, branch, outcome: 'waiting-for-deploy', message };
  }
  // A person's commit on the branch wins: check before spending a whole loop.
  const check = await checkBotBranch(git, branch, 'HEAD');
  if (!check.ok) return { space, branch, outcome: 'blocked', message: check.reason };
  const baseBranch = options.baseBranch ?? (await github.defaultBranch());
  const rejections = await recordReviewerRejections(
    options,
    closed,
    check.remoteSha ? `refs/remotes/${REMOTE}/${branch}` : undefined,
  );
  const result = await enhanceCommand({ ...options, dryRun: false });
  const honoured = describeRejections(rejections);
  if (!result.changed) {
    const open = await github.findOpenPullRequest(branch);
    const left = open ? `the open PR #${open.number} was left as it is` : 'no PR was opened';
    return {
      space,
      branch,
      outcome: 'no-improvement',
      result,
      pr: open,
      reviewerRejections: rejections,
      message: `nothing improved (${result.stopReason}); ${left}${honoured}`,
    };
  }
  const rel = (file: string) => path.relative(options.root, file).split(path.sep).join('/');
  // The files enhance wrote: the config (wherever the layout keeps it) and the lessons.
  const paths = [...new Set([...result.written.map(rel), rel(lessonsFile(options.root, space))])];
  const { before, after } = result;
  const published = await publishBotBranch(git, {
    branch,
    paths,
    message: `genie-gitops: enhance ${space} (train ${pct(before.totals.train.score)} -> ${pct(after.totals.train.score)}, holdout ${pct(before.totals.holdout.score)} -> ${pct(after.totals.holdout.score)})`,
    expectedRemoteSha: check.remoteSha,
  });
  const note = rejectionNote(rejections);
  const body =
    renderEnhanceMarkdown(result, {
      maxChars: GITHUB_BODY_LIMIT - note.length,
      fullReportHint: options.fullReportHint,
    }) + note;
  const upserted = await upsertPullRequest(github, {
    branch,
    base: baseBranch,
    title: `genie-gitops: enhance ${space} (train ${pct(before.totals.train.score)} → ${pct(after.totals.train.score)})`,
    body,
    // Pending from the start: once merged it stays pending until deploy labels it deployed.
    labels: ['genie-gitops', `space:${space}`, PENDING_LABEL],
  });
  // Like the PR check: compared on the questions answered in both; too many outages is an error, not a failure.
  const paired = pairedAnswered(after, before);
  const unsure = inconclusiveVerdict([
    { label: 'after', card: after },
    { label: 'before', card: before },
  ]);
  await github.setCommitStatus(published.sha, {
    state: unsure ? 'error' : paired.head.score >= paired.base.score ? 'success' : 'failure',
    context: SCORE_STATUS_CONTEXT(space),
    description: scoreStatusDescription(result),
  });
  // The rejections are now in a PR's lessons (this one's, and its head's if it is closed too).
  for (const pr of closed) {
    if (rejections.readPulls.includes(pr.number))
      await relabel(github, pr, { add: [LESSONS_RECORDED_LABEL], remove: [PENDING_LABEL] });
  }
  const outcome: EnhancePrOutcome = !published.pushed && upserted.action === 'updated' ? 'unchanged' : upserted.action;
  const pushed = published.pushed
    ? `pushed ${published.sha.slice(0, 7)} to ${branch}`
    : `${branch} already had this config`;
  return {
    space,
    branch,
    outcome,
    result,
    pr: upserted.pr,
    headSha: published.sha,
    reviewerRejections: rejections,
    message: `${pushed}; PR #${upserted.pr.number} ${upserted.action}${honoured}`,
  };
}

/** Reads closed-unmerged PRs and writes their fixes as rejected into the lessons file the loop reads. */
async function recordReviewerRejections(
  options: EnhancePrOptions,
  closed: readonly PullRequest[],
  branchRef: string | undefined,
): Promise<ReviewerRejections> {
  const file = lessonsFile(options.root, options.space);
  const base = readLessons(file, options.space);
  const rejections = await collectReviewerRejections({
    git: options.git,
    space: options.space,
    base,
    closed: closedUnrecorded(closed),
    branchRef,
  });
  if (rejections.records.length > 0) writeLessons(file, applyRejections(base, rejections.records));
  for (const u of rejections.unreadable)
    options.log?.(
      `PR #${u.number} (closed without merging): its fixes could not be read, ${u.reason}; trying again next run`,
    );
  return rejections;
}

function describeRejections(r: ReviewerRejections): string {
  const parts: string[] = [];
  if (r.records.length > 0)
    parts.push(`${r.records.length} fix(es) rejected by reviewers recorded as rejected lessons and not proposed again`);
  if (r.unreadable.length > 0)
    parts.push(`could not read the fixes of ${r.unreadable.map((u) => `PR #${u.number} (${u.reason})`).join(', ')}`);
  return parts.length ? `; ${parts.join('; ')}` : '';
}

function rejectionNote(r: ReviewerRejections): string {
  if (r.records.length === 0) return '';
  const items = r.records.map((x) => `- \`${x.type}\` ${x.summary}: ${x.reason}`);
  return ['', '', `### Fixes rejected by reviewers (${r.records.length}, not proposed again)`, '', ...items, '']
    .join('\n')
    .slice(0, 8000);
}
