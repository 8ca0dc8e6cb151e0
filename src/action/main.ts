/** The action entry: inputs -> command -> outputs and job summary. The only place that calls setFailed. */
import path from 'node:path';
import * as core from '@actions/core';
import { SecretScrubber } from '../databricks/secrets.js';
import { GenieGitopsError, ValidationError } from '../errors.js';
import { listSpaces } from '../space/repository.js';
import { createActionRun, type ActionRun, type StepOutcome } from './action-run.js';
import { readGitHubContext } from './github-context.js';
import { readInputs, type ActionCommand } from './inputs.js';
import { runDeploy } from './run-deploy.js';
import { runEnhance } from './run-enhance.js';
import { runExport } from './run-export.js';
import { runLint } from './run-lint.js';
import { runScore, spacesTouchedByPr } from './run-score.js';
import { annotate, runValidate } from './run-validate.js';

const RUNNERS: Record<ActionCommand, (run: ActionRun) => Promise<StepOutcome>> = {
  validate: runValidate,
  score: runScore,
  enhance: runEnhance,
  deploy: runDeploy,
  export: runExport,
  lint: runLint,
  'list-spaces': async (run) => {
    // On a pull request, `changed-only` lists the spaces it touches: a matrix of per-space jobs
    // (one concurrency group per space) then scores only those.
    const pr = run.context.pullRequest;
    const spaces = run.inputs.changedOnly && pr ? await spacesTouchedByPr(run, pr) : listSpaces(run.root, run.layout);
    core.setOutput('spaces', JSON.stringify(spaces));
    core.info(`spaces: ${spaces.join(', ') || 'none'}`);
    return {};
  },
};

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
    const outcome = await RUNNERS[inputs.command](createActionRun(root, inputs, readGitHubContext(), env, secrets));
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
