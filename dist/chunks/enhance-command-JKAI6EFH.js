import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  enhanceCommand,
  llmAnalystFrom
} from "./chunk-LFLAYVHA.js";
import {
  renderEnhanceMarkdown
} from "./chunk-KFRJW6DD.js";
import {
  backendOption
} from "./chunk-BLCXI765.js";
import "./chunk-2IJHNQCW.js";
import "./chunk-DTHPFF6N.js";
import "./chunk-I525QUES.js";
import "./chunk-EZP4HJED.js";
import {
  ENHANCE,
  dataOf,
  parseCommandArgs
} from "./chunk-EPEBURQV.js";
import {
  durationOption,
  numberOption
} from "./chunk-LSOMVX3T.js";
import "./chunk-VDN3VUND.js";
import "./chunk-G2KRRSCE.js";
import {
  SecretScrubber
} from "./chunk-K7TKUAUP.js";
import "./chunk-XK4MYMYO.js";
import "./chunk-EJQUJTOD.js";
import "./chunk-YUT4RWDR.js";
import "./chunk-53C2HTLV.js";
import "./chunk-US2RYU4E.js";
import "./chunk-QWGNB65Z.js";
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
  repoPaths,
  writeFileAtomic
} from "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import {
  ConfigError
} from "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/cli/enhance-command.ts
import path from "node:path";
async function runEnhance(args, io) {
  const values = parseCommandArgs(ENHANCE, args);
  const analyst = values.analyst ?? "rules";
  if (analyst !== "rules" && analyst !== "llm")
    throw new ConfigError(`--analyst must be rules or llm (got ${analyst})`, "e.g. --analyst rules");
  const provider = values["llm-provider"];
  if (provider !== void 0 && provider !== "openai" && provider !== "databricks")
    throw new ConfigError(
      `--llm-provider must be openai or databricks (got ${provider})`,
      "e.g. --llm-provider openai"
    );
  const llmSettings = {
    provider,
    model: values["llm-model"],
    baseUrl: values["llm-base-url"],
    endpoint: values["llm-endpoint"]
  };
  const secrets = new SecretScrubber();
  const result = await enhanceCommand({
    layout: { bundleTarget: values.target },
    dataFile: dataOf(values.data, io),
    root: path.resolve(io.cwd, values.root ?? "."),
    space: values.space,
    backend: backendOption(values.backend, secrets),
    staging: parseStaging(values.staging),
    analyst,
    llmAnalyst: analyst === "llm" ? llmAnalystFrom(
      llmSettings,
      process.env,
      {
        timeoutMs: numberOption(values["llm-timeout-ms"], "--llm-timeout-ms", { min: 1, integer: true })
      },
      secrets
    ) : void 0,
    maxIterations: numberOption(values["max-iterations"], "--max-iterations", { min: 1, integer: true }),
    targetScore: numberOption(values["target-score"], "--target-score", { fraction: true }),
    maxRegressions: numberOption(values["max-regressions"], "--max-regressions", { min: 0, integer: true }),
    allowTaughtExamples: values["allow-taught-examples"] ?? false,
    confidence: numberOption(values.confidence, "--confidence", { min: 0.5, max: 0.999 }),
    maxRepeats: numberOption(values["max-repeats"], "--max-repeats", { min: 0, max: 20, integer: true }),
    maxGenieQuestions: numberOption(values["max-genie-questions"], "--max-genie-questions", { min: 1, integer: true }),
    timeBudgetMs: durationOption(values["time-budget"], "--time-budget"),
    screening: values["no-screening"] ? false : void 0,
    cacheDir: values["no-cache"] ? false : void 0,
    dryRun: values["dry-run"],
    log: values.quiet ? void 0 : (line) => io.err(line)
  });
  const markdown = renderEnhanceMarkdown(result, {
    fullReportHint: values.json ? `the full report is ${values.json}` : void 0
  });
  const { config: _config, startConfig: _start, ...json } = result;
  if (values.json) writeFileAtomic(path.resolve(io.cwd, values.json), `${JSON.stringify(json, null, 2)}
`);
  if (values.markdown) writeFileAtomic(path.resolve(io.cwd, values.markdown), markdown);
  for (const line of summaryLines(result, io.cwd, values.markdown)) io.out(line);
  return 0;
}
function summaryLines(result, cwd, markdownFile) {
  const t = (c) => `train ${(c.totals.train.score * 100).toFixed(1)}%, train-untaught ${(c.totals.trainUntaught.score * 100).toFixed(1)}%, holdout ${(c.totals.holdout.score * 100).toFixed(1)}%`;
  const relative = (file) => path.relative(cwd, path.resolve(cwd, file)) || file;
  const lines = [
    `before: ${t(result.before)}`,
    `after:  ${t(result.after)}`,
    `${result.iterations.filter((i) => i.accepted).length} of ${result.iterations.length} iteration(s) kept; ${result.stopReason}`
  ];
  if (markdownFile) lines.push(`pull request body: ${relative(markdownFile)}`);
  if (result.dryRun) {
    lines.push(
      result.changed ? `dry run: no file changed. To apply: run the same command without --dry-run (writes ${repoPaths.spaceFile(result.space)} and ${repoPaths.lessonsFile(result.space)})` : "dry run: no file changed, and no fix was kept, so there is nothing to apply"
    );
  } else {
    lines.push(`wrote ${result.written.map(relative).join(", ") || "nothing"}`);
  }
  if (result.usesDemoData)
    lines.push(
      "try your own data: genie-gitops init --space mine --from-sqlite FILE.sqlite (or --from-sql FILE.sql), then write benchmarks/mine.yml"
    );
  return lines;
}
export {
  runEnhance,
  summaryLines
};
