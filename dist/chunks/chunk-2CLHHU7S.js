import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  mapConcurrent
} from "./chunk-THICYPHM.js";
import {
  checkInvariants
} from "./chunk-IHHUWFZN.js";
import {
  inspectBenchmarksText
} from "./chunk-GOA4DWPX.js";
import {
  findThreePartNames,
  isSymbol,
  lastPart,
  normalizeIdentifier,
  significant,
  tokenize
} from "./chunk-6CTQWAUY.js";
import {
  MAX_JSON_BYTES,
  MAX_YAML_BYTES,
  addIssueLines,
  checkReadable,
  findSpaceEntry,
  inspectSpaceText,
  listSpaces,
  loadTarget,
  repoPaths,
  repoRelative,
  resolveInside,
  targetOf,
  validateSpaceName
} from "./chunk-XWFLS6EG.js";
import {
  GenieGitopsError,
  ValidationError,
  messageOf
} from "./chunk-IX2IGMNH.js";

// src/commands/validate.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// src/benchmarks/expected-sql.ts
function expectedSqlProblems(sql, warehouse) {
  const problems = [];
  const unbalanced = parenthesisProblem(sql);
  if (unbalanced) problems.push(unbalanced);
  if (warehouse) problems.push(...unknownTables(sql, warehouse));
  return problems;
}
function parenthesisProblem(sql) {
  let depth = 0;
  for (const token of significant(tokenize(sql, "spark"))) {
    if (isSymbol(token, "(")) depth++;
    else if (isSymbol(token, ")") && --depth < 0)
      return `unbalanced parentheses: a ')' at offset ${token.start} closes nothing`;
  }
  return depth > 0 ? `unbalanced parentheses: ${depth} '(' never closed` : void 0;
}
function unknownTables(sql, warehouse) {
  const tables = new Set(warehouse.tables.map((t) => normalizeIdentifier(t.identifier)));
  const catalogs = new Set([...tables].map((t) => t.split(".")[0]));
  const problems = [];
  const reported = /* @__PURE__ */ new Set();
  for (const name of findThreePartNames(sql)) {
    const key = normalizeIdentifier(name);
    if (tables.has(key) || reported.has(key) || !catalogs.has(key.split(".")[0])) continue;
    reported.add(key);
    const short = lastPart(name).toLowerCase();
    const similar = [...tables].find((t) => t.split(".").pop() === short);
    problems.push(
      `refers to table ${name}, which the warehouse does not have${similar ? ` (did you mean ${similar}?)` : ""}: fix the name or the warehouse`
    );
  }
  return problems;
}

