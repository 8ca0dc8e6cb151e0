/** `init`: bootstrap a thin space config (tables and columns only, as a new Genie space has) from a warehouse schema. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { GenieGitopsError } from '../errors.js';
import type { WarehouseSchema } from '../ports.js';
import { canonicalizeSpace } from '../space/canonical.js';
import type { Space } from '../space/schema.js';
import { writeSpaceFile } from '../space/space-file.js';
import { openLocalWarehouse } from '../local/warehouse.js';
import { resolveInside, spacePaths } from '../space/repo-paths.js';

export interface InitOptions {
  root: string;
  space: string;
  /** A SQLite database file or a .sql script; the demo data when absent. */
  from?: string;
  force?: boolean;
}

export interface InitResult {
  spaceFile: string;
  targetFile: string;
  tables: string[];
}

export async function initCommand(options: InitOptions): Promise<InitResult> {
  const { dir, spaceFile, targetFile } = spacePaths(options.root, options.space);
  if (!options.force && (existsSync(spaceFile) || existsSync(targetFile))) {
    throw new GenieGitopsError(
      `${path.relative(options.root, spaceFile)} already exists`,
      'pass --force to overwrite it, or choose another --space',
    );
  }
  let data = 'demo';
  if (options.from) {
    const file = path.resolve(options.root, options.from);
    if (!existsSync(file))
      throw new GenieGitopsError(
        `${options.from} does not exist`,
        'pass the path of a SQLite database file or a .sql script',
      );
    // target.yml names it relative to the root, and local.data must stay inside the repository.
    resolveInside(
      options.root,
      file,
      `the database ${options.from}`,
      'copy it into the repository first (CI checks out only the repository), then run init on the copy',
    );
    data = path.relative(options.root, file).split(path.sep).join('/');
  }
  const warehouse = await openLocalWarehouse({ data: data === 'demo' ? 'demo' : path.resolve(options.root, data) });
  let schema: WarehouseSchema;
  try {
    schema = await warehouse.schema();
  } finally {
    await warehouse.close?.();
  }
  if (schema.tables.length === 0)
    throw new GenieGitopsError(`${data} has no tables`, 'load a database with at least one table');
  const space = thinSpaceFromSchema(schema);
  mkdirSync(dir, { recursive: true });
  writeSpaceFile(spaceFile, space);
  const target = {
    title: options.space,
    live_space_id: spaceId('live', options.space),
    staging_space_id: spaceId('staging', options.space),
    warehouse_id: 'local',
    local: { data },
  };
  writeFileSync(targetFile, YAML.stringify(target));
  return { spaceFile, targetFile, tables: schema.tables.map((t) => t.identifier) };
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
