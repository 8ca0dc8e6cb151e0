import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  LESSONS_RECORDED_LABEL,
  PENDING_LABEL,
  closedUnrecorded,
  enhanceBranch,
  mergedPending,
  relabel
} from "./chunk-K7Y7CMMX.js";
import {
  REMOTE,
  checkBotBranch,
  publishBotBranch,
  upsertPullRequest
} from "./chunk-4M7ZRCS6.js";
import {
  enhanceCommand,
  lessonsFile,
  llmAnalystFrom
} from "./chunk-LFLAYVHA.js";
import {
  GITHUB_BODY_LIMIT,
  LessonsSchema,
  readLessons,
  recordFix,
  renderEnhanceMarkdown,
  writeLessons
} from "./chunk-KFRJW6DD.js";
import "./chunk-I525QUES.js";
import "./chunk-G2KRRSCE.js";
import "./chunk-K7TKUAUP.js";
import "./chunk-XK4MYMYO.js";
import "./chunk-EJQUJTOD.js";
import "./chunk-YUT4RWDR.js";
import {
  enhanceStatusContext
} from "./chunk-IGYCMOL5.js";
import {
  inconclusiveVerdict,
  pairedAnswered
} from "./chunk-M655HBCG.js";
import "./chunk-53C2HTLV.js";
import "./chunk-US2RYU4E.js";
import "./chunk-QWGNB65Z.js";
import "./chunk-OBC2LCYV.js";
import "./chunk-MBZJZHDO.js";
import "./chunk-3YQJKESU.js";
import "./chunk-THICYPHM.js";
import "./chunk-PXHFY66S.js";
import {
  loadSpace
} from "./chunk-EF4L5O5C.js";
import {
  pct,
  shortCell
} from "./chunk-PFNWRXII.js";
import "./chunk-UNMHX7W3.js";
import "./chunk-IHHUWFZN.js";
import "./chunk-GOA4DWPX.js";
import "./chunk-SD433YDN.js";
import "./chunk-5G2X2JKW.js";
import "./chunk-6CTQWAUY.js";
import {
  group,
  requireGitHub,
  selectedSpaces
} from "./chunk-KMOKAQYL.js";
import "./chunk-DM6IOE3Q.js";
import "./chunk-QBJZ53VK.js";
import "./chunk-2YFC7YIM.js";
import {
  error,
  info,
  notice,
  setOutput,
  summary
} from "./chunk-DSJGBVOR.js";
import {
  parseSpaceText,
  repoPaths,
  repoRelative,
  spacePaths
} from "./chunk-XWFLS6EG.js";
import {
  external_exports
} from "./chunk-CSAISFHI.js";
import {
  messageOf
} from "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/commands/reviewer-rejections.ts
var reviewerReason = (pr) => `rejected by a reviewer in PR #${pr}`;
var REVIEWER_REASON = /^rejected by a reviewer in PR #\d+/;
async function collectReviewerRejections(input) {
  const { git, space, base } = input;
  const known = new Set([...base.applied_fixes, ...base.rejected_fixes].map((r) => r.key));
  const applied = new Set(base.applied_fixes.map((r) => r.key));
  const out = { records: [], readPulls: [], unreadable: [] };
  const add = (record) => {
    if (known.has(record.key)) return;
    known.add(record.key);
    out.records.push(record);
  };
  for (const pr of input.closed) {
    const head = await fetchPullHead(git, pr);
    if (!head) {
      out.unreadable.push({
        number: pr.number,
        reason: `its head ${pr.headSha.slice(0, 7)} cannot be fetched from ${REMOTE}`
      });
      continue;
    }
    const read = await readLessonsAt(git, head, space);
    if (!read.ok) {
      out.unreadable.push({ number: pr.number, reason: read.reason });
      continue;
    }
    for (const fix of read.lessons?.applied_fixes ?? [])
      if (!applied.has(fix.key))
        add({ key: fix.key, type: fix.type, summary: fix.summary, reason: reviewerReason(pr.number) });
    for (const fix of carried(read.lessons)) add(fix);
    out.readPulls.push(pr.number);
  }
  if (input.branchRef) {
    const read = await readLessonsAt(git, input.branchRef, space);
    if (read.ok) for (const fix of carried(read.lessons)) add(fix);
  }
  return out;
}
function applyRejections(lessons, records) {
  const keys = new Set(records.map((r) => r.key));
  const next = {
    ...lessons,
    applied_fixes: lessons.applied_fixes.filter((r) => !keys.has(r.key)),
    rejected_fixes: [...lessons.rejected_fixes]
  };
  for (const record of records) recordFix(next, "rejected_fixes", record);
  return next;
}
function carried(lessons) {
  return (lessons?.rejected_fixes ?? []).filter((r) => r.reason !== void 0 && REVIEWER_REASON.test(r.reason));
}
async function fetchPullHead(git, pr) {
  const local = `refs/genie-gitops/pull/${pr.number}/head`;
  if (await git.tryFetchRef(REMOTE, `refs/pull/${pr.number}/head`, local)) return local;
  if (pr.headSha && await git.tryFetchCommit(REMOTE, pr.headSha)) return pr.headSha;
  return void 0;
}
async function readLessonsAt(git, rev, space) {
  const file = repoPaths.lessonsFile(space);
  const text = await git.tryShow(rev, file);
  if (text === void 0) return { ok: true };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${file} at its head is not valid JSON` };
  }
  const parsed = LessonsSchema.safeParse(data);
  return parsed.success ? { ok: true, lessons: parsed.data } : { ok: false, reason: `${file} at its head does not match the lessons schema` };
}

// src/commands/enhance-resume.ts
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

// src/report/run-history.ts
var Counts = external_exports.object({ passed: external_exports.number(), total: external_exports.number() });
var RunEntrySchema = external_exports.object({
  run: external_exports.number().int().min(1),
  at: external_exports.string(),
  startConfig: external_exports.string(),
  endConfig: external_exports.string(),
  benchmarks: external_exports.string(),
  before: external_exports.object({ train: Counts, trainUntaught: Counts, holdout: Counts }),
  after: external_exports.object({ train: Counts, trainUntaught: Counts, holdout: Counts }),
  kept: external_exports.number().int().min(0),
  iterations: external_exports.number().int().min(0),
  genieQuestions: external_exports.number().int().min(0),
  stop: external_exports.string(),
  stoppedOnBudget: external_exports.boolean()
});
var HistorySchema = external_exports.array(RunEntrySchema).max(200);
var MARKER = /<!-- genie-gitops:history v1 ([A-Za-z0-9+/=]+) -->/;
var KEPT = 24;
function parseHistory(body) {
  const match = body ? MARKER.exec(body) : null;
  if (!match) return [];
  try {
    const parsed = HistorySchema.safeParse(JSON.parse(Buffer.from(match[1], "base64").toString("utf8")));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
function appendRun(history, result, at = /* @__PURE__ */ new Date()) {
  const pick = (c) => ({
    train: { passed: c.totals.train.passed, total: c.totals.train.answered },
    trainUntaught: { passed: c.totals.trainUntaught.passed, total: c.totals.trainUntaught.answered },
    holdout: { passed: c.totals.holdout.passed, total: c.totals.holdout.answered }
  });
  const entry = {
    run: (history.at(-1)?.run ?? 0) + 1,
    at: at.toISOString(),
    startConfig: result.before.configHash.slice(0, 12),
    endConfig: result.after.configHash.slice(0, 12),
    benchmarks: result.after.benchmarksHash.slice(0, 12),
    before: pick(result.before),
    after: pick(result.after),
    kept: result.iterations.filter((i) => i.accepted).length,
    iterations: result.iterations.length,
    genieQuestions: result.calls.genie,
    stop: result.stopReason.slice(0, 160),
    stoppedOnBudget: result.budget?.stoppedOnBudget !== void 0
  };
  return [...history, entry].slice(-KEPT);
}
var share = (c) => c.total ? `${(100 * c.passed / c.total).toFixed(1)}%` : "\u2013";
function historySection(history) {
  if (history.length === 0) return "";
  const rows = history.map(
    (r) => `| ${r.run} | ${r.at.slice(0, 16).replace("T", " ")} | ${share(r.before.trainUntaught)} \u2192 ${share(r.after.trainUntaught)} | ${share(r.before.holdout)} \u2192 ${share(r.after.holdout)} | ${r.kept} of ${r.iterations} | ${r.genieQuestions} | ${r.stoppedOnBudget ? "**budget**: " : ""}${shortCell(r.stop, 200)} |`
  );
  const encoded = Buffer.from(JSON.stringify(history), "utf8").toString("base64");
  return [
    "",
    `### Runs of this PR (${history.length}${history[0].run > 1 ? `, the last ${history.length} of ${history.at(-1).run}` : ""})`,
    "",
    "Each run starts from the config and lessons the previous one left on this branch, skipping fixes already tried.",
    "",
    "| run | at (UTC) | train-untaught | holdout | iterations kept | Genie questions | stopped because |",
    "|---:|---|---:|---:|---:|---:|---|",
    ...rows,
    "",
    `<!-- genie-gitops:history v1 ${encoded} -->`,
    ""
  ].join("\n");
}

