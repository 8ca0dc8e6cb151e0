import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  createLocalGenie,
  openWarehouseFor
} from "./chunk-DTHPFF6N.js";
import {
  SecretScrubber
} from "./chunk-K7TKUAUP.js";
import {
  hashSpace
} from "./chunk-3YQJKESU.js";
import {
  sleep
} from "./chunk-2YFC7YIM.js";
import {
  SpaceSchema,
  listSpaces,
  loadSpaceDir,
  parseSpaceText,
  serializeSpace,
  writeFileAtomic
} from "./chunk-XWFLS6EG.js";
import {
  external_exports
} from "./chunk-CSAISFHI.js";
import {
  GenieGitopsError
} from "./chunk-IX2IGMNH.js";

// src/databricks/ask-limiter.ts
function createAskLimiter(options) {
  const now = options.now ?? Date.now;
  const sleep2 = options.sleep ?? sleep;
  const interval = options.qpm && options.qpm > 0 ? 6e4 / options.qpm : 0;
  let next = 0;
  let learned = 0;
  return {
    async acquire(signal) {
      const t = now();
      const at = Math.max(t, next);
      next = at + Math.max(interval, learned);
      learned *= 0.95;
      const wait = at - t;
      if (wait > 0) await sleep2(wait, signal);
      return wait;
    },
    pause(ms) {
      next = Math.max(next, now() + ms);
      learned = Math.min(6e4, Math.max(100, learned * 2));
    }
  };
}
function createAskLimiters(options = {}) {
  const byHost = /* @__PURE__ */ new Map();
  return {
    forHost(host, qpm) {
      const key = host.toLowerCase();
      const existing = byHost.get(key);
      if (existing && existing.qpm === qpm) return existing.limiter;
      const limiter = createAskLimiter({ ...options, qpm });
      byHost.set(key, { qpm, limiter });
      return limiter;
    }
  };
}

// src/local/deployment-log.ts
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
var KEEP = 50;
var RecordSchema = external_exports.looseObject({
  id: external_exports.string(),
  space: external_exports.string(),
  liveSpaceId: external_exports.string(),
  configHash: external_exports.string(),
  commit: external_exports.string(),
  state: external_exports.enum(["in_progress", "success", "failure"]),
  createdAt: external_exports.string()
});
var FileSchema = external_exports.looseObject({ records: external_exports.array(RecordSchema) });
function createLocalDeploymentLog(stateDir, now = () => /* @__PURE__ */ new Date()) {
  const fileOf = (space) => path.join(stateDir, "deployments", `${encodeURIComponent(space)}.json`);
  const read = (space) => {
    const file = fileOf(space);
    if (!existsSync(file)) return [];
    const parsed = FileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success)
      throw new GenieGitopsError(
        `the deployment record ${file} is damaged`,
        "restore it from a backup, or delete it: the next deploy then treats the space as never deployed (drift unless the live space equals the config)"
      );
    return parsed.data.records;
  };
  const write = (space, records) => writeFileAtomic(fileOf(space), `${JSON.stringify({ records: records.slice(0, KEEP) }, null, 2)}
`);
  const spaceOfId = /* @__PURE__ */ new Map();
  return {
    describe: (space) => `the deployment record ${fileOf(space)}`,
    async history(space, liveSpaceId) {
      return read(space).filter((r) => r.liveSpaceId === liveSpaceId);
    },
    async start(input) {
      const record = {
        ...input,
        id: `${now().getTime()}-${randomBytes(3).toString("hex")}`,
        state: "in_progress",
        createdAt: now().toISOString()
      };
      write(input.space, [record, ...read(input.space)]);
      spaceOfId.set(record.id, input.space);
      return record.id;
    },
    async finish(id, state) {
      const space = spaceOfId.get(id);
      if (space === void 0) throw new GenieGitopsError(`no deployment ${id} was started by this run`);
      write(
        space,
        read(space).map((r) => r.id === id ? { ...r, state } : r)
      );
    }
  };
}

