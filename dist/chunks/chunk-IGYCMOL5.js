import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  parseScorecard
} from "./chunk-QWGNB65Z.js";
import {
  hashBenchmarks,
  hashSpace
} from "./chunk-3YQJKESU.js";
import {
  parseSpaceText,
  writeFileAtomic
} from "./chunk-XWFLS6EG.js";
import {
  GenieGitopsError,
  messageOf
} from "./chunk-IX2IGMNH.js";

// src/commands/scorecard-cache.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
function defaultCacheDir(root) {
  return path.join(root, ".genie-gitops", "cache", "scorecards");
}
function cacheFile(dir, space, configHash, benchmarksHash, backend) {
  return path.join(dir, space, `${backend}-${configHash.slice(0, 20)}-${benchmarksHash.slice(0, 20)}.json`);
}
function readCachedScorecard(dir, key) {
  const file = cacheFile(dir, key.space, key.configHash, key.benchmarksHash, key.backend);
  if (!existsSync(file)) return void 0;
  try {
    const card = parseScorecard(JSON.parse(readFileSync(file, "utf8")));
    return card.configHash === key.configHash && card.benchmarksHash === key.benchmarksHash && card.backend === key.backend ? card : void 0;
  } catch {
    return void 0;
  }
}
function writeCachedScorecard(dir, card) {
  writeFileAtomic(
    cacheFile(dir, card.space, card.configHash, card.benchmarksHash, card.backend),
    `${JSON.stringify(card)}
`
  );
}

// src/commands/deploy-baseline.ts
var enhanceStatusContext = (space) => `genie-gitops/score (${space})`;
var scoreStatusContext = (space, backend) => `genie-gitops/score (${space}, ${backend})`;
var PERCENT = (name) => new RegExp(`\\b${name} (\\d+(?:\\.\\d+)?)%`);
function parseScoreStatus(description) {
  const read = (name) => {
    const m = PERCENT(name).exec(description);
    return m ? Number(m[1]) / 100 : void 0;
  };
  const out = { all: read("score"), train: read("train"), holdout: read("holdout") };
  return out.all === void 0 && out.train === void 0 && out.holdout === void 0 ? void 0 : out;
}
async function findBaseline(input) {
  const configHash = hashSpace(input.config);
  const card = readCachedScorecard(input.cacheDir ?? defaultCacheDir(input.root), {
    space: input.space,
    configHash,
    benchmarksHash: hashBenchmarks(input.benchmarks),
    backend: input.backend
  });
  if (card)
    return {
      kind: "scorecard",
      source: `the PR score check's scorecard of config ${configHash.slice(0, 7)}`,
      card
    };
  if (!input.github)
    return { kind: "none", source: "no stored scorecard of this config, and no GitHub token to read PR statuses" };
  try {
    const found = await statusBaseline(input, configHash);
    if (found) return found;
  } catch (error) {
    input.log?.(`could not read the merged PR's score status: ${messageOf(error)}`);
  }
  return {
    kind: "none",
    source: "no stored scorecard of this config and no score status on the merged PR head"
  };
}
async function prHeads(git, github, commit) {
  const heads = [];
  const parents = await git.parents(commit).catch(() => []);
  if (parents.length > 1) heads.push(parents[1]);
  for (const pr of await github.pullRequestsOfCommit(commit)) if (!heads.includes(pr.headSha)) heads.push(pr.headSha);
  return heads;
}
async function statusBaseline(input, configHash) {
  const github = input.github;
  for (const head of await prHeads(input.git, github, input.commit)) {
    const text = await input.git.tryShow(head, input.configPath);
    if (text === void 0) continue;
    let headHash;
    try {
      headHash = hashSpace(parseSpaceText(text, `${input.configPath}@${head.slice(0, 7)}`));
    } catch (error) {
      if (error instanceof GenieGitopsError) continue;
      throw error;
    }
    if (headHash !== configHash) {
      input.log?.(`PR head ${head.slice(0, 7)} has another config than the merged one: its score status is not used`);
      continue;
    }
    const statuses = await github.listCommitStatuses(head);
    const pick = (context) => statuses.find((s) => s.context === context && (s.state === "success" || s.state === "failure"));
    const status = pick(scoreStatusContext(input.space, input.backend)) ?? pick(enhanceStatusContext(input.space));
    const scores = status && parseScoreStatus(status.description);
    if (status && scores)
      return {
        kind: "score",
        source: `the "${status.context}" status of PR head ${head.slice(0, 7)} (${status.description})`,
        ...scores
      };
  }
  return void 0;
}

export {
  defaultCacheDir,
  readCachedScorecard,
  writeCachedScorecard,
  enhanceStatusContext,
  scoreStatusContext,
  findBaseline
};
