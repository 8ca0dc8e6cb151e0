/**
 * The local "live" and "staging" spaces (DESIGN.md section 4): one JSON file per space id in a
 * state folder, shaped like the Databricks space resource (serialized_space kept as a string, as
 * Genie returns it), so deploy, export and drift work offline. The etag is a hash of the stored
 * config, so an update carrying an old etag fails the way a concurrent edit does on Databricks.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { GenieGitopsError } from '../errors.js';
import type { SpaceStore, StoredSpace } from '../ports.js';
import { serializeSpace } from '../space/canonical.js';
import { listSpaces, loadSpaceDir, type LayoutOptions } from '../space/repository.js';
import { SpaceSchema } from '../space/schema.js';
import { parseSpaceText } from '../space/space-file.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/** The env variable that moves the state folder (default `<root>/.genie-gitops/state`). */
export const STATE_DIR_ENV = 'GENIE_GITOPS_STATE_DIR';

export function resolveStateDir(root: string, env: Readonly<Record<string, string | undefined>>): string {
  const fromEnv = env[STATE_DIR_ENV]?.trim();
  return fromEnv ? path.resolve(root, fromEnv) : path.join(root, '.genie-gitops', 'state');
}

const StoredFileSchema = z.looseObject({
  space_id: z.string(),
  title: z.string(),
  warehouse_id: z.string(),
  serialized_space: z.string(),
});

/** What a missing space is created from the first time it is read. */
export interface SpaceSeed {
  title: string;
  warehouseId: string;
  serializedSpace: unknown;
}

export interface LocalSpaceStoreOptions {
  stateDir: string;
  /** Supplies the initial content of a space id that has no file yet; undefined -> not found. */
  seed?: (spaceId: string) => SpaceSeed | undefined;
}

/** An update with a stale etag: the local form of Databricks' HTTP 409, and carries that status. */
export class SpaceConflictError extends GenieGitopsError {
  readonly status = 409;
}
export class SpaceNotFoundError extends GenieGitopsError {}

const SPACE_ID = /^[A-Za-z0-9_-]+$/;

/** Canonical text of a config given as data or as a serialized string; invalid configs are refused like Genie does. */
function canonicalText(serializedSpace: unknown, label: string): string {
  if (typeof serializedSpace === 'string') return serializeSpace(parseSpaceText(serializedSpace, label));
  const parsed = SpaceSchema.safeParse(serializedSpace);
  if (!parsed.success)
    throw new GenieGitopsError(
      `${label}: the config is not a valid serialized_space (${parsed.error.issues[0]?.message ?? 'invalid'})`,
    );
  return serializeSpace(parsed.data);
}

export function etagOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}

export function createLocalSpaceStore(
  options: LocalSpaceStoreOptions,
): SpaceStore & { fileOf(spaceId: string): string } {
  const fileOf = (spaceId: string): string => {
    if (!SPACE_ID.test(spaceId))
      throw new GenieGitopsError(`invalid space id '${spaceId}'`, 'space ids are letters, digits, - and _');
    return path.join(options.stateDir, 'spaces', `${spaceId}.json`);
  };

  const write = (spaceId: string, title: string, warehouseId: string, text: string): StoredSpace => {
    const record = { space_id: spaceId, title, warehouse_id: warehouseId, serialized_space: text };
    writeFileAtomic(fileOf(spaceId), `${JSON.stringify(record, null, 2)}\n`);
    return toStored(record);
  };

  const read = (spaceId: string): StoredSpace | undefined => {
    const file = fileOf(spaceId);
    if (!existsSync(file)) return undefined;
    const parsed = StoredFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new GenieGitopsError(`local space file ${file} is damaged`, 'delete it to re-seed it from the repository');
    return toStored(parsed.data);
  };

  const get = async (spaceId: string): Promise<StoredSpace> => {
    const stored = read(spaceId);
    if (stored) return stored;
    const seed = options.seed?.(spaceId);
    if (!seed)
      throw new SpaceNotFoundError(
        `local space ${spaceId} does not exist`,
        `no spaces/*/target.yml names it; create it or fix the id`,
      );
    return write(spaceId, seed.title, seed.warehouseId, canonicalText(seed.serializedSpace, `seed of ${spaceId}`));
  };

  return {
    fileOf,
    get,
    async update(spaceId, serializedSpace, updateOptions = {}) {
      const current = await get(spaceId);
      if (updateOptions.etag !== undefined && updateOptions.etag !== current.etag) {
        throw new SpaceConflictError(
          `local space ${spaceId} changed since it was read (etag ${updateOptions.etag} != ${current.etag})`,
          'read it again and retry',
        );
      }
      return write(
        spaceId,
        updateOptions.title ?? current.title,
        current.warehouseId,
        canonicalText(serializedSpace, `update of ${spaceId}`),
      );
    },
    async create(input) {
      const spaceId = createHash('sha256')
        .update(`${input.title}\0${Date.now()}\0${Math.random()}`)
        .digest('hex')
        .slice(0, 32);
      return write(
        spaceId,
        input.title,
        input.warehouseId,
        canonicalText(input.serializedSpace, `new space ${input.title}`),
      );
    },
  };
}

function toStored(record: z.infer<typeof StoredFileSchema>): StoredSpace {
  return {
    spaceId: record.space_id,
    title: record.title,
    warehouseId: record.warehouse_id,
    serializedSpace: JSON.parse(record.serialized_space) as unknown,
    etag: etagOf(record.serialized_space),
  };
}

/** Seeds a space id from the repository space whose target names it (live or staging). */
export function seedFromRepository(
  root: string,
  layout: LayoutOptions = {},
): (spaceId: string) => SpaceSeed | undefined {
  return (spaceId) => {
    for (const name of listSpaces(root, layout)) {
      const dir = loadSpaceDir(root, name, layout);
      if (dir.target && (dir.target.liveSpaceId === spaceId || dir.target.stagingSpaceId === spaceId)) {
        return { title: dir.target.title, warehouseId: dir.target.warehouseId, serializedSpace: dir.space };
      }
    }
    return undefined;
  };
}
