/**
 * The embedded warehouse: SQLite (sql.js) in the Node process, speaking enough
 * Databricks SQL for Genie-style queries. Loaded with the seeded demo dataset or a
 * user's SQLite file / .sql script, whose tables appear as `<catalog>.<schema>.<table>`.
 *
 * Safety: every statement passes the read-only guard before it runs, and the
 * connection is also put in `PRAGMA query_only` after loading, so SQLite itself
 * refuses writes should anything slip through.
 *
 * Timeouts: sql.js exposes no progress handler or interrupt, so the deadline is
 * checked between result rows and inside every registered Spark function call (the
 * native forms of date functions still route a sample of rows through them).
 * A statement that spends a long time inside one SQLite step without calling any of
 * those functions (e.g. a huge cross join under an aggregate) cannot be interrupted.
 * Running statements in a worker thread that is terminated on timeout would make the
 * limit hard, but costs a copy of the database per worker, a structured clone of every
 * result and a separate worker entry that the ncc bundle must ship; the Genie engine
 * instead refuses the fan-out joins that used to run away (genie/join-graph.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReadOnlyViolationError, WarehouseError } from '../errors.js';
import type {
  Cell,
  ExecuteOptions,
  QueryResult,
  ResultColumn,
  Warehouse,
  WarehouseSchema,
  WarehouseTable,
} from '../ports.js';
import { assertReadOnly } from '../sql/read-only-guard.js';
import { selectItems } from '../sql/select-list.js';
import { DEMO_AS_OF, DEMO_SEED, generateDemoData } from './demo-data.js';
import { quoteIdentifier, registerSparkFunctions, rewriteForSqlite } from './sql-dialect.js';
import { loadSqlJs, type SqlJsDatabase } from './sqljs-loader.js';

export const DEFAULT_ROW_LIMIT = 10_000;
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface LocalWarehouseOptions {
  /** 'demo' (default) or the path of a SQLite database (.sqlite/.db) or a .sql script. */
  data?: 'demo' | string;
  /** Default 'main'. */
  catalog?: string;
  /** Default 'community' for the demo, 'default' for user files. */
  schema?: string;
  /** The fixed clock (ISO date or timestamp). Default '2026-11-01' for the demo, today otherwise. */
  asOf?: string;
  /** Demo data seed; the default gives the documented dataset. */
  seed?: number;
}

const TIMEOUT_MARKER = 'genie-gitops: statement timed out';

