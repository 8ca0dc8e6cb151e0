/**
 * `enhance` in the action: run the loop, then propose the result as one PR per space on
 * genie-gitops/enhance/<space> (force-updated each run, never a second PR), labelled, with the
 * score as a commit status on the PR head (a PR opened with the workflow token triggers no
 * other workflow, so the score must be published by this run itself).
 * Before the loop: a merged enhancement PR not yet deployed stops the run (a new PR would be
 * built on a config the live space does not have yet), and PRs closed without merging turn
 * their fixes into rejected lessons (see reviewer-rejections.ts).
 */
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
import { resumeFromOpenPr, type Resumed } from './enhance-resume.js';
import { appendRun, historySection, type RunEntry } from '../report/run-history.js';
import { pct } from '../util/percent.js';
import { enhanceStatusContext } from './deploy-baseline.js';
import { repoRelative } from '../space/repository.js';

export { enhanceBranch } from '../gitops/enhancement-labels.js';

export interface EnhancePrOptions extends Omit<EnhanceOptions, 'dryRun'> {
  git: Git;
  github: GitHubPort;
  /** Base branch of the PR; default the repository's default branch. */
  baseBranch?: string;
  /** Where the untruncated report is, named in the PR body when it must be cut. */
  fullReportHint?: string;
  /** Start from the open enhancement PR's config and lessons when it is safe (enhance-resume.ts); default true. */
  resume?: boolean;
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
  /** Set when the run started from the open PR's config and lessons. */
  resumed?: { pr: number; earlierRuns: number };
  /** The runs of this PR, this one last (as the PR body lists them). */
  history?: RunEntry[];
}

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
  const branchRef = check.remoteSha ? `refs/remotes/${REMOTE}/${branch}` : undefined;
  // Before the rejections are recorded: they go into the lessons the run starts from.
  const { resumed, resumeMessage } = await resumeRun(options, branch, branchRef);
  const rejections = await recordReviewerRejections(options, closed, branchRef);
  const result = await enhanceCommand({ ...options, dryRun: false });
  const honoured = describeRejections(rejections) + (resumeMessage ? `; ${resumeMessage}` : '');
  // A resumed run that kept nothing new still updates the PR: its lessons and the history of runs.
  if (!result.changed && !resumed) return noImprovement(options, { branch, result, rejections, honoured });
  const history = appendRun(resumed?.history ?? [], result);
  const published = await publishBotBranch(git, {
    branch,
    paths: writtenPaths(options, result, resumed),
    message: commitMessage(space, result),
    expectedRemoteSha: check.remoteSha,
  });
  const upserted = await upsertPullRequest(github, {
    branch,
    base: baseBranch,
    // The title spans the whole PR: from the base branch's config to this run's result.
    title: prTitle(space, result, history),
    body: prBody(options, result, history, resumed, rejections),
    // Pending from the start: once merged it stays pending until deploy labels it deployed.
    labels: ['genie-gitops', `space:${space}`, PENDING_LABEL],
  });
  await publishScoreStatus(github, published.sha, space, result);
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
    ...(resumed ? { resumed: { pr: resumed.pr.number, earlierRuns: resumed.history.length } } : {}),
    history,
    message: `${pushed}; PR #${upserted.pr.number} ${upserted.action}${honoured}`,
  };
}

/** Starts from the open PR's config and lessons when it is safe (unless resume is off), saying so in the log. */
async function resumeRun(
  options: EnhancePrOptions,
  branch: string,
  branchRef: string | undefined,
): Promise<{ resumed?: Resumed; resumeMessage?: string }> {
  const resume =
    options.resume === false
      ? {}
      : await resumeFromOpenPr({
          git: options.git,
          root: options.root,
          space: options.space,
          layout: options.layout,
          open: await options.github.findOpenPullRequest(branch),
          branchRef,
        });
  const resumed = resume.resumed;
  const resumeMessage = resumed?.message ?? resume.message;
  if (resumeMessage) options.log?.(resumeMessage);
  return { resumed, resumeMessage };
}

/** Nothing improved: no PR is opened or changed; the open one, if any, is named. */
async function noImprovement(
  options: EnhancePrOptions,
  run: { branch: string; result: EnhanceResult; rejections: ReviewerRejections; honoured: string },
): Promise<EnhancePrResult> {
  const { branch, result } = run;
  const open = await options.github.findOpenPullRequest(branch);
  const left = open ? `the open PR #${open.number} was left as it is` : 'no PR was opened';
  return {
    space: options.space,
    branch,
    outcome: 'no-improvement',
    result,
    pr: open,
    reviewerRejections: run.rejections,
    message: `nothing improved (${result.stopReason}); ${left}${run.honoured}`,
  };
}

/** The files enhance wrote, repository-relative: the config (wherever the layout keeps it), the lessons, and any restored. */
function writtenPaths(options: EnhancePrOptions, result: EnhanceResult, resumed: Resumed | undefined): string[] {
  const rel = (file: string) => repoRelative(options.root, file);
  return [
    ...new Set([
      ...result.written.map(rel),
      rel(lessonsFile(options.root, options.space)),
      ...(resumed?.restored ?? []),
    ]),
  ];
}

function commitMessage(space: string, { before, after }: EnhanceResult): string {
  return `genie-gitops: enhance ${space} (train ${pct(before.totals.train.score)} -> ${pct(after.totals.train.score)}, holdout ${pct(before.totals.holdout.score)} -> ${pct(after.totals.holdout.score)})`;
}

/** The PR's title: train from the PR's first run (or this run's start) to this run's result. */
function prTitle(space: string, { before, after }: EnhanceResult, history: RunEntry[]): string {
  const first = history[0];
  const startTrain = first.before.train.total
    ? first.before.train.passed / first.before.train.total
    : before.totals.train.score;
  return `genie-gitops: enhance ${space} (train ${pct(startTrain)} → ${pct(after.totals.train.score)})`;
}

/** The report, cut to leave room for the history of runs and the reviewers' rejections that follow it. */
function prBody(
  options: EnhancePrOptions,
  result: EnhanceResult,
  history: RunEntry[],
  resumed: Resumed | undefined,
  rejections: ReviewerRejections,
): string {
  const note = rejectionNote(rejections);
  const runs = historySection(history);
  const report = renderEnhanceMarkdown(result, {
    maxChars: GITHUB_BODY_LIMIT - note.length - runs.length,
    fullReportHint: options.fullReportHint,
    preface: resumed
      ? [
          `This is run ${history.at(-1)!.run} of this PR: it ${resumed.message}. The score table compares with the config it resumed from; every run is listed at the end.`,
          '',
        ]
      : [],
  });
  return report + runs + note;
}

/** Like the PR check: compared on the questions answered in both; too many outages is an error, not a failure. */
async function publishScoreStatus(
  github: GitHubPort,
  sha: string,
  space: string,
  result: EnhanceResult,
): Promise<void> {
  const { before, after } = result;
  const paired = pairedAnswered(after, before);
  const unsure = inconclusiveVerdict([
    { label: 'after', card: after },
    { label: 'before', card: before },
  ]);
  await github.setCommitStatus(sha, {
    state: unsure ? 'error' : paired.head.score >= paired.base.score ? 'success' : 'failure',
    context: enhanceStatusContext(space),
    description: scoreStatusDescription(result),
  });
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
