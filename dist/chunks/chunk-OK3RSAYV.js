import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  pairedAnswered
} from "./chunk-M655HBCG.js";
import {
  CATEGORIES,
  askOutcomes,
  brokenQuestions,
  formatP,
  intervalLevel,
  qualityComparison,
  qualityLine,
  signedPoints,
  withEvidence
} from "./chunk-QWGNB65Z.js";
import {
  GITHUB_COMMENT_LIMIT,
  cell,
  code,
  duration,
  padRight,
  percent,
  plural,
  pointsDelta,
  rowsWithin,
  scoreText,
  shortHash,
  truncate
} from "./chunk-PFNWRXII.js";

// src/report/split-rows.ts
var SPLIT_ROWS = [
  ["all", "all"],
  ["train", "train"],
  ["trainUntaught", "train-untaught"],
  ["holdout", "holdout"]
];
function taughtLine(card) {
  const taught = card.questions.filter((q) => q.taught);
  if (taught.length === 0) return [];
  return [
    "",
    `**${taught.length} question(s) taught** by the config (an example copies their question or SQL; train-untaught leaves them out): ${taught.map((q) => code(q.id)).join(", ")}`
  ];
}

// src/report/paired-markdown.ts
var MAX_ROWS = 25;
var HEADLINES = {
  regression: "significant regression",
  "below-min": "below the minimum score",
  inconclusive: "inconclusive",
  improvement: "significant improvement",
  "within-tolerance": "significant drop within max-regression",
  "no-significant-change": "no significant change",
  "no-base": "no base"
};
function passesOf(q) {
  if (!q) return "\u2013";
  const asks = askOutcomes(q);
  return `${asks.filter(Boolean).length}/${asks.length}`;
}
function renderPairedSection(head, base, gate) {
  const c = gate.comparison;
  if (!c) return [];
  const { test } = c;
  const confidence = intervalLevel(test.confidence);
  const headById = new Map(head.questions.map((q) => [q.id, q]));
  const baseById = new Map(base.questions.map((q) => [q.id, q]));
  const rows = test.discordant.slice(0, MAX_ROWS).map((id) => {
    const h = headById.get(id);
    return `| ${code(id)} | ${h?.split ?? ""} | ${cell(truncate(h?.question ?? "", 60))} | ${passesOf(baseById.get(id))} | ${passesOf(h)} |`;
  });
  const more = test.discordant.length - rows.length;
  const asks = c.rounds > 0 ? `${c.reasked} re-ask(s) a side over ${c.rounds} round(s), look ${c.look} of ${c.looks}` : `no re-asks needed (look ${c.look} of ${c.looks})`;
  return [
    `### Paired comparison: ${HEADLINES[gate.verdict]}`,
    "",
    `Estimate ${signedPoints(test.estimate)} (${confidence} interval ${signedPoints(test.interval.low)} to ${signedPoints(test.interval.high)}) \xB7 one-sided ${formatP(test.pWorse)} for a regression, ${formatP(test.pBetter)} for an improvement (bound ${c.bound.toPrecision(2)}) \xB7 ${test.discordant.length} discordant of ${test.questions} questions compared \xB7 ${asks}`,
    "",
    ...rows.length > 0 ? [
      "| discordant | split | question | base passes | head passes |",
      "|---|---|---|---:|---:|",
      ...rows,
      ...more > 0 ? ["", `_\u2026and ${more} more discordant question(s)._`] : [],
      ""
    ] : []
  ];
}

