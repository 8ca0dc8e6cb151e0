import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  checkReadOnly
} from "./chunk-5G2X2JKW.js";
import {
  MAX_YAML_BYTES,
  checkReadable,
  describeIssue,
  formatPath,
  parseYamlSource
} from "./chunk-XWFLS6EG.js";
import {
  external_exports
} from "./chunk-CSAISFHI.js";
import {
  ValidationError
} from "./chunk-IX2IGMNH.js";

// src/benchmarks/loader.ts
import { readFileSync } from "node:fs";

// src/benchmarks/schema.ts
var BenchmarkId = external_exports.union([external_exports.string().trim().min(1), external_exports.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)]).transform((value) => String(value)).describe("Stable id of the question, unique in the file.");
var BenchmarkItemSchema = external_exports.strictObject({
  id: BenchmarkId,
  question: external_exports.string().trim().min(1).describe("The question as a user would ask Genie."),
  sql: external_exports.string().trim().min(1).describe("Expected SQL: a single read-only query whose result is the right answer."),
  split: external_exports.enum(["train", "holdout"]).optional().describe("train: the enhancer may learn from it; holdout: only measured. Derived from the SQL when absent."),
  tags: external_exports.array(external_exports.string().min(1)).optional().describe("Free labels for grouping results."),
  order_matters: external_exports.boolean().optional().describe("Compare row order too. When absent, order matters if the expected SQL has ORDER BY.")
});
var BenchmarkListSchema = external_exports.array(BenchmarkItemSchema);
var BenchmarkFileSchema = external_exports.union([BenchmarkListSchema, external_exports.strictObject({ benchmarks: BenchmarkListSchema })]);

// src/benchmarks/split.ts
import { createHash } from "node:crypto";
var HOLDOUT_DIVISOR = 3;
function normalizeSqlForSplit(sql) {
  return sql.toLowerCase().replace(/`/g, "").replace(/\s+/g, " ").replace(/\s*([(),;=<>+*/-])\s*/g, "$1").trim().replace(/;+$/, "").trim();
}
function deriveSplit(sql) {
  const digest = createHash("sha256").update(normalizeSqlForSplit(sql), "utf8").digest();
  return digest.readUInt32BE(0) % HOLDOUT_DIVISOR === 0 ? "holdout" : "train";
}

// src/benchmarks/loader.ts
var EMPTY_MESSAGE = "add at least one question: a list of { id, question, sql } items, e.g.\n- id: members-total\n  question: How many members are there?\n  sql: SELECT COUNT(*) FROM main.community.members";
function itemsOf(source, file) {
  const value = source.value;
  if (value === null || value === void 0) return { file, path: "$", line: 1, message: EMPTY_MESSAGE };
  if (Array.isArray(value)) return { items: value, prefix: [] };
  if (typeof value === "object") {
    const extra = Object.keys(value).filter((key) => key !== "benchmarks");
    if (extra.length > 0) {
      return {
        file,
        path: formatPath([extra[0]]),
        line: source.lineOf([extra[0]]),
        message: `unknown top-level key "${extra[0]}": expected only "benchmarks"`
      };
    }
    const list = value.benchmarks;
    if (list === null || list === void 0)
      return { file, path: "$.benchmarks", line: source.lineOf(["benchmarks"]), message: EMPTY_MESSAGE };
    if (Array.isArray(list)) return { items: list, prefix: ["benchmarks"] };
    return {
      file,
      path: "$.benchmarks",
      line: source.lineOf(["benchmarks"]),
      message: 'expected a list of questions under "benchmarks"'
    };
  }
  return { file, path: "$", line: 1, message: "expected a list of questions (or { benchmarks: [...] })" };
}
function parseBenchmarksText(text, file, space) {
  const inspected = inspectBenchmarksText(text, file, space);
  if (inspected.issues.length > 0) throw new ValidationError(inspected.issues);
  return inspected.set;
}
function inspectBenchmarksText(text, file, space) {
  const empty = (issues2) => ({
    set: { space, file, benchmarks: [] },
    issues: issues2,
    sqlLocations: /* @__PURE__ */ new Map()
  });
  let source;
  try {
    source = parseYamlSource(text, file);
  } catch (error) {
    if (error instanceof ValidationError) return empty(error.issues);
    throw error;
  }
  const found = itemsOf(source, file);
  if (!("items" in found)) return empty([found]);
  const { items, prefix } = found;
  if (items.length === 0)
    return empty([{ file, path: formatPath(prefix), line: source.lineOf(prefix), message: EMPTY_MESSAGE }]);
  const issues = [];
  const benchmarks = [];
  const sqlLocations = /* @__PURE__ */ new Map();
  const firstById = /* @__PURE__ */ new Map();
  items.forEach((item, index) => {
    const at = [...prefix, index];
    const result = BenchmarkItemSchema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const described = describeIssue(issue, item, (inner) => source.sourceOf([...at, ...inner]));
        const segments = [...at, ...described.segments];
        issues.push({ file, path: formatPath(segments), line: source.lineOf(segments), message: described.message });
      }
      return;
    }
    const entry = result.data;
    const idLine = source.lineOf([...at, "id"]);
    if (firstById.has(entry.id)) {
      const first = firstById.get(entry.id);
      issues.push({
        file,
        path: formatPath([...at, "id"]),
        line: idLine,
        message: `duplicate id "${entry.id}" (first used${first ? ` on line ${first}` : ""}): ids must be unique; rename one`
      });
      return;
    }
    firstById.set(entry.id, idLine);
    const guard = checkReadOnly(entry.sql);
    if (!guard.ok) {
      issues.push({
        file,
        path: formatPath([...at, "sql"]),
        line: source.lineOf([...at, "sql"]),
        message: `expected SQL must be a single read-only query: ${guard.reason}`
      });
      return;
    }
    const benchmark = {
      id: entry.id,
      question: entry.question,
      sql: entry.sql,
      split: entry.split ?? deriveSplit(entry.sql),
      tags: entry.tags ?? []
    };
    if (entry.order_matters !== void 0) benchmark.orderMatters = entry.order_matters;
    benchmarks.push(benchmark);
    sqlLocations.set(entry.id, { path: formatPath([...at, "sql"]), line: source.lineOf([...at, "sql"]) });
  });
  return { set: { space, file, benchmarks }, issues, sqlLocations };
}
function loadBenchmarks(file, space) {
  checkReadable(file, file, MAX_YAML_BYTES);
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = error.code === "ENOENT" ? "file not found" : error.message;
    throw new ValidationError([
      { file, path: "$", message: `cannot read the benchmark file (${reason}): ${EMPTY_MESSAGE}` }
    ]);
  }
  return parseBenchmarksText(text, file, space);
}

export {
  parseBenchmarksText,
  inspectBenchmarksText,
  loadBenchmarks
};
