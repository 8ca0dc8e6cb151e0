/** What every action command runner gets: the parsed inputs, the run's context and the adapters. */
import * as core from '@actions/core';
import { GenieGitopsError } from '../errors.js';
import { GitCli } from '../github/git-cli.js';
import type { GitHubPort } from '../ports.js';
import { createGitHub } from '../github/octokit-github.js';
import { createOctokit } from '../github/octokit-factory.js';
import { listSpaces } from '../space/repository.js';
import type { GitHubContext } from './github-context.js';
import type { ActionInputs } from './inputs.js';
import type { LocalRun } from './local-run.js';

export interface ActionRun extends LocalRun {
  context: GitHubContext;
  git: GitCli;
  /** Undefined without a token (e.g. a fork's PR with no write access). */
  github?: GitHubPort;
}

/** A runner's verdict: main turns `failure` into setFailed, so runners never call it. */
export interface StepOutcome {
  failure?: string;
}

export function createActionRun(local: LocalRun, context: GitHubContext): ActionRun {
  const token = local.inputs.githubToken;
  const git = new GitCli({ cwd: local.root, token, env: local.env });
  const run = { ...local, context, git };
  if (!token || !context.owner || !context.repo) return run;
  const octokit = createOctokit({ token, baseUrl: context.apiUrl, log: (line) => core.warning(line) });
  return { ...run, github: createGitHub(octokit, { owner: context.owner, repo: context.repo }) };
}

export function requireGitHub(run: ActionRun, command: string): GitHubPort {
  if (run.github) return run.github;
  throw new GenieGitopsError(
    `${command} opens pull requests and needs a GitHub token`,
    'pass github-token (default: the workflow token) and set GITHUB_REPOSITORY',
  );
}

/** The spaces a command works on: the space input, every space with `all`, or an error naming both. */
export function selectedSpaces(run: ActionRun, command: string): string[] {
  if (run.inputs.all) return listSpaces(run.root, run.layout);
  if (run.inputs.space) return [run.inputs.space];
  throw new GenieGitopsError(
    `input space is required for command ${command}`,
    'set space to a folder name under spaces/ (or a genie_spaces key of databricks.yml), or all: true',
  );
}

/** One log group per phase, closed even when the phase throws. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  core.startGroup(name);
  try {
    return await fn();
  } finally {
    core.endGroup();
  }
}