// src/report/comparison-markdown.ts
function questionChanges(head, base) {
  const before = new Map(base.questions.map((q) => [q.id, q]));
  const headIds = new Set(head.questions.map((q) => q.id));
  const out = {
    regressed: [],
    fixed: [],
    stillFailing: [],
    stillPassing: [],
    added: [],
    removed: [],
    broken: [],
    errored: []
  };
  for (const q of head.questions) {
    const b = before.get(q.id);
    if (q.expectedError !== void 0) out.broken.push(q);
    else if (q.errored || b?.errored) out.errored.push(q);
    else if (!b || b.expectedError !== void 0) out.added.push(q);
    else if (b.passed && !q.passed) out.regressed.push(q);
    else if (!b.passed && q.passed) out.fixed.push(q);
    else if (q.passed) out.stillPassing.push(q);
    else out.stillFailing.push(q);
  }
  out.removed = base.questions.filter((q) => !headIds.has(q.id));
  return out;
}
function renderComparisonMarkdown(head, base, options = {}) {
  const maxChars = options.maxChars ?? GITHUB_COMMENT_LIMIT;
  const title = options.title ?? `Genie score: ${code(head.space)}`;
  const changes = questionChanges(head, base);
  const neutral = options.gate?.verdict === "no-significant-change";
  const [regressed, fixed] = neutral ? ["Passed on base only", "Passed on head only"] : ["Regressed", "Fixed"];
  const sections = changeSections(head, base, changes, [regressed, fixed]);
  const paired = changes.errored.length > 0;
  const change = (s) => {
    const h = head.totals[s] ?? head.totals.train;
    const b = base.totals[s] ?? base.totals.train;
    if (!h.total || !b.total) return "\u2013";
    if (!paired) return pointsDelta(h.score, b.score);
    const inSplit = (q) => s === "all" || (s === "trainUntaught" ? q.split === "train" && !q.taught : q.split === s);
    const only = (c) => ({ ...c, questions: c.questions.filter(inSplit) });
    const p = pairedAnswered(only(head), only(base));
    return p.ids.length ? pointsDelta(p.head.score, p.base.score) : "\u2013";
  };
  const top = [
    `## ${title} \u2014 ${scoreText(head.totals.all)}, ${change("all")} vs base${paired ? " (on the questions answered in both)" : ""}`,
    "",
    "| split | base | head | change |",
    "|---|---:|---:|---:|",
    ...SPLIT_ROWS.map(([s, label]) => {
      const h = head.totals[s] ?? head.totals.train;
      const b = base.totals[s] ?? base.totals.train;
      return `| ${label} | ${scoreText(b)} | ${scoreText(h)} | ${change(s)} |`;
    }),
    ...taughtLine(head),
    "",
    ...head.benchmarksHash !== base.benchmarksHash ? [
      "> [!NOTE]",
      "> The benchmarks changed between base and head, so the split scores compare different question sets; the per-question changes below are like for like.",
      ""
    ] : [],
    ...qualityComparison(base.quality, head.quality, ["base", "head"]),
    ...options.gate ? renderPairedSection(head, base, options.gate) : [],
    `**${regressed}** ${changes.regressed.length} \xB7 **${fixed}** ${changes.fixed.length} \xB7 **Still failing** ${changes.stillFailing.length} \xB7 **Still passing** ${changes.stillPassing.length}` + (changes.added.length || changes.removed.length ? ` \xB7 **New** ${changes.added.length} \xB7 **Removed** ${changes.removed.length}` : "") + (changes.errored.length ? ` \xB7 **Errored** ${changes.errored.length}` : ""),
    ""
  ];
  const foot = [
    `<sub>config ${code(shortHash(base.configHash))} \u2192 ${code(shortHash(head.configHash))} \xB7 benchmarks ${code(shortHash(base.benchmarksHash))} \u2192 ${code(shortHash(head.benchmarksHash))} \xB7 head run: ${plural(head.calls.genie, "Genie question")}, ${plural(head.calls.statements, "statement")}, ${duration(head.durationMs)}</sub>`
  ];
  return fitWithin(top, sections, foot, maxChars);
}
function changeSections(head, base, changes, [regressed, fixed]) {
  const before = new Map(base.questions.map((q) => [q.id, q]));
  const repeats = [...head.questions, ...base.questions].some((q) => q.repeats.length > 1);
  const status = (q) => {
    if (!q) return "\u2013";
    if (q.errored) return "\u26A0\uFE0F errored";
    const rate = repeats ? ` (${percent(q.passRate)})` : "";
    if (q.expectedError !== void 0) return "\u26A0\uFE0F broken benchmark";
    return q.passed ? `\u2705 ${q.verdict ?? ""}${rate}`.trimEnd() : `\u274C ${q.category ?? q.verdict ?? "failed"}${rate}`;
  };
  const pairRow = (q) => `| ${code(q.id)} | ${q.split} | ${cell(truncate(q.question, 60))} | ${status(before.get(q.id))} | ${status(q)} |`;
  const oneRow = (q) => `| ${code(q.id)} | ${q.split} | ${cell(truncate(q.question, 60))} | ${status(q)} |`;
  const pairHeader = ["| id | split | question | base | head |", "|---|---|---|---|---|"];
  const oneHeader = ["| id | split | question | result |", "|---|---|---|---|"];
  return [
    {
      heading: `### ${regressed} (${changes.regressed.length})`,
      header: pairHeader,
      rows: changes.regressed.map(pairRow)
    },
    { heading: `### ${fixed} (${changes.fixed.length})`, header: pairHeader, rows: changes.fixed.map(pairRow) },
    { heading: `### New questions (${changes.added.length})`, header: oneHeader, rows: changes.added.map(oneRow) },
    {
      heading: `### Still failing (${changes.stillFailing.length})`,
      header: pairHeader,
      rows: changes.stillFailing.map(pairRow)
    },
    {
      heading: `### Broken benchmarks (${changes.broken.length}): expected SQL failed, not scored`,
      header: oneHeader,
      rows: changes.broken.map(oneRow)
    },
    {
      heading: `### Removed questions (${changes.removed.length})`,
      header: oneHeader,
      rows: changes.removed.map(oneRow)
    },
    {
      heading: `### Errored (${changes.errored.length}): no answer on one side, left out of the comparison`,
      header: pairHeader,
      rows: changes.errored.map(pairRow)
    }
  ].filter((s) => s.rows.length > 0);
}
function fitWithin(top, sections, foot, maxChars) {
  const fixedLength = [...top, ...foot].join("\n").length + sections.reduce((n, s) => n + s.heading.length + s.header.join("\n").length + 4, 0);
  let budget = maxChars - fixedLength - sections.length * 100 - 2;
  const body = [];
  for (const s of sections) {
    const n = Math.max(0, Math.min(s.rows.length, rowsWithin(s.rows, budget)));
    budget -= s.rows.slice(0, n).reduce((sum, r) => sum + r.length + 1, 0);
    body.push(s.heading, "", ...s.header, ...s.rows.slice(0, n));
    if (n < s.rows.length)
      body.push("", `_\u2026and ${s.rows.length - n} more not shown to stay within ${maxChars} characters._`);
    body.push("");
  }
  const out = [...top, ...body, ...foot].join("\n") + "\n";
  return out.length <= maxChars ? out : `${out.slice(0, Math.max(0, maxChars - 2))}\u2026
`;
}

