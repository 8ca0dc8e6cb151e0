import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  REMOTE,
  checkBotBranch,
  upsertPullRequest
} from "./chunk-4M7ZRCS6.js";
import {
  GITHUB_BODY_LIMIT
} from "./chunk-KFRJW6DD.js";
import {
  findBaseline
} from "./chunk-IGYCMOL5.js";
import {
  DEFAULT_MAX_ERRORED,
  inconclusiveVerdict,
  nameIds
} from "./chunk-M655HBCG.js";
import {
  DEFAULT_CONFIDENCE,
  DEFAULT_MAX_REPEATS,
  compareWithRepeats
} from "./chunk-53C2HTLV.js";
import {
  binomialUpperTail,
  decideGate,
  formatP,
  isComparable,
  reaskScore,
  runScore,
  signedPoints
} from "./chunk-QWGNB65Z.js";
import {
  hashBenchmarks,
  hashSpace
} from "./chunk-3YQJKESU.js";
import {
  findTaught,
  pct,
  shortCell
} from "./chunk-PFNWRXII.js";
import {
  GenieGitopsError,
  messageOf
} from "./chunk-IX2IGMNH.js";

// src/report/rollback-markdown.ts
var cell = (text) => shortCell(text, 300);
function regressedRows(verdict, live) {
  const byId = new Map(live.questions.map((q) => [q.id, q]));
  const ids = verdict.regressed.length ? verdict.regressed : live.questions.filter((q) => !q.passed && !q.errored).map((q) => q.id);
  const rows = ids.map((id) => byId.get(id)).filter((q) => q !== void 0).slice(0, 50).map(
    (q) => `| \`${q.id}\` | ${cell(q.question)} | ${q.category ?? q.verdict ?? "failed"} | ${q.genieSql ? `\`${cell(q.genieSql)}\`` : "\u2013"} |`
  );
  if (rows.length === 0) return [];
  const title = verdict.regressed.length ? "Questions that regressed on the live space" : "Questions failing on the live space";
  return ["", `### ${title}`, "", "| id | question | live failure | Genie SQL |", "|---|---|---|---|", ...rows];
}
function renderRollbackBody(input) {
  const { verdict } = input;
  const lines = [
    `## genie-gitops: roll back \`${input.space}\``,
    "",
    `After deploying \`${input.commit.slice(0, 7)}\`, the live space scored significantly lower than the merged config did before the merge, so this PR reverts that merge (\`git revert -m 1 ${input.commit.slice(0, 7)}\`, commit \`${input.revertSha.slice(0, 7)}\`).`,
    "",
    "| | score |",
    "|---|---|",
    `| live (after deploy, ${input.mode}) | ${pct(verdict.liveScore)} |`,
    `| expected (before the merge) | ${pct(verdict.expectedScore)} |`,
    "",
    `${verdict.summary}`,
    "",
    `Expected score from ${input.baselineSource}.`,
    ...input.runUrl ? ["", `Deploy run: ${input.runUrl}`] : [],
    "",
    input.restores ? "Merging it restores the previous config byte for byte; it deploys through the normal flow." : "> [!WARNING]\n> The revert does not restore the previous config file exactly (the push held more than this commit): check the diff.",
    "",
    "A rollback is never rolled back automatically: if this one scores badly too, a person decides.",
    ...regressedRows(verdict, input.live),
    ""
  ];
  return lines.join("\n").slice(0, GITHUB_BODY_LIMIT);
}
function renderVerificationTable(rows) {
  if (rows.length === 0) return "";
  const icon = { verified: "\u2705", regression: "\u274C", inconclusive: "\u26AA", "no-baseline": "\u2796" };
  return [
    "### Post-deploy verification",
    "",
    "| space | verify | questions | live score | expected score | verdict | rollback |",
    "|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) => `| ${r.space} | ${r.mode} | ${r.asked} | ${pct(r.verdict.liveScore)} | ${pct(r.verdict.expectedScore)} | ${icon[r.verdict.verdict]} ${r.verdict.verdict} | ${r.rollback ? cell(r.rollback) : "\u2013"} |`
    ),
    "",
    ...rows.map((r) => `- **${r.space}**: ${r.verdict.summary}`),
    ""
  ].join("\n");
}

// src/ports.ts
var ZERO_SHA = /^0{40}$/;

