import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  ConfigError
} from "./chunk-IX2IGMNH.js";

// src/cli/args.ts
import path from "node:path";
import { parseArgs } from "node:util";
var NUMBER_LIKE = /^-(\d|\.\d)/;
function dataOf(value, io) {
  if (value === void 0 || value === "demo") return value;
  return path.resolve(io.cwd, value);
}
function wantsHelp(args) {
  for (const arg of args) {
    if (arg === "--") return false;
    if (arg === "-h" || arg === "--help") return true;
  }
  return false;
}
function parseCommandArgs(spec, args) {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, multiple: o.multiple ?? false }])
  );
  const { values, tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true
  });
  const seeHelp = `run genie-gitops ${spec.name} --help for its options`;
  for (const token of tokens) {
    if (token.kind === "positional") {
      throw new ConfigError(`${spec.name} takes no argument ${JSON.stringify(token.value)}`, seeHelp);
    }
    if (token.kind !== "option") continue;
    const option = spec.options[token.name];
    if (!option) {
      const close = closestOption(token.name, Object.keys(spec.options));
      throw new ConfigError(
        `unknown option ${token.rawName} for ${spec.name}`,
        close ? `did you mean --${close}? (${seeHelp})` : seeHelp
      );
    }
    const example = `e.g. --${token.name} ${option.value ?? "VALUE"}`;
    if (option.type === "boolean") {
      if (token.value !== void 0)
        throw new ConfigError(`--${token.name} takes no value`, `write just --${token.name}`);
    } else if (token.value === void 0) {
      throw new ConfigError(`--${token.name} needs a value`, example);
    } else if (!token.inlineValue && token.value.startsWith("-") && !NUMBER_LIKE.test(token.value)) {
      throw new ConfigError(`--${token.name} needs a value, got the option ${token.value}`, example);
    }
  }
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.required && values[name] === void 0)
      throw new ConfigError(
        `--${name} is required`,
        option.requiredHint ?? `e.g. --${name} ${option.value ?? "VALUE"}`
      );
  }
  return values;
}
function closestOption(name, known) {
  let best;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}
function editDistance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

// src/cli/command-spec.ts
function defineCommand(spec) {
  return spec;
}
function optionUsage(name, option) {
  return option.type === "boolean" ? `--${name}` : `--${name} ${option.value ?? "VALUE"}`;
}
function synopsis(spec) {
  if (spec.usage) return `genie-gitops ${spec.name} ${spec.usage}`;
  const parts = Object.entries(spec.options).filter(([, o]) => o.inSynopsis !== false).map(([name, o]) => o.required ? optionUsage(name, o) : `[${optionUsage(name, o)}]`);
  return `genie-gitops ${spec.name} ${parts.join(" ")}`.trimEnd();
}
function renderCommandHelp(spec) {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const left = `  ${optionUsage(name, o)}`;
    const extra = [o.required ? "required" : "", o.default !== void 0 ? `default: ${o.default}` : ""].filter(Boolean).join("; ");
    return { left, right: extra ? `${o.description} (${extra})` : o.description };
  });
  rows.push({ left: "  -h, --help", right: "show this help" });
  const width = Math.min(34, Math.max(...rows.map((r) => r.left.length)) + 2);
  const lines = rows.map(
    (r) => r.left.length + 2 > width ? `${r.left}
${" ".repeat(width)}${r.right}` : `${r.left.padEnd(width)}${r.right}`
  );
  return [
    `usage: ${synopsis(spec)}`,
    "",
    spec.summary,
    "",
    "options:",
    ...lines,
    ...spec.notes?.length ? ["", ...spec.notes] : [],
    "",
    "example:",
    `  ${spec.example}`
  ].join("\n");
}

