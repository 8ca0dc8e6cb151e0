/** Every subcommand's options, defaults and example: the single source of `--help`, the usage and the README check. */
import { defineCommand, type CommandSpec } from './command-spec.js';

const root = {
  type: 'string',
  value: 'DIR',
  default: 'the current directory',
  description: 'the repository root, which holds spaces/ and benchmarks/',
} as const;
const space = {
  type: 'string',
  value: 'NAME',
  required: true,
  requiredHint: 'name a folder under spaces/, e.g. --space demo',
  description: 'the space: the folder spaces/NAME/ and the file benchmarks/NAME.yml',
} as const;
const backend = {
  type: 'string',
  value: 'local|databricks',
  default: 'local',
  description: 'local: the embedded warehouse and Genie engine; databricks: the workspace in DATABRICKS_HOST',
} as const;
const bundleTarget = {
  type: 'string',
  value: 'T',
  description:
    'the databricks.yml target (environment) bundle-declared spaces are read for (default: its default target)',
} as const;
const data = {
  type: 'string',
  value: 'FILE',
  description:
    "local backend: the data for this run (a .sqlite/.db or .sql file anywhere, or 'demo'), instead of local.data in target.yml",
} as const;
const staging = {
  type: 'string',
  value: 'temporary|shared',
  default: "target.yml's staging, else temporary",
  description:
    "databricks backend: 'temporary' scores in a space created for the run and trashed after it; 'shared' uses staging_space_id of target.yml, checked before each question",
} as const;
const quiet = { type: 'boolean', description: 'print only the totals, no progress or per-question rows' } as const;

export const VALIDATE = defineCommand({
  name: 'validate',
  summary:
    'Check every space file, target.yml and benchmark file and report every problem (file, JSON path or line, fix); exit 1 on any.',
  options: {
    space: { ...space, required: false, description: 'check one space (default: every folder under spaces/)' },
    execute: {
      type: 'boolean',
      description: "also run each benchmark's expected SQL once on the warehouse and report the ones that fail",
    },
    backend: { ...backend, description: `where --execute runs the SQL: ${backend.description}` },
    data,
    target: bundleTarget,
    root,
  },
  example: 'genie-gitops validate --space demo --execute',
});

export const SCORE = defineCommand({
  name: 'score',
  summary:
    "Ask every benchmark question of a space, compare Genie's results with the expected SQL's, print the scorecard (score = passed / answered; errored questions are counted apart).",
  options: {
    space,
    backend,
    repeats: { type: 'string', value: 'N', default: '1', description: 'times each question is asked' },
    concurrency: { type: 'string', value: 'N', default: '4', description: 'questions in flight at once' },
    qpm: {
      type: 'string',
      value: 'N',
      default: 'unlimited',
      description: 'questions per minute; the databricks backend also keeps to GENIE_GITOPS_QPM, 5 unless set',
    },
    noise: {
      type: 'string',
      value: 'P',
      default: '0',
      description: 'local engine only: probability (0..1) of a second-best reading, for flakiness tests',
    },
    seed: { type: 'string', value: 'N', description: 'seed of --noise' },
    'min-score': {
      type: 'string',
      value: 'X',
      description: 'exit 1 when the score is below X, a fraction from 0 to 1 (0.8 means 80%)',
    },
    'max-errored': {
      type: 'string',
      value: 'X',
      default: '0.1',
      description:
        'above this share (a fraction 0..1) of errored questions (no answer after retries) the result is inconclusive: exit 0 with a warning, --min-score not applied',
    },
    json: { type: 'string', value: 'FILE', description: 'write the scorecard JSON (only when the run completes)' },
    markdown: {
      type: 'string',
      value: 'FILE',
      description: 'write the scorecard Markdown (only when the run completes)',
    },
    scorer: {
      type: 'string',
      value: 'ours|genie-eval|both',
      default: 'ours',
      description:
        "ours (our result comparison), genie-eval (Genie's own eval runs, Beta: databricks backend or serve), or both side by side with their agreement rate",
    },
    quiet,
    staging,
    data,
    target: bundleTarget,
    root,
  },
  example: 'genie-gitops score --space demo --repeats 3 --min-score 0.8',
});

