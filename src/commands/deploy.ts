/**
 * `deploy`: put the repository's configs on the live spaces. Per space: read live, compare it
 * (canonically) with the config as of the previously deployed commit; a difference means someone
 * edited the live space outside git (drift), which stops that space unless on-drift is overwrite.
 * Otherwise update live with the etag just read and read it back until it equals the config.
 * One failing space never stops the others. With a GitHub port, a space that is deployed (or
 * already was) moves its merged enhancement PRs from the pending label to deployed.
 */
import { GenieGitopsError, ValidationError } from '../errors.js';
import { ZERO_SHA, type GitCli } from '../github/git-cli.js';
import type { GitHubPort } from '../github/github-port.js';
import type { SpaceStore, StoredSpace } from '../ports.js';
import { serializeSpace } from '../space/canonical.js';
import { checkInvariants } from '../space/invariants.js';
import { findSpaceEntry, listSpaces, loadSpaceDir, spacesTouchedBy, type LayoutOptions } from '../space/repository.js';
import { validateSpaceName } from '../space/space-name.js';
import { SpaceSchema } from '../space/schema.js';
import { parseSpaceText } from '../space/space-file.js';
import type { Target } from '../space/target.js';
import { describeDeployLabels, markDeployedPulls } from './deploy-labels.js';
import { openBackend, type BackendName } from './workspace.js';

export type DeployStatus = 'deployed' | 'unchanged' | 'drifted' | 'failed' | 'skipped';
export type OnDrift = 'fail' | 'overwrite';

export interface DeploySpaceResult {
  space: string;
  status: DeployStatus;
  liveSpaceId?: string;
  message: string;
  /** Enhancement PRs relabelled deployed after this space deployed. */
  labelled?: number[];
  /** Why the labels could not be updated (the deploy itself stands). */
  labelWarning?: string;
}

export interface DeployOptions {
  root: string;
  backend: BackendName;
  git: GitCli;
  /** Explicit spaces, or 'all'; when absent the spaces changed in before..after are deployed. */
  spaces?: readonly string[] | 'all';
  /** The previously deployed commit (a push event's `before`). */
  before?: string;
  /** The commit being deployed (a push event's `after`); default HEAD. */
  after?: string;
  onDrift?: OnDrift;
  env?: Readonly<Record<string, string | undefined>>;
  log?: (line: string) => void;
  /** Read-back attempts after an update (a GET right after a PATCH may return old values). */
  verifyAttempts?: number;
  verifyDelayMs?: number;
  /** For tests: the store to use instead of the backend's. */
  store?: SpaceStore;
  /** Where enhancement PRs' deploy-state labels are kept; without it, labels are left alone. */
  github?: GitHubPort;
  /** Which bundle target bundle-declared spaces are read for. */
  layout?: LayoutOptions;
}

export interface DeployResult {
  spaces: DeploySpaceResult[];
  /** What decided the set of spaces, for the summary. */
  selection: string;
  ok: boolean;
}

/** The spaces whose files changed in before..after (folders, bundle configs), plus deleted folders (reported as skipped). */
export async function changedSpaces(
  git: GitCli,
  before: string,
  after: string,
  root = git.cwd,
  layout: LayoutOptions = {},
): Promise<string[]> {
  return spacesTouchedBy(root, await git.changedFiles(before, after), layout);
}

async function selectSpaces(options: DeployOptions): Promise<{ names: string[]; selection: string }> {
  if (options.spaces === 'all') return { names: listSpaces(options.root, options.layout), selection: 'all spaces' };
  if (options.spaces && options.spaces.length > 0)
    return { names: [...options.spaces], selection: `requested: ${options.spaces.join(', ')}` };
  const before = options.before;
  if (!before || ZERO_SHA.test(before))
    return {
      names: listSpaces(options.root, options.layout),
      selection: 'all spaces (no previous commit to diff against)',
    };
  if (!(await options.git.tryFetchCommit('origin', before))) {
    throw new GenieGitopsError(
      `the previous commit ${before.slice(0, 7)} is not available`,
      'check out with fetch-depth: 0 (or 2) so deploy can diff the push',
    );
  }
  const after = options.after ?? 'HEAD';
  return {
    names: await changedSpaces(options.git, before, after, options.root, options.layout),
    selection: `changed in ${before.slice(0, 7)}..${after.slice(0, 7)}`,
  };
}

/** The canonical text of a live space's config (Genie re-serialises what it stores). */
function liveText(stored: StoredSpace, label: string): string {
  if (typeof stored.serializedSpace === 'string') return serializeSpace(parseSpaceText(stored.serializedSpace, label));
  return serializeSpace(SpaceSchema.parse(stored.serializedSpace));
}

