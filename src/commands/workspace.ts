/**
 * Resolves what a command works on: the repository root, one space's files,
 * its benchmarks, and the backend (warehouse + Genie) it is scored against.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GenieGitopsError, ValidationError } from '../errors.js';
import type { Genie, SpaceStore, Warehouse } from '../ports.js';
import type { Space } from '../space/schema.js';
import { isInside, spacePaths } from '../space/repo-paths.js';
import { loadSpaceDir } from '../space/repository.js';
import type { Target } from '../space/target.js';
import { openLocalWarehouse, type LocalWarehouse } from '../local/warehouse.js';
import { createLocalGenie } from '../local/genie/index.js';
import { createLocalSpaceStore, resolveStateDir, seedFromRepository } from '../local/space-store.js';
import { openDatabricksBackend } from './backend-databricks.js';

export type BackendName = 'local' | 'databricks';

export function parseBackend(value: string | undefined): BackendName {
  const backend = value ?? 'local';
  if (backend === 'local' || backend === 'databricks') return backend;
  throw new GenieGitopsError(
    `unknown backend '${backend}'`,
    'use --backend local (embedded warehouse and Genie engine) or --backend databricks',
  );
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
  return spacePaths(root, space).benchmarksFile;
}

/**
 * Opens the embedded warehouse a space is scored on locally: the demo data, the user's file named
 * in target.yml (which must be inside the repository: CI checks out nothing else, and a config
 * must not point the run at arbitrary files), or a file given on the command line (`dataFile`,
 * absolute or 'demo'), which may be anywhere.
 */
export async function openWarehouseFor(
  root: string,
  target: Target | undefined,
  dataFile?: string,
): Promise<LocalWarehouse> {
  const settings = { asOf: target?.local?.asOf, statementTimeoutMs: target?.local?.statementTimeoutMs };
  if (dataFile !== undefined) {
    if (dataFile !== 'demo' && !existsSync(dataFile))
      throw new GenieGitopsError(`--data ${dataFile} does not exist`, "pass a .sqlite/.db or .sql file, or 'demo'");
    return openLocalWarehouse({ data: dataFile, ...settings });
  }
  const data = target?.local?.data ?? 'demo';
  if (data === 'demo') return openLocalWarehouse({ data: 'demo', ...settings });
  const file = path.resolve(root, data);
  const where = { file: target?.file ?? 'target.yml', path: '$.local.data', line: target?.dataLine };
  if (!isInside(root, file)) {
    throw new ValidationError(
      [{ ...where, message: `local data file ${data} is outside the repository (symlinks are followed)` }],
      'move the file into the repository, or pass --data FILE on the command line to use it for one run',
    );
  }
  if (!existsSync(file)) {
    throw new ValidationError(
      [{ ...where, message: `local data file ${data} does not exist` }],
      `create it, or set local.data to 'demo'`,
    );
  }
  return openLocalWarehouse({ data: file, ...settings });
}

export interface Backend {
  name: BackendName;
  warehouse: Warehouse;
  /**
   * A Genie that answers from the given config: locally an engine over that config; on
   * Databricks the staging space, updated to the config first (idempotently).
   */
  genieFor(space: Space): Promise<Genie>;
  /** Where live and staging spaces are kept (the local state folder, or the workspace). */
  spaces?: SpaceStore;
  close(): Promise<void>;
}

export interface BackendOptions {
  /** Local engine noise (0..1) and seed, for flakiness tests. */
  noise?: number;
  seed?: number;
  /** Wraps the warehouse before anything uses it (enhance memoizes results across scorings). */
  wrapWarehouse?: (warehouse: Warehouse) => Warehouse;
  /** Environment to read Databricks settings from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The local warehouse's data from the command line (absolute path or 'demo'), overriding target.yml. */
  dataFile?: string;
}

export async function openBackend(
  root: string,
  name: BackendName,
  target: Target | undefined,
  options: BackendOptions = {},
): Promise<Backend> {
  if (name === 'databricks') {
    const remote = await openDatabricksBackend(root, target, { env: options.env ?? process.env });
    // Genie runs its own SQL in the workspace; only the scorer's statements go through this warehouse.
    return options.wrapWarehouse ? { ...remote, warehouse: options.wrapWarehouse(remote.warehouse) } : remote;
  }
  const local = await openWarehouseFor(root, target, options.dataFile);
  const warehouse = options.wrapWarehouse ? options.wrapWarehouse(local) : local;
  return {
    name,
    warehouse,
    genieFor: (space) => createLocalGenie(space, warehouse, { noise: options.noise, seed: options.seed }),
    // Live and staging spaces are files in the state folder, seeded from the repository on first read.
    spaces: createLocalSpaceStore({
      stateDir: resolveStateDir(root, options.env ?? process.env),
      seed: seedFromRepository(root),
    }),
    close: async () => {
      await local.close();
    },
  };
}
