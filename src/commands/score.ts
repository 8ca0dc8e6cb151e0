/** `score`: ask every benchmark question of one space config and compare with the expected results. */
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { GenieGitopsError, ValidationError } from '../errors.js';
import { checkInvariants } from '../space/invariants.js';
import { addIssueLines } from '../space/space-file.js';
import { loadBenchmarks } from '../benchmarks/loader.js';
import { hashBenchmarks, hashSpace } from '../space/hash.js';
import type { Space } from '../space/schema.js';
import { lintQuality } from '../lint/lint-space.js';
import { reaskScore, runScore, type ProgressEvent, type RunScoreInput } from '../scoring/score-runner.js';
import type { QueryResult, WarehouseSchema } from '../ports.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { findTaught } from '../scoring/taught.js';
import type { Benchmark } from '../benchmarks/types.js';
import type { LayoutOptions } from '../space/repository.js';
import type { StagingMode } from '../space/target.js';
import { benchmarksFile, loadSpace, type Backend, type BackendOpener, type LoadedSpace } from './workspace.js';
import { repoPaths } from '../space/repo-paths.js';

export interface ScoreOptions {
  root: string;
  space: string;
  /** The backend the entry chose; opened here for this space. */
  backend: BackendOpener;
  repeats?: number;
  concurrency?: number;
  questionsPerMinute?: number;
  questionTimeoutMs?: number;
  /** Retries of a transient failure per question, its base backoff and its time budget (see ScoreRunOptions). */
  retries?: number;
  backoffMs?: number;
  questionBudgetMs?: number;
  /** Databricks backend: a temporary staging space per run (default) or the shared one of target.yml. */
  staging?: StagingMode;
  /** Local engine noise (0..1) for flakiness tests; 0 is deterministic. */
  noise?: number;
  seed?: number;
  onProgress?: (event: ProgressEvent) => void;
  /** Which bundle target bundle-declared spaces are read for. */
  layout?: LayoutOptions;
  /** The local warehouse's data from the command line (absolute path or 'demo'), overriding target.yml. */
  dataFile?: string;
}

export function loadSpaceBenchmarks(root: string, space: string): Benchmark[] {
  const file = benchmarksFile(root, space);
  if (!existsSync(file)) {
    throw new GenieGitopsError(
      `no benchmarks for space '${space}': ${file} does not exist`,
      `create ${repoPaths.benchmarksFile(space)} with a list of {id, question, sql}`,
    );
  }
  return loadBenchmarks(file, space).benchmarks;
}

export async function scoreCommand(options: ScoreOptions): Promise<Scorecard> {
  return withScoringBackend(options, (backend, space, benchmarks) =>
    scoreConfig(backend, options.space, space, benchmarks, options),
  );
}

/** Opens the backend a space is scored on, checks its config is valid there, runs `fn`, closes it. */
export async function withScoringBackend<T>(
  options: ScoreOptions,
  fn: (backend: Backend, space: Space, benchmarks: Benchmark[]) => Promise<T>,
): Promise<T> {
  const loaded = loadSpace(options.root, options.space, options.layout);
  const benchmarks = loadSpaceBenchmarks(options.root, options.space);
  const backend = await options.backend.open({
    root: options.root,
    target: loaded.target,
    space: options.space,
    noise: options.noise,
    seed: options.seed,
    layout: options.layout,
    dataFile: options.dataFile,
    staging: options.staging,
  });
  try {
    // Score only what Genie would accept: an invalid config fails here, before any question is asked.
    assertValidConfig(options.root, loaded, await backend.warehouse.schema());
    return await fn(backend, loaded.space, benchmarks);
  } finally {
    await backend.close();
  }
}

/**
 * Throws the same issues `validate` reports (file, line, JSON path, fix) when the space's config
 * breaks an invariant against the warehouse schema: score, the PR check and enhance start only
 * from a config that passes validate.
 */
export function assertValidConfig(
  root: string,
  loaded: LoadedSpace,
  warehouseSchema: WarehouseSchema,
  hint = 'fix the space config (run `genie-gitops validate`)',
): void {
  const issues = checkInvariants(loaded.space, { file: loaded.configPath, warehouseSchema });
  if (issues.length > 0) throw new ValidationError(addIssueLines(readFileSync(loaded.spaceFile, 'utf8'), issues), hint);
}

/** Scores one config on an open backend; the enhancement loop calls this for every candidate. */
export async function scoreConfig(
  backend: Backend,
  spaceName: string,
  space: Space,
  benchmarks: Benchmark[],
  options: Omit<ScoreOptions, 'root' | 'space' | 'backend' | 'staging'> = {},
): Promise<Scorecard> {
  return configScorer(backend, spaceName, space, benchmarks, options).score();
}

/** Scores one config and re-asks chosen questions of it later, through the same Genie. */
export interface ConfigScorer {
  score(): Promise<Scorecard>;
  /** Asks the named questions `times` more times (default once) and adds the asks to `card`. */
  reask(card: Scorecard, ids: readonly string[], times?: number): Promise<Scorecard>;
}

/**
 * A scorer of one config whose re-asks go to the same Genie as its first run (the backend
 * keeps one local engine per config, and re-syncs a shared staging space before each run), and
 * whose runs share the expected results.
 */
export function configScorer(
  backend: Backend,
  spaceName: string,
  space: Space,
  benchmarks: Benchmark[],
  options: Omit<ScoreOptions, 'root' | 'space' | 'backend' | 'staging'> & {
    /** Expected results by SQL text, shared with other scorers of the same benchmarks. */
    expectedCache?: Map<string, Promise<QueryResult>>;
  } = {},
): ConfigScorer {
  const expectedCache = options.expectedCache ?? new Map<string, Promise<QueryResult>>();
  const input = async (): Promise<RunScoreInput> => ({
    space: spaceName,
    configHash: hashSpace(space),
    benchmarksHash: hashBenchmarks(benchmarks),
    backend: backend.name,
    benchmarks,
    taught: new Set(findTaught(space, benchmarks).keys()),
    genie: await backend.genieFor(space, { seed: options.seed }),
    warehouse: backend.warehouse,
    expectedCache,
    options: {
      repeats: options.repeats,
      concurrency: options.concurrency,
      questionsPerMinute: options.questionsPerMinute,
      questionTimeoutMs: options.questionTimeoutMs,
      retries: options.retries,
      backoffMs: options.backoffMs,
      questionBudgetMs: options.questionBudgetMs,
    },
    onProgress: options.onProgress,
  });
  // The static quality rides along in the card, so every report that shows a score can show it too.
  const quality = lintQuality({ space, benchmarks });
  return {
    score: async () => ({ ...(await runScore(await input())), quality }),
    reask: async (card, ids, times = 1) => ({ ...(await reaskScore(await input(), card, ids, times)), quality }),
  };
}
