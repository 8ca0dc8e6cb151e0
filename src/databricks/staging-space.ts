/**
 * The space a scoring run asks on the databricks backend (DESIGN.md section 5, isolation).
 * By default a temporary space created from the candidate config and trashed at the end, also
 * on failure: concurrent runs (two PR checks, a PR check and a scheduled enhance) then never
 * ask each other's configs. Where creating spaces is not allowed, `staging: shared` uses the
 * staging space of target.yml, and every question first checks that the space still holds the
 * config this run set: a run never silently scores a config someone else put there.
 */
import { randomBytes } from 'node:crypto';
import type { DatabricksSpaceStore } from './space-store.js';
import { GenieGitopsError } from '../errors.js';
import type { Genie, SpaceStore, StoredSpace } from '../ports.js';
import { isRetryable } from '../util/retry.js';
import { serializeSpace } from '../space/canonical.js';
import { SpaceSchema, type Space } from '../space/schema.js';
import type { StagingMode, Target } from '../space/target.js';
import { backoffDelay, sleep } from '../util/retry.js';

/** Titles of temporary spaces start with this, so a leftover (a killed run) is easy to find and delete. */
export const TEMPORARY_TITLE_PREFIX = 'genie-gitops tmp';

/** The shared staging space changed under a run: its scores would mix configs, so the run stops. */
export class StagingChangedError extends GenieGitopsError {
  /** Read by the score runner: stop every question, not just this one. */
  readonly abortsRun = true;
}

export interface StagingSpace {
  readonly mode: StagingMode;
  /** Makes the staging space hold `space` and returns a Genie over it (`open` builds the adapter for an id). */
  genieFor(space: Space, open: (spaceId: string) => Genie): Promise<Genie>;
  /** Makes the staging space hold `space` (e.g. with benchmarks synced, for Genie's eval runs) and returns its id. */
  spaceFor(space: Space): Promise<string>;
  /** Trashes the temporary space (nothing for a shared one); safe to call more than once. */
  close(): Promise<void>;
}

export interface StagingOptions {
  store: DatabricksSpaceStore;
  target: Target;
  mode: StagingMode;
  /** Names the run's temporary space: the space name in the repository. */
  label: string;
  /** Default: random; unique per run so concurrent runs never share a title. */
  runId?: string;
  /** First wait before re-trying a create whose answer was lost; default 500 ms. */
  backoffMs?: number;
}

export function openStaging(options: StagingOptions): StagingSpace {
  if (options.mode === 'shared') {
    const id = options.target.stagingSpaceId;
    if (!id)
      throw new GenieGitopsError(
        'staging: shared needs staging_space_id in target.yml',
        'add staging_space_id, or use the default staging: temporary',
      );
    return sharedStaging(options.store, id);
  }
  return temporaryStaging(options);
}

/** The canonical text of a stored config, or undefined when it does not parse as a space. */
function canonicalOf(stored: StoredSpace): string | undefined {
  const parsed = SpaceSchema.safeParse(stored.serializedSpace);
  return parsed.success ? serializeSpace(parsed.data) : undefined;
}

/**
 * Makes the stored config equal to `space`; returns whether it had to write. A PATCH whose
 * answer was lost is retried by the client with the old etag and refused (409) although it
 * was applied: whatever the error, a read-back that shows the wanted config is success.
 */
export async function syncSpace(spaces: SpaceStore, spaceId: string, space: Space): Promise<boolean> {
  const stored = await spaces.get(spaceId);
  const wanted = serializeSpace(space);
  if (canonicalOf(stored) === wanted) return false;
  try {
    await spaces.update(spaceId, JSON.parse(wanted) as unknown, stored.etag ? { etag: stored.etag } : {});
  } catch (error) {
    if (canonicalOf(await spaces.get(spaceId)) !== wanted) throw error;
  }
  return true;
}

function sharedStaging(store: SpaceStore, spaceId: string): StagingSpace {
  return {
    mode: 'shared',
    async genieFor(space, open) {
      const wanted = serializeSpace(space);
      await syncSpace(store, spaceId, space);
      const genie = open(spaceId);
      return {
        async ask(question, askOptions) {
          if (canonicalOf(await store.get(spaceId)) !== wanted)
            throw new StagingChangedError(
              `the shared staging space ${spaceId} no longer holds the config this run set: another run or a person changed it while this one was scoring, so the run stopped rather than score a mix of configs`,
              'run again once nothing else uses it, keep every workflow that uses it in one concurrency group per space, or use staging: temporary (the default) where creating spaces is allowed',
            );
          return genie.ask(question, askOptions);
        },
      };
    },
    async spaceFor(space) {
      await syncSpace(store, spaceId, space);
      return spaceId;
    },
    close: async () => undefined,
  };
}

function temporaryStaging(options: StagingOptions): StagingSpace {
  const { store, target } = options;
  const title = `${TEMPORARY_TITLE_PREFIX} ${options.label} ${options.runId ?? randomBytes(4).toString('hex')}`;
  let spaceId: string | undefined;
  // A create whose answer was lost may have created a space we never heard of: look for it at close.
  let uncertain = false;
  let closing: Promise<void> | undefined;

  const findByTitle = async () => (await store.list()).find((s) => s.title === title)?.spaceId;

  async function create(space: Space): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        const created = await store.create({
          title,
          warehouseId: target.warehouseId,
          serializedSpace: JSON.parse(serializeSpace(space)) as unknown,
          ...(target.parentPath ? { parentPath: target.parentPath } : {}),
          // Never retried blindly: a retried POST whose first answer was lost creates a second space.
          retries: 0,
        });
        return created.spaceId;
      } catch (error) {
        if (!isRetryable(error) || attempt >= 4) throw explainCreateFailure(error);
        uncertain = true;
        const found = await findByTitle();
        if (found) {
          await syncSpace(store, found, space);
          return found;
        }
        await sleep(backoffDelay(attempt, options.backoffMs ?? 500));
      }
    }
  }

  async function spaceFor(space: Space): Promise<string> {
    if (closing) throw new GenieGitopsError('the temporary staging space was already trashed');
    if (spaceId === undefined) spaceId = await create(space);
    else await syncSpace(store, spaceId, space);
    return spaceId;
  }

  return {
    mode: 'temporary',
    spaceFor,
    async genieFor(space, open) {
      return open(await spaceFor(space));
    },
    close() {
      closing ??= (async () => {
        const ids = new Set(spaceId ? [spaceId] : []);
        if (uncertain) for (const s of await store.list()) if (s.title === title) ids.add(s.spaceId);
        for (const id of ids) await store.trash(id);
      })();
      return closing;
    },
  };
}

function explainCreateFailure(error: unknown): unknown {
  const status = (error as { status?: unknown }).status;
  if (!(error instanceof GenieGitopsError) || (status !== 403 && status !== 400)) return error;
  return new GenieGitopsError(
    `could not create the temporary staging space: ${error.message}`,
    status === 403
      ? 'the identity may not create Genie spaces here: grant it, or set staging: shared with staging_space_id in target.yml (or --staging shared)'
      : 'check warehouse_id and parent_path in target.yml (parent_path must exist), or use staging: shared',
  );
}
