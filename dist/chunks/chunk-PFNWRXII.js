import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  significant,
  tokenize
} from "./chunk-6CTQWAUY.js";
import {
  joinText
} from "./chunk-XWFLS6EG.js";

// src/util/percent.ts
function pct(fraction) {
  return fraction === void 0 ? "\u2013" : `${(fraction * 100).toFixed(1)}%`;
}

// src/scoring/quality-score.ts
var CATEGORIES = ["coverage", "relationships", "semantics", "examples", "limits"];

// src/report/markdown-format.ts
var GITHUB_COMMENT_LIMIT = 65536;
var percent = pct;
function scoreText(t) {
  const broken = t.broken ? `; ${t.broken} broken` : "";
  if (t.total === 0) return broken ? `\u2013 (${broken.slice(2)})` : "\u2013";
  const answered = t.answered ?? t.total;
  if (answered === 0) return `\u2013 (${t.errored} errored${broken})`;
  return `${percent(t.score)} (${t.passed}/${answered}${t.errored ? `, ${t.errored} errored` : ""}${broken})`;
}
function pointsDelta(head, base) {
  const d = Math.round((head - base) * 1e3) / 10;
  if (d === 0) return "\xB10.0 pp";
  return `${d > 0 ? "+" : "\u2212"}${Math.abs(d).toFixed(1)} pp`;
}
function shortHash(hash) {
  const bare = hash.includes(":") ? hash.slice(hash.indexOf(":") + 1) : hash;
  return bare.slice(0, 8);
}
function duration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(1)} s`;
  const minutes = Math.floor(ms / 6e4);
  return `${minutes} min ${Math.round(ms % 6e4 / 1e3)} s`;
}
function truncate(text, max) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
}
function cell(text) {
  return text.replace(/\s+/g, " ").replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function shortCell(text, max) {
  return text.replace(/\|/g, "\\|").replace(/\s+/g, " ").slice(0, max);
}
function code(text) {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${fence.length > 1 ? " " : ""}${text}${fence.length > 1 ? " " : ""}${fence}`;
}
function rowsWithin(rows, budget) {
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    used += rows[i].length + 1;
    if (used > budget) return i;
  }
  return rows.length;
}
function plural(n, singular, pluralForm = `${singular}s`) {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
function padRight(text, width) {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

// src/scoring/taught.ts
function canonicalQuestion(question) {
  return question.toLowerCase().replace(/[^\p{L}\p{N}:]+/gu, " ").trim();
}
var KEYWORDS = /* @__PURE__ */ new Set([
  "select",
  "from",
  "where",
  "join",
  "inner",
  "left",
  "right",
  "full",
  "outer",
  "cross",
  "natural",
  "on",
  "using",
  "group",
  "order",
  "by",
  "having",
  "limit",
  "union",
  "intersect",
  "except",
  "window",
  "qualify",
  "lateral",
  "as",
  "and",
  "or",
  "not",
  "desc",
  "asc",
  "distinct",
  "is",
  "null",
  "in"
]);
function canonicalSql(sql) {
  const tokens = significant(tokenize(sql.trim().replace(/;\s*$/, ""), "spark"));
  const out = [];
  let state = "none";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const word = t.type === "word" ? t.value.toLowerCase() : void 0;
    if (isName(t)) {
      let end = i;
      while (tokens[end + 1]?.text === "." && isName(tokens[end + 2])) end += 2;
      if (state === "alias") {
        state = "list";
        continue;
      }
      out.push(render(tokens[end]));
      i = end;
      state = state === "table" ? "alias" : "none";
      continue;
    }
    if (word === "as" && isName(tokens[i + 1])) {
      i++;
      state = state === "alias" ? "list" : "none";
      continue;
    }
    if (t.text === "," && (state === "alias" || state === "list")) state = "table";
    else if (word === "from" || word === "join") state = "table";
    else state = "none";
    out.push(render(t));
  }
  return out.join(" ");
}
function isName(t) {
  if (!t) return false;
  if (t.type === "quoted") return true;
  return t.type === "word" && !KEYWORDS.has(t.value.toLowerCase());
}
function render(t) {
  if (t.type === "string") return `'${t.value.replace(/'/g, "''")}'`;
  if (t.type === "quoted") return t.value.toLowerCase();
  if (t.type === "word") return t.value.toLowerCase();
  if (t.type === "symbol") return t.text === "!=" ? "<>" : t.text === "==" ? "=" : t.text;
  return t.text;
}
function defaultInstance(sql, parameters) {
  let out = sql;
  for (const p of parameters) {
    const values = p.default_value?.values ?? [];
    if (values.length === 0) continue;
    const numeric = /INT|LONG|SHORT|DOUBLE|FLOAT|DECIMAL|NUMBER|NUMERIC/i.test(p.type_hint ?? "");
    const literal = values.map((v) => numeric && /^-?\d+(\.\d+)?$/.test(v) ? v : `'${v.replace(/'/g, "''")}'`).join(", ");
    out = out.replace(new RegExp(`(^|[^:\\w]):${p.name}\\b`, "g"), (_m, before) => `${before}${literal}`);
  }
  return hasMarker(out) ? void 0 : out;
}
function hasMarker(sql) {
  return /(^|[^:\w]):[A-Za-z_]\w*/.test(sql.replace(/'(?:[^']|'')*'/g, "''"));
}
function exampleKeys(question, sql, parameters = []) {
  const instance = hasMarker(sql) ? defaultInstance(sql, parameters) : sql;
  return { question: canonicalQuestion(question), sql: instance === void 0 ? void 0 : canonicalSql(instance) };
}
function teaches(example, benchmarks) {
  const keys = exampleKeys(example.question, example.sql, example.parameters);
  return benchmarks.filter(
    (b) => keys.question && canonicalQuestion(b.question) === keys.question || keys.sql === canonicalSql(b.sql)
  ).map((b) => b.id);
}
function findTaught(space, benchmarks) {
  const byQuestion = /* @__PURE__ */ new Map();
  const bySql = /* @__PURE__ */ new Map();
  for (const example of space.instructions?.example_question_sqls ?? []) {
    const keys = exampleKeys(joinText(example.question), joinText(example.sql), example.parameters ?? []);
    if (keys.question && !byQuestion.has(keys.question)) byQuestion.set(keys.question, example.id);
    if (keys.sql && !bySql.has(keys.sql)) bySql.set(keys.sql, example.id);
  }
  const taught = /* @__PURE__ */ new Map();
  if (byQuestion.size === 0 && bySql.size === 0) return taught;
  for (const b of benchmarks) {
    const q = byQuestion.get(canonicalQuestion(b.question));
    if (q) {
      taught.set(b.id, { by: "question", exampleId: q });
      continue;
    }
    const s = bySql.get(canonicalSql(b.sql));
    if (s) taught.set(b.id, { by: "sql", exampleId: s });
  }
  return taught;
}

export {
  pct,
  GITHUB_COMMENT_LIMIT,
  percent,
  scoreText,
  pointsDelta,
  shortHash,
  duration,
  truncate,
  cell,
  shortCell,
  code,
  rowsWithin,
  plural,
  padRight,
  CATEGORIES,
  canonicalQuestion,
  canonicalSql,
  exampleKeys,
  teaches,
  findTaught
};
