/**
 * The databricks backend: the statement warehouse on target.warehouseId, Genie on the run's
 * staging space (by default a temporary one created from the config being scored and trashed
 * at close, or the shared staging space of target.yml; see staging-space.ts), and the spaces
 * API as the SpaceStore.
 */
import { createAuthFromEnv, type AuthDeps } from '../databricks/auth.js';
import type { Env } from '../ports.js';
import type { AskLimiters } from '../databricks/ask-limiter.js';
import { readDatabricksSettings } from '../databricks/config.js';
import { createEvalRuns } from '../databricks/eval-runs.js';
import { createGenieAdapter } from '../databricks/genie-conversation.js';
import { createDatabricksClient, type DatabricksClientOptions } from '../databricks/http-client.js';
import { createSpaceStore } from '../databricks/space-store.js';
import { createStatementWarehouse } from '../databricks/statement-warehouse.js';
import { GenieGitopsError, messageOf } from '../errors.js';
import { listSpaces, loadSpaceDir } from '../space/repository.js';
import { SpaceSchema, type Space } from '../space/schema.js';
import type { StagingMode, Target } from '../space/target.js';
import { onInterrupt } from '../util/interrupt-cleanup.js';
import { openStaging } from '../databricks/staging-space.js';
import type { Backend, LiveSide } from '../backend-port.js';

export interface DatabricksBackendOptions {
  env: Env;
  /** The run's ask limiters: every Genie of one workspace host keeps to one limit. */
  limiters: AskLimiters;
  /** Injected in tests; the action relies on the runner's ACTIONS_ID_TOKEN_REQUEST_* variables. Carries the run's secrets. */
  auth?: AuthDeps;
  client?: Partial<Omit<DatabricksClientOptions, 'host' | 'auth'>>;
  /** Overrides target.yml's `staging` (default temporary). */
  staging?: StagingMode;
  /** The space's name in the repository: names the temporary staging space. */
  label?: string;
}

function openClient(options: DatabricksBackendOptions) {
  const settings = readDatabricksSettings(options.env);
  const auth = createAuthFromEnv(options.env, options.auth);
  const client = createDatabricksClient({
    ...(settings.httpBackoffMs !== undefined ? { backoffMs: settings.httpBackoffMs } : {}),
    ...options.client,
    host: settings.host,
    auth,
    fetch: options.client?.fetch ?? options.auth?.fetch,
  });
  return { settings, client };
}

function checkTarget(target: Target | undefined): asserts target is Target {
  if (!target) {
    throw new GenieGitopsError(
      'the databricks backend needs spaces/<space>/target.yml',
      'add target.yml with title, live_space_id and warehouse_id',
    );
  }
  if (target.idsDerived) {
    throw new GenieGitopsError(
      `the databricks backend needs the workspace ids of bundle-declared space '${target.title}'`,
      'add <name>.target.yml beside its .geniespace.json with live_space_id and staging_space_id (the bundle does not record them in git)',
    );
  }
}

export async function openDatabricksBackend(
  root: string,
  target: Target | undefined,
  options: DatabricksBackendOptions,
): Promise<Backend> {
  checkTarget(target);
  const { settings, client } = openClient(options);
  const warehouse = createStatementWarehouse({
    client,
    warehouseId: target.warehouseId,
    tables: () => repositoryTables(root, target.warehouseId),
  });
  const spaces = createSpaceStore(client);
  const limiter = options.limiters.forHost(settings.host, settings.qpm);
  const staging = openStaging({
    store: spaces,
    target,
    mode: options.staging ?? target.staging ?? 'temporary',
    label: options.label ?? target.title,
  });
  // A temporary space is trashed at close, and also when the run is interrupted.
  const forget = onInterrupt(() => staging.close());
  return {
    name: 'databricks',
    warehouse,
    // The workspace's data moves: answers kept from an earlier run count only on the same day.
    questionsPerMinute: settings.qpm,
    dataVersion: `${settings.host}|${target.warehouseId}|${new Date().toISOString().slice(0, 10)}`,
    spaces,
    genieFor: (space: Space) =>
      staging.genieFor(space, (spaceId) => createGenieAdapter({ client, spaceId, limiter, poll: settings.poll })),
    genieEvalFor: async (space: Space) => createEvalRuns({ client, spaceId: await staging.spaceFor(space) }),
    async close() {
      try {
        await staging.close();
      } catch (error) {
        // The run's result stands: a leftover temporary space is reported, never allowed to fail the command.
        process.emitWarning(
          `could not trash the temporary staging space (${messageOf(error)}); delete the space titled "genie-gitops tmp ${options.label ?? target.title} …" by hand`,
          { code: 'GENIE_GITOPS_STAGING_LEFT' },
        );
      } finally {
        forget();
      }
    },
  };
}

/**
 * The live space as it is, for post-deploy verification: its conversations (under the shared
 * per-workspace ask limit) and the warehouse the live space itself runs on. Nothing is written.
 */
export async function openDatabricksLive(
  root: string,
  target: Target,
  options: DatabricksBackendOptions,
): Promise<LiveSide> {
  checkTarget(target);
  const { settings, client } = openClient(options);
  const stored = await createSpaceStore(client).get(target.liveSpaceId);
  const config = SpaceSchema.parse(stored.serializedSpace);
  const warehouseId = stored.warehouseId || target.warehouseId;
  const warehouse = createStatementWarehouse({
    client,
    warehouseId,
    tables: () => repositoryTables(root, warehouseId),
  });
  const limiter = options.limiters.forHost(settings.host, settings.qpm);
  const genie = createGenieAdapter({ client, spaceId: target.liveSpaceId, limiter, poll: settings.poll });
  return { config, genie, warehouse, close: async () => undefined };
}

/** The tables of every space in the repository that runs on this warehouse: what schema() describes. */
function repositoryTables(root: string, warehouseId: string): string[] {
  const tables: string[] = [];
  for (const name of listSpaces(root)) {
    try {
      const dir = loadSpaceDir(root, name);
      if (dir.target && dir.target.warehouseId !== warehouseId) continue;
      for (const table of dir.space.data_sources?.tables ?? []) tables.push(table.identifier);
    } catch {
      // An invalid neighbour space is reported by its own command, not here.
    }
  }
  return tables;
}
