/** `validate` in the action: annotations on every problem, a summary table, outputs. */
import * as core from '@actions/core';
import { formatIssue, type ValidationIssue } from '../errors.js';
import { validateCommand } from '../commands/validate.js';
import type { ActionRun, StepOutcome } from './action-run.js';

/** Each problem becomes an annotation on its file and line, so it shows in the PR's diff. */
export function annotate(issues: readonly ValidationIssue[]): void {
  for (const issue of issues) {
    core.error(`${issue.path}: ${issue.message}`, {
      title: 'genie-gitops validate',
      file: issue.file,
      startLine: issue.line,
    });
  }
}

export async function runValidate(run: ActionRun): Promise<StepOutcome> {
  // In CI every expected SQL also runs once on the warehouse, so a broken benchmark fails here,
  // before any score is computed.
  const result = await validateCommand({
    root: run.root,
    space: run.inputs.space,
    execute: true,
    backend: run.backend,
    layout: run.layout,
  });
  annotate(result.issues);
  const rows = result.spaces.map(
    (s) =>
      `| ${s.space} | ${s.issues.length === 0 ? '✅ valid' : `❌ ${s.issues.length} problem(s)`} | ${s.benchmarks} | ${s.executed ?? '–'} |`,
  );
  const problems = result.issues.map((i) => `- \`${formatIssue(i)}\``);
  await core.summary
    .addRaw(
      [
        '## genie-gitops validate',
        '',
        '| space | result | benchmark questions | expected SQL run |',
        '|---|---|---|---:|',
        ...rows,
        '',
        ...problems,
      ].join('\n'),
    )
    .write();
  core.setOutput('valid', String(result.ok));
  core.setOutput('spaces', JSON.stringify(result.spaces.map((s) => s.space)));
  return result.ok ? {} : { failure: `${result.issues.length} validation problem(s); see the annotations` };
}