// src/gitops/rollback.ts
var ROLLBACK_LABEL = "genie-gitops: rollback";
var ROLLBACK_TRAILER = "Genie-Gitops-Rollback";
var AUTO_ROLLBACK_MODES = ["pr", "push", "off"];
function rollbackBranch(space) {
  return `genie-gitops/rollback/${space}`;
}
async function containsRollback(git, before, after) {
  const range = before && !ZERO_SHA.test(before) && await git.tryRevParse(before) ? [`${before}..${after}`] : ["-1", after];
  const log = await git.run(["log", "--format=%B%x00", ...range]);
  return log.includes(`${ROLLBACK_TRAILER}:`) || log.includes("genie-gitops/rollback/");
}
async function createRollback(input) {
  const { git, space } = input;
  const branch = input.mode === "pr" ? rollbackBranch(space) : input.baseBranch;
  if (input.mode === "pr" && !input.github)
    throw new GenieGitopsError(
      "auto-rollback: pr opens a pull request and needs a GitHub token",
      "pass github-token, or use auto-rollback: push"
    );
  const check = input.mode === "pr" ? await checkBotBranch(git, branch, input.commit) : void 0;
  if (check && !check.ok) throw new GenieGitopsError(`cannot prepare the rollback: ${check.reason}`);
  const original = await git.tryCurrentBranch() ?? await git.revParse("HEAD");
  const subject = (await git.message(input.commit)).split("\n")[0].trim();
  const message = [
    `Revert "${subject}"`,
    "",
    `This reverts commit ${input.commit}: ${input.reason}`,
    "",
    `${ROLLBACK_TRAILER}: ${space}`
  ].join("\n");
  await git.switchToNewBranch(`genie-gitops/rollback-work/${space}`, input.commit);
  try {
    const revertSha = await git.revert(input.commit, message);
    const before = await git.tryShow(`${input.commit}^1`, input.configPath);
    const restores = before !== void 0 && before === await git.tryShow(revertSha, input.configPath);
    if (input.mode === "push") {
      await git.push(REMOTE, revertSha, input.baseBranch);
      return {
        mode: "push",
        branch,
        revertSha,
        restores,
        message: `pushed the revert ${revertSha.slice(0, 7)} to ${input.baseBranch}; it deploys through the normal flow`
      };
    }
    await git.push(REMOTE, revertSha, branch, { expectedRemoteSha: check?.remoteSha ?? "" });
    const upserted = await upsertPullRequest(input.github, {
      branch,
      base: input.baseBranch,
      title: input.title,
      body: input.body({ revertSha, restores }),
      labels: ["genie-gitops", `space:${space}`, ROLLBACK_LABEL]
    });
    return {
      mode: "pr",
      branch,
      revertSha,
      restores,
      pr: upserted.pr,
      message: `rollback PR #${upserted.pr.number} ${upserted.action} (${upserted.pr.url})`
    };
  } finally {
    await git.checkout(original);
    await git.exec(["branch", "-D", `genie-gitops/rollback-work/${space}`]);
  }
}

