/** A real git world (bare origin + work clone) with a loopback GitHub that resolves PR shas from that origin. */
import { GitCli } from '../../src/github/git-cli.js';
import type { GitHubPort } from '../../src/ports.js';
import { createGitHub } from '../../src/github/octokit-github.js';
import { createOctokit } from '../../src/github/octokit-factory.js';
import { startFakeGitHub, type FakeGitHub } from '../e2e/fake-github.js';
import { createGitWorld, type GitWorld } from './git-world.js';

export interface GitOpsWorld {
  world: GitWorld;
  fake: FakeGitHub;
  github: GitHubPort;
  git: GitCli;
  head(cwd?: string): string;
  /** Merges `branch` into main in a maintainer's clone, pushes, and returns the merge commit. */
  mergeOnRemote(branch: string, message: string): string;
  /** Brings the work clone to origin/main, as a fresh checkout after a push. */
  checkoutMain(): string;
  close(): Promise<void>;
}

export async function createGitOpsWorld(options: { copy?: string[] } = {}): Promise<GitOpsWorld> {
  const world = createGitWorld(options);
  const fake = await startFakeGitHub({ remote: world.remote });
  const github = createGitHub(createOctokit({ token: 't0ken', baseUrl: fake.url, baseDelayMs: 5 }), {
    owner: fake.owner,
    repo: fake.repo,
  });
  const git = new GitCli({ cwd: world.work, env: world.env });
  const head = (cwd?: string) => world.git(['rev-parse', 'HEAD'], cwd).trim();
  let maintainer: string | undefined;
  return {
    world,
    fake,
    github,
    git,
    head,
    mergeOnRemote(branch, message) {
      maintainer ??= world.clone('maintainer');
      world.git(['fetch', '--quiet', 'origin'], maintainer);
      world.git(['checkout', '--quiet', '-B', 'main', 'origin/main'], maintainer);
      world.git(['merge', '--quiet', '--no-ff', '-m', message, `origin/${branch}`], maintainer);
      world.git(['push', '--quiet', 'origin', 'main'], maintainer);
      return head(maintainer);
    },
    checkoutMain() {
      world.git(['reset', '--quiet', '--hard']);
      world.git(['clean', '-fdq', '--', 'spaces', 'lessons']);
      world.git(['fetch', '--quiet', 'origin']);
      world.git(['checkout', '--quiet', '-B', 'main', 'origin/main']);
      return head();
    },
    async close() {
      await fake.close();
      world.cleanup();
    },
  };
}
