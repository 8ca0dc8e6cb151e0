import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  deployCommand
} from "./chunk-4UOFPEOL.js";
import "./chunk-K7Y7CMMX.js";
import "./chunk-EUBBPXGV.js";
import {
  renderVerificationTable
} from "./chunk-LDAN2STI.js";
import "./chunk-4M7ZRCS6.js";
import "./chunk-KFRJW6DD.js";
import "./chunk-EJQUJTOD.js";
import "./chunk-IGYCMOL5.js";
import "./chunk-M655HBCG.js";
import "./chunk-NHHR2HFI.js";
import "./chunk-53C2HTLV.js";
import "./chunk-QWGNB65Z.js";
import "./chunk-OBC2LCYV.js";
import "./chunk-MBZJZHDO.js";
import "./chunk-3YQJKESU.js";
import "./chunk-THICYPHM.js";
import "./chunk-PFNWRXII.js";
import "./chunk-UNMHX7W3.js";
import "./chunk-IHHUWFZN.js";
import "./chunk-GOA4DWPX.js";
import "./chunk-SD433YDN.js";
import "./chunk-5G2X2JKW.js";
import "./chunk-6CTQWAUY.js";
import {
  group
} from "./chunk-KMOKAQYL.js";
import "./chunk-DM6IOE3Q.js";
import "./chunk-QBJZ53VK.js";
import "./chunk-2YFC7YIM.js";
import {
  info,
  setOutput,
  summary,
  warning
} from "./chunk-DSJGBVOR.js";
import "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/github/deployment-log.ts
var DEPLOY_TASK = "deploy:genie-space";
function environmentOf(space) {
  return `genie-gitops-${space}`;
}
var LOOKBACK = 30;
function createGitHubDeploymentLog(github) {
  return {
    describe: (space) => `the GitHub deployments of environment ${environmentOf(space)}`,
    async history(space, liveSpaceId) {
      const deployments = await github.listDeployments({
        environment: environmentOf(space),
        task: DEPLOY_TASK,
        limit: LOOKBACK
      });
      const records = [];
      for (const d of deployments) {
        const record = toRecord(d, space);
        if (!record || record.liveSpaceId !== liveSpaceId) continue;
        record.state = stateOf(await github.listDeploymentStatuses(d.id));
        records.push(record);
        if (record.state === "success") break;
      }
      return records;
    },
    async start(input) {
      const deployment = await github.createDeployment({
        ref: input.commit,
        environment: environmentOf(input.space),
        task: DEPLOY_TASK,
        description: `genie-gitops deploy of ${input.space} to live space ${input.liveSpaceId}`,
        payload: { ...input }
      });
      await github.setDeploymentStatus(deployment.id, "in_progress", "updating the live space");
      return String(deployment.id);
    },
    async finish(id, state, description) {
      await github.setDeploymentStatus(Number(id), state, description);
    }
  };
}
function toRecord(d, space) {
  const p = typeof d.payload === "object" && d.payload !== null ? d.payload : {};
  if (typeof p.configHash !== "string" || typeof p.liveSpaceId !== "string") return void 0;
  return {
    id: String(d.id),
    space,
    liveSpaceId: p.liveSpaceId,
    configHash: p.configHash,
    commit: typeof p.commit === "string" ? p.commit : d.sha,
    state: "in_progress",
    createdAt: d.createdAt
  };
}
function stateOf(statuses) {
  const latest = statuses[0];
  if (latest === "success" || latest === "inactive") return "success";
  if (latest === "failure" || latest === "error") return "failure";
  return "in_progress";
}

