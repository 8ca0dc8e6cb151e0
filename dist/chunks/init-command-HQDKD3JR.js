import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  parseBackend
} from "./chunk-2IJHNQCW.js";
import {
  isSqliteImage,
  openLocalWarehouse
} from "./chunk-DTHPFF6N.js";
import "./chunk-I525QUES.js";
import "./chunk-EZP4HJED.js";
import {
  IMPORT_BENCHMARKS,
  INIT,
  parseCommandArgs
} from "./chunk-EPEBURQV.js";
import "./chunk-LSOMVX3T.js";
import "./chunk-VDN3VUND.js";
import "./chunk-K7TKUAUP.js";
import "./chunk-YUT4RWDR.js";
import "./chunk-MBZJZHDO.js";
import "./chunk-3YQJKESU.js";
import {
  benchmarksFile
} from "./chunk-EF4L5O5C.js";
import {
  parseBenchmarksText
} from "./chunk-GOA4DWPX.js";
import "./chunk-SD433YDN.js";
import "./chunk-5G2X2JKW.js";
import "./chunk-6CTQWAUY.js";
import "./chunk-2YFC7YIM.js";
import {
  MAX_MARKDOWN_BYTES,
  canonicalizeSpace,
  checkReadable,
  isInside,
  repoPaths,
  require_dist,
  spacePaths,
  validateSpaceName,
  writeFileAtomic,
  writeSpaceFile
} from "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import {
  ConfigError,
  GenieGitopsError,
  ValidationError
} from "./chunk-IX2IGMNH.js";
import {
  __toESM
} from "./chunk-C6B32G2J.js";

// src/cli/init-command.ts
import path3 from "node:path";

