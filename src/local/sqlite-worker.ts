/**
 * The embedded warehouse's worker thread: holds the SQLite (sql.js) databases and runs one
 * statement at a time for the main thread (sqlite-host.ts). It exists so a statement can be
 * stopped: sql.js has no interrupt or progress handler, so a runaway query (an unbounded
 * recursive CTE) never returns control; the host terminates this thread instead and starts a
 * fresh one, reopening the databases from their images.
 *
 * The Spark-function UDFs are registered here because they run inside SQLite's step.
 * Statements arrive already gated and rewritten for SQLite; nothing here parses SQL. Databases
 * are also built here (sqlite-prepare.ts), so that loading a data script can be stopped too.
 */
import { parentPort } from 'node:worker_threads';
import { registerSparkFunctions } from './spark-functions.js';
import { prepareDatabase } from './sqlite-prepare.js';
import { loadSqlJs, type SqlJsDatabase } from './sqljs-loader.js';
import type { HostMessage, PrepareOutcome, PrepareRequest, RunOutcome } from './sqlite-protocol.js';
import { messageOf } from '../errors.js';

const port = parentPort;
if (!port) throw new Error('sqlite-worker.ts runs only as a worker thread');

const SQL = await loadSqlJs();
const databases = new Map<number, SqlJsDatabase>();
/** Why a database could not be opened, reported to the statements that ask for it. */
const openErrors = new Map<number, string>();

type Statement = ReturnType<SqlJsDatabase['prepare']>;

/** The current row with integers as bigint (sql.js supports this; its typings do not declare it). */
function getRow(statement: Statement): unknown[] {
  const get = statement.get as (params: null, config: { useBigInt: boolean }) => unknown[];
  return get.call(statement, null, { useBigInt: true });
}

function open(id: number, image: Uint8Array): void {
  const db = new SQL.Database(image);
  registerSparkFunctions(db);
  // Spark's LIKE is case-sensitive; SQLite's is not by default. temp_store = MEMORY: sorts and
  // DISTINCT otherwise spill to sql.js's emulated file system. query_only: SQLite itself refuses
  // writes should anything pass the gate.
  db.exec(
    'PRAGMA case_sensitive_like = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA query_only = ON;',
  );
  databases.set(id, db);
}

function run(id: number, sql: string, rowLimit: number): RunOutcome {
  const db = databases.get(id);
  if (!db) return { ok: false, message: openErrors.get(id) ?? 'the database is not open' };
  let statement: Statement | undefined;
  try {
    statement = db.prepare(sql);
    const names = statement.getColumnNames();
    const rows: unknown[][] = [];
    let truncated = false;
    while (statement.step()) {
      if (rows.length >= rowLimit) {
        truncated = true;
        break;
      }
      rows.push(getRow(statement));
    }
    return { ok: true, names, rows, truncated };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  } finally {
    statement?.free();
  }
}

function prepare(request: PrepareRequest): PrepareOutcome {
  try {
    return { ok: true, ...prepareDatabase(SQL, request) };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

port.on('message', (message: HostMessage) => {
  switch (message.type) {
    case 'open':
      try {
        open(message.id, message.image);
      } catch (error) {
        openErrors.set(message.id, `opening the database failed: ${String(error)}`);
      }
      break;
    case 'close':
      databases.get(message.id)?.close();
      databases.delete(message.id);
      openErrors.delete(message.id);
      break;
    case 'run':
      port.postMessage({ seq: message.seq, ...run(message.id, message.sql, message.rowLimit) });
      break;
    case 'prepare': {
      const outcome = prepare(message.request);
      port.postMessage({ seq: message.seq, ...outcome }, outcome.ok ? [outcome.image.buffer as ArrayBuffer] : []);
      break;
    }
  }
});
port.postMessage({ type: 'ready' });
// V8 compiles sql.js's WebAssembly function by function on first call, so the first statements of a
// fresh thread pay for compiling SQLite (about 0.1 s on Node 20). Paying it now, on a scratch database
// while the main thread is still loading and parsing, keeps it off the first real statement's path.
// Messages that arrive meanwhile wait for it, as they would have waited for the compilation anyway.
setImmediate(warmUp);

/** Runs SQLite's common paths (DDL, insert, join, aggregate, sort, export) once on a throwaway database. */
function warmUp(): void {
  const db = new SQL.Database();
  try {
    db.exec(
      'CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT, at TEXT); CREATE TABLE b (a_id INTEGER, n REAL);' +
        ' CREATE INDEX b_by_a ON b (a_id); CREATE VIEW v AS SELECT * FROM a;' +
        " INSERT INTO a VALUES (1, 'x', '2024-01-01'); INSERT INTO b VALUES (1, 2.5);",
    );
    db.exec(
      "SELECT v.name, COUNT(*), SUM(b.n), MAX(v.at) FROM v JOIN b ON b.a_id = v.id WHERE v.at >= '2024-01-01'" +
        ' GROUP BY v.name ORDER BY 2 DESC LIMIT 5',
    );
    db.export();
  } catch {
    // Only a warm-up: a real statement reports any problem.
  } finally {
    db.close();
  }
}
