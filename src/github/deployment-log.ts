/**
 * The deployment log of the action: a GitHub deployment per deploy of a space, in the
 * environment `genie-gitops-<space>`, with the config hash, commit and live space id as its
 * payload and its outcome as deployment statuses. GitHub keeps them for the life of the
 * repository (a runner's disk does not outlive the job) and shows them under Environments.
 * Needs `deployments: write` on the deploy job.
 */
import type { DeploymentLog, DeploymentRecord, Deployment, DeploymentState, GitHubPort } from '../ports.js';

export const DEPLOY_TASK = 'deploy:genie-space';

export function environmentOf(space: string): string {
  return `genie-gitops-${space}`;
}

/** Only these many newest deployments are read: the guard needs the last success and the attempts after it. */
const LOOKBACK = 30;

export function createGitHubDeploymentLog(github: GitHubPort): DeploymentLog {
  return {
    describe: (space) => `the GitHub deployments of environment ${environmentOf(space)}`,
    async history(space, liveSpaceId) {
      const deployments = await github.listDeployments({
        environment: environmentOf(space),
        task: DEPLOY_TASK,
        limit: LOOKBACK,
      });
      const records: DeploymentRecord[] = [];
      for (const d of deployments) {
        const record = toRecord(d, space);
        if (!record || record.liveSpaceId !== liveSpaceId) continue;
        record.state = stateOf(await github.listDeploymentStatuses(d.id));
        records.push(record);
        // Older records cannot change the verdict: stop at the last success.
        if (record.state === 'success') break;
      }
      return records;
    },
    async start(input) {
      const deployment = await github.createDeployment({
        ref: input.commit,
        environment: environmentOf(input.space),
        task: DEPLOY_TASK,
        description: `genie-gitops deploy of ${input.space} to live space ${input.liveSpaceId}`,
        payload: { ...input },
      });
      await github.setDeploymentStatus(deployment.id, 'in_progress', 'updating the live space');
      return String(deployment.id);
    },
    async finish(id, state, description) {
      await github.setDeploymentStatus(Number(id), state, description);
    },
  };
}

function toRecord(d: Deployment, space: string): DeploymentRecord | undefined {
  const p = (typeof d.payload === 'object' && d.payload !== null ? d.payload : {}) as Record<string, unknown>;
  if (typeof p.configHash !== 'string' || typeof p.liveSpaceId !== 'string') return undefined;
  return {
    id: String(d.id),
    space,
    liveSpaceId: p.liveSpaceId,
    configHash: p.configHash,
    commit: typeof p.commit === 'string' ? p.commit : d.sha,
    state: 'in_progress',
    createdAt: d.createdAt,
  };
}

/** The newest status decides; a deployment without a final status was interrupted (still in progress). */
function stateOf(statuses: DeploymentState[]): DeploymentRecord['state'] {
  const latest = statuses[0];
  if (latest === 'success' || latest === 'inactive') return 'success';
  if (latest === 'failure' || latest === 'error') return 'failure';
  return 'in_progress';
}
