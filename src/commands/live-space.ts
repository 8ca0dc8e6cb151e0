/**
 * The live space as it answers, for post-deploy verification: asked as it is, never updated.
 * Locally: the local engine over the config the state folder holds for the live space, on the
 * live data (`local.live_data` of target.yml, default `local.data`: a production workspace may
 * hold other data than staging). On Databricks: the conversation API on the live space id and
 * the statement API on the warehouse the live space itself uses.
 */
import { GenieGitopsError } from '../errors.js';
import type { Genie, SpaceStore, StoredSpace, Warehouse } from '../ports.js';
import { createLocalGenie } from '../local/genie/index.js';
import { createLocalSpaceStore, resolveStateDir, seedFromRepository } from '../local/space-store.js';
import type { LayoutOptions } from '../space/repository.js';
import { SpaceSchema, type Space } from '../space/schema.js';
import { parseSpaceText } from '../space/space-file.js';
import type { Target } from '../space/target.js';
import { openDatabricksLive } from './backend-databricks.js';
import { openWarehouseFor, type BackendName } from './workspace.js';

export interface LiveSide {
  backend: BackendName;
  /** The config the live space holds now. */
  config: Space;
  genie: Genie;
  warehouse: Warehouse;
  close(): Promise<void>;
}

export interface LiveSideOptions {
  env: Readonly<Record<string, string | undefined>>;
  space: string;
  layout?: LayoutOptions;
  /** The store deploy used (tests inject one); default the backend's. */
  store?: SpaceStore;
}

export function configOf(stored: StoredSpace, label: string): Space {
  if (typeof stored.serializedSpace === 'string') return parseSpaceText(stored.serializedSpace, label);
  return SpaceSchema.parse(stored.serializedSpace);
}

/** The target read for the live data: local.live_data in place of local.data. */
export function liveDataTarget(target: Target): Target {
  const liveData = target.local?.liveData;
  if (!liveData) return target;
  // The line of local.data would point at the wrong key: messages about live_data name the file only.
  const { dataLine: _line, ...rest } = target;
  return { ...rest, local: { ...target.local, data: liveData } };
}

export async function openLiveSide(
  root: string,
  backend: BackendName,
  target: Target,
  options: LiveSideOptions,
): Promise<LiveSide> {
  if (backend === 'databricks') return { backend, ...(await openDatabricksLive(root, target, options)) };
  const store =
    options.store ??
    createLocalSpaceStore({
      stateDir: resolveStateDir(root, options.env),
      seed: seedFromRepository(root, options.layout),
    });
  const config = configOf(await store.get(target.liveSpaceId), `live space ${target.liveSpaceId}`);
  const warehouse = await openWarehouseFor(root, liveDataTarget(target), options.space, options.layout);
  try {
    const genie = await createLocalGenie(config, warehouse);
    return { backend, config, genie, warehouse, close: () => warehouse.close() };
  } catch (error) {
    await warehouse.close();
    throw error instanceof Error
      ? new GenieGitopsError(`cannot ask live space ${target.liveSpaceId}: ${error.message}`)
      : error;
  }
}
