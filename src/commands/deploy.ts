/**
 * `deploy`: put the repository's configs on the live spaces. Per space: read live and compare it
 * (canonically) with the config of the last successful deployment in the deployment log (see
 * drift-guard.ts); a difference means someone edited the live space outside git (drift), which
 * stops that space unless on-drift is overwrite. Otherwise record the deploy as started, update
 * live with the etag just read, read it back until it equals the config, and record success: the
 * record is written only on success, so a failed or cancelled deploy leaves no false drift. An
 * update answered with 409 or lost on the way back is resolved by reading back. One failing space
 * never stops the others. With a GitHub port, a space that is deployed (or already was) moves its
 * merged enhancement PRs from the pending label to deployed.
 */
import { GenieGitopsError, ValidationError, messageOf } from '../errors.js';
import { ZERO_SHA } from '../ports.js';
import type { DeploymentLog, DeploymentRecord, Git, GitHubPort, SpaceStore, StoredSpace } from '../ports.js';
import { serializeSpace } from '../space/canonical.js';
import { hashSpace } from '../space/hash.js';
import { checkInvariants } from '../space/invariants.js';
import { findSpaceEntry, listSpaces, loadSpaceDir, spacesTouchedBy, type LayoutOptions } from '../space/repository.js';
import { validateSpaceName } from '../space/space-name.js';
import type { Space } from '../space/schema.js';
import type { Target } from '../space/target.js';
import type { SyncBenchmarks } from '../benchmarks/genie-benchmarks.js';
import { benchmarksOf, deployedConfig, deployedHashAt } from './deploy-config.js';
import { describeDeployLabels, markDeployedPulls } from './deploy-labels.js';
import { verifyDeployed, type LiveVerification, type VerifySettings } from './deploy-verify.js';
import { applyConfig, liveSpaceOf, type ReadBackSettings } from './deploy-apply.js';
import { isUntouchedSpace, judgeDrift, type DriftVerdict } from './drift-guard.js';
import type { BackendOpener } from './workspace.js';
import { repoPaths } from '../space/repo-paths.js';

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
  /** Questions written into the live space's benchmarks.questions (sync-benchmarks). */
  benchmarksSynced?: number;
  /** The post-deploy verification of a deployed space (and its rollback, if any). */
  verification?: LiveVerification;
}

export interface DeployOptions extends ReadBackSettings {
  root: string;
  backend: BackendOpener;
  git: Git;
  /** Explicit spaces, or 'all'; when absent the spaces changed in before..after are deployed. */
  spaces?: readonly string[] | 'all';
  /** The push's previous commit (`before`): selects the changed spaces; without any deployment record, its config is the drift reference. */
  before?: string;
  /** The commit being deployed (a push event's `after`); default HEAD. */
  after?: string;
  onDrift?: OnDrift;
  log?: (line: string) => void;
  /** For tests: the store to use instead of the backend's. */
  store?: SpaceStore;
  /** Where enhancement PRs' deploy-state labels are kept; without it, labels are left alone. */
  github?: GitHubPort;
  /** Where deploys are recorded (GitHub deployments in the action); default a file in the local state folder. */
  deployments?: DeploymentLog;
  /** Which bundle target bundle-declared spaces are read for. */
  layout?: LayoutOptions;
  /** Write benchmarks/<space>.yml into the live space's benchmarks.questions; default none. */
  syncBenchmarks?: SyncBenchmarks;
  /** Post-deploy verification of each deployed space (and its rollback); default none. */
  verify?: VerifySettings;
}

export interface DeployResult {
  spaces: DeploySpaceResult[];
  /** What decided the set of spaces, for the summary. */
  selection: string;
  ok: boolean;
}