// src/commands/import-benchmarks.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// src/benchmarks/markdown-import.ts
var import_yaml = __toESM(require_dist(), 1);
var FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`{]*)/;
var HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
var BOLD_LINE = /^\s*(\*\*|__)(.+?)\1\s*$/;
var Q_LINE = /^\s*(?:[-*]\s+)?(?:\*\*|__)?Q(?:uestion)?\s*\d*\s*[:.)](?:\*\*|__)?\s+(.+?)\s*$/i;
var META_LINE = /^\s*(?:[-*]\s+)?(?:\*\*|__|_|\*)?(id|split|tags|order[_ ]matters)(?:\*\*|__|_|\*)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/i;
var SQL_LANGUAGES = /* @__PURE__ */ new Set(["sql", "sparksql", "spark-sql", "databricks", "databricks-sql", "sqlite"]);
function cleanQuestion(text) {
  let question = text.trim();
  for (let pass = 0; pass < 2; pass++) {
    const bold = BOLD_LINE.exec(question);
    if (bold) question = bold[2].trim();
    const prefixed = /^Q(?:uestion)?\s*\d*\s*[:.)]\s+(.+)$/i.exec(question);
    if (prefixed) question = prefixed[1].trim();
  }
  return question;
}
function stripQuotes(value) {
  return value.trim().replace(/^[`'"](.*)[`'"]$/, "$1").trim();
}
function slugify(text) {
  const slug = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 60);
  const lastDash = cut.lastIndexOf("-");
  return lastDash > 20 ? cut.slice(0, lastDash) : cut;
}
function addIssue(state, line, message) {
  state.issues.push({ file: state.file, path: "$", line, message });
}
function startQuestion(state, next) {
  const current = state.current;
  if (current && current.sql === void 0) {
    const isSection = current.level !== void 0 && next !== void 0 && (next.level === void 0 || next.level > current.level);
    if (!isSection)
      addIssue(
        state,
        current.line,
        `question "${current.question}" has no SQL block: add a \`\`\`sql fenced block below it`
      );
  }
  if (current && current.sql !== void 0) state.drafts.push(current);
  state.current = next;
}
function setMeta(draft, key, value) {
  if (key === "id") {
    if (!value) return "empty id: write id: <text>";
    draft.id = value;
  } else if (key === "split") {
    const split = value.toLowerCase();
    if (split !== "train" && split !== "holdout") return `split must be train or holdout, got "${value}"`;
    draft.split = split;
  } else if (key === "tags") {
    draft.tags = value.replace(/^\[|\]$/g, "").split(",").map((tag) => stripQuotes(tag).replace(/^#/, "")).filter((tag) => tag !== "");
  } else {
    const flag = value.toLowerCase();
    if (["true", "yes"].includes(flag)) draft.orderMatters = true;
    else if (["false", "no"].includes(flag)) draft.orderMatters = false;
    else return `order_matters must be true or false, got "${value}"`;
  }
  return void 0;
}
function applyMeta(state, key, raw, line) {
  if (!state.current) {
    addIssue(state, line, `"${key}:" line has no question above it: put it under the question it belongs to`);
    return;
  }
  const problem = setMeta(state.current, key, stripQuotes(raw.replace(/(\*\*|__)$/, "")));
  if (problem) addIssue(state, line, problem);
}
function readFence(state, lines, index, fence) {
  const marker = fence[1];
  const language = fence[2].toLowerCase();
  const closing = new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
  const lineNo = index + 1;
  let end = index + 1;
  while (end < lines.length && !closing.test(lines[end])) end++;
  if (end >= lines.length) {
    addIssue(state, lineNo, "code block is never closed: add the closing fence");
    return void 0;
  }
  if (!SQL_LANGUAGES.has(language)) return end;
  const sql = lines.slice(index + 1, end).join("\n").trim();
  const current = state.current;
  if (!current || current.sql !== void 0) {
    addIssue(
      state,
      lineNo,
      "SQL block with no question: put a heading (## ...), a **bold** line or a Q: line above it"
    );
  } else {
    if (sql === "") addIssue(state, lineNo, `the SQL block of "${current.question}" is empty`);
    current.sql = sql;
  }
  return end;
}
function readLine(state, line, lineNo) {
  const heading = HEADING.exec(line);
  if (heading) {
    const level = heading[1].length;
    startQuestion(state, level === 1 ? void 0 : { question: cleanQuestion(heading[2]), line: lineNo, level });
    return;
  }
  const meta = META_LINE.exec(line);
  if (meta) {
    applyMeta(state, meta[1].toLowerCase().replace(" ", "_"), meta[2], lineNo);
    return;
  }
  const q = Q_LINE.exec(line) ?? BOLD_LINE.exec(line);
  if (q) startQuestion(state, { question: cleanQuestion(q[q.length - 1]), line: lineNo });
}
function importMarkdown(text, file, options = {}) {
  const state = { file, issues: [], drafts: [] };
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const fence = FENCE.exec(lines[index]);
    if (!fence) {
      readLine(state, lines[index], index + 1);
      continue;
    }
    const end = readFence(state, lines, index, fence);
    if (end === void 0) break;
    index = end;
  }
  startQuestion(state, void 0);
  const { issues } = state;
  const items = assignIds(state.drafts, options.ids ?? "slug", file, issues);
  if (items.length === 0 && issues.length === 0) {
    addIssue(state, 1, "no questions found: write each question as a ## heading followed by a ```sql block");
  }
  if (issues.length > 0) throw new ValidationError(issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return items;
}
function assignIds(drafts, mode, file, issues) {
  const used = /* @__PURE__ */ new Set();
  for (const draft of drafts) {
    if (draft.id === void 0) continue;
    if (used.has(draft.id))
      issues.push({ file, path: "$", line: draft.line, message: `duplicate id "${draft.id}": ids must be unique` });
    used.add(draft.id);
  }
  const width = Math.max(3, String(drafts.length).length);
  return drafts.map((draft, index) => {
    let id = draft.id;
    if (id === void 0) {
      const base = mode === "slug" && slugify(draft.question) || `q${String(index + 1).padStart(width, "0")}`;
      id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
    }
    const item = { id, question: draft.question, sql: draft.sql ?? "" };
    if (draft.split) item.split = draft.split;
    if (draft.tags && draft.tags.length > 0) item.tags = draft.tags;
    if (draft.orderMatters !== void 0) item.order_matters = draft.orderMatters;
    return item;
  });
}
function toBenchmarkYaml(items) {
  const ordered = items.map((item) => {
    const out = { id: item.id, question: item.question };
    if (item.split) out.split = item.split;
    if (item.tags && item.tags.length > 0) out.tags = item.tags;
    if (item.order_matters !== void 0) out.order_matters = item.order_matters;
    out.sql = item.sql;
    return out;
  });
  const doc = new import_yaml.Document(ordered);
  if ((0, import_yaml.isSeq)(doc.contents)) {
    for (const node of doc.contents.items) {
      if (!(0, import_yaml.isMap)(node)) continue;
      const sql = node.get("sql", true);
      if ((0, import_yaml.isScalar)(sql)) sql.type = import_yaml.Scalar.BLOCK_LITERAL;
      const tags = node.get("tags", true);
      if ((0, import_yaml.isSeq)(tags)) tags.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

// src/commands/import-benchmarks.ts
function importBenchmarksCommand(options) {
  validateSpaceName(options.space);
  const source = path.resolve(options.root, options.from);
  if (!existsSync(source))
    throw new GenieGitopsError(
      `${options.from} does not exist`,
      "pass a Markdown file of questions, each followed by a ```sql block"
    );
  checkReadable(source, options.from, MAX_MARKDOWN_BYTES);
  const target = benchmarksFile(options.root, options.space);
  if (existsSync(target) && !options.force) {
    throw new GenieGitopsError(`${path.relative(options.root, target)} already exists`, "pass --force to replace it");
  }
  const items = importMarkdown(readFileSync(source, "utf8"), path.relative(options.root, source));
  const yaml = toBenchmarkYaml(items);
  const set = parseBenchmarksText(yaml, path.relative(options.root, target), options.space);
  writeFileAtomic(target, yaml);
  return { file: target, questions: set.benchmarks.length };
}

// src/commands/init.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { createHash } from "node:crypto";
import { copyFileSync, existsSync as existsSync2, mkdirSync, readFileSync as readFileSync2, statSync, writeFileSync } from "node:fs";
import path2 from "node:path";
async function initCommand(options) {
  const { dir, spaceFile, targetFile } = spacePaths(options.root, options.space);
  if (!options.force && existsSync2(targetFile)) {
    throw new GenieGitopsError(
      `${path2.relative(options.root, targetFile)} already exists`,
      "pass --force to overwrite it and space.json, or choose another --space"
    );
  }
  const keepSpace = !options.force && existsSync2(spaceFile);
  let data = "demo";
  let copiedFrom;
  if (options.from) {
    const file = path2.resolve(options.root, options.from);
    if (!existsSync2(file))
      throw new GenieGitopsError(
        `${options.from} does not exist`,
        "pass the path of a SQLite database file or a .sql script"
      );
    checkKind(file, options.from, options.kind, options.data);
    const inRepo = isInside(options.root, file) ? file : copyIntoSpace(file, dir, options.force ?? false);
    if (inRepo !== file) copiedFrom = options.from;
    data = path2.relative(options.root, inRepo).split(path2.sep).join("/");
  }
  const warehouse = await options.data.open(data === "demo" ? "demo" : path2.resolve(options.root, data));
  let schema;
  try {
    schema = await warehouse.schema();
  } finally {
    await warehouse.close?.();
  }
  if (schema.tables.length === 0)
    throw new GenieGitopsError(`${data} has no tables`, "load a database with at least one table");
  mkdirSync(dir, { recursive: true });
  if (!keepSpace) writeSpaceFile(spaceFile, thinSpaceFromSchema(schema));
  const target = {
    title: options.space,
    live_space_id: spaceId("live", options.space),
    staging_space_id: spaceId("staging", options.space),
    warehouse_id: "local",
    local: { data }
  };
  writeFileSync(targetFile, import_yaml2.default.stringify(target));
  return {
    spaceFile,
    targetFile,
    tables: schema.tables.map((t) => t.identifier),
    wroteSpace: !keepSpace,
    ...copiedFrom !== void 0 ? { copiedFrom, dataFile: path2.resolve(options.root, data) } : {}
  };
}
function copyIntoSpace(file, dir, force) {
  const copy = path2.join(dir, path2.basename(file));
  if (existsSync2(copy) && !force && !readFileSync2(copy).equals(readFileSync2(file)))
    throw new GenieGitopsError(
      `${copy} already exists and differs from ${file}`,
      "pass --force to replace it, or remove it first"
    );
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, copy);
  return copy;
}
function checkKind(file, given, kind, files) {
  if (statSync(file).isDirectory())
    throw new ConfigError(`${given} is a folder: pass a SQLite database file or a .sql script`);
  const isScript = path2.extname(file).toLowerCase() === ".sql";
  if (kind === "sql" && !isScript)
    throw new ConfigError(
      `${given} is not a .sql script: --from-sql reads a file ending in .sql (pass a database with --from-sqlite)`
    );
  if (kind !== "sql" && !isScript && !files.isDatabase(readFileSync2(file)))
    throw new ConfigError(
      `${given} is not a SQLite database (no "SQLite format 3" header): pass a database with --from-sqlite, or a .sql script with --from-sql`
    );
}
function thinSpaceFromSchema(schema) {
  return canonicalizeSpace({
    version: 2,
    data_sources: {
      tables: schema.tables.map((table) => ({
        identifier: table.identifier,
        column_configs: table.columns.map((column) => ({ column_name: column.name }))
      }))
    }
  });
}
function spaceId(kind, name) {
  return createHash("sha256").update(`${kind}:${name}`).digest("hex").slice(0, 32);
}

// src/wiring/local-data.ts
function localDataFiles() {
  return { isDatabase: isSqliteImage, open: (data) => openLocalWarehouse({ data }) };
}

// src/cli/init-command.ts
async function runInit(args, io) {
  const values = parseCommandArgs(INIT, args);
  if (parseBackend(values.backend) !== "local")
    throw new ConfigError(
      "init reads a local database only",
      "use --backend local with --from-sqlite FILE or --from-sql FILE"
    );
  if (values["from-sqlite"] && values["from-sql"])
    throw new ConfigError("--from-sqlite and --from-sql exclude each other", "pass one of them");
  const from = values["from-sqlite"] ?? values["from-sql"];
  const space = validateSpaceName(values.space);
  if (!from)
    io.err(
      `init: no --from-sqlite or --from-sql given, so ${repoPaths.dir(space)}/ is built from the generated demo data (target.yml says local.data: demo)`
    );
  const result = await initCommand({
    root: path3.resolve(io.cwd, values.root ?? "."),
    space,
    from,
    kind: values["from-sqlite"] ? "sqlite" : values["from-sql"] ? "sql" : void 0,
    force: values.force,
    data: localDataFiles()
  });
  io.out(
    result.wroteSpace ? `wrote ${path3.relative(io.cwd, result.spaceFile)} (${result.tables.length} tables) and ${path3.relative(io.cwd, result.targetFile)}` : `wrote ${path3.relative(io.cwd, result.targetFile)} (kept the existing ${path3.relative(io.cwd, result.spaceFile)}; ${result.tables.length} tables in the data)`
  );
  if (result.copiedFrom && result.dataFile)
    io.out(
      `copied ${result.copiedFrom} into the repository as ${path3.relative(io.cwd, result.dataFile)} (local.data must be inside the repository: CI checks out nothing else)`
    );
  io.out(
    `next: write ${repoPaths.benchmarksFile(space)} (or genie-gitops import-benchmarks --space ${space} --from FILE.md), then genie-gitops score --space ${space}`
  );
  return 0;
}
function runImportBenchmarks(args, io) {
  const values = parseCommandArgs(IMPORT_BENCHMARKS, args);
  const result = importBenchmarksCommand({
    root: path3.resolve(io.cwd, values.root ?? "."),
    space: values.space,
    from: values.from,
    force: values.force
  });
  io.out(`wrote ${path3.relative(io.cwd, result.file)} (${result.questions} questions)`);
  return 0;
}
export {
  runImportBenchmarks,
  runInit
};
