/**
 * Builds a warehouse database inside the worker thread (sqlite-worker.ts): the seeded demo
 * data, a user's .sql script, or a user's SQLite file with its tables exposed under three-part
 * names; then lists its tables and exports it as an image the host keeps for reopening. It runs
 * in the worker so that loading, too, can be stopped (a .sql script may hold a runaway query).
 */
import type { WarehouseTable } from '../ports.js';
import { generateDemoData } from './demo-data.js';
import { quoteIdentifier } from './sql-dialect.js';
import type { PrepareRequest } from './sqlite-protocol.js';
import type { SqlJsDatabase, SqlJsStatic } from './sqljs-loader.js';
import { databricksType } from './sqlite-types.js';
import { messageOf } from '../errors.js';

export interface Prepared {
  image: Uint8Array;
  tables: WarehouseTable[];
}

/** Thrown for a file that is not what it claims; the host turns it into a WarehouseError. */
export class PrepareError extends Error {}

export function prepareDatabase(SQL: SqlJsStatic, request: PrepareRequest): Prepared {
  const { catalog, schema } = request;
  let db: SqlJsDatabase;
  if (request.kind === 'demo') {
    db = new SQL.Database();
    generateDemoData(db, { catalog, schema, seed: request.seed, rows: request.rows });
  } else if (request.kind === 'script') {
    db = new SQL.Database();
    try {
      db.exec(request.text);
    } catch (error) {
      db.close();
      throw new PrepareError(`loading ${request.label} failed: ${messageOf(error)}`);
    }
    exposeTables(db, catalog, schema);
  } else {
    db = new SQL.Database(request.bytes);
    try {
      exposeTables(db, catalog, schema);
    } catch (error) {
      db.close();
      throw new PrepareError(
        `${request.label} is not a SQLite database (${messageOf(error)}): pass a .sqlite/.db file or a .sql script`,
      );
    }
  }
  try {
    // Exported before any function is registered: sql.js reopens the database on export.
    return { tables: listTables(db), image: db.export() };
  } finally {
    db.close();
  }
}

/**
 * Renames a user's plain tables to `<catalog>.<schema>.<table>` and keeps the old name
 * as a view; views get a three-part view on top.
 */
function exposeTables(db: SqlJsDatabase, catalog: string, schema: string): void {
  const rows = db.exec(
    "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const objects = (rows[0]?.values ?? []).map(([type, name]) => ({ type: String(type), name: String(name) }));
  for (const { type, name } of objects) {
    if (name.split('.').length === 3) continue; // already three-part
    const full = quoteIdentifier(`${catalog}.${schema}.${name.toLowerCase()}`);
    if (type === 'table') {
      try {
        db.exec(
          `ALTER TABLE ${quoteIdentifier(name)} RENAME TO ${full}; CREATE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${full};`,
        );
        continue;
      } catch {
        // fall through: expose through a view instead
      }
    }
    db.exec(`CREATE VIEW IF NOT EXISTS ${full} AS SELECT * FROM ${quoteIdentifier(name)}`);
  }
}

function listTables(db: SqlJsDatabase): WarehouseTable[] {
  const result = db.exec("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name");
  const names = (result[0]?.values ?? []).map(([name]) => String(name)).filter((name) => name.split('.').length === 3);
  return names.map((name) => {
    const info = db.exec(`PRAGMA table_info(${quoteIdentifier(name)})`);
    const columns = (info[0]?.values ?? []).map((row) => ({
      name: String(row[1]),
      type: databricksType(String(row[2] ?? '')),
    }));
    return { identifier: name.toLowerCase(), columns };
  });
}
