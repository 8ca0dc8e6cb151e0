/** `deploy` in the action: the spaces changed by the push (or all), with a per-space table and outputs. */
import * as core from '@actions/core';
import { deployCommand, type DeployResult, type DeployStatus } from '../commands/deploy.js';
import { createGitHubDeploymentLog } from '../github/deployment-log.js';
import { renderVerificationTable } from '../report/rollback-markdown.js';
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
  // The drift guard's reference must outlive the job: GitHub deployments, one environment per space.
  if (!run.github)
    core.warning(
      'No GitHub token: deployments are recorded only on this runner, which forgets them, so the next deploy finds no record and reports drift unless the live space equals the config. Pass github-token with deployments: write.',
      { title: 'genie-gitops: deployments not recorded' },
    );
  const baseBranch = run.github ? await run.github.defaultBranch().catch(() => undefined) : undefined;
  const result = await group('deploy', () =>
    deployCommand({
      root: run.root,
      layout: run.layout,
      backend: run.backend,
      git: run.git,
      spaces: run.inputs.all ? 'all' : run.inputs.space ? [run.inputs.space] : undefined,
      before: push?.before,
      after: push?.after ?? run.context.sha,
      onDrift: run.inputs.onDrift,
      syncBenchmarks: run.inputs.syncBenchmarks,
      verify: {
        mode: run.inputs.verify,
        sampleSize: run.inputs.verifySample,
        maxRegression: run.inputs.maxRegression,
        maxErrored: run.inputs.maxErrored,
        confidence: run.inputs.confidence,
        maxRepeats: run.inputs.maxRepeats,
        autoRollback: run.inputs.autoRollback,
        runUrl: run.context.runUrl,
        baseBranch,
      },
      github: run.github,
      deployments: run.github ? createGitHubDeploymentLog(run.github) : undefined,
      log: (line) => core.info(line),
    }),
  );
  const verified = await writeDeploySummary(result);
  setVerificationOutputs(verified.map((v) => v.verdict));
  setDeployOutputs(result);
  const problems = deployProblems(result);
  return problems.length ? { failure: problems.join('. ') } : {};
}

/** The job summary: a row per space, and the verification table; returns the verified spaces. */
async function writeDeploySummary(result: DeployResult) {
  const rows = result.spaces.map(
    (s) =>
      `| ${s.space} | ${ICON[s.status]} ${s.status} | ${s.liveSpaceId ? `\`${s.liveSpaceId}\`` : '–'} | ${s.message.replace(/\|/g, '\\|')} |`,
  );
  const body = result.spaces.length
    ? ['| space | result | live space | details |', '|---|---|---|---|', ...rows]
    : ['No space changed in this push: nothing to deploy.'];
  const verified = result.spaces.flatMap((s) =>
    s.verification
      ? [
          {
            space: s.space,
            mode: s.verification.mode,
            verdict: s.verification,
            asked: s.verification.asked,
            rollback:
              s.verification.rollback?.pr?.url ?? s.verification.rollback?.message ?? s.verification.rollbackSkipped,
          },
        ]
      : [],
  );
  await core.summary
    .addRaw(
      [
        '## genie-gitops deploy',
        '',
        `Spaces: ${result.selection}.`,
        '',
        ...body,
        '',
        renderVerificationTable(verified),
      ].join('\n'),
    )
    .write();
  return verified;
}

/** Warnings for label and drift trouble, and the step's outputs (the verification's scorecard stays out). */
function setDeployOutputs(result: DeployResult): void {
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
  // The verification's scorecard stays out of the outputs: verdict, scores and the rollback PR suffice.
  const results = result.spaces.map(({ verification: v, ...rest }) =>
    v
      ? {
          ...rest,
          verification: {
            verdict: v.verdict,
            liveScore: v.liveScore,
            expectedScore: v.expectedScore,
            asked: v.asked,
            regressed: v.regressed,
            rollbackPr: v.rollback?.pr?.number,
          },
        }
      : rest,
  );
  core.setOutput('results', JSON.stringify(results));
  const rollbackPrs = result.spaces.flatMap((s) =>
    s.verification?.rollback?.pr ? [s.verification.rollback.pr.number] : [],
  );
  core.setOutput('rollback-prs', JSON.stringify(rollbackPrs));
}

/** What fails the step: failed and drifted spaces, and verified regressions with what was done about them. */
function deployProblems(result: DeployResult): string[] {
  const failed = result.spaces.filter((s) => s.status === 'failed');
  const drifted = result.spaces.filter((s) => s.status === 'drifted');
  const regressed = result.spaces.filter((s) => s.verification?.verdict === 'regression');
  for (const s of result.spaces)
    if (s.verification?.verdict === 'inconclusive')
      core.warning(`${s.space}: ${s.verification.summary}`, { title: 'genie-gitops: verification inconclusive' });
  const problems = [
    ...(failed.length ? [`deploy failed for ${failed.map((s) => `${s.space} (${s.message})`).join('; ')}`] : []),
    ...(drifted.length
      ? [
          `${drifted.map((s) => s.space).join(', ')} not deployed: the live space was edited outside git; adopt the edit with command export, or rerun with on-drift: overwrite`,
        ]
      : []),
    ...regressed.map((s) => {
      const v = s.verification!;
      const what = v.rollback?.pr
        ? `rollback PR #${v.rollback.pr.number} opened: ${v.rollback.pr.url}`
        : v.rollback
          ? v.rollback.message
          : v.rollbackError
            ? `the rollback failed: ${v.rollbackError}`
            : `not rolled back (${v.rollbackSkipped ?? 'auto-rollback is off'})`;
      return `${s.space}: the live space scored significantly lower after the deploy (${v.summary}); ${what}`;
    }),
  ];
  return problems;
}

/** live-score, expected-score and verify-verdict describe one space (a matrix job deploys one); verified all of them. */
function setVerificationOutputs(
  verdicts: ReadonlyArray<{ verdict: string; liveScore: number; expectedScore?: number }>,
): void {
  const single = verdicts.length === 1 ? verdicts[0] : undefined;
  if (single) {
    core.setOutput('live-score', single.liveScore.toFixed(4));
    core.setOutput('expected-score', single.expectedScore === undefined ? '' : single.expectedScore.toFixed(4));
    core.setOutput('verify-verdict', single.verdict);
  }
  core.setOutput('verified', String(verdicts.length > 0 && verdicts.every((v) => v.verdict === 'verified')));
}