// src/commands/enhance-resume.ts
async function resumeFromOpenPr(input) {
  const { git, open, branchRef } = input;
  if (!open || !branchRef) return {};
  const history = parseHistory(open.body);
  const loaded = loadSpace(input.root, input.space, input.layout);
  const configPath = loaded.configPath;
  const lessonsPath = repoRelative(input.root, spacePaths(input.root, input.space).lessonsFile);
  const fresh = (why) => ({
    message: `started from the base branch, not from PR #${open.number}: ${why}`
  });
  const base = (await git.exec(["merge-base", "HEAD", branchRef])).stdout.trim();
  if (!base) return fresh("its branch shares no history with the checkout");
  const [then, now] = await Promise.all([git.tryShow(base, configPath), git.tryShow("HEAD", configPath)]);
  if (then !== now) return fresh(`${configPath} changed on the base branch since that run`);
  const config = await git.tryShow(branchRef, configPath);
  if (config === void 0) return fresh(`${configPath} is missing on ${branchRef}`);
  try {
    parseSpaceText(config, `${configPath}@${REMOTE}`);
  } catch (error2) {
    return fresh(`its ${configPath} does not parse (${error2.message})`);
  }
  const lessons = await git.tryShow(branchRef, lessonsPath);
  if (lessons !== void 0 && !LessonsSchema.safeParse(safeJson(lessons)).success)
    return fresh(`its ${lessonsPath} does not match the lessons schema`);
  const restored = [];
  const write = (file, text) => {
    const full = path.join(input.root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    restored.push(file);
  };
  write(configPath, config);
  if (lessons !== void 0) write(lessonsPath, lessons);
  const runs = history.length > 0 ? `after ${history.length} earlier run(s)` : "after an earlier run";
  return {
    resumed: {
      pr: open,
      history,
      restored,
      message: `resumed from PR #${open.number} ${runs}: its config and lessons, skipping the fixes already tried`
    }
  };
}
function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}

