import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  compareWithTies,
  isPassingVerdict
} from "./chunk-OBC2LCYV.js";
import {
  mapConcurrent
} from "./chunk-THICYPHM.js";
import {
  CATEGORIES,
  pct
} from "./chunk-PFNWRXII.js";
import {
  ordersOutput,
  tryExtractSqlShape
} from "./chunk-UNMHX7W3.js";
import {
  errorFacts,
  sleep,
  withRetry
} from "./chunk-2YFC7YIM.js";
import {
  external_exports
} from "./chunk-CSAISFHI.js";
import {
  ReadOnlyViolationError,
  WarehouseError,
  messageOf
} from "./chunk-IX2IGMNH.js";

// src/scoring/score-gate.ts
var points = (x) => `${(Math.abs(x) * 100).toFixed(1)} points`;
function minScoreFailure(score, minScore, name = "min-score") {
  if (minScore === void 0 || score >= minScore) return void 0;
  return `score ${pct(score)} is below ${name} ${pct(minScore)}`;
}
function formatP(p) {
  if (p < 1e-4) return "p < 0.0001";
  return `p = ${p < 0.01 ? p.toPrecision(2) : p.toFixed(3)}`;
}
function decideGate(input) {
  const { head, settings, comparison } = input;
  const failures = [];
  const score = head.totals.all.score;
  const belowMin = minScoreFailure(score, settings.minScore);
  if (belowMin) failures.push(`head ${belowMin}`);
  if (input.inconclusive !== void 0)
    return { verdict: "inconclusive", failures: [], summary: `Inconclusive: ${input.inconclusive}.`, comparison };
  if (!input.base || !comparison) {
    return {
      verdict: belowMin ? "below-min" : "no-base",
      failures,
      summary: belowMin ? `${failures[0]}.` : "No base to compare with.",
      comparison
    };
  }
  const { test } = comparison;
  const interval = `${intervalLevel(test.confidence)} interval ${signedPoints(test.interval.low)} to ${signedPoints(test.interval.high)}`;
  const estimate = `${signedPoints(test.estimate)} (${interval}, one-sided ${formatP(test.pWorse)})`;
  const significantDrop = test.pWorse <= comparison.bound * (1 + 1e-9) && test.estimate < 0;
  const tolerance = settings.maxRegression;
  if (significantDrop && tolerance !== void 0 && comparison.effect > tolerance + 1e-9) {
    failures.unshift(
      `head is significantly worse than base: ${estimate}, a drop beyond max-regression ${points(tolerance)}`
    );
    return { verdict: "regression", failures, summary: `Regression: ${estimate}.`, comparison };
  }
  if (belowMin) return { verdict: "below-min", failures, summary: `${failures[0]}.`, comparison };
  if (significantDrop) {
    const why = tolerance === void 0 ? "no max-regression is set" : `within max-regression ${points(tolerance)}`;
    return { verdict: "within-tolerance", failures, summary: `Significant drop ${estimate}, ${why}.`, comparison };
  }
  const better = test.pBetter <= comparison.bound * (1 + 1e-9) && test.estimate > 0;
  if (better) {
    const up = `${signedPoints(test.estimate)} (${interval}, one-sided ${formatP(test.pBetter)})`;
    return { verdict: "improvement", failures, summary: `Improvement: ${up}.`, comparison };
  }
  return { verdict: "no-significant-change", failures, summary: `No significant change: ${estimate}.`, comparison };
}
function intervalLevel(confidence) {
  return `${Math.round(confidence * 1e3) / 10}%`;
}
function signedPoints(x) {
  const d = Math.round(x * 1e3) / 10;
  if (d === 0) return "\xB10.0 pp";
  return `${d > 0 ? "+" : "\u2212"}${Math.abs(d).toFixed(1)} pp`;
}

// src/report/quality-markdown.ts
var points2 = (d) => `${d > 0 ? "+" : ""}${d.toFixed(1)}`;
function qualityLine(quality) {
  if (!quality) return [];
  const parts = CATEGORIES.map((c) => `${c} ${quality.categories[c].score.toFixed(0)}`).join(", ");
  return [`**Config quality (lint):** ${quality.score.toFixed(1)}/100 \u2014 ${parts}`, ""];
}
function qualityComparison(before, after, labels) {
  if (!before && !after) return [];
  const cell = (q, pick) => q ? pick(q).toFixed(1) : "\u2013";
  const change = (pick) => before && after ? points2(pick(after) - pick(before)) : "\u2013";
  const row = (name, pick) => `| ${name} | ${cell(before, pick)} | ${cell(after, pick)} | ${change(pick)} |`;
  return [
    "<details><summary>Config quality (static lint, 0\u2013100)" + (before && after ? `: ${before.score.toFixed(1)} \u2192 ${after.score.toFixed(1)}` : "") + "</summary>",
    "",
    `| category | ${labels[0]} | ${labels[1]} | change |`,
    "|---|---:|---:|---:|",
    row("**quality**", (q) => q.score),
    ...CATEGORIES.map((c) => row(c, (q) => q.categories[c].score)),
    "",
    "</details>",
    ""
  ];
}

