/**
 * `score` on a pull request: score the head config and the base config (read from git at the
 * base commit), reuse a cached card when config and benchmark hashes match, and report head vs
 * base in one sticky comment. When the base branch moved after the PR event, the base is
 * re-scored at its current tip and the comment says so, never showing an outdated number silently.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../errors.js';
import type { GitCli } from '../github/git-cli.js';
import type { GitHubPort } from '../github/github-port.js';
import { scoreCommentMarker, upsertStickyComment } from '../github/sticky-comment.js';
import { renderComparisonMarkdown } from '../report/comparison-markdown.js';
import { renderScorecardMarkdown } from '../report/scorecard-markdown.js';
import { GITHUB_COMMENT_LIMIT } from '../report/markdown-format.js';
import {
  DEFAULT_MAX_ERRORED,
  inconclusiveVerdict,
  nameIds,
  pairedAnswered,
  type Inconclusive,
} from '../scoring/errored-gate.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { hashBenchmarks, hashSpace } from '../space/hash.js';
import { checkInvariants } from '../space/invariants.js';
import type { Space } from '../space/schema.js';
import type { StagingMode } from '../space/target.js';
import { addIssueLines, parseSpaceText } from '../space/space-file.js';
import type { Benchmark } from '../benchmarks/types.js';
import { defaultCacheDir, readCachedScorecard, writeCachedScorecard } from './scorecard-cache.js';
import { loadSpaceBenchmarks, scoreConfig } from './score.js';
import { loadSpace, openBackend, type Backend, type BackendName } from './workspace.js';

export interface PrScoreOptions {
  root: string;
  space: string;
  backend: BackendName;
  git: GitCli;
  /** The base commit from the PR event. */
  baseSha: string;
  /** The base branch name; when given, a moved base is detected and re-scored. */
  baseRef?: string;
  repeats?: number;
  minScore?: number;
  /** Largest allowed drop of the overall score against base, as a fraction (0.05 = 5 points). */
  maxRegression?: number;
  /**
   * Largest share of errored questions (infrastructure failures) on head or base before the
   * check is inconclusive instead of failing or passing; default 0.1.
   */
  maxErrored?: number;
  cacheDir?: string;
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
  /** Set when too many questions errored to judge: the check is neutral (neither failed nor passed). */
  inconclusive?: Inconclusive;
  markdown: string;
  comment?: { url: string; action: 'created' | 'updated' };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function prScoreCommand(options: PrScoreOptions): Promise<PrScoreResult> {
  const { git, space } = options;
  const log = options.log ?? (() => {});
  const loaded = loadSpace(options.root, space);
  const benchmarks = loadSpaceBenchmarks(options.root, space);
  const { baseSha, staleNote } = await resolveBase(options);
  const baseSpace = await readBaseSpace(git, space, baseSha);
  const cacheDir = options.cacheDir ?? defaultCacheDir(options.root);
  const backend = await openBackend(options.root, options.backend, loaded.target, {
    staging: options.staging,
    space,
  });
  let head: Scorecard;
  let base: Scorecard | undefined;
  let baseCached = false;
  try {
    const file = path.relative(options.root, loaded.spaceFile).split(path.sep).join('/');
    const issues = checkInvariants(loaded.space, { file, warehouseSchema: await backend.warehouse.schema() });
    if (issues.length > 0)
      throw new ValidationError(
        addIssueLines(readFileSync(loaded.spaceFile, 'utf8'), issues),
        'fix the space config (run `genie-gitops validate`)',
      );
    log(`scoring head config of ${space}`);
    head = await cachedScore(backend, space, loaded.space, benchmarks, cacheDir, options).then((r) => r.card);
    if (baseSpace) {
      if (hashSpace(baseSpace) === head.configHash) {
        base = head;
        baseCached = true;
      } else {
        log(`scoring base config of ${space} at ${baseSha.slice(0, 7)}`);
        const scored = await cachedScore(backend, space, baseSpace, benchmarks, cacheDir, options);
        base = scored.card;
        baseCached = scored.cached;
      }
    }
  } finally {
    await backend.close();
  }
  const inconclusive = inconclusiveVerdict(
    [{ label: 'head', card: head }, ...(base && base !== head ? [{ label: 'base', card: base }] : [])],
    options.maxErrored ?? DEFAULT_MAX_ERRORED,
  );
  // Too many outages to judge: no threshold is checked, so the check cannot fail (or pass) on them.
  const failures = inconclusive ? [] : checkThresholds(head, base, options);
  const markdown = renderPrComment({ space, head, base, baseSha, staleNote, failures, inconclusive, baseCached });
  const result: PrScoreResult = { space, head, base, baseSha, baseCached, staleNote, failures, markdown };
  if (inconclusive) result.inconclusive = inconclusive;
  if (options.github && options.prNumber !== undefined) {
    const sticky = await upsertStickyComment(options.github, options.prNumber, scoreCommentMarker(space), markdown);
    result.comment = { url: sticky.comment.url, action: sticky.action };
  }
  return result;
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

async function readBaseSpace(git: GitCli, space: string, baseSha: string): Promise<Space | undefined> {
  if (!(await git.tryFetchCommit('origin', baseSha))) return undefined;
  const file = `spaces/${space}/space.json`;
  const text = await git.tryShow(baseSha, file);
  return text === undefined ? undefined : parseSpaceText(text, `${file}@${baseSha.slice(0, 7)}`);
}

async function cachedScore(
  backend: Backend,
  space: string,
  config: Space,
  benchmarks: Benchmark[],
  cacheDir: string,
  options: PrScoreOptions,
): Promise<{ card: Scorecard; cached: boolean }> {
  // Repeated runs are a different measurement, so only single-run cards are shared.
  const cacheable = (options.repeats ?? 1) === 1;
  const key = {
    space,
    configHash: hashSpace(config),
    benchmarksHash: hashBenchmarks(benchmarks),
    backend: backend.name,
  };
  const hit = cacheable ? readCachedScorecard(cacheDir, key) : undefined;
  if (hit && hit.totals.all.errored === 0) return { card: hit, cached: true };
  const card = await scoreConfig(backend, space, config, benchmarks, { repeats: options.repeats });
  // A card with errored questions is not the config's measure, only the outage's: score it again next time.
  if (cacheable && card.totals.all.errored === 0) writeCachedScorecard(cacheDir, card);
  return { card, cached: false };
}

export function checkThresholds(
  head: Scorecard,
  base: Scorecard | undefined,
  options: { minScore?: number; maxRegression?: number },
): string[] {
  const failures: string[] = [];
  // Scores are over answered questions: an errored question is neither a pass nor a failure.
  const score = head.totals.all.score;
  if (options.minScore !== undefined && score < options.minScore)
    failures.push(`head score ${pct(score)} is below min-score ${pct(options.minScore)}`);
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
  failures: string[];
  inconclusive?: Inconclusive;
  baseCached: boolean;
}): string {
  const marker = scoreCommentMarker(input.space);
  const verdict = input.inconclusive
    ? [
        '',
        `**⚪ Score check inconclusive** (neutral, not failed): ${input.inconclusive.message.replace(/^inconclusive: /, '')}.`,
      ]
    : input.failures.length
      ? ['', `**❌ Score check failed:** ${input.failures.join('; ')}.`]
      : ['', '**✅ Score check passed.**'];
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
    ? renderComparisonMarkdown(input.head, input.base, { title, maxChars: budget })
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
