/**
 * The post-deploy story shared by the embedded and the serve end-to-end tests, over a real git
 * repository with a bare origin and the loopback GitHub: PR check, merge, deploy with
 * verification, the rollback PR, its merge, a merge that keeps the score, and an outage.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deployCommand, type DeployOptions, type DeployResult } from '../../src/commands/deploy.js';
import { prScoreCommand } from '../../src/commands/pr-score.js';
import type { BackendName } from '../../src/commands/workspace.js';
import { createBackendOpener } from '../../src/wiring/backend.js';
import { createGitHubDeploymentLog } from '../../src/github/deployment-log.js';
import { serializeSpace } from '../../src/space/canonical.js';
import type { Space } from '../../src/space/schema.js';
import type { GitOpsWorld } from '../github/gitops-world.js';

export const RUN_URL = 'https://github.test/octo/genie-configs/actions/runs/4242';

export interface Flow {
  ops: GitOpsWorld;
  backend: BackendName;
  env: Record<string, string>;
  /** Commits `space` on a new branch, pushes it, opens its PR and runs the PR score check on it. */
  proposeConfig(branch: string, space: Space, title: string): Promise<number>;
  /** Merges a PR's branch on the remote as GitHub does (merge commit), closes it, checks out main. */
  merge(pr: number): string;
  deploy(before: string, after: string, extra?: Partial<DeployOptions>): Promise<DeployResult>;
}

export function createFlow(ops: GitOpsWorld, backend: BackendName, env: Record<string, string>): Flow {
  const root = ops.world.work;
  const deployments = createGitHubDeploymentLog(ops.github);
  // One opener for the flow, as one entry run: the PR check and the deploy share its ask limit.
  const opener = createBackendOpener({ backend, env });
  return {
    ops,
    backend,
    env,
    async proposeConfig(branch, space, title) {
      ops.world.git(['checkout', '--quiet', '-B', branch, 'origin/main']);
      writeFileSync(path.join(root, 'spaces/shop/space.json'), serializeSpace(space));
      ops.world.git(['commit', '--quiet', '-am', title]);
      ops.world.git(['push', '--quiet', 'origin', branch]);
      const pr = await ops.github.createPullRequest({ head: branch, base: 'main', title, body: '' });
      const base = ops.world.git(['rev-parse', 'origin/main']).trim();
      // The PR score check: head vs base on staging; it stores both scorecards in the cache deploy reads.
      const check = await prScoreCommand({
        root,
        space: 'shop',
        backend: opener,
        git: ops.git,
        baseSha: base,
        maxRegression: 0.05,
      });
      if (check.failures.length) throw new Error(`PR check failed: ${check.failures.join('; ')}`);
      return pr.number;
    },
    merge(pr) {
      const p = ops.fake.pulls.find((x) => x.number === pr)!;
      const sha = ops.mergeOnRemote(p.head, `Merge pull request #${pr} from octo/${p.head}`);
      ops.fake.closePull(pr, { merged: true, mergeCommitSha: sha });
      ops.checkoutMain();
      return sha;
    },
    deploy(before, after, extra = {}) {
      return deployCommand({
        root,
        backend: opener,
        git: ops.git,
        github: ops.github,
        deployments,
        before,
        after,
        verifyDelayMs: 1,
        verify: { mode: 'smoke', autoRollback: 'pr', runUrl: RUN_URL, baseBranch: 'main', backoffMs: 5, retries: 1 },
        ...extra,
      });
    },
  };
}
