/** `enhance` in the action: the loop on the staging space, then one PR per space (see commands/enhance-pr.ts). */
import * as core from '@actions/core';
import { enhancePrCommand, type EnhancePrResult } from '../commands/enhance-pr.js';
import { llmAnalystFrom } from '../wiring/llm-analyst.js';
import { renderEnhanceMarkdown } from '../report/enhance-report.js';
import { group, requireGitHub, selectedSpaces, type ActionRun, type StepOutcome } from './action-run.js';
import { pct } from '../util/percent.js';
import { messageOf } from '../errors.js';

export async function runEnhance(run: ActionRun): Promise<StepOutcome> {
  const github = requireGitHub(run, 'enhance');
  const spaces = selectedSpaces(run, 'enhance');
  const results: EnhancePrResult[] = [];
  const failures: string[] = [];
  // The budgets are the run's: each space gets what the ones before it left.
  const started = Date.now();
  let asked = 0;
  for (const space of spaces) {
    try {
      const result = await group(`enhance ${space} (${run.inputs.backend}, ${run.inputs.analyst} analyst)`, () =>
        enhancePrCommand({
          root: run.root,
          layout: run.layout,
          space,
          backend: run.backend,
          staging: run.inputs.staging,
          analyst: run.inputs.analyst,
          llmAnalyst: run.inputs.analyst === 'llm' ? llmAnalystFrom({}, run.env, {}, run.secrets) : undefined,
          maxIterations: run.inputs.maxIterations,
          targetScore: run.inputs.targetScore,
          maxRegressions: run.inputs.maxRegressions,
          allowTaughtExamples: run.inputs.allowTaughtExamples,
          confidence: run.inputs.confidence,
          maxRepeats: run.inputs.maxRepeats,
          maxGenieQuestions:
            run.inputs.maxGenieQuestions === undefined ? undefined : Math.max(1, run.inputs.maxGenieQuestions - asked),
          timeBudgetMs:
            run.inputs.timeBudgetMs === undefined
              ? undefined
              : Math.max(1, run.inputs.timeBudgetMs - (Date.now() - started)),
          git: run.git,
          github,
          baseBranch: run.inputs.baseBranch ?? run.context.defaultBranch,
          fullReportHint: run.context.runUrl
            ? `the full report is in the job summary of ${run.context.runUrl}`
            : 'the full report is in the job summary',
          log: (line) => core.info(line),
        }),
      );
      results.push(result);
      asked += result.result?.calls.genie ?? 0;
      // Outside the collapsed group: the outcome and the scores without expanding anything.
      core.info(`enhance ${space}: ${result.outcome}; ${result.message}`);
      if (result.result) {
        const r = result.result;
        core.info(
          `train ${pct(r.before.totals.train.score)} → ${pct(r.after.totals.train.score)}, holdout ${pct(r.before.totals.holdout.score)} → ${pct(r.after.totals.holdout.score)}`,
        );
      }
      await writeSummary(result);
    } catch (error) {
      // One space failing does not stop the others; the step still fails at the end.
      failures.push(`${space}: ${messageOf(error)}`);
      core.error(`enhance ${space} failed: ${messageOf(error)}`);
    }
  }
  const single = results.length === 1 ? results[0] : undefined;
  if (single) {
    core.setOutput('outcome', single.outcome);
    core.setOutput('changed', String(single.result?.changed ?? false));
    if (single.pr) {
      core.setOutput('pr-number', String(single.pr.number));
      core.setOutput('pr-url', single.pr.url);
    }
    if (single.result) {
      core.setOutput('score-before', single.result.before.totals.all.score.toFixed(4));
      core.setOutput('score-after', single.result.after.totals.all.score.toFixed(4));
    }
  }
  core.setOutput(
    'results',
    JSON.stringify(
      results.map((r) => ({ space: r.space, outcome: r.outcome, pr: r.pr?.number ?? null, message: r.message })),
    ),
  );
  return failures.length ? { failure: failures.join('; ') } : {};
}

async function writeSummary(result: EnhancePrResult): Promise<void> {
  const r = result.result;
  const lines = [`## genie-gitops enhance: \`${result.space}\` — ${result.outcome}`, '', result.message, ''];
  if (r)
    lines.push(
      `Train ${pct(r.before.totals.train.score)} → ${pct(r.after.totals.train.score)}, holdout ${pct(r.before.totals.holdout.score)} → ${pct(r.after.totals.holdout.score)}.`,
      '',
    );
  if (result.outcome === 'no-improvement' || result.outcome === 'blocked' || result.outcome === 'waiting-for-deploy')
    core.notice(`${result.space}: ${result.message}`);
  const rejected = result.reviewerRejections?.records ?? [];
  if (rejected.length > 0) {
    lines.push(
      `Fixes rejected by reviewers, recorded as rejected lessons (${rejected.length}):`,
      '',
      ...rejected.map((x) => `- \`${x.type}\` ${x.summary}: ${x.reason}`),
      '',
    );
  }
  // The job summary carries the untruncated report the PR body may point to.
  if (r && result.outcome !== 'no-improvement')
    lines.push(
      '<details><summary>Full report</summary>',
      '',
      renderEnhanceMarkdown(r, { maxChars: 900_000 }),
      '</details>',
      '',
    );
  await core.summary.addRaw(lines.join('\n')).write();
}
