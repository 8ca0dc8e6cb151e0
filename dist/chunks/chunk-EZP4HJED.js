import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);

// src/local/sqlite-host.ts
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
var StatementStopped = class extends Error {
  constructor(reason) {
    super(reason === "TIMEOUT" ? "timed out" : "cancelled");
    this.reason = reason;
  }
  reason;
};
var StatementFailed = class extends Error {
};
var SqliteHost = class {
  worker;
  starting;
  images = /* @__PURE__ */ new Map();
  /** Databases opened in the current worker. */
  opened = /* @__PURE__ */ new Set();
  inFlight;
  tail = Promise.resolve();
  nextId = 1;
  seq = 0;
  stats = { spawns: 0, stops: 0, prepares: 0 };
  /** Keeps a database image; statements for the returned id open it in the worker on first use. */
  register(image) {
    const id = this.nextId++;
    this.images.set(id, image);
    return id;
  }
  release(id) {
    this.images.delete(id);
    if (this.opened.delete(id)) this.post({ type: "close", id });
  }
  /** Starts the worker now (so a failure to start surfaces when the warehouse opens). */
  async start() {
    await this.ensureWorker();
  }
  /** Runs one statement after those queued before it; rejects with StatementStopped or StatementFailed. */
  run(id, sql, options) {
    return this.enqueue(options.signal, async (worker) => {
      if (!this.opened.has(id)) {
        const image = this.images.get(id);
        if (!image) throw new StatementFailed("the warehouse is closed");
        this.post({ type: "open", id, image });
        this.opened.add(id);
      }
      const seq = ++this.seq;
      const reply = await this.call(worker, { type: "run", id, seq, sql, rowLimit: options.rowLimit }, options);
      if (!reply.ok) throw new StatementFailed(reply.message);
      if (!("names" in reply)) throw new StatementFailed("unexpected reply from the warehouse worker");
      return { names: reply.names, rows: reply.rows, truncated: reply.truncated };
    });
  }
  /** Builds a database in the worker (demo data, a script, a file) within `timeoutMs`; returns its image and tables. */
  prepare(request, timeoutMs) {
    return this.enqueue(void 0, async (worker) => {
      const seq = ++this.seq;
      this.stats.prepares++;
      const reply = await this.call(worker, { type: "prepare", seq, request }, { timeoutMs });
      if (!reply.ok) throw new StatementFailed(reply.message);
      if (!("image" in reply)) throw new StatementFailed("unexpected reply from the warehouse worker");
      return { image: reply.image, tables: reply.tables };
    });
  }
  /** Runs `job` after everything queued before it, on a started worker. */
  enqueue(signal, job) {
    const run = this.tail.then(async () => {
      if (signal?.aborted) throw new StatementStopped("CANCELLED");
      const worker = await this.ensureWorker();
      if (signal?.aborted) throw new StatementStopped("CANCELLED");
      return job(worker);
    });
    this.tail = run.then(
      () => void 0,
      () => void 0
    );
    return signal ? leaveOnAbort(run, signal) : run;
  }
  /**
   * Posts one message and waits for its reply; past `timeoutMs`, or when the signal aborts, the
   * worker is terminated (which stops SQLite mid-step) and forgotten.
   */
  call(worker, message, options) {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        this.inFlight = void 0;
        worker.unref();
      };
      const stop = (reason) => {
        done();
        this.stats.stops++;
        this.discardWorker();
        reject(new StatementStopped(reason));
      };
      const timer = setTimeout(() => stop("TIMEOUT"), Math.min(options.timeoutMs, MAX_TIMER_MS));
      const onAbort = () => stop("CANCELLED");
      options.signal?.addEventListener("abort", onAbort, { once: true });
      this.inFlight = {
        seq: message.seq,
        settle: (reply) => {
          done();
          if (reply instanceof Error) reject(reply);
          else resolve(reply);
        }
      };
      worker.ref();
      this.post(message);
    });
  }
  post(message) {
    this.worker?.postMessage(message);
  }
  ensureWorker() {
    if (this.starting) return this.starting;
    const worker = spawnWorker();
    this.stats.spawns++;
    let started = false;
    const starting = new Promise((resolve, reject) => {
      worker.on("message", (message) => {
        if ("type" in message) {
          started = true;
          worker.unref();
          this.worker = worker;
          resolve(worker);
        } else {
          const inFlight = this.inFlight;
          if (this.worker === worker && inFlight?.seq === message.seq) inFlight.settle(message);
        }
      });
      const fail = (why) => {
        if (!started) {
          if (this.starting === starting) this.starting = void 0;
          reject(new StatementFailed(`the embedded warehouse could not start: ${why}`));
        } else if (this.worker === worker) {
          this.resetState();
          this.inFlight?.settle(new StatementFailed(`the embedded warehouse stopped: ${why}`));
        }
      };
      worker.on("error", (error) => fail(error.message));
      worker.on("exit", (code) => fail(`its thread exited with code ${code}`));
    });
    this.starting = starting;
    return starting;
  }
  /** Forgets the current worker (its databases go with it) and terminates it. */
  discardWorker() {
    const worker = this.worker;
    this.resetState();
    if (worker) void worker.terminate();
  }
  resetState() {
    this.worker = void 0;
    this.starting = void 0;
    this.opened.clear();
  }
};
function leaveOnAbort(job, signal) {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new StatementStopped("CANCELLED"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    job.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
var WORKER_DIR = "sqlite-worker";
var MAX_TIMER_MS = 2147483647;
function spawnWorker() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, WORKER_DIR, "index.js"), path.join(here, "..", WORKER_DIR, "index.js")]) {
    if (existsSync(candidate)) return new Worker(candidate);
  }
  const source = path.join(here, "sqlite-worker.ts");
  if (existsSync(source)) return new Worker(sourceBootstrap(source), { eval: true });
  throw new StatementFailed(
    `the embedded warehouse's worker is missing: looked for ${WORKER_DIR}/index.js beside ${here} and its parent; rebuild the bundle with \`npm run bundle\``
  );
}
function sourceBootstrap(source) {
  const require2 = createRequire(import.meta.url);
  const tsxRoot = path.dirname(require2.resolve("tsx/package.json"));
  const manifest = JSON.parse(readFileSync(path.join(tsxRoot, "package.json"), "utf8"));
  const api = manifest.exports["./esm/api"]?.import?.default;
  if (!api) throw new StatementFailed("tsx has no ./esm/api export: cannot run the worker from source");
  const apiUrl = pathToFileURL(path.join(tsxRoot, api)).href;
  const workerUrl = pathToFileURL(source).href;
  return `import(${JSON.stringify(apiUrl)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl)}); });`;
}
var host;
function sqliteHost() {
  return host ??= new SqliteHost();
}

export {
  StatementStopped,
  sqliteHost
};
