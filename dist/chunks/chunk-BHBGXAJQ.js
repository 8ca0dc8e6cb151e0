import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  FixSchema,
  compileFix,
  newId,
  pointer
} from "./chunk-XK4MYMYO.js";
import {
  require_fast_json_patch
} from "./chunk-EJQUJTOD.js";
import {
  buildContext,
  compareStrings,
  dedupeCaseInsensitive,
  idEntries,
  inferRelationship,
  isSorted,
  jsonPath,
  lintSpace,
  normalizeQuestion,
  sortedLists,
  specInfos,
  untrimmedStrings
} from "./chunk-PXHFY66S.js";
import {
  benchmarksFile
} from "./chunk-EF4L5O5C.js";
import {
  CATEGORIES,
  GITHUB_COMMENT_LIMIT,
  cell,
  code,
  truncate
} from "./chunk-PFNWRXII.js";
import {
  checkInvariants
} from "./chunk-IHHUWFZN.js";
import {
  loadBenchmarks
} from "./chunk-GOA4DWPX.js";
import {
  normalizeIdentifier
} from "./chunk-6CTQWAUY.js";
import {
  SpaceSchema,
  findSpaceEntry,
  formatPath,
  hasEntityMatching,
  joinText,
  listSpaces,
  parseSpaceText,
  repoPaths,
  targetOf,
  writeSpaceFile
} from "./chunk-XWFLS6EG.js";
import {
  ValidationError
} from "./chunk-IX2IGMNH.js";
import {
  __toESM
} from "./chunk-C6B32G2J.js";

// src/commands/lint.ts
import { existsSync, readFileSync } from "node:fs";