// src/scoring/live-verdict.ts
function answeredScore(questions) {
  const answered = questions.filter(isComparable);
  const passed = answered.filter((q) => q.passed).length;
  return { passed, answered: answered.length, score: answered.length ? passed / answered.length : 0 };
}
function inconclusiveOf(live, settings) {
  const unsure = inconclusiveVerdict([{ label: "the live space", card: live }], settings.maxErrored);
  if (!unsure) return void 0;
  return {
    verdict: "inconclusive",
    liveScore: live.totals.all.score,
    regressed: [],
    summary: `Inconclusive: ${unsure.message.replace(/^inconclusive: /, "")}.`
  };
}
function judgeAgainstCard(live, baseline, comparison, settings) {
  const unsure = inconclusiveOf(live, settings);
  if (unsure) return unsure;
  const base = new Map(baseline.questions.map((q) => [q.id, q]));
  const both = live.questions.filter((q) => {
    const b = base.get(q.id);
    return b !== void 0 && isComparable(b) && isComparable(q);
  });
  const liveSide = answeredScore(both);
  const baseSide = answeredScore(both.map((q) => base.get(q.id)));
  const regressed = both.filter((q) => !q.passed && base.get(q.id).passed).map((q) => q.id);
  const gate = decideGate({
    head: live,
    base: baseline,
    comparison,
    settings: { maxRegression: settings.maxRegression, confidence: settings.confidence }
  });
  const scores = `live ${pct(liveSide.score)} vs expected ${pct(baseSide.score)} on ${both.length} question(s)`;
  const failedNames = regressed.length ? `; regressed: ${nameIds(regressed)}` : "";
  if (gate.verdict === "regression")
    return {
      verdict: "regression",
      liveScore: liveSide.score,
      expectedScore: baseSide.score,
      regressed,
      gate,
      summary: `The live space regressed: ${scores} (${gate.summary.replace(/^Regression: /, "").replace(/\.$/, "")})${failedNames}.`
    };
  return {
    verdict: "verified",
    liveScore: liveSide.score,
    expectedScore: baseSide.score,
    regressed,
    gate,
    summary: `Verified: ${scores}; ${gate.summary.charAt(0).toLowerCase()}${gate.summary.slice(1)}${failedNames}`
  };
}
function judgeAgainstScore(live, baseline, settings) {
  const unsure = inconclusiveOf(live, settings);
  if (unsure) return unsure;
  const asked = live.questions.filter(isComparable);
  const rateOf = (q) => (q.split === "holdout" ? baseline.holdout : baseline.train) ?? baseline.all ?? baseline.train ?? 0;
  const n = asked.length;
  const expected = n ? asked.reduce((sum, q) => sum + rateOf(q), 0) / n : 0;
  const passed = asked.filter((q) => q.passed).length;
  const liveScore = n ? passed / n : 0;
  const p = n ? binomialUpperTail(n - passed, n, 1 - expected) : 1;
  const drop = expected - liveScore;
  const significant = p <= 1 - settings.confidence + 1e-12 && drop > settings.maxRegression + 1e-9;
  const scores = `live ${pct(liveScore)} (${passed}/${n}) vs expected ${pct(expected)} from ${baseline.source}`;
  const test = `${signedPoints(-drop)}, one-sided exact binomial ${formatP(p)}, max-regression ${pct(settings.maxRegression)}`;
  return {
    verdict: significant ? "regression" : "verified",
    liveScore,
    expectedScore: expected,
    regressed: [],
    summary: significant ? `The live space regressed: ${scores} (${test}).` : `Verified: ${scores} (${test}): no significant drop beyond max-regression.`
  };
}
function noBaseline(live, settings, why) {
  const unsure = inconclusiveOf(live, settings);
  if (unsure) return unsure;
  return {
    verdict: "no-baseline",
    liveScore: live.totals.all.score,
    regressed: [],
    summary: `No baseline: ${why}; the live space scored ${pct(live.totals.all.score)} (${live.totals.all.passed}/${live.totals.all.answered} answered), nothing to compare it with.`
  };
}

// src/scoring/smoke-sample.ts
import { createHash } from "node:crypto";
var DEFAULT_SMOKE_SIZE = 10;
var rank = (id) => createHash("sha256").update(`smoke\0${id}`, "utf8").digest("hex");
function stratumOf(b) {
  return `${b.split}\0${b.tags[0] ?? "untagged"}`;
}
function smokeSample(benchmarks, size = DEFAULT_SMOKE_SIZE) {
  if (size >= benchmarks.length) return [...benchmarks];
  const strata = /* @__PURE__ */ new Map();
  for (const b of benchmarks) {
    const key = stratumOf(b);
    const list = strata.get(key) ?? [];
    list.push(b);
    strata.set(key, list);
  }
  const queues = [...strata.entries()].map(([key, list]) => ({ key, list: [...list].sort((a, b) => rank(a.id) < rank(b.id) ? -1 : 1) })).sort((a, b) => b.list.length - a.list.length || (a.key < b.key ? -1 : 1));
  const bySplit = (split) => queues.filter((q) => q.key.startsWith(`${split}\0`));
  const ordered = interleave(bySplit("train"), bySplit("holdout"));
  const chosen = /* @__PURE__ */ new Set();
  for (let round = 0; chosen.size < size; round++) {
    let took = false;
    for (const q of ordered) {
      const b = q.list[round];
      if (!b || chosen.size >= size) continue;
      chosen.add(b.id);
      took = true;
    }
    if (!took) break;
  }
  return benchmarks.filter((b) => chosen.has(b.id));
}
function interleave(a, b) {
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]);
    if (i < b.length) out.push(b[i]);
  }
  return out;
}

