import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  liveSpaceOf
} from "./chunk-EUBBPXGV.js";
import {
  checkBotBranch,
  publishBotBranch,
  upsertPullRequest
} from "./chunk-4M7ZRCS6.js";
import {
  genieQuestionId,
  readGenieQuestions,
  withoutBenchmarks
} from "./chunk-NHHR2HFI.js";
import {
  hashSpace
} from "./chunk-3YQJKESU.js";
import {
  findSpaceEntry,
  loadTarget,
  parseSpaceText,
  repoPaths,
  repoRelative,
  require_dist,
  resolveInside,
  serializeSpace,
  spacePaths,
  targetOf,
  writeFileAtomic
} from "./chunk-XWFLS6EG.js";
import {
  GenieGitopsError,
  ValidationError
} from "./chunk-IX2IGMNH.js";
import {
  __toESM
} from "./chunk-C6B32G2J.js";

// src/commands/export.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// src/benchmarks/benchmark-export.ts
var import_yaml = __toESM(require_dist(), 1);
function listOf(doc, file) {
  const root = doc.contents;
  if ((0, import_yaml.isSeq)(root)) return root;
  if ((0, import_yaml.isMap)(root)) {
    const list = root.get("benchmarks", true);
    if ((0, import_yaml.isSeq)(list)) return list;
  }
  throw new ValidationError([
    { file, path: "$", line: 1, message: "expected a list of questions (or { benchmarks: [...] }) to merge into" }
  ]);
}
function textNode(doc, value) {
  const node = doc.createNode(value);
  if (value.includes("\n")) node.type = import_yaml.Scalar.BLOCK_LITERAL;
  return node;
}
function scalarText(map, key) {
  const node = map.get(key, true);
  if (!(0, import_yaml.isScalar)(node) || node.value === null || node.value === void 0) return void 0;
  return String(node.value).trim();
}
function mergeIntoBenchmarkYaml(text, questions, file) {
  const doc = (0, import_yaml.parseDocument)(text ?? "[]\n");
  if (doc.errors.length > 0)
    throw new ValidationError([{ file, path: "$", line: 1, message: `not valid YAML: ${doc.errors[0].message}` }]);
  const list = listOf(doc, file);
  const live = new Map(questions.map((q) => [q.id, q]));
  const result = { updated: [], added: [], notInSpace: [], withoutSql: [] };
  const seen = /* @__PURE__ */ new Set();
  for (const item of list.items) {
    if (!(0, import_yaml.isMap)(item)) continue;
    const id = scalarText(item, "id");
    if (id === void 0) continue;
    const q = live.get(genieQuestionId(id));
    if (!q) {
      result.notInSpace.push(id);
      continue;
    }
    seen.add(q.id);
    if (q.sql === void 0) continue;
    let changed2 = false;
    if (scalarText(item, "question") !== q.question) {
      item.set("question", textNode(doc, q.question));
      changed2 = true;
    }
    if (scalarText(item, "sql") !== q.sql) {
      item.set("sql", textNode(doc, q.sql));
      changed2 = true;
    }
    if (changed2) result.updated.push(id);
  }
  for (const q of questions) {
    if (seen.has(q.id)) continue;
    if (q.sql === void 0) {
      result.withoutSql.push(q.id);
      continue;
    }
    const map = new import_yaml.YAMLMap();
    map.set("id", q.id);
    map.set("question", textNode(doc, q.question));
    map.set("sql", textNode(doc, q.sql));
    list.items.push(map);
    result.added.push(q.id);
  }
  const changed = result.updated.length > 0 || result.added.length > 0;
  const out = changed || text === void 0 ? doc.toString({ lineWidth: 0, flowCollectionPadding: false }) : text;
  return { ...result, text: out };
}

