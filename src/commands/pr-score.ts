/**
 * `score` on a pull request: score the head config and the base config (read from git at the
 * base commit), reuse a cached card when config and benchmark hashes match, and report head vs
 * base in one sticky comment. When the base branch moved after the PR event, the base is
 * re-scored at its current tip and the comment says so, never showing an outdated number silently.
 */
import type { Git, GitHubPort } from '../ports.js';
import { scoreCommentMarker, upsertStickyComment } from '../gitops/sticky-comment.js';
import { renderComparisonMarkdown } from '../report/comparison-markdown.js';
import { renderScorecardMarkdown } from '../report/scorecard-markdown.js';
import { GITHUB_COMMENT_LIMIT } from '../report/markdown-format.js';
import {
  DEFAULT_CONFIDENCE,
  DEFAULT_MAX_REPEATS,
  assessLook,
  compareWithRepeats,
  pairOutcomes,
  type SequentialPlan,
} from '../scoring/adaptive-repeats.js';
import { decideGate, type GateResult } from '../scoring/score-gate.js';
import {
  DEFAULT_MAX_ERRORED,
  inconclusiveVerdict,
  nameIds,
  pairedAnswered,
  type Inconclusive,
} from '../scoring/errored-gate.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { hashBenchmarks, hashSpace } from '../space/hash.js';
import type { Space } from '../space/schema.js';
import type { StagingMode } from '../space/target.js';
import { parseSpaceText } from '../space/space-file.js';
import type { Benchmark } from '../benchmarks/types.js';
import { defaultCacheDir, readCachedScorecard, writeCachedScorecard } from './scorecard-cache.js';
import { assertValidConfig, configScorer, loadSpaceBenchmarks, type ConfigScorer } from './score.js';
import type { LayoutOptions } from '../space/repository.js';
import { loadSpace, type Backend, type BackendOpener } from './workspace.js';
import { minScoreFailure } from '../scoring/score-gate.js';
import { pct } from '../util/percent.js';

export interface PrScoreOptions {
  root: string;
  space: string;
  /** The backend the entry chose; opened here for this space. */
  backend: BackendOpener;
  git: Git;
  /** The base commit from the PR event. */
  baseSha: string;
  /** The base branch name; when given, a moved base is detected and re-scored. */
  baseRef?: string;
  repeats?: number;
  minScore?: number;
  /** Largest allowed drop of the overall score against base, as a fraction (0.05 = 5 points). */
  maxRegression?: number;
  /** One-sided confidence a drop must reach to fail the check; default 0.95. */
  confidence?: number;
  /** Most re-asks per side of a question whose answers disagree; default 3. */
  maxRepeats?: number;
  /**
   * Largest share of errored questions (infrastructure failures) on head or base before the
   * check is inconclusive instead of failing or passing; default 0.1.
   */
  maxErrored?: number;
  /** Local engine noise (0..1) and seed, for flakiness tests; base asks use seed + 1. */
  noise?: number;
  seed?: number;
  cacheDir?: string;
  /** Which bundle target bundle-declared spaces are read for. */
  layout?: LayoutOptions;
  /** Databricks backend: a temporary staging space per run (default) or the shared one of target.yml. */
  staging?: StagingMode;
  /** With both, the comparison is posted as (or updates) the sticky comment. */
  github?: GitHubPort;
  prNumber?: number;
  log?: (line: string) => void;
}

export interface PrScoreResult {
  space: string;
  head: Scorecard;
  /** Undefined when the base branch has no such space yet. */
  base?: Scorecard;
  baseSha: string;
  baseCached: boolean;
  /** Set when the base moved since the PR event. */
  staleNote?: string;
  /** Why the check fails; empty when it passes or is inconclusive. */
  failures: string[];
  /** The verdict, with the paired comparison that decided it. */
  gate: GateResult;
  /** Set when too many questions errored to judge: the check is neutral (neither failed nor passed). */
  inconclusive?: Inconclusive;
  markdown: string;
  comment?: { url: string; action: 'created' | 'updated' };
}

