/**
 * `score --scorer genie-eval|both`: Genie's own evaluation (its Beta eval runs) as a second
 * opinion beside our result comparison. The staging space gets the config with every benchmark
 * synced into `benchmarks.questions` (eval runs read only that section), Genie evaluates them,
 * and its per-question assessments become a scorecard in our format; `both` scores with ours too
 * and reports both verdicts per question and how often they agree.
 */
import { withSyncedBenchmarks } from '../benchmarks/genie-benchmarks.js';
import type { Benchmark } from '../benchmarks/types.js';
import { GenieGitopsError } from '../errors.js';
import { evalScorecard, scorerAgreement, type ScorerAgreement } from '../scoring/genie-eval-card.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { findTaught } from '../scoring/taught.js';
import { hashBenchmarks, hashSpace } from '../space/hash.js';
import type { Space } from '../space/schema.js';
import { scoreConfig, withScoringBackend, type ScoreOptions } from './score.js';
import type { Backend } from './workspace.js';

export const SCORERS = ['ours', 'genie-eval', 'both'] as const;
export type ScorerName = (typeof SCORERS)[number];

export interface ScorerResult {
  /** The card the command reports and gates on: ours unless only genie-eval was asked for. */
  primary: Scorecard;
  ours?: Scorecard;
  genie?: Scorecard;
  agreement?: ScorerAgreement;
}

/** Genie's eval run over every benchmark on the backend's staging space, as our scorecard. */
export async function genieEvalScore(
  backend: Backend,
  spaceName: string,
  space: Space,
  benchmarks: Benchmark[],
): Promise<Scorecard> {
  if (!backend.genieEvalFor)
    throw new GenieGitopsError(
      `--scorer genie-eval needs Genie's eval runs, which the ${backend.name} backend does not have`,
      'use --backend databricks (point DATABRICKS_HOST at `genie-gitops serve` to try it offline), or --scorer ours',
    );
  const started = Date.now();
  const evaluator = await backend.genieEvalFor(withSyncedBenchmarks(space, benchmarks, 'all'));
  const run = await evaluator.evaluate();
  return evalScorecard({
    space: spaceName,
    configHash: hashSpace(space),
    benchmarksHash: hashBenchmarks(benchmarks),
    backend: backend.name,
    benchmarks,
    run,
    taught: new Set(findTaught(space, benchmarks).keys()),
    startedAt: started,
    durationMs: Date.now() - started,
  });
}

/** Scores with the chosen scorer(s) on an open backend. */
export async function scoreWithScorer(
  scorer: ScorerName,
  backend: Backend,
  spaceName: string,
  space: Space,
  benchmarks: Benchmark[],
  options: Omit<ScoreOptions, 'root' | 'space' | 'backend' | 'staging'> = {},
): Promise<ScorerResult> {
  if (scorer === 'genie-eval') {
    const genie = await genieEvalScore(backend, spaceName, space, benchmarks);
    return { primary: genie, genie };
  }
  const ours = await scoreConfig(backend, spaceName, space, benchmarks, options);
  if (scorer === 'ours') return { primary: ours, ours };
  const genie = await genieEvalScore(backend, spaceName, space, benchmarks);
  return { primary: ours, ours, genie, agreement: scorerAgreement(ours, genie) };
}

/** `score` with a scorer: loads the space, opens its backend and scores with `scorer`. */
export async function scorerCommand(options: ScoreOptions & { scorer: ScorerName }): Promise<ScorerResult> {
  return withScoringBackend(options, (backend, space, benchmarks) =>
    scoreWithScorer(options.scorer, backend, options.space, space, benchmarks, options),
  );
}