// src/local/space-store.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import path2 from "node:path";
var STATE_DIR_ENV = "GENIE_GITOPS_STATE_DIR";
function resolveStateDir(root, env) {
  const fromEnv = env[STATE_DIR_ENV]?.trim();
  return fromEnv ? path2.resolve(root, fromEnv) : path2.join(root, ".genie-gitops", "state");
}
var StoredFileSchema = external_exports.looseObject({
  space_id: external_exports.string(),
  title: external_exports.string(),
  warehouse_id: external_exports.string(),
  serialized_space: external_exports.string()
});
var SpaceConflictError = class extends GenieGitopsError {
  status = 409;
};
var SpaceNotFoundError = class extends GenieGitopsError {
};
var SPACE_ID = /^[A-Za-z0-9_-]+$/;
function canonicalText(serializedSpace, label) {
  if (typeof serializedSpace === "string") return serializeSpace(parseSpaceText(serializedSpace, label));
  const parsed = SpaceSchema.safeParse(serializedSpace);
  if (!parsed.success)
    throw new GenieGitopsError(
      `${label}: the config is not a valid serialized_space (${parsed.error.issues[0]?.message ?? "invalid"})`
    );
  return serializeSpace(parsed.data);
}
function etagOf(text) {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 32);
}
function createLocalSpaceStore(options) {
  const fileOf = (spaceId) => {
    if (!SPACE_ID.test(spaceId))
      throw new GenieGitopsError(`invalid space id '${spaceId}'`, "space ids are letters, digits, - and _");
    return path2.join(options.stateDir, "spaces", `${spaceId}.json`);
  };
  const write = (spaceId, title, warehouseId, text) => {
    const record = { space_id: spaceId, title, warehouse_id: warehouseId, serialized_space: text };
    writeFileAtomic(fileOf(spaceId), `${JSON.stringify(record, null, 2)}
`);
    return toStored(record);
  };
  const read = (spaceId) => {
    const file = fileOf(spaceId);
    if (!existsSync2(file)) return void 0;
    const parsed = StoredFileSchema.safeParse(JSON.parse(readFileSync2(file, "utf8")));
    if (!parsed.success)
      throw new GenieGitopsError(`local space file ${file} is damaged`, "delete it to re-seed it from the repository");
    return toStored(parsed.data);
  };
  const get = async (spaceId) => {
    const stored = read(spaceId);
    if (stored) return stored;
    const seed = options.seed?.(spaceId);
    if (!seed)
      throw new SpaceNotFoundError(
        `local space ${spaceId} does not exist`,
        `no spaces/*/target.yml names it; create it or fix the id`
      );
    return write(spaceId, seed.title, seed.warehouseId, canonicalText(seed.serializedSpace, `seed of ${spaceId}`));
  };
  return {
    fileOf,
    get,
    async update(spaceId, serializedSpace, updateOptions = {}) {
      const current = await get(spaceId);
      if (updateOptions.etag !== void 0 && updateOptions.etag !== current.etag) {
        throw new SpaceConflictError(
          `local space ${spaceId} changed since it was read (etag ${updateOptions.etag} != ${current.etag})`,
          "read it again and retry"
        );
      }
      return write(
        spaceId,
        updateOptions.title ?? current.title,
        current.warehouseId,
        canonicalText(serializedSpace, `update of ${spaceId}`)
      );
    },
    async create(input) {
      const spaceId = createHash("sha256").update(`${input.title}\0${Date.now()}\0${Math.random()}`).digest("hex").slice(0, 32);
      return write(
        spaceId,
        input.title,
        input.warehouseId,
        canonicalText(input.serializedSpace, `new space ${input.title}`)
      );
    }
  };
}
function toStored(record) {
  return {
    spaceId: record.space_id,
    title: record.title,
    warehouseId: record.warehouse_id,
    serializedSpace: JSON.parse(record.serialized_space),
    etag: etagOf(record.serialized_space)
  };
}
function seedFromRepository(root, layout = {}) {
  return (spaceId) => {
    for (const name of listSpaces(root, layout)) {
      const dir = loadSpaceDir(root, name, layout);
      if (dir.target && (dir.target.liveSpaceId === spaceId || dir.target.stagingSpaceId === spaceId)) {
        return { title: dir.target.title, warehouseId: dir.target.warehouseId, serializedSpace: dir.space };
      }
    }
    return void 0;
  };
}