// src/commands/deploy-verify.ts
var VERIFY_MODES = ["full", "smoke", "none"];
var DEFAULT_DEPLOY_MAX_REGRESSION = 0.05;
async function verifyDeployed(ctx, settings) {
  const sample = settings.mode === "full" ? ctx.benchmarks : smokeSample(ctx.benchmarks, settings.sampleSize ?? DEFAULT_SMOKE_SIZE);
  const verdictSettings = {
    maxRegression: settings.maxRegression ?? DEFAULT_DEPLOY_MAX_REGRESSION,
    confidence: settings.confidence ?? DEFAULT_CONFIDENCE,
    maxErrored: settings.maxErrored ?? DEFAULT_MAX_ERRORED
  };
  let judged;
  try {
    judged = await askAndJudge(ctx, settings, sample, verdictSettings);
  } catch (error) {
    return {
      mode: settings.mode,
      asked: sample.length,
      verdict: "inconclusive",
      liveScore: 0,
      regressed: [],
      baselineSource: "\u2013",
      summary: `Inconclusive: the live space could not be verified (${messageOf(error)}).`
    };
  }
  const result = {
    ...judged.verdict,
    mode: settings.mode,
    asked: sample.length,
    baselineSource: judged.source,
    live: judged.live
  };
  if (result.verdict === "regression") await rollBack(ctx, settings, result);
  return result;
}
async function askAndJudge(ctx, settings, sample, verdictSettings) {
  const side = await ctx.backend.openLive({
    root: ctx.root,
    target: ctx.target,
    space: ctx.space,
    layout: ctx.layout,
    store: ctx.store
  });
  try {
    const input = {
      space: ctx.space,
      configHash: hashSpace(ctx.config),
      benchmarksHash: hashBenchmarks(ctx.benchmarks),
      backend: ctx.backend.name,
      benchmarks: sample,
      taught: new Set(findTaught(ctx.config, sample).keys()),
      genie: side.genie,
      warehouse: side.warehouse,
      expectedCache: /* @__PURE__ */ new Map(),
      options: {
        questionTimeoutMs: settings.questionTimeoutMs,
        retries: settings.retries,
        backoffMs: settings.backoffMs
      }
    };
    ctx.log?.(`verifying ${ctx.space} on the live space: asking ${sample.length} question(s) (${settings.mode})`);
    const live = await runScore(input);
    const baseline = await findBaseline({
      ...ctx,
      backend: ctx.backend.name,
      log: ctx.log,
      cacheDir: settings.cacheDir
    });
    if (inconclusiveVerdict([{ label: "live", card: live }], verdictSettings.maxErrored) || baseline.kind === "none")
      return { verdict: noBaseline(live, verdictSettings, baseline.source), live, source: baseline.source };
    if (baseline.kind === "score")
      return { verdict: judgeAgainstScore(live, baseline, verdictSettings), live, source: baseline.source };
    const compared = await compareWithRepeats(
      {
        direction: "worse",
        tolerance: verdictSettings.maxRegression,
        confidence: verdictSettings.confidence,
        maxRepeats: settings.maxRepeats ?? DEFAULT_MAX_REPEATS,
        screeningAsks: 1
      },
      { card: live, reasker: { reask: (card, ids) => reaskScore(input, card, ids) } },
      // The baseline is a stored card: it cannot be asked again, only the live side is.
      { card: baseline.card, reasker: { reask: async (card) => card } },
      { log: ctx.log }
    );
    const verdict = judgeAgainstCard(compared.head, baseline.card, compared.comparison, verdictSettings);
    return { verdict, live: compared.head, source: baseline.source };
  } finally {
    await side.close();
  }
}
async function rollBack(ctx, settings, result) {
  const mode = settings.autoRollback ?? "off";
  if (mode === "off") {
    result.rollbackSkipped = "auto-rollback is off";
    return;
  }
  if (await containsRollback(ctx.git, ctx.before, ctx.commit)) {
    result.rollbackSkipped = "this push is itself a rollback: a rollback of a rollback is never automatic, a person decides";
    return;
  }
  try {
    result.rollback = await createRollback({
      git: ctx.git,
      github: ctx.github,
      space: ctx.space,
      mode,
      commit: ctx.commit,
      baseBranch: settings.baseBranch ?? "main",
      configPath: ctx.configPath,
      reason: `the live space of ${ctx.space} scored ${pct(result.liveScore)} after the deploy, expected ${pct(result.expectedScore)}`,
      title: `genie-gitops: roll back ${ctx.space} (live ${pct(result.liveScore)} < expected ${pct(result.expectedScore)})`,
      body: ({ revertSha, restores }) => renderRollbackBody({
        space: ctx.space,
        commit: ctx.commit,
        revertSha,
        restores,
        verdict: result,
        live: result.live,
        baselineSource: result.baselineSource,
        runUrl: settings.runUrl,
        mode: settings.mode
      })
    });
  } catch (error) {
    result.rollbackError = messageOf(error);
  }
}

export {
  ZERO_SHA,
  AUTO_ROLLBACK_MODES,
  renderVerificationTable,
  VERIFY_MODES,
  verifyDeployed
};
