/**
 * The databricks backend: the statement warehouse on target.warehouseId, Genie on the
 * STAGING space (made equal to the config being scored first, written only when the
 * canonical forms differ), and the spaces API as the SpaceStore.
 */
import { createAuthFromEnv, type AuthDeps, type Env } from '../databricks/auth.js';
import { sharedAskLimiter } from '../databricks/ask-limiter.js';
import { readDatabricksSettings } from '../databricks/config.js';
import { createGenieAdapter } from '../databricks/genie-conversation.js';
import { createDatabricksClient, type DatabricksClientOptions } from '../databricks/http-client.js';
import { createSpaceStore } from '../databricks/space-store.js';
import { createStatementWarehouse } from '../databricks/statement-warehouse.js';
import { GenieGitopsError } from '../errors.js';
import { serializeSpace } from '../space/canonical.js';
import { listSpaces, loadSpaceDir } from '../space/repository.js';
import { SpaceSchema, type Space } from '../space/schema.js';
import type { Target } from '../space/target.js';
import type { Backend } from './workspace.js';

export interface DatabricksBackendOptions {
  env: Env;
  /** Injected in tests; the action relies on the runner's ACTIONS_ID_TOKEN_REQUEST_* variables. */
  auth?: AuthDeps;
  client?: Partial<Omit<DatabricksClientOptions, 'host' | 'auth'>>;
}

export async function openDatabricksBackend(
  root: string,
  target: Target | undefined,
  options: DatabricksBackendOptions,
): Promise<Backend> {
  if (!target) {
    throw new GenieGitopsError(
      'the databricks backend needs spaces/<space>/target.yml',
      'add target.yml with live_space_id, staging_space_id and warehouse_id',
    );
  }
  if (target.idsDerived) {
    throw new GenieGitopsError(
      `the databricks backend needs the workspace ids of bundle-declared space '${target.title}'`,
      'add <name>.target.yml beside its .geniespace.json with live_space_id and staging_space_id (the bundle does not record them in git)',
    );
  }
  const settings = readDatabricksSettings(options.env);
  const auth = createAuthFromEnv(options.env, options.auth);
  const client = createDatabricksClient({
    ...options.client,
    host: settings.host,
    auth,
    fetch: options.client?.fetch ?? options.auth?.fetch,
  });
  const warehouse = createStatementWarehouse({
    client,
    warehouseId: target.warehouseId,
    tables: () => repositoryTables(root, target.warehouseId),
  });
  const spaces = createSpaceStore(client);
  const limiter = sharedAskLimiter(settings.host, settings.qpm);
  return {
    name: 'databricks',
    warehouse,
    spaces,
    async genieFor(space: Space) {
      await syncSpace(spaces, target.stagingSpaceId, space);
      return createGenieAdapter({ client, spaceId: target.stagingSpaceId, limiter, poll: settings.poll });
    },
    close: async () => undefined,
  };
}

/** Makes the stored config equal to `space`; returns whether it had to write. */
export async function syncSpace(
  spaces: ReturnType<typeof createSpaceStore>,
  spaceId: string,
  space: Space,
): Promise<boolean> {
  const stored = await spaces.get(spaceId);
  const wanted = serializeSpace(space);
  const parsed = SpaceSchema.safeParse(stored.serializedSpace);
  if (parsed.success && serializeSpace(parsed.data) === wanted) return false;
  await spaces.update(spaceId, JSON.parse(wanted) as unknown, stored.etag ? { etag: stored.etag } : {});
  return true;
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