export async function deployCommand(options: DeployOptions): Promise<DeployResult> {
  // Names someone typed are checked like in every command; names from changed folders are reported per space.
  if (Array.isArray(options.spaces)) options.spaces.forEach((name) => validateSpaceName(name));
  const { names, selection } = await selectSpaces(options);
  const results: DeploySpaceResult[] = [];
  for (const space of names) {
    options.log?.(`deploy ${space}`);
    let result: DeploySpaceResult;
    try {
      result = await deployOne(space, options);
    } catch (error) {
      const message =
        error instanceof ValidationError ? error.message : error instanceof Error ? error.message : String(error);
      const hint = error instanceof GenieGitopsError && error.hint ? ` (${error.hint})` : '';
      result = { space, status: 'failed', message: `${message}${hint}` };
    }
    if (options.github && (result.status === 'deployed' || result.status === 'unchanged'))
      result = await labelDeployed(result, options.github, options);
    options.log?.(`${space}: ${result.status}: ${result.message}`);
    results.push(result);
  }
  // A drifted space did not receive the merged config: that needs a person (export or overwrite), so it is not ok either.
  return { spaces: results, selection, ok: results.every((r) => r.status !== 'failed' && r.status !== 'drifted') };
}

/** Labels never decide a deploy: a failure to label (e.g. a token without pull-requests: write) is only reported. */
async function labelDeployed(
  result: DeploySpaceResult,
  github: GitHubPort,
  options: DeployOptions,
): Promise<DeploySpaceResult> {
  try {
    const deployedSha = await options.git.revParse(options.after ?? 'HEAD');
    const labels = await markDeployedPulls(github, options.git, result.space, deployedSha);
    const line = describeDeployLabels(labels);
    return { ...result, labelled: labels.deployed, message: line ? `${result.message}; ${line}` : result.message };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof GenieGitopsError && error.hint ? ` (${error.hint})` : '';
    const labelWarning = `could not update the enhancement PR labels: ${message}${hint}`;
    return { ...result, labelWarning, message: `${result.message}; ${labelWarning}` };
  }
}

async function deployOne(space: string, options: DeployOptions): Promise<DeploySpaceResult> {
  if (!findSpaceEntry(options.root, space, options.layout)) {
    return {
      space,
      status: 'skipped',
      message: `spaces/${space}/space.json no longer exists; the live space was left as it is (delete it by hand if it should go)`,
    };
  }
  const dir = loadSpaceDir(options.root, space, options.layout);
  const target = dir.target;
  if (!target)
    return {
      space,
      status: 'failed',
      message: `spaces/${space}/target.yml is missing: it names the live space to deploy to`,
    };
  const issues = checkInvariants(dir.space, { file: dir.configPath });
  if (issues.length > 0) throw new ValidationError(issues);
  const config = serializeSpace(dir.space);
  return withStore(options, target, async (store) => {
    const base = { space, liveSpaceId: target.liveSpaceId };
    const live = await store.get(target.liveSpaceId);
    const current = liveText(live, `live space ${target.liveSpaceId}`);
    if (current === config) return { ...base, status: 'unchanged', message: 'the live space already has this config' };
    const previous = await previousConfig(dir.configPath, options);
    let note =
      previous === undefined ? ' (no previous config in git to check drift against: first deploy of this space)' : '';
    if (previous !== undefined && current !== previous) {
      if ((options.onDrift ?? 'fail') !== 'overwrite') {
        return {
          ...base,
          status: 'drifted',
          message: `the live space was edited outside git: it differs from the config deployed at ${options.before?.slice(0, 7)}. It was left untouched; run export to adopt the edits in a PR, or re-run with on-drift: overwrite to replace them`,
        };
      }
      note = ' (the live space had drifted; its edits were overwritten as on-drift: overwrite asks)';
    }
    await store.update(target.liveSpaceId, dir.space, { etag: live.etag });
    await verify(store, target.liveSpaceId, config, options);
    return { ...base, status: 'deployed', message: `updated and verified${note}` };
  });
}

async function previousConfig(configPath: string, options: DeployOptions): Promise<string | undefined> {
  if (!options.before || ZERO_SHA.test(options.before)) return undefined;
  const text = await options.git.tryShow(options.before, configPath);
  return text === undefined
    ? undefined
    : serializeSpace(parseSpaceText(text, `${configPath}@${options.before.slice(0, 7)}`));
}

/** Reads the live space back until it equals `config`; a GET right after an update may still be stale. */
async function verify(store: SpaceStore, spaceId: string, config: string, options: DeployOptions): Promise<void> {
  const attempts = options.verifyAttempts ?? 5;
  for (let i = 0; i < attempts; i++) {
    if (liveText(await store.get(spaceId), `live space ${spaceId}`) === config) return;
    if (i < attempts - 1) await new Promise((r) => setTimeout(r, (options.verifyDelayMs ?? 1000) * (i + 1)));
  }
  throw new GenieGitopsError(
    `live space ${spaceId} does not equal the deployed config after ${attempts} read(s)`,
    'check the space in the Genie UI and re-run deploy',
  );
}

async function withStore<T>(options: DeployOptions, target: Target, fn: (store: SpaceStore) => Promise<T>): Promise<T> {
  if (options.store) return fn(options.store);
  const backend = await openBackend(options.root, options.backend, target, {
    env: options.env,
    spacesOnly: true,
    layout: options.layout,
  });
  try {
    if (!backend.spaces)
      throw new GenieGitopsError(
        `the ${options.backend} backend has no space store`,
        'use a backend that can read and update spaces',
      );
    return await fn(backend.spaces);
  } finally {
    await backend.close();
  }
}
