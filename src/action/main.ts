/** The action entry: inputs -> command -> outputs and job summary. The only place that calls setFailed. */
import path from 'node:path';
import * as core from '@actions/core';
import { SecretScrubber } from '../databricks/secrets.js';
import { GenieGitopsError, ValidationError } from '../errors.js';
import { listSpaces } from '../space/repository.js';
import type { ActionRun, StepOutcome } from './action-run.js';
import { annotate } from './annotate.js';
import { createLocalRun, type LocalRun } from './local-run.js';
import { readInputs, type ActionCommand } from './inputs.js';

type Runner<R> = (run: R) => Promise<StepOutcome>;

/**
 * Each runner is imported when its command runs: the bundle puts each command's code in its own
 * chunk. Commands that read only the repository get a LocalRun, so a cold `validate` loads neither
 * the GitHub client nor the run's context.
 */
type LocalCommand = 'validate' | 'lint';
const LOCAL_RUNNERS: Record<LocalCommand, () => Promise<Runner<LocalRun>>> = {
  validate: async () => (await import('./run-validate.js')).runValidate,
  lint: async () => (await import('./run-lint.js')).runLint,
};

const RUNNERS: Record<Exclude<ActionCommand, LocalCommand>, () => Promise<Runner<ActionRun>>> = {
  score: async () => (await import('./run-score.js')).runScore,
  enhance: async () => (await import('./run-enhance.js')).runEnhance,
  deploy: async () => (await import('./run-deploy.js')).runDeploy,
  export: async () => (await import('./run-export.js')).runExport,
  'list-spaces': async () => listSpacesOutput,
};

/** On a pull request, `changed-only` lists the spaces it touches: a matrix of per-space jobs then scores only those. */
async function listSpacesOutput(run: ActionRun): Promise<StepOutcome> {
  const pr = run.context.pullRequest;
  const spaces =
    run.inputs.changedOnly && pr
      ? await (await import('./run-score.js')).spacesTouchedByPr(run, pr)
      : listSpaces(run.root, run.layout);
  core.setOutput('spaces', JSON.stringify(spaces));
  core.info(`spaces: ${spaces.join(', ') || 'none'}`);
  return {};
}

/** Runs one command: with the repository only when that is all it reads, else with git, GitHub and the run's context. */
async function runCommand(command: ActionCommand, local: LocalRun): Promise<StepOutcome> {
  if (command === 'validate' || command === 'lint') return (await LOCAL_RUNNERS[command]())(local);
  const [{ createActionRun }, { readGitHubContext }] = await Promise.all([
    import('./action-run.js'),
    import('./github-context.js'),
  ]);
  return (await RUNNERS[command]())(createActionRun(local, readGitHubContext()));
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    // OAuth tokens obtained during the run are masked as soon as they arrive: the run's one
    // scrubber, handed to every workspace and LLM client built for it, tells the runner of each.
    const secrets = new SecretScrubber((secret) => core.setSecret(secret));
    for (const secret of inputs.secrets) {
      core.setSecret(secret);
      // git receives the GitHub token as a basic auth header: mask that form too.
      core.setSecret(Buffer.from(`x-access-token:${secret}`, 'utf8').toString('base64'));
    }
    // The settings of this run, read once: the environment with the inputs laid over it, handed to
    // every command (the process's own environment is left as it is).
    const env = { ...process.env, ...inputs.env };
    const root = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.workingDirectory);
    const outcome = await runCommand(inputs.command, createLocalRun(root, inputs, env, secrets));
    if (outcome.failure) core.setFailed(outcome.failure);
  } catch (error) {
    if (error instanceof ValidationError) {
      annotate(error.issues);
      core.setFailed(`${error.issues.length} validation problem(s)${error.hint ? `: ${error.hint}` : ''}`);
    } else if (error instanceof GenieGitopsError) {
      core.setFailed(error.hint ? `${error.message} (${error.hint})` : error.message);
    } else {
      core.setFailed(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }
}
