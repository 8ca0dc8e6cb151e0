/**
 * The embedded backend: the local warehouse over the space's data (target.yml's local.data, or
 * --data), the local Genie engine over the config being scored, and the state folder as the
 * space store. Built by the opener in backend.ts; commands see only the Backend port.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Backend, LiveSide, OpenBackendRequest, OpenLiveRequest } from '../backend-port.js';
import { GenieGitopsError } from '../errors.js';
import { createLocalGenie } from '../local/genie/index.js';
import { createLocalSpaceStore, seedFromRepository } from '../local/space-store.js';
import { openWarehouseFor } from '../local/target-warehouse.js';
import type { LocalWarehouse } from '../local/warehouse.js';
import type { Genie, StoredSpace, Warehouse } from '../ports.js';
import { hashSpace } from '../space/hash.js';
import type { LayoutOptions } from '../space/repository.js';
import { SpaceSchema, type Space } from '../space/schema.js';
import { parseSpaceText } from '../space/space-file.js';
import type { Target } from '../space/target.js';

function localSpaces(stateDir: string, root: string, layout: LayoutOptions | undefined) {
  // Live and staging spaces are files in the state folder, seeded from the repository on first read.
  return createLocalSpaceStore({ stateDir, seed: seedFromRepository(root, layout) });
}

export async function openLocalBackend(request: OpenBackendRequest, stateDir: string): Promise<Backend> {
  const { root, target } = request;
  const local = request.spacesOnly
    ? undefined
    : await openWarehouseFor(root, target, request.space, request.layout, request.dataFile, request.demoRows);
  const base: Warehouse = local ?? unavailableWarehouse();
  const warehouse = request.wrapWarehouse ? request.wrapWarehouse(base) : base;
  const engines = new Map<string, Promise<Genie>>();
  return {
    name: 'local',
    warehouse,
    deterministic: !(request.noise !== undefined && request.noise > 0),
    dataVersion: local ? localDataVersion(root, target, local, request.dataFile) : undefined,
    isolateFixes: true,
    genieFor: (space, overrides) => {
      const seed = overrides?.seed ?? request.seed;
      const key = `${hashSpace(space)}#${seed ?? ''}`;
      let engine = engines.get(key);
      if (!engine) engines.set(key, (engine = createLocalGenie(space, warehouse, { noise: request.noise, seed })));
      return engine;
    },
    spaces: localSpaces(stateDir, root, request.layout),
    close: async () => {
      await local?.close();
    },
  };
}

/** The local data's identity: the demo generator, or the file with its size and time, and the warehouse's today. */
function localDataVersion(root: string, target: Target | undefined, local: LocalWarehouse, dataFile?: string): string {
  const data = dataFile ?? target?.local?.data ?? 'demo';
  if (data === 'demo') return `demo|${local.asOf}`;
  const file = path.resolve(root, data);
  try {
    const stat = statSync(file);
    return `file|${file}|${stat.size}|${stat.mtimeMs}|${local.asOf}`;
  } catch {
    return `file|${file}|?|${local.asOf}`;
  }
}

/** The warehouse of a backend opened for its space store only: any query is a programming error. */
function unavailableWarehouse(): Warehouse {
  const refuse = (): never => {
    throw new GenieGitopsError('this command opened the backend without a warehouse');
  };
  return { execute: async () => refuse(), schema: async () => refuse() };
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

/**
 * The live space locally: the local engine over the config the state folder holds for the live
 * space, on the live data (`local.live_data` of target.yml, default `local.data`: a production
 * workspace may hold other data than staging).
 */
export async function openLocalLive(request: OpenLiveRequest, stateDir: string): Promise<LiveSide> {
  const { root, target } = request;
  const store = request.store ?? localSpaces(stateDir, root, request.layout);
  const config = configOf(await store.get(target.liveSpaceId), `live space ${target.liveSpaceId}`);
  const warehouse = await openWarehouseFor(root, liveDataTarget(target), request.space, request.layout);
  try {
    const genie = await createLocalGenie(config, warehouse);
    return { config, genie, warehouse, close: () => warehouse.close() };
  } catch (error) {
    await warehouse.close();
    throw error instanceof Error
      ? new GenieGitopsError(`cannot ask live space ${target.liveSpaceId}: ${error.message}`)
      : error;
  }
}
