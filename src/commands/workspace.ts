/**
 * Resolves what a command works on: the repository root, one space's files,
 * its benchmarks, and the backend (warehouse + Genie) it is scored against.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GenieGitopsError } from '../errors.js';
import type { Genie, Warehouse } from '../ports.js';
import type { Space } from '../space/schema.js';
import { loadSpaceDir } from '../space/repository.js';
import type { Target } from '../space/target.js';
import { openLocalWarehouse, type LocalWarehouse } from '../local/warehouse.js';
import { createLocalGenie } from '../local/genie/index.js';

export type BackendName = 'local' | 'databricks';

export function parseBackend(value: string | undefined): BackendName {
  const backend = value ?? 'local';
  if (backend === 'local' || backend === 'databricks') return backend;
  throw new GenieGitopsError(`unknown backend '${backend}'`, "use --backend local (embedded warehouse and Genie engine) or --backend databricks");
}

export interface LoadedSpace {
  name: string;
  dir: string;
  spaceFile: string;
  space: Space;
  target?: Target;
}

export function loadSpace(root: string, name: string): LoadedSpace {
  const loaded = loadSpaceDir(root, name);
  return { name, dir: loaded.dir, spaceFile: loaded.spaceFile, space: loaded.space, target: loaded.target };
}

export function benchmarksFile(root: string, space: string): string {
  return path.join(root, 'benchmarks', `${space}.yml`);
}

/** Opens the embedded warehouse a space is scored on locally: the demo data, or the user's file named in target.yml. */
export async function openWarehouseFor(root: string, target: Target | undefined): Promise<LocalWarehouse> {
  const data = target?.local?.data ?? 'demo';
  if (data === 'demo') return openLocalWarehouse({ data: 'demo', asOf: target?.local?.asOf });
  const file = path.resolve(root, data);
  if (!existsSync(file)) {
    throw new GenieGitopsError(`local data file ${data} named in target.yml does not exist`, `create it, or set local.data to 'demo'`);
  }
  return openLocalWarehouse({ data: file, asOf: target?.local?.asOf });
}

export interface Backend {
  name: BackendName;
  warehouse: Warehouse;
  /** A Genie bound to the given config (locally) or to the staging space (Databricks). */
  genieFor(space: Space): Promise<Genie>;
  close(): Promise<void>;
}

export interface LocalBackendOptions {
  noise?: number;
  seed?: number;
}

export async function openBackend(root: string, name: BackendName, target: Target | undefined, options: LocalBackendOptions = {}): Promise<Backend> {
  if (name === 'databricks') {
    throw new GenieGitopsError('the databricks backend is not available in this version', 'use --backend local');
  }
  const warehouse = await openWarehouseFor(root, target);
  return {
    name,
    warehouse,
    genieFor: (space) => createLocalGenie(space, warehouse, { noise: options.noise, seed: options.seed }),
    close: async () => {
      await warehouse.close?.();
    },
  };
}
