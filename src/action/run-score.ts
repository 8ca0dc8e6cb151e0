/**
 * `score` in the action. On a pull request: head vs base per space, one sticky comment, the same
 * Markdown in the job summary, and a failure on min-score or a significant drop beyond max-regression. Elsewhere: a plain
 * scorecard of one space.
 */
import * as core from '@actions/core';
import { prScoreCommand, type PrScoreResult } from '../commands/pr-score.js';
import { scorerCommand } from '../commands/genie-eval-score.js';
import { scoreStatusContext } from '../commands/deploy-baseline.js';
import { renderAgreementMarkdown } from '../scoring/genie-eval-card.js';
import { DEFAULT_MAX_ERRORED, inconclusiveVerdict } from '../scoring/errored-gate.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { renderScorecardMarkdown, renderTotalsLine } from '../report/scorecard-markdown.js';
import { listSpaces, spacesTouchedBy } from '../space/repository.js';
import { group, selectedSpaces, type ActionRun, type StepOutcome } from './action-run.js';
import type { PullRequestContext } from './github-context.js';
import { minScoreFailure } from '../scoring/score-gate.js';
import { messageOf } from '../errors.js';
import { pct } from '../util/percent.js';

function setCardOutputs(card: Scorecard): void {
  core.setOutput('score', card.totals.all.score.toFixed(4));
  core.setOutput('passed', String(card.totals.all.passed));
  core.setOutput('total', String(card.totals.all.total));
  core.setOutput('answered', String(card.totals.all.answered));
  core.setOutput('errored', String(card.totals.all.errored));
  core.setOutput('train-score', card.totals.train.score.toFixed(4));
  core.setOutput('holdout-score', card.totals.holdout.score.toFixed(4));
}

export async function runScore(run: ActionRun): Promise<StepOutcome> {
  const pr = run.context.pullRequest;
  if (pr) return runPullRequestScore(run, pr);
  const failures: string[] = [];
  const spaces = selectedSpaces(run, 'score');
  const scores: Record<string, number> = {};
  let inconclusive = false;
  for (const space of spaces) {
    const scored = await group(`score ${space} (${run.inputs.backend}, scorer ${run.inputs.scorer})`, () =>
      scorerCommand({
        scorer: run.inputs.scorer,
        root: run.root,
        layout: run.layout,
        space,
        backend: run.backend,
        staging: run.inputs.staging,
        repeats: run.inputs.repeats,
        onProgress: (e) =>
          core.info(
            `[${e.done}/${e.total}] ${e.id} ${e.broken ? 'broken benchmark' : e.errored ? 'errored' : e.passed ? 'pass' : `fail (${e.category ?? e.verdict})`}`,
          ),
      }),
    );
    const card = scored.primary;
    // Outside the collapsed group, so the log shows the score without expanding anything.
    logScore(card);
    if (scored.ours && scored.genie && scored.agreement) {
      const both = renderAgreementMarkdown(space, scored.ours, scored.genie, scored.agreement);
      core.info(both.split('\n')[2] ?? '');
      await core.summary.addRaw(both).write();
      if (spaces.length === 1) {
        core.setOutput('genie-eval-score', scored.genie.totals.all.score.toFixed(4));
        core.setOutput('agreement', scored.agreement.rate.toFixed(4));
      }
    }
    // Per-card outputs describe one space; with several, `scores` maps each space to its score.
    if (spaces.length === 1) setCardOutputs(card);
    scores[space] = Number(card.totals.all.score.toFixed(4));
    await core.summary.addRaw(renderScorecardMarkdown(card, { title: `genie-gitops score: ${space}` })).write();
    const unsure = inconclusiveVerdict([{ label: space, card }], run.inputs.maxErrored ?? DEFAULT_MAX_ERRORED);
    if (unsure) {
      // Neutral: too many outages to say whether the score meets min-score.
      inconclusive = true;
      core.warning(`${space}: ${unsure.message}`, { title: 'genie-gitops: score inconclusive' });
      await core.summary
        .addRaw(`\n**⚪ Score check inconclusive** (neutral, not failed): ${unsure.message}.\n`)
        .write();
    } else {
      const belowMin = minScoreFailure(card.totals.all.score, run.inputs.minScore);
      if (belowMin) failures.push(`${spaces.length > 1 ? `${space}: ` : ''}${belowMin}`);
    }
  }
  core.setOutput('scores', JSON.stringify(scores));
  core.setOutput('inconclusive', String(inconclusive));
  return failures.length ? { failure: failures.join('; ') } : {};
}

/** The score line (and the failing questions by id) at the top level of the log. */
function logScore(card: Scorecard, base?: Scorecard): void {
  for (const line of renderTotalsLine(card).split('\n')) core.info(line);
  if (base) {
    const delta = (card.totals.all.score - base.totals.all.score) * 100;
    core.info(
      `base: ${(base.totals.all.score * 100).toFixed(1)}%, change ${delta >= 0 ? '+' : ''}${delta.toFixed(1)} points`,
    );
  }
  const failing = card.questions.filter((q) => !q.passed && q.expectedError === undefined);
  if (failing.length > 0)
    core.info(
      `failing questions (${failing.length}): ${failing.map((q) => `${q.id} (${q.category ?? 'failed'})`).join(', ')}`,
    );
}