// src/report/scorecard-markdown.ts
var QUESTION_WIDTH = 60;
var MAX_FLAKY_LISTED = 40;
function renderScorecardMarkdown(card, options = {}) {
  const maxChars = options.maxChars ?? GITHUB_COMMENT_LIMIT;
  const title = options.title ?? `Genie score: ${code(card.space)}`;
  const withRate = hasRepeats(card);
  const head = [
    `## ${title} \u2014 ${scoreText(card.totals.all)}`,
    "",
    withRate ? "| split | score | mean pass rate |" : "| split | score |",
    withRate ? "|---|---:|---:|" : "|---|---:|",
    ...SPLIT_ROWS.map(([split, label]) => {
      const t = card.totals[split] ?? card.totals.train;
      return withRate ? `| ${label} | ${scoreText(t)} | ${t.total ? percent(t.passRate) : "\u2013"} |` : `| ${label} | ${scoreText(t)} |`;
    }),
    ...taughtLine(card),
    "",
    ...qualityLine(card.quality),
    ...evidenceSection(card),
    ...categorySection(card),
    ...erroredSection(card),
    ...brokenBenchmarks(card),
    `### Questions${withRate ? ` (${repeatsNote(card)}; passed = passed in most repeats)` : ""}`,
    "",
    withRate ? "| id | split | question | result | verdict | category | pass rate |" : "| id | split | question | result | verdict | category |",
    withRate ? "|---|---|---|:-:|---|---|---:|" : "|---|---|---|:-:|---|---|"
  ];
  const foot = ["", footer(card)];
  const rows = card.questions.map((q) => questionRow(q, withRate));
  const fixed = head.join("\n").length + foot.join("\n").length + 2;
  const shown = chooseRows(card.questions, rows, maxChars - fixed - 200);
  const omitted = card.questions.length - shown.length;
  const note = omitted > 0 ? [
    "",
    `_${omitted} more question(s) not shown to stay within ${maxChars} characters (passing questions are left out first); the JSON scorecard has them all._`
  ] : [];
  const out = [...head, ...shown, ...note, ...foot].join("\n") + "\n";
  return out.length <= maxChars ? out : `${out.slice(0, Math.max(0, maxChars - 2))}\u2026
`;
}
function hasRepeats(card) {
  return card.questions.some((q) => q.repeats.length > 1);
}
function repeatsNote(card) {
  const asks = card.questions.map((q) => q.repeats.length);
  const low = Math.min(...asks);
  const high = Math.max(...asks);
  return low === high ? `${high} repeats each` : `${low} to ${high} asks each`;
}
var range = (i) => `${(i.low * 100).toFixed(1)}\u2013${(i.high * 100).toFixed(1)}%`;
function evidenceSection(card) {
  const evidence = withEvidence(card).evidence;
  const confidence = `${Math.round(evidence.confidence * 100)}%`;
  const splits = ["all", "train", "holdout"].filter((s) => card.totals[s].total > 0);
  const repeatability = (s) => {
    const e = evidence[s];
    return e.repeatability === null ? "\u2013" : `${percent(e.repeatability)} (${e.consistent}/${e.repeated})`;
  };
  const byId = new Map(card.questions.map((q) => [q.id, q]));
  const flaky = evidence.flaky.slice(0, MAX_FLAKY_LISTED).map((id) => {
    const asks = askOutcomes(byId.get(id));
    return `${code(id)} ${asks.filter(Boolean).length}/${asks.length}`;
  });
  if (evidence.flaky.length > flaky.length) flaky.push(`and ${evidence.flaky.length - flaky.length} more in the JSON`);
  return [
    `| split | ${confidence} interval | repeatability |`,
    "|---|---:|---:|",
    ...splits.map((s) => `| ${s} | ${range(evidence[s].interval)} | ${repeatability(s)} |`),
    "",
    evidence.all.repeated === 0 ? "_Each question was asked once, so repeatability is not measured; repeatability is the share of questions asked more than once that gave the same result every time._" : `_Repeatability is the share of questions asked more than once that gave the same result every time._ ${flaky.length ? `Flaky (passes/asks): ${flaky.join(", ")}.` : "No flaky question."}`,
    ""
  ];
}
function categorySection(card) {
  const failing = CATEGORIES.filter((c) => card.categories[c] > 0);
  if (failing.length === 0) return ["No failing questions.", ""];
  return [
    "| failure category | questions |",
    "|---|---:|",
    ...failing.map((c) => `| ${c} | ${card.categories[c]} |`),
    ""
  ];
}
function erroredSection(card) {
  const errored = card.questions.filter((q) => q.errored);
  if (errored.length === 0) return [];
  return [
    `> [!NOTE]`,
    `> ${errored.length} question(s) errored: no answer could be obtained after the retries (throttling, HTTP errors, stuck messages). They are counted apart and left out of the score, which is passed / answered: ${errored.slice(0, 20).map((q) => code(q.id)).join(", ")}${errored.length > 20 ? ` and ${errored.length - 20} more` : ""}.`,
    ""
  ];
}
function brokenBenchmarks(card) {
  const broken = brokenQuestions(card);
  if (broken.length === 0) return [];
  return [
    `### Broken benchmarks (${broken.length})`,
    "",
    "Their expected SQL failed on the warehouse, so they were not asked and are left out of the score. Fix them in the benchmark file (`genie-gitops validate --execute` checks every expected SQL).",
    "",
    "| id | split | question | error |",
    "|---|---|---|---|",
    ...broken.map(
      (q) => `| ${code(q.id)} | ${q.split} | ${cell(truncate(q.question, QUESTION_WIDTH))} | ${cell(truncate(q.expectedError ?? "", 160))} |`
    ),
    ""
  ];
}
function questionRow(q, withRate) {
  const cells = [
    code(q.id),
    q.split,
    cell(truncate(q.question, QUESTION_WIDTH)),
    resultIcon(q) + (q.taught ? " taught" : ""),
    q.verdict ?? "\u2013",
    q.category ?? ""
  ];
  if (withRate) cells.push(percent(q.passRate));
  return `| ${cells.join(" | ")} |`;
}
function resultIcon(q) {
  return q.expectedError !== void 0 ? "\u26A0\uFE0F broken" : q.errored ? "\u26A0\uFE0F errored" : q.passed ? "\u2705" : "\u274C";
}
function chooseRows(questions, rows, budget) {
  if (rowsWithin(rows, budget) === rows.length) return rows;
  const priority = questions.map((q, i) => ({ i, failing: !q.passed || q.errored === true })).sort((a, b) => Number(b.failing) - Number(a.failing) || a.i - b.i);
  const keep = /* @__PURE__ */ new Set();
  let used = 0;
  for (const { i } of priority) {
    if (used + rows[i].length + 1 > budget) break;
    used += rows[i].length + 1;
    keep.add(i);
  }
  return rows.filter((_, i) => keep.has(i));
}
function footer(card) {
  const c = card.calls;
  const parts = [
    `backend ${code(card.backend)}`,
    plural(c.genie, "Genie question"),
    plural(c.statements, "statement"),
    plural(c.retries, "retry", "retries"),
    `${c.rateLimited} rate-limited`,
    duration(card.durationMs),
    `config ${code(shortHash(card.configHash))}`,
    `benchmarks ${code(shortHash(card.benchmarksHash))}`,
    `started ${card.startedAt}`
  ];
  return `<sub>${parts.join(" \xB7 ")}</sub>`;
}
function brokenLines(card) {
  const broken = brokenQuestions(card);
  if (broken.length === 0) return [];
  return [
    `Broken benchmarks (expected SQL failed; not asked, not scored): ${broken.length}`,
    ...broken.map((q) => `  ${q.id}: ${q.expectedError}`)
  ];
}
function renderTotalsLine(card) {
  const t = card.totals;
  const failing = CATEGORIES.filter((c) => card.categories[c] > 0);
  return [
    `Genie score for ${card.space}: ${scoreText(t.all)} \xB7 train ${scoreText(t.train)} \xB7 train-untaught ${scoreText(t.trainUntaught ?? t.train)} \xB7 holdout ${scoreText(t.holdout)}`,
    `Failures: ${failing.length ? failing.map((c) => `${c} ${card.categories[c]}`).join(", ") : "none"}`,
    ...brokenLines(card)
  ].join("\n");
}
function evidenceLine(card) {
  const e = withEvidence(card).evidence;
  const intervals = ["all", "train", "holdout"].filter((s) => card.totals[s].total > 0).map((s) => `${s} ${range(e[s].interval)}`).join(" \xB7 ");
  const repeat = e.all.repeatability === null ? "repeatability not measured (each question asked once)" : `repeatability ${percent(e.all.repeatability)} (${e.all.consistent}/${e.all.repeated}), flaky: ${e.flaky.join(", ") || "none"}`;
  return `Evidence: ${Math.round(e.confidence * 100)}% intervals ${intervals}; ${repeat}`;
}
function renderScorecardText(card) {
  const withRate = hasRepeats(card);
  const t = card.totals;
  const lines = [
    `Genie score for ${card.space}: ${scoreText(t.all)} \xB7 train ${scoreText(t.train)} \xB7 train-untaught ${scoreText(t.trainUntaught ?? t.train)} \xB7 holdout ${scoreText(t.holdout)}${withRate ? ` \xB7 ${card.repeats} repeats, mean pass rate ${percent(t.all.passRate)}` : ""}`,
    ""
  ];
  const header = ["ID", "SPLIT", "RESULT", "VERDICT", "CATEGORY", ...withRate ? ["RATE"] : [], "QUESTION"];
  const body = card.questions.map((q) => [
    q.id,
    q.split,
    (q.expectedError !== void 0 ? "BROKEN" : q.errored ? "ERRORED" : q.passed ? "pass" : "FAIL") + (q.taught ? " (taught)" : ""),
    q.verdict ?? "-",
    q.category ?? "-",
    ...withRate ? [percent(q.passRate)] : [],
    truncate(q.question, QUESTION_WIDTH)
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r) => r.map((v, i) => i === r.length - 1 ? v : padRight(v, widths[i])).join("  ").trimEnd();
  lines.push(line(header), ...body.map(line), "");
  const failing = CATEGORIES.filter((c2) => card.categories[c2] > 0);
  lines.push(`Failures: ${failing.length ? failing.map((c2) => `${c2} ${card.categories[c2]}`).join(", ") : "none"}`);
  const errored = card.questions.filter((x) => x.errored);
  if (errored.length)
    lines.push(
      `Errored (no answer after retries; left out of the score, which is passed / answered): ${errored.map((q) => q.id).join(", ")}`
    );
  lines.push(...brokenLines(card));
  lines.push(evidenceLine(card));
  const c = card.calls;
  lines.push(
    `Calls: ${plural(c.genie, "Genie question")}, ${plural(c.statements, "statement")}, ${plural(c.retries, "retry", "retries")}, ${c.rateLimited} rate-limited \xB7 ${duration(card.durationMs)} \xB7 config ${shortHash(card.configHash)} \xB7 benchmarks ${shortHash(card.benchmarksHash)}`
  );
  return lines.join("\n") + "\n";
}

export {
  renderComparisonMarkdown,
  renderScorecardMarkdown,
  renderTotalsLine,
  renderScorecardText
};
