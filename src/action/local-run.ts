/**
 * The run of a command that reads only the repository (validate, lint): the inputs, the settings and
 * the backend opener, with no git, GitHub client or run context, so such a command starts without
 * loading them.
 */
import type { BackendOpener } from '../backend-port.js';
import type { SecretScrubber } from '../databricks/secrets.js';
import type { Env } from '../ports.js';
import type { LayoutOptions } from '../space/repository.js';
import { createBackendOpener } from '../wiring/backend.js';
import type { ActionInputs } from './inputs.js';

/** What a command that reads only the repository gets (validate, lint): no git, no GitHub, no run context. */
export interface LocalRun {
  root: string;
  inputs: ActionInputs;
  /** The run's settings as environment variables (the inputs laid over the environment). */
  env: Env;
  /** The backend of the `backend` input, not yet opened: the commands open it per space. */
  backend: BackendOpener;
  /** Every secret the run's workspace clients handle is added here (and masked in the runner's log). */
  secrets: SecretScrubber;
  /** Which bundle target spaces declared in databricks.yml are read for. */
  layout: LayoutOptions;
}

/** The run of a command that reads only the repository; the backend opener is built here, not opened. */
export function createLocalRun(root: string, inputs: ActionInputs, env: Env, secrets: SecretScrubber): LocalRun {
  const backend = createBackendOpener({ backend: inputs.backend, env, secrets });
  return { root, inputs, env, backend, secrets, layout: { bundleTarget: inputs.bundleTarget } };
}
