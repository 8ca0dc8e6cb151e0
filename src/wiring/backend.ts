/**
 * The backend opener each entry builds once from its settings and hands to the commands: the
 * embedded backend or a Databricks workspace, chosen here and nowhere below. One opener is one
 * run: the backends it opens share the run's secret scrubber and its ask limiter per host.
 */
import type { BackendName, BackendOpener } from '../backend-port.js';
import { createAskLimiters, type AskLimiters } from '../databricks/ask-limiter.js';
import type { AuthDeps } from '../databricks/auth.js';
import type { DatabricksClientOptions } from '../databricks/http-client.js';
import { SecretScrubber } from '../databricks/secrets.js';
import { GenieGitopsError } from '../errors.js';
import { createLocalDeploymentLog } from '../local/deployment-log.js';
import { resolveStateDir } from '../local/space-store.js';
import type { Env } from '../ports.js';
import { openLocalBackend, openLocalLive } from './local-backend.js';

/** `--backend` / the `backend` input: local (the default) or databricks. */
export function parseBackend(value: string | undefined): BackendName {
  const backend = value ?? 'local';
  if (backend === 'local' || backend === 'databricks') return backend;
  throw new GenieGitopsError(
    `unknown backend '${backend}'`,
    'use --backend local (embedded warehouse and Genie engine) or --backend databricks',
  );
}

export interface BackendSettings {
  backend: BackendName;
  /** The run's settings as environment variables (DATABRICKS_*, GENIE_GITOPS_STATE_DIR, ...), read by the entry. */
  env?: Env;
  /** The run's scrubber: every secret the workspace clients handle is added to it. Default a fresh one. */
  secrets?: SecretScrubber;
  /** The run's ask limiters; default fresh ones (one opener, one run). */
  limiters?: AskLimiters;
  /** Injected in tests: the OAuth token source and fetch. */
  auth?: Omit<AuthDeps, 'secrets'>;
  client?: Partial<Omit<DatabricksClientOptions, 'host' | 'auth'>>;
}

/** The Databricks adapters are imported only when a workspace is opened: local runs never load them. */
export function createBackendOpener(settings: BackendSettings): BackendOpener {
  const env = settings.env ?? {};
  const limiters = settings.limiters ?? createAskLimiters();
  const secrets = settings.secrets ?? new SecretScrubber();
  // Without a GitHub deployment log, either backend records deploys in the local state folder.
  const localDeploymentLog = (root: string) => createLocalDeploymentLog(resolveStateDir(root, env));
  const remote = (label: string | undefined, staging?: 'temporary' | 'shared') => ({
    env,
    limiters,
    auth: { ...settings.auth, secrets },
    client: settings.client,
    staging,
    label,
  });
  if (settings.backend === 'databricks') {
    return {
      name: 'databricks',
      needsLocalData: false,
      async open(request) {
        const { openDatabricksBackend } = await import('./databricks-backend.js');
        const backend = await openDatabricksBackend(
          request.root,
          request.target,
          remote(request.space, request.staging),
        );
        // Genie runs its own SQL in the workspace; only the scorer's statements go through this warehouse.
        return request.wrapWarehouse ? { ...backend, warehouse: request.wrapWarehouse(backend.warehouse) } : backend;
      },
      openLive: async (request) => {
        const { openDatabricksLive } = await import('./databricks-backend.js');
        return openDatabricksLive(request.root, request.target, remote(request.space));
      },
      localDeploymentLog,
    };
  }
  return {
    name: 'local',
    needsLocalData: true,
    open: (request) => openLocalBackend(request, resolveStateDir(request.root, env)),
    openLive: (request) => openLocalLive(request, resolveStateDir(request.root, env)),
    localDeploymentLog,
  };
}
