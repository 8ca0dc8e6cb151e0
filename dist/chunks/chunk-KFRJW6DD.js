import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  require_fast_json_patch
} from "./chunk-EJQUJTOD.js";
import {
  qualityComparison
} from "./chunk-QWGNB65Z.js";
import {
  code,
  pct,
  scoreText,
  truncate
} from "./chunk-PFNWRXII.js";
import {
  MAX_JSON_BYTES,
  checkReadable,
  writeFileAtomic
} from "./chunk-XWFLS6EG.js";
import {
  external_exports
} from "./chunk-CSAISFHI.js";
import {
  ValidationError
} from "./chunk-IX2IGMNH.js";
import {
  __toESM
} from "./chunk-C6B32G2J.js";

// src/loop/fix-summary.ts
function summarizeFix(fix) {
  switch (fix.type) {
    case "add_synonym":
      return `synonyms ${fix.synonyms.map((s) => `"${s}"`).join(", ")} for ${fix.table}.${fix.column}`;
    case "add_column_description":
      return `description of ${fix.table}.${fix.column}`;
    case "update_table_description":
      return `description of ${fix.table}`;
    case "add_join":
      return `join ${fix.left.table}.${fix.left.column} = ${fix.right.table}.${fix.right.column} (${fix.relationship})`;
    case "fix_join":
      return `join ${fix.joinId} relationship ${fix.relationship}`;
    case "add_example_query":
      return `example "${fix.question}"`;
    case "add_sql_snippet":
      return `${fix.kind} "${fix.display_name}"`;
    case "enable_get_example_values":
      return `example values on ${fix.table}.${fix.column}`;
    case "enable_build_value_dictionary":
      return `value dictionary on ${fix.table}.${fix.column}`;
    case "add_text_instruction":
      return `text instruction "${fix.text.slice(0, 60)}"`;
  }
}

// src/loop/lessons.ts
import { existsSync, readFileSync } from "node:fs";
var StatSchema = external_exports.object({
  fix_type: external_exports.string(),
  category: external_exports.string(),
  helped: external_exports.number().int().min(0),
  no_effect: external_exports.number().int().min(0),
  hurt: external_exports.number().int().min(0),
  /** Sum of the train score change (fraction) over the trials, for the average. */
  score_delta_sum: external_exports.number()
});
var FixRecordSchema = external_exports.object({
  key: external_exports.string(),
  type: external_exports.string(),
  summary: external_exports.string(),
  reason: external_exports.string().optional()
});
var LessonsSchema = external_exports.object({
  version: external_exports.literal(1),
  space: external_exports.string(),
  stats: external_exports.array(StatSchema),
  applied_fixes: external_exports.array(FixRecordSchema),
  rejected_fixes: external_exports.array(FixRecordSchema)
});
function emptyLessons(space) {
  return { version: 1, space, stats: [], applied_fixes: [], rejected_fixes: [] };
}
function readLessons(file, space) {
  if (!existsSync(file)) return emptyLessons(space);
  checkReadable(file, file, MAX_JSON_BYTES);
  let data;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ValidationError([
      {
        file,
        path: "$",
        message: `not valid JSON (${error.message}); fix it or delete the file to start over`
      }
    ]);
  }
  const parsed = LessonsSchema.safeParse(data);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({
        file,
        path: `$${i.path.map((p) => typeof p === "number" ? `[${p}]` : `.${String(p)}`).join("")}`,
        message: i.message
      }))
    );
  }
  return parsed.data;
}
function recordOutcome(lessons, fixType, category, outcome, scoreDelta) {
  let stat = lessons.stats.find((s) => s.fix_type === fixType && s.category === category);
  if (!stat) {
    stat = { fix_type: fixType, category, helped: 0, no_effect: 0, hurt: 0, score_delta_sum: 0 };
    lessons.stats.push(stat);
  }
  stat[outcome] += 1;
  stat.score_delta_sum = round(stat.score_delta_sum + scoreDelta);
}
function recordFix(lessons, list, record) {
  if (!lessons[list].some((r) => r.key === record.key)) lessons[list].push(record);
}
function triedKeys(lessons) {
  return new Set([...lessons.applied_fixes, ...lessons.rejected_fixes].map((r) => r.key));
}
function trials(s) {
  return s.helped + s.no_effect + s.hurt;
}
function lessonNotes(lessons) {
  return sortedStats(lessons).map((s) => {
    const n = trials(s);
    const avg = n === 0 ? 0 : s.score_delta_sum / n * 100;
    return `${s.fix_type} on ${s.category}: helped ${s.helped}/${n}, no effect ${s.no_effect}, hurt ${s.hurt}; average train change ${avg >= 0 ? "+" : ""}${avg.toFixed(1)} points`;
  });
}
function sortedStats(lessons) {
  return [...lessons.stats].sort(
    (a, b) => trials(b) - trials(a) || a.fix_type.localeCompare(b.fix_type) || a.category.localeCompare(b.category)
  );
}
function serializeLessons(lessons) {
  const byKey = (a, b) => a.key.localeCompare(b.key);
  const canonical = {
    version: 1,
    space: lessons.space,
    stats: [...lessons.stats].sort((a, b) => a.fix_type.localeCompare(b.fix_type) || a.category.localeCompare(b.category)).map((s) => ({
      fix_type: s.fix_type,
      category: s.category,
      helped: s.helped,
      no_effect: s.no_effect,
      hurt: s.hurt,
      score_delta_sum: s.score_delta_sum
    })),
    applied_fixes: [...lessons.applied_fixes].sort(byKey).map(canonicalRecord),
    rejected_fixes: [...lessons.rejected_fixes].sort(byKey).map(canonicalRecord)
  };
  return `${JSON.stringify(canonical, null, 2)}
`;
}
function canonicalRecord(r) {
  return r.reason === void 0 ? { key: r.key, type: r.type, summary: r.summary } : { key: r.key, type: r.type, summary: r.summary, reason: r.reason };
}
function writeLessons(file, lessons) {
  writeFileAtomic(file, serializeLessons(lessons));
}
function round(n) {
  return Math.round(n * 1e6) / 1e6;
}