export const ENHANCE = defineCommand({
  name: 'enhance',
  summary:
    'Improve a space config from its failing train questions: propose fixes, score them, keep what helps; write space.json and lessons.',
  options: {
    space,
    backend,
    analyst: { type: 'string', value: 'rules|llm', default: 'rules', description: 'who proposes fixes' },
    'max-iterations': { type: 'string', value: 'N', default: '10', description: 'stop after N iterations' },
    'target-score': {
      type: 'string',
      value: 'X',
      default: '1',
      description: 'stop once the train-untaught score (train questions the config does not teach) reaches X (0..1)',
    },
    'max-regressions': {
      type: 'string',
      value: 'N',
      default: '0',
      description: 'roll back an iteration that makes more than N passing questions (train or holdout) fail',
    },
    'allow-taught-examples': {
      type: 'boolean',
      description: 'let example queries copy benchmark questions (reported as taught; off by default)',
    },
    confidence: {
      type: 'string',
      value: 'C',
      default: '0.95',
      description: 'keep an iteration only when its gain is significant at confidence C (0.5..0.999)',
    },
    'max-repeats': {
      type: 'string',
      value: 'N',
      default: '3',
      description: 're-ask questions that disagree between configs up to N more times each (0..20)',
    },
    'dry-run': { type: 'boolean', description: 'change no file; print what would change' },
    json: { type: 'string', value: 'FILE', description: 'write scorecards, iterations, fixes and patches as JSON' },
    markdown: { type: 'string', value: 'FILE', description: 'write the pull request body' },
    quiet: { type: 'boolean', description: 'print only the before/after totals' },
    'llm-provider': {
      type: 'string',
      value: 'openai|databricks',
      description: 'llm analyst: an OpenAI-compatible endpoint or a Databricks serving endpoint',
    },
    'llm-model': { type: 'string', value: 'M', description: 'llm analyst: the model (or GENIE_GITOPS_LLM_MODEL)' },
    'llm-base-url': { type: 'string', value: 'URL', description: 'llm analyst: the base URL (or OPENAI_BASE_URL)' },
    'llm-endpoint': {
      type: 'string',
      value: 'NAME',
      description: 'llm analyst: the serving endpoint (or GENIE_GITOPS_SERVING_ENDPOINT)',
    },
    'llm-timeout-ms': { type: 'string', value: 'MS', default: '60000', description: 'llm analyst: limit on one call' },
    staging,
    data,
    target: bundleTarget,
    root,
  },
  notes: [
    'environment: OPENAI_API_KEY, or DATABRICKS_HOST with DATABRICKS_TOKEN (or OAuth) for --llm-provider databricks',
  ],
  example: 'genie-gitops enhance --space demo --dry-run --markdown pr-body.md',
});

export const INIT = defineCommand({
  name: 'init',
  summary:
    'Write a thin spaces/NAME/space.json (tables and columns only) and target.yml from a SQLite file or .sql script (or the demo data).',
  options: {
    space: { ...space, requiredHint: 'name the new space, e.g. --space sales' },
    backend: { ...backend, value: 'local', description: 'init reads a local database only' },
    'from-sqlite': { type: 'string', value: 'FILE', description: 'a SQLite database file' },
    'from-sql': { type: 'string', value: 'FILE', description: 'a .sql script of CREATE TABLE and INSERT statements' },
    force: { type: 'boolean', description: 'overwrite an existing space.json and target.yml' },
    root,
  },
  notes: ['Without --from-sqlite or --from-sql it uses the generated demo data (and says so).'],
  example: 'genie-gitops init --space shop --from-sqlite data/shop.sqlite',
});

export const IMPORT_BENCHMARKS = defineCommand({
  name: 'import-benchmarks',
  summary: 'Convert question/SQL Markdown (a heading or Q: line, then a ```sql block) into benchmarks/NAME.yml.',
  options: {
    space,
    from: { type: 'string', value: 'FILE.md', required: true, description: 'the Markdown file' },
    force: { type: 'boolean', description: 'replace an existing benchmarks/NAME.yml' },
    root,
  },
  example: 'genie-gitops import-benchmarks --space shop --from docs/questions.md',
});

export const DEPLOY = defineCommand({
  name: 'deploy',
  summary:
    'Apply space configs to their live spaces, with a drift guard against the last successful deployment (a GitHub deployment, or .genie-gitops/state/deployments/ locally).',
  usage:
    '(--space NAME... | --all | --before SHA [--after SHA]) [--backend local|databricks] [--on-drift fail|overwrite] [--verify full|smoke|none] [--sync-benchmarks none|train|all] [--root DIR]',
  options: {
    space: { type: 'string', value: 'NAME', multiple: true, description: 'a space to deploy (repeatable)' },
    all: { type: 'boolean', description: 'every space under spaces/' },
    before: { type: 'string', value: 'SHA', description: 'deploy the spaces changed in SHA..--after' },
    after: { type: 'string', value: 'SHA', default: 'HEAD', description: 'the end of the --before range' },
    backend,
    'on-drift': {
      type: 'string',
      value: 'fail|overwrite',
      default: 'fail',
      description: 'what to do when the live space was edited outside git',
    },
    verify: {
      type: 'string',
      value: 'full|smoke|none',
      default: 'smoke',
      description:
        'after deploying, score the live space: smoke asks a fixed stratified sample, full every benchmark; compared with the score the merged config earned before the merge',
    },
    'verify-sample': { type: 'string', value: 'N', default: '10', description: 'questions in the smoke sample' },
    'max-regression': {
      type: 'string',
      value: 'X',
      default: '0.05',
      description: 'a live score significantly lower than expected by more than X (a fraction) is a regression',
    },
    'max-errored': {
      type: 'string',
      value: 'X',
      default: '0.1',
      description: 'above this share of errored live questions the verification is inconclusive (never a rollback)',
    },
    'auto-rollback': {
      type: 'string',
      value: 'push|off',
      default: 'off',
      description:
        'on a regression, push a revert of the deployed commit to the current branch (push); the action can open a rollback PR instead',
    },
    'sync-benchmarks': {
      type: 'string',
      value: 'none|train|all',
      default: 'none',
      description: "write benchmarks/NAME.yml into the live space's benchmarks.questions (Genie's Benchmarks tab)",
    },
    target: bundleTarget,
    root,
  },
  example: 'genie-gitops deploy --before HEAD~1 --backend databricks',
});

