import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  backendOption
} from "./chunk-BLCXI765.js";
import "./chunk-2IJHNQCW.js";
import "./chunk-DTHPFF6N.js";
import "./chunk-I525QUES.js";
import "./chunk-EZP4HJED.js";
import {
  SCORE,
  dataOf,
  parseCommandArgs
} from "./chunk-EPEBURQV.js";
import {
  numberOption
} from "./chunk-LSOMVX3T.js";
import "./chunk-VDN3VUND.js";
import "./chunk-K7TKUAUP.js";
import "./chunk-YUT4RWDR.js";
import {
  renderScorecardMarkdown,
  renderScorecardText,
  renderTotalsLine
} from "./chunk-OK3RSAYV.js";
import {
  SCORERS,
  renderAgreementMarkdown,
  scorerCommand
} from "./chunk-54656NTY.js";
import {
  DEFAULT_MAX_ERRORED,
  inconclusiveVerdict
} from "./chunk-M655HBCG.js";
import "./chunk-NHHR2HFI.js";
import "./chunk-US2RYU4E.js";
import {
  minScoreFailure
} from "./chunk-QWGNB65Z.js";
import "./chunk-OBC2LCYV.js";
import "./chunk-MBZJZHDO.js";
import "./chunk-3YQJKESU.js";
import "./chunk-THICYPHM.js";
import "./chunk-PXHFY66S.js";
import {
  parseStaging
} from "./chunk-EF4L5O5C.js";
import "./chunk-PFNWRXII.js";
import "./chunk-UNMHX7W3.js";
import "./chunk-IHHUWFZN.js";
import "./chunk-GOA4DWPX.js";
import "./chunk-SD433YDN.js";
import "./chunk-5G2X2JKW.js";
import "./chunk-6CTQWAUY.js";
import "./chunk-2YFC7YIM.js";
import {
  writeFileAtomic
} from "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import {
  ConfigError
} from "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/cli/score-command.ts
import path from "node:path";
function progressLine(e, repeats) {
  const outcome = e.broken ? "broken benchmark (expected SQL failed)" : e.errored ? "errored (no answer after retries)" : e.passed ? "pass" : `fail (${e.category ?? e.verdict ?? "no result"})`;
  return `[${e.done}/${e.total}] ${e.id}${repeats > 1 ? ` #${e.repeat}` : ""} ${outcome} ${Math.round(e.durationMs)}ms`;
}
async function runScore(args, io) {
  const values = parseCommandArgs(SCORE, args);
  const space = values.space;
  const minScore = numberOption(values["min-score"], "--min-score", { fraction: true });
  const repeats = numberOption(values.repeats, "--repeats", { min: 1, integer: true });
  const maxErrored = numberOption(values["max-errored"], "--max-errored", { fraction: true }) ?? DEFAULT_MAX_ERRORED;
  const scorer = values.scorer ?? "ours";
  if (!SCORERS.includes(scorer))
    throw new ConfigError(`--scorer must be ours, genie-eval or both (got ${scorer})`, "e.g. --scorer both");
  const scored = await scorerCommand({
    scorer,
    layout: { bundleTarget: values.target },
    dataFile: dataOf(values.data, io),
    root: path.resolve(io.cwd, values.root ?? "."),
    space,
    backend: backendOption(values.backend),
    staging: parseStaging(values.staging),
    repeats,
    concurrency: numberOption(values.concurrency, "--concurrency", { min: 1, integer: true }),
    questionsPerMinute: numberOption(values.qpm, "--qpm", { min: 0.1 }),
    noise: numberOption(values.noise, "--noise", { fraction: true }),
    seed: numberOption(values.seed, "--seed", { integer: true }),
    onProgress: values.quiet ? void 0 : (e) => io.err(progressLine(e, repeats ?? 1))
  });
  const card = scored.primary;
  if (values.json) writeFileAtomic(path.resolve(io.cwd, values.json), `${JSON.stringify(card, null, 2)}
`);
  if (values.markdown) writeFileAtomic(path.resolve(io.cwd, values.markdown), renderScorecardMarkdown(card));
  io.out(values.quiet ? renderTotalsLine(card) : renderScorecardText(card));
  if (scored.genie && scored.ours && scored.agreement)
    io.out(renderAgreementMarkdown(space, scored.ours, scored.genie, scored.agreement));
  const inconclusive = inconclusiveVerdict([{ label: space, card }], maxErrored);
  if (inconclusive) {
    io.err(`warning: ${inconclusive.message}`);
    return 0;
  }
  const belowMin = minScoreFailure(card.totals.all.score, minScore, "--min-score");
  if (belowMin) {
    io.err(`error: ${belowMin}`);
    return 1;
  }
  return 0;
}
export {
  progressLine,
  runScore
};
