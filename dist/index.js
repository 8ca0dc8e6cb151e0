import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  sqliteHost
} from "./chunks/chunk-EZP4HJED.js";
import "./chunks/chunk-C6B32G2J.js";

// src/wiring/warm-start.ts
var OPENS_LOCAL_WAREHOUSE = /* @__PURE__ */ new Set(["validate", "score", "enhance"]);
function opensLocalWarehouse(env) {
  const command = env.INPUT_COMMAND?.trim() || "score";
  const backend = env.INPUT_BACKEND?.trim() || "local";
  return backend === "local" && OPENS_LOCAL_WAREHOUSE.has(command);
}

// src/action/index.ts
if (opensLocalWarehouse(process.env))
  sqliteHost().start().catch(() => void 0);
var { run } = await import("./chunks/main-HB6WWPGJ.js");
await run();
