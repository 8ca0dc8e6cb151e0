/** `enhance`: run the enhancement loop on one space and (unless --dry-run) write the improved config and lessons. */
import path from 'node:path';
import type { WarehouseSchema } from '../ports.js';
import type { Backend } from '../backend-port.js';
import type { Benchmark } from '../benchmarks/types.js';
import { GenieGitopsError, ValidationError } from '../errors.js';
import type { Analyst } from '../fixes/analyst.js';
import { createRulesAnalyst } from '../fixes/rules/rules-analyst.js';
import { readLessons, writeLessons, type Lessons } from '../loop/lessons.js';
import { runEnhanceLoop, type EnhanceLoopInput, type EnhanceLoopResult } from '../loop/enhance-loop.js';
import type { BudgetReport, EnhanceResult } from '../loop/enhance-result.js';
export type { BudgetReport, EnhanceResult } from '../loop/enhance-result.js';
import { createBudget, type Budget } from '../loop/budget.js';
import { defaultAnswerCacheDir, enhanceScoring, type EnhanceCalls, type EnhanceScoring } from './enhance-scoring.js';
import { memoizeWarehouse } from '../loop/memo-warehouse.js';
import type { StagingMode } from '../space/target.js';
import { hashSpace } from '../space/hash.js';
import { usageText } from '../space/limits.js';
import { writeSpaceFile } from '../space/space-file.js';
import { checkInvariants } from '../space/invariants.js';
import { confirmGain } from '../loop/gain-significance.js';
import { assertValidConfig, loadSpaceBenchmarks, type ScoreOptions } from './score.js';
import type { LayoutOptions } from '../space/repository.js';
import { spacePaths } from '../space/repo-paths.js';
import { loadSpace, type BackendOpener, type LoadedSpace } from './workspace.js';

export interface EnhanceOptions {
  root: string;
  space: string;
  /** The backend the entry chose; opened here for this space. */
  backend: BackendOpener;
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
  /**
   * Screen candidates on the questions their fixes can change, then confirm the final config
   * with a full scoring (src/loop/screening.ts); default on. Off: every candidate is scored on
   * the whole benchmark (the baseline the bench compares with).
   */
  screening?: boolean;
  /** Stop (at the last confirmed config) before asking Genie more than this many questions. */
  maxGenieQuestions?: number;
  /** Stop (at the last confirmed config) before the run takes longer than this (ms). */
  timeBudgetMs?: number;
  /** Where answers are kept across runs (by config hash and question); false: this run only. Default .genie-gitops/cache/answers. */
  cacheDir?: string | false;
  log?: (line: string) => void;
  /** Which bundle target bundle-declared spaces are read for. */
  layout?: LayoutOptions;
  /** The local warehouse's data from the command line (absolute path or 'demo'), overriding target.yml. */
  dataFile?: string;
}

/** Genie's published free-tier rate, used for estimates when the backend has no limit of its own. */
export const PLANNING_QPM = 5;

export function lessonsFile(root: string, space: string): string {
  return spacePaths(root, space).lessonsFile;
}

function budgetReport(
  options: EnhanceOptions,
  result: EnhanceLoopResult,
  screening: boolean,
  facts: { qpm: number; questions: number; reused: number },
): BudgetReport {
  const candidates = screening ? (result.screening?.candidates ?? 0) : Math.max(0, result.scorings - 1);
  return {
    screening,
    ...(options.maxGenieQuestions !== undefined ? { maxGenieQuestions: options.maxGenieQuestions } : {}),
    ...(options.timeBudgetMs !== undefined ? { timeBudgetMs: options.timeBudgetMs } : {}),
    ...(result.budgetStop !== undefined ? { stoppedOnBudget: result.budgetStop } : {}),
    questionsPerMinute: facts.qpm,
    benchmarkQuestions: facts.questions,
    candidates,
    confirmations: screening ? (result.screening?.confirmations ?? 0) : result.scorings,
    fullRescoringQuestions: (1 + candidates) * facts.questions,
    reusedFromCache: facts.reused,
    ...(result.screening?.rollback ? { rollback: result.screening.rollback.reason } : {}),
    watched: result.screening?.watched ?? [],
  };
}

/** What one enhance run works with, opened once at its start and handed to each step. */
interface EnhanceRun {
  options: EnhanceOptions;
  started: number;
  loaded: LoadedSpace;
  benchmarks: Benchmark[];
  lessonsPath: string;
  lessons: Lessons;
  analyst: Analyst;
  backend: Backend;
  calls: EnhanceCalls;
  scoring: EnhanceScoring;
  budget: Budget;
  screening: boolean;
}