// src/report/enhance-fixes.ts
var KINDS = [
  { types: ["add_join", "fix_join"], label: "Join specs" },
  { types: ["update_table_description"], label: "Table descriptions" },
  { types: ["add_column_description"], label: "Column descriptions" },
  { types: ["add_synonym"], label: "Synonyms" },
  { types: ["enable_build_value_dictionary"], label: "Value dictionaries (entity matching)" },
  { types: ["enable_get_example_values"], label: "Example values (format assistance)" },
  { types: ["add_sql_snippet"], label: "SQL snippets" },
  { types: ["add_example_query"], label: "Example queries" },
  { types: ["add_text_instruction"], label: "Text instruction" }
];
var plain = (text2, max = 100) => truncate(text2, max).replace(/</g, "&lt;").replace(/>/g, "&gt;");
var quoted = (text2, max = 100) => `"${plain(text2, max)}"`;
var name = (table, column) => code(column ? `${table}.${column}` : table);
function describeFix(fix) {
  switch (fix.type) {
    case "add_synonym":
      return `${name(fix.table, fix.column)}: ${fix.synonyms.map((s) => quoted(s, 40)).join(", ")}`;
    case "add_column_description":
      return `${name(fix.table, fix.column)}: ${quoted(fix.description)}`;
    case "update_table_description":
      return `${name(fix.table)}: ${quoted(fix.description)}`;
    case "add_join":
      return `${name(fix.left.table, fix.left.column)} = ${name(fix.right.table, fix.right.column)} (${fix.relationship.toLowerCase().replace(/_/g, "-")})`;
    case "fix_join":
      return `join spec ${code(fix.joinId)} becomes ${fix.relationship.toLowerCase().replace(/_/g, "-")}`;
    case "add_example_query":
      return quoted(fix.question);
    case "add_sql_snippet":
      return `${fix.kind} ${quoted(fix.display_name, 40)}: ${code(truncate(fix.sql, 100))}`;
    case "enable_get_example_values":
    case "enable_build_value_dictionary":
      return name(fix.table, fix.column);
    case "add_text_instruction":
      return quoted(fix.text);
  }
}
function targetsText(fix) {
  if (fix.targets.length === 0) return "";
  const shown = fix.targets.slice(0, 8).map((t) => `\`${t}\``);
  return ` \u2014 for ${shown.join(", ")}${fix.targets.length > 8 ? ` and ${fix.targets.length - 8} more` : ""}`;
}
function keptFixesByKind(iterations) {
  const kept = iterations.flatMap((it) => it.applied.map((a) => ({ fix: a.fix, iteration: it.index })));
  if (kept.length === 0) return ["No fix was kept."];
  const lines = [];
  for (const kind of KINDS) {
    const group = kept.filter((k) => kind.types.includes(k.fix.type));
    if (group.length === 0) continue;
    if (lines.length > 0) lines.push("");
    lines.push(`**${kind.label} (${group.length})**`, "");
    for (const { fix, iteration } of group)
      lines.push(`- ${describeFix(fix)}${targetsText(fix)} _(iteration ${iteration})_`);
  }
  return lines;
}
function groupedNotes(iterations) {
  const groups = /* @__PURE__ */ new Map();
  let total = 0;
  for (const it of iterations) {
    for (const note of it.notes) {
      total++;
      const split = note.lastIndexOf(": ");
      const [subject, reason] = split > 0 ? [note.slice(0, split), note.slice(split + 2)] : ["", note];
      const group = groups.get(reason) ?? { subjects: [], iterations: /* @__PURE__ */ new Set() };
      if (subject && !group.subjects.includes(subject)) group.subjects.push(subject);
      group.iterations.add(it.index);
      groups.set(reason, group);
    }
  }
  const lines = [...groups].map(([reason, g]) => {
    const its = [...g.iterations].join(", ");
    const subjects = g.subjects.length ? `: ${g.subjects.map((s) => plain(s, 120)).join("; ")}` : "";
    return `- ${plain(reason, 200)} _(iteration${g.iterations.size > 1 ? "s" : ""} ${its})_${subjects}`;
  });
  return { lines, total };
}

