/** The backend opener of one CLI run: `--backend` (default local) over the process's environment. */
import type { BackendOpener } from '../backend-port.js';
import type { SecretScrubber } from '../databricks/secrets.js';
import { createBackendOpener, parseBackend } from '../wiring/backend.js';

export function backendOption(value: string | undefined, secrets?: SecretScrubber): BackendOpener {
  return createBackendOpener({ backend: parseBackend(value), env: process.env, ...(secrets ? { secrets } : {}) });
}
