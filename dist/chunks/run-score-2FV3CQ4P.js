import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  defaultCacheDir,
  readCachedScorecard,
  scoreStatusContext,
  writeCachedScorecard
} from "./chunk-IGYCMOL5.js";
import {
  renderComparisonMarkdown,
  renderScorecardMarkdown,
  renderTotalsLine
} from "./chunk-OK3RSAYV.js";
import {
  renderAgreementMarkdown,
  scorerCommand
} from "./chunk-54656NTY.js";
import {
  DEFAULT_MAX_ERRORED,
  inconclusiveVerdict,
  nameIds,
  pairedAnswered
} from "./chunk-M655HBCG.js";
import "./chunk-NHHR2HFI.js";
import {
  DEFAULT_CONFIDENCE,
  DEFAULT_MAX_REPEATS,
  assessLook,
  compareWithRepeats,
  pairOutcomes
} from "./chunk-53C2HTLV.js";
import {
  assertValidConfig,
  configScorer,
  loadSpaceBenchmarks
} from "./chunk-US2RYU4E.js";
import {
  decideGate,
  minScoreFailure
} from "./chunk-QWGNB65Z.js";
import "./chunk-OBC2LCYV.js";
import "./chunk-MBZJZHDO.js";
import {
  hashBenchmarks,
  hashSpace
} from "./chunk-3YQJKESU.js";
import "./chunk-THICYPHM.js";
import "./chunk-PXHFY66S.js";
import {
  loadSpace
} from "./chunk-EF4L5O5C.js";
import {
  GITHUB_COMMENT_LIMIT,
  pct
} from "./chunk-PFNWRXII.js";
import "./chunk-UNMHX7W3.js";
import "./chunk-IHHUWFZN.js";
import "./chunk-GOA4DWPX.js";
import "./chunk-SD433YDN.js";
import "./chunk-5G2X2JKW.js";
import "./chunk-6CTQWAUY.js";
import {
  group,
  selectedSpaces
} from "./chunk-KMOKAQYL.js";
import "./chunk-DM6IOE3Q.js";
import "./chunk-QBJZ53VK.js";
import "./chunk-2YFC7YIM.js";
import {
  info,
  notice,
  setOutput,
  summary,
  warning
} from "./chunk-DSJGBVOR.js";
import {
  listSpaces,
  parseSpaceText,
  spacesTouchedBy
} from "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import {
  messageOf
} from "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/gitops/sticky-comment.ts
function scoreCommentMarker(space) {
  return `<!-- genie-gitops:score:${space} -->`;
}
async function upsertStickyComment(github, prNumber, marker, body) {
  const text = body.startsWith(marker) ? body : `${marker}
${body}`;
  const existing = (await github.listComments(prNumber)).find((c) => c.body.includes(marker));
  if (existing) return { comment: await github.updateComment(existing.id, text), action: "updated" };
  return { comment: await github.createComment(prNumber, text), action: "created" };
}

