import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  serializeSpace
} from "./chunk-XWFLS6EG.js";

// src/space/hash.ts
import { createHash } from "node:crypto";
function sha256(text) {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
function hashSpace(space) {
  return sha256(serializeSpace(space));
}
function hashBenchmarks(benchmarks) {
  const rows = [...benchmarks].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0).map((b) => [b.id, b.question, b.sql, b.split, b.orderMatters ?? null]);
  return sha256(JSON.stringify(rows));
}

export {
  hashSpace,
  hashBenchmarks
};
