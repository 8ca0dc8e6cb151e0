/**
 * Post-deploy verification: after a space was deployed and read back, ask the live space itself
 * (never changing it) a fixed stratified smoke sample of the benchmarks, or all of them, compare
 * with the score the merged config earned before the merge (deploy-baseline.ts) by the PR gate's
 * rule (live-verdict.ts), and on a significant drop beyond max-regression roll the merge back
 * (github/rollback.ts). An inconclusive verification (outage, errors beyond max-errored, a failure
 * of the verification itself) never rolls back, and neither does a push that is itself a rollback.
 */
import type { Benchmark } from '../benchmarks/types.js';
import type { Git, GitHubPort, SpaceStore } from '../ports.js';
import { containsRollback, createRollback, type AutoRollback, type RollbackOutcome } from '../gitops/rollback.js';
import { renderRollbackBody } from '../report/rollback-markdown.js';
import { DEFAULT_CONFIDENCE, DEFAULT_MAX_REPEATS, compareWithRepeats } from '../scoring/adaptive-repeats.js';
import { DEFAULT_MAX_ERRORED, inconclusiveVerdict } from '../scoring/errored-gate.js';
import {
  judgeAgainstCard,
  judgeAgainstScore,
  noBaseline,
  type LiveVerdict,
  type VerdictSettings,
} from '../scoring/live-verdict.js';
import { reaskScore, runScore, type RunScoreInput } from '../scoring/score-runner.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { DEFAULT_SMOKE_SIZE, smokeSample } from '../scoring/smoke-sample.js';
import { findTaught } from '../scoring/taught.js';
import { hashBenchmarks, hashSpace } from '../space/hash.js';
import type { LayoutOptions } from '../space/repository.js';
import type { Space } from '../space/schema.js';
import type { Target } from '../space/target.js';
import { findBaseline } from './deploy-baseline.js';
import type { BackendOpener } from './workspace.js';
import { pct } from '../util/percent.js';
import { messageOf } from '../errors.js';

export const VERIFY_MODES = ['full', 'smoke', 'none'] as const;
export type VerifyMode = (typeof VERIFY_MODES)[number];

/** Default largest drop of the live score against the expected one before it counts (5 points). */
export const DEFAULT_DEPLOY_MAX_REGRESSION = 0.05;

export interface VerifySettings {
  mode: VerifyMode;
  /** Questions in the smoke sample; default 10. */
  sampleSize?: number;
  maxRegression?: number;
  maxErrored?: number;
  confidence?: number;
  maxRepeats?: number;
  autoRollback?: AutoRollback;
  /** Link to the deploy run, for the rollback PR. */
  runUrl?: string;
  /** The default branch (rollback base, or where push mode pushes); default main. */
  baseBranch?: string;
  /** The PR score check's scorecard cache; default .genie-gitops/cache/scorecards. */
  cacheDir?: string;
  /** Per-question limits of the live asks (tests shorten them). */
  questionTimeoutMs?: number;
  retries?: number;
  backoffMs?: number;
}

export interface VerifyContext {
  root: string;
  space: string;
  backend: BackendOpener;
  target: Target;
  /** The merged config (the repository's, without synced benchmarks). */
  config: Space;
  configPath: string;
  benchmarks: Benchmark[];
  git: Git;
  github?: GitHubPort;
  /** The deployed commit and the push's previous one. */
  commit: string;
  before?: string;
  layout?: LayoutOptions;
  store?: SpaceStore;
  log?: (line: string) => void;
}

export interface LiveVerification extends LiveVerdict {
  mode: VerifyMode;
  /** Questions asked of the live space. */
  asked: number;
  baselineSource: string;
  /** The live scorecard (re-asks merged); absent when the verification itself failed. */
  live?: Scorecard;
  rollback?: RollbackOutcome;
  /** Why a regression was not rolled back automatically. */
  rollbackSkipped?: string;
  /** Why the rollback failed (the regression stands). */
  rollbackError?: string;
}

export async function verifyDeployed(ctx: VerifyContext, settings: VerifySettings): Promise<LiveVerification> {
  const sample =
    settings.mode === 'full' ? ctx.benchmarks : smokeSample(ctx.benchmarks, settings.sampleSize ?? DEFAULT_SMOKE_SIZE);
  const verdictSettings: VerdictSettings = {
    maxRegression: settings.maxRegression ?? DEFAULT_DEPLOY_MAX_REGRESSION,
    confidence: settings.confidence ?? DEFAULT_CONFIDENCE,
    maxErrored: settings.maxErrored ?? DEFAULT_MAX_ERRORED,
  };
  let judged: { verdict: LiveVerdict; live: Scorecard; source: string };
  try {
    judged = await askAndJudge(ctx, settings, sample, verdictSettings);
  } catch (error) {
    // A verification that could not run says nothing of the config: inconclusive, never a rollback.
    return {
      mode: settings.mode,
      asked: sample.length,
      verdict: 'inconclusive',
      liveScore: 0,
      regressed: [],
      baselineSource: '–',
      summary: `Inconclusive: the live space could not be verified (${messageOf(error)}).`,
    };
  }
  const result: LiveVerification = {
    ...judged.verdict,
    mode: settings.mode,
    asked: sample.length,
    baselineSource: judged.source,
    live: judged.live,
  };
  if (result.verdict === 'regression') await rollBack(ctx, settings, result);
  return result;
}

