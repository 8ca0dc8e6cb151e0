/** `enhance`: run the enhancement loop on one space and (unless --dry-run) write the improved config and lessons. */
import path from 'node:path';
import type { Env } from '../ports.js';
import { GenieGitopsError, ValidationError } from '../errors.js';
import type { Analyst } from '../fixes/analyst.js';
import { createRulesAnalyst } from '../fixes/rules/rules-analyst.js';
import { readLessons, writeLessons, type Lessons } from '../loop/lessons.js';
import { runEnhanceLoop, type IterationRecord } from '../loop/enhance-loop.js';
import { memoizeWarehouse } from '../loop/memo-warehouse.js';
import type { Scorecard } from '../scoring/scorecard.js';
import type { Space } from '../space/schema.js';
import type { StagingMode } from '../space/target.js';
import { hashSpace } from '../space/hash.js';
import { usageText } from '../space/limits.js';
import { writeSpaceFile } from '../space/space-file.js';
import { checkInvariants } from '../space/invariants.js';
import { confirmGain } from '../loop/gain-significance.js';
import { assertValidConfig, configScorer, loadSpaceBenchmarks, type ConfigScorer, type ScoreOptions } from './score.js';
import type { Benchmark } from '../benchmarks/types.js';
import type { LayoutOptions } from '../space/repository.js';
import { spacePaths } from '../space/repo-paths.js';
import { loadSpace, openBackend, type Backend, type BackendName } from './workspace.js';

export interface EnhanceOptions {
  root: string;
  space: string;
  backend: BackendName;
  /** Settings of the databricks backend and the state folder, as environment variables (from the entry). */
  env?: Env;
  /** The analyst to use; `llm` needs `llmAnalyst`. */
  analyst: 'rules' | 'llm';
  llmAnalyst?: Analyst;
  maxIterations?: number;
  targetScore?: number;
  /** Questions allowed to go from pass to fail in one iteration (default 0). */
  maxRegressions?: number;
  /** Let example queries copy benchmark questions (reported as taught); off by default. */
  allowTaughtExamples?: boolean;
  /** One-sided confidence an iteration's gain must reach; default 0.95. */
  confidence?: number;
  /** Most re-asks per side of a question whose answers disagree; default 3. */
  maxRepeats?: number;
  /** Local engine noise (0..1) and seed, for flakiness tests. */
  noise?: number;
  seed?: number;
  dryRun?: boolean;
  /** Databricks backend: a temporary staging space per run (default) or the shared one of target.yml. */
  staging?: StagingMode;
  /** How each scoring asks: timeouts, retries and their budget (defaults as for `score`). */
  scoring?: Pick<ScoreOptions, 'concurrency' | 'questionTimeoutMs' | 'retries' | 'backoffMs' | 'questionBudgetMs'>;
  /** Try a rejected batch's fixes one by one; default on for the local backend only (one scoring per fix). */
  isolateFixes?: boolean;
  log?: (line: string) => void;
  /** Which bundle target bundle-declared spaces are read for. */
  layout?: LayoutOptions;
  /** The local warehouse's data from the command line (absolute path or 'demo'), overriding target.yml. */
  dataFile?: string;
}

export interface EnhanceResult {
  space: string;
  analyst: string;
  dryRun: boolean;
  /** Whether copies of benchmark questions were allowed as examples. */
  allowTaughtExamples: boolean;
  maxRegressions: number;
  /** Genie slots the final config uses, e.g. "instructions 12/100, snippets 41/200, tables 3/30". */
  slots: string;
  before: Scorecard;
  after: Scorecard;
  iterations: IterationRecord[];
  stopReason: string;
  calls: {
    genie: number;
    statements: number;
    scorings: number;
    llmCalls: number;
    promptTokens: number;
    completionTokens: number;
  };
  durationMs: number;
  /** Files written (none with --dry-run). */
  written: string[];
  /** The final config and lessons, as they were (or would have been) written. */
  config: Space;
  /** The config enhance started from (the first iteration's patch applies to it). */
  startConfig: Space;
  lessons: Lessons;
  changed: boolean;
  /** The space was scored on the generated demo data (local backend, `local.data: demo`). */
  usesDemoData: boolean;
}

export function lessonsFile(root: string, space: string): string {
  return spacePaths(root, space).lessonsFile;
}

/**
 * One scorer per config (sharing its expected results across runs); every run's Genie questions
 * and statements, and what a re-ask added, are counted into `calls`.
 */
