/**
 * Resolves what a command works on: the repository root, one space's files and its benchmarks.
 * The backend it is scored against comes opened-on-demand from the entry (BackendOpener).
 */
import { GenieGitopsError } from '../errors.js';
import type { Space } from '../space/schema.js';
import { loadSpaceDir, type LayoutOptions } from '../space/repository.js';
import { spacePaths } from '../space/repo-paths.js';
import { STAGING_MODES, type StagingMode, type Target } from '../space/target.js';

export type { Backend, BackendName, BackendOpener } from '../backend-port.js';

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