// src/lint/fixes.ts
var import_fast_json_patch = __toESM(require_fast_json_patch(), 1);
var replace = (segments, from, value) => [
  { op: "test", path: pointer(segments), value: from },
  { op: "replace", path: pointer(segments), value }
];
var duplicateIds = (space) => {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const entry of idEntries(space)) {
    if (!seen.has(entry.id)) {
      seen.add(entry.id);
      continue;
    }
    const id = newId(space, `lint-duplicate:${entry.segments.join("/")}`);
    out.push({
      check: "id-invalid",
      path: jsonPath(entry.segments),
      description: `new id ${id} for a duplicate of ${entry.id}`,
      ops: replace(entry.segments, entry.id, id)
    });
  }
  return out;
};
var relationshipMarkers = (space) => {
  const ctx = buildContext({ space });
  return specInfos(ctx).flatMap((info) => {
    const relationship = info.hasMarker ? void 0 : inferRelationship(info, ctx);
    if (!relationship) return [];
    const fix = FixSchema.parse({
      type: "fix_join",
      joinId: info.spec.id,
      relationship,
      rationale: "lint: relationship type inferred from the key names"
    });
    return [
      {
        check: "join-relationship-missing",
        path: `${info.path}.sql`,
        description: `relationship ${relationship} inferred from the key names`,
        ops: compileFix(space, fix)
      }
    ];
  });
};
function segmentsOf(path) {
  return path.replace(/^\$\.?/, "").split(/[.[\]]+/).filter(Boolean);
}
var repeatedSynonyms = (space) => buildContext({ space }).tables.flatMap(
  (t) => [...t.columns.values()].flatMap((c) => {
    const synonyms = c.config.synonyms ?? [];
    const unique = dedupeCaseInsensitive(synonyms);
    if (unique.length === synonyms.length) return [];
    return [
      {
        check: "synonym-repeated",
        path: `${c.path}.synonyms`,
        description: `dropped ${synonyms.length - unique.length} repeated synonym(s)`,
        ops: replace([...segmentsOf(c.path), "synonyms"], synonyms, unique)
      }
    ];
  })
);
var untrimmed = (space) => untrimmedStrings(space).map((entry) => ({
  check: "text-untrimmed",
  path: jsonPath(entry.segments),
  description: "trimmed whitespace",
  ops: replace(entry.segments, entry.value, entry.value.trim())
}));
var filterWhere = (space) => (space.instructions?.sql_snippets?.filters ?? []).flatMap((filter, i) => {
  const first = filter.sql[0];
  if (first === void 0 || !/^\s*where\b/i.test(first)) return [];
  const segments = ["instructions", "sql_snippets", "filters", String(i), "sql", "0"];
  return [
    {
      check: "filter-starts-with-where",
      path: jsonPath(segments),
      description: "dropped the leading WHERE",
      ops: replace(segments, first, first.replace(/^\s*where\s*/i, ""))
    }
  ];
});
var duplicateSamples = (space) => {
  const seen = /* @__PURE__ */ new Set();
  const repeats = [];
  (space.config?.sample_questions ?? []).forEach((q, i) => {
    const key = normalizeQuestion(joinText(q.question));
    if (key !== "" && seen.has(key)) repeats.push(i);
    seen.add(key);
  });
  return repeats.reverse().map((i) => ({
    check: "sample-question-duplicate",
    path: `$.config.sample_questions[${i}]`,
    description: "removed a repeated sample question",
    ops: [{ op: "remove", path: pointer(["config", "sample_questions", String(i)]) }]
  }));
};
var sorting = (space) => {
  const list = sortedLists(space).find((l) => !isSorted(l));
  if (!list) return [];
  const sorted = [...list.items].sort((a, b) => compareStrings(list.keyOf(a), list.keyOf(b)));
  return [
    {
      check: "list-unsorted",
      path: jsonPath(list.segments),
      description: "sorted the list",
      ops: replace(list.segments, list.items, sorted)
    }
  ];
};
var PLANNERS = [
  duplicateIds,
  relationshipMarkers,
  untrimmed,
  repeatedSynonyms,
  filterWhere,
  duplicateSamples
];
function problems(space) {
  if (!SpaceSchema.safeParse(space).success) return ["schema"];
  return checkInvariants(space, { file: "" }).map((issue) => issue.message);
}
function tryApply(space, fix, before) {
  const next = structuredClone(space);
  try {
    import_fast_json_patch.default.applyPatch(next, structuredClone(fix.ops), true);
  } catch (error) {
    return { reason: `the patch does not apply: ${error.message.split("\n")[0]}` };
  }
  const after = problems(next);
  const introduced = after.filter((p) => !before.includes(p));
  return introduced.length > 0 ? { reason: `it would make the config invalid: ${introduced[0]}` } : { space: next };
}
function planLintFixes(input) {
  let space = structuredClone(input);
  const ops = [];
  const applied = [];
  const skipped = [];
  const run = (planner, repeat) => {
    for (let round = 0; round < 1e3; round++) {
      const planned = planner(space);
      if (planned.length === 0) return;
      for (const fix of planned) {
        const outcome = tryApply(space, fix, problems(space));
        const record = { check: fix.check, path: fix.path, description: fix.description };
        if ("reason" in outcome) {
          skipped.push({ ...record, description: outcome.reason });
          if (repeat) return;
          continue;
        }
        space = outcome.space;
        ops.push(...fix.ops);
        applied.push(record);
        if (repeat) break;
      }
      if (!repeat) return;
    }
  };
  for (const planner of PLANNERS) run(planner, planner === duplicateIds);
  run(sorting, true);
  return { space, ops, applied, skipped };
}

// src/lint/load.ts
var ID = /^[0-9a-f]{32}$/;
var ID_LISTS = [
  ["config", "sample_questions"],
  ["instructions", "text_instructions"],
  ["instructions", "example_question_sqls"],
  ["instructions", "sql_functions"],
  ["instructions", "join_specs"],
  ["instructions", "sql_snippets", "filters"],
  ["instructions", "sql_snippets", "expressions"],
  ["instructions", "sql_snippets", "measures"],
  ["benchmarks", "questions"]
];
function at(document, segments) {
  let node = document;
  for (const s of segments)
    node = node !== null && typeof node === "object" ? node[s] : void 0;
  return node;
}
function repairedId(document, value, seed) {
  if (typeof value === "string") {
    const compact = value.replace(/-/g, "").toLowerCase();
    if (ID.test(compact)) return compact;
  }
  return newId(document, seed);
}
function repairIds(document) {
  const ops = [];
  const findings = [];
  for (const segments of ID_LISTS) {
    const list = at(document, segments);
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      if (item === null || typeof item !== "object" || Array.isArray(item)) return;
      const record = item;
      if (typeof record.id === "string" && ID.test(record.id)) return;
      const path = [...segments, String(index), "id"];
      const id = repairedId(document, record.id, `lint-id:${path.join("/")}`);
      ops.push({ op: record.id === void 0 ? "add" : "replace", path: pointer(path), value: id });
      findings.push({
        check: "id-invalid",
        severity: "error",
        category: "limits",
        path: formatPath([...segments, index, "id"]),
        message: record.id === void 0 ? "the item has no id: Genie needs a 32-hex id on every item of this list" : `id ${JSON.stringify(record.id)} is not 32 lowercase hex characters`,
        fix: `run \`genie-gitops lint --fix\` to set it to ${id}`
      });
      record.id = id;
    });
  }
  return { ops, findings };
}
function loadForLint(text, file) {
  try {
    return { space: parseSpaceText(text, file), repairs: [], findings: [], issues: [] };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    let data;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
      return { repairs: [], findings: [], issues: error.issues };
    }
    const { ops, findings } = repairIds(data);
    const parsed = ops.length > 0 ? SpaceSchema.safeParse(data) : void 0;
    if (parsed?.success) return { space: parsed.data, repairs: ops, findings, issues: [] };
    return { repairs: [], findings: [], issues: error.issues };
  }
}

