/** The SpaceStore port over the Genie spaces API: get (with the serialized space), update, create, list, trash. */
import { GenieGitopsError } from '../errors.js';
import type { SpaceStore, StoredSpace } from '../ports.js';
import type { DatabricksClient } from './http-client.js';
import { DatabricksApiError } from './api-error.js';
import { EmptySchema, ListSpacesSchema, SpaceResponseSchema, type SpaceResponse } from './schemas.js';

const SPACES = '/api/2.0/genie/spaces';

export interface SpaceSummary {
  spaceId: string;
  title: string;
  warehouseId: string;
}

export interface DatabricksSpaceStore extends SpaceStore {
  create(input: {
    title: string;
    warehouseId: string;
    serializedSpace: unknown;
    parentPath?: string;
    description?: string;
    /** Client retries of the POST; 0 when the caller recovers a lost response itself (a retried POST creates twice). */
    retries?: number;
  }): Promise<StoredSpace>;
  list(options?: { pageSize?: number }): Promise<SpaceSummary[]>;
  /** Moves a space to the trash; a space already gone (404, e.g. a retried DELETE whose answer was lost) is not an error. */
  trash(spaceId: string): Promise<void>;
}

export function createSpaceStore(client: DatabricksClient): DatabricksSpaceStore {
  const pathOf = (spaceId: string) => `${SPACES}/${encodeURIComponent(spaceId)}`;

  return {
    async get(spaceId) {
      const body = await client.request({
        method: 'GET',
        path: pathOf(spaceId),
        query: { include_serialized_space: true },
        schema: SpaceResponseSchema,
      });
      if (!body.serialized_space) {
        throw new GenieGitopsError(
          `space ${spaceId} came back without its serialized_space`,
          'exporting a space needs CAN EDIT on it: grant that to the identity genie-gitops runs as',
        );
      }
      return toStored(body, decode(body.serialized_space, spaceId));
    },
    async update(spaceId, serializedSpace, options = {}) {
      const body = await client.request({
        method: 'PATCH',
        path: pathOf(spaceId),
        body: {
          serialized_space: JSON.stringify(serializedSpace),
          ...(options.etag ? { etag: options.etag } : {}),
          ...(options.title ? { title: options.title } : {}),
        },
        schema: SpaceResponseSchema,
      });
      // Some answers omit the config: what was sent is what is stored.
      return toStored(body, body.serialized_space ? decode(body.serialized_space, spaceId) : serializedSpace);
    },
    async create(input) {
      const body = await client.request({
        method: 'POST',
        path: SPACES,
        body: {
          title: input.title,
          warehouse_id: input.warehouseId,
          serialized_space: JSON.stringify(input.serializedSpace),
          ...(input.parentPath ? { parent_path: input.parentPath } : {}),
          ...(input.description ? { description: input.description } : {}),
        },
        schema: SpaceResponseSchema,
        ...(input.retries !== undefined ? { retries: input.retries } : {}),
      });
      return toStored(
        body,
        body.serialized_space ? decode(body.serialized_space, body.space_id) : input.serializedSpace,
      );
    },
    async list(options = {}) {
      const out: SpaceSummary[] = [];
      let pageToken: string | undefined;
      do {
        const page = await client.request({
          method: 'GET',
          path: SPACES,
          query: { page_size: options.pageSize ?? 100, page_token: pageToken },
          schema: ListSpacesSchema,
        });
        for (const s of page.spaces ?? [])
          out.push({ spaceId: s.space_id, title: s.title ?? '', warehouseId: s.warehouse_id ?? '' });
        pageToken = page.next_page_token || undefined;
      } while (pageToken);
      return out;
    },
    async trash(spaceId) {
      try {
        await client.request({ method: 'DELETE', path: pathOf(spaceId), schema: EmptySchema });
      } catch (error) {
        if (!(error instanceof DatabricksApiError && error.status === 404)) throw error;
      }
    },
  };
}

function decode(text: string, spaceId: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new GenieGitopsError(`space ${spaceId}: serialized_space is not valid JSON`);
  }
}

function toStored(body: SpaceResponse, serializedSpace: unknown): StoredSpace {
  return {
    spaceId: body.space_id,
    title: body.title ?? '',
    warehouseId: body.warehouse_id ?? '',
    serializedSpace,
    ...(body.etag ? { etag: body.etag } : {}),
  };
}
