/**
 * The embedded warehouse: SQLite (sql.js) speaking enough Databricks SQL for Genie-style
 * queries. Loaded with the seeded demo dataset or a user's SQLite file / .sql script, whose
 * tables appear as `<catalog>.<schema>.<table>`.
 *
 * Safety: every statement passes the SQL gate before it runs, and so does its SQLite rewrite
 * (the text SQLite actually reads); the connection is also in `PRAGMA query_only`, so SQLite
 * itself refuses writes should anything slip through.
 *
 * Timeouts: statements run in a worker thread (sqlite-host.ts) that is terminated when one runs
 * past its limit, so even a statement that never yields (an unbounded recursive CTE) stops on
 * time and fails as TIMEOUT; the next statement gets a fresh worker. The limit is the caller's
 * `timeoutMs`, capped by the warehouse's `statementTimeoutMs` (target.yml `local.statement_timeout_s`).
 *
 * The database is built in the worker too (demo data generated, a user's script run, a user's
 * tables exposed under three-part names; sqlite-prepare.ts), within a time limit, and kept here
 * as an image the worker reopens after a stop; this thread never runs SQLite. The demo is built
 * only when its first statement runs: its schema is known without the rows (demo-schema.ts), so
 * `validate` and `lint` start in a fraction of a second.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReadOnlyViolationError, WarehouseError, messageOf } from '../errors.js';
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
import { DEMO_AS_OF, DEMO_SEED } from './demo-data.js';
import { demoSchemaTables } from './demo-schema.js';
import { rewriteForSqlite } from './sql-dialect.js';
import { sqliteHost, StatementStopped, type SqliteHost } from './sqlite-host.js';
import type { PrepareRequest } from './sqlite-protocol.js';

export const DEFAULT_ROW_LIMIT = 10_000;
/** The default limit of one statement (also the cap on any limit a caller asks for). */
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
  /** Longest any statement may run; default 30 000 ms. A longer timeoutMs from a caller is cut to this. */
  statementTimeoutMs?: number;
  /** Longest building the database may take; default LOAD_TIMEOUT_MS. */
  loadTimeoutMs?: number;
  /**
   * false: the demo's tables stay empty. Statements still compile and run, so names, functions
   * and syntax are checked (validate), in milliseconds instead of the second generating takes.
   */
  demoRows?: boolean;
}

/** Opens an embedded warehouse. */
export async function openLocalWarehouse(options: LocalWarehouseOptions = {}): Promise<LocalWarehouse> {
  const data = options.data ?? 'demo';
  const isDemo = data === 'demo';
  const catalog = (options.catalog ?? 'main').toLowerCase();
  const schema = (options.schema ?? (isDemo ? 'community' : 'default')).toLowerCase();
  const asOf = options.asOf ?? (isDemo ? DEMO_AS_OF : new Date().toISOString().slice(0, 10));
  const host = sqliteHost();
  const where = { catalog, schema, seed: options.seed ?? DEMO_SEED, rows: options.demoRows ?? true };
  const loadTimeoutMs = options.loadTimeoutMs ?? LOAD_TIMEOUT_MS;
  const settings = { catalog, schema, asOf, statementTimeoutMs: options.statementTimeoutMs ?? DEFAULT_TIMEOUT_MS };
  if (isDemo) {
    // The schema is known without the rows: they are generated when the first statement runs.
    const tables = demoSchemaTables(catalog, schema);
    const load = async () => {
      const prepared = await prepareImage(host, data, where, loadTimeoutMs);
      assertSameTables(prepared.tables, tables);
      return host.register(prepared.image);
    };
    const warehouse = new LocalWarehouse(host, load, tables, settings);
    // Empty tables build in milliseconds: start now, so the worker starts while the caller parses its files.
    if (!where.rows) void warehouse.prepare();
    return warehouse;
  }
  const prepared = await prepareImage(host, data, where, loadTimeoutMs);
  const id = host.register(prepared.image);
  return new LocalWarehouse(host, async () => id, prepared.tables, settings);
}

/** The generated demo database lists exactly the tables demo-schema.ts reported before it existed. */
function assertSameTables(generated: WarehouseTable[], declared: WarehouseTable[]): void {
  if (JSON.stringify(generated) !== JSON.stringify(declared))
    throw new WarehouseError(
      'the generated demo database does not match src/local/demo-schema.ts: change both together',
      '',
    );
}

interface PreparedImage {
  image: Uint8Array;
  tables: WarehouseTable[];
}

/** Generated demo databases, so a second open in the same process is a copy. */
const demoImages = new Map<string, PreparedImage>();

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** True for a SQLite database image (an empty file is an empty database to SQLite). */
export function isSqliteImage(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  return Buffer.from(bytes.subarray(0, SQLITE_HEADER.length)).toString('latin1') === SQLITE_HEADER;
}

