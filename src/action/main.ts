/** The action entry: inputs -> command -> outputs and job summary. The only place that calls setFailed. */
import path from 'node:path';
import * as core from '@actions/core';
import { GenieGitopsError, ValidationError, formatIssue, type ValidationIssue } from '../errors.js';
import { scoreCommand } from '../commands/score.js';
import { validateCommand } from '../commands/validate.js';
import { renderScorecardMarkdown } from '../report/scorecard-markdown.js';
import { readInputs, type ActionInputs } from './inputs.js';

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const root = path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), inputs.workingDirectory);
    if (inputs.command === 'validate') await runValidate(root, inputs);
    else await runScore(root, inputs);
  } catch (error) {
    if (error instanceof ValidationError) {
      annotate(error.issues);
      core.setFailed(`${error.issues.length} validation problem(s)${error.hint ? `: ${error.hint}` : ''}`);
    } else if (error instanceof GenieGitopsError) {
      core.setFailed(error.hint ? `${error.message} (${error.hint})` : error.message);
    } else {
      core.setFailed(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }
}

/** Each problem becomes an annotation on its file and line, so it shows in the PR's diff. */
function annotate(issues: ValidationIssue[]): void {
  for (const issue of issues) {
    core.error(`${issue.path}: ${issue.message}`, { title: 'genie-gitops validate', file: issue.file, startLine: issue.line });
  }
}

async function runValidate(root: string, inputs: ActionInputs): Promise<void> {
  const result = await validateCommand({ root, space: inputs.space });
  annotate(result.issues);
  const rows = result.spaces.map((s) => `| ${s.space} | ${s.issues.length === 0 ? '✅ valid' : `❌ ${s.issues.length} problem(s)`} | ${s.benchmarks} |`);
  const problems = result.issues.map((i) => `- \`${formatIssue(i)}\``);
  await core.summary
    .addRaw(['## genie-gitops validate', '', '| space | result | benchmark questions |', '|---|---|---|', ...rows, '', ...problems].join('\n'))
    .write();
  core.setOutput('valid', String(result.ok));
  core.setOutput('spaces', JSON.stringify(result.spaces.map((s) => s.space)));
  if (!result.ok) core.setFailed(`${result.issues.length} validation problem(s); see the annotations`);
}

async function runScore(root: string, inputs: ActionInputs): Promise<void> {
  if (!inputs.space) throw new GenieGitopsError('input space is required for command score', 'set space to a folder name under spaces/');
  core.startGroup(`score ${inputs.space} (${inputs.backend})`);
  let card;
  try {
    card = await scoreCommand({
      root,
      space: inputs.space,
      backend: inputs.backend,
      repeats: inputs.repeats,
      onProgress: (e) => core.info(`[${e.done}/${e.total}] ${e.id} ${e.passed ? 'pass' : `fail (${e.category ?? e.verdict})`}`),
    });
  } finally {
    core.endGroup();
  }
  core.setOutput('score', card.totals.all.score.toFixed(4));
  core.setOutput('passed', String(card.totals.all.passed));
  core.setOutput('total', String(card.totals.all.total));
  core.setOutput('train-score', card.totals.train.score.toFixed(4));
  core.setOutput('holdout-score', card.totals.holdout.score.toFixed(4));
  await core.summary.addRaw(renderScorecardMarkdown(card, { title: `genie-gitops score: ${inputs.space}` })).write();
  if (inputs.minScore !== undefined && card.totals.all.score < inputs.minScore) {
    core.setFailed(`score ${(card.totals.all.score * 100).toFixed(1)}% is below min-score ${(inputs.minScore * 100).toFixed(1)}%`);
  }
}
