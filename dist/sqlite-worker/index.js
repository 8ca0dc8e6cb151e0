import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  databricksType,
  generateDemoData,
  quoteIdentifier,
  registerSparkFunctions
} from "../chunks/chunk-VDN3VUND.js";
import "../chunks/chunk-YUT4RWDR.js";
import "../chunks/chunk-6CTQWAUY.js";
import {
  messageOf
} from "../chunks/chunk-IX2IGMNH.js";
import "../chunks/chunk-C6B32G2J.js";

// src/local/sqlite-worker.ts
import { parentPort } from "node:worker_threads";

// src/local/sqlite-prepare.ts
var PrepareError = class extends Error {
};
function prepareDatabase(SQL2, request) {
  const { catalog, schema } = request;
  let db;
  if (request.kind === "demo") {
    db = new SQL2.Database();
    generateDemoData(db, { catalog, schema, seed: request.seed, rows: request.rows });
  } else if (request.kind === "script") {
    db = new SQL2.Database();
    try {
      db.exec(request.text);
    } catch (error) {
      db.close();
      throw new PrepareError(`loading ${request.label} failed: ${messageOf(error)}`);
    }
    exposeTables(db, catalog, schema);
  } else {
    db = new SQL2.Database(request.bytes);
    try {
      exposeTables(db, catalog, schema);
    } catch (error) {
      db.close();
      throw new PrepareError(
        `${request.label} is not a SQLite database (${messageOf(error)}): pass a .sqlite/.db file or a .sql script`
      );
    }
  }
  try {
    return { tables: listTables(db), image: db.export() };
  } finally {
    db.close();
  }
}
function exposeTables(db, catalog, schema) {
  const rows = db.exec(
    "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name"
  );
  const objects = (rows[0]?.values ?? []).map(([type, name]) => ({ type: String(type), name: String(name) }));
  for (const { type, name } of objects) {
    if (name.split(".").length === 3) continue;
    const full = quoteIdentifier(`${catalog}.${schema}.${name.toLowerCase()}`);
    if (type === "table") {
      try {
        db.exec(
          `ALTER TABLE ${quoteIdentifier(name)} RENAME TO ${full}; CREATE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${full};`
        );
        continue;
      } catch {
      }
    }
    db.exec(`CREATE VIEW IF NOT EXISTS ${full} AS SELECT * FROM ${quoteIdentifier(name)}`);
  }
}
function listTables(db) {
  const result = db.exec("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name");
  const names = (result[0]?.values ?? []).map(([name]) => String(name)).filter((name) => name.split(".").length === 3);
  return names.map((name) => {
    const info = db.exec(`PRAGMA table_info(${quoteIdentifier(name)})`);
    const columns = (info[0]?.values ?? []).map((row) => ({
      name: String(row[1]),
      type: databricksType(String(row[2] ?? ""))
    }));
    return { identifier: name.toLowerCase(), columns };
  });
}

// src/local/sqljs-loader.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
var GLUE = "sql-wasm.js";
var VENDORED_GLUE = "sql-wasm.cjs";
var WASM = "sql-wasm.wasm";
var cached;
function loadSqlJs() {
  if (!cached) {
    cached = initialise().catch((error) => {
      cached = void 0;
      throw error;
    });
  }
  return cached;
}
function locateSqlJs() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const vendored = [path.join(here, "vendor", "sqljs"), path.join(here, "..", "vendor", "sqljs")];
  for (const dir of vendored) {
    if (existsSync(path.join(dir, VENDORED_GLUE)) && existsSync(path.join(dir, WASM)))
      return { dir, glue: VENDORED_GLUE };
  }
  const specifier = ["sql.js", "dist", GLUE].join("/");
  try {
    return { dir: path.dirname(createRequire(import.meta.url).resolve(specifier)), glue: GLUE };
  } catch {
    throw new Error(
      `sql.js not found: looked in ${vendored.join(", ")} and node_modules. Run \`npm ci\` (from source) or \`npm run bundle\` (for dist/).`
    );
  }
}
async function initialise() {
  const { dir, glue } = locateSqlJs();
  const load = createRequire(import.meta.url);
  const exported = load(path.join(dir, glue));
  const init = typeof exported === "function" ? exported : exported.default;
  return init({ locateFile: (file) => path.join(dir, file), useOldExtensionFunctions: false });
}

// src/local/sqlite-worker.ts
var port = parentPort;
if (!port) throw new Error("sqlite-worker.ts runs only as a worker thread");
var SQL = await loadSqlJs();
var databases = /* @__PURE__ */ new Map();
var openErrors = /* @__PURE__ */ new Map();
function getRow(statement) {
  const get = statement.get;
  return get.call(statement, null, { useBigInt: true });
}
function open(id, image) {
  const db = new SQL.Database(image);
  registerSparkFunctions(db);
  db.exec(
    "PRAGMA case_sensitive_like = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA query_only = ON;"
  );
  databases.set(id, db);
}
function run(id, sql, rowLimit) {
  const db = databases.get(id);
  if (!db) return { ok: false, message: openErrors.get(id) ?? "the database is not open" };
  let statement;
  try {
    statement = db.prepare(sql);
    const names = statement.getColumnNames();
    const rows = [];
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
function prepare(request) {
  try {
    return { ok: true, ...prepareDatabase(SQL, request) };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}
port.on("message", (message) => {
  switch (message.type) {
    case "open":
      try {
        open(message.id, message.image);
      } catch (error) {
        openErrors.set(message.id, `opening the database failed: ${String(error)}`);
      }
      break;
    case "close":
      databases.get(message.id)?.close();
      databases.delete(message.id);
      openErrors.delete(message.id);
      break;
    case "run":
      port.postMessage({ seq: message.seq, ...run(message.id, message.sql, message.rowLimit) });
      break;
    case "prepare": {
      const outcome = prepare(message.request);
      port.postMessage({ seq: message.seq, ...outcome }, outcome.ok ? [outcome.image.buffer] : []);
      break;
    }
  }
});
port.postMessage({ type: "ready" });
setImmediate(warmUp);
function warmUp() {
  const db = new SQL.Database();
  try {
    db.exec(
      "CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT, at TEXT); CREATE TABLE b (a_id INTEGER, n REAL); CREATE INDEX b_by_a ON b (a_id); CREATE VIEW v AS SELECT * FROM a; INSERT INTO a VALUES (1, 'x', '2024-01-01'); INSERT INTO b VALUES (1, 2.5);"
    );
    db.exec(
      "SELECT v.name, COUNT(*), SUM(b.n), MAX(v.at) FROM v JOIN b ON b.a_id = v.id WHERE v.at >= '2024-01-01' GROUP BY v.name ORDER BY 2 DESC LIMIT 5"
    );
    db.export();
  } catch {
  } finally {
    db.close();
  }
}
