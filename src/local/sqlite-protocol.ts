/** Messages between the embedded warehouse's host (main thread) and its worker thread. */

export type HostMessage =
  | { type: 'open'; id: number; image: Uint8Array }
  | { type: 'close'; id: number }
  | { type: 'run'; id: number; seq: number; sql: string; rowLimit: number };

/** The outcome of one `run`: raw rows (integers as bigint), or SQLite's error message. */
export type RunOutcome =
  { ok: true; names: string[]; rows: unknown[][]; truncated: boolean } | { ok: false; message: string };

export type WorkerReply = RunOutcome & { seq: number };

/** Sent once when the worker has loaded sql.js and can take messages. */
export interface WorkerReady {
  type: 'ready';
}
