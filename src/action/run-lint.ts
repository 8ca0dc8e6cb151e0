/**
 * `lint` in the action: every finding as an annotation on its file and line (errors as errors,
 * warnings as warnings, advice as notices), at most ANNOTATIONS_PER_FILE per file so the PR's diff
 * stays readable (GitHub shows only a few annotations per step anyway); the full list goes to the job
 * summary. Outputs `quality` and `findings`; fails on an error finding or a quality below min-quality.
 */
import * as core from '@actions/core';
import { lintCommand, lintFailures, type LintResult } from '../commands/lint.js';
import { renderLintMarkdown } from '../report/lint-markdown.js';
import type { StepOutcome } from './action-run.js';
import type { LocalRun } from './local-run.js';

/** Annotations per file; the rest are counted in one notice and listed in the job summary. */
export const ANNOTATIONS_PER_FILE = 10;

export function annotateLint(result: LintResult): void {
  for (const space of result.spaces) {
    const all = [
      ...space.issues.map((i) => ({
        severity: 'error' as const,
        title: 'genie-gitops lint',
        line: i.line,
        text: `${i.path}: ${i.message}`,
      })),
      ...space.findings.map((f) => ({
        severity: f.severity,
        title: `genie-gitops lint [${f.check}]`,
        line: f.line,
        text: `${f.path}: ${f.message}. Fix: ${f.fix}`,
      })),
    ];
    for (const a of all.slice(0, ANNOTATIONS_PER_FILE)) {
      const properties = { title: a.title, file: space.file, startLine: a.line };
      if (a.severity === 'error') core.error(a.text, properties);
      else if (a.severity === 'warning') core.warning(a.text, properties);
      else core.notice(a.text, properties);
    }
    if (all.length > ANNOTATIONS_PER_FILE)
      core.notice(
        `${all.length - ANNOTATIONS_PER_FILE} more lint finding(s) in ${space.file}: see the job summary (annotations are capped at ${ANNOTATIONS_PER_FILE} per file)`,
        { title: 'genie-gitops lint', file: space.file },
      );
  }
}

export async function runLint(run: LocalRun): Promise<StepOutcome> {
  const spaces = run.inputs.all ? undefined : run.inputs.space ? [run.inputs.space] : undefined;
  const result = await lintCommand({ root: run.root, spaces, layout: run.layout });
  if (result.spaces.length === 0)
    return { failure: 'no space found: create spaces/<name>/space.json or declare genie_spaces in databricks.yml' };
  annotateLint(result);
  for (const note of result.notes) core.warning(note);
  await core.summary.addRaw(renderLintMarkdown(result)).write();
  const scores = result.spaces.filter((s) => s.quality).map((s) => s.quality!.score);
  // With several spaces `quality` is the lowest, the one a threshold cares about; `qualities` has each.
  core.setOutput('quality', scores.length ? Math.min(...scores).toFixed(1) : '0');
  core.setOutput(
    'qualities',
    JSON.stringify(Object.fromEntries(result.spaces.map((s) => [s.space, s.quality?.score ?? null]))),
  );
  core.setOutput('findings', String(result.spaces.reduce((n, s) => n + s.findings.length + s.issues.length, 0)));
  core.setOutput('spaces', JSON.stringify(result.spaces.map((s) => s.space)));
  const failures = lintFailures(result, run.inputs.minQuality, 'min-quality');
  return failures.length ? { failure: failures.join('; ') } : {};
}