// src/report/patch-paths.ts
var import_fast_json_patch = __toESM(require_fast_json_patch(), 1);
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function segmentsOf(pointer) {
  return pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function at(doc, segments) {
  let node = doc;
  for (const segment of segments) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[segment];
    else return void 0;
  }
  return node;
}
var text = (value) => Array.isArray(value) ? value.join("") : typeof value === "string" ? value : "";
function short(value, max = 60) {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
}
function itemName(list, item) {
  if (!isRecord(item)) return void 0;
  switch (list) {
    case "tables":
    case "metric_views":
      return typeof item.identifier === "string" ? item.identifier : void 0;
    case "join_specs": {
      const side = (s) => isRecord(s) && typeof s.identifier === "string" ? s.identifier : "?";
      return `join ${side(item.left)} \u2194 ${side(item.right)}`;
    }
    case "measures":
    case "filters":
    case "expressions":
      return `${list.replace(/s$/, "")} "${short(typeof item.display_name === "string" ? item.display_name : text(item.sql))}"`;
    case "example_question_sqls":
      return `example "${short(text(item.question))}"`;
    case "text_instructions":
      return "text instruction";
    case "sql_functions":
      return typeof item.identifier === "string" ? `function ${item.identifier}` : void 0;
    default:
      return void 0;
  }
}
function namePath(doc, pointer, value) {
  const segments = segmentsOf(pointer);
  const parts = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const parent = at(doc, segments.slice(0, i));
    if (Array.isArray(parent) && /^\d+$|^-$/.test(segment)) {
      const list = segments[i - 1] ?? "";
      const isLast = i === segments.length - 1;
      const item = isLast && value !== void 0 ? value : parent[Number(segment)];
      const name2 = list === "column_configs" && isRecord(item) && typeof item.column_name === "string" ? item.column_name : itemName(list, item);
      if (list === "column_configs" && name2) {
        const table = parts.pop();
        parts.push(table ? `${table}.${name2}` : name2);
      } else if (name2) {
        parts.length = 0;
        parts.push(name2);
      } else {
        parts.push(`${list}[${segment}]`);
      }
    } else if (!["data_sources", "instructions", "sql_snippets", "column_configs"].includes(segment)) {
      parts.push(segment);
    } else if (i === segments.length - 1) {
      parts.push(segment);
    }
  }
  return parts.join(" ") || pointer;
}
function nameOperations(before, ops) {
  const doc = structuredClone(before);
  const named = [];
  for (const op of ops) {
    const value = "value" in op ? op.value : void 0;
    named.push({ op, name: namePath(doc, op.path, op.op === "add" ? value : void 0) });
    try {
      import_fast_json_patch.default.applyOperation(doc, structuredClone(op), false, true);
    } catch {
    }
  }
  return { named, after: doc };
}

