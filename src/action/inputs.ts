/** Action inputs, parsed once into a typed object. The only module that reads inputs. */
import * as core from '@actions/core';
import { GenieGitopsError } from '../errors.js';
import { numberOption } from '../util/number-option.js';
import { durationOption } from '../util/duration-option.js';
import type { BackendName } from '../backend-port.js';
import { parseStaging } from '../commands/workspace.js';
import { parseBackend } from '../wiring/backend.js';
import { validateSpaceName } from '../space/space-name.js';
import type { StagingMode } from '../space/target.js';
import type { OnDrift } from '../commands/deploy.js';
import { VERIFY_MODES, type VerifyMode } from '../commands/deploy-verify.js';
import { AUTO_ROLLBACK_MODES, type AutoRollback } from '../gitops/rollback.js';
import { SYNC_BENCHMARK_MODES, type SyncBenchmarks } from '../benchmarks/genie-benchmarks.js';
import { SCORERS, type ScorerName } from '../commands/genie-eval-score.js';

/** Input names, as action.yml declares them. */
export const INPUT = {
  command: 'command',
  space: 'space',
  all: 'all',
  changedOnly: 'changed-only',
  backend: 'backend',
  repeats: 'repeats',
  minScore: 'min-score',
  maxRegression: 'max-regression',
  confidence: 'confidence',
  maxRepeats: 'max-repeats',
  maxErrored: 'max-errored',
  maxIterations: 'max-iterations',
  targetScore: 'target-score',
  maxRegressions: 'max-regressions',
  maxGenieQuestions: 'max-genie-questions',
  timeBudget: 'time-budget',
  allowTaughtExamples: 'allow-taught-examples',
  analyst: 'analyst',
  onDrift: 'on-drift',
  staging: 'staging',
  githubToken: 'github-token',
  baseBranch: 'base-branch',
  workingDirectory: 'working-directory',
  databricksHost: 'databricks-host',
  databricksToken: 'databricks-token',
  databricksClientId: 'databricks-client-id',
  databricksClientSecret: 'databricks-client-secret',
  databricksAuthType: 'databricks-auth-type',
  llmProvider: 'llm-provider',
  llmModel: 'llm-model',
  llmBaseUrl: 'llm-base-url',
  llmEndpoint: 'llm-endpoint',
  minQuality: 'min-quality',
  bundleTarget: 'bundle-target',
  verify: 'verify',
  verifySample: 'verify-sample',
  autoRollback: 'auto-rollback',
  syncBenchmarks: 'sync-benchmarks',
  scorer: 'scorer',
} as const;

export const COMMANDS = ['validate', 'score', 'enhance', 'deploy', 'export', 'lint', 'list-spaces'] as const;
export type ActionCommand = (typeof COMMANDS)[number];

export interface ActionInputs {
  command: ActionCommand;
  space?: string;
  /** Every space under spaces/ (the `all` input, or space: all). */
  all: boolean;
  /** `list-spaces` on a pull request: only the spaces the PR touches. */
  changedOnly: boolean;
  backend: BackendName;
  repeats?: number;
  minScore?: number;
  maxRegression?: number;
  /** One-sided confidence a change must reach to count (PR gate and enhance); default 0.95. */
  confidence?: number;
  /** Most re-asks per side of a question whose answers disagree; default 3. */
  maxRepeats?: number;
  /** Share of errored questions (per scorecard) above which a score gate is inconclusive. */
  maxErrored?: number;
  maxIterations?: number;
  targetScore?: number;
  /** `enhance`: questions allowed to go from pass to fail in one iteration. */
  maxRegressions?: number;
  /** `enhance`: Genie questions the whole run may ask; undefined: no limit. */
  maxGenieQuestions?: number;
  /** `enhance`: how long the whole run may take (ms); undefined: no limit. */
  timeBudgetMs?: number;
  /** `enhance`: example queries may copy benchmark questions. */
  allowTaughtExamples: boolean;
  analyst: 'rules' | 'llm';
  onDrift: OnDrift;
  /** Databricks staging for score and enhance; undefined keeps target.yml's choice (default temporary). */
  staging?: StagingMode;
  githubToken?: string;
  baseBranch?: string;
  workingDirectory: string;
  /** `lint`: fail below this quality (0..100 points). */
  minQuality?: number;
  /** The bundle target (environment) spaces declared in databricks.yml are read for. */
  bundleTarget?: string;
  /** `deploy`: score the live space after deploying (default smoke: a fixed stratified sample). */
  verify: VerifyMode;
  /** `deploy`: questions in the smoke sample (default 10). */
  verifySample?: number;
  /** `deploy`: what a significant drop of the live score does (default pr: a rollback PR). */
  autoRollback: AutoRollback;
  /** `deploy`: write the benchmarks into the live space's benchmarks.questions (default none). */
  syncBenchmarks: SyncBenchmarks;
  /** `score`: our comparison, Genie's eval runs, or both side by side (default ours). */
  scorer: ScorerName;
  /** Databricks and LLM settings, as the environment variables the backends read. */
  env: Record<string, string>;
  /** Values to mask in logs. */
  secrets: string[];
}