// src/wiring/local-backend.ts
import { statSync } from "node:fs";
import path3 from "node:path";
function localSpaces(stateDir, root, layout) {
  return createLocalSpaceStore({ stateDir, seed: seedFromRepository(root, layout) });
}
async function openLocalBackend(request, stateDir) {
  const { root, target } = request;
  const local = request.spacesOnly ? void 0 : await openWarehouseFor(root, target, request.space, request.layout, request.dataFile, request.demoRows);
  const base = local ?? unavailableWarehouse();
  const warehouse = request.wrapWarehouse ? request.wrapWarehouse(base) : base;
  const engines = /* @__PURE__ */ new Map();
  return {
    name: "local",
    warehouse,
    deterministic: !(request.noise !== void 0 && request.noise > 0),
    dataVersion: local ? localDataVersion(root, target, local, request.dataFile) : void 0,
    isolateFixes: true,
    genieFor: (space, overrides) => {
      const seed = overrides?.seed ?? request.seed;
      const key = `${hashSpace(space)}#${seed ?? ""}`;
      let engine = engines.get(key);
      if (!engine) engines.set(key, engine = createLocalGenie(space, warehouse, { noise: request.noise, seed }));
      return engine;
    },
    spaces: localSpaces(stateDir, root, request.layout),
    close: async () => {
      await local?.close();
    }
  };
}
function localDataVersion(root, target, local, dataFile) {
  const data = dataFile ?? target?.local?.data ?? "demo";
  if (data === "demo") return `demo|${local.asOf}`;
  const file = path3.resolve(root, data);
  try {
    const stat = statSync(file);
    return `file|${file}|${stat.size}|${stat.mtimeMs}|${local.asOf}`;
  } catch {
    return `file|${file}|?|${local.asOf}`;
  }
}
function unavailableWarehouse() {
  const refuse = () => {
    throw new GenieGitopsError("this command opened the backend without a warehouse");
  };
  return { execute: async () => refuse(), schema: async () => refuse() };
}
function configOf(stored, label) {
  if (typeof stored.serializedSpace === "string") return parseSpaceText(stored.serializedSpace, label);
  return SpaceSchema.parse(stored.serializedSpace);
}
function liveDataTarget(target) {
  const liveData = target.local?.liveData;
  if (!liveData) return target;
  const { dataLine: _line, ...rest } = target;
  return { ...rest, local: { ...target.local, data: liveData } };
}
async function openLocalLive(request, stateDir) {
  const { root, target } = request;
  const store = request.store ?? localSpaces(stateDir, root, request.layout);
  const config = configOf(await store.get(target.liveSpaceId), `live space ${target.liveSpaceId}`);
  const warehouse = await openWarehouseFor(root, liveDataTarget(target), request.space, request.layout);
  try {
    const genie = await createLocalGenie(config, warehouse);
    return { config, genie, warehouse, close: () => warehouse.close() };
  } catch (error) {
    await warehouse.close();
    throw error instanceof Error ? new GenieGitopsError(`cannot ask live space ${target.liveSpaceId}: ${error.message}`) : error;
  }
}

// src/wiring/backend.ts
function parseBackend(value) {
  const backend = value ?? "local";
  if (backend === "local" || backend === "databricks") return backend;
  throw new GenieGitopsError(
    `unknown backend '${backend}'`,
    "use --backend local (embedded warehouse and Genie engine) or --backend databricks"
  );
}
function createBackendOpener(settings) {
  const env = settings.env ?? {};
  const limiters = settings.limiters ?? createAskLimiters();
  const secrets = settings.secrets ?? new SecretScrubber();
  const localDeploymentLog = (root) => createLocalDeploymentLog(resolveStateDir(root, env));
  const remote = (label, staging) => ({
    env,
    limiters,
    auth: { ...settings.auth, secrets },
    client: settings.client,
    staging,
    label
  });
  if (settings.backend === "databricks") {
    return {
      name: "databricks",
      needsLocalData: false,
      async open(request) {
        const { openDatabricksBackend } = await import("./databricks-backend-UWUWWJIB.js");
        const backend = await openDatabricksBackend(
          request.root,
          request.target,
          remote(request.space, request.staging)
        );
        return request.wrapWarehouse ? { ...backend, warehouse: request.wrapWarehouse(backend.warehouse) } : backend;
      },
      openLive: async (request) => {
        const { openDatabricksLive } = await import("./databricks-backend-UWUWWJIB.js");
        return openDatabricksLive(request.root, request.target, remote(request.space));
      },
      localDeploymentLog
    };
  }
  return {
    name: "local",
    needsLocalData: true,
    open: (request) => openLocalBackend(request, resolveStateDir(request.root, env)),
    openLive: (request) => openLocalLive(request, resolveStateDir(request.root, env)),
    localDeploymentLog
  };
}

export {
  parseBackend,
  createBackendOpener
};