/**
 * Longest a database may take to build: the demo takes about a second, a user's .sql script
 * longer; one that never finishes (a runaway INSERT ... SELECT) is stopped and reported.
 */
export const LOAD_TIMEOUT_MS = 120_000;

async function prepareImage(
  host: SqliteHost,
  data: string,
  where: { catalog: string; schema: string; seed: number; rows: boolean },
  timeoutMs: number,
): Promise<PreparedImage> {
  const { catalog, schema, seed, rows } = where;
  const key = `${catalog}.${schema}#${seed}${rows ? '' : '#empty'}`;
  const cached = data === 'demo' ? demoImages.get(key) : undefined;
  if (cached) return cached;
  let request: PrepareRequest;
  if (data === 'demo') request = { kind: 'demo', catalog, schema, seed, rows };
  else if (path.extname(data).toLowerCase() === '.sql')
    request = { kind: 'script', catalog, schema, label: data, text: readFileSync(data, 'utf8') };
  else request = { kind: 'file', catalog, schema, label: data, bytes: readFileSync(data) };
  try {
    const prepared = await host.prepare(request, timeoutMs);
    if (data === 'demo') demoImages.set(key, prepared);
    return prepared;
  } catch (error) {
    if (error instanceof StatementStopped)
      throw new WarehouseError(`loading ${data} took longer than ${timeoutMs} ms and was stopped`, '', 'TIMEOUT');
    throw new WarehouseError(messageOf(error), '');
  }
}

interface WarehouseSettings {
  catalog: string;
  schema: string;
  asOf: string;
  statementTimeoutMs: number;
}

export class LocalWarehouse implements Warehouse {
  /** One thread runs the statements in order and queues the rest (sqlite-host.ts): any number at once. */
  readonly concurrency = Number.POSITIVE_INFINITY;
  private statements = 0;
  private readonly tableNames: Set<string>;
  private closed = false;
  readonly catalog: string;
  /** The schema tables live in (`schema()` is the Warehouse method listing them). */
  readonly schemaName: string;
  readonly asOf: string;
  readonly statementTimeoutMs: number;

  /** The database in the host, registered on first use (the demo's rows are generated then). */
  private database: Promise<number> | undefined;

  constructor(
    private readonly host: SqliteHost,
    private readonly load: () => Promise<number>,
    private readonly tables: WarehouseTable[],
    settings: WarehouseSettings,
  ) {
    this.catalog = settings.catalog;
    this.schemaName = settings.schema;
    this.asOf = settings.asOf;
    this.statementTimeoutMs = settings.statementTimeoutMs;
    this.tableNames = new Set(tables.map((t) => t.identifier));
  }

  /** Builds (or starts building) the database in the worker; statements wait for it. */
  prepare(): Promise<number> {
    if (!this.database) {
      // A failed load is not kept: the next statement tries again (and reports the failure).
      const loading = this.load().catch((error: unknown) => {
        if (this.database === loading) this.database = undefined;
        throw error;
      });
      loading.catch(() => undefined); // reported by the statement that awaits it, not as unhandled
      this.database = loading;
    }
    return this.database;
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
    const timeoutMs = Math.min(options.timeoutMs ?? this.statementTimeoutMs, this.statementTimeoutMs);
    let translated: string;
    try {
      translated = this.translate(sql);
    } catch (error) {
      throw new WarehouseError(messageOf(error), sql, 'SQL_ERROR');
    }
    // The rewrite is what SQLite reads: it passes the gate under SQLite's rules too.
    assertReadOnly(translated, { flavours: ['sqlite'] });
    this.statements++;
    try {
      const id = await this.prepare();
      if (this.closed) throw new WarehouseError('the warehouse is closed', sql);
      const raw = await this.host.run(id, translated, { rowLimit, timeoutMs, signal: options.signal });
      return toResult(originalColumnNames(raw.names, sql, translated), raw.rows, raw.truncated);
    } catch (error) {
      if (error instanceof WarehouseError || error instanceof ReadOnlyViolationError) throw error;
      if (error instanceof StatementStopped && error.reason === 'TIMEOUT')
        throw new WarehouseError(`the statement ran longer than ${timeoutMs} ms and was stopped`, sql, 'TIMEOUT');
      if (error instanceof StatementStopped) throw new WarehouseError('the statement was cancelled', sql, 'CANCELLED');
      throw new WarehouseError(messageOf(error), sql, 'SQL_ERROR');
    }
  }

  async schema(): Promise<WarehouseSchema> {
    return {
      tables: this.tables.map((t) => ({ identifier: t.identifier, columns: t.columns.map((c) => ({ ...c })) })),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const database = this.database;
    if (database) this.host.release(await database.catch(() => -1));
  }
}

export { databricksType } from './sqlite-types.js';

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