/** An empty input is the same as an absent one. */
function optional(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  const v = value ?? fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new GenieGitopsError(`input ${name} '${v}' is not supported`, `set ${name} to one of: ${allowed.join(', ')}`);
}

function booleanInput(name: string): boolean {
  const value = optional(name)?.toLowerCase();
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new GenieGitopsError(`input ${name} '${value}' is not a boolean`, `set ${name} to true or false`);
}

export function readInputs(): ActionInputs {
  const command = oneOf(INPUT.command, optional(INPUT.command), COMMANDS, 'score');
  const space = optional(INPUT.space);
  const envFrom: Array<[string, string]> = [
    [INPUT.databricksHost, 'DATABRICKS_HOST'],
    [INPUT.databricksToken, 'DATABRICKS_TOKEN'],
    [INPUT.databricksClientId, 'DATABRICKS_CLIENT_ID'],
    [INPUT.databricksClientSecret, 'DATABRICKS_CLIENT_SECRET'],
    [INPUT.databricksAuthType, 'DATABRICKS_AUTH_TYPE'],
    [INPUT.llmProvider, 'GENIE_GITOPS_LLM_PROVIDER'],
    [INPUT.llmModel, 'GENIE_GITOPS_LLM_MODEL'],
    [INPUT.llmBaseUrl, 'OPENAI_BASE_URL'],
    [INPUT.llmEndpoint, 'GENIE_GITOPS_SERVING_ENDPOINT'],
  ];
  const env: Record<string, string> = {};
  for (const [input, variable] of envFrom) {
    const value = optional(input);
    if (value !== undefined) env[variable] = value;
  }
  const githubToken = optional(INPUT.githubToken);
  const secrets = [githubToken, env.DATABRICKS_TOKEN, env.DATABRICKS_CLIENT_SECRET].filter((s): s is string =>
    Boolean(s),
  );
  return {
    command,
    space: space === 'all' || space === undefined ? undefined : validateSpaceName(space),
    all: space === 'all' || booleanInput(INPUT.all),
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
      integer: true,
    }),
    timeBudgetMs: durationOption(optional(INPUT.timeBudget), INPUT.timeBudget),
    allowTaughtExamples: booleanInput(INPUT.allowTaughtExamples),
    analyst: oneOf(INPUT.analyst, optional(INPUT.analyst), ['rules', 'llm'] as const, 'rules'),
    onDrift: oneOf(INPUT.onDrift, optional(INPUT.onDrift), ['fail', 'overwrite'] as const, 'fail'),
    staging: parseStaging(optional(INPUT.staging), INPUT.staging),
    githubToken,
    baseBranch: optional(INPUT.baseBranch),
    workingDirectory: optional(INPUT.workingDirectory) ?? '.',
    minQuality: numberOption(optional(INPUT.minQuality), INPUT.minQuality, { min: 0, max: 100 }),
    bundleTarget: optional(INPUT.bundleTarget),
    verify: oneOf(INPUT.verify, optional(INPUT.verify), VERIFY_MODES, 'smoke'),
    verifySample: numberOption(optional(INPUT.verifySample), INPUT.verifySample, { min: 1, integer: true }),
    autoRollback: oneOf(INPUT.autoRollback, optional(INPUT.autoRollback), AUTO_ROLLBACK_MODES, 'pr'),
    syncBenchmarks: oneOf(INPUT.syncBenchmarks, optional(INPUT.syncBenchmarks), SYNC_BENCHMARK_MODES, 'none'),
    scorer: oneOf(INPUT.scorer, optional(INPUT.scorer), SCORERS, 'ours'),
    env,
    secrets,
  };
}
