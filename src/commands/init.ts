/** `init`: bootstrap a thin space config (tables and columns only, as a new Genie space has) from a warehouse schema. */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ConfigError, GenieGitopsError } from '../errors.js';
import type { DataFiles, WarehouseSchema } from '../ports.js';
import { canonicalizeSpace } from '../space/canonical.js';
import type { Space } from '../space/schema.js';
import { writeSpaceFile } from '../space/space-file.js';
import { isInside, spacePaths } from '../space/repo-paths.js';

export interface InitOptions {
  root: string;
  space: string;
  /** A SQLite database file or a .sql script; the demo data when absent. */
  from?: string;
  /** What the user said `from` is (--from-sqlite or --from-sql); checked before anything is read. */
  kind?: 'sqlite' | 'sql';
  force?: boolean;
  /** The embedded warehouse's files (the entry hands in src/wiring/local-data.ts). */
  data: DataFiles;
}

export interface InitResult {
  spaceFile: string;
  targetFile: string;
  tables: string[];
  /** False when space.json existed and only the missing target.yml was written. */
  wroteSpace: boolean;
  /** Set when the database came from outside the repository: it was copied to `dataFile`. */
  copiedFrom?: string;
  dataFile?: string;
}

export async function initCommand(options: InitOptions): Promise<InitResult> {
  const { dir, spaceFile, targetFile } = spacePaths(options.root, options.space);
  if (!options.force && existsSync(targetFile)) {
    throw new GenieGitopsError(
      `${path.relative(options.root, targetFile)} already exists`,
      'pass --force to overwrite it and space.json, or choose another --space',
    );
  }
  // A space.json without its target.yml (the error of score and validate says to run init): keep the
  // config someone wrote and add only the missing target.yml.
  const keepSpace = !options.force && existsSync(spaceFile);
  let data = 'demo';
  let copiedFrom: string | undefined;
  if (options.from) {
    const file = path.resolve(options.root, options.from);
    if (!existsSync(file))
      throw new GenieGitopsError(
        `${options.from} does not exist`,
        'pass the path of a SQLite database file or a .sql script',
      );
    checkKind(file, options.from, options.kind, options.data);
    // local.data must stay inside the repository (CI checks out nothing else), so a database from
    // elsewhere is copied beside the space and target.yml names the copy.
    const inRepo = isInside(options.root, file) ? file : copyIntoSpace(file, dir, options.force ?? false);
    if (inRepo !== file) copiedFrom = options.from;
    data = path.relative(options.root, inRepo).split(path.sep).join('/');
  }
  const warehouse = await options.data.open(data === 'demo' ? 'demo' : path.resolve(options.root, data));
  let schema: WarehouseSchema;
  try {
    schema = await warehouse.schema();
  } finally {
    await warehouse.close?.();
  }
  if (schema.tables.length === 0)
    throw new GenieGitopsError(`${data} has no tables`, 'load a database with at least one table');
  mkdirSync(dir, { recursive: true });
  if (!keepSpace) writeSpaceFile(spaceFile, thinSpaceFromSchema(schema));
  const target = {
    title: options.space,
    live_space_id: spaceId('live', options.space),
    staging_space_id: spaceId('staging', options.space),
    warehouse_id: 'local',
    local: { data },
  };
  writeFileSync(targetFile, YAML.stringify(target));
  return {
    spaceFile,
    targetFile,
    tables: schema.tables.map((t) => t.identifier),
    wroteSpace: !keepSpace,
    ...(copiedFrom !== undefined ? { copiedFrom, dataFile: path.resolve(options.root, data) } : {}),
  };
}

/** Copies a database from outside the repository into spaces/<name>/, refusing to replace a different file. */
function copyIntoSpace(file: string, dir: string, force: boolean): string {
  const copy = path.join(dir, path.basename(file));
  if (existsSync(copy) && !force && !readFileSync(copy).equals(readFileSync(file)))
    throw new GenieGitopsError(
      `${copy} already exists and differs from ${file}`,
      'pass --force to replace it, or remove it first',
    );
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, copy);
  return copy;
}

/**
 * A file given as a database must be one, and a script must end in .sql (target.yml records only
 * the path, and later commands read a .sql file as a script and anything else as a database).
 */
function checkKind(file: string, given: string, kind: 'sqlite' | 'sql' | undefined, files: DataFiles): void {
  if (statSync(file).isDirectory())
    throw new ConfigError(`${given} is a folder: pass a SQLite database file or a .sql script`);
  const isScript = path.extname(file).toLowerCase() === '.sql';
  if (kind === 'sql' && !isScript)
    throw new ConfigError(
      `${given} is not a .sql script: --from-sql reads a file ending in .sql (pass a database with --from-sqlite)`,
    );
  if (kind !== 'sql' && !isScript && !files.isDatabase(readFileSync(file)))
    throw new ConfigError(
      `${given} is not a SQLite database (no "SQLite format 3" header): pass a database with --from-sqlite, or a .sql script with --from-sql`,
    );
}

/** The config a freshly created Genie space has: its tables and their columns, nothing else. */
export function thinSpaceFromSchema(schema: WarehouseSchema): Space {
  return canonicalizeSpace({
    version: 2,
    data_sources: {
      tables: schema.tables.map((table) => ({
        identifier: table.identifier,
        column_configs: table.columns.map((column) => ({ column_name: column.name })),
      })),
    },
  });
}

/** Local space ids are derived from the name so re-running init gives the same target.yml. */
function spaceId(kind: string, name: string): string {
  return createHash('sha256').update(`${kind}:${name}`).digest('hex').slice(0, 32);
}
