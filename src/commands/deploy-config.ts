/**
 * What deploy puts on a live space: the repository's config, with Genie's benchmark section
 * filled from `benchmarks/<space>.yml` when sync-benchmarks asks for it. The drift guard hashes
 * this deployed form, so an edit of the live space's benchmarks is drift like any other edit.
 */
import { existsSync } from 'node:fs';
import { withSyncedBenchmarks, type SyncBenchmarks } from '../benchmarks/genie-benchmarks.js';
import { loadBenchmarks, parseBenchmarksText } from '../benchmarks/loader.js';
import type { Benchmark } from '../benchmarks/types.js';
import { GenieGitopsError } from '../errors.js';
import { ZERO_SHA, type Git } from '../ports.js';
import { hashSpace } from '../space/hash.js';
import { spacePaths, repoPaths } from '../space/repo-paths.js';
import type { Space } from '../space/schema.js';
import { parseSpaceText } from '../space/space-file.js';
import { repoRelative } from '../space/repository.js';

/** The space's benchmarks, or undefined when it has no benchmark file. */
export function benchmarksOf(root: string, space: string): Benchmark[] | undefined {
  const file = spacePaths(root, space).benchmarksFile;
  return existsSync(file) ? loadBenchmarks(file, space).benchmarks : undefined;
}

export function deployedConfig(
  space: Space,
  benchmarks: Benchmark[] | undefined,
  mode: SyncBenchmarks,
  name: string,
): Space {
  if (mode === 'none') return space;
  if (!benchmarks)
    throw new GenieGitopsError(
      `sync-benchmarks: ${mode} needs ${repoPaths.benchmarksFile(name)}, which does not exist`,
      'add the benchmark file, or deploy with sync-benchmarks: none',
    );
  return withSyncedBenchmarks(space, benchmarks, mode);
}

/** The deployed form of the config at the push's `before` (its config and benchmark files then), hashed. */
export async function deployedHashAt(
  git: Git,
  before: string | undefined,
  root: string,
  name: string,
  configPath: string,
  mode: SyncBenchmarks,
): Promise<string | undefined> {
  if (!before || ZERO_SHA.test(before)) return undefined;
  const text = await git.tryShow(before, configPath);
  if (text === undefined) return undefined;
  const space = parseSpaceText(text, `${configPath}@${before.slice(0, 7)}`);
  if (mode === 'none') return hashSpace(space);
  const file = repoRelative(root, spacePaths(root, name).benchmarksFile);
  const yml = await git.tryShow(before, file);
  if (yml === undefined) return undefined;
  try {
    return hashSpace(withSyncedBenchmarks(space, parseBenchmarksText(yml, file, name).benchmarks, mode));
  } catch {
    return undefined; // an invalid old benchmark file cannot be what was deployed
  }
}
