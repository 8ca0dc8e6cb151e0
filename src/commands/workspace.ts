/**
 * Resolves what a command works on: the repository root, one space's files,
 * its benchmarks, and the backend (warehouse + Genie) it is scored against.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GenieGitopsError } from '../errors.js';
import type { Genie, SpaceStore, Warehouse } from '../ports.js';
import type { Space } from '../space/schema.js';
import { loadSpaceDir } from '../space/repository.js';
import { STAGING_MODES, type StagingMode, type Target } from '../space/target.js';
import { openLocalWarehouse, type LocalWarehouse } from '../local/warehouse.js';
import { createLocalGenie } from '../local/genie/index.js';
import { createLocalDeploymentLog } from '../local/deployment-log.js';
import { createLocalSpaceStore, resolveStateDir, seedFromRepository } from '../local/space-store.js';
import type { DeploymentLog } from '../ports.js';
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

/** `--staging` / the `staging` input: undefined keeps target.yml's choice. */
export function parseStaging(value: string | undefined, name = '--staging'): StagingMode | undefined {
  if (value === undefined) return undefined;
  if ((STAGING_MODES as readonly string[]).includes(value)) return value as StagingMode;
  throw new GenieGitopsError(
    `${name} '${value}' is not supported`,
    `use ${name} temporary (a space per run, trashed at the end) or ${name} shared (the staging_space_id of target.yml)`,
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
  return path.join(root, 'benchmarks', `${space}.yml`);
}

/** Opens the embedded warehouse a space is scored on locally: the demo data, or the user's file named in target.yml. */
export async function openWarehouseFor(root: string, target: Target | undefined): Promise<LocalWarehouse> {
  const data = target?.local?.data ?? 'demo';
  if (data === 'demo') return openLocalWarehouse({ data: 'demo', asOf: target?.local?.asOf });
  const file = path.resolve(root, data);
  if (!existsSync(file)) {
    throw new GenieGitopsError(
      `local data file ${data} named in target.yml does not exist`,
      `create it, or set local.data to 'demo'`,
    );
  }
  return openLocalWarehouse({ data: file, asOf: target?.local?.asOf });
}

export interface Backend {
  name: BackendName;
  warehouse: Warehouse;
  /**
   * A Genie that answers from the given config: locally an engine over that config; on
   * Databricks the run's own temporary space (created on the first call, updated on the next,
   * trashed at close) or, with staging: shared, the shared staging space checked before each question.
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
  /** Databricks staging: overrides target.yml's `staging` (see Target). */
  staging?: StagingMode;
  /** The space's name in the repository (names a temporary staging space). */
  space?: string;
}

export async function openBackend(
  root: string,
  name: BackendName,
  target: Target | undefined,
  options: BackendOptions = {},
): Promise<Backend> {
  if (name === 'databricks') {
    const remote = await openDatabricksBackend(root, target, {
      env: options.env ?? process.env,
      staging: options.staging,
      label: options.space,
    });
    // Genie runs its own SQL in the workspace; only the scorer's statements go through this warehouse.
    return options.wrapWarehouse ? { ...remote, warehouse: options.wrapWarehouse(remote.warehouse) } : remote;
  }
  const local = await openWarehouseFor(root, target);
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

/** The deployment log of the CLI: a file per space in the local state folder (see local/deployment-log.ts). */
export function openLocalDeploymentLog(
  root: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): DeploymentLog {
  return createLocalDeploymentLog(resolveStateDir(root, env));
}
