import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  DEPLOYED_LABEL,
  PENDING_LABEL,
  enhanceBranch,
  mergedPending,
  relabel
} from "./chunk-K7Y7CMMX.js";
import {
  applyConfig,
  liveSpaceOf
} from "./chunk-EUBBPXGV.js";
import {
  ZERO_SHA,
  verifyDeployed
} from "./chunk-LDAN2STI.js";
import {
  REMOTE
} from "./chunk-4M7ZRCS6.js";
import {
  withSyncedBenchmarks
} from "./chunk-NHHR2HFI.js";
import {
  hashSpace
} from "./chunk-3YQJKESU.js";
import {
  checkInvariants
} from "./chunk-IHHUWFZN.js";
import {
  loadBenchmarks,
  parseBenchmarksText
} from "./chunk-GOA4DWPX.js";
import {
  findSpaceEntry,
  listSpaces,
  loadSpaceDir,
  parseSpaceText,
  repoPaths,
  repoRelative,
  serializeSpace,
  spacePaths,
  spacesTouchedBy,
  validateSpaceName
} from "./chunk-XWFLS6EG.js";
import {
  GenieGitopsError,
  ValidationError,
  messageOf
} from "./chunk-IX2IGMNH.js";

// src/commands/deploy-config.ts
import { existsSync } from "node:fs";
function benchmarksOf(root, space) {
  const file = spacePaths(root, space).benchmarksFile;
  return existsSync(file) ? loadBenchmarks(file, space).benchmarks : void 0;
}
function deployedConfig(space, benchmarks, mode, name) {
  if (mode === "none") return space;
  if (!benchmarks)
    throw new GenieGitopsError(
      `sync-benchmarks: ${mode} needs ${repoPaths.benchmarksFile(name)}, which does not exist`,
      "add the benchmark file, or deploy with sync-benchmarks: none"
    );
  return withSyncedBenchmarks(space, benchmarks, mode);
}
async function deployedHashAt(git, before, root, name, configPath, mode) {
  if (!before || ZERO_SHA.test(before)) return void 0;
  const text = await git.tryShow(before, configPath);
  if (text === void 0) return void 0;
  const space = parseSpaceText(text, `${configPath}@${before.slice(0, 7)}`);
  if (mode === "none") return hashSpace(space);
  const file = repoRelative(root, spacePaths(root, name).benchmarksFile);
  const yml = await git.tryShow(before, file);
  if (yml === void 0) return void 0;
  try {
    return hashSpace(withSyncedBenchmarks(space, parseBenchmarksText(yml, file, name).benchmarks, mode));
  } catch {
    return void 0;
  }
}

