/**
 * Updating a live space and reading it back until it equals the deployed config (a GET right after
 * a PATCH may return old values); an update that reported failure but was applied is success.
 */
import { GenieGitopsError, messageOf } from '../errors.js';
import type { SpaceStore, StoredSpace } from '../ports.js';
import { serializeSpace } from '../space/canonical.js';
import { SpaceSchema, type Space } from '../space/schema.js';
import { parseSpaceText } from '../space/space-file.js';
import { backoffDelay, sleep } from '../util/retry.js';

/** How often and how patiently a deploy reads the live space back (DeployOptions carries them). */
export interface ReadBackSettings {
  /** Read-back attempts after an update; default 5. */
  verifyAttempts?: number;
  /** Base delay of the read-back backoff (util/retry.ts backoffDelay); default 1000 ms. */
  verifyDelayMs?: number;
}

/** A live space's config (Genie re-serialises what it stores, so compare canonical forms only). */
export function liveSpaceOf(stored: StoredSpace, label: string): Space {
  if (typeof stored.serializedSpace === 'string') return parseSpaceText(stored.serializedSpace, label);
  return SpaceSchema.parse(stored.serializedSpace);
}

function liveText(stored: StoredSpace, label: string): string {
  return serializeSpace(liveSpaceOf(stored, label));
}

/** Statuses after which an update may have been applied although it reported failure. */
function mayHaveApplied(error: unknown): boolean {
  const e = error as { status?: unknown; retryable?: unknown };
  const status = typeof e.status === 'number' ? e.status : undefined;
  return e.retryable === true || status === 0 || status === 409 || (status !== undefined && status >= 500);
}

/**
 * Updates the live space and reads it back until it equals `config`. An update answered with
 * 409 or with no answer may still have been applied (a lost answer, retried by the client with
 * the old etag, is refused with 409): a read-back showing the target config is success.
 */
export async function applyConfig(
  store: SpaceStore,
  spaceId: string,
  space: Space,
  config: string,
  etag: string | undefined,
  options: ReadBackSettings,
): Promise<string> {
  try {
    await store.update(spaceId, space, { etag });
  } catch (error) {
    if (!mayHaveApplied(error)) throw error;
    if (await readsBack(store, spaceId, config, options))
      return ` (the update answered "${messageOf(error)}", but reading back shows the new config: it was applied)`;
    if ((error as { status?: unknown }).status === 409)
      throw new GenieGitopsError(
        `live space ${spaceId} changed while deploying (etag mismatch): someone edited it between the read and the update; it was left as it is`,
        're-run deploy: the drift guard then checks the edit',
      );
    throw error;
  }
  await verify(store, spaceId, config, options);
  return '';
}

/** Reads the live space back until it equals `config` (a GET right after an update may still be stale), waiting by the one backoff formula. */
async function readsBack(
  store: SpaceStore,
  spaceId: string,
  config: string,
  options: ReadBackSettings,
): Promise<boolean> {
  const attempts = options.verifyAttempts ?? 5;
  for (let i = 0; i < attempts; i++) {
    if (liveText(await store.get(spaceId), `live space ${spaceId}`) === config) return true;
    if (i < attempts - 1) await sleep(backoffDelay(i, options.verifyDelayMs ?? 1000));
  }
  return false;
}

async function verify(store: SpaceStore, spaceId: string, config: string, options: ReadBackSettings): Promise<void> {
  if (await readsBack(store, spaceId, config, options)) return;
  throw new GenieGitopsError(
    `live space ${spaceId} does not equal the deployed config after ${options.verifyAttempts ?? 5} read(s)`,
    'check the space in the Genie UI and re-run deploy',
  );
}
