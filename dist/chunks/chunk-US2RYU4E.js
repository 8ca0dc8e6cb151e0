import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  reaskScore,
  runScore
} from "./chunk-QWGNB65Z.js";
import {
  hashBenchmarks,
  hashSpace
} from "./chunk-3YQJKESU.js";
import {
  lintQuality
} from "./chunk-PXHFY66S.js";
import {
  benchmarksFile,
  loadSpace
} from "./chunk-EF4L5O5C.js";
import {
  findTaught
} from "./chunk-PFNWRXII.js";
import {
  checkInvariants
} from "./chunk-IHHUWFZN.js";
import {
  loadBenchmarks
} from "./chunk-GOA4DWPX.js";
import {
  addIssueLines,
  repoPaths
} from "./chunk-XWFLS6EG.js";
import {
  GenieGitopsError,
  ValidationError
} from "./chunk-IX2IGMNH.js";

// src/commands/score.ts
import { existsSync } from "node:fs";
import { readFileSync } from "node:fs";
function loadSpaceBenchmarks(root, space) {
  const file = benchmarksFile(root, space);
  if (!existsSync(file)) {
    throw new GenieGitopsError(
      `no benchmarks for space '${space}': ${file} does not exist`,
      `create ${repoPaths.benchmarksFile(space)} with a list of {id, question, sql}`
    );
  }
  return loadBenchmarks(file, space).benchmarks;
}
async function withScoringBackend(options, fn) {
  const loaded = loadSpace(options.root, options.space, options.layout);
  const benchmarks = loadSpaceBenchmarks(options.root, options.space);
  const backend = await options.backend.open({
    root: options.root,
    target: loaded.target,
    space: options.space,
    noise: options.noise,
    seed: options.seed,
    layout: options.layout,
    dataFile: options.dataFile,
    staging: options.staging
  });
  try {
    assertValidConfig(options.root, loaded, await backend.warehouse.schema());
    return await fn(backend, loaded.space, benchmarks);
  } finally {
    await backend.close();
  }
}
function assertValidConfig(root, loaded, warehouseSchema, hint = "fix the space config (run `genie-gitops validate`)") {
  const issues = checkInvariants(loaded.space, { file: loaded.configPath, warehouseSchema });
  if (issues.length > 0) throw new ValidationError(addIssueLines(readFileSync(loaded.spaceFile, "utf8"), issues), hint);
}
async function scoreConfig(backend, spaceName, space, benchmarks, options = {}) {
  return configScorer(backend, spaceName, space, benchmarks, options).score();
}
function configScorer(backend, spaceName, space, benchmarks, options = {}) {
  const expectedCache = options.expectedCache ?? /* @__PURE__ */ new Map();
  const input = async () => ({
    space: spaceName,
    configHash: hashSpace(space),
    benchmarksHash: hashBenchmarks(benchmarks),
    backend: backend.name,
    benchmarks,
    taught: new Set(findTaught(space, benchmarks).keys()),
    genie: await backend.genieFor(space, { seed: options.seed }),
    warehouse: backend.warehouse,
    expectedCache,
    options: {
      repeats: options.repeats,
      concurrency: options.concurrency,
      questionsPerMinute: options.questionsPerMinute,
      questionTimeoutMs: options.questionTimeoutMs,
      retries: options.retries,
      backoffMs: options.backoffMs,
      questionBudgetMs: options.questionBudgetMs
    },
    onProgress: options.onProgress
  });
  const quality = lintQuality({ space, benchmarks });
  return {
    score: async () => ({ ...await runScore(await input()), quality }),
    reask: async (card, ids, times = 1) => ({ ...await reaskScore(await input(), card, ids, times), quality })
  };
}

export {
  loadSpaceBenchmarks,
  withScoringBackend,
  assertValidConfig,
  scoreConfig,
  configScorer
};