// src/commands/validate.ts
async function validateCommand(options) {
  if (options.space !== void 0) validateSpaceName(options.space);
  let names;
  try {
    names = options.space ? [options.space] : listSpaces(options.root, options.layout);
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, spaces: [], issues: error.issues };
    throw error;
  }
  if (names.length === 0) {
    const issue = {
      file: "spaces/",
      path: "$",
      message: "no space found: create spaces/<name>/space.json (or run `genie-gitops init`)"
    };
    return { ok: false, spaces: [], issues: [issue] };
  }
  const spaces = [];
  for (const name of names) spaces.push(await validateOne(options, name));
  const issues = spaces.flatMap((s) => s.issues);
  return { ok: issues.length === 0, spaces, issues };
}
function issuesOf(error, file, line) {
  if (error instanceof ValidationError) return error.issues;
  if (error instanceof GenieGitopsError)
    return [{ file, path: "$", line, message: error.hint ? `${error.message}: ${error.hint}` : error.message }];
  throw error;
}
async function validateOne(options, name) {
  const root = options.root;
  try {
    validateSpaceName(name);
  } catch (error) {
    return { space: name, issues: issuesOf(error, repoPaths.dir(name)), benchmarks: 0 };
  }
  const issues = [];
  let entry;
  try {
    entry = findSpaceEntry(root, name, options.layout);
  } catch (error) {
    return { space: name, issues: issuesOf(error, "databricks.yml"), benchmarks: 0 };
  }
  const spaceFile = entry?.spaceFile ?? path.join(root, repoPaths.spaceFile(name));
  const spaceLabel = repoRelative(root, spaceFile);
  const targetFile = entry?.targetFile ?? path.join(root, repoPaths.targetFile(name));
  const targetLabel = repoRelative(root, targetFile);
  const benchLabel = repoPaths.benchmarksFile(name);
  try {
    resolveInside(root, spaceFile, `the config file of space ${name}`);
    if (existsSync(targetFile)) resolveInside(root, targetFile, `the target file of space ${name}`);
  } catch (error) {
    return { space: name, issues: issuesOf(error, spaceLabel), benchmarks: 0 };
  }
  let target;
  if (entry?.source === "bundle" || existsSync(targetFile)) {
    try {
      target = entry ? targetOf(root, entry) : loadTarget(targetFile, targetLabel);
    } catch (error) {
      issues.push(...issuesOf(error, targetLabel));
    }
  } else {
    issues.push({
      file: targetLabel,
      path: "$",
      message: `missing: it says where the space deploys and which data the local backend uses; create it with \`genie-gitops init --space ${name} --from-sqlite FILE\` (keeps an existing space.json; no --from-* means the demo data)`
    });
  }
  const wantWarehouse = options.execute || (options.checkWarehouse ?? true);
  const openIssues = [];
  const opening = wantWarehouse ? openFor(options, name, target, targetLabel, openIssues) : void 0;
  const benchIssues = [];
  const bench = readBenchmarks(root, benchLabel, name, benchIssues);
  const backend = await opening;
  issues.push(...openIssues);
  try {
    const schema = backend ? await backend.warehouse.schema() : void 0;
    issues.push(...checkSpaceFile(spaceFile, spaceLabel, name, schema), ...benchIssues);
    if (!bench) return { space: name, issues, benchmarks: 0 };
    issues.push(...bench.issues, ...checkExpectedSql(bench, options.execute ? void 0 : schema));
    const executed = options.execute && backend ? await executeExpected(bench, backend.warehouse, issues) : void 0;
    return {
      space: name,
      issues,
      benchmarks: bench.set.benchmarks.length,
      ...executed !== void 0 ? { executed } : {},
      ...options.execute && options.backend.needsLocalData && target && !target.local?.data ? { notExecuted: "target.yml has no local.data; run with --backend databricks to execute on the workspace" } : {}
    };
  } finally {
    await backend?.close();
  }
}
async function openFor(options, name, target, targetLabel, issues) {
  const backend = options.backend;
  if (!target) return void 0;
  if (backend.needsLocalData && !target.local?.data && options.dataFile === void 0) return void 0;
  if (!options.execute && !backend.needsLocalData) return void 0;
  try {
    return await backend.open({
      root: options.root,
      target,
      space: name,
      layout: options.layout,
      dataFile: options.dataFile,
      // Validation needs the schema, not rows: on the demo, expected SQL runs on its empty tables.
      demoRows: false
    });
  } catch (error) {
    issues.push(...issuesOf(error, targetLabel));
    return void 0;
  }
}
function readBenchmarks(root, label, space, issues) {
  const file = path.join(root, label);
  if (!existsSync(file)) return void 0;
  try {
    checkReadable(file, label, MAX_YAML_BYTES);
    return inspectBenchmarksText(readFileSync(file, "utf8"), label, space);
  } catch (error) {
    issues.push(...issuesOf(error, label));
    return void 0;
  }
}
function checkSpaceFile(file, label, name, schema) {
  if (!existsSync(file))
    return [
      {
        file: label,
        path: "$",
        message: `${repoPaths.dir(name)}/ has no space.json: create it (the decoded serialized_space, e.g. via \`genie-gitops export\` or \`genie-gitops init\`)`
      }
    ];
  try {
    checkReadable(file, label, MAX_JSON_BYTES);
  } catch (error) {
    return issuesOf(error, label);
  }
  const text = readFileSync(file, "utf8");
  const inspected = inspectSpaceText(text, label);
  if (!inspected.space) return inspected.issues;
  const invariants = addIssueLines(text, checkInvariants(inspected.space, { file: label, warehouseSchema: schema }));
  return [...inspected.issues, ...invariants];
}
function checkExpectedSql(bench, schema) {
  const issues = [];
  for (const b of bench.set.benchmarks) {
    for (const problem of expectedSqlProblems(b.sql, schema))
      issues.push({ file: bench.set.file, ...sqlAt(bench, b.id), message: `${b.id}: expected SQL ${problem}` });
  }
  return issues;
}
async function executeExpected(bench, warehouse, issues) {
  const distinct = [...new Set(bench.set.benchmarks.map((b) => b.sql))];
  const outcomes = await mapConcurrent(distinct, warehouse.concurrency ?? 4, async (sql) => {
    try {
      await warehouse.execute(sql, { rowLimit: 1 });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  });
  const results = new Map(distinct.map((sql, i) => [sql, outcomes[i]]));
  for (const b of bench.set.benchmarks) {
    const failure = results.get(b.sql);
    if (failure)
      issues.push({
        file: bench.set.file,
        ...sqlAt(bench, b.id),
        message: `${b.id}: expected SQL fails on the warehouse: ${failure.split("\n")[0]}`
      });
  }
  return results.size;
}
function sqlAt(bench, id) {
  return bench.sqlLocations.get(id) ?? { path: "$" };
}

export {
  validateCommand
};