/** The spaces whose files changed in before..after (folders, bundle configs), plus deleted folders (reported as skipped). */
export async function changedSpaces(
  git: Git,
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
    return {
      names: options.spaces.map((name) => validateSpaceName(name)),
      selection: `requested: ${options.spaces.join(', ')}`,
    };
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

export async function deployCommand(options: DeployOptions): Promise<DeployResult> {
  // Names someone typed are checked like in every command; names from changed folders are reported per space.
  if (Array.isArray(options.spaces)) options.spaces.forEach((name) => validateSpaceName(name));
  const { names, selection } = await selectSpaces(options);
  const deployments = options.deployments ?? options.backend.localDeploymentLog(options.root);
  const commit = names.length ? await deployedCommit(options) : '';
  const results: DeploySpaceResult[] = [];
  for (const space of names) {
    options.log?.(`deploy ${space}`);
    let result: DeploySpaceResult;
    try {
      result = await deployOne(space, options, deployments, commit);
    } catch (error) {
      const message = messageOf(error);
      const hint = error instanceof GenieGitopsError && error.hint ? ` (${error.hint})` : '';
      result = { space, status: 'failed', message: `${message}${hint}` };
    }
    if (result.status === 'deployed' && options.verify && options.verify.mode !== 'none')
      result = await verifySpace(result, space, options, commit);
    if (options.github && (result.status === 'deployed' || result.status === 'unchanged'))
      result = await labelDeployed(result, options.github, options);
    options.log?.(`${space}: ${result.status}: ${result.message}`);
    results.push(result);
  }
  // A drifted space did not receive the merged config: that needs a person (export or overwrite), so it is not ok
  // either; nor is a live space that verified significantly worse (its rollback PR is named in the message).
  const ok = results.every(
    (r) => r.status !== 'failed' && r.status !== 'drifted' && r.verification?.verdict !== 'regression',
  );
  return { spaces: results, selection, ok };
}

/** Verifies a deployed space by its live score; the verdict (and any rollback) goes into the message. */
async function verifySpace(
  result: DeploySpaceResult,
  space: string,
  options: DeployOptions,
  commit: string,
): Promise<DeploySpaceResult> {
  const dir = loadSpaceDir(options.root, space, options.layout);
  const benchmarks = benchmarksOf(options.root, space);
  if (!dir.target || !benchmarks || benchmarks.length === 0)
    return { ...result, message: `${result.message}; not verified: ${repoPaths.benchmarksFile(space)} is missing` };
  const verification = await verifyDeployed(
    {
      root: options.root,
      space,
      backend: options.backend,
      target: dir.target,
      config: dir.space,
      configPath: dir.configPath,
      benchmarks,
      git: options.git,
      github: options.github,
      commit,
      before: options.before,
      layout: options.layout,
      store: options.store,
      log: options.log,
    },
    options.verify!,
  );
  const rollback = verification.rollback
    ? `; ${verification.rollback.message}`
    : verification.rollbackError
      ? `; the rollback failed: ${verification.rollbackError}`
      : verification.rollbackSkipped && verification.verdict === 'regression'
        ? `; not rolled back: ${verification.rollbackSkipped}`
        : '';
  return { ...result, verification, message: `${result.message}; ${verification.summary}${rollback}` };
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
    const message = messageOf(error);
    const hint = error instanceof GenieGitopsError && error.hint ? ` (${error.hint})` : '';
    const labelWarning = `could not update the enhancement PR labels: ${message}${hint}`;
    return { ...result, labelWarning, message: `${result.message}; ${labelWarning}` };
  }
}

/** What deploying one space starts from: its live target, the config as deployed, and the record to keep. */
interface Planned {
  space: string;
  target: Target;
  configPath: string;
  mode: SyncBenchmarks;
  deployed: Space;
  /** The canonical text of `deployed`: what the live space must read back as. */
  config: string;
  record: { space: string; liveSpaceId: string; configHash: string; commit: string };
  /** The fields of every result of this space. */
  base: Pick<DeploySpaceResult, 'space' | 'liveSpaceId' | 'benchmarksSynced'>;
}

async function deployOne(
  space: string,
  options: DeployOptions,
  deployments: DeploymentLog,
  commit: string,
): Promise<DeploySpaceResult> {
  const planned = planDeploy(space, options, commit);
  if ('status' in planned) return planned;
  const { target, base } = planned;
  return withStore(options, target, async (store) => {
    const live = await store.get(target.liveSpaceId);
    const { verdict, history } = await judgeLive(planned, live, options, deployments);
    if (verdict.kind === 'unchanged') {
      // Record it, so the next deploy compares with this config rather than an older one.
      if (history.find((r) => r.state === 'success')?.configHash === planned.record.configHash)
        return { ...base, status: 'unchanged', message: 'the live space already has this config' };
      const id = await deployments.start(planned.record);
      await deployments.finish(id, 'success', 'the live space already had this config');
      return { ...base, status: 'unchanged', message: 'the live space already has this config (recorded as deployed)' };
    }
    if (verdict.kind === 'drift' && (options.onDrift ?? 'fail') !== 'overwrite') {
      return {
        ...base,
        status: 'drifted',
        message: `the live space was edited outside git: ${verdict.reason}. It was left untouched; run export to adopt the edits in a PR, or re-run with on-drift: overwrite to replace them`,
      };
    }
    const note =
      verdict.kind === 'drift'
        ? ` (the live space had drifted: ${verdict.reason}; its edits were overwritten as on-drift: overwrite asks)`
        : ` (${verdict.note})`;
    return updateLive(planned, { store, live, note, options, deployments });
  });
}

