/**
 * `export`: pull a live space into the repository as canonical JSON (a first import, or adopting
 * edits made in the Genie UI) and, with git and GitHub at hand, propose it as a PR on
 * genie-gitops/export/<space>.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GenieGitopsError } from '../errors.js';
import { checkBotBranch, publishBotBranch } from '../gitops/bot-branch.js';
import type { Git, GitHubPort, PullRequest, SpaceStore, StoredSpace } from '../ports.js';
import { upsertPullRequest } from '../gitops/pull-request-upsert.js';
import { serializeSpace } from '../space/canonical.js';
import { hashSpace } from '../space/hash.js';
import type { Space } from '../space/schema.js';
import { readGenieQuestions, withoutBenchmarks } from '../benchmarks/genie-benchmarks.js';
import { mergeIntoBenchmarkYaml } from '../benchmarks/benchmark-export.js';
import { parseSpaceText } from '../space/space-file.js';
import { findSpaceEntry, repoRelative, targetOf, type LayoutOptions } from '../space/repository.js';
import { resolveInside, spacePaths, repoPaths } from '../space/repo-paths.js';
import { loadTarget, type Target } from '../space/target.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { BackendOpener } from './workspace.js';
import { liveSpaceOf } from './deploy-apply.js';

export interface ExportOptions {
  root: string;
  space: string;
  backend: BackendOpener;
  /** With both, the change is committed on genie-gitops/export/<space> and proposed as a PR. */
  git?: Git;
  github?: GitHubPort;
  /** The PR's base branch; default the repository's default branch. */
  baseBranch?: string;
  /** For tests: the store to use instead of the backend's. */
  store?: SpaceStore;
  /** Which bundle target bundle-declared spaces are read for. */
  layout?: LayoutOptions;
}

export type ExportOutcome = 'unchanged' | 'written' | 'pr-created' | 'pr-updated' | 'blocked';

export interface ExportResult {
  space: string;
  /** What happened to the live space's benchmarks.questions (moved into benchmarks/<space>.yml). */
  benchmarks?: string;
  liveSpaceId: string;
  /** Repository-relative path of the space file. */
  file: string;
  outcome: ExportOutcome;
  message: string;
  pr?: PullRequest;
}

export function exportBranch(space: string): string {
  return `genie-gitops/export/${space}`;
}

export async function exportCommand(options: ExportOptions): Promise<ExportResult> {
  const { file, target } = exportDestination(options);
  const absolute = path.join(options.root, file);
  const liveSpaceId = target.liveSpaceId;
  const live = liveSpaceOf(await readLive(options, target, liveSpaceId), `live space ${liveSpaceId}`);
  const before = existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
  const beforeSpace = before === undefined ? undefined : parseSpaceText(before, file);
  const split = splitBenchmarks(options.root, options.space, live, beforeSpace);
  const space = split.space;
  const text = serializeSpace(space);
  const base = { space: options.space, liveSpaceId, file, ...(split.note ? { benchmarks: split.note } : {}) };
  if (before === text && !split.write)
    return { ...base, outcome: 'unchanged', message: `${file} already equals the live space` };

  const { git, github } = options;
  let check: Awaited<ReturnType<typeof checkBotBranch>> | undefined;
  const branch = exportBranch(options.space);
  if (git && github) {
    check = await checkBotBranch(git, branch, 'HEAD');
    if (!check.ok) return { ...base, outcome: 'blocked', message: check.reason };
  }
  writeFileAtomic(absolute, text);
  if (split.write) writeFileAtomic(path.join(options.root, split.write.file), split.write.text);
  const paths = [file, ...(split.write ? [split.write.file] : [])];
  if (!git || !github || !check)
    return {
      ...base,
      outcome: 'written',
      message: `wrote ${paths.join(' and ')} from live space ${liveSpaceId}${split.note ? ` (${split.note})` : ''}`,
    };

  const baseBranch = options.baseBranch ?? (await github.defaultBranch());
  const published = await publishBotBranch(git, {
    branch,
    paths,
    message: `genie-gitops: export ${options.space} from live space ${liveSpaceId}`,
    expectedRemoteSha: check.remoteSha,
  });
  const body = [
    `## genie-gitops: export \`${options.space}\``,
    '',
    `The live space \`${liveSpaceId}\` differs from \`${file}\` on \`${baseBranch}\` (edits made outside git, e.g. in the Genie UI).`,
    `This PR adopts the live config as it is, written canonically, so the diff shows exactly those edits.`,
    '',
    `- live config hash: \`${hashSpace(space).slice(0, 12)}\``,
    beforeSpace === undefined
      ? '- first export of this space'
      : `- repository config hash: \`${hashSpace(beforeSpace).slice(0, 12)}\``,
    '',
    ...(split.note ? [`Genie's benchmark questions: ${split.note}.`, ''] : []),
    'Merging it makes the repository match the live space again, so the next deploy no longer reports drift. Closing it and re-running deploy with `on-drift: overwrite` discards the live edits instead.',
    '',
  ].join('\n');
  const upserted = await upsertPullRequest(github, {
    branch,
    base: baseBranch,
    title: `genie-gitops: adopt live edits of ${options.space}`,
    body,
    labels: ['genie-gitops', `space:${options.space}`],
  });
  const outcome: ExportOutcome = upserted.action === 'created' ? 'pr-created' : 'pr-updated';
  const pushed = published.pushed
    ? `pushed ${published.sha.slice(0, 7)} to ${branch}`
    : `${branch} already had this change`;
  return { ...base, outcome, pr: upserted.pr, message: `${pushed}; PR #${upserted.pr.number} ${upserted.action}` };
}