function countingScorers(
  backend: Backend,
  spaceName: string,
  benchmarks: Benchmark[],
  calls: { genie: number; statements: number },
  scoring: EnhanceOptions['scoring'] = {},
) {
  const scorers = new Map<string, ConfigScorer>();
  const scorerOf = (space: Space): ConfigScorer => {
    const key = hashSpace(space);
    let scorer = scorers.get(key);
    if (!scorer) scorers.set(key, (scorer = configScorer(backend, spaceName, space, benchmarks, scoring)));
    return scorer;
  };
  const counted = (card: Scorecard, before?: Scorecard) => {
    calls.genie += card.calls.genie - (before?.calls.genie ?? 0);
    calls.statements += card.calls.statements - (before?.calls.statements ?? 0);
    return card;
  };
  return {
    score: async (space: Space) => counted(await scorerOf(space).score()),
    reaskerOf: (space: Space) => ({
      reask: async (card: Scorecard, ids: readonly string[]) => counted(await scorerOf(space).reask(card, ids), card),
    }),
  };
}

export async function enhanceCommand(options: EnhanceOptions): Promise<EnhanceResult> {
  const started = Date.now();
  const loaded = loadSpace(options.root, options.space, options.layout);
  const benchmarks = loadSpaceBenchmarks(options.root, options.space);
  const lessonsPath = lessonsFile(options.root, options.space);
  const lessons = readLessons(lessonsPath, options.space);
  const analyst = options.analyst === 'llm' ? options.llmAnalyst : createRulesAnalyst();
  if (!analyst)
    throw new GenieGitopsError(
      'the llm analyst needs a model endpoint',
      'configure an OpenAI-compatible or Databricks serving endpoint, or use --analyst rules',
    );
  const backend = await openBackend(options.root, options.backend, loaded.target, {
    wrapWarehouse: memoizeWarehouse,
    space: options.space,
    layout: options.layout,
    noise: options.noise,
    seed: options.seed,
    dataFile: options.dataFile,
    staging: options.staging,
    env: options.env,
  });
  const calls = { genie: 0, statements: 0 };
  const { score, reaskerOf } = countingScorers(backend, options.space, benchmarks, calls, options.scoring);
  try {
    const warehouseSchema = await backend.warehouse.schema();
    // Improve only a config that passes validate: fixes on top of an invalid one would be judged
    // against problems they did not cause, and the result could not be deployed.
    assertValidConfig(
      options.root,
      loaded,
      warehouseSchema,
      'enhance starts only from a config that passes `genie-gitops validate`: fix these first',
    );
    const result = await runEnhanceLoop({
      spaceName: options.space,
      file: loaded.configPath,
      space: loaded.space,
      benchmarks,
      score,
      analyst,
      warehouse: backend.warehouse,
      warehouseSchema,
      lessons,
      maxIterations: options.maxIterations,
      targetScore: options.targetScore,
      maxRegressions: options.maxRegressions,
      allowTaughtExamples: options.allowTaughtExamples,
      // One scoring per fix is cheap on the embedded backend, not against a rate-limited workspace.
      isolateFixes: options.isolateFixes ?? backend.isolateFixes === true,
      confirmGain: (current, candidate) =>
        confirmGain(
          { card: current.card, reasker: reaskerOf(current.space) },
          { card: candidate.card, reasker: reaskerOf(candidate.space) },
          { confidence: options.confidence, maxRepeats: options.maxRepeats, log: options.log },
        ),
      log: options.log,
    });
    const changed = hashSpace(result.space) !== hashSpace(loaded.space);
    // The loop validates every candidate; this is the last guard before anything is written.
    const issues = checkInvariants(result.space, {
      file: loaded.configPath,
      warehouseSchema,
    });
    if (issues.length > 0)
      throw new ValidationError(issues, 'enhance produced an invalid config and wrote nothing; please report this');
    const written: string[] = [];
    if (!options.dryRun) {
      if (changed) {
        writeSpaceFile(loaded.spaceFile, result.space);
        written.push(loaded.spaceFile);
      }
      writeLessons(lessonsPath, result.lessons);
      written.push(lessonsPath);
    }
    return {
      space: options.space,
      analyst: analyst.name,
      dryRun: options.dryRun ?? false,
      allowTaughtExamples: options.allowTaughtExamples ?? false,
      maxRegressions: options.maxRegressions ?? 0,
      slots: usageText(result.space),
      before: result.before,
      after: result.after,
      iterations: result.iterations,
      stopReason: result.stopReason,
      calls: {
        ...calls,
        scorings: result.scorings,
        llmCalls: result.analystUsage.calls,
        promptTokens: result.analystUsage.promptTokens,
        completionTokens: result.analystUsage.completionTokens,
      },
      durationMs: Date.now() - started,
      written,
      config: result.space,
      startConfig: loaded.space,
      lessons: result.lessons,
      changed,
      usesDemoData: backend.name === 'local' && loaded.target?.local?.data === 'demo',
    };
  } finally {
    await backend.close();
  }
}