// src/commands/pr-score.ts
async function prScoreCommand(options) {
  const { git, space } = options;
  const loaded = loadSpace(options.root, space, options.layout);
  const { baseSha, staleNote } = await resolveBase(options);
  const baseSpace = await readBaseSpace(git, loaded.configPath, baseSha);
  const backend = await options.backend.open({
    root: options.root,
    target: loaded.target,
    space,
    layout: options.layout,
    noise: options.noise,
    seed: options.seed,
    staging: options.staging
  });
  let scored;
  try {
    assertValidConfig(options.root, loaded, await backend.warehouse.schema());
    scored = await scoreHeadAndBase(backend, loaded.space, baseSpace, baseSha, options);
  } finally {
    await backend.close();
  }
  const { head, base, baseCached, comparison } = scored;
  const settings = {
    minScore: options.minScore,
    maxRegression: options.maxRegression,
    confidence: options.confidence ?? DEFAULT_CONFIDENCE
  };
  const inconclusive = inconclusiveVerdict(
    [{ label: "head", card: head }, ...base && base !== head ? [{ label: "base", card: base }] : []],
    options.maxErrored ?? DEFAULT_MAX_ERRORED
  );
  const gate = decideGate({
    head,
    base,
    comparison,
    settings,
    inconclusive: inconclusive?.message.replace(/^inconclusive: /, "")
  });
  const failures = gate.failures;
  const markdown = renderPrComment({ space, head, base, baseSha, staleNote, gate, baseCached });
  const result = { space, head, base, baseSha, baseCached, staleNote, failures, gate, markdown };
  if (inconclusive) result.inconclusive = inconclusive;
  if (options.github && options.prNumber !== void 0) {
    const sticky = await upsertStickyComment(options.github, options.prNumber, scoreCommentMarker(space), markdown);
    result.comment = { url: sticky.comment.url, action: sticky.action };
  }
  return result;
}
async function scoreHeadAndBase(backend, headSpace, baseSpace, baseSha, options) {
  const { space } = options;
  const log = options.log ?? (() => {
  });
  const benchmarks = loadSpaceBenchmarks(options.root, space);
  const cacheDir = options.cacheDir ?? defaultCacheDir(options.root);
  const plan = {
    direction: "worse",
    tolerance: options.maxRegression ?? 0,
    confidence: options.confidence ?? DEFAULT_CONFIDENCE,
    maxRepeats: options.maxRegression === void 0 ? 0 : options.maxRepeats ?? DEFAULT_MAX_REPEATS,
    screeningAsks: options.repeats ?? 1
  };
  const scorerOf = (config, seed) => configScorer(backend, space, config, benchmarks, { repeats: options.repeats, seed });
  const headScorer = scorerOf(headSpace, options.seed);
  log(`scoring head config of ${space}`);
  const head = (await cachedScore(headScorer, backend, space, headSpace, benchmarks, cacheDir, options)).card;
  if (!baseSpace) return { head, baseCached: false };
  if (hashSpace(baseSpace) === head.configHash) {
    const comparison = { ...assessLook(pairOutcomes(head, head), plan, Infinity), rounds: 0, reasked: 0 };
    return { head, base: head, baseCached: true, comparison };
  }
  log(`scoring base config of ${space} at ${baseSha.slice(0, 7)}`);
  const baseScorer = scorerOf(baseSpace, options.seed === void 0 ? void 0 : options.seed + 1);
  const scored = await cachedScore(baseScorer, backend, space, baseSpace, benchmarks, cacheDir, options);
  const compared = await compareWithRepeats(
    plan,
    { card: head, reasker: headScorer },
    { card: scored.card, reasker: baseScorer },
    { log }
  );
  return { ...compared, baseCached: scored.cached };
}
async function resolveBase(options) {
  const eventBase = options.baseSha;
  if (!options.baseRef) return { baseSha: eventBase };
  const tip = await options.git.tryRemoteBranchSha("origin", options.baseRef);
  if (!tip || tip === eventBase || !await options.git.tryFetchCommit("origin", tip)) return { baseSha: eventBase };
  return {
    baseSha: tip,
    staleNote: `The base branch \`${options.baseRef}\` moved since this PR event (was \`${eventBase.slice(0, 7)}\`, now \`${tip.slice(0, 7)}\`): the base was scored at its current tip. Update the PR branch to score the merged result.`
  };
}
async function readBaseSpace(git, file, baseSha) {
  if (!await git.tryFetchCommit("origin", baseSha)) return void 0;
  const text = await git.tryShow(baseSha, file);
  return text === void 0 ? void 0 : parseSpaceText(text, `${file}@${baseSha.slice(0, 7)}`);
}
async function cachedScore(scorer, backend, space, config, benchmarks, cacheDir, options) {
  const cacheable = (options.repeats ?? 1) === 1 && !options.noise;
  const key = {
    space,
    configHash: hashSpace(config),
    benchmarksHash: hashBenchmarks(benchmarks),
    backend: backend.name
  };
  const hit = cacheable ? readCachedScorecard(cacheDir, key) : void 0;
  if (hit && hit.totals.all.errored === 0) return { card: hit, cached: true };
  const card = await scorer.score();
  if (cacheable && card.totals.all.errored === 0) writeCachedScorecard(cacheDir, card);
  return { card, cached: false };
}
function renderPrComment(input) {
  const marker = scoreCommentMarker(input.space);
  const { gate } = input;
  const verdict = gate.failures.length ? ["", `**\u274C Score check failed:** ${gate.failures.join("; ")}.`] : gate.verdict === "inconclusive" ? ["", `**\u26AA Score check inconclusive** (neutral, not failed): ${gate.summary.replace(/^Inconclusive: /, "")}`] : ["", `**\u2705 Score check passed.** ${gate.summary}`];
  const notes = [
    ...erroredNote(input.head, input.base),
    ...input.staleNote ? ["", "> [!WARNING]", `> ${input.staleNote}`] : [],
    "",
    `<sub>base: \`${input.baseSha.slice(0, 7)}\`${input.base ? input.baseCached ? " (scorecard reused: same config and benchmark hashes)" : " (scored in this run)" : " (no such space on the base branch: head only)"}</sub>`
  ];
  const reserve = marker.length + verdict.join("\n").length + notes.join("\n").length + 8;
  const budget = GITHUB_COMMENT_LIMIT - reserve;
  const title = `Genie score: \`${input.space}\``;
  const main = input.base ? renderComparisonMarkdown(input.head, input.base, { title, maxChars: budget, gate }) : renderScorecardMarkdown(input.head, { title: `genie-gitops score: ${input.space}`, maxChars: budget });
  return [marker, main.trimEnd(), ...verdict, ...notes, ""].join("\n");
}
function erroredNote(head, base) {
  const paired = base && base !== head ? pairedAnswered(head, base) : void 0;
  const ids = paired ? paired.erroredIds : head.questions.filter((q) => q.errored).map((q) => q.id);
  if (ids.length === 0) return [];
  const scope = paired ? `head and base were compared on the ${paired.ids.length} questions answered in both` : "";
  return [
    "",
    `> [!NOTE]`,
    `> ${ids.length} question(s) errored (infrastructure failures, left out of the scores, not counted as wrong): ${nameIds(ids)}${scope ? `; ${scope}` : ""}.`
  ];
}

