import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  createBackendOpener,
  parseBackend
} from "./chunk-2IJHNQCW.js";

// src/cli/backend-option.ts
function backendOption(value, secrets) {
  return createBackendOpener({ backend: parseBackend(value), env: process.env, ...secrets ? { secrets } : {} });
}

export {
  backendOption
};
