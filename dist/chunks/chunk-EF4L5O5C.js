import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  STAGING_MODES,
  loadSpaceDir,
  spacePaths
} from "./chunk-XWFLS6EG.js";
import {
  GenieGitopsError
} from "./chunk-IX2IGMNH.js";

// src/commands/workspace.ts
function parseStaging(value, name = "--staging") {
  if (value === void 0) return void 0;
  if (STAGING_MODES.includes(value)) return value;
  throw new GenieGitopsError(
    `${name} '${value}' is not supported`,
    `use ${name} temporary (a space per run, trashed at the end) or ${name} shared (the staging_space_id of target.yml)`
  );
}
function loadSpace(root, name, layout = {}) {
  const loaded = loadSpaceDir(root, name, layout);
  return {
    name,
    dir: loaded.dir,
    spaceFile: loaded.spaceFile,
    configPath: loaded.configPath,
    space: loaded.space,
    target: loaded.target
  };
}
function benchmarksFile(root, space) {
  return spacePaths(root, space).benchmarksFile;
}

export {
  parseStaging,
  loadSpace,
  benchmarksFile
};