// src/action/run-score.ts
function setCardOutputs(card) {
  setOutput("score", card.totals.all.score.toFixed(4));
  setOutput("passed", String(card.totals.all.passed));
  setOutput("total", String(card.totals.all.total));
  setOutput("answered", String(card.totals.all.answered));
  setOutput("errored", String(card.totals.all.errored));
  setOutput("train-score", card.totals.train.score.toFixed(4));
  setOutput("holdout-score", card.totals.holdout.score.toFixed(4));
}
async function runScore(run) {
  const pr = run.context.pullRequest;
  if (pr) return runPullRequestScore(run, pr);
  const failures = [];
  const spaces = selectedSpaces(run, "score");
  const scores = {};
  let inconclusive = false;
  for (const space of spaces) {
    const scored = await group(
      `score ${space} (${run.inputs.backend}, scorer ${run.inputs.scorer})`,
      () => scorerCommand({
        scorer: run.inputs.scorer,
        root: run.root,
        layout: run.layout,
        space,
        backend: run.backend,
        staging: run.inputs.staging,
        repeats: run.inputs.repeats,
        onProgress: (e) => info(
          `[${e.done}/${e.total}] ${e.id} ${e.broken ? "broken benchmark" : e.errored ? "errored" : e.passed ? "pass" : `fail (${e.category ?? e.verdict})`}`
        )
      })
    );
    const card = scored.primary;
    logScore(card);
    if (scored.ours && scored.genie && scored.agreement) {
      const both = renderAgreementMarkdown(space, scored.ours, scored.genie, scored.agreement);
      info(both.split("\n")[2] ?? "");
      await summary.addRaw(both).write();
      if (spaces.length === 1) {
        setOutput("genie-eval-score", scored.genie.totals.all.score.toFixed(4));
        setOutput("agreement", scored.agreement.rate.toFixed(4));
      }
    }
    if (spaces.length === 1) setCardOutputs(card);
    scores[space] = Number(card.totals.all.score.toFixed(4));
    await summary.addRaw(renderScorecardMarkdown(card, { title: `genie-gitops score: ${space}` })).write();
    const unsure = inconclusiveVerdict([{ label: space, card }], run.inputs.maxErrored ?? DEFAULT_MAX_ERRORED);
    if (unsure) {
      inconclusive = true;
      warning(`${space}: ${unsure.message}`, { title: "genie-gitops: score inconclusive" });
      await summary.addRaw(`
**\u26AA Score check inconclusive** (neutral, not failed): ${unsure.message}.
`).write();
    } else {
      const belowMin = minScoreFailure(card.totals.all.score, run.inputs.minScore);
      if (belowMin) failures.push(`${spaces.length > 1 ? `${space}: ` : ""}${belowMin}`);
    }
  }
  setOutput("scores", JSON.stringify(scores));
  setOutput("inconclusive", String(inconclusive));
  return failures.length ? { failure: failures.join("; ") } : {};
}
function logScore(card, base) {
  for (const line of renderTotalsLine(card).split("\n")) info(line);
  if (base) {
    const delta = (card.totals.all.score - base.totals.all.score) * 100;
    info(
      `base: ${(base.totals.all.score * 100).toFixed(1)}%, change ${delta >= 0 ? "+" : ""}${delta.toFixed(1)} points`
    );
  }
  const failing = card.questions.filter((q) => !q.passed && q.expectedError === void 0);
  if (failing.length > 0)
    info(
      `failing questions (${failing.length}): ${failing.map((q) => `${q.id} (${q.category ?? "failed"})`).join(", ")}`
    );
}
async function prSpaces(run, pr) {
  if (run.inputs.all) return listSpaces(run.root, run.layout);
  if (run.inputs.space) return [run.inputs.space];
  return spacesTouchedByPr(run, pr);
}
async function spacesTouchedByPr(run, pr) {
  await run.git.tryFetchCommit("origin", pr.baseSha);
  const files = await run.git.changedFiles(pr.baseSha, "HEAD");
  const names = spacesTouchedBy(run.root, files, { ...run.layout, benchmarks: true });
  const known = new Set(listSpaces(run.root, run.layout));
  return names.filter((n) => known.has(n));
}
async function runPullRequestScore(run, pr) {
  const spaces = await prSpaces(run, pr);
  if (spaces.length === 0) {
    notice("This pull request changes no space or benchmark file: nothing to score.");
    return {};
  }
  if (run.inputs.scorer !== "ours")
    notice(
      `scorer ${run.inputs.scorer}: the PR check compares head and base with our scorer; run score outside a pull request (or the CLI) for Genie's eval runs side by side`
    );
  const github = pr.fromFork ? void 0 : run.github;
  if (!github)
    notice(
      `No writable GitHub token${pr.fromFork ? " (pull request from a fork)" : ""}: the score is in the job summary, not in a PR comment.`
    );
  const results = [];
  for (const space of spaces) {
    const result = await group(
      `score ${space}: head vs base (${run.inputs.backend})`,
      () => prScoreCommand({
        root: run.root,
        layout: run.layout,
        space,
        backend: run.backend,
        staging: run.inputs.staging,
        git: run.git,
        baseSha: pr.baseSha,
        baseRef: pr.baseRef,
        repeats: run.inputs.repeats,
        minScore: run.inputs.minScore,
        maxRegression: run.inputs.maxRegression,
        confidence: run.inputs.confidence,
        maxRepeats: run.inputs.maxRepeats,
        maxErrored: run.inputs.maxErrored,
        github,
        prNumber: pr.number,
        log: (line) => info(line)
      })
    );
    results.push(result);
    if (github) await publishScoreStatus(github, pr.headSha, space, run.inputs.backend, result);
    logScore(result.head, result.base);
    for (const failure of result.failures) info(`${space}: the check fails: ${failure}`);
    await summary.addRaw(result.markdown).write();
  }
  const single = results.length === 1 ? results[0] : void 0;
  if (single) {
    setCardOutputs(single.head);
    if (single.base) {
      setOutput("base-score", single.base.totals.all.score.toFixed(4));
      setOutput("delta", (single.head.totals.all.score - single.base.totals.all.score).toFixed(4));
    }
    if (single.comment) setOutput("comment-url", single.comment.url);
    setOutput("verdict", single.gate.verdict);
    if (single.gate.comparison) setOutput("p-value", single.gate.comparison.test.pWorse.toPrecision(4));
  }
  setOutput("stale", String(results.some((r) => r.staleNote !== void 0)));
  const unsure = results.filter((r) => r.inconclusive);
  setOutput("inconclusive", String(unsure.length > 0));
  for (const r of unsure)
    warning(`${r.space}: ${r.inconclusive?.message}`, { title: "genie-gitops: score check inconclusive" });
  setOutput("spaces", JSON.stringify(spaces));
  const failures = results.flatMap((r) => r.failures.map((f) => `${r.space}: ${f}`));
  return failures.length ? { failure: failures.join("; ") } : {};
}
async function publishScoreStatus(github, sha, space, backend, result) {
  const t = result.head.totals;
  try {
    await github.setCommitStatus(sha, {
      state: result.failures.length ? "failure" : result.inconclusive ? "error" : "success",
      context: scoreStatusContext(space, backend),
      description: `score ${pct(t.all.score)} (${t.all.passed}/${t.all.answered}), train ${pct(t.train.score)}, holdout ${pct(t.holdout.score)}`
    });
  } catch (error) {
    warning(
      `${space}: could not publish the score as a commit status (${messageOf(error)}); deploy then finds no baseline for this config unless the scorecard cache is shared. Grant statuses: write.`
    );
  }
}
export {
  runScore,
  spacesTouchedByPr
};
