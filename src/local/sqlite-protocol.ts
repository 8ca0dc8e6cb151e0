/** Messages between the embedded warehouse's host (main thread) and its worker thread. */
import type { WarehouseTable } from '../ports.js';

/** What to build a database from; `label` names the source in errors. */
export type PrepareRequest = { catalog: string; schema: string } & (
  | { kind: 'demo'; seed: number; /** false: the tables only, empty (validate needs no rows). */ rows?: boolean }
  | { kind: 'script'; label: string; text: string }
  | { kind: 'file'; label: string; bytes: Uint8Array }
);

export type HostMessage =
  | { type: 'open'; id: number; image: Uint8Array }
  | { type: 'close'; id: number }
  | { type: 'run'; id: number; seq: number; sql: string; rowLimit: number }
  | { type: 'prepare'; seq: number; request: PrepareRequest };

/** The outcome of one `run`: raw rows (integers as bigint), or SQLite's error message. */
export type RunOutcome =
  { ok: true; names: string[]; rows: unknown[][]; truncated: boolean } | { ok: false; message: string };

/** The outcome of one `prepare`: the database image and its tables, or why it could not be built. */
export type PrepareOutcome = { ok: true; image: Uint8Array; tables: WarehouseTable[] } | { ok: false; message: string };

export type WorkerReply = (RunOutcome | PrepareOutcome) & { seq: number };

/** Sent once when the worker has loaded sql.js and can take messages. */
export interface WorkerReady {
  type: 'ready';
}