// src/report/budget-markdown.ts
var minutes = (questions, qpm) => {
  const m = questions / qpm;
  return m < 1 ? `${Math.round(m * 60)} s` : `${m.toFixed(1)} min`;
};
function budgetStopNotice(result) {
  const stop = result.budget?.stoppedOnBudget;
  if (!stop) return [];
  const kept = result.iterations.filter((i) => i.accepted).length;
  return [
    "> [!NOTE]",
    `> **This run stopped on its budget** (${stop}). It kept its ${kept} confirmed iteration(s); ${leftToTry(result)} The next run resumes from this PR's config and lessons.`,
    ""
  ];
}
function leftToTry(result) {
  const untried = result.iterations.flatMap((it) => it.untried ?? []);
  const failing = result.after.questions.filter(
    (q) => q.split === "train" && !q.passed && !q.errored && q.expectedError === void 0
  ).length;
  const fixes = untried.length > 0 ? `${untried.length} proposed fix(es) were not judged yet, and ` : "";
  return `left to try: ${fixes}${failing} train question(s) still fail.`;
}
function budgetSection(result) {
  const { before, after, calls } = result;
  const b = result.budget;
  const lines = ["### Budget", ""];
  const tokens = calls.promptTokens + calls.completionTokens;
  lines.push(
    `- Genie questions asked: **${calls.genie}**${b ? ` (${(calls.genie / Math.max(1, b.benchmarkQuestions)).toFixed(1)}\xD7 the ${b.benchmarkQuestions}-question benchmark)` : ""}; SQL statements: ${calls.statements}; LLM calls: ${calls.llmCalls} (${tokens} tokens); time: ${(result.durationMs / 1e3).toFixed(1)} s; iterations: ${result.iterations.length}; full scorings: ${calls.scorings + (b?.screening ? b.confirmations : 0)}`
  );
  if (b) {
    const qpm = b.questionsPerMinute;
    lines.push(
      `- At ${qpm} questions/min this run needs **${minutes(calls.genie, qpm)}** of Genie time; scoring the start config and each of the ${b.candidates} candidate config(s) on the whole benchmark would need ${b.fullRescoringQuestions} questions, ${minutes(b.fullRescoringQuestions, qpm)}.`
    );
    if (b.screening)
      lines.push(
        `- Screening: ${b.candidates} candidate(s) asked only the questions their fixes can change plus a canary; ${b.confirmations} full scoring(s) confirmed a config${b.reusedFromCache > 0 ? `; ${b.reusedFromCache} answer(s) reused from earlier runs (same config, same question)` : ""}${b.watched.length > 0 ? `; questions the screening missed, asked on every candidate since: ${b.watched.map((id) => `\`${id}\``).join(", ")}` : ""}.`
      );
    if (b.rollback) lines.push(`- ${b.rollback}.`);
    const limits = [
      b.maxGenieQuestions !== void 0 ? `${b.maxGenieQuestions} Genie questions` : void 0,
      b.timeBudgetMs !== void 0 ? `${Math.round(b.timeBudgetMs / 6e4)} min` : void 0
    ].filter(Boolean);
    if (limits.length > 0)
      lines.push(
        `- Budget: ${limits.join(", ")}; ${b.stoppedOnBudget ? `**stopped on ${b.stoppedOnBudget}**; ${leftToTry(result)}` : "not reached."}`
      );
  }
  lines.push(
    `- config ${before.configHash.slice(0, 12)} \u2192 ${after.configHash.slice(0, 12)}; benchmarks ${after.benchmarksHash.slice(0, 12)}`
  );
  return lines;
}

