/** `export` in the action: pull live spaces into the repository and propose each change as a PR. */
import * as core from '@actions/core';
import { exportCommand, type ExportResult } from '../commands/export.js';
import { group, requireGitHub, selectedSpaces, type ActionRun, type StepOutcome } from './action-run.js';
import { messageOf } from '../errors.js';

export async function runExport(run: ActionRun): Promise<StepOutcome> {
  const github = requireGitHub(run, 'export');
  const results: ExportResult[] = [];
  const failures: string[] = [];
  for (const space of selectedSpaces(run, 'export')) {
    try {
      results.push(
        await group(`export ${space}`, () =>
          exportCommand({
            root: run.root,
            layout: run.layout,
            space,
            backend: run.backend,
            git: run.git,
            github,
            baseBranch: run.inputs.baseBranch ?? run.context.defaultBranch,
          }),
        ),
      );
    } catch (error) {
      failures.push(`${space}: ${messageOf(error)}`);
    }
  }
  const rows = results.map(
    (r) =>
      `| ${r.space} | ${r.outcome} | ${r.pr ? `[#${r.pr.number}](${r.pr.url})` : '–'} | ${r.message.replace(/\|/g, '\\|')} |`,
  );
  await core.summary
    .addRaw(
      ['## genie-gitops export', '', '| space | result | PR | details |', '|---|---|---|---|', ...rows, ''].join('\n'),
    )
    .write();
  const single = results.length === 1 ? results[0] : undefined;
  if (single) {
    core.setOutput('outcome', single.outcome);
    core.setOutput('changed', String(single.outcome !== 'unchanged'));
    if (single.pr) {
      core.setOutput('pr-number', String(single.pr.number));
      core.setOutput('pr-url', single.pr.url);
    }
  }
  core.setOutput(
    'results',
    JSON.stringify(results.map((r) => ({ space: r.space, outcome: r.outcome, pr: r.pr?.number ?? null }))),
  );
  return failures.length ? { failure: failures.join('; ') } : {};
}