/** Opens an embedded warehouse. */
export async function openLocalWarehouse(options: LocalWarehouseOptions = {}): Promise<LocalWarehouse> {
  const SQL = await loadSqlJs();
  const data = options.data ?? 'demo';
  const isDemo = data === 'demo';
  const catalog = (options.catalog ?? 'main').toLowerCase();
  const schema = (options.schema ?? (isDemo ? 'community' : 'default')).toLowerCase();
  const asOf = options.asOf ?? (isDemo ? DEMO_AS_OF : new Date().toISOString().slice(0, 10));
  const seed = options.seed ?? DEMO_SEED;

  let db: SqlJsDatabase;
  if (isDemo) {
    const key = `${catalog}.${schema}#${seed}`;
    const image = demoImages.get(key);
    if (image) {
      db = new SQL.Database(image);
    } else {
      db = new SQL.Database();
      generateDemoData(db, { catalog, schema, seed });
      // Exported before any function is registered: sql.js reopens the database on export.
      demoImages.set(key, db.export());
    }
  } else if (path.extname(data).toLowerCase() === '.sql') {
    db = new SQL.Database();
    try {
      db.exec(readFileSync(data, 'utf8'));
    } catch (error) {
      db.close();
      throw new WarehouseError(`loading ${data} failed: ${messageOf(error)}`, '');
    }
    exposeTables(db, catalog, schema);
  } else {
    const bytes = readFileSync(data);
    if (!isSqliteImage(bytes))
      throw new WarehouseError(
        `${data} is not a SQLite database (a SQLite file starts with "SQLite format 3") nor a .sql script`,
        '',
      );
    db = new SQL.Database(bytes);
    exposeTables(db, catalog, schema);
  }
  return new LocalWarehouse(db, catalog, schema, asOf);
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** True for a SQLite database image (an empty file is an empty database to SQLite). */
export function isSqliteImage(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  return Buffer.from(bytes.subarray(0, SQLITE_HEADER.length)).toString('latin1') === SQLITE_HEADER;
}

/** Generated demo databases, as SQLite images, so a second open in the same process is a copy. */
const demoImages = new Map<string, Uint8Array>();

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

export class LocalWarehouse implements Warehouse {
  private statements = 0;
  private deadline = Number.POSITIVE_INFINITY;
  private readonly tableNames: Set<string>;
  private closed = false;

  constructor(
    private readonly db: SqlJsDatabase,
    readonly catalog: string,
    /** The schema tables live in (`schema()` is the Warehouse method listing them). */
    readonly schemaName: string,
    readonly asOf: string,
  ) {
    registerSparkFunctions(db, { beforeCall: () => this.checkDeadline() });
    // Spark's LIKE is case-sensitive; SQLite's is not by default.
    // temp_store = MEMORY: sorts and DISTINCT otherwise spill to sql.js's emulated file system, which dominated run time.
    db.exec(
      'PRAGMA case_sensitive_like = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA query_only = ON;',
    );
    this.tableNames = new Set(this.listTables().map((t) => t.identifier));
  }

  /** How many statements reached the engine (refused ones do not count). */
  get statementCount(): number {
    return this.statements;
  }

  /** The SQL actually run by SQLite for a Databricks SQL text (for debugging). */
  translate(sql: string): string {
    return rewriteForSqlite(sql, { asOf: this.asOf, catalog: this.catalog, tables: this.tableNames });
  }

  async execute(sql: string, options: ExecuteOptions = {}): Promise<QueryResult> {
    if (this.closed) throw new WarehouseError('the warehouse is closed', sql);
    assertReadOnly(sql);
    if (options.signal?.aborted) throw new WarehouseError('the statement was cancelled', sql, 'CANCELLED');
    const rowLimit = options.rowLimit !== undefined && options.rowLimit > 0 ? options.rowLimit : DEFAULT_ROW_LIMIT;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.statements++;
    const started = Date.now();
    this.deadline = started + timeoutMs;
    let statement: Statement | undefined;
    try {
      const translated = this.translate(sql);
      statement = this.db.prepare(translated);
      const names = originalColumnNames(statement.getColumnNames(), sql, translated);
      const raw: unknown[][] = [];
      let truncated = false;
      while (statement.step()) {
        if (raw.length >= rowLimit) {
          truncated = true;
          break;
        }
        raw.push(getRow(statement));
        if ((raw.length & 255) === 0) {
          this.checkDeadline();
          if (options.signal?.aborted) throw new WarehouseError('the statement was cancelled', sql, 'CANCELLED');
        }
      }
      return toResult(names, raw, truncated);
    } catch (error) {
      if (error instanceof WarehouseError || error instanceof ReadOnlyViolationError) throw error;
      const message = messageOf(error);
      if (message.includes(TIMEOUT_MARKER)) {
        throw new WarehouseError(`the statement ran longer than ${timeoutMs} ms and was stopped`, sql, 'TIMEOUT');
      }
      throw new WarehouseError(message, sql, 'SQL_ERROR');
    } finally {
      statement?.free();
      this.deadline = Number.POSITIVE_INFINITY;
    }
  }

  async schema(): Promise<WarehouseSchema> {
    return { tables: this.listTables() };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private checkDeadline(): void {
    if (Date.now() > this.deadline) throw new Error(TIMEOUT_MARKER);
  }

  private listTables(): WarehouseTable[] {
    const result = this.db.exec("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name");
    const names = (result[0]?.values ?? [])
      .map(([name]) => String(name))
      .filter((name) => name.split('.').length === 3);
    return names.map((name) => {
      const info = this.db.exec(`PRAGMA table_info(${quoteIdentifier(name)})`);
      const columns = (info[0]?.values ?? []).map((row) => ({
        name: String(row[1]),
        type: databricksType(String(row[2] ?? '')),
      }));
      return { identifier: name.toLowerCase(), columns };
    });
  }
}

/** Maps a declared SQLite column type to the Databricks type name. */
export function databricksType(declared: string): string {
  const t = declared.trim().toUpperCase();
  if (t === '') return 'STRING';
  if (t.startsWith('BOOL')) return 'BOOLEAN';
  if (t === 'DATE') return 'DATE';
  if (t.startsWith('TIMESTAMP') || t.startsWith('DATETIME')) return 'TIMESTAMP';
  if (t.includes('INT')) return 'BIGINT';
  if (t.startsWith('DECIMAL') || t.startsWith('NUMERIC')) return 'DECIMAL';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'DOUBLE';
  if (t.includes('BLOB') || t.includes('BINARY')) return 'BINARY';
  return 'STRING';
}

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/**
 * Infers a column's type from its values: BIGINT, DOUBLE, DATE, TIMESTAMP, STRING, BINARY,
 * or '' when all NULL. With `bigintMode`, integers arrive as bigint and every number is a real.
 */
export function inferColumnType(values: Iterable<unknown>, bigintMode = false): string {
  let kind = '';
  const widen = (next: string) => {
    if (kind === '' || kind === next) kind = next;
    else if ((kind === 'BIGINT' && next === 'DOUBLE') || (kind === 'DOUBLE' && next === 'BIGINT')) kind = 'DOUBLE';
    else if ((kind === 'DATE' && next === 'TIMESTAMP') || (kind === 'TIMESTAMP' && next === 'DATE')) kind = 'TIMESTAMP';
    else kind = 'STRING';
  };
  for (const value of values) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'bigint') widen('BIGINT');
    else if (typeof value === 'number') widen(!bigintMode && Number.isInteger(value) ? 'BIGINT' : 'DOUBLE');
    else if (value instanceof Uint8Array) widen('BINARY');
    else {
      const text = String(value);
      widen(DATE_TEXT.test(text) ? 'DATE' : TIMESTAMP_TEXT.test(text) ? 'TIMESTAMP' : 'STRING');
    }
  }
  return kind;
}