// src/commands/lint.ts
function readBenchmarks(root, space, notes) {
  const file = benchmarksFile(root, space);
  if (!existsSync(file)) return [];
  try {
    return loadBenchmarks(file, space).benchmarks;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    notes.push(
      `${repoPaths.benchmarksFile(space)} is invalid (run validate); ${space} is linted without benchmark weights`
    );
    return [];
  }
}
var quote = (name) => "`" + name.replace(/`/g, "``") + "`";
function statColumns(space) {
  const wanted = /* @__PURE__ */ new Map();
  const add = (table, column) => wanted.set(table, (wanted.get(table) ?? /* @__PURE__ */ new Set()).add(column));
  const ctx = buildContext({ space });
  for (const t of ctx.tables) for (const c of t.columns.values()) if (hasEntityMatching(c.config)) add(t.key, c.key);
  for (const info of specInfos(ctx)) {
    if (info.left && info.columns) add(info.left.key, info.columns.left.toLowerCase());
    if (info.right && info.columns) add(info.right.key, info.columns.right.toLowerCase());
  }
  return wanted;
}
async function readWarehouseFacts(warehouse, space) {
  const schema = await warehouse.schema();
  const stats = /* @__PURE__ */ new Map();
  for (const [table, columns] of statColumns(space)) {
    const known = schema.tables.find((t) => normalizeIdentifier(t.identifier) === table);
    const present = (known?.columns ?? []).map((k) => k.name).filter((c) => columns.has(c.toLowerCase()));
    if (!known || present.length === 0) continue;
    const parts = present.flatMap((c, i) => [
      `COUNT(DISTINCT ${quote(c)}) AS d${i}`,
      `MAX(LENGTH(${quote(c)})) AS l${i}`
    ]);
    const from = known.identifier.split(".").map(quote).join(".");
    const result = await warehouse.execute(`SELECT COUNT(*) AS n, ${parts.join(", ")} FROM ${from}`);
    const row = result.rows[0] ?? [];
    present.forEach(
      (c, i) => stats.set(`${table}.${c.toLowerCase()}`, {
        rows: Number(row[0] ?? 0),
        distinct: Number(row[1 + 2 * i] ?? 0),
        maxLength: Number(row[2 + 2 * i] ?? 0)
      })
    );
  }
  return { schema, stats };
}
async function warehouseFacts(options, name, space) {
  if (!options.warehouse) return void 0;
  const entry = findSpaceEntry(options.root, name, options.layout);
  const target = entry ? targetOf(options.root, entry) : void 0;
  const backend = await options.warehouse.open({ root: options.root, target, layout: options.layout });
  try {
    return await readWarehouseFacts(backend.warehouse, space);
  } finally {
    await backend.close();
  }
}
async function lintOne(options, name, notes) {
  const entry = findSpaceEntry(options.root, name, options.layout);
  if (!entry) {
    const issue = { file: repoPaths.dir(name), path: "$", message: `no space named '${name}'` };
    return { space: name, file: issue.file, findings: [], issues: [issue], benchmarks: 0 };
  }
  const file = entry.configPath;
  let text = readFileSync(entry.spaceFile, "utf8");
  const loaded = loadForLint(text, file);
  const benchmarks = readBenchmarks(options.root, name, notes);
  const base = { space: name, file, benchmarks: benchmarks.length };
  if (!loaded.space) return { ...base, findings: [], issues: loaded.issues };
  let space = loaded.space;
  let extra = loaded.findings;
  let fix;
  if (options.fix) {
    const planned = planLintFixes(space);
    const patch = [...loaded.repairs, ...planned.ops];
    const written = patch.length > 0;
    if (written) writeSpaceFile(entry.spaceFile, planned.space);
    const repaired = loaded.findings.map((f) => ({ check: f.check, path: f.path, description: f.fix }));
    fix = { patch, applied: [...repaired, ...planned.applied], skipped: planned.skipped, written };
    space = planned.space;
    extra = [];
    text = readFileSync(entry.spaceFile, "utf8");
  }
  const warehouse = await warehouseFacts(options, name, space);
  const report = lintSpace({ space, benchmarks, warehouse, extra, text });
  return { ...base, quality: report.quality, findings: report.findings, issues: [], ...fix ? { fix } : {} };
}
async function lintCommand(options) {
  const names = options.spaces?.length ? [...options.spaces] : listSpaces(options.root, options.layout);
  const notes = [];
  const spaces = [];
  for (const name of names) spaces.push(await lintOne(options, name, notes));
  return { spaces, notes };
}
function lintFailures(result, minQuality, flag = "--min-quality") {
  return result.spaces.flatMap((s) => {
    const out = [];
    if (!s.quality) out.push(`${s.space}: ${s.issues.length} problem(s) stop lint`);
    else {
      if (s.quality.findings.error > 0) out.push(`${s.space}: ${s.quality.findings.error} error finding(s)`);
      if (minQuality !== void 0 && s.quality.score < minQuality)
        out.push(`${s.space}: quality ${s.quality.score.toFixed(1)} is below ${flag} ${minQuality}`);
    }
    return out;
  });
}

// src/report/lint-markdown.ts
var ICON = { error: "\u274C", warning: "\u26A0\uFE0F", info: "\u2139\uFE0F" };
function qualityCells(quality) {
  if (!quality) return `| \u2013 | ${CATEGORIES.map(() => "\u2013").join(" | ")} |`;
  return `| **${quality.score.toFixed(1)}** | ${CATEGORIES.map((c) => quality.categories[c].score.toFixed(0)).join(" | ")} |`;
}
function summaryTable(spaces) {
  return [
    `| space | quality | ${CATEGORIES.join(" | ")} | errors | warnings | info |`,
    `|---|---:|${CATEGORIES.map(() => "---:").join("|")}|---:|---:|---:|`,
    ...spaces.map((s) => {
      const n = s.quality?.findings;
      const counts = n ? `${n.error} | ${n.warning} | ${n.info}` : `${s.issues.length} | \u2013 | \u2013`;
      return `| ${code(s.space)} ${qualityCells(s.quality)} ${counts} |`;
    })
  ];
}
function findingLines(space) {
  const issues = space.issues.map(
    (i) => `- ${ICON.error} ${code(`${space.file}${i.line ? `:${i.line}` : ""}`)} ${cell(i.message)}`
  );
  const findings = space.findings.map(
    (f) => `- ${ICON[f.severity]} ${code(`${space.file}${f.line ? `:${f.line}` : ""}`)} **${f.check}** ${cell(truncate(f.message, 300))} \u2014 _${cell(truncate(f.fix, 200))}_`
  );
  return [...issues, ...findings];
}
function renderLintMarkdown(result, options = {}) {
  const max = options.maxChars ?? GITHUB_COMMENT_LIMIT;
  const head = [
    `## ${options.title ?? "genie-gitops lint"}`,
    "",
    ...summaryTable(result.spaces),
    "",
    '<sub>Quality 0\u2013100: coverage 30%, relationships 20%, semantics 20%, examples 20%, limits 10% (see the README, "Quality score").</sub>',
    ...result.notes.map((n) => `> ${n}`)
  ];
  const body = [];
  let budget = max - head.join("\n").length - 200;
  let hidden = 0;
  for (const space of result.spaces) {
    const lines = findingLines(space);
    if (lines.length === 0) continue;
    const heading = ["", `### ${code(space.space)} (${space.file})`, ""];
    budget -= heading.join("\n").length;
    body.push(...heading);
    for (const line of lines) {
      if (line.length + 1 > budget) {
        hidden++;
        continue;
      }
      budget -= line.length + 1;
      body.push(line);
    }
  }
  if (hidden > 0)
    body.push("", `_\u2026and ${hidden} more finding(s) not shown to stay within ${max} characters (see \`lint --json\`)._`);
  return [...head, ...body].join("\n") + "\n";
}

export {
  lintCommand,
  lintFailures,
  renderLintMarkdown
};
