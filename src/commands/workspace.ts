/**
 * Resolves what a command works on: the repository root, one space's files,
 * its benchmarks, and the backend (warehouse + Genie) it is scored against.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, GenieGitopsError, ValidationError } from '../errors.js';
import type { Backend, BackendName } from '../backend-port.js';
import type { DeploymentLog, Env, Genie, Warehouse } from '../ports.js';
import { hashSpace } from '../space/hash.js';
import type { Space } from '../space/schema.js';
import { findSpaceEntry, loadSpaceDir, repoRelative, type LayoutOptions } from '../space/repository.js';
import { isInside, spacePaths, repoPaths } from '../space/repo-paths.js';
import { STAGING_MODES, type StagingMode, type Target } from '../space/target.js';
import { openLocalWarehouse, type LocalWarehouse } from '../local/warehouse.js';
import { createLocalGenie } from '../local/genie/index.js';
import { createLocalDeploymentLog } from '../local/deployment-log.js';
import { createLocalSpaceStore, resolveStateDir, seedFromRepository } from '../local/space-store.js';
import { openDatabricksBackend } from './backend-databricks.js';

export type { Backend, BackendName } from '../backend-port.js';

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
  /** Repository-relative path of the config file (forward slashes). */
  configPath: string;
  space: Space;
  target?: Target;
}

/** One space of the repository, from spaces/<name>/ or from a bundle's genie_spaces (see space/repository.ts). */
export function loadSpace(root: string, name: string, layout: LayoutOptions = {}): LoadedSpace {
  const loaded = loadSpaceDir(root, name, layout);
  return {
    name,
    dir: loaded.dir,
    spaceFile: loaded.spaceFile,
    configPath: loaded.configPath,
    space: loaded.space,
    target: loaded.target,
  };
}

export function benchmarksFile(root: string, space: string): string {
  return spacePaths(root, space).benchmarksFile;
}

/**
 * Opens the embedded warehouse a space is scored on locally: the file named by `local.data` in
 * its target.yml (which must be inside the repository: CI checks out nothing else, and a config
 * must not point the run at arbitrary files), the generated demo data when it says
 * `local.data: demo`, or a file given on the command line (`dataFile`, absolute or 'demo'), which
 * may be anywhere. The demo data is never a silent fallback: without a target.yml or a local.data
 * the error says how to add one.
 */
export async function openWarehouseFor(
  root: string,
  target: Target | undefined,
  space?: string,
  layout: LayoutOptions = {},
  dataFile?: string,
  demoRows?: boolean,
): Promise<LocalWarehouse> {
  const settings = { asOf: target?.local?.asOf, statementTimeoutMs: target?.local?.statementTimeoutMs, demoRows };
  if (dataFile !== undefined) {
    if (dataFile !== 'demo' && !existsSync(dataFile))
      throw new GenieGitopsError(`--data ${dataFile} does not exist`, "pass a .sqlite/.db or .sql file, or 'demo'");
    return openLocalWarehouse({ data: dataFile, ...settings });
  }
  const where = target?.file ?? (space ? targetLabel(root, space, layout) : 'target.yml');
  if (!target) {
    throw new ConfigError(
      `${where} is missing, so the local backend does not know which data ${space ? `space ${space}` : 'the space'} asks about`,
      `create it with: genie-gitops init --space ${space ?? 'NAME'} --from-sqlite FILE.sqlite (or --from-sql FILE.sql, or no --from-* for the demo data); an existing space.json is kept`,
    );
  }
  const data = target.local?.data;
  if (!data) {
    throw new ConfigError(
      `${where} has no local.data, so the local backend does not know which data to query`,
      'add `local: { data: path/to/file.sqlite }` (a .sqlite file or .sql script relative to the repository root, or `demo` for the generated demo data), pass --data FILE, or use --backend databricks',
    );
  }
  if (data === 'demo') return openLocalWarehouse({ data: 'demo', ...settings });
  const file = path.resolve(root, data);
  const at = { file: where, path: '$.local.data', line: target.dataLine };
  if (!isInside(root, file)) {
    throw new ValidationError(
      [{ ...at, message: `local data file ${data} is outside the repository (symlinks are followed)` }],
      'move the file into the repository, or pass --data FILE on the command line to use it for one run',
    );
  }
  if (!existsSync(file)) {
    throw new ValidationError(
      [{ ...at, message: `local data file ${data} does not exist` }],
      `create it, fix local.data, or set local.data to 'demo' for the generated demo data`,
    );
  }
  return openLocalWarehouse({ data: file, ...settings });
}