// src/commands/export.ts
function exportBranch(space) {
  return `genie-gitops/export/${space}`;
}
async function exportCommand(options) {
  const { file, target } = exportDestination(options);
  const absolute = path.join(options.root, file);
  const liveSpaceId = target.liveSpaceId;
  const live = liveSpaceOf(await readLive(options, target, liveSpaceId), `live space ${liveSpaceId}`);
  const before = existsSync(absolute) ? readFileSync(absolute, "utf8") : void 0;
  const beforeSpace = before === void 0 ? void 0 : parseSpaceText(before, file);
  const split = splitBenchmarks(options.root, options.space, live, beforeSpace);
  const space = split.space;
  const text = serializeSpace(space);
  const base = { space: options.space, liveSpaceId, file, ...split.note ? { benchmarks: split.note } : {} };
  if (before === text && !split.write)
    return { ...base, outcome: "unchanged", message: `${file} already equals the live space` };
  const { git, github } = options;
  let check;
  const branch = exportBranch(options.space);
  if (git && github) {
    check = await checkBotBranch(git, branch, "HEAD");
    if (!check.ok) return { ...base, outcome: "blocked", message: check.reason };
  }
  writeFileAtomic(absolute, text);
  if (split.write) writeFileAtomic(path.join(options.root, split.write.file), split.write.text);
  const paths = [file, ...split.write ? [split.write.file] : []];
  if (!git || !github || !check)
    return {
      ...base,
      outcome: "written",
      message: `wrote ${paths.join(" and ")} from live space ${liveSpaceId}${split.note ? ` (${split.note})` : ""}`
    };
  const baseBranch = options.baseBranch ?? await github.defaultBranch();
  const published = await publishBotBranch(git, {
    branch,
    paths,
    message: `genie-gitops: export ${options.space} from live space ${liveSpaceId}`,
    expectedRemoteSha: check.remoteSha
  });
  const body = [
    `## genie-gitops: export \`${options.space}\``,
    "",
    `The live space \`${liveSpaceId}\` differs from \`${file}\` on \`${baseBranch}\` (edits made outside git, e.g. in the Genie UI).`,
    `This PR adopts the live config as it is, written canonically, so the diff shows exactly those edits.`,
    "",
    `- live config hash: \`${hashSpace(space).slice(0, 12)}\``,
    beforeSpace === void 0 ? "- first export of this space" : `- repository config hash: \`${hashSpace(beforeSpace).slice(0, 12)}\``,
    "",
    ...split.note ? [`Genie's benchmark questions: ${split.note}.`, ""] : [],
    "Merging it makes the repository match the live space again, so the next deploy no longer reports drift. Closing it and re-running deploy with `on-drift: overwrite` discards the live edits instead.",
    ""
  ].join("\n");
  const upserted = await upsertPullRequest(github, {
    branch,
    base: baseBranch,
    title: `genie-gitops: adopt live edits of ${options.space}`,
    body,
    labels: ["genie-gitops", `space:${options.space}`]
  });
  const outcome = upserted.action === "created" ? "pr-created" : "pr-updated";
  const pushed = published.pushed ? `pushed ${published.sha.slice(0, 7)} to ${branch}` : `${branch} already had this change`;
  return { ...base, outcome, pr: upserted.pr, message: `${pushed}; PR #${upserted.pr.number} ${upserted.action}` };
}
function exportDestination(options) {
  const entry = findSpaceEntry(options.root, options.space, options.layout);
  const target = entry && targetOf(options.root, entry);
  if (entry && target) {
    resolveInside(options.root, entry.spaceFile, `the config file of space ${options.space}`);
    return { file: entry.configPath, target };
  }
  const paths = spacePaths(options.root, options.space);
  const file = repoPaths.spaceFile(options.space);
  return { file, target: loadTarget(paths.targetFile, repoPaths.targetFile(options.space)) };
}
async function readLive(options, target, spaceId) {
  if (options.store) return options.store.get(spaceId);
  const backend = await options.backend.open({ root: options.root, target, spacesOnly: true, layout: options.layout });
  try {
    if (!backend.spaces)
      throw new GenieGitopsError(
        `the ${options.backend.name} backend has no space store`,
        "use a backend that can read spaces"
      );
    return await backend.spaces.get(spaceId);
  } finally {
    await backend.close();
  }
}
function splitBenchmarks(root, name, live, before) {
  const questions = readGenieQuestions(live);
  const repoKeepsThem = (before?.benchmarks?.questions?.length ?? 0) > 0;
  if (questions.length === 0 || repoKeepsThem) return { space: live };
  const ymlPath = spacePaths(root, name).benchmarksFile;
  const ymlFile = repoRelative(root, ymlPath);
  const current = existsSync(ymlPath) ? readFileSync(ymlPath, "utf8") : void 0;
  const merged = mergeIntoBenchmarkYaml(current, questions, ymlFile);
  const parts = [
    merged.updated.length ? `${merged.updated.length} updated (${merged.updated.join(", ")})` : "",
    merged.added.length ? `${merged.added.length} added in the space (${merged.added.join(", ")})` : "",
    merged.notInSpace.length ? `${merged.notInSpace.length} of ours not in the space, kept` : "",
    merged.withoutSql.length ? `${merged.withoutSql.length} without SQL left out` : ""
  ].filter(Boolean);
  const note = `${questions.length} kept in ${ymlFile}${parts.length ? `: ${parts.join("; ")}` : ""}`;
  return {
    space: withoutBenchmarks(live),
    ...merged.text !== current ? { write: { file: ymlFile, text: merged.text } } : {},
    note
  };
}

export {
  exportCommand
};