/** The config to deploy, checked as deployed; a result instead when the space cannot be deployed. */
function planDeploy(space: string, options: DeployOptions, commit: string): Planned | DeploySpaceResult {
  if (!findSpaceEntry(options.root, space, options.layout)) {
    return {
      space,
      status: 'skipped',
      message: `${repoPaths.spaceFile(space)} no longer exists; the live space was left as it is (delete it by hand if it should go)`,
    };
  }
  const dir = loadSpaceDir(options.root, space, options.layout);
  const target = dir.target;
  if (!target)
    return {
      space,
      status: 'failed',
      message: `${repoPaths.targetFile(space)} is missing: it names the live space to deploy to`,
    };
  const mode = options.syncBenchmarks ?? 'none';
  const deployed = deployedConfig(
    dir.space,
    mode === 'none' ? undefined : benchmarksOf(options.root, space),
    mode,
    space,
  );
  // Checked as deployed: synced benchmark ids must be well formed and unique across the file too.
  const issues = checkInvariants(deployed, { file: dir.configPath });
  if (issues.length > 0) throw new ValidationError(issues);
  const record = { space, liveSpaceId: target.liveSpaceId, configHash: hashSpace(deployed), commit };
  const synced = mode === 'none' ? {} : { benchmarksSynced: deployed.benchmarks?.questions?.length ?? 0 };
  const base = { space, liveSpaceId: target.liveSpaceId, ...synced };
  return { space, target, configPath: dir.configPath, mode, deployed, config: serializeSpace(deployed), record, base };
}

/** Compares the live space with the last deployed config (or, with no record, the config at `before`). */
async function judgeLive(
  planned: Planned,
  live: StoredSpace,
  options: DeployOptions,
  deployments: DeploymentLog,
): Promise<{ verdict: DriftVerdict; history: DeploymentRecord[] }> {
  const { space, target } = planned;
  const current = liveSpaceOf(live, `live space ${target.liveSpaceId}`);
  const history = await deployments.history(space, target.liveSpaceId);
  const verdict = judgeDrift({
    liveHash: hashSpace(current),
    configHash: planned.record.configHash,
    liveIsNew: isUntouchedSpace(JSON.parse(serializeSpace(current))),
    history,
    beforeHash:
      history.length === 0
        ? await deployedHashAt(options.git, options.before, options.root, space, planned.configPath, planned.mode)
        : undefined,
  });
  return { verdict, history };
}

/** Updates the live space between a started record and its finish; a failed update is recorded as failed. */
async function updateLive(
  planned: Planned,
  at: { store: SpaceStore; live: StoredSpace; note: string; options: DeployOptions; deployments: DeploymentLog },
): Promise<DeploySpaceResult> {
  const { store, live, options, deployments } = at;
  const { space, target, record } = planned;
  let note = at.note;
  // Started before the live space is touched: a run cancelled half-way leaves an unfinished
  // record, whose config the next deploy then recognises as its own (no false drift).
  const id = await deployments.start(record);
  let how: string;
  try {
    how = await applyConfig(store, target.liveSpaceId, planned.deployed, planned.config, live.etag, options);
  } catch (error) {
    await deployments.finish(id, 'failure', messageOf(error)).catch(() => undefined);
    throw error;
  }
  try {
    await deployments.finish(id, 'success', `deployed ${record.commit.slice(0, 7)}`);
  } catch (error) {
    note += `; recording the success in ${deployments.describe(space)} failed (${messageOf(error)}): the next deploy still recognises this config as its own`;
  }
  return { ...planned.base, status: 'deployed', message: `updated and verified${how}${note}` };
}

/** The full sha of the commit being deployed (the name the record keeps). */
async function deployedCommit(options: DeployOptions): Promise<string> {
  try {
    return await options.git.revParse(options.after ?? 'HEAD');
  } catch {
    return options.after ?? 'unknown';
  }
}

async function withStore<T>(options: DeployOptions, target: Target, fn: (store: SpaceStore) => Promise<T>): Promise<T> {
  if (options.store) return fn(options.store);
  const backend = await options.backend.open({ root: options.root, target, spacesOnly: true, layout: options.layout });
  try {
    if (!backend.spaces)
      throw new GenieGitopsError(
        `the ${options.backend.name} backend has no space store`,
        'use a backend that can read and update spaces',
      );
    return await fn(backend.spaces);
  } finally {
    await backend.close();
  }
}
