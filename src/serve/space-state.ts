/**
 * The emulator's spaces: seeded from the repository's spaces/<name>/space.json under the
 * live and the staging id of each target.yml, kept in memory; a PATCH replaces the config
 * for the life of the server, a POST creates a space, a DELETE moves it to the trash (gone
 * from GET and the listing, as on Databricks). Answers use the Genie spaces API shape.
 */
import { createHash, randomBytes } from 'node:crypto';
import { serializeSpace } from '../space/canonical.js';
import { listSpaces, loadSpaceDir } from '../space/repository.js';
import type { Space } from '../space/schema.js';
import { parseSpaceText } from '../space/space-file.js';
import { ValidationError } from '../errors.js';
import { HttpError } from './http-io.js';

export interface ServedSpace {
  spaceId: string;
  title: string;
  description: string;
  warehouseId: string;
  parentPath: string;
  /** The stored serialized_space text. */
  serialized: string;
  space: Space;
  /** Bumps on every write; names the config version for the Genie engine cache. */
  version: number;
  createTime: number;
  updateTime: number;
}

/** The emulated warehouse of a live space whose data differ from staging's (local.live_data). */
export function liveWarehouseId(warehouseId: string): string {
  return `${warehouseId}-live`;
}

export class SpaceState {
  readonly spaces = new Map<string, ServedSpace>();
  /** Spaces moved to the trash by DELETE, kept so tests can see what was cleaned up. */
  readonly trashed = new Map<string, ServedSpace>();

  /** Seeds from a repository; returns the warehouse ids the targets name. */
  seed(root: string): Map<string, { data?: string; asOf?: string; space: string }> {
    const warehouses = new Map<string, { data?: string; asOf?: string; space: string }>();
    for (const name of listSpaces(root)) {
      const dir = loadSpaceDir(root, name);
      if (!dir.target) continue;
      const t = dir.target;
      const { liveData, ...local } = t.local ?? {};
      warehouses.set(t.warehouseId, { ...local, space: name });
      // Live data of its own (target.yml local.live_data): the live space runs on a warehouse holding it.
      const liveWarehouse = liveData ? liveWarehouseId(t.warehouseId) : t.warehouseId;
      if (liveData) warehouses.set(liveWarehouse, { ...local, data: liveData, space: name });
      for (const id of new Set([t.liveSpaceId, ...(t.stagingSpaceId ? [t.stagingSpaceId] : [])])) {
        this.insert({
          spaceId: id,
          title: t.title,
          description: '',
          warehouseId: id === t.liveSpaceId ? liveWarehouse : t.warehouseId,
          parentPath: t.parentPath ?? '/Workspace/Shared',
          space: dir.space,
        });
      }
    }
    return warehouses;
  }

  insert(input: {
    spaceId: string;
    title: string;
    description: string;
    warehouseId: string;
    parentPath: string;
    space: Space;
  }): ServedSpace {
    const t = Date.now();
    const served: ServedSpace = {
      ...input,
      serialized: JSON.stringify(JSON.parse(serializeSpace(input.space))),
      version: 1,
      createTime: t,
      updateTime: t,
    };
    this.spaces.set(input.spaceId, served);
    return served;
  }

  get(spaceId: string): ServedSpace {
    const s = this.spaces.get(spaceId);
    if (!s) throw new HttpError(404, 'RESOURCE_DOES_NOT_EXIST', `Genie space ${spaceId} does not exist`);
    return s;
  }

  create(body: Record<string, unknown>, knownWarehouses: Set<string>): ServedSpace {
    const warehouseId = stringField(body, 'warehouse_id', true);
    if (!knownWarehouses.has(warehouseId))
      throw new HttpError(404, 'RESOURCE_DOES_NOT_EXIST', `warehouse ${warehouseId} does not exist`);
    const space = decode(stringField(body, 'serialized_space', true));
    return this.insert({
      spaceId: randomBytes(16).toString('hex'),
      title: stringField(body, 'title', true),
      description: stringField(body, 'description', false),
      warehouseId,
      parentPath: stringField(body, 'parent_path', false) || '/Workspace/Shared',
      space,
    });
  }

  update(spaceId: string, body: Record<string, unknown>): ServedSpace {
    const s = this.get(spaceId);
    const etag = body.etag;
    if (typeof etag === 'string' && etag !== '' && etag !== etagOf(s)) {
      throw new HttpError(409, 'RESOURCE_CONFLICT', `space ${spaceId} changed since it was read (etag mismatch)`);
    }
    if (typeof body.serialized_space === 'string') {
      s.space = decode(body.serialized_space);
      // Genie re-serialises what it stores: keep canonical order, compact.
      s.serialized = JSON.stringify(JSON.parse(serializeSpace(s.space)));
      s.version++;
    }
    if (typeof body.title === 'string') s.title = body.title;
    if (typeof body.description === 'string') s.description = body.description;
    if (typeof body.warehouse_id === 'string') s.warehouseId = body.warehouse_id;
    s.updateTime = Date.now();
    return s;
  }

  /** Moves a space to the trash: later GETs, PATCHes and asks answer 404, and the listing leaves it out. */
  trash(spaceId: string): void {
    const s = this.get(spaceId);
    this.spaces.delete(spaceId);
    this.trashed.set(spaceId, s);
  }

  toJson(s: ServedSpace, withSerialized: boolean): Record<string, unknown> {
    return {
      space_id: s.spaceId,
      title: s.title,
      description: s.description,
      warehouse_id: s.warehouseId,
      parent_path: s.parentPath,
      etag: etagOf(s),
      create_time: new Date(s.createTime).toISOString(),
      update_time: new Date(s.updateTime).toISOString(),
      ...(withSerialized ? { serialized_space: s.serialized } : {}),
    };
  }
}

function etagOf(s: ServedSpace): string {
  return createHash('sha256').update(`${s.version}\u0000${s.serialized}\u0000${s.title}`).digest('hex').slice(0, 16);
}

function decode(text: string): Space {
  try {
    return parseSpaceText(text, 'serialized_space');
  } catch (error) {
    const detail =
      error instanceof ValidationError ? error.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : String(error);
    throw new HttpError(400, 'INVALID_PARAMETER_VALUE', `serialized_space is not a valid Genie space: ${detail}`);
  }
}

function stringField(body: Record<string, unknown>, field: string, required: boolean): string {
  const value = body[field];
  if (typeof value === 'string' && value !== '') return value;
  if (required) throw new HttpError(400, 'INVALID_PARAMETER_VALUE', `${field} is required`);
  return '';
}