export async function prScoreCommand(options: PrScoreOptions): Promise<PrScoreResult> {
  const { git, space } = options;
  const loaded = loadSpace(options.root, space, options.layout);
  const { baseSha, staleNote } = await resolveBase(options);
  const baseSpace = await readBaseSpace(git, loaded.configPath, baseSha);
  const backend = await options.backend.open({
    root: options.root,
    target: loaded.target,
    space,
    layout: options.layout,
    noise: options.noise,
    seed: options.seed,
    staging: options.staging,
  });
  let scored: Awaited<ReturnType<typeof scoreHeadAndBase>>;
  try {
    assertValidConfig(options.root, loaded, await backend.warehouse.schema());
    scored = await scoreHeadAndBase(backend, loaded.space, baseSpace, baseSha, options);
  } finally {
    await backend.close();
  }
  const { head, base, baseCached, comparison } = scored;
  const settings = {
    minScore: options.minScore,
    maxRegression: options.maxRegression,
    confidence: options.confidence ?? DEFAULT_CONFIDENCE,
  };
  // Too many outages to judge: the gate is neutral, so the check can neither fail nor pass on them.
  const inconclusive = inconclusiveVerdict(
    [{ label: 'head', card: head }, ...(base && base !== head ? [{ label: 'base', card: base }] : [])],
    options.maxErrored ?? DEFAULT_MAX_ERRORED,
  );
  const gate = decideGate({
    head,
    base,
    comparison,
    settings,
    inconclusive: inconclusive?.message.replace(/^inconclusive: /, ''),
  });
  const failures = gate.failures;
  const markdown = renderPrComment({ space, head, base, baseSha, staleNote, gate, baseCached });
  const result: PrScoreResult = { space, head, base, baseSha, baseCached, staleNote, failures, gate, markdown };
  if (inconclusive) result.inconclusive = inconclusive;
  if (options.github && options.prNumber !== undefined) {
    const sticky = await upsertStickyComment(options.github, options.prNumber, scoreCommentMarker(space), markdown);
    result.comment = { url: sticky.comment.url, action: sticky.action };
  }
  return result;
}

/**
 * Scores head (cached when possible), then base, then compares them with adaptive repeats.
 * Head and base asks draw independent noise on the local engine (base uses seed + 1).
 */
async function scoreHeadAndBase(
  backend: Backend,
  headSpace: Space,
  baseSpace: Space | undefined,
  baseSha: string,
  options: PrScoreOptions,
): Promise<{ head: Scorecard; base?: Scorecard; baseCached: boolean; comparison?: GateResult['comparison'] }> {
  const { space } = options;
  const log = options.log ?? (() => {});
  const benchmarks = loadSpaceBenchmarks(options.root, space);
  const cacheDir = options.cacheDir ?? defaultCacheDir(options.root);
  // Without max-regression a drop cannot fail the check, so no re-ask could change the outcome.
  const plan: SequentialPlan = {
    direction: 'worse',
    tolerance: options.maxRegression ?? 0,
    confidence: options.confidence ?? DEFAULT_CONFIDENCE,
    maxRepeats: options.maxRegression === undefined ? 0 : (options.maxRepeats ?? DEFAULT_MAX_REPEATS),
    screeningAsks: options.repeats ?? 1,
  };
  const scorerOf = (config: Space, seed?: number) =>
    configScorer(backend, space, config, benchmarks, { repeats: options.repeats, seed });
  const headScorer = scorerOf(headSpace, options.seed);
  log(`scoring head config of ${space}`);
  const head = (await cachedScore(headScorer, backend, space, headSpace, benchmarks, cacheDir, options)).card;
  if (!baseSpace) return { head, baseCached: false };
  if (hashSpace(baseSpace) === head.configHash) {
    const comparison = { ...assessLook(pairOutcomes(head, head), plan, Infinity), rounds: 0, reasked: 0 };
    return { head, base: head, baseCached: true, comparison };
  }
  log(`scoring base config of ${space} at ${baseSha.slice(0, 7)}`);
  const baseScorer = scorerOf(baseSpace, options.seed === undefined ? undefined : options.seed + 1);
  const scored = await cachedScore(baseScorer, backend, space, baseSpace, benchmarks, cacheDir, options);
  const compared = await compareWithRepeats(
    plan,
    { card: head, reasker: headScorer },
    { card: scored.card, reasker: baseScorer },
    { log },
  );
  return { ...compared, baseCached: scored.cached };
}

async function resolveBase(options: PrScoreOptions): Promise<{ baseSha: string; staleNote?: string }> {
  const eventBase = options.baseSha;
  if (!options.baseRef) return { baseSha: eventBase };
  const tip = await options.git.tryRemoteBranchSha('origin', options.baseRef);
  if (!tip || tip === eventBase || !(await options.git.tryFetchCommit('origin', tip))) return { baseSha: eventBase };
  return {
    baseSha: tip,
    staleNote: `The base branch \`${options.baseRef}\` moved since this PR event (was \`${eventBase.slice(0, 7)}\`, now \`${tip.slice(0, 7)}\`): the base was scored at its current tip. Update the PR branch to score the merged result.`,
  };
}

async function readBaseSpace(git: Git, file: string, baseSha: string): Promise<Space | undefined> {
  if (!(await git.tryFetchCommit('origin', baseSha))) return undefined;
  const text = await git.tryShow(baseSha, file);
  return text === undefined ? undefined : parseSpaceText(text, `${file}@${baseSha.slice(0, 7)}`);
}