/** The file that holds (or should hold) a space's target: spaces/NAME/target.yml, or a bundle space's overlay. */
function targetLabel(root: string, space: string, layout: LayoutOptions): string {
  try {
    const entry = findSpaceEntry(root, space, layout);
    if (entry) return repoRelative(path.resolve(root), entry.targetFile);
  } catch {
    // A broken databricks.yml is reported by the command that reads it; the message still needs a name.
  }
  return repoPaths.targetFile(space);
}

export interface BackendOptions {
  /** Local engine noise (0..1) and seed, for flakiness tests. */
  noise?: number;
  seed?: number;
  /** Wraps the warehouse before anything uses it (enhance memoizes results across scorings). */
  wrapWarehouse?: (warehouse: Warehouse) => Warehouse;
  /** Settings of the databricks backend and the state folder, as environment variables (from the entry; default none). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The space's name in the repository, for messages about its target.yml (and naming a temporary staging space). */
  space?: string;
  /** Only the space store is needed (deploy, export): the local warehouse is not opened. */
  spacesOnly?: boolean;
  /** Which bundle target bundle-declared spaces are read for (seeds the local space store). */
  layout?: LayoutOptions;
  /** The local warehouse's data from the command line (absolute path or 'demo'), overriding target.yml. */
  dataFile?: string;
  /** Databricks staging: overrides target.yml's `staging` (see Target). */
  staging?: StagingMode;
  /** false: the demo's tables are empty (validate runs statements for their names and syntax, not rows). */
  demoRows?: boolean;
}

export async function openBackend(
  root: string,
  name: BackendName,
  target: Target | undefined,
  options: BackendOptions = {},
): Promise<Backend> {
  if (name === 'databricks') {
    const remote = await openDatabricksBackend(root, target, {
      env: options.env ?? {},
      staging: options.staging,
      label: options.space,
    });
    // Genie runs its own SQL in the workspace; only the scorer's statements go through this warehouse.
    return options.wrapWarehouse ? { ...remote, warehouse: options.wrapWarehouse(remote.warehouse) } : remote;
  }
  const local = options.spacesOnly
    ? undefined
    : await openWarehouseFor(root, target, options.space, options.layout, options.dataFile, options.demoRows);
  const base: Warehouse = local ?? unavailableWarehouse();
  const warehouse = options.wrapWarehouse ? options.wrapWarehouse(base) : base;
  const engines = new Map<string, Promise<Genie>>();
  return {
    name,
    warehouse,
    deterministic: !(options.noise !== undefined && options.noise > 0),
    dataVersion: local ? localDataVersion(root, target, local, options.dataFile) : undefined,
    isolateFixes: true,
    genieFor: (space, overrides) => {
      const seed = overrides?.seed ?? options.seed;
      const key = `${hashSpace(space)}#${seed ?? ''}`;
      let engine = engines.get(key);
      if (!engine) engines.set(key, (engine = createLocalGenie(space, warehouse, { noise: options.noise, seed })));
      return engine;
    },
    // Live and staging spaces are files in the state folder, seeded from the repository on first read.
    spaces: createLocalSpaceStore({
      stateDir: resolveStateDir(root, options.env ?? {}),
      seed: seedFromRepository(root, options.layout),
    }),
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

/** The deployment log of the CLI: a file per space in the local state folder (see local/deployment-log.ts). */
export function openLocalDeploymentLog(root: string, env: Env = {}): DeploymentLog {
  return createLocalDeploymentLog(resolveStateDir(root, env));
}