// src/commands/deploy-labels.ts
async function markDeployedPulls(github, git, space, deployedSha) {
  const result = { deployed: [], stillPending: [] };
  const pending = mergedPending(await github.listPullRequests(enhanceBranch(space), "closed"));
  for (const pr of pending) {
    const included = await mergeIncluded(git, pr.mergeCommitSha, deployedSha);
    if (included !== true) {
      result.stillPending.push({
        number: pr.number,
        reason: included === false ? `its merge ${pr.mergeCommitSha?.slice(0, 7)} is not in the deployed commit ${deployedSha.slice(0, 7)}; the deploy of its push will mark it` : `its merge commit ${pr.mergeCommitSha?.slice(0, 7)} is not in this checkout (check out with fetch-depth: 0)`
      });
      continue;
    }
    await relabel(github, pr, { add: [DEPLOYED_LABEL], remove: [PENDING_LABEL] });
    result.deployed.push(pr.number);
  }
  return result;
}
async function mergeIncluded(git, mergeSha, deployedSha) {
  if (!mergeSha) return true;
  await git.tryFetchCommit(REMOTE, mergeSha);
  return git.tryIsAncestor(mergeSha, deployedSha);
}
function describeDeployLabels(result) {
  const parts = [];
  if (result.deployed.length > 0)
    parts.push(`${result.deployed.map((n) => `PR #${n}`).join(", ")} labelled "${DEPLOYED_LABEL}"`);
  for (const p of result.stillPending) parts.push(`PR #${p.number} stays "${PENDING_LABEL}": ${p.reason}`);
  return parts.join("; ");
}

// src/commands/drift-guard.ts
var short = (sha) => sha.slice(0, 7);
function judgeDrift(input) {
  if (input.liveHash === input.configHash) return { kind: "unchanged" };
  const lastSuccess = input.history.findIndex((r) => r.state === "success");
  const since = lastSuccess === -1 ? input.history : input.history.slice(0, lastSuccess + 1);
  const ours = since.find((r) => r.configHash === input.liveHash);
  if (ours)
    return {
      kind: "clean",
      note: ours.state === "success" ? `the live space held the config deployed from ${short(ours.commit)}` : `the live space held the config of the unfinished deploy of ${short(ours.commit)}`
    };
  if (lastSuccess !== -1) {
    const last = input.history[lastSuccess];
    return {
      kind: "drift",
      reason: `the live space differs from the config of its last successful deployment (commit ${short(last.commit)}, ${last.createdAt})`
    };
  }
  if (input.beforeHash !== void 0 && input.beforeHash === input.liveHash)
    return {
      kind: "clean",
      note: "no deployment recorded yet; the live space held the config of the previous commit"
    };
  if (input.liveIsNew) return { kind: "first", note: "first deploy: the live space was new (tables only)" };
  return {
    kind: "drift",
    reason: "no deployment of this space is recorded and the live space differs from the config to deploy: it may hold edits made outside git"
  };
}
function isUntouchedSpace(canonical) {
  const STRUCTURE = /* @__PURE__ */ new Set(["version", "data_sources", "tables", "metric_views", "column_configs", "config"]);
  const NAMES = /* @__PURE__ */ new Set(["identifier", "column_name"]);
  const INSTRUCTION_LISTS = /* @__PURE__ */ new Set(["instructions", "benchmarks"]);
  const walk = (value, key) => {
    if (Array.isArray(value)) return value.every((v) => walk(v, key));
    if (typeof value === "boolean") return true;
    if (typeof value !== "object" || value === null) return key === "version" || NAMES.has(key);
    return Object.entries(value).every(([k, v]) => {
      if (isEmpty(v)) return true;
      if (INSTRUCTION_LISTS.has(k) || k === "sample_questions") return false;
      return STRUCTURE.has(k) || NAMES.has(k) || typeof v === "boolean" ? walk(v, k) : false;
    });
  };
  return walk(canonical, "");
}
function isEmpty(value) {
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object" && value !== null) return Object.values(value).every(isEmpty);
  return value === void 0 || value === null;
}

// src/commands/deploy.ts
async function changedSpaces(git, before, after, root = git.cwd, layout = {}) {
  return spacesTouchedBy(root, await git.changedFiles(before, after), layout);
}
async function selectSpaces(options) {
  if (options.spaces === "all") return { names: listSpaces(options.root, options.layout), selection: "all spaces" };
  if (options.spaces && options.spaces.length > 0)
    return {
      names: options.spaces.map((name) => validateSpaceName(name)),
      selection: `requested: ${options.spaces.join(", ")}`
    };
  const before = options.before;
  if (!before || ZERO_SHA.test(before))
    return {
      names: listSpaces(options.root, options.layout),
      selection: "all spaces (no previous commit to diff against)"
    };
  if (!await options.git.tryFetchCommit("origin", before)) {
    throw new GenieGitopsError(
      `the previous commit ${before.slice(0, 7)} is not available`,
      "check out with fetch-depth: 0 (or 2) so deploy can diff the push"
    );
  }
  const after = options.after ?? "HEAD";
  return {
    names: await changedSpaces(options.git, before, after, options.root, options.layout),
    selection: `changed in ${before.slice(0, 7)}..${after.slice(0, 7)}`
  };
}
async function deployCommand(options) {
  if (Array.isArray(options.spaces)) options.spaces.forEach((name) => validateSpaceName(name));
  const { names, selection } = await selectSpaces(options);
  const deployments = options.deployments ?? options.backend.localDeploymentLog(options.root);
  const commit = names.length ? await deployedCommit(options) : "";
  const results = [];
  for (const space of names) {
    options.log?.(`deploy ${space}`);
    let result;
    try {
      result = await deployOne(space, options, deployments, commit);
    } catch (error) {
      const message = messageOf(error);
      const hint = error instanceof GenieGitopsError && error.hint ? ` (${error.hint})` : "";
      result = { space, status: "failed", message: `${message}${hint}` };
    }
    if (result.status === "deployed" && options.verify && options.verify.mode !== "none")
      result = await verifySpace(result, space, options, commit);
    if (options.github && (result.status === "deployed" || result.status === "unchanged"))
      result = await labelDeployed(result, options.github, options);
    options.log?.(`${space}: ${result.status}: ${result.message}`);
    results.push(result);
  }
  const ok = results.every(
    (r) => r.status !== "failed" && r.status !== "drifted" && r.verification?.verdict !== "regression"
  );
  return { spaces: results, selection, ok };
}
async function verifySpace(result, space, options, commit) {
  const dir = loadSpaceDir(options.root, space, options.layout);
  const benchmarks = benchmarksOf(options.root, space);
  if (!dir.target || !benchmarks || benchmarks.length === 0)
    return { ...result, message: `${result.message}; not verified: ${repoPaths.benchmarksFile(space)} is missing` };
  const verification = await verifyDeployed(
    {
      root: options.root,
      space,
      backend: options.backend,
      target: dir.target,
      config: dir.space,
      configPath: dir.configPath,
      benchmarks,
      git: options.git,
      github: options.github,
      commit,
      before: options.before,
      layout: options.layout,
      store: options.store,
      log: options.log
    },
    options.verify
  );
  const rollback = verification.rollback ? `; ${verification.rollback.message}` : verification.rollbackError ? `; the rollback failed: ${verification.rollbackError}` : verification.rollbackSkipped && verification.verdict === "regression" ? `; not rolled back: ${verification.rollbackSkipped}` : "";
  return { ...result, verification, message: `${result.message}; ${verification.summary}${rollback}` };
}
async function labelDeployed(result, github, options) {
  try {
    const deployedSha = await options.git.revParse(options.after ?? "HEAD");
    const labels = await markDeployedPulls(github, options.git, result.space, deployedSha);
    const line = describeDeployLabels(labels);
    return { ...result, labelled: labels.deployed, message: line ? `${result.message}; ${line}` : result.message };
  } catch (error) {
    const message = messageOf(error);
    const hint = error instanceof GenieGitopsError && error.hint ? ` (${error.hint})` : "";
    const labelWarning = `could not update the enhancement PR labels: ${message}${hint}`;
    return { ...result, labelWarning, message: `${result.message}; ${labelWarning}` };
  }
}
async function deployOne(space, options, deployments, commit) {
  const planned = planDeploy(space, options, commit);
  if ("status" in planned) return planned;
  const { target, base } = planned;
  return withStore(options, target, async (store) => {
    const live = await store.get(target.liveSpaceId);
    const { verdict, history } = await judgeLive(planned, live, options, deployments);
    if (verdict.kind === "unchanged") {
      if (history.find((r) => r.state === "success")?.configHash === planned.record.configHash)
        return { ...base, status: "unchanged", message: "the live space already has this config" };
      const id = await deployments.start(planned.record);
      await deployments.finish(id, "success", "the live space already had this config");
      return { ...base, status: "unchanged", message: "the live space already has this config (recorded as deployed)" };
    }
    if (verdict.kind === "drift" && (options.onDrift ?? "fail") !== "overwrite") {
      return {
        ...base,
        status: "drifted",
        message: `the live space was edited outside git: ${verdict.reason}. It was left untouched; run export to adopt the edits in a PR, or re-run with on-drift: overwrite to replace them`
      };
    }
    const note = verdict.kind === "drift" ? ` (the live space had drifted: ${verdict.reason}; its edits were overwritten as on-drift: overwrite asks)` : ` (${verdict.note})`;
    return updateLive(planned, { store, live, note, options, deployments });
  });
}
function planDeploy(space, options, commit) {
  if (!findSpaceEntry(options.root, space, options.layout)) {
    return {
      space,
      status: "skipped",
      message: `${repoPaths.spaceFile(space)} no longer exists; the live space was left as it is (delete it by hand if it should go)`
    };
  }
  const dir = loadSpaceDir(options.root, space, options.layout);
  const target = dir.target;
  if (!target)
    return {
      space,
      status: "failed",
      message: `${repoPaths.targetFile(space)} is missing: it names the live space to deploy to`
    };
  const mode = options.syncBenchmarks ?? "none";
  const deployed = deployedConfig(
    dir.space,
    mode === "none" ? void 0 : benchmarksOf(options.root, space),
    mode,
    space
  );
  const issues = checkInvariants(deployed, { file: dir.configPath });
  if (issues.length > 0) throw new ValidationError(issues);
  const record = { space, liveSpaceId: target.liveSpaceId, configHash: hashSpace(deployed), commit };
  const synced = mode === "none" ? {} : { benchmarksSynced: deployed.benchmarks?.questions?.length ?? 0 };
  const base = { space, liveSpaceId: target.liveSpaceId, ...synced };
  return { space, target, configPath: dir.configPath, mode, deployed, config: serializeSpace(deployed), record, base };
}
async function judgeLive(planned, live, options, deployments) {
  const { space, target } = planned;
  const current = liveSpaceOf(live, `live space ${target.liveSpaceId}`);
  const history = await deployments.history(space, target.liveSpaceId);
  const verdict = judgeDrift({
    liveHash: hashSpace(current),
    configHash: planned.record.configHash,
    liveIsNew: isUntouchedSpace(JSON.parse(serializeSpace(current))),
    history,
    beforeHash: history.length === 0 ? await deployedHashAt(options.git, options.before, options.root, space, planned.configPath, planned.mode) : void 0
  });
  return { verdict, history };
}
async function updateLive(planned, at) {
  const { store, live, options, deployments } = at;
  const { space, target, record } = planned;
  let note = at.note;
  const id = await deployments.start(record);
  let how;
  try {
    how = await applyConfig(store, target.liveSpaceId, planned.deployed, planned.config, live.etag, options);
  } catch (error) {
    await deployments.finish(id, "failure", messageOf(error)).catch(() => void 0);
    throw error;
  }
  try {
    await deployments.finish(id, "success", `deployed ${record.commit.slice(0, 7)}`);
  } catch (error) {
    note += `; recording the success in ${deployments.describe(space)} failed (${messageOf(error)}): the next deploy still recognises this config as its own`;
  }
  return { ...planned.base, status: "deployed", message: `updated and verified${how}${note}` };
}
async function deployedCommit(options) {
  try {
    return await options.git.revParse(options.after ?? "HEAD");
  } catch {
    return options.after ?? "unknown";
  }
}
async function withStore(options, target, fn) {
  if (options.store) return fn(options.store);
  const backend = await options.backend.open({ root: options.root, target, spacesOnly: true, layout: options.layout });
  try {
    if (!backend.spaces)
      throw new GenieGitopsError(
        `the ${options.backend.name} backend has no space store`,
        "use a backend that can read and update spaces"
      );
    return await fn(backend.spaces);
  } finally {
    await backend.close();
  }
}

export {
  deployCommand
};