// src/commands/enhance-pr.ts
var pts = (d) => `${d >= 0 ? "+" : ""}${(d * 100).toFixed(1)}`;
function scoreStatusDescription(result) {
  const { before, after } = result;
  return `train ${pct(after.totals.train.score)} (${pts(after.totals.train.score - before.totals.train.score)}), holdout ${pct(after.totals.holdout.score)} (${pts(after.totals.holdout.score - before.totals.holdout.score)})`;
}
async function enhancePrCommand(options) {
  const { git, github, space } = options;
  const branch = enhanceBranch(space);
  const closed = await github.listPullRequests(branch, "closed");
  const waiting = mergedPending(closed);
  if (waiting.length > 0) {
    const prs = waiting.map((pr) => `#${pr.number}`).join(", ");
    const message = `the merged enhancement PR ${prs} is not deployed yet (label "${PENDING_LABEL}"); no new enhancement PR is opened until deploy labels it deployed`;
    return { space, branch, outcome: "waiting-for-deploy", message };
  }
  const check = await checkBotBranch(git, branch, "HEAD");
  if (!check.ok) return { space, branch, outcome: "blocked", message: check.reason };
  const baseBranch = options.baseBranch ?? await github.defaultBranch();
  const branchRef = check.remoteSha ? `refs/remotes/${REMOTE}/${branch}` : void 0;
  const { resumed, resumeMessage } = await resumeRun(options, branch, branchRef);
  const rejections = await recordReviewerRejections(options, closed, branchRef);
  const result = await enhanceCommand({ ...options, dryRun: false });
  const honoured = describeRejections(rejections) + (resumeMessage ? `; ${resumeMessage}` : "");
  if (!result.changed && !resumed) return noImprovement(options, { branch, result, rejections, honoured });
  const history = appendRun(resumed?.history ?? [], result);
  const published = await publishBotBranch(git, {
    branch,
    paths: writtenPaths(options, result, resumed),
    message: commitMessage(space, result),
    expectedRemoteSha: check.remoteSha
  });
  const upserted = await upsertPullRequest(github, {
    branch,
    base: baseBranch,
    // The title spans the whole PR: from the base branch's config to this run's result.
    title: prTitle(space, result, history),
    body: prBody(options, result, history, resumed, rejections),
    // Pending from the start: once merged it stays pending until deploy labels it deployed.
    labels: ["genie-gitops", `space:${space}`, PENDING_LABEL]
  });
  await publishScoreStatus(github, published.sha, space, result);
  for (const pr of closed) {
    if (rejections.readPulls.includes(pr.number))
      await relabel(github, pr, { add: [LESSONS_RECORDED_LABEL], remove: [PENDING_LABEL] });
  }
  const outcome = !published.pushed && upserted.action === "updated" ? "unchanged" : upserted.action;
  const pushed = published.pushed ? `pushed ${published.sha.slice(0, 7)} to ${branch}` : `${branch} already had this config`;
  return {
    space,
    branch,
    outcome,
    result,
    pr: upserted.pr,
    headSha: published.sha,
    reviewerRejections: rejections,
    ...resumed ? { resumed: { pr: resumed.pr.number, earlierRuns: resumed.history.length } } : {},
    history,
    message: `${pushed}; PR #${upserted.pr.number} ${upserted.action}${honoured}`
  };
}
async function resumeRun(options, branch, branchRef) {
  const resume = options.resume === false ? {} : await resumeFromOpenPr({
    git: options.git,
    root: options.root,
    space: options.space,
    layout: options.layout,
    open: await options.github.findOpenPullRequest(branch),
    branchRef
  });
  const resumed = resume.resumed;
  const resumeMessage = resumed?.message ?? resume.message;
  if (resumeMessage) options.log?.(resumeMessage);
  return { resumed, resumeMessage };
}
async function noImprovement(options, run) {
  const { branch, result } = run;
  const open = await options.github.findOpenPullRequest(branch);
  const left = open ? `the open PR #${open.number} was left as it is` : "no PR was opened";
  return {
    space: options.space,
    branch,
    outcome: "no-improvement",
    result,
    pr: open,
    reviewerRejections: run.rejections,
    message: `nothing improved (${result.stopReason}); ${left}${run.honoured}`
  };
}
function writtenPaths(options, result, resumed) {
  const rel = (file) => repoRelative(options.root, file);
  return [
    .../* @__PURE__ */ new Set([
      ...result.written.map(rel),
      rel(lessonsFile(options.root, options.space)),
      ...resumed?.restored ?? []
    ])
  ];
}
function commitMessage(space, { before, after }) {
  return `genie-gitops: enhance ${space} (train ${pct(before.totals.train.score)} -> ${pct(after.totals.train.score)}, holdout ${pct(before.totals.holdout.score)} -> ${pct(after.totals.holdout.score)})`;
}
function prTitle(space, { before, after }, history) {
  const first = history[0];
  const startTrain = first.before.train.total ? first.before.train.passed / first.before.train.total : before.totals.train.score;
  return `genie-gitops: enhance ${space} (train ${pct(startTrain)} \u2192 ${pct(after.totals.train.score)})`;
}
function prBody(options, result, history, resumed, rejections) {
  const note = rejectionNote(rejections);
  const runs = historySection(history);
  const report = renderEnhanceMarkdown(result, {
    maxChars: GITHUB_BODY_LIMIT - note.length - runs.length,
    fullReportHint: options.fullReportHint,
    preface: resumed ? [
      `This is run ${history.at(-1).run} of this PR: it ${resumed.message}. The score table compares with the config it resumed from; every run is listed at the end.`,
      ""
    ] : []
  });
  return report + runs + note;
}
async function publishScoreStatus(github, sha, space, result) {
  const { before, after } = result;
  const paired = pairedAnswered(after, before);
  const unsure = inconclusiveVerdict([
    { label: "after", card: after },
    { label: "before", card: before }
  ]);
  await github.setCommitStatus(sha, {
    state: unsure ? "error" : paired.head.score >= paired.base.score ? "success" : "failure",
    context: enhanceStatusContext(space),
    description: scoreStatusDescription(result)
  });
}
async function recordReviewerRejections(options, closed, branchRef) {
  const file = lessonsFile(options.root, options.space);
  const base = readLessons(file, options.space);
  const rejections = await collectReviewerRejections({
    git: options.git,
    space: options.space,
    base,
    closed: closedUnrecorded(closed),
    branchRef
  });
  if (rejections.records.length > 0) writeLessons(file, applyRejections(base, rejections.records));
  for (const u of rejections.unreadable)
    options.log?.(
      `PR #${u.number} (closed without merging): its fixes could not be read, ${u.reason}; trying again next run`
    );
  return rejections;
}
function describeRejections(r) {
  const parts = [];
  if (r.records.length > 0)
    parts.push(`${r.records.length} fix(es) rejected by reviewers recorded as rejected lessons and not proposed again`);
  if (r.unreadable.length > 0)
    parts.push(`could not read the fixes of ${r.unreadable.map((u) => `PR #${u.number} (${u.reason})`).join(", ")}`);
  return parts.length ? `; ${parts.join("; ")}` : "";
}
function rejectionNote(r) {
  if (r.records.length === 0) return "";
  const items = r.records.map((x) => `- \`${x.type}\` ${x.summary}: ${x.reason}`);
  return ["", "", `### Fixes rejected by reviewers (${r.records.length}, not proposed again)`, "", ...items, ""].join("\n").slice(0, 8e3);
}

// src/action/run-enhance.ts
async function runEnhance(run) {
  const github = requireGitHub(run, "enhance");
  const spaces = selectedSpaces(run, "enhance");
  const results = [];
  const failures = [];
  const started = Date.now();
  let asked = 0;
  for (const space of spaces) {
    try {
      const result = await group(
        `enhance ${space} (${run.inputs.backend}, ${run.inputs.analyst} analyst)`,
        () => enhancePrCommand({
          root: run.root,
          layout: run.layout,
          space,
          backend: run.backend,
          staging: run.inputs.staging,
          analyst: run.inputs.analyst,
          llmAnalyst: run.inputs.analyst === "llm" ? llmAnalystFrom({}, run.env, {}, run.secrets) : void 0,
          maxIterations: run.inputs.maxIterations,
          targetScore: run.inputs.targetScore,
          maxRegressions: run.inputs.maxRegressions,
          allowTaughtExamples: run.inputs.allowTaughtExamples,
          confidence: run.inputs.confidence,
          maxRepeats: run.inputs.maxRepeats,
          maxGenieQuestions: run.inputs.maxGenieQuestions === void 0 ? void 0 : Math.max(1, run.inputs.maxGenieQuestions - asked),
          timeBudgetMs: run.inputs.timeBudgetMs === void 0 ? void 0 : Math.max(1, run.inputs.timeBudgetMs - (Date.now() - started)),
          git: run.git,
          github,
          baseBranch: run.inputs.baseBranch ?? run.context.defaultBranch,
          fullReportHint: run.context.runUrl ? `the full report is in the job summary of ${run.context.runUrl}` : "the full report is in the job summary",
          log: (line) => info(line)
        })
      );
      results.push(result);
      asked += result.result?.calls.genie ?? 0;
      info(`enhance ${space}: ${result.outcome}; ${result.message}`);
      if (result.result) {
        const r = result.result;
        info(
          `train ${pct(r.before.totals.train.score)} \u2192 ${pct(r.after.totals.train.score)}, holdout ${pct(r.before.totals.holdout.score)} \u2192 ${pct(r.after.totals.holdout.score)}`
        );
      }
      await writeSummary(result);
    } catch (error2) {
      failures.push(`${space}: ${messageOf(error2)}`);
      error(`enhance ${space} failed: ${messageOf(error2)}`);
    }
  }
  const single = results.length === 1 ? results[0] : void 0;
  if (single) {
    setOutput("outcome", single.outcome);
    setOutput("changed", String(single.result?.changed ?? false));
    if (single.pr) {
      setOutput("pr-number", String(single.pr.number));
      setOutput("pr-url", single.pr.url);
    }
    if (single.result) {
      setOutput("score-before", single.result.before.totals.all.score.toFixed(4));
      setOutput("score-after", single.result.after.totals.all.score.toFixed(4));
    }
  }
  setOutput(
    "results",
    JSON.stringify(
      results.map((r) => ({ space: r.space, outcome: r.outcome, pr: r.pr?.number ?? null, message: r.message }))
    )
  );
  return failures.length ? { failure: failures.join("; ") } : {};
}
async function writeSummary(result) {
  const r = result.result;
  const lines = [`## genie-gitops enhance: \`${result.space}\` \u2014 ${result.outcome}`, "", result.message, ""];
  if (r)
    lines.push(
      `Train ${pct(r.before.totals.train.score)} \u2192 ${pct(r.after.totals.train.score)}, holdout ${pct(r.before.totals.holdout.score)} \u2192 ${pct(r.after.totals.holdout.score)}.`,
      ""
    );
  if (result.outcome === "no-improvement" || result.outcome === "blocked" || result.outcome === "waiting-for-deploy")
    notice(`${result.space}: ${result.message}`);
  const rejected = result.reviewerRejections?.records ?? [];
  if (rejected.length > 0) {
    lines.push(
      `Fixes rejected by reviewers, recorded as rejected lessons (${rejected.length}):`,
      "",
      ...rejected.map((x) => `- \`${x.type}\` ${x.summary}: ${x.reason}`),
      ""
    );
  }
  if (r && result.outcome !== "no-improvement")
    lines.push(
      "<details><summary>Full report</summary>",
      "",
      renderEnhanceMarkdown(r, { maxChars: 9e5 }),
      "</details>",
      ""
    );
  await summary.addRaw(lines.join("\n")).write();
}
export {
  runEnhance
};