// src/scoring/statistics.ts
var logFactorials = [0];
function logFactorial(n) {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`logFactorial needs a whole number >= 0, got ${n}`);
  for (let i = logFactorials.length; i <= n; i++) logFactorials[i] = logFactorials[i - 1] + Math.log(i);
  return logFactorials[n];
}
function logChoose(n, k) {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}
function binomialPmf(k, n, p) {
  if (k < 0 || k > n) return 0;
  if (p <= 0) return k === 0 ? 1 : 0;
  if (p >= 1) return k === n ? 1 : 0;
  return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}
function binomialUpperTail(k, n, p) {
  let sum = 0;
  for (let i = Math.max(0, Math.ceil(k)); i <= n; i++) sum += binomialPmf(i, n, p);
  return Math.min(1, sum);
}
function hypergeometricPmf(k, population, successes, draws) {
  if (k < 0 || k > draws || k > successes || draws - k > population - successes) return 0;
  return Math.exp(
    logChoose(successes, k) + logChoose(population - successes, draws - k) - logChoose(population, draws)
  );
}
function normalQuantile(p) {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normalQuantile needs 0 <= p <= 1, got ${p}`);
  }
  const a = [
    -39.69683028665376,
    220.9460984245205,
    -275.9285104469687,
    138.357751867269,
    -30.66479806614716,
    2.506628277459239
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293,
    -0.3223964580411365,
    -2.400758277161838,
    -2.549732539343734,
    4.374664141464968,
    2.938163982698783
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}
function normalCdf(x) {
  return 0.5 * erfc(-x / Math.SQRT2);
}
function erfc(x) {
  const z = Math.abs(x);
  let result;
  if (z < 2.5) {
    let term = z;
    let sum = z;
    const z2 = z * z;
    for (let n = 1; n < 200; n++) {
      term *= -z2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    result = 1 - 2 / Math.sqrt(Math.PI) * sum;
  } else {
    const tiny = 1e-300;
    let f = z;
    let C = z;
    let D = 0;
    for (let n = 1; n < 300; n++) {
      const an = n / 2;
      D = z + an * D;
      D = D === 0 ? tiny : 1 / D;
      C = z + an / C;
      if (C === 0) C = tiny;
      const delta = C * D;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    result = Math.exp(-z * z) / (f * Math.sqrt(Math.PI));
  }
  return x >= 0 ? result : 2 - result;
}
function wilsonInterval(successes, trials, confidence = 0.95) {
  if (trials <= 0) return { low: 0, high: 1 };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = z * Math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / denominator;
  return {
    low: successes <= 0 ? 0 : Math.max(0, centre - half),
    high: successes >= trials ? 1 : Math.min(1, centre + half)
  };
}
function pointMass(value) {
  return /* @__PURE__ */ new Map([[value, 1]]);
}
function convolve(a, b) {
  const out = /* @__PURE__ */ new Map();
  for (const [x, px] of a) {
    if (px === 0) continue;
    for (const [y, py] of b) {
      if (py === 0) continue;
      out.set(x + y, (out.get(x + y) ?? 0) + px * py);
    }
  }
  return out;
}
function tails(dist, x) {
  let lower = 0;
  let upper = 0;
  for (const [v, p] of dist) {
    if (v <= x) lower += p;
    if (v >= x) upper += p;
  }
  return { lower: Math.min(1, lower), upper: Math.min(1, upper) };
}
function mean(dist) {
  let m = 0;
  for (const [v, p] of dist) m += v * p;
  return m;
}
function variance(dist) {
  const m = mean(dist);
  let s = 0;
  for (const [v, p] of dist) s += p * (v - m) * (v - m);
  return s;
}
function gcd(a, b) {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}
function lcm(a, b) {
  return a === 0 || b === 0 ? Math.max(a, b) : Math.abs(a * b) / gcd(a, b);
}

// src/scoring/score-evidence.ts
function askOutcomes(q) {
  return q.repeats.length > 0 ? q.repeats.map((r) => r.passed) : [q.passed];
}
function isFlaky(q) {
  const asks = askOutcomes(q);
  return asks.some((a) => a) && asks.some((a) => !a);
}
function splitEvidence(questions, passed, answered, confidence) {
  const repeated = questions.filter((q) => q.repeats.length > 1 && q.expectedError === void 0 && !q.errored);
  const consistent = repeated.filter((q) => !isFlaky(q)).length;
  return {
    // Over answered questions, the score's own denominator.
    interval: wilsonInterval(passed, answered, confidence),
    repeated: repeated.length,
    consistent,
    repeatability: repeated.length > 0 ? consistent / repeated.length : null
  };
}
function scoreEvidence(questions, totals, confidence = 0.95) {
  const of = (split) => {
    const subset = split === "all" ? questions : questions.filter((q) => q.split === split);
    const t = totals[split];
    return splitEvidence(subset, t.passed, t.answered ?? t.total, confidence);
  };
  return {
    confidence,
    all: of("all"),
    train: of("train"),
    holdout: of("holdout"),
    flaky: questions.filter((q) => q.expectedError === void 0 && !q.errored && isFlaky(q)).map((q) => q.id)
  };
}

// src/scoring/failure-category.ts
var CATEGORIES2 = [
  "no_sql",
  "sql_error",
  "timeout",
  "api_error",
  "wrong_table",
  "wrong_column",
  "wrong_join",
  "wrong_filter",
  "wrong_aggregation",
  "wrong_grouping",
  "wrong_order_or_limit",
  "result_mismatch"
];
function explainFailure(input) {
  const errorType = input.genieError?.type?.toUpperCase() ?? "";
  const hasSql = typeof input.genieSql === "string" && input.genieSql.trim() !== "";
  if (input.status === "TIMEOUT" || errorType.includes("TIMEOUT") || statementTimedOut(input.genieError))
    return { category: "timeout", detail: input.genieError?.message ?? null };
  if (input.status === "ERROR") return { category: "api_error", detail: input.genieError?.message ?? null };
  if (input.status === "FAILED" || input.status === "CANCELLED") {
    return { category: failedCategory(errorType, hasSql), detail: input.genieError?.message ?? null };
  }
  if (!hasSql) return { category: "no_sql", detail: null };
  const expected = tryExtractSqlShape(input.expectedSql);
  const actual = tryExtractSqlShape(input.genieSql ?? "");
  if (!expected || !actual)
    return { category: "result_mismatch", detail: "could not parse one of the SQL texts to compare their structure" };
  const first = diffSqlShapes(expected, actual)[0];
  return first ?? { category: "result_mismatch", detail: null };
}
function statementTimedOut(error) {
  if (!error || !error.type.toUpperCase().includes("SQL")) return false;
  return /ran longer than|timed? ?out|timeout/i.test(error.message);
}
function failedCategory(errorType, hasSql) {
  if (errorType === "MISSING_SQL_QUERY_EXCEPTION" || errorType === "TABLES_MISSING_EXCEPTION") return "no_sql";
  if (errorType.includes("SQL")) return "sql_error";
  if (errorType.startsWith("RATE_LIMIT") || errorType.includes("RETRYABLE") || errorType.includes("CONTEXT_EXCEEDED"))
    return "api_error";
  return hasSql ? "sql_error" : "api_error";
}
function diffSqlShapes(expected, actual) {
  const out = [];
  const add = (category, detail) => out.push({ category, detail });
  const eTables = new Set(expected.tables.map((t) => t.name));
  const aTables = new Set(actual.tables.map((t) => t.name));
  const missingTables = minus(eTables, aTables);
  const extraTables = minus(aTables, eTables);
  if (missingTables.length > 0) {
    add(
      "wrong_table",
      `Genie did not use ${list(missingTables)}${extraTables.length ? `; it used ${list(extraTables)}` : ""}.`
    );
  } else if (extraTables.length > 0) {
    add("wrong_join", `Genie joined ${list(extraTables)}, which the expected SQL does not use.`);
  }
  const joinDiff = setDiff(expected.joins.map(joinKey), actual.joins.map(joinKey));
  if (joinDiff) add("wrong_join", describe("join", joinDiff));
  const filterKey = (f) => `${f.expr} ${f.op} ${f.value}`;
  const filterDiff = setDiff(expected.filters.map(filterKey), actual.filters.map(filterKey));
  if (filterDiff) add("wrong_filter", describe("filter", filterDiff));
  const aggregateKey = (a) => `${a.fn}(${a.distinct ? "distinct " : ""}${a.arg})`;
  const aggregateDiff = setDiff(expected.aggregates.map(aggregateKey), actual.aggregates.map(aggregateKey));
  if (aggregateDiff) add("wrong_aggregation", describe("aggregate", aggregateDiff));
  const groupDiff = setDiff(expected.groupBy, actual.groupBy);
  if (groupDiff) add("wrong_grouping", describe("grouping", groupDiff));
  if (expected.distinct !== actual.distinct) {
    add(
      "wrong_grouping",
      expected.distinct ? "Expected SELECT DISTINCT; Genie did not deduplicate." : "Genie used SELECT DISTINCT; the expected SQL does not."
    );
  }
  const columnDiff = setDiff(
    expected.columns.map((c) => c.column),
    actual.columns.map((c) => c.column)
  );
  if (columnDiff) add("wrong_column", describe("column", columnDiff));
  if (expected.limit !== actual.limit) {
    add(
      "wrong_order_or_limit",
      `Expected ${expected.limit === null ? "no LIMIT" : `LIMIT ${expected.limit}`}; Genie used ${actual.limit === null ? "none" : `LIMIT ${actual.limit}`}.`
    );
  }
  const orderText = (s) => s.orderBy.map((o) => `${o.expr} ${o.direction}`).join(", ") || "none";
  if (orderText(expected) !== orderText(actual)) {
    add("wrong_order_or_limit", `Expected ORDER BY ${orderText(expected)}; Genie ordered by ${orderText(actual)}.`);
  }
  return out;
}
function joinKey(join) {
  const side = (c) => `${c.table ?? "?"}.${c.column}`;
  const [a, b] = [side(join.left), side(join.right)].sort();
  return `${a} = ${b} (${join.type})`;
}
function setDiff(expected, actual) {
  const e = new Set(expected);
  const a = new Set(actual);
  const missing = minus(e, a);
  const extra = minus(a, e);
  return missing.length || extra.length ? { missing, extra } : null;
}
function describe(what, diff) {
  const parts = [];
  if (diff.missing.length)
    parts.push(`expected ${what}${diff.missing.length > 1 ? "s" : ""} ${list(diff.missing)} missing`);
  if (diff.extra.length)
    parts.push(`Genie's ${what}${diff.extra.length > 1 ? "s" : ""} ${list(diff.extra)} not expected`);
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
function minus(a, b) {
  return [...a].filter((x) => !b.has(x));
}
function list(items) {
  return items.map((i) => `\`${i}\``).join(", ");
}

// src/scoring/scorecard.ts
function emptyCategoryCounts() {
  return Object.fromEntries(CATEGORIES2.map((c) => [c, 0]));
}
function scorecardTotals(questions) {
  return {
    all: splitTotals(questions),
    train: splitTotals(questions.filter((q) => q.split === "train")),
    trainUntaught: splitTotals(questions.filter((q) => q.split === "train" && !q.taught)),
    holdout: splitTotals(questions.filter((q) => q.split === "holdout"))
  };
}
function splitTotals(questions) {
  const scored = questions.filter((q) => q.expectedError === void 0);
  const total = scored.length;
  const answered = scored.filter((q) => !q.errored);
  const passed = answered.filter((q) => q.passed).length;
  const rates = answered.reduce((sum, q) => sum + q.passRate, 0);
  const n = answered.length;
  return {
    passed,
    total,
    broken: questions.length - total,
    answered: n,
    errored: total - n,
    score: n ? passed / n : 0,
    passRate: n ? rates / n : 0
  };
}
function isComparable(q) {
  return q.expectedError === void 0 && q.errored !== true;
}
function brokenQuestions(card) {
  return card.questions.filter((q) => q.expectedError !== void 0);
}
function categoryCounts(questions) {
  const counts = emptyCategoryCounts();
  for (const q of questions)
    if (!q.passed && !q.errored && q.category && q.expectedError === void 0) counts[q.category]++;
  return counts;
}
function summarizeQuestion(benchmark, repeats, expectedError) {
  const answered = repeats.filter((r) => !r.errored);
  const errored = repeats.length > 0 && answered.length === 0;
  const voting = errored ? repeats : answered;
  const passes = answered.filter((r) => r.passed).length;
  const passed = answered.length > 0 && passes * 2 > answered.length;
  const representative = voting.find((r) => r.passed === passed) ?? voting[0];
  const score = {
    id: benchmark.id,
    question: benchmark.question,
    split: benchmark.split,
    tags: [...benchmark.tags],
    passed,
    passRate: answered.length ? passes / answered.length : 0,
    errored,
    verdict: representative?.verdict ?? null,
    category: passed ? null : mostFrequentCategory(voting),
    genieSql: representative?.genieSql ?? null,
    expectedSql: benchmark.sql,
    attempts: repeats.reduce((sum, r) => sum + r.attempts, 0),
    durationMs: repeats.length ? Math.round(repeats.reduce((sum, r) => sum + r.durationMs, 0) / repeats.length) : 0,
    repeats,
    taught: false,
    passes,
    asks: repeats.length,
    flaky: passes > 0 && passes < repeats.length
  };
  if (representative?.genieText !== void 0) score.genieText = representative.genieText;
  if (representative?.error !== void 0) score.error = representative.error;
  if (representative?.reason !== void 0) score.reason = representative.reason;
  if (expectedError !== void 0) score.expectedError = expectedError;
  return score;
}
function mostFrequentCategory(repeats) {
  const counts = /* @__PURE__ */ new Map();
  for (const r of repeats) if (!r.passed && r.category) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  let best = null;
  for (const [category, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = category;
  return best;
}
function buildScorecard(input) {
  const taught = input.taught;
  const questions = taught ? input.questions.map((q) => ({ ...q, taught: taught.has(q.id) })) : input.questions;
  const totals = scorecardTotals(questions);
  return {
    space: input.space,
    configHash: input.configHash,
    benchmarksHash: input.benchmarksHash,
    backend: input.backend,
    repeats: input.repeats,
    totals,
    categories: categoryCounts(questions),
    questions,
    calls: { ...input.calls },
    durationMs: input.durationMs,
    startedAt: input.startedAt,
    evidence: scoreEvidence(questions, totals)
  };
}
function mergeRepeats(card, extra) {
  const more = new Map(extra.questions.map((q) => [q.id, q]));
  const questions = card.questions.map((q) => {
    const x = more.get(q.id);
    if (!x || x.question !== q.question || x.expectedSql !== q.expectedSql) return q;
    const benchmark = { id: q.id, question: q.question, sql: q.expectedSql, split: q.split, tags: q.tags };
    return {
      ...q,
      ...summarizeQuestion(benchmark, [...q.repeats, ...x.repeats], q.expectedError ?? x.expectedError),
      taught: q.taught
    };
  });
  const sum = (k) => card.calls[k] + extra.calls[k];
  return {
    ...card,
    ...buildScorecard({
      ...card,
      questions,
      calls: {
        genie: sum("genie"),
        statements: sum("statements"),
        retries: sum("retries"),
        rateLimited: sum("rateLimited")
      },
      durationMs: card.durationMs + extra.durationMs
    })
  };
}
function firstAsks(card, asks = 1) {
  if (card.questions.every((q) => q.repeats.length <= asks)) return card;
  const questions = card.questions.map((q) => {
    if (q.repeats.length <= asks) return q;
    const benchmark = { id: q.id, question: q.question, sql: q.expectedSql, split: q.split, tags: q.tags };
    return { ...q, ...summarizeQuestion(benchmark, q.repeats.slice(0, asks), q.expectedError), taught: q.taught };
  });
  return { ...card, ...buildScorecard({ ...card, questions }) };
}
function withEvidence(card) {
  const questions = card.questions.map(
    (q) => q.asks !== void 0 ? q : { ...q, passes: q.repeats.filter((r) => r.passed).length, asks: q.repeats.length, flaky: isFlaky(q) }
  );
  return { ...card, questions, evidence: card.evidence ?? scoreEvidence(questions, card.totals) };
}
var VerdictSchema = external_exports.enum(["exact", "equivalent", "superset", "mismatch"]);
var CategorySchema = external_exports.enum(CATEGORIES2);
var SplitTotalsSchema = external_exports.looseObject({
  passed: external_exports.number(),
  total: external_exports.number(),
  // Absent in scorecards written before broken benchmarks were counted apart.
  broken: external_exports.number().default(0),
  // Cards written before errored questions existed have neither: everything was answered.
  answered: external_exports.number().optional(),
  errored: external_exports.number().optional(),
  score: external_exports.number(),
  passRate: external_exports.number()
});
var RepeatResultSchema = external_exports.looseObject({
  passed: external_exports.boolean(),
  verdict: VerdictSchema.nullable(),
  category: CategorySchema.nullable(),
  genieSql: external_exports.string().nullable(),
  durationMs: external_exports.number(),
  attempts: external_exports.number(),
  reason: external_exports.string().optional(),
  genieText: external_exports.string().optional(),
  error: external_exports.string().optional(),
  errored: external_exports.boolean().optional()
});
var QuestionScoreSchema = external_exports.looseObject({
  id: external_exports.string(),
  question: external_exports.string(),
  split: external_exports.enum(["train", "holdout"]),
  tags: external_exports.array(external_exports.string()),
  passed: external_exports.boolean(),
  passRate: external_exports.number(),
  errored: external_exports.boolean().optional(),
  verdict: VerdictSchema.nullable(),
  category: CategorySchema.nullable(),
  genieSql: external_exports.string().nullable(),
  expectedSql: external_exports.string(),
  genieText: external_exports.string().optional(),
  error: external_exports.string().optional(),
  reason: external_exports.string().optional(),
  expectedError: external_exports.string().optional(),
  attempts: external_exports.number(),
  durationMs: external_exports.number(),
  repeats: external_exports.array(RepeatResultSchema),
  // Scorecards written before taught questions were tracked read as "nothing taught".
  taught: external_exports.boolean().default(false),
  passes: external_exports.number().optional(),
  asks: external_exports.number().optional(),
  flaky: external_exports.boolean().optional()
});
var IntervalSchema = external_exports.looseObject({ low: external_exports.number(), high: external_exports.number() });
var SplitEvidenceSchema = external_exports.looseObject({
  interval: IntervalSchema,
  repeated: external_exports.number(),
  consistent: external_exports.number(),
  repeatability: external_exports.number().nullable()
});
var ScorecardSchema = external_exports.looseObject({
  space: external_exports.string(),
  configHash: external_exports.string(),
  benchmarksHash: external_exports.string(),
  backend: external_exports.string(),
  repeats: external_exports.number(),
  totals: external_exports.looseObject({
    all: SplitTotalsSchema,
    train: SplitTotalsSchema,
    trainUntaught: SplitTotalsSchema.optional(),
    holdout: SplitTotalsSchema
  }),
  categories: external_exports.record(CategorySchema, external_exports.number()),
  questions: external_exports.array(QuestionScoreSchema),
  calls: external_exports.looseObject({ genie: external_exports.number(), statements: external_exports.number(), retries: external_exports.number(), rateLimited: external_exports.number() }),
  durationMs: external_exports.number(),
  startedAt: external_exports.string(),
  quality: external_exports.looseObject({ score: external_exports.number(), categories: external_exports.record(external_exports.string(), external_exports.looseObject({ score: external_exports.number() })) }).optional(),
  evidence: external_exports.looseObject({
    confidence: external_exports.number(),
    all: SplitEvidenceSchema,
    train: SplitEvidenceSchema,
    holdout: SplitEvidenceSchema,
    flaky: external_exports.array(external_exports.string())
  }).optional()
});
function parseScorecard(json) {
  const card = ScorecardSchema.parse(json);
  const filled = (t) => {
    const errored = t.errored ?? 0;
    return { ...t, errored, answered: t.answered ?? t.total - errored };
  };
  const questions = card.questions.map((q) => ({ ...q, errored: q.errored ?? false }));
  const totals = {
    all: filled(card.totals.all),
    train: filled(card.totals.train),
    // An older card has no trainUntaught; with nothing marked taught it equals train.
    trainUntaught: card.totals.trainUntaught ? filled(card.totals.trainUntaught) : scorecardTotals(questions).trainUntaught,
    holdout: filled(card.totals.holdout)
  };
  return withEvidence({ ...card, totals, questions });
}

// src/scoring/errored.ts
var SERVICE_ERROR_TYPE = /^(RATE_LIMIT_EXCEEDED|RETRYABLE_PROCESSING|REPLY_PROCESS_TIMEOUT)/;
var NO_ANSWER_TYPES = /* @__PURE__ */ new Set(["CANCELLED", "QUERY_RESULT_EXPIRED"]);
function serviceFailureOf(answer) {
  if (answer.status === "COMPLETED") return void 0;
  const type = answer.error?.type ?? "";
  if (answer.status === "CANCELLED") return type || "CANCELLED";
  if (SERVICE_ERROR_TYPE.test(type) || NO_ANSWER_TYPES.has(type)) return type;
  return void 0;
}
function isInfrastructureFailure(error) {
  if (error instanceof ReadOnlyViolationError) return false;
  if (error instanceof WarehouseError) return error.code === "CANCELLED";
  if (typeof error !== "object" || error === null) return false;
  const e = error;
  return typeof e.status === "number" || typeof e.retryable === "boolean" || e.infrastructure === true;
}

// src/scoring/ask-timeout.ts
var QuestionTimeoutError = class extends Error {
  constructor(timeoutMs) {
    super(`Genie did not answer within ${Math.round(timeoutMs / 1e3)} s`);
    this.timeoutMs = timeoutMs;
    this.name = "QuestionTimeoutError";
  }
  timeoutMs;
  retryable = true;
};
async function askWithTimeout(genie, question, timeoutMs, parent) {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  parent?.addEventListener("abort", onParentAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new QuestionTimeoutError(timeoutMs)), timeoutMs);
  const stopped = new Promise((_, reject) => {
    const fire = () => reject(controller.signal.reason);
    if (controller.signal.aborted) fire();
    else controller.signal.addEventListener("abort", fire, { once: true });
  });
  try {
    return await Promise.race([genie.ask(question, { signal: controller.signal }), stopped]);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener("abort", onParentAbort);
  }
}

// src/scoring/rate-limiter.ts
function createRateLimiter(options) {
  const { limit, now, sleep: sleep2 } = options;
  const windowMs = options.windowMs ?? 6e4;
  if (limit === void 0 || !(limit > 0)) return { acquire: async () => 0 };
  const starts = [];
  let queue = Promise.resolve();
  const take = async (began, signal) => {
    for (; ; ) {
      signal?.throwIfAborted();
      const t = now();
      while (starts.length > 0 && starts[0] <= t - windowMs) starts.shift();
      if (starts.length < limit) {
        starts.push(t);
        return t - began;
      }
      await sleep2(Math.max(1, starts[0] + windowMs - t));
    }
  };
  return {
    acquire(signal) {
      const began = now();
      const turn = queue.then(() => take(began, signal));
      queue = turn.catch(() => void 0);
      return turn;
    }
  };
}

// src/scoring/score-run.ts
function openScoreRun(input) {
  const options = input.options ?? {};
  const now = input.now ?? Date.now;
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const sleep2 = input.sleep ?? ((ms) => sleep(ms, signal).catch(() => void 0));
  const timeoutMs = options.questionTimeoutMs ?? 12e4;
  const calls = { genie: 0, statements: 0, retries: 0, rateLimited: 0 };
  const started = now();
  const rowLimit = options.statementRowLimit;
  const expectedCache = input.expectedCache ?? /* @__PURE__ */ new Map();
  return {
    input,
    now,
    signal,
    stop,
    sleep: sleep2,
    repeats: Math.max(1, Math.floor(options.repeats ?? 1)),
    timeoutMs,
    budgetMs: options.questionBudgetMs ?? timeoutMs * 2.5,
    rowLimit,
    retries: options.retries ?? 3,
    backoffMs: options.backoffMs ?? 1e3,
    calls,
    limiter: createRateLimiter({ limit: options.questionsPerMinute, now, sleep: sleep2 }),
    orderMatters: input.benchmarks.map((b) => b.orderMatters ?? ordersOutput(b.sql)),
    expectedResult: (sql) => sharedExpected(sql, expectedCache, calls, () => input.warehouse.execute(sql, { rowLimit, signal })),
    started
  };
}
function sharedExpected(sql, cache, calls, execute) {
  let pending = cache.get(sql);
  if (!pending) {
    calls.statements++;
    pending = execute();
    pending.catch((error) => {
      if (isInfrastructureFailure(error)) cache.delete(sql);
    });
    cache.set(sql, pending);
  }
  return pending;
}
function erroredResult(run, t0, error, attempts, waitedMs = 0) {
  return {
    passed: false,
    verdict: null,
    category: "api_error",
    genieSql: null,
    durationMs: Math.max(0, run.now() - t0 - waitedMs),
    attempts,
    error,
    errored: true
  };
}
function throwIfStopped(run, error) {
  if (run.signal.aborted) throw run.signal.reason ?? error;
}

// src/scoring/score-ask.ts
var ServiceFailure = class extends Error {
  constructor(answer, code) {
    super(answer.error?.message ?? code);
    this.answer = answer;
    this.code = code;
  }
  answer;
  code;
  retryable = true;
};
function abortsRun(error) {
  return typeof error === "object" && error !== null && error.abortsRun === true;
}
async function askGenie(run, question) {
  const tally = { attempts: 0, waitedMs: 0 };
  const t0 = run.now();
  const remaining = () => t0 + run.budgetMs + tally.waitedMs - run.now();
  try {
    const answer = await withRetry(() => askOnce(run, question, tally, remaining), {
      retries: run.retries,
      backoffMs: run.backoffMs,
      sleep: run.sleep,
      random: run.input.random,
      signal: run.signal,
      canRetry: (delayMs) => remaining() > delayMs,
      onRetry: () => void run.calls.retries++
    });
    return { answer, status: answer.status, ...tally };
  } catch (error) {
    if (abortsRun(error)) run.stop.abort(error);
    throwIfStopped(run, error);
    const answer = error instanceof ServiceFailure ? error.answer : void 0;
    const tries = tally.attempts > 1 ? ` after ${tally.attempts} attempts` : "";
    return { answer, status: "ERROR", erroredBy: `${erroredReason(error)}${tries}`, ...tally };
  }
}
async function askOnce(run, question, tally, remaining) {
  tally.waitedMs += await run.limiter.acquire(run.signal);
  tally.attempts++;
  run.calls.genie++;
  let answer;
  try {
    answer = await askWithTimeout(
      run.input.genie,
      question,
      Math.max(1, Math.min(run.timeoutMs, remaining())),
      run.signal
    );
  } catch (error) {
    if (errorFacts(error).rateLimited) run.calls.rateLimited++;
    throw error;
  }
  const failure = serviceFailureOf(answer);
  if (failure !== void 0) {
    if (failure.startsWith("RATE_LIMIT")) run.calls.rateLimited++;
    throw new ServiceFailure(answer, failure);
  }
  return answer;
}
function erroredReason(error) {
  if (error instanceof ServiceFailure)
    return `Genie failed ${error.code}${error.answer.error?.message ? `: ${error.answer.error.message}` : ""}`;
  if (error instanceof QuestionTimeoutError) return `${error.message} (service timeout)`;
  return `Genie request failed: ${messageOf(error)}`;
}

// src/scoring/score-question.ts
async function scoreOnce(run, index) {
  const benchmark = run.input.benchmarks[index];
  const t0 = run.now();
  const expected = await expectedStep(run, benchmark, t0);
  if ("outcome" in expected) return expected.outcome;
  const asked = await askGenie(run, benchmark.question);
  if (asked.erroredBy !== void 0)
    return { result: erroredResult(run, t0, asked.erroredBy, asked.attempts, asked.waitedMs) };
  const answer = asked.answer;
  const genieSql = answer?.sql?.trim() ? answer.sql : null;
  if (asked.status !== "COMPLETED" || !answer) return failed(run, { benchmark, t0, asked, genieSql }, asked.status);
  if (!genieSql) return failed(run, { benchmark, t0, asked, genieSql }, "COMPLETED");
  const answered = { index, benchmark, t0, asked, answer, genieSql };
  const actual = await actualStep(run, answered);
  if ("outcome" in actual) return actual.outcome;
  return judged(run, answered, expected.value, actual.value);
}
async function expectedStep(run, benchmark, t0) {
  try {
    return { value: await run.expectedResult(benchmark.sql) };
  } catch (error) {
    throwIfStopped(run, error);
    const message = messageOf(error);
    if (isInfrastructureFailure(error))
      return { outcome: { result: erroredResult(run, t0, `expected SQL not run: ${message}`, 0) } };
    const result = {
      passed: false,
      verdict: null,
      // A runaway expected query is stopped by the warehouse and says so; any other failure has no
      // category (a broken benchmark is not one of Genie's failures).
      category: isStatementTimeout(error) ? "timeout" : null,
      genieSql: null,
      durationMs: run.now() - t0,
      attempts: 0,
      error: `expected SQL failed: ${message}`
    };
    return { outcome: { result, expectedError: message } };
  }
}
async function actualStep(run, answered) {
  if (answered.answer.result) return { value: answered.answer.result };
  try {
    run.calls.statements++;
    const { rowLimit, timeoutMs, signal } = run;
    return { value: await run.input.warehouse.execute(answered.genieSql, { rowLimit, timeoutMs, signal }) };
  } catch (error) {
    throwIfStopped(run, error);
    const { t0, asked } = answered;
    if (isInfrastructureFailure(error))
      return {
        outcome: {
          result: erroredResult(run, t0, `Genie's SQL not run: ${messageOf(error)}`, asked.attempts, asked.waitedMs)
        }
      };
    const genieError = { type: "SQL_EXECUTION_EXCEPTION", message: messageOf(error) };
    return { outcome: failed(run, answered, "FAILED", `Genie's SQL failed: ${messageOf(error)}`, genieError) };
  }
}
async function judged(run, answered, expected, actual) {
  const { index, benchmark, genieSql } = answered;
  const orderMatters = run.orderMatters[index];
  const comparison = await compareWithTies(
    expected,
    actual,
    benchmark.sql,
    orderMatters,
    run.input.warehouse,
    run.expectedResult
  );
  if (isPassingVerdict(comparison.verdict))
    return finished(run, answered, {
      passed: true,
      verdict: comparison.verdict,
      category: null,
      reason: comparison.reason
    });
  const { category, detail } = explainFailure({
    expectedSql: benchmark.sql,
    genieSql,
    status: "COMPLETED",
    verdict: comparison.verdict
  });
  return finished(run, answered, {
    passed: false,
    verdict: comparison.verdict,
    category,
    reason: detail ? `${comparison.reason} ${detail}` : comparison.reason
  });
}
function finished(run, at, fields) {
  const text = at.asked.answer?.text;
  const base = { genieSql: at.genieSql, attempts: at.asked.attempts, ...text ? { genieText: text } : {} };
  return { result: { ...base, ...fields, durationMs: Math.max(0, run.now() - at.t0 - at.asked.waitedMs) } };
}
function failed(run, at, status, error, genieError = at.asked.answer?.error) {
  const { category, detail } = explainFailure({
    expectedSql: at.benchmark.sql,
    genieSql: at.genieSql,
    genieError,
    status
  });
  const message = error ?? genieError?.message;
  return finished(run, at, {
    passed: false,
    verdict: null,
    category,
    ...message ? { error: message } : {},
    ...detail && detail !== message ? { reason: detail } : {}
  });
}
function isStatementTimeout(error) {
  return error instanceof WarehouseError && error.code === "TIMEOUT";
}

// src/scoring/score-runner.ts
async function runScore(input) {
  const run = openScoreRun(input);
  const collected = await scoreAll(run);
  run.signal.throwIfAborted();
  const { outcomes, expectedErrors } = collected;
  const questions = input.benchmarks.map((b, i) => summarizeQuestion(b, outcomes[i], expectedErrors.get(i)));
  return buildScorecard({
    space: input.space,
    configHash: input.configHash,
    benchmarksHash: input.benchmarksHash,
    backend: input.backend,
    repeats: run.repeats,
    questions,
    taught: input.taught,
    calls: run.calls,
    durationMs: run.now() - run.started,
    startedAt: new Date(run.started).toISOString()
  });
}
async function scoreAll(run) {
  const { input, repeats } = run;
  const jobs = Array.from(
    { length: repeats },
    (_, r) => input.benchmarks.map((_2, i) => ({ index: i, repeat: r }))
  ).flat();
  const collected = {
    outcomes: input.benchmarks.map(() => new Array(repeats)),
    expectedErrors: /* @__PURE__ */ new Map()
  };
  let done = 0;
  await mapConcurrent(
    jobs,
    input.options?.concurrency ?? 4,
    async (job) => {
      const outcome = await scoreOnce(run, job.index);
      collected.outcomes[job.index][job.repeat] = outcome.result;
      if (outcome.expectedError !== void 0) collected.expectedErrors.set(job.index, outcome.expectedError);
      done++;
      input.onProgress?.(
        progressOf(outcome, { done, total: jobs.length, id: input.benchmarks[job.index].id, repeat: job.repeat + 1 })
      );
    },
    run.signal
  );
  return collected;
}
function progressOf(outcome, at) {
  const r = outcome.result;
  return {
    ...at,
    passed: r.passed,
    errored: r.errored === true,
    verdict: r.verdict,
    category: r.category,
    durationMs: r.durationMs,
    ...outcome.expectedError !== void 0 ? { broken: true } : {}
  };
}
async function reaskScore(input, card, ids, times = 1) {
  const wanted = new Set(ids);
  const benchmarks = input.benchmarks.filter((b) => wanted.has(b.id));
  if (benchmarks.length === 0 || times < 1) return card;
  const extra = await runScore({ ...input, benchmarks, options: { ...input.options, repeats: times } });
  return mergeRepeats(card, extra);
}

export {
  qualityLine,
  qualityComparison,
  binomialUpperTail,
  hypergeometricPmf,
  normalQuantile,
  pointMass,
  convolve,
  tails,
  variance,
  lcm,
  askOutcomes,
  CATEGORIES2 as CATEGORIES,
  isComparable,
  brokenQuestions,
  summarizeQuestion,
  buildScorecard,
  firstAsks,
  withEvidence,
  parseScorecard,
  minScoreFailure,
  formatP,
  decideGate,
  intervalLevel,
  signedPoints,
  isInfrastructureFailure,
  runScore,
  reaskScore
};