// src/action/run-deploy.ts
var ICON = {
  deployed: "\u{1F680}",
  unchanged: "\u2705",
  drifted: "\u26A0\uFE0F",
  failed: "\u274C",
  skipped: "\u23ED\uFE0F"
};
async function runDeploy(run) {
  const push = run.context.push;
  if (!run.github)
    warning(
      "No GitHub token: deployments are recorded only on this runner, which forgets them, so the next deploy finds no record and reports drift unless the live space equals the config. Pass github-token with deployments: write.",
      { title: "genie-gitops: deployments not recorded" }
    );
  const baseBranch = run.github ? await run.github.defaultBranch().catch(() => void 0) : void 0;
  const result = await group(
    "deploy",
    () => deployCommand({
      root: run.root,
      layout: run.layout,
      backend: run.backend,
      git: run.git,
      spaces: run.inputs.all ? "all" : run.inputs.space ? [run.inputs.space] : void 0,
      before: push?.before,
      after: push?.after ?? run.context.sha,
      onDrift: run.inputs.onDrift,
      syncBenchmarks: run.inputs.syncBenchmarks,
      verify: {
        mode: run.inputs.verify,
        sampleSize: run.inputs.verifySample,
        maxRegression: run.inputs.maxRegression,
        maxErrored: run.inputs.maxErrored,
        confidence: run.inputs.confidence,
        maxRepeats: run.inputs.maxRepeats,
        autoRollback: run.inputs.autoRollback,
        runUrl: run.context.runUrl,
        baseBranch
      },
      github: run.github,
      deployments: run.github ? createGitHubDeploymentLog(run.github) : void 0,
      log: (line) => info(line)
    })
  );
  const verified = await writeDeploySummary(result);
  setVerificationOutputs(verified.map((v) => v.verdict));
  setDeployOutputs(result);
  const problems = deployProblems(result);
  return problems.length ? { failure: problems.join(". ") } : {};
}
async function writeDeploySummary(result) {
  const rows = result.spaces.map(
    (s) => `| ${s.space} | ${ICON[s.status]} ${s.status} | ${s.liveSpaceId ? `\`${s.liveSpaceId}\`` : "\u2013"} | ${s.message.replace(/\|/g, "\\|")} |`
  );
  const body = result.spaces.length ? ["| space | result | live space | details |", "|---|---|---|---|", ...rows] : ["No space changed in this push: nothing to deploy."];
  const verified = result.spaces.flatMap(
    (s) => s.verification ? [
      {
        space: s.space,
        mode: s.verification.mode,
        verdict: s.verification,
        asked: s.verification.asked,
        rollback: s.verification.rollback?.pr?.url ?? s.verification.rollback?.message ?? s.verification.rollbackSkipped
      }
    ] : []
  );
  await summary.addRaw(
    [
      "## genie-gitops deploy",
      "",
      `Spaces: ${result.selection}.`,
      "",
      ...body,
      "",
      renderVerificationTable(verified)
    ].join("\n")
  ).write();
  return verified;
}
function setDeployOutputs(result) {
  for (const s of result.spaces)
    if (s.labelWarning) warning(`${s.space}: ${s.labelWarning}`, { title: "genie-gitops: PR labels not updated" });
  for (const s of result.spaces)
    if (s.status === "drifted") warning(`${s.space}: ${s.message}`, { title: "genie-gitops: live space drifted" });
  const by = (status) => JSON.stringify(result.spaces.filter((s) => s.status === status).map((s) => s.space));
  setOutput("deployed", by("deployed"));
  setOutput("unchanged", by("unchanged"));
  setOutput("drifted", by("drifted"));
  setOutput("failed", by("failed"));
  const results = result.spaces.map(
    ({ verification: v, ...rest }) => v ? {
      ...rest,
      verification: {
        verdict: v.verdict,
        liveScore: v.liveScore,
        expectedScore: v.expectedScore,
        asked: v.asked,
        regressed: v.regressed,
        rollbackPr: v.rollback?.pr?.number
      }
    } : rest
  );
  setOutput("results", JSON.stringify(results));
  const rollbackPrs = result.spaces.flatMap(
    (s) => s.verification?.rollback?.pr ? [s.verification.rollback.pr.number] : []
  );
  setOutput("rollback-prs", JSON.stringify(rollbackPrs));
}
function deployProblems(result) {
  const failed = result.spaces.filter((s) => s.status === "failed");
  const drifted = result.spaces.filter((s) => s.status === "drifted");
  const regressed = result.spaces.filter((s) => s.verification?.verdict === "regression");
  for (const s of result.spaces)
    if (s.verification?.verdict === "inconclusive")
      warning(`${s.space}: ${s.verification.summary}`, { title: "genie-gitops: verification inconclusive" });
  const problems = [
    ...failed.length ? [`deploy failed for ${failed.map((s) => `${s.space} (${s.message})`).join("; ")}`] : [],
    ...drifted.length ? [
      `${drifted.map((s) => s.space).join(", ")} not deployed: the live space was edited outside git; adopt the edit with command export, or rerun with on-drift: overwrite`
    ] : [],
    ...regressed.map((s) => {
      const v = s.verification;
      const what = v.rollback?.pr ? `rollback PR #${v.rollback.pr.number} opened: ${v.rollback.pr.url}` : v.rollback ? v.rollback.message : v.rollbackError ? `the rollback failed: ${v.rollbackError}` : `not rolled back (${v.rollbackSkipped ?? "auto-rollback is off"})`;
      return `${s.space}: the live space scored significantly lower after the deploy (${v.summary}); ${what}`;
    })
  ];
  return problems;
}
function setVerificationOutputs(verdicts) {
  const single = verdicts.length === 1 ? verdicts[0] : void 0;
  if (single) {
    setOutput("live-score", single.liveScore.toFixed(4));
    setOutput("expected-score", single.expectedScore === void 0 ? "" : single.expectedScore.toFixed(4));
    setOutput("verify-verdict", single.verdict);
  }
  setOutput("verified", String(verdicts.length > 0 && verdicts.every((v) => v.verdict === "verified")));
}
export {
  runDeploy
};
