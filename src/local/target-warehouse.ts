/**
 * The embedded warehouse of one space: the data its target.yml names (`local.data`), checked to be
 * inside the repository, or a file given for one run. Used by the local backend (src/wiring/) and
 * by serve, which answers statements on the same data.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, GenieGitopsError, ValidationError } from '../errors.js';
import { findSpaceEntry, repoRelative, type LayoutOptions } from '../space/repository.js';
import { isInside, repoPaths } from '../space/repo-paths.js';
import type { Target } from '../space/target.js';
import { openLocalWarehouse, type LocalWarehouse } from './warehouse.js';

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