/** The spaces a PR touches (their folder or their benchmarks), unless the inputs name them. */
async function prSpaces(run: ActionRun, pr: PullRequestContext): Promise<string[]> {
  if (run.inputs.all) return listSpaces(run.root, run.layout);
  if (run.inputs.space) return [run.inputs.space];
  return spacesTouchedByPr(run, pr);
}

/** The spaces whose folder or benchmark file the PR changes, that exist on its head. */
export async function spacesTouchedByPr(run: ActionRun, pr: PullRequestContext): Promise<string[]> {
  await run.git.tryFetchCommit('origin', pr.baseSha);
  const files = await run.git.changedFiles(pr.baseSha, 'HEAD');
  const names = spacesTouchedBy(run.root, files, { ...run.layout, benchmarks: true });
  const known = new Set(listSpaces(run.root, run.layout));
  return names.filter((n) => known.has(n));
}

async function runPullRequestScore(run: ActionRun, pr: PullRequestContext): Promise<StepOutcome> {
  const spaces = await prSpaces(run, pr);
  if (spaces.length === 0) {
    core.notice('This pull request changes no space or benchmark file: nothing to score.');
    return {};
  }
  if (run.inputs.scorer !== 'ours')
    core.notice(
      `scorer ${run.inputs.scorer}: the PR check compares head and base with our scorer; run score outside a pull request (or the CLI) for Genie's eval runs side by side`,
    );
  // A fork's token is read-only: score and summarise, but do not try to comment.
  const github = pr.fromFork ? undefined : run.github;
  if (!github)
    core.notice(
      `No writable GitHub token${pr.fromFork ? ' (pull request from a fork)' : ''}: the score is in the job summary, not in a PR comment.`,
    );
  const results: PrScoreResult[] = [];
  for (const space of spaces) {
    const result = await group(`score ${space}: head vs base (${run.inputs.backend})`, () =>
      prScoreCommand({
        root: run.root,
        layout: run.layout,
        space,
        backend: run.backend,
        staging: run.inputs.staging,
        git: run.git,
        baseSha: pr.baseSha,
        baseRef: pr.baseRef,
        repeats: run.inputs.repeats,
        minScore: run.inputs.minScore,
        maxRegression: run.inputs.maxRegression,
        confidence: run.inputs.confidence,
        maxRepeats: run.inputs.maxRepeats,
        maxErrored: run.inputs.maxErrored,
        github,
        prNumber: pr.number,
        log: (line) => core.info(line),
      }),
    );
    results.push(result);
    if (github) await publishScoreStatus(github, pr.headSha, space, run.inputs.backend, result);
    logScore(result.head, result.base);
    for (const failure of result.failures) core.info(`${space}: the check fails: ${failure}`);
    await core.summary.addRaw(result.markdown).write();
  }
  const single = results.length === 1 ? results[0] : undefined;
  if (single) {
    setCardOutputs(single.head);
    if (single.base) {
      core.setOutput('base-score', single.base.totals.all.score.toFixed(4));
      core.setOutput('delta', (single.head.totals.all.score - single.base.totals.all.score).toFixed(4));
    }
    if (single.comment) core.setOutput('comment-url', single.comment.url);
    core.setOutput('verdict', single.gate.verdict);
    if (single.gate.comparison) core.setOutput('p-value', single.gate.comparison.test.pWorse.toPrecision(4));
  }
  core.setOutput('stale', String(results.some((r) => r.staleNote !== undefined)));
  // Inconclusive is neutral: the step does not fail on it, but says so (comment, summary, this output, a warning).
  const unsure = results.filter((r) => r.inconclusive);
  core.setOutput('inconclusive', String(unsure.length > 0));
  for (const r of unsure)
    core.warning(`${r.space}: ${r.inconclusive?.message}`, { title: 'genie-gitops: score check inconclusive' });
  core.setOutput('spaces', JSON.stringify(spaces));
  const failures = results.flatMap((r) => r.failures.map((f) => `${r.space}: ${f}`));
  return failures.length ? { failure: failures.join('; ') } : {};
}

/**
 * The head's score as a commit status, so deploy can find "the score the merged config earned
 * before the merge" after GitHub's cache scoping hides this job's scorecard cache from the
 * default branch. Needs statuses: write; without it the check goes on and says so.
 */
async function publishScoreStatus(
  github: NonNullable<ActionRun['github']>,
  sha: string,
  space: string,
  backend: string,
  result: PrScoreResult,
): Promise<void> {
  const t = result.head.totals;
  try {
    await github.setCommitStatus(sha, {
      state: result.failures.length ? 'failure' : result.inconclusive ? 'error' : 'success',
      context: scoreStatusContext(space, backend),
      description: `score ${pct(t.all.score)} (${t.all.passed}/${t.all.answered}), train ${pct(t.train.score)}, holdout ${pct(t.holdout.score)}`,
    });
  } catch (error) {
    core.warning(
      `${space}: could not publish the score as a commit status (${messageOf(error)}); deploy then finds no baseline for this config unless the scorecard cache is shared. Grant statuses: write.`,
    );
  }
}
