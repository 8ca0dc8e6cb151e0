import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  AUTO_ROLLBACK_MODES,
  VERIFY_MODES
} from "./chunk-LDAN2STI.js";
import "./chunk-4M7ZRCS6.js";
import "./chunk-KFRJW6DD.js";
import {
  createBackendOpener,
  parseBackend
} from "./chunk-2IJHNQCW.js";
import "./chunk-DTHPFF6N.js";
import "./chunk-I525QUES.js";
import "./chunk-EZP4HJED.js";
import {
  durationOption,
  numberOption
} from "./chunk-LSOMVX3T.js";
import "./chunk-VDN3VUND.js";
import {
  SecretScrubber
} from "./chunk-K7TKUAUP.js";
import {
  annotate
} from "./chunk-UNOROZ26.js";
import "./chunk-EJQUJTOD.js";
import "./chunk-YUT4RWDR.js";
import "./chunk-IGYCMOL5.js";
import {
  SCORERS
} from "./chunk-54656NTY.js";
import "./chunk-M655HBCG.js";
import {
  SYNC_BENCHMARK_MODES
} from "./chunk-NHHR2HFI.js";
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
  getInput,
  info,
  setFailed,
  setOutput,
  setSecret
} from "./chunk-DSJGBVOR.js";
import {
  listSpaces,
  validateSpaceName
} from "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import {
  GenieGitopsError,
  ValidationError
} from "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/action/main.ts
import path from "node:path";

// src/action/local-run.ts
function createLocalRun(root, inputs, env, secrets) {
  const backend = createBackendOpener({ backend: inputs.backend, env, secrets });
  return { root, inputs, env, backend, secrets, layout: { bundleTarget: inputs.bundleTarget } };
}

// src/action/inputs.ts
var INPUT = {
  command: "command",
  space: "space",
  all: "all",
  changedOnly: "changed-only",
  backend: "backend",
  repeats: "repeats",
  minScore: "min-score",
  maxRegression: "max-regression",
  confidence: "confidence",
  maxRepeats: "max-repeats",
  maxErrored: "max-errored",
  maxIterations: "max-iterations",
  targetScore: "target-score",
  maxRegressions: "max-regressions",
  maxGenieQuestions: "max-genie-questions",
  timeBudget: "time-budget",
  allowTaughtExamples: "allow-taught-examples",
  analyst: "analyst",
  onDrift: "on-drift",
  staging: "staging",
  githubToken: "github-token",
  baseBranch: "base-branch",
  workingDirectory: "working-directory",
  databricksHost: "databricks-host",
  databricksToken: "databricks-token",
  databricksClientId: "databricks-client-id",
  databricksClientSecret: "databricks-client-secret",
  databricksAuthType: "databricks-auth-type",
  llmProvider: "llm-provider",
  llmModel: "llm-model",
  llmBaseUrl: "llm-base-url",
  llmEndpoint: "llm-endpoint",
  minQuality: "min-quality",
  bundleTarget: "bundle-target",
  verify: "verify",
  verifySample: "verify-sample",
  autoRollback: "auto-rollback",
  syncBenchmarks: "sync-benchmarks",
  scorer: "scorer"
};
var COMMANDS = ["validate", "score", "enhance", "deploy", "export", "lint", "list-spaces"];
function optional(name) {
  const value = getInput(name).trim();
  return value === "" ? void 0 : value;
}
function oneOf(name, value, allowed, fallback) {
  const v = value ?? fallback;
  if (allowed.includes(v)) return v;
  throw new GenieGitopsError(`input ${name} '${v}' is not supported`, `set ${name} to one of: ${allowed.join(", ")}`);
}
function booleanInput(name) {
  const value = optional(name)?.toLowerCase();
  if (value === void 0 || value === "false") return false;
  if (value === "true") return true;
  throw new GenieGitopsError(`input ${name} '${value}' is not a boolean`, `set ${name} to true or false`);
}
function readInputs() {
  const command = oneOf(INPUT.command, optional(INPUT.command), COMMANDS, "score");
  const space = optional(INPUT.space);
  const envFrom = [
    [INPUT.databricksHost, "DATABRICKS_HOST"],
    [INPUT.databricksToken, "DATABRICKS_TOKEN"],
    [INPUT.databricksClientId, "DATABRICKS_CLIENT_ID"],
    [INPUT.databricksClientSecret, "DATABRICKS_CLIENT_SECRET"],
    [INPUT.databricksAuthType, "DATABRICKS_AUTH_TYPE"],
    [INPUT.llmProvider, "GENIE_GITOPS_LLM_PROVIDER"],
    [INPUT.llmModel, "GENIE_GITOPS_LLM_MODEL"],
    [INPUT.llmBaseUrl, "OPENAI_BASE_URL"],
    [INPUT.llmEndpoint, "GENIE_GITOPS_SERVING_ENDPOINT"]
  ];
  const env = {};
  for (const [input, variable] of envFrom) {
    const value = optional(input);
    if (value !== void 0) env[variable] = value;
  }
  const githubToken = optional(INPUT.githubToken);
  const secrets = [githubToken, env.DATABRICKS_TOKEN, env.DATABRICKS_CLIENT_SECRET].filter(
    (s) => Boolean(s)
  );
  return {
    command,
    space: space === "all" || space === void 0 ? void 0 : validateSpaceName(space),
    all: space === "all" || booleanInput(INPUT.all),
    changedOnly: booleanInput(INPUT.changedOnly),
    backend: parseBackend(optional(INPUT.backend)),
    repeats: numberOption(optional(INPUT.repeats), INPUT.repeats, { min: 1, integer: true }),
    minScore: numberOption(optional(INPUT.minScore), INPUT.minScore, { fraction: true }),
    maxRegression: numberOption(optional(INPUT.maxRegression), INPUT.maxRegression, { fraction: true }),
    confidence: numberOption(optional(INPUT.confidence), INPUT.confidence, { min: 0.5, max: 0.999 }),
    maxRepeats: numberOption(optional(INPUT.maxRepeats), INPUT.maxRepeats, { min: 0, max: 20, integer: true }),
    maxErrored: numberOption(optional(INPUT.maxErrored), INPUT.maxErrored, { fraction: true }),
    maxIterations: numberOption(optional(INPUT.maxIterations), INPUT.maxIterations, { min: 1, integer: true }),
    targetScore: numberOption(optional(INPUT.targetScore), INPUT.targetScore, { fraction: true }),
    maxRegressions: numberOption(optional(INPUT.maxRegressions), INPUT.maxRegressions, { min: 0, integer: true }),
    maxGenieQuestions: numberOption(optional(INPUT.maxGenieQuestions), INPUT.maxGenieQuestions, {
      min: 1,
      integer: true
    }),
    timeBudgetMs: durationOption(optional(INPUT.timeBudget), INPUT.timeBudget),
    allowTaughtExamples: booleanInput(INPUT.allowTaughtExamples),
    analyst: oneOf(INPUT.analyst, optional(INPUT.analyst), ["rules", "llm"], "rules"),
    onDrift: oneOf(INPUT.onDrift, optional(INPUT.onDrift), ["fail", "overwrite"], "fail"),
    staging: parseStaging(optional(INPUT.staging), INPUT.staging),
    githubToken,
    baseBranch: optional(INPUT.baseBranch),
    workingDirectory: optional(INPUT.workingDirectory) ?? ".",
    minQuality: numberOption(optional(INPUT.minQuality), INPUT.minQuality, { min: 0, max: 100 }),
    bundleTarget: optional(INPUT.bundleTarget),
    verify: oneOf(INPUT.verify, optional(INPUT.verify), VERIFY_MODES, "smoke"),
    verifySample: numberOption(optional(INPUT.verifySample), INPUT.verifySample, { min: 1, integer: true }),
    autoRollback: oneOf(INPUT.autoRollback, optional(INPUT.autoRollback), AUTO_ROLLBACK_MODES, "pr"),
    syncBenchmarks: oneOf(INPUT.syncBenchmarks, optional(INPUT.syncBenchmarks), SYNC_BENCHMARK_MODES, "none"),
    scorer: oneOf(INPUT.scorer, optional(INPUT.scorer), SCORERS, "ours"),
    env,
    secrets
  };
}