async function cachedScore(
  scorer: ConfigScorer,
  backend: Backend,
  space: string,
  config: Space,
  benchmarks: Benchmark[],
  cacheDir: string,
  options: PrScoreOptions,
): Promise<{ card: Scorecard; cached: boolean }> {
  // Repeated or noisy runs are a different measurement, so only single deterministic runs are
  // shared; the card is cached before any re-ask, so a cached card is always a screening card.
  const cacheable = (options.repeats ?? 1) === 1 && !options.noise;
  const key = {
    space,
    configHash: hashSpace(config),
    benchmarksHash: hashBenchmarks(benchmarks),
    backend: backend.name,
  };
  const hit = cacheable ? readCachedScorecard(cacheDir, key) : undefined;
  if (hit && hit.totals.all.errored === 0) return { card: hit, cached: true };
  const card = await scorer.score();
  // A card with errored questions is not the config's measure, only the outage's: score it again next time.
  if (cacheable && card.totals.all.errored === 0) writeCachedScorecard(cacheDir, card);
  return { card, cached: false };
}

/**
 * The naive threshold rule the check used before the paired test: fail when the single-run
 * score drops more than max-regression. Kept as the reference the bench measures against.
 */
export function checkThresholds(
  head: Scorecard,
  base: Scorecard | undefined,
  options: { minScore?: number; maxRegression?: number },
): string[] {
  const failures: string[] = [];
  // Scores are over answered questions: an errored question is neither a pass nor a failure.
  const score = head.totals.all.score;
  const belowMin = minScoreFailure(score, options.minScore);
  if (belowMin) failures.push(`head ${belowMin}`);
  if (base && options.maxRegression !== undefined) {
    // Head and base on the same questions: those answered in both.
    const paired = pairedAnswered(head, base);
    const drop = paired.base.score - paired.head.score;
    const on = paired.erroredIds.length ? ` on the ${paired.ids.length} questions answered in both` : '';
    // A tiny epsilon keeps float noise (e.g. 0.1 + 0.2) from failing an equal score.
    if (drop > options.maxRegression + 1e-9) {
      failures.push(
        `head score ${pct(paired.head.score)} is ${(drop * 100).toFixed(1)} points below base ${pct(paired.base.score)}${on} (max-regression ${(options.maxRegression * 100).toFixed(1)} points)`,
      );
    }
  }
  return failures;
}

export function renderPrComment(input: {
  space: string;
  head: Scorecard;
  base?: Scorecard;
  baseSha: string;
  staleNote?: string;
  gate: GateResult;
  baseCached: boolean;
}): string {
  const marker = scoreCommentMarker(input.space);
  const { gate } = input;
  const verdict = gate.failures.length
    ? ['', `**❌ Score check failed:** ${gate.failures.join('; ')}.`]
    : gate.verdict === 'inconclusive'
      ? ['', `**⚪ Score check inconclusive** (neutral, not failed): ${gate.summary.replace(/^Inconclusive: /, '')}`]
      : ['', `**✅ Score check passed.** ${gate.summary}`];
  const notes = [
    ...erroredNote(input.head, input.base),
    ...(input.staleNote ? ['', '> [!WARNING]', `> ${input.staleNote}`] : []),
    '',
    `<sub>base: \`${input.baseSha.slice(0, 7)}\`${input.base ? (input.baseCached ? ' (scorecard reused: same config and benchmark hashes)' : ' (scored in this run)') : ' (no such space on the base branch: head only)'}</sub>`,
  ];
  const reserve = marker.length + verdict.join('\n').length + notes.join('\n').length + 8;
  const budget = GITHUB_COMMENT_LIMIT - reserve;
  const title = `Genie score: \`${input.space}\``;
  const main = input.base
    ? renderComparisonMarkdown(input.head, input.base, { title, maxChars: budget, gate })
    : renderScorecardMarkdown(input.head, { title: `genie-gitops score: ${input.space}`, maxChars: budget });
  return [marker, main.trimEnd(), ...verdict, ...notes, ''].join('\n');
}

/** Which questions errored and were left out of the comparison (shown even when within max-errored). */
function erroredNote(head: Scorecard, base: Scorecard | undefined): string[] {
  const paired = base && base !== head ? pairedAnswered(head, base) : undefined;
  const ids = paired ? paired.erroredIds : head.questions.filter((q) => q.errored).map((q) => q.id);
  if (ids.length === 0) return [];
  const scope = paired ? `head and base were compared on the ${paired.ids.length} questions answered in both` : '';
  return [
    '',
    `> [!NOTE]`,
    `> ${ids.length} question(s) errored (infrastructure failures, left out of the scores, not counted as wrong): ${nameIds(ids)}${scope ? `; ${scope}` : ''}.`,
  ];
}
