/**
 * Runs the embedded warehouse's statements in a worker thread (sqlite-worker.ts) so that every
 * statement can be stopped: on timeout or cancellation the worker is terminated, which stops
 * SQLite mid-step, and the next statement starts a fresh worker that reopens the databases
 * from their images (exported SQLite files kept here). STACK-NOTES section 9 measured the costs:
 * reopening a 1.2 MB image takes ~2 ms and a worker answers its first query ~20 ms after it
 * starts, so a timeout costs about 0.1 s and an ordinary statement only a message round trip.
 *
 * One worker per process serves every open warehouse, one statement at a time, as the main
 * thread did before; statements queue here. The worker is unref'd while idle so it never keeps
 * a finished CLI or test process alive.
 *
 * Where the worker code comes from: the bundle (scripts/bundle.mjs) builds sqlite-worker.ts as its
 * own entry into dist/sqlite-worker/index.js beside dist/index.js and dist/cli/index.js. Running
 * from source (vitest, tsx) there is no bundle: the worker is an eval'd bootstrap that registers
 * tsx's ESM loader and imports sqlite-worker.ts, so tests exercise the same worker code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WarehouseTable } from '../ports.js';
import type { HostMessage, PrepareRequest, WorkerReady, WorkerReply } from './sqlite-protocol.js';

export interface RawResult {
  names: string[];
  /** Rows as sql.js returns them with useBigInt: bigint, number, string, Uint8Array or null. */
  rows: unknown[][];
  truncated: boolean;
}

/** Why a statement did not finish: the host stopped it, or SQLite reported an error. */
export class StatementStopped extends Error {
  constructor(readonly reason: 'TIMEOUT' | 'CANCELLED') {
    super(reason === 'TIMEOUT' ? 'timed out' : 'cancelled');
  }
}

export class StatementFailed extends Error {}

export interface RunOptions {
  rowLimit: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

interface InFlight {
  seq: number;
  settle: (reply: WorkerReply | Error) => void;
}

/** Counters for the benchmark script and tests. */
export interface HostStats {
  /** Workers started (the first one included). */
  spawns: number;
  /** Statements stopped by terminating the worker. */
  stops: number;
  /** Databases built (demo data generated, a script run, a file exposed). */
  prepares: number;
}

class SqliteHost {
  private worker: Worker | undefined;
  private starting: Promise<Worker> | undefined;
  private readonly images = new Map<number, Uint8Array>();
  /** Databases opened in the current worker. */
  private readonly opened = new Set<number>();
  private inFlight: InFlight | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private seq = 0;
  readonly stats: HostStats = { spawns: 0, stops: 0, prepares: 0 };

  /** Keeps a database image; statements for the returned id open it in the worker on first use. */
  register(image: Uint8Array): number {
    const id = this.nextId++;
    this.images.set(id, image);
    return id;
  }

  release(id: number): void {
    this.images.delete(id);
    if (this.opened.delete(id)) this.post({ type: 'close', id });
  }

  /** Starts the worker now (so a failure to start surfaces when the warehouse opens). */
  async start(): Promise<void> {
    await this.ensureWorker();
  }

  /** Runs one statement after those queued before it; rejects with StatementStopped or StatementFailed. */
  run(id: number, sql: string, options: RunOptions): Promise<RawResult> {
    return this.enqueue(options.signal, async (worker) => {
      if (!this.opened.has(id)) {
        const image = this.images.get(id);
        if (!image) throw new StatementFailed('the warehouse is closed');
        this.post({ type: 'open', id, image });
        this.opened.add(id);
      }
      const seq = ++this.seq;
      const reply = await this.call(worker, { type: 'run', id, seq, sql, rowLimit: options.rowLimit }, options);
      if (!reply.ok) throw new StatementFailed(reply.message);
      if (!('names' in reply)) throw new StatementFailed('unexpected reply from the warehouse worker');
      return { names: reply.names, rows: reply.rows, truncated: reply.truncated };
    });
  }

  /** Builds a database in the worker (demo data, a script, a file) within `timeoutMs`; returns its image and tables. */
  prepare(request: PrepareRequest, timeoutMs: number): Promise<{ image: Uint8Array; tables: WarehouseTable[] }> {
    return this.enqueue(undefined, async (worker) => {
      const seq = ++this.seq;
      this.stats.prepares++;
      const reply = await this.call(worker, { type: 'prepare', seq, request }, { timeoutMs });
      if (!reply.ok) throw new StatementFailed(reply.message);
      if (!('image' in reply)) throw new StatementFailed('unexpected reply from the warehouse worker');
      return { image: reply.image, tables: reply.tables };
    });
  }

