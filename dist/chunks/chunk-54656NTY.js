import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  genieQuestionId,
  withSyncedBenchmarks
} from "./chunk-NHHR2HFI.js";
import {
  scoreConfig,
  withScoringBackend
} from "./chunk-US2RYU4E.js";
import {
  buildScorecard,
  summarizeQuestion
} from "./chunk-QWGNB65Z.js";
import {
  hashBenchmarks,
  hashSpace
} from "./chunk-3YQJKESU.js";
import {
  findTaught,
  pct
} from "./chunk-PFNWRXII.js";
import {
  GenieGitopsError
} from "./chunk-IX2IGMNH.js";

// src/scoring/genie-eval-card.ts
var REASON_CATEGORY = [
  [/FILTER/, "wrong_filter"],
  [/JOIN/, "wrong_join"],
  [/METRIC|AGGREGAT/, "wrong_aggregation"],
  [/GROUP/, "wrong_grouping"],
  [/ORDER|LIMIT/, "wrong_order_or_limit"],
  [/COLUMN/, "wrong_column"],
  [/TABLE/, "wrong_table"]
];
function categoryOfReasons(reasons) {
  for (const reason of reasons)
    for (const [pattern, category] of REASON_CATEGORY) if (pattern.test(reason.toUpperCase())) return category;
  return "result_mismatch";
}
function repeatOf(a) {
  if (!a)
    return {
      passed: false,
      verdict: null,
      category: null,
      genieSql: null,
      durationMs: 0,
      attempts: 0,
      errored: true,
      error: "Genie's eval run returned no result for this question"
    };
  const passed = a.assessment === "GOOD";
  const why = a.reasons.length ? `: ${a.reasons.join(", ")}` : "";
  return {
    passed,
    verdict: null,
    category: passed ? null : categoryOfReasons(a.reasons),
    genieSql: a.genieSql ?? null,
    durationMs: 0,
    attempts: 1,
    reason: `Genie eval ${a.assessment}${why}`
  };
}
function evalScorecard(input) {
  const byId = new Map(input.run.assessments.map((a) => [a.questionId, a]));
  const questions = input.benchmarks.map((b) => summarizeQuestion(b, [repeatOf(byId.get(genieQuestionId(b.id)))]));
  return buildScorecard({
    space: input.space,
    configHash: input.configHash,
    benchmarksHash: input.benchmarksHash,
    backend: `${input.backend} (genie-eval ${input.run.runId})`,
    repeats: 1,
    questions,
    taught: input.taught,
    calls: { genie: 0, statements: 0, retries: 0, rateLimited: 0 },
    durationMs: input.durationMs,
    startedAt: new Date(input.startedAt).toISOString()
  });
}
function scorerAgreement(ours, genie) {
  const theirs = new Map(genie.questions.map((q) => [q.id, q]));
  const side = (q) => !q || q.errored || q.expectedError !== void 0 ? "errored" : q.passed ? "pass" : "fail";
  const rows = ours.questions.map((q) => {
    const o = side(q);
    const g = side(theirs.get(q.id));
    return { id: q.id, ours: o, genie: g, agree: o === g };
  });
  const compared = rows.filter((r) => r.ours !== "errored" && r.genie !== "errored");
  const agreed = compared.filter((r) => r.agree).length;
  return { compared: compared.length, agreed, rate: compared.length ? agreed / compared.length : 1, rows };
}
function renderAgreementMarkdown(space, ours, genie, a) {
  const icon = { pass: "\u2705 pass", fail: "\u274C fail", errored: "\u26AA errored" };
  return [
    `## Scorers side by side: \`${space}\``,
    "",
    `Ours ${pct(ours.totals.all.score)} (${ours.totals.all.passed}/${ours.totals.all.answered}), Genie's eval run ${pct(genie.totals.all.score)} (${genie.totals.all.passed}/${genie.totals.all.answered}); agreement ${pct(a.rate)} (${a.agreed} of ${a.compared} questions answered by both).`,
    "",
    "| question | ours | Genie eval | agree |",
    "|---|---|---|---|",
    ...a.rows.map((r) => `| \`${r.id}\` | ${icon[r.ours]} | ${icon[r.genie]} | ${r.agree ? "yes" : "**no**"} |`),
    ""
  ].join("\n");
}

// src/commands/genie-eval-score.ts
var SCORERS = ["ours", "genie-eval", "both"];
async function genieEvalScore(backend, spaceName, space, benchmarks) {
  if (!backend.genieEvalFor)
    throw new GenieGitopsError(
      `--scorer genie-eval needs Genie's eval runs, which the ${backend.name} backend does not have`,
      "use --backend databricks (point DATABRICKS_HOST at `genie-gitops serve` to try it offline), or --scorer ours"
    );
  const started = Date.now();
  const evaluator = await backend.genieEvalFor(withSyncedBenchmarks(space, benchmarks, "all"));
  const run = await evaluator.evaluate();
  return evalScorecard({
    space: spaceName,
    configHash: hashSpace(space),
    benchmarksHash: hashBenchmarks(benchmarks),
    backend: backend.name,
    benchmarks,
    run,
    taught: new Set(findTaught(space, benchmarks).keys()),
    startedAt: started,
    durationMs: Date.now() - started
  });
}
async function scoreWithScorer(scorer, backend, spaceName, space, benchmarks, options = {}) {
  if (scorer === "genie-eval") {
    const genie2 = await genieEvalScore(backend, spaceName, space, benchmarks);
    return { primary: genie2, genie: genie2 };
  }
  const ours = await scoreConfig(backend, spaceName, space, benchmarks, options);
  if (scorer === "ours") return { primary: ours, ours };
  const genie = await genieEvalScore(backend, spaceName, space, benchmarks);
  return { primary: ours, ours, genie, agreement: scorerAgreement(ours, genie) };
}
async function scorerCommand(options) {
  return withScoringBackend(
    options,
    (backend, space, benchmarks) => scoreWithScorer(options.scorer, backend, options.space, space, benchmarks, options)
  );
}

export {
  renderAgreementMarkdown,
  SCORERS,
  scorerCommand
};