export const EXPORT = defineCommand({
  name: 'export',
  summary: "Write a live space canonically to spaces/NAME/space.json (needs the space's target.yml).",
  usage: '(--space NAME | --all) [--backend local|databricks] [--root DIR]',
  options: {
    space: { type: 'string', value: 'NAME', description: 'the space to export' },
    all: { type: 'boolean', description: 'every space under spaces/ with a target.yml' },
    backend,
    target: bundleTarget,
    root,
  },
  example: 'genie-gitops export --space demo --backend databricks',
});

export const SERVE = defineCommand({
  name: 'serve',
  summary: 'Run a loopback emulator of the Databricks REST API over the local backend (point DATABRICKS_HOST at it).',
  options: {
    port: { type: 'string', value: 'P', default: '0 (a free port)', description: 'the port on 127.0.0.1' },
    'latency-ms': { type: 'string', value: 'MS', default: '0', description: 'added latency per Genie answer' },
    qpm: { type: 'string', value: 'N', default: 'unlimited', description: 'questions per minute before HTTP 429' },
    'fault-rate': { type: 'string', value: 'P', default: '0', description: 'fraction (0..1) of requests that fail' },
    'fault-after-rate': {
      type: 'string',
      value: 'P',
      default: '0',
      description: 'fraction (0..1) of handled requests whose answer is lost (the change is made, the reply dropped)',
    },
    'stuck-rate': {
      type: 'string',
      value: 'P',
      default: '0',
      description: 'fraction (0..1) of messages that never finish',
    },
    token: { type: 'string', value: 'T', default: 'a printed dev token', description: 'the bearer token it accepts' },
    'client-id': { type: 'string', value: 'ID', description: 'OAuth client id it accepts' },
    'client-secret': { type: 'string', value: 'S', description: 'OAuth client secret it accepts' },
    'subject-token': { type: 'string', value: 'T', description: 'GitHub OIDC subject token it accepts' },
    seed: { type: 'string', value: 'N', description: 'seed of the fault injection' },
    root,
  },
  example: 'genie-gitops serve --port 8765 --qpm 5',
});

export const LINT = defineCommand({
  name: 'lint',
  summary:
    "Check space configs against Genie's documented practices and limits with no Genie or warehouse call; print findings and a 0-100 quality score.",
  options: {
    space: { type: 'string', value: 'NAME', multiple: true, description: 'a space to lint (repeatable; default: all)' },
    all: { type: 'boolean', description: 'every space of the repository (the default)' },
    json: { type: 'string', value: 'FILE', description: 'write the findings and quality as JSON' },
    markdown: { type: 'string', value: 'FILE', description: 'write the findings as Markdown' },
    'min-quality': {
      type: 'string',
      value: 'X',
      description: 'exit 1 when a quality score is below X, in points from 0 to 100 (not a fraction)',
    },
    'list-checks': { type: 'boolean', description: 'print every check, one per line: id, severity, title' },
    fix: { type: 'boolean', description: 'apply the mechanical fixes to the config file (the patch goes to --json)' },
    warehouse: { type: 'boolean', description: 'also run the checks that need data (value-dictionary cardinality)' },
    backend: { ...backend, description: `where --warehouse reads data: ${backend.description}` },
    quiet: { type: 'boolean', description: 'print only the quality line of each space' },
    target: bundleTarget,
    root,
  },
  example: 'genie-gitops lint --space demo --min-quality 60',
});

export const LIST_SPACES = defineCommand({
  name: 'list-spaces',
  summary: 'List every space of the repository (folders under spaces/ and genie_spaces in databricks.yml).',
  options: {
    json: { type: 'boolean', description: 'print the names as a JSON array' },
    target: bundleTarget,
    root,
  },
  example: 'genie-gitops list-spaces --json',
});

/** In the order the usage lists them. */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  VALIDATE,
  SCORE,
  ENHANCE,
  INIT,
  IMPORT_BENCHMARKS,
  DEPLOY,
  EXPORT,
  LINT,
  LIST_SPACES,
  SERVE,
];