// src/cli/command-specs.ts
var root = {
  type: "string",
  value: "DIR",
  default: "the current directory",
  description: "the repository root, which holds spaces/ and benchmarks/"
};
var space = {
  type: "string",
  value: "NAME",
  required: true,
  requiredHint: "name a folder under spaces/, e.g. --space demo",
  description: "the space: the folder spaces/NAME/ and the file benchmarks/NAME.yml"
};
var backend = {
  type: "string",
  value: "local|databricks",
  default: "local",
  description: "local: the embedded warehouse and Genie engine; databricks: the workspace in DATABRICKS_HOST"
};
var bundleTarget = {
  type: "string",
  value: "T",
  description: "the databricks.yml target (environment) bundle-declared spaces are read for (default: its default target)"
};
var data = {
  type: "string",
  value: "FILE",
  description: "local backend: the data for this run (a .sqlite/.db or .sql file anywhere, or 'demo'), instead of local.data in target.yml"
};
var staging = {
  type: "string",
  value: "temporary|shared",
  default: "target.yml's staging, else temporary",
  description: "databricks backend: 'temporary' scores in a space created for the run and trashed after it; 'shared' uses staging_space_id of target.yml, checked before each question"
};
var quiet = { type: "boolean", description: "print only the totals, no progress or per-question rows" };
var VALIDATE = defineCommand({
  name: "validate",
  summary: "Check every space file, target.yml and benchmark file and report every problem (file, JSON path or line, fix); exit 1 on any.",
  options: {
    space: { ...space, required: false, description: "check one space (default: every folder under spaces/)" },
    execute: {
      type: "boolean",
      description: "also run each benchmark's expected SQL once on the warehouse and report the ones that fail"
    },
    backend: { ...backend, description: `where --execute runs the SQL: ${backend.description}` },
    data,
    target: bundleTarget,
    root
  },
  example: "genie-gitops validate --space demo --execute"
});
var SCORE = defineCommand({
  name: "score",
  summary: "Ask every benchmark question of a space, compare Genie's results with the expected SQL's, print the scorecard (score = passed / answered; errored questions are counted apart).",
  options: {
    space,
    backend,
    repeats: { type: "string", value: "N", default: "1", description: "times each question is asked" },
    concurrency: { type: "string", value: "N", default: "4", description: "questions in flight at once" },
    qpm: {
      type: "string",
      value: "N",
      default: "unlimited",
      description: "questions per minute; the databricks backend also keeps to GENIE_GITOPS_QPM, 5 unless set"
    },
    noise: {
      type: "string",
      value: "P",
      default: "0",
      description: "local engine only: probability (0..1) of a second-best reading, for flakiness tests"
    },
    seed: { type: "string", value: "N", description: "seed of --noise" },
    "min-score": {
      type: "string",
      value: "X",
      description: "exit 1 when the score is below X, a fraction from 0 to 1 (0.8 means 80%)"
    },
    "max-errored": {
      type: "string",
      value: "X",
      default: "0.1",
      description: "above this share (a fraction 0..1) of errored questions (no answer after retries) the result is inconclusive: exit 0 with a warning, --min-score not applied"
    },
    json: { type: "string", value: "FILE", description: "write the scorecard JSON (only when the run completes)" },
    markdown: {
      type: "string",
      value: "FILE",
      description: "write the scorecard Markdown (only when the run completes)"
    },
    scorer: {
      type: "string",
      value: "ours|genie-eval|both",
      default: "ours",
      description: "ours (our result comparison), genie-eval (Genie's own eval runs, Beta: databricks backend or serve), or both side by side with their agreement rate"
    },
    quiet,
    staging,
    data,
    target: bundleTarget,
    root
  },
  example: "genie-gitops score --space demo --repeats 3 --min-score 0.8"
});
var ENHANCE = defineCommand({
  name: "enhance",
  summary: "Improve a space config from its failing train questions: propose fixes, score them, keep what helps; write space.json and lessons.",
  options: {
    space,
    backend,
    analyst: { type: "string", value: "rules|llm", default: "rules", description: "who proposes fixes" },
    "max-iterations": { type: "string", value: "N", default: "10", description: "stop after N iterations" },
    "target-score": {
      type: "string",
      value: "X",
      default: "1",
      description: "stop once the train-untaught score (train questions the config does not teach) reaches X (0..1)"
    },
    "max-regressions": {
      type: "string",
      value: "N",
      default: "0",
      description: "roll back an iteration that makes more than N passing questions (train or holdout) fail"
    },
    "allow-taught-examples": {
      type: "boolean",
      description: "let example queries copy benchmark questions (reported as taught; off by default)"
    },
    confidence: {
      type: "string",
      value: "C",
      default: "0.95",
      description: "keep an iteration only when its gain is significant at confidence C (0.5..0.999)"
    },
    "max-repeats": {
      type: "string",
      value: "N",
      default: "3",
      description: "re-ask questions that disagree between configs up to N more times each (0..20)"
    },
    "max-genie-questions": {
      type: "string",
      value: "N",
      description: "stop before asking Genie more than N questions (the final full scoring included); the run keeps its last confirmed iteration"
    },
    "time-budget": {
      type: "string",
      value: "DURATION",
      description: "stop before the run takes longer than this (e.g. 90m, 1h30m, 45s), keeping its last confirmed iteration"
    },
    "no-screening": {
      type: "boolean",
      description: "score every candidate on the whole benchmark instead of screening it on the questions it can change"
    },
    "no-cache": {
      type: "boolean",
      description: "do not reuse answers kept by earlier runs (.genie-gitops/cache/answers)"
    },
    "dry-run": { type: "boolean", description: "change no file; print what would change" },
    json: { type: "string", value: "FILE", description: "write scorecards, iterations, fixes and patches as JSON" },
    markdown: { type: "string", value: "FILE", description: "write the pull request body" },
    quiet: { type: "boolean", description: "print only the before/after totals" },
    "llm-provider": {
      type: "string",
      value: "openai|databricks",
      description: "llm analyst: an OpenAI-compatible endpoint or a Databricks serving endpoint"
    },
    "llm-model": { type: "string", value: "M", description: "llm analyst: the model (or GENIE_GITOPS_LLM_MODEL)" },
    "llm-base-url": { type: "string", value: "URL", description: "llm analyst: the base URL (or OPENAI_BASE_URL)" },
    "llm-endpoint": {
      type: "string",
      value: "NAME",
      description: "llm analyst: the serving endpoint (or GENIE_GITOPS_SERVING_ENDPOINT)"
    },
    "llm-timeout-ms": { type: "string", value: "MS", default: "60000", description: "llm analyst: limit on one call" },
    staging,
    data,
    target: bundleTarget,
    root
  },
  notes: [
    "environment: OPENAI_API_KEY, or DATABRICKS_HOST with DATABRICKS_TOKEN (or OAuth) for --llm-provider databricks"
  ],
  example: "genie-gitops enhance --space demo --dry-run --markdown pr-body.md"
});
var INIT = defineCommand({
  name: "init",
  summary: "Write a thin spaces/NAME/space.json (tables and columns only) and target.yml from a SQLite file or .sql script (or the demo data).",
  options: {
    space: { ...space, requiredHint: "name the new space, e.g. --space sales" },
    backend: { ...backend, value: "local", description: "init reads a local database only" },
    "from-sqlite": { type: "string", value: "FILE", description: "a SQLite database file" },
    "from-sql": { type: "string", value: "FILE", description: "a .sql script of CREATE TABLE and INSERT statements" },
    force: { type: "boolean", description: "overwrite an existing space.json and target.yml" },
    root
  },
  notes: ["Without --from-sqlite or --from-sql it uses the generated demo data (and says so)."],
  example: "genie-gitops init --space shop --from-sqlite data/shop.sqlite"
});
var IMPORT_BENCHMARKS = defineCommand({
  name: "import-benchmarks",
  summary: "Convert question/SQL Markdown (a heading or Q: line, then a ```sql block) into benchmarks/NAME.yml.",
  options: {
    space,
    from: { type: "string", value: "FILE.md", required: true, description: "the Markdown file" },
    force: { type: "boolean", description: "replace an existing benchmarks/NAME.yml" },
    root
  },
  example: "genie-gitops import-benchmarks --space shop --from docs/questions.md"
});
var DEPLOY = defineCommand({
  name: "deploy",
  summary: "Apply space configs to their live spaces, with a drift guard against the last successful deployment (a GitHub deployment, or .genie-gitops/state/deployments/ locally).",
  usage: "(--space NAME... | --all | --before SHA [--after SHA]) [--backend local|databricks] [--on-drift fail|overwrite] [--verify full|smoke|none] [--sync-benchmarks none|train|all] [--root DIR]",
  options: {
    space: { type: "string", value: "NAME", multiple: true, description: "a space to deploy (repeatable)" },
    all: { type: "boolean", description: "every space under spaces/" },
    before: { type: "string", value: "SHA", description: "deploy the spaces changed in SHA..--after" },
    after: { type: "string", value: "SHA", default: "HEAD", description: "the end of the --before range" },
    backend,
    "on-drift": {
      type: "string",
      value: "fail|overwrite",
      default: "fail",
      description: "what to do when the live space was edited outside git"
    },
    verify: {
      type: "string",
      value: "full|smoke|none",
      default: "smoke",
      description: "after deploying, score the live space: smoke asks a fixed stratified sample, full every benchmark; compared with the score the merged config earned before the merge"
    },
    "verify-sample": { type: "string", value: "N", default: "10", description: "questions in the smoke sample" },
    "max-regression": {
      type: "string",
      value: "X",
      default: "0.05",
      description: "a live score significantly lower than expected by more than X (a fraction) is a regression"
    },
    "max-errored": {
      type: "string",
      value: "X",
      default: "0.1",
      description: "above this share of errored live questions the verification is inconclusive (never a rollback)"
    },
    "auto-rollback": {
      type: "string",
      value: "push|off",
      default: "off",
      description: "on a regression, push a revert of the deployed commit to the current branch (push); the action can open a rollback PR instead"
    },
    "sync-benchmarks": {
      type: "string",
      value: "none|train|all",
      default: "none",
      description: "write benchmarks/NAME.yml into the live space's benchmarks.questions (Genie's Benchmarks tab)"
    },
    target: bundleTarget,
    root
  },
  example: "genie-gitops deploy --before HEAD~1 --backend databricks"
});
var EXPORT = defineCommand({
  name: "export",
  summary: "Write a live space canonically to spaces/NAME/space.json (needs the space's target.yml).",
  usage: "(--space NAME | --all) [--backend local|databricks] [--root DIR]",
  options: {
    space: { type: "string", value: "NAME", description: "the space to export" },
    all: { type: "boolean", description: "every space under spaces/ with a target.yml" },
    backend,
    target: bundleTarget,
    root
  },
  example: "genie-gitops export --space demo --backend databricks"
});
var SERVE = defineCommand({
  name: "serve",
  summary: "Run a loopback emulator of the Databricks REST API over the local backend (point DATABRICKS_HOST at it).",
  options: {
    port: { type: "string", value: "P", default: "0 (a free port)", description: "the port on 127.0.0.1" },
    "latency-ms": { type: "string", value: "MS", default: "0", description: "added latency per Genie answer" },
    qpm: { type: "string", value: "N", default: "unlimited", description: "questions per minute before HTTP 429" },
    "fault-rate": { type: "string", value: "P", default: "0", description: "fraction (0..1) of requests that fail" },
    "fault-after-rate": {
      type: "string",
      value: "P",
      default: "0",
      description: "fraction (0..1) of handled requests whose answer is lost (the change is made, the reply dropped)"
    },
    "stuck-rate": {
      type: "string",
      value: "P",
      default: "0",
      description: "fraction (0..1) of messages that never finish"
    },
    token: { type: "string", value: "T", default: "a printed dev token", description: "the bearer token it accepts" },
    "client-id": { type: "string", value: "ID", description: "OAuth client id it accepts" },
    "client-secret": { type: "string", value: "S", description: "OAuth client secret it accepts" },
    "subject-token": { type: "string", value: "T", description: "GitHub OIDC subject token it accepts" },
    seed: { type: "string", value: "N", description: "seed of the fault injection" },
    root
  },
  example: "genie-gitops serve --port 8765 --qpm 5"
});
var LINT = defineCommand({
  name: "lint",
  summary: "Check space configs against Genie's documented practices and limits with no Genie or warehouse call; print findings and a 0-100 quality score.",
  options: {
    space: { type: "string", value: "NAME", multiple: true, description: "a space to lint (repeatable; default: all)" },
    all: { type: "boolean", description: "every space of the repository (the default)" },
    json: { type: "string", value: "FILE", description: "write the findings and quality as JSON" },
    markdown: { type: "string", value: "FILE", description: "write the findings as Markdown" },
    "min-quality": {
      type: "string",
      value: "X",
      description: "exit 1 when a quality score is below X, in points from 0 to 100 (not a fraction)"
    },
    "list-checks": { type: "boolean", description: "print every check, one per line: id, severity, title" },
    fix: { type: "boolean", description: "apply the mechanical fixes to the config file (the patch goes to --json)" },
    warehouse: { type: "boolean", description: "also run the checks that need data (value-dictionary cardinality)" },
    backend: { ...backend, description: `where --warehouse reads data: ${backend.description}` },
    quiet: { type: "boolean", description: "print only the quality line of each space" },
    target: bundleTarget,
    root
  },
  example: "genie-gitops lint --space demo --min-quality 60"
});
var LIST_SPACES = defineCommand({
  name: "list-spaces",
  summary: "List every space of the repository (folders under spaces/ and genie_spaces in databricks.yml).",
  options: {
    json: { type: "boolean", description: "print the names as a JSON array" },
    target: bundleTarget,
    root
  },
  example: "genie-gitops list-spaces --json"
});
var COMMAND_SPECS = [
  VALIDATE,
  SCORE,
  ENHANCE,
  INIT,
  IMPORT_BENCHMARKS,
  DEPLOY,
  EXPORT,
  LINT,
  LIST_SPACES,
  SERVE
];

export {
  dataOf,
  wantsHelp,
  parseCommandArgs,
  synopsis,
  renderCommandHelp,
  VALIDATE,
  SCORE,
  ENHANCE,
  INIT,
  IMPORT_BENCHMARKS,
  DEPLOY,
  EXPORT,
  SERVE,
  LINT,
  LIST_SPACES,
  COMMAND_SPECS
};
