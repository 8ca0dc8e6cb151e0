/** `deploy` in the action: the spaces changed by the push (or all), with a per-space table and outputs. */
import * as core from '@actions/core';
import { deployCommand, type DeployStatus } from '../commands/deploy.js';
import { group, type ActionRun, type StepOutcome } from './action-run.js';

const ICON: Record<DeployStatus, string> = {
  deployed: '🚀',
  unchanged: '✅',
  drifted: '⚠️',
  failed: '❌',
  skipped: '⏭️',
};

export async function runDeploy(run: ActionRun): Promise<StepOutcome> {
  const push = run.context.push;
  const result = await group('deploy', () =>
    deployCommand({
      root: run.root,
      layout: run.layout,
      backend: run.inputs.backend,
      git: run.git,
      spaces: run.inputs.all ? 'all' : run.inputs.space ? [run.inputs.space] : undefined,
      before: push?.before,
      after: push?.after ?? run.context.sha,
      onDrift: run.inputs.onDrift,
      github: run.github,
      log: (line) => core.info(line),
    }),
  );
  const rows = result.spaces.map(
    (s) =>
      `| ${s.space} | ${ICON[s.status]} ${s.status} | ${s.liveSpaceId ? `\`${s.liveSpaceId}\`` : '–'} | ${s.message.replace(/\|/g, '\\|')} |`,
  );
  const body = result.spaces.length
    ? ['| space | result | live space | details |', '|---|---|---|---|', ...rows]
    : ['No space changed in this push: nothing to deploy.'];
  await core.summary
    .addRaw(['## genie-gitops deploy', '', `Spaces: ${result.selection}.`, '', ...body, ''].join('\n'))
    .write();
  for (const s of result.spaces)
    if (s.labelWarning) core.warning(`${s.space}: ${s.labelWarning}`, { title: 'genie-gitops: PR labels not updated' });
  for (const s of result.spaces)
    if (s.status === 'drifted') core.warning(`${s.space}: ${s.message}`, { title: 'genie-gitops: live space drifted' });
  const by = (status: DeployStatus) =>
    JSON.stringify(result.spaces.filter((s) => s.status === status).map((s) => s.space));
  core.setOutput('deployed', by('deployed'));
  core.setOutput('unchanged', by('unchanged'));
  core.setOutput('drifted', by('drifted'));
  core.setOutput('failed', by('failed'));
  core.setOutput('results', JSON.stringify(result.spaces));
  const failed = result.spaces.filter((s) => s.status === 'failed');
  const drifted = result.spaces.filter((s) => s.status === 'drifted');
  const problems = [
    ...(failed.length ? [`deploy failed for ${failed.map((s) => `${s.space} (${s.message})`).join('; ')}`] : []),
    ...(drifted.length
      ? [
          `${drifted.map((s) => s.space).join(', ')} not deployed: the live space was edited outside git; adopt the edit with command export, or rerun with on-drift: overwrite`,
        ]
      : []),
  ];
  return problems.length ? { failure: problems.join('. ') } : {};
}