// src/report/enhance-report.ts
var GITHUB_BODY_LIMIT = 65536;
var points = (d) => `${d >= 0 ? "+" : ""}${(d * 100).toFixed(1)} pts`;
var DEFAULT_SPLITS = [
  { label: "train", totals: (c) => c.totals.train },
  // The train questions the config does not teach (no example copies them): the honest train score.
  { label: "train-untaught", totals: (c) => c.totals.trainUntaught },
  { label: "holdout", totals: (c) => c.totals.holdout },
  { label: "all", totals: (c) => c.totals.all }
];
function scoreTable(before, after, splits = DEFAULT_SPLITS) {
  const rows = splits.map(({ label, totals }) => {
    const b = totals(before);
    const a = totals(after);
    const change = a && b && a.total && b.total ? points(a.score - b.score) : "\u2013";
    return `| ${label} | ${b ? scoreText(b) : "\u2013"} | ${a ? scoreText(a) : "\u2013"} | ${change} |`;
  });
  return ["| split | before | after | change |", "|---|---:|---:|---:|", ...rows];
}
function scoreChart(result) {
  const share = (t) => t.total ? t.passed / t.total : 0;
  const train = [result.before.totals.train.score];
  const untaught = [result.before.totals.trainUntaught.score];
  const holdout = [result.before.totals.holdout.score];
  for (const it of result.iterations) {
    const kept = it.accepted ? it.after : it.before;
    train.push(share(kept.train));
    untaught.push(share(kept.trainUntaught));
    holdout.push(share(kept.holdout));
  }
  const labels = train.map((_, i) => `"${i === 0 ? "start" : `it ${i}`}"`);
  const chart = (title, xs) => [
    "```mermaid",
    "xychart-beta",
    `    title "${title}"`,
    `    x-axis [${labels.join(", ")}]`,
    '    y-axis "score %" 0 --> 100',
    `    line [${xs.map((x) => (x * 100).toFixed(1)).join(", ")}]`,
    "```"
  ];
  return [
    ...chart("Train score (%) per iteration", train),
    "",
    ...chart("Train-untaught score (%) per iteration", untaught),
    "",
    ...chart("Holdout score (%) per iteration", holdout)
  ];
}
function taughtNotice(result) {
  const taught = result.after.questions.filter((q) => q.taught);
  if (taught.length === 0 && !result.allowTaughtExamples) return [];
  const train = taught.filter((q) => q.split === "train").length;
  return [
    `> [!${taught.length > 0 ? "WARNING" : "NOTE"}]`,
    `> **${taught.length} benchmark question(s) are taught** by the config (${train} train, ${taught.length - train} holdout): an example query copies their question or SQL, so their passes show memorisation, not generalisation. Train-untaught leaves them out.${result.allowTaughtExamples ? " Copies were allowed in this run (`allow-taught-examples`)." : ""}`,
    ""
  ];
}
function slotsLine(result) {
  return [`Genie slots used: ${result.slots}.`];
}
function idList(qs) {
  return qs.length === 0 ? "none" : qs.map((q) => `\`${q.id}\` (${q.split})`).join(", ");
}
function questionChangeLines(before, after) {
  const was = new Map(before.questions.map((q) => [q.id, q.passed]));
  const scored = after.questions.filter((q) => q.expectedError === void 0);
  const fixed = scored.filter((q) => q.passed && was.get(q.id) === false);
  const regressed = scored.filter((q) => !q.passed && was.get(q.id) === true);
  const failing = scored.filter((q) => !q.passed && was.get(q.id) !== true);
  const broken = after.questions.filter((q) => q.expectedError !== void 0);
  return [
    `- **Fixed** (${fixed.length}): ${idList(fixed)}`,
    `- **Regressed** (${regressed.length}): ${idList(regressed)}`,
    `- **Still failing** (${failing.length}): ${idList(failing)}`,
    ...broken.length ? [`- **Broken benchmarks** (${broken.length}, not scored): ${idList(broken)}`] : []
  ];
}
function iterationTable(result) {
  const counts = (c) => `${c.passed}/${c.total}`;
  const screened = result.iterations.some((it) => it.screened && !it.screened.confirmed);
  const mark = (it) => it.screened && !it.screened.confirmed ? " (screened)" : "";
  return [
    "| iteration | result | train | holdout | fixes kept | rejected |",
    "|---:|---|---:|---:|---:|---:|",
    ...result.iterations.map((it) => {
      const shown = it.accepted ? it.after : it.before;
      const outcome = it.accepted ? "kept" : it.untried ? "stopped" : "rolled back";
      return `| ${it.index} | ${outcome}: ${it.reason} | ${counts(shown.train)} | ${counts(shown.holdout)}${mark(it)} | ${it.applied.length} | ${it.rejected.length} |`;
    }),
    ...screened ? [
      "",
      "_(screened)_: counted on the questions the iteration could change; failing holdout questions were not asked again until the full scoring of the final config (the score table above)."
    ] : []
  ];
}
function patchDetails(result) {
  const lines = [];
  let config = result.startConfig;
  for (const it of result.iterations) {
    if (!it.accepted || it.patch.length === 0) continue;
    const { named, after } = nameOperations(config, it.patch);
    config = after;
    lines.push(
      `<details><summary>Iteration ${it.index}: JSON patch (RFC 6902), ${it.patch.length} operations</summary>`,
      "",
      "What each operation touches (an index is the one in the config as that operation applies, so it can repeat as items are inserted before it):",
      "",
      ...named.map(({ op, name: name2 }, i) => `${i + 1}. \`${op.op} ${op.path}\` \u2192 ${name2}`),
      "",
      "```json",
      JSON.stringify(it.patch, null, 1),
      "```",
      "",
      "</details>",
      ""
    );
  }
  return lines;
}
function iterationChanges(it) {
  const ids = (list) => list.length === 0 ? "none" : list.map((id) => `\`${id}\``).join(", ");
  const broke = it.candidateRegressions ?? [];
  return [
    `- Iteration ${it.index}: Fixed: ${ids(it.fixed)}`,
    `  Regressed: ${ids(it.regressions)}${broke.length > 0 ? ` (the rolled-back candidate broke ${ids(broke)})` : ""}`
  ];
}
function rejectedDetails(result) {
  const rejected = result.iterations.flatMap((it) => it.rejected.map((r) => ({ ...r, iteration: it.index })));
  if (rejected.length === 0) return [];
  return [
    `<details><summary>Rejected fixes (${rejected.length}), with why</summary>`,
    "",
    ...rejected.map((r) => `- \`${r.fix.type}\` ${summarizeFix(r.fix)}: ${r.reason} _(iteration ${r.iteration})_`),
    "",
    "</details>",
    ""
  ];
}
function notesDetails(result) {
  const { lines, total } = groupedNotes(result.iterations);
  if (total === 0) return [];
  return [
    `<details><summary>Analyst notes (${total}, ${lines.length} distinct)</summary>`,
    "",
    ...lines,
    "",
    "</details>",
    ""
  ];
}
function lessonsDetails(result) {
  const notes = lessonNotes(result.lessons);
  return [
    `<details><summary>Lessons (${notes.length}): which fix types helped which failures</summary>`,
    "",
    ...notes.length ? notes.map((n) => `- ${n}`) : ["- none yet"],
    "",
    "</details>",
    ""
  ];
}
function renderEnhanceMarkdown(result, options = {}) {
  const { before, after } = result;
  const kept = result.iterations.filter((i) => i.accepted).length;
  const summary = [
    `## genie-gitops: enhance \`${result.space}\``,
    "",
    ...options.preface ?? [],
    ...taughtNotice(result),
    ...budgetStopNotice(result),
    `**Train ${pct(before.totals.train.score)} \u2192 ${pct(after.totals.train.score)}, train-untaught ${pct(before.totals.trainUntaught.score)} \u2192 ${pct(after.totals.trainUntaught.score)}, holdout ${pct(before.totals.holdout.score)} \u2192 ${pct(after.totals.holdout.score)}** with the ${result.analyst} analyst; ${kept} of ${result.iterations.length} iteration(s) kept. Stopped because ${result.stopReason}.`,
    "",
    ...scoreTable(before, after, options.splits),
    "",
    ...slotsLine(result),
    "",
    ...qualityComparison(before.quality, after.quality, ["before", "after"]),
    ...questionChangeLines(before, after),
    "",
    `### Fixes (${result.iterations.reduce((n, it) => n + it.applied.length, 0)} kept)`,
    "",
    ...keptFixesByKind(result.iterations),
    ""
  ];
  const progress = [
    "### Progress",
    "",
    ...iterationTable(result),
    "",
    ...result.iterations.flatMap(iterationChanges),
    "",
    ...scoreChart(result),
    ""
  ];
  const details = [
    "### Details",
    "",
    ...patchDetails(result),
    ...rejectedDetails(result),
    ...notesDetails(result),
    ...lessonsDetails(result)
  ];
  const tail = budgetSection(result);
  return fitBody([summary, progress, details, tail], options);
}
function fitBody(sections, options) {
  const max = options.maxChars ?? GITHUB_BODY_LIMIT;
  const join = (parts) => parts.flat().join("\n") + "\n";
  const full = join(sections);
  if (full.length <= max) return full;
  const [summary, progress, details, tail] = sections;
  const pointer = [
    "> [!NOTE]",
    `> Patches, rejected fixes and notes were left out to stay within GitHub's ${max}-character limit; ${options.fullReportHint ?? "the full report is in the job summary or the uploaded artifact"}.`,
    ""
  ];
  for (const candidate of [
    [summary, progress, pointer, tail],
    [summary, pointer, tail]
  ]) {
    const text3 = join(candidate);
    if (text3.length <= max) return text3;
  }
  const text2 = join([summary, pointer, tail]);
  const end = join([pointer, tail]);
  return `${text2.slice(0, Math.max(0, max - end.length - 2))}

${end}`.slice(0, max);
}

export {
  summarizeFix,
  LessonsSchema,
  readLessons,
  recordOutcome,
  recordFix,
  triedKeys,
  lessonNotes,
  writeLessons,
  GITHUB_BODY_LIMIT,
  renderEnhanceMarkdown
};
