/** `enhance`: run the enhancement loop on one space and (unless --dry-run) write the improved config and lessons. */
import path from 'node:path';
import { GenieGitopsError } from '../errors.js';
import type { Analyst } from '../fixes/analyst.js';
import { createRulesAnalyst } from '../fixes/rules-analyst.js';
import { readLessons, writeLessons, type Lessons } from '../loop/lessons.js';
import { runEnhanceLoop, type IterationRecord } from '../loop/enhance-loop.js';
import { memoizeWarehouse } from '../loop/memo-warehouse.js';
import type { Scorecard } from '../scoring/scorecard.js';
import type { Space } from '../space/schema.js';
import { hashSpace } from '../space/hash.js';
import { usageText } from '../space/limits.js';
import { writeSpaceFile } from '../space/space-file.js';
import { loadSpaceBenchmarks, scoreConfig } from './score.js';
import { loadSpace, openBackend, type BackendName } from './workspace.js';

export interface EnhanceOptions {
  root: string;
  space: string;
  backend: BackendName;
  /** The analyst to use; `llm` needs `llmAnalyst`. */
  analyst: 'rules' | 'llm';
  llmAnalyst?: Analyst;
  maxIterations?: number;
  targetScore?: number;
  /** Questions allowed to go from pass to fail in one iteration (default 0). */
  maxRegressions?: number;
  /** Let example queries copy benchmark questions (reported as taught); off by default. */
  allowTaughtExamples?: boolean;
  dryRun?: boolean;
  /** Try a rejected batch's fixes one by one; default on for the local backend only (one scoring per fix). */
  isolateFixes?: boolean;
  log?: (line: string) => void;
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
  lessons: Lessons;
  changed: boolean;
}

export function lessonsFile(root: string, space: string): string {
  return path.join(root, 'lessons', `${space}.json`);
}

export async function enhanceCommand(options: EnhanceOptions): Promise<EnhanceResult> {
  const started = Date.now();
  const loaded = loadSpace(options.root, options.space);
  const benchmarks = loadSpaceBenchmarks(options.root, options.space);
  const lessonsPath = lessonsFile(options.root, options.space);
  const lessons = readLessons(lessonsPath, options.space);
  const analyst = options.analyst === 'llm' ? options.llmAnalyst : createRulesAnalyst();
  if (!analyst)
    throw new GenieGitopsError(
      'the llm analyst needs a model endpoint',
      'configure an OpenAI-compatible or Databricks serving endpoint, or use --analyst rules',
    );
  const backend = await openBackend(options.root, options.backend, loaded.target, { wrapWarehouse: memoizeWarehouse });
  const calls = { genie: 0, statements: 0 };
  try {
    const score = async (space: Space) => {
      const card = await scoreConfig(backend, options.space, space, benchmarks);
      calls.genie += card.calls.genie;
      calls.statements += card.calls.statements;
      return card;
    };
    const result = await runEnhanceLoop({
      spaceName: options.space,
      file: path.relative(options.root, loaded.spaceFile),
      space: loaded.space,
      benchmarks,
      score,
      analyst,
      warehouse: backend.warehouse,
      warehouseSchema: await backend.warehouse.schema(),
      lessons,
      maxIterations: options.maxIterations,
      targetScore: options.targetScore,
      maxRegressions: options.maxRegressions,
      allowTaughtExamples: options.allowTaughtExamples,
      // One scoring per fix is cheap on the embedded backend, not against a rate-limited workspace.
      isolateFixes: options.isolateFixes ?? backend.name === 'local',
      log: options.log,
    });
    const changed = hashSpace(result.space) !== hashSpace(loaded.space);
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
      lessons: result.lessons,
      changed,
    };
  } finally {
    await backend.close();
  }
}
