/** `validate` in the action: annotations on every problem, a summary table, outputs. */
import * as core from '@actions/core';
import { formatIssue } from '../errors.js';
import { annotate } from './annotate.js';
import { validateCommand } from '../commands/validate.js';
import type { StepOutcome } from './action-run.js';
import type { LocalRun } from './local-run.js';

export async function runValidate(run: LocalRun): Promise<StepOutcome> {
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