/** Where the live config goes: the space's config file, or spaces/<name>/space.json when only target.yml exists yet. */
function exportDestination(options: ExportOptions): { file: string; target: Target } {
  const entry = findSpaceEntry(options.root, options.space, options.layout);
  const target = entry && targetOf(options.root, entry);
  if (entry && target) {
    resolveInside(options.root, entry.spaceFile, `the config file of space ${options.space}`);
    return { file: entry.configPath, target };
  }
  // target.yml alone is enough: a first export creates space.json. The paths are checked to stay
  // inside the repository (the name, and any symlinked folder on the way).
  const paths = spacePaths(options.root, options.space);
  const file = repoPaths.spaceFile(options.space);
  return { file, target: loadTarget(paths.targetFile, repoPaths.targetFile(options.space)) };
}

async function readLive(options: ExportOptions, target: Target | undefined, spaceId: string): Promise<StoredSpace> {
  if (options.store) return options.store.get(spaceId);
  const backend = await options.backend.open({ root: options.root, target, spacesOnly: true, layout: options.layout });
  try {
    if (!backend.spaces)
      throw new GenieGitopsError(
        `the ${options.backend.name} backend has no space store`,
        'use a backend that can read spaces',
      );
    return await backend.spaces.get(spaceId);
  } finally {
    await backend.close();
  }
}

/**
 * Where the live space's `benchmarks.questions` go: when the repository keeps its benchmarks in
 * benchmarks/<space>.yml (its space.json holds no benchmark questions), they are merged into
 * that file by their derived ids and left out of space.json, so deploy with sync-benchmarks and
 * export round-trip both files unchanged; otherwise space.json keeps them as it always did.
 */
function splitBenchmarks(
  root: string,
  name: string,
  live: Space,
  before: Space | undefined,
): { space: Space; write?: { file: string; text: string }; note?: string } {
  const questions = readGenieQuestions(live);
  const repoKeepsThem = (before?.benchmarks?.questions?.length ?? 0) > 0;
  if (questions.length === 0 || repoKeepsThem) return { space: live };
  const ymlPath = spacePaths(root, name).benchmarksFile;
  const ymlFile = repoRelative(root, ymlPath);
  const current = existsSync(ymlPath) ? readFileSync(ymlPath, 'utf8') : undefined;
  const merged = mergeIntoBenchmarkYaml(current, questions, ymlFile);
  const parts = [
    merged.updated.length ? `${merged.updated.length} updated (${merged.updated.join(', ')})` : '',
    merged.added.length ? `${merged.added.length} added in the space (${merged.added.join(', ')})` : '',
    merged.notInSpace.length ? `${merged.notInSpace.length} of ours not in the space, kept` : '',
    merged.withoutSql.length ? `${merged.withoutSql.length} without SQL left out` : '',
  ].filter(Boolean);
  const note = `${questions.length} kept in ${ymlFile}${parts.length ? `: ${parts.join('; ')}` : ''}`;
  return {
    space: withoutBenchmarks(live),
    ...(merged.text !== current ? { write: { file: ymlFile, text: merged.text } } : {}),
    note,
  };
}