export async function enhanceCommand(options: EnhanceOptions): Promise<EnhanceResult> {
  const started = Date.now();
  const loaded = loadSpace(options.root, options.space, options.layout);
  const benchmarks = loadSpaceBenchmarks(options.root, options.space);
  const lessonsPath = lessonsFile(options.root, options.space);
  const lessons = readLessons(lessonsPath, options.space);
  const analyst = analystOf(options);
  const backend = await options.backend.open({
    root: options.root,
    target: loaded.target,
    wrapWarehouse: memoizeWarehouse,
    space: options.space,
    layout: options.layout,
    noise: options.noise,
    seed: options.seed,
    dataFile: options.dataFile,
    staging: options.staging,
  });
  const calls = { genie: 0, statements: 0 };
  const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? defaultAnswerCacheDir(options.root));
  const scoring = enhanceScoring(backend, options.space, benchmarks, calls, { scoring: options.scoring, cacheDir });
  const budget = createBudget(
    {
      maxGenieQuestions: options.maxGenieQuestions,
      timeBudgetMs: options.timeBudgetMs,
      questionsPerMinute: backend.questionsPerMinute,
    },
    scoring.meter,
    Date.now,
    started,
  );
  const screening = options.screening ?? true;
  const run: EnhanceRun = {
    options,
    started,
    loaded,
    benchmarks,
    lessonsPath,
    lessons,
    analyst,
    backend,
    calls,
    scoring,
    budget,
    screening,
  };
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
    const result = await runEnhanceLoop(loopInput(run, warehouseSchema));
    const { changed, written } = writeOutcome(run, result, warehouseSchema);
    return enhanceResult(run, result, changed, written);
  } finally {
    await backend.close();
  }
}

function analystOf(options: EnhanceOptions): Analyst {
  const analyst = options.analyst === 'llm' ? options.llmAnalyst : createRulesAnalyst();
  if (!analyst)
    throw new GenieGitopsError(
      'the llm analyst needs a model endpoint',
      'configure an OpenAI-compatible or Databricks serving endpoint, or use --analyst rules',
    );
  return analyst;
}

/** The loop's input: the run's config, benchmarks and lessons, its scoring, and the gain check on its backend. */
function loopInput(run: EnhanceRun, warehouseSchema: WarehouseSchema): EnhanceLoopInput {
  const { options, loaded, backend, scoring, budget } = run;
  const { reaskerOf } = scoring;
  return {
    spaceName: options.space,
    file: loaded.configPath,
    space: loaded.space,
    benchmarks: run.benchmarks,
    score: scoring.score,
    analyst: run.analyst,
    warehouse: backend.warehouse,
    warehouseSchema,
    lessons: run.lessons,
    maxIterations: options.maxIterations,
    targetScore: options.targetScore,
    maxRegressions: options.maxRegressions,
    allowTaughtExamples: options.allowTaughtExamples,
    // One scoring per fix is cheap on the embedded backend, not against a rate-limited workspace.
    isolateFixes: options.isolateFixes ?? backend.isolateFixes === true,
    screening: run.screening ? { port: scoring.port, budget, seed: options.seed, log: options.log } : undefined,
    budget,
    confirmGain: (current, candidate) =>
      confirmGain(
        { card: current.card, reasker: reaskerOf(current.space) },
        { card: candidate.card, reasker: reaskerOf(candidate.space) },
        {
          confidence: options.confidence,
          maxRepeats: options.maxRepeats,
          deterministic: backend.deterministic,
          log: options.log,
        },
      ),
    log: options.log,
  };
}

/** Checks the loop's config once more, then (unless a dry run) writes it, when it changed, and the lessons. */
function writeOutcome(
  run: EnhanceRun,
  result: EnhanceLoopResult,
  warehouseSchema: WarehouseSchema,
): { changed: boolean; written: string[] } {
  const { options, loaded, lessonsPath } = run;
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
  return { changed, written };
}

function enhanceResult(run: EnhanceRun, result: EnhanceLoopResult, changed: boolean, written: string[]): EnhanceResult {
  const { options, loaded, backend } = run;
  return {
    space: options.space,
    analyst: run.analyst.name,
    dryRun: options.dryRun ?? false,
    allowTaughtExamples: options.allowTaughtExamples ?? false,
    maxRegressions: options.maxRegressions ?? 0,
    slots: usageText(result.space),
    before: result.before,
    after: result.after,
    iterations: result.iterations,
    stopReason: result.stopReason,
    calls: {
      ...run.calls,
      scorings: result.scorings,
      llmCalls: result.analystUsage.calls,
      promptTokens: result.analystUsage.promptTokens,
      completionTokens: result.analystUsage.completionTokens,
    },
    durationMs: Date.now() - run.started,
    budget: budgetReport(options, result, run.screening, {
      qpm: backend.questionsPerMinute ?? PLANNING_QPM,
      questions: result.before.questions.filter((q) => q.expectedError === undefined).length,
      reused: run.scoring.reusedFromCache,
    }),
    written,
    config: result.space,
    startConfig: loaded.space,
    lessons: result.lessons,
    changed,
    usesDemoData: backend.name === 'local' && loaded.target?.local?.data === 'demo',
  };
}