  /** Runs `job` after everything queued before it, on a started worker. */
  private enqueue<T>(signal: AbortSignal | undefined, job: (worker: Worker) => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      if (signal?.aborted) throw new StatementStopped('CANCELLED');
      const worker = await this.ensureWorker();
      // The signal may have aborted while a fresh worker started (an abort event is not replayed).
      if (signal?.aborted) throw new StatementStopped('CANCELLED');
      return job(worker);
    });
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return signal ? leaveOnAbort(run, signal) : run;
  }

  /**
   * Posts one message and waits for its reply; past `timeoutMs`, or when the signal aborts, the
   * worker is terminated (which stops SQLite mid-step) and forgotten.
   */
  private call(
    worker: Worker,
    message: HostMessage & { seq: number },
    options: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<WorkerReply> {
    return new Promise<WorkerReply>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        this.inFlight = undefined;
        worker.unref();
      };
      const stop = (reason: 'TIMEOUT' | 'CANCELLED') => {
        done();
        this.stats.stops++;
        this.discardWorker();
        reject(new StatementStopped(reason));
      };
      const timer = setTimeout(() => stop('TIMEOUT'), Math.min(options.timeoutMs, MAX_TIMER_MS));
      const onAbort = () => stop('CANCELLED');
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.inFlight = {
        seq: message.seq,
        settle: (reply) => {
          done();
          if (reply instanceof Error) reject(reply);
          else resolve(reply);
        },
      };
      worker.ref(); // a call in flight keeps the process alive until it settles
      this.post(message);
    });
  }

  private post(message: HostMessage): void {
    this.worker?.postMessage(message);
  }

  private ensureWorker(): Promise<Worker> {
    if (this.starting) return this.starting;
    const worker = spawnWorker();
    this.stats.spawns++;
    let started = false;
    const starting = new Promise<Worker>((resolve, reject) => {
      worker.on('message', (message: WorkerReply | WorkerReady) => {
        if ('type' in message) {
          started = true;
          worker.unref();
          this.worker = worker;
          resolve(worker);
        } else {
          const inFlight = this.inFlight;
          if (this.worker === worker && inFlight?.seq === message.seq) inFlight.settle(message);
        }
      });
      const fail = (why: string) => {
        if (!started) {
          if (this.starting === starting) this.starting = undefined;
          reject(new StatementFailed(`the embedded warehouse could not start: ${why}`));
        } else if (this.worker === worker) {
          // Not stopped by us (that forgets the worker first): it crashed, e.g. out of memory.
          this.resetState();
          this.inFlight?.settle(new StatementFailed(`the embedded warehouse stopped: ${why}`));
        }
      };
      worker.on('error', (error) => fail(error.message));
      worker.on('exit', (code) => fail(`its thread exited with code ${code}`));
    });
    this.starting = starting;
    return starting;
  }

  /** Forgets the current worker (its databases go with it) and terminates it. */
  private discardWorker(): void {
    const worker = this.worker;
    this.resetState();
    if (worker) void worker.terminate();
  }

  private resetState(): void {
    this.worker = undefined;
    this.starting = undefined;
    this.opened.clear();
  }
}

/** Rejects as soon as the signal aborts, even while the statement still waits in the queue. */
function leaveOnAbort<T>(job: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new StatementStopped('CANCELLED'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    job.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const WORKER_DIR = 'sqlite-worker';
/** setTimeout fires at once beyond this (a signed 32-bit delay). */
const MAX_TIMER_MS = 2_147_483_647;

function spawnWorker(): Worker {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/index.js and dist/cli/index.js -> dist/sqlite-worker/index.js
  for (const candidate of [path.join(here, WORKER_DIR, 'index.js'), path.join(here, '..', WORKER_DIR, 'index.js')]) {
    if (existsSync(candidate)) return new Worker(candidate);
  }
  const source = path.join(here, 'sqlite-worker.ts');
  if (existsSync(source)) return new Worker(sourceBootstrap(source), { eval: true });
  throw new StatementFailed(
    `the embedded warehouse's worker is missing: looked for ${WORKER_DIR}/index.js beside ${here} and its parent; ` +
      'rebuild the bundle with `npm run bundle`',
  );
}

/** The eval'd worker that runs the TypeScript worker through tsx (a dev dependency), from source only. */
function sourceBootstrap(source: string): string {
  const require = createRequire(import.meta.url);
  const tsxRoot = path.dirname(require.resolve('tsx/package.json'));
  const manifest = JSON.parse(readFileSync(path.join(tsxRoot, 'package.json'), 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const api = manifest.exports['./esm/api']?.import?.default;
  if (!api) throw new StatementFailed('tsx has no ./esm/api export: cannot run the worker from source');
  const apiUrl = pathToFileURL(path.join(tsxRoot, api)).href;
  const workerUrl = pathToFileURL(source).href;
  return `import(${JSON.stringify(apiUrl)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl)}); });`;
}

let host: SqliteHost | undefined;

/** The process's one host (created on first use). */
export function sqliteHost(): SqliteHost {
  return (host ??= new SqliteHost());
}

export type { SqliteHost };
