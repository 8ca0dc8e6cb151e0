/** `score`: ask every benchmark question of one space config and compare with the expected results. */
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GenieGitopsError, ValidationError } from '../errors.js';
import { checkInvariants } from '../space/invariants.js';
import { addIssueLines } from '../space/space-file.js';
import { loadBenchmarks } from '../benchmarks/loader.js';
import { hashBenchmarks, hashSpace } from '../space/hash.js';
import type { Space } from '../space/schema.js';
import { runScore, type ProgressEvent } from '../scoring/score-runner.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { findTaught } from '../scoring/taught.js';
import type { Benchmark } from '../benchmarks/types.js';
import { benchmarksFile, loadSpace, openBackend, type Backend, type BackendName } from './workspace.js';

export interface ScoreOptions {
  root: string;
  space: string;
  backend: BackendName;
  repeats?: number;
  concurrency?: number;
  questionsPerMinute?: number;
  questionTimeoutMs?: number;
  /** Local engine noise (0..1) for flakiness tests; 0 is deterministic. */
  noise?: number;
  seed?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export function loadSpaceBenchmarks(root: string, space: string): Benchmark[] {
  const file = benchmarksFile(root, space);
  if (!existsSync(file)) {
    throw new GenieGitopsError(
      `no benchmarks for space '${space}': ${file} does not exist`,
      `create benchmarks/${space}.yml with a list of {id, question, sql}`,
    );
  }
  return loadBenchmarks(file, space).benchmarks;
}

export async function scoreCommand(options: ScoreOptions): Promise<Scorecard> {
  const loaded = loadSpace(options.root, options.space);
  const benchmarks = loadSpaceBenchmarks(options.root, options.space);
  const backend = await openBackend(options.root, options.backend, loaded.target, {
    noise: options.noise,
    seed: options.seed,
  });
  try {
    // Score only what Genie would accept: an invalid config fails here, before any question is asked.
    const file = path.relative(options.root, loaded.spaceFile);
    const issues = checkInvariants(loaded.space, { file, warehouseSchema: await backend.warehouse.schema() });
    if (issues.length > 0)
      throw new ValidationError(
        addIssueLines(readFileSync(loaded.spaceFile, 'utf8'), issues),
        'fix the space config (run `genie-gitops validate`)',
      );
    return await scoreConfig(backend, options.space, loaded.space, benchmarks, options);
  } finally {
    await backend.close();
  }
}

/** Scores one config on an open backend; the enhancement loop calls this for every candidate. */
export async function scoreConfig(
  backend: Backend,
  spaceName: string,
  space: Space,
  benchmarks: Benchmark[],
  options: Omit<ScoreOptions, 'root' | 'space' | 'backend'> = {},
): Promise<Scorecard> {
  const genie = await backend.genieFor(space);
  return runScore({
    space: spaceName,
    configHash: hashSpace(space),
    benchmarksHash: hashBenchmarks(benchmarks),
    backend: backend.name,
    benchmarks,
    taught: new Set(findTaught(space, benchmarks).keys()),
    genie,
    warehouse: backend.warehouse,
    options: {
      repeats: options.repeats,
      concurrency: options.concurrency,
      questionsPerMinute: options.questionsPerMinute,
      questionTimeoutMs: options.questionTimeoutMs,
    },
    onProgress: options.onProgress,
  });
}