async function askAndJudge(
  ctx: VerifyContext,
  settings: VerifySettings,
  sample: Benchmark[],
  verdictSettings: VerdictSettings,
): Promise<{ verdict: LiveVerdict; live: Scorecard; source: string }> {
  const side = await ctx.backend.openLive({
    root: ctx.root,
    target: ctx.target,
    space: ctx.space,
    layout: ctx.layout,
    store: ctx.store,
  });
  try {
    const input: RunScoreInput = {
      space: ctx.space,
      configHash: hashSpace(ctx.config),
      benchmarksHash: hashBenchmarks(ctx.benchmarks),
      backend: ctx.backend.name,
      benchmarks: sample,
      taught: new Set(findTaught(ctx.config, sample).keys()),
      genie: side.genie,
      warehouse: side.warehouse,
      expectedCache: new Map(),
      options: {
        questionTimeoutMs: settings.questionTimeoutMs,
        retries: settings.retries,
        backoffMs: settings.backoffMs,
      },
    };
    ctx.log?.(`verifying ${ctx.space} on the live space: asking ${sample.length} question(s) (${settings.mode})`);
    const live = await runScore(input);
    const baseline = await findBaseline({
      ...ctx,
      backend: ctx.backend.name,
      log: ctx.log,
      cacheDir: settings.cacheDir,
    });
    // Too many outages: no verdict, and no re-asks spent on it.
    if (inconclusiveVerdict([{ label: 'live', card: live }], verdictSettings.maxErrored) || baseline.kind === 'none')
      return { verdict: noBaseline(live, verdictSettings, baseline.source), live, source: baseline.source };
    if (baseline.kind === 'score')
      return { verdict: judgeAgainstScore(live, baseline, verdictSettings), live, source: baseline.source };
    const compared = await compareWithRepeats(
      {
        direction: 'worse',
        tolerance: verdictSettings.maxRegression,
        confidence: verdictSettings.confidence,
        maxRepeats: settings.maxRepeats ?? DEFAULT_MAX_REPEATS,
        screeningAsks: 1,
      },
      { card: live, reasker: { reask: (card, ids) => reaskScore(input, card, ids) } },
      // The baseline is a stored card: it cannot be asked again, only the live side is.
      { card: baseline.card, reasker: { reask: async (card) => card } },
      { log: ctx.log },
    );
    const verdict = judgeAgainstCard(compared.head, baseline.card, compared.comparison, verdictSettings);
    return { verdict, live: compared.head, source: baseline.source };
  } finally {
    await side.close();
  }
}

async function rollBack(ctx: VerifyContext, settings: VerifySettings, result: LiveVerification): Promise<void> {
  const mode = settings.autoRollback ?? 'off';
  if (mode === 'off') {
    result.rollbackSkipped = 'auto-rollback is off';
    return;
  }
  if (await containsRollback(ctx.git, ctx.before, ctx.commit)) {
    result.rollbackSkipped =
      'this push is itself a rollback: a rollback of a rollback is never automatic, a person decides';
    return;
  }
  try {
    result.rollback = await createRollback({
      git: ctx.git,
      github: ctx.github,
      space: ctx.space,
      mode,
      commit: ctx.commit,
      baseBranch: settings.baseBranch ?? 'main',
      configPath: ctx.configPath,
      reason: `the live space of ${ctx.space} scored ${pct(result.liveScore)} after the deploy, expected ${pct(result.expectedScore)}`,
      title: `genie-gitops: roll back ${ctx.space} (live ${pct(result.liveScore)} < expected ${pct(result.expectedScore)})`,
      body: ({ revertSha, restores }) =>
        renderRollbackBody({
          space: ctx.space,
          commit: ctx.commit,
          revertSha,
          restores,
          verdict: result,
          live: result.live!,
          baselineSource: result.baselineSource,
          runUrl: settings.runUrl,
          mode: settings.mode,
        }),
    });
  } catch (error) {
    result.rollbackError = messageOf(error);
  }
}