/**
 * sql.js with useBigInt returns integers as bigint and reals as number, which is how
 * BIGINT and DOUBLE are told apart (3.0 from AVG stays DOUBLE).
 */
function toResult(names: string[], raw: unknown[][], truncated: boolean): QueryResult {
  const columns: ResultColumn[] = names.map((name, c) => ({
    name,
    type: inferColumnType(
      raw.map((row) => row[c]),
      true,
    ),
  }));
  const rows: Cell[][] = raw.map((row) => row.map(toCell));
  return { columns, rows, truncated };
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value.toString();
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return String(value);
}

/**
 * SQLite names an unaliased expression column by its text, which is the rewritten text
 * (`sum(a)* 1.0 /count(*)`); give such columns the text the user wrote instead.
 */
function originalColumnNames(names: string[], original: string, translated: string): string[] {
  const before = selectItems(original);
  const after = selectItems(translated);
  if (before.length !== after.length || names.length !== after.length) return names; // e.g. SELECT *
  return names.map((name, i) => (!after[i].alias && name === after[i].text ? before[i].text : name));
}

type Statement = ReturnType<SqlJsDatabase['prepare']>;

/** The current row with integers as bigint (sql.js supports this; its typings do not declare it). */
function getRow(statement: Statement): unknown[] {
  const get = statement.get as (params: null, config: { useBigInt: boolean }) => unknown[];
  return get.call(statement, null, { useBigInt: true });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
