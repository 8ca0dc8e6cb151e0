/**
 * `export`: pull a live space into the repository as canonical JSON (a first import, or adopting
 * edits made in the Genie UI) and, with git and GitHub at hand, propose it as a PR on
 * genie-gitops/export/<space>.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GenieGitopsError } from '../errors.js';
import { checkBotBranch, publishBotBranch } from '../github/bot-branch.js';
import type { GitCli } from '../github/git-cli.js';
import type { GitHubPort, PullRequest } from '../github/github-port.js';
import { upsertPullRequest } from '../github/pull-request-upsert.js';
import type { SpaceStore } from '../ports.js';
import { serializeSpace } from '../space/canonical.js';
import { hashSpace } from '../space/hash.js';
import { SpaceSchema } from '../space/schema.js';
import { parseSpaceText } from '../space/space-file.js';
import { findSpaceEntry, targetOf, type LayoutOptions } from '../space/repository.js';
import { validateSpaceName } from '../space/space-name.js';
import { loadTarget, type Target } from '../space/target.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { openBackend, type BackendName } from './workspace.js';

export interface ExportOptions {
  root: string;
  space: string;
  backend: BackendName;
  env?: Readonly<Record<string, string | undefined>>;
  /** With both, the change is committed on genie-gitops/export/<space> and proposed as a PR. */
  git?: GitCli;
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
  validateSpaceName(options.space);
  const { file, target } = exportDestination(options);
  const absolute = path.join(options.root, file);
  const liveSpaceId = target.liveSpaceId;
  const stored = await readLive(options, target, liveSpaceId);
  const space =
    typeof stored === 'string' ? parseSpaceText(stored, `live space ${liveSpaceId}`) : SpaceSchema.parse(stored);
  const text = serializeSpace(space);
  const before = existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
  const base = { space: options.space, liveSpaceId, file };
  if (before === text) return { ...base, outcome: 'unchanged', message: `${file} already equals the live space` };

  const { git, github } = options;
  let check: Awaited<ReturnType<typeof checkBotBranch>> | undefined;
  const branch = exportBranch(options.space);
  if (git && github) {
    check = await checkBotBranch(git, branch, 'HEAD');
    if (!check.ok) return { ...base, outcome: 'blocked', message: check.reason };
  }
  writeFileAtomic(absolute, text);
  if (!git || !github || !check)
    return { ...base, outcome: 'written', message: `wrote ${file} from live space ${liveSpaceId}` };

  const baseBranch = options.baseBranch ?? (await github.defaultBranch());
  const published = await publishBotBranch(git, {
    branch,
    paths: [file],
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
    before === undefined
      ? '- first export of this space'
      : `- repository config hash: \`${hashSpace(parseSpaceText(before, file)).slice(0, 12)}\``,
    '',
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
  if (entry && target) return { file: entry.configPath, target };
  // target.yml alone is enough: a first export creates space.json.
  const file = `spaces/${options.space}/space.json`;
  const targetFile = `spaces/${options.space}/target.yml`;
  return { file, target: loadTarget(path.join(options.root, targetFile), targetFile) };
}

async function readLive(
  options: ExportOptions,
  target: Parameters<typeof openBackend>[2],
  spaceId: string,
): Promise<unknown> {
  if (options.store) return (await options.store.get(spaceId)).serializedSpace;
  const backend = await openBackend(options.root, options.backend, target, {
    env: options.env,
    spacesOnly: true,
    layout: options.layout,
  });
  try {
    if (!backend.spaces)
      throw new GenieGitopsError(
        `the ${options.backend} backend has no space store`,
        'use a backend that can read spaces',
      );
    return (await backend.spaces.get(spaceId)).serializedSpace;
  } finally {
    await backend.close();
  }
}