// src/action/main.ts
var LOCAL_RUNNERS = {
  validate: async () => (await import("./run-validate-DDPAKR52.js")).runValidate,
  lint: async () => (await import("./run-lint-G7B4A2XJ.js")).runLint
};
var RUNNERS = {
  score: async () => (await import("./run-score-2FV3CQ4P.js")).runScore,
  enhance: async () => (await import("./run-enhance-DH3WTQM3.js")).runEnhance,
  deploy: async () => (await import("./run-deploy-HBMKJYTL.js")).runDeploy,
  export: async () => (await import("./run-export-OA62SVXI.js")).runExport,
  "list-spaces": async () => listSpacesOutput
};
async function listSpacesOutput(run2) {
  const pr = run2.context.pullRequest;
  const spaces = run2.inputs.changedOnly && pr ? await (await import("./run-score-2FV3CQ4P.js")).spacesTouchedByPr(run2, pr) : listSpaces(run2.root, run2.layout);
  setOutput("spaces", JSON.stringify(spaces));
  info(`spaces: ${spaces.join(", ") || "none"}`);
  return {};
}
async function runCommand(command, local) {
  if (command === "validate" || command === "lint") return (await LOCAL_RUNNERS[command]())(local);
  const [{ createActionRun }, { readGitHubContext }] = await Promise.all([
    import("./action-run-WTXVD2L3.js"),
    import("./github-context-Q5O3DRZU.js")
  ]);
  return (await RUNNERS[command]())(createActionRun(local, readGitHubContext()));
}
async function run() {
  try {
    const inputs = readInputs();
    const secrets = new SecretScrubber((secret) => setSecret(secret));
    for (const secret of inputs.secrets) {
      setSecret(secret);
      setSecret(Buffer.from(`x-access-token:${secret}`, "utf8").toString("base64"));
    }
    const env = { ...process.env, ...inputs.env };
    const root = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.workingDirectory);
    const outcome = await runCommand(inputs.command, createLocalRun(root, inputs, env, secrets));
    if (outcome.failure) setFailed(outcome.failure);
  } catch (error) {
    if (error instanceof ValidationError) {
      annotate(error.issues);
      setFailed(`${error.issues.length} validation problem(s)${error.hint ? `: ${error.hint}` : ""}`);
    } else if (error instanceof GenieGitopsError) {
      setFailed(error.hint ? `${error.message} (${error.hint})` : error.message);
    } else {
      setFailed(error instanceof Error ? error.stack ?? error.message : String(error));
    }
  }
}
export {
  run
};
