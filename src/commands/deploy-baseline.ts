/**
 * "The score the merged config earned before the merge", for post-deploy verification, looked
 * up in this order:
 * 1. the PR score check's stored scorecard for exactly this config and these benchmarks on this
 *    backend (scorecard-cache.ts): per question, so the comparison is paired;
 * 2. the score published as a commit status on the merged PR's head (by the PR score check of
 *    this backend, else by enhance), found through the merge commit's second parent or GitHub's
 *    commit-to-PR link, and used only when that head's config file equals the merged one;
 * 3. otherwise "no baseline".
 */
import { GenieGitopsError, messageOf } from '../errors.js';
import type { Git, CommitStatus, GitHubPort } from '../ports.js';
import type { Baseline } from '../scoring/live-verdict.js';
import type { Benchmark } from '../benchmarks/types.js';
import { hashBenchmarks, hashSpace } from '../space/hash.js';
import type { Space } from '../space/schema.js';
import { parseSpaceText } from '../space/space-file.js';
import { defaultCacheDir, readCachedScorecard } from './scorecard-cache.js';
import type { BackendName } from './workspace.js';

/** The context of the enhance PR's status (set by enhance-pr.ts) and of the PR score check's, per backend: deploy reads both back. */
export const enhanceStatusContext = (space: string) => `genie-gitops/score (${space})`;
export const scoreStatusContext = (space: string, backend: string) => `genie-gitops/score (${space}, ${backend})`;

export interface BaselineInput {
  root: string;
  space: string;
  /** The merged config (the repository's, without synced benchmarks). */
  config: Space;
  /** Repository-relative path of the config file, to compare a PR head's config. */
  configPath: string;
  benchmarks: readonly Benchmark[];
  backend: BackendName;
  git: Git;
  /** The deployed commit. */
  commit: string;
  github?: GitHubPort;
  cacheDir?: string;
  log?: (line: string) => void;
}

const PERCENT = (name: string) => new RegExp(`\\b${name} (\\d+(?:\\.\\d+)?)%`);

/** Reads "score 80.0%", "train 80.0%", "holdout 70.0%" out of a status description (either writer's format). */
export function parseScoreStatus(description: string): { all?: number; train?: number; holdout?: number } | undefined {
  const read = (name: string) => {
    const m = PERCENT(name).exec(description);
    return m ? Number(m[1]) / 100 : undefined;
  };
  const out = { all: read('score'), train: read('train'), holdout: read('holdout') };
  return out.all === undefined && out.train === undefined && out.holdout === undefined ? undefined : out;
}

export async function findBaseline(input: BaselineInput): Promise<Baseline> {
  const configHash = hashSpace(input.config);
  const card = readCachedScorecard(input.cacheDir ?? defaultCacheDir(input.root), {
    space: input.space,
    configHash,
    benchmarksHash: hashBenchmarks(input.benchmarks),
    backend: input.backend,
  });
  if (card)
    return {
      kind: 'scorecard',
      source: `the PR score check's scorecard of config ${configHash.slice(0, 7)}`,
      card,
    };
  if (!input.github)
    return { kind: 'none', source: 'no stored scorecard of this config, and no GitHub token to read PR statuses' };
  try {
    const found = await statusBaseline(input, configHash);
    if (found) return found;
  } catch (error) {
    // Reading statuses is best effort: without them there is simply no baseline.
    input.log?.(`could not read the merged PR's score status: ${messageOf(error)}`);
  }
  return {
    kind: 'none',
    source: 'no stored scorecard of this config and no score status on the merged PR head',
  };
}

/** PR heads whose config may be the merged one: the merge's second parent, and the PRs GitHub links to the commit. */
async function prHeads(git: Git, github: GitHubPort, commit: string): Promise<string[]> {
  const heads: string[] = [];
  const parents = await git.parents(commit).catch(() => [] as string[]);
  if (parents.length > 1) heads.push(parents[1]!);
  for (const pr of await github.pullRequestsOfCommit(commit)) if (!heads.includes(pr.headSha)) heads.push(pr.headSha);
  return heads;
}

async function statusBaseline(input: BaselineInput, configHash: string): Promise<Baseline | undefined> {
  const github = input.github!;
  for (const head of await prHeads(input.git, github, input.commit)) {
    const text = await input.git.tryShow(head, input.configPath);
    if (text === undefined) continue;
    let headHash: string;
    try {
      headHash = hashSpace(parseSpaceText(text, `${input.configPath}@${head.slice(0, 7)}`));
    } catch (error) {
      if (error instanceof GenieGitopsError) continue;
      throw error;
    }
    if (headHash !== configHash) {
      input.log?.(`PR head ${head.slice(0, 7)} has another config than the merged one: its score status is not used`);
      continue;
    }
    const statuses = await github.listCommitStatuses(head);
    const pick = (context: string): CommitStatus | undefined =>
      statuses.find((s) => s.context === context && (s.state === 'success' || s.state === 'failure'));
    const status = pick(scoreStatusContext(input.space, input.backend)) ?? pick(enhanceStatusContext(input.space));
    const scores = status && parseScoreStatus(status.description);
    if (status && scores)
      return {
        kind: 'score',
        source: `the "${status.context}" status of PR head ${head.slice(0, 7)} (${status.description})`,
        ...scores,
      };
  }
  return undefined;
}
