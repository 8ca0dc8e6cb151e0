/** Contract tests: every adapter call against `startServe` on a random loopback port. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabricksApiError } from '../../src/databricks/api-error.js';
import { createAskLimiter } from '../../src/databricks/ask-limiter.js';
import { createGenieAdapter } from '../../src/databricks/genie-conversation.js';
import { createChatLlm } from '../../src/llm/chat-client.js';
import { createSpaceStore } from '../../src/databricks/space-store.js';
import { createStatementWarehouse } from '../../src/databricks/statement-warehouse.js';
import { createPatAuth } from '../../src/databricks/auth.js';
import { syncSpace } from '../../src/databricks/staging-space.js';
import { ReadOnlyViolationError, WarehouseError } from '../../src/errors.js';
import { openLocalWarehouse, type LocalWarehouse } from '../../src/local/warehouse.js';
import { DEV_TOKEN } from '../../src/serve/oauth.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { readSpaceFile } from '../../src/space/space-file.js';
import { serializeSpace } from '../../src/space/canonical.js';
import type { Space } from '../../src/space/schema.js';
import { clientFor, DEMO_LIVE, DEMO_STAGING, DEMO_WAREHOUSE, REPO_ROOT } from './helpers.js';

let serve: ServeHandle;
let local: LocalWarehouse;
const demoSpace = (): Space => readSpaceFile(`${REPO_ROOT}/spaces/demo/space.json`);
const TABLES = ['main.community.channels', 'main.community.members', 'main.community.nope'];

beforeAll(async () => {
  serve = await startServe({ root: REPO_ROOT, latencyMs: 30, chunkRows: 7, statementLatencyMs: 0 });
  local = await openLocalWarehouse({ data: 'demo' });
});
afterAll(async () => {
  await serve?.close();
  await local?.close();
});

describe('space store adapter', () => {
  it('gets a seeded space under its live and staging ids, decoding serialized_space', async () => {
    const store = createSpaceStore(clientFor(serve.url));
    for (const id of [DEMO_LIVE, DEMO_STAGING]) {
      const stored = await store.get(id);
      expect(stored.spaceId).toBe(id);
      expect(stored.warehouseId).toBe(DEMO_WAREHOUSE);
      expect(stored.etag).toMatch(/^[0-9a-f]{16}$/);
      expect(serializeSpace(stored.serializedSpace as Space)).toBe(serializeSpace(demoSpace()));
    }
  });

  it('updates with the etag, persists, and refuses a stale etag with 409 (not retried)', async () => {
    const client = clientFor(serve.url);
    const store = createSpaceStore(client);
    const created = await store.create({ title: 'scratch', warehouseId: DEMO_WAREHOUSE, serializedSpace: demoSpace() });
    const before = await store.get(created.spaceId);
    const changed = demoSpace();
    changed.data_sources!.tables![0].description = ['Channels of the community.'];
    const updated = await store.update(created.spaceId, changed, { etag: before.etag });
    expect(updated.etag).not.toBe(before.etag);
    const reread = await store.get(created.spaceId);
    expect((reread.serializedSpace as Space).data_sources?.tables?.[0].description).toEqual([
      'Channels of the community.',
    ]);
    const requests = serve.stats.requests;
    const stale = await store.update(created.spaceId, demoSpace(), { etag: before.etag }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(DatabricksApiError);
    expect((stale as DatabricksApiError).status).toBe(409);
    expect(serve.stats.requests - requests).toBe(1);
  });

  it('rejects an invalid config with 400 naming the field', async () => {
    const store = createSpaceStore(clientFor(serve.url));
    const error = (await store
      .create({
        title: 'bad',
        warehouseId: DEMO_WAREHOUSE,
        serializedSpace: { version: 2, data_sources: { tables: 'x' } },
      })
      .catch((e: unknown) => e)) as DatabricksApiError;
    expect(error.status).toBe(400);
    expect(error.message).toContain('tables');
  });

  it('lists every space across pages', async () => {
    const store = createSpaceStore(clientFor(serve.url));
    const all = await store.list({ pageSize: 1 });
    const ids = all.map((s) => s.spaceId);
    expect(ids).toContain(DEMO_LIVE);
    expect(ids).toContain(DEMO_STAGING);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.length).toBe((await store.list({ pageSize: 100 })).length);
  });

  it('a 404 names the call and says the id is wrong', async () => {
    const error = (await createSpaceStore(clientFor(serve.url))
      .get('0'.repeat(32))
      .catch((e: unknown) => e)) as DatabricksApiError;
    expect(error).toBeInstanceOf(DatabricksApiError);
    expect(error.status).toBe(404);
    expect(error.message).toContain('GET /api/2.0/genie/spaces/');
    expect(error.hint).toMatch(/not found.*target\.yml/);
  });

  it('syncSpace writes only when the canonical configs differ', async () => {
    const client = clientFor(serve.url);
    const store = createSpaceStore(client);
    const created = await store.create({ title: 'sync', warehouseId: DEMO_WAREHOUSE, serializedSpace: demoSpace() });
    expect(await syncSpace(store, created.spaceId, demoSpace())).toBe(false);
    const changed = demoSpace();
    changed.data_sources!.tables![1].description = ['Members.'];
    expect(await syncSpace(store, created.spaceId, changed)).toBe(true);
    expect(await syncSpace(store, created.spaceId, changed)).toBe(false);
  });
});

describe('genie conversation adapter', () => {
  const genie = () =>
    createGenieAdapter({ client: clientFor(serve.url), spaceId: DEMO_STAGING, poll: { firstMs: 20 } });

  it('asks, polls to COMPLETED and reads the result through the query-result route, typed by type_name', async () => {
    const answer = await genie().ask('How many members are there?');
    expect(answer.status).toBe('COMPLETED');
    expect(answer.sql).toMatch(/members/i);
    const expected = await local.execute(answer.sql!);
    expect(answer.result?.rows).toEqual(expected.rows);
    expect(typeof answer.result?.rows[0][0]).toBe('number');
    expect(answer.result?.columns.map((c) => c.name)).toEqual(expected.columns.map((c) => c.name));
    expect(Array.isArray(answer.instructionsUsed)).toBe(true);
  });

  it('reads results spread over several chunks', async () => {
    const answer = await genie().ask('List all channels');
    if (!answer.sql) return expect.unreachable('the engine should answer with SQL');
    const expected = await local.execute(answer.sql);
    expect(expected.rows.length).toBeGreaterThan(7);
    expect(answer.result?.rows).toEqual(expected.rows);
  });

  it('asks a follow-up in the same conversation', async () => {
    const adapter = genie();
    const first = await adapter.start('How many channels are there?');
    const next = await adapter.followUp(first.conversationId, 'How many members are there?');
    expect(next.conversationId).toBe(first.conversationId);
    expect(next.messageId).not.toBe(first.messageId);
    expect(next.status).toBe('COMPLETED');
  });

  it('gives up on a message that never finishes with a timeout answer', async () => {
    const stuck = await startServe({ root: REPO_ROOT, stuckRate: 1 });
    try {
      const adapter = createGenieAdapter({
        client: clientFor(stuck.url),
        spaceId: DEMO_STAGING,
        poll: { firstMs: 10, maxMs: 20, giveUpMs: 150 },
      });
      const answer = await adapter.ask('How many members are there?');
      expect(answer.status).toBe('FAILED');
      expect(answer.error?.type).toBe('REPLY_PROCESS_TIMEOUT_EXCEPTION');
    } finally {
      await stuck.close();
    }
  });

  it('a 429 on the asking POST is thrown (retryable, with Retry-After), not retried inside, and pauses the limiter', async () => {
    const limited = await startServe({ root: REPO_ROOT, qpm: 1 });
    try {
      const limiter = createAskLimiter({});
      const adapter = createGenieAdapter({
        client: clientFor(limited.url),
        spaceId: DEMO_STAGING,
        limiter,
        poll: { firstMs: 10 },
      });
      expect((await adapter.ask('How many members are there?')).status).toBe('COMPLETED');
      const error = (await adapter.ask('How many channels are there?').catch((e: unknown) => e)) as DatabricksApiError;
      expect(error.status).toBe(429);
      expect(error.retryable).toBe(true);
      expect(error.retryAfterMs).toBeGreaterThanOrEqual(1000);
      expect(limited.stats.rateLimited).toBe(1);
      const t0 = Date.now();
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      await limiter.acquire(controller.signal).catch(() => undefined);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
    } finally {
      await limited.close();
    }
  });
});

describe('statement warehouse adapter', () => {
  const warehouse = (client = clientFor(serve.url)) =>
    createStatementWarehouse({ client, warehouseId: DEMO_WAREHOUSE, tables: () => TABLES, pollFirstMs: 10 });

  it.each([
    ['SELECT channel_name, COUNT(*) AS n FROM main.community.channels GROUP BY channel_name ORDER BY channel_name'],
    ['SELECT member_id, display_name, joined_at FROM main.community.members ORDER BY member_id LIMIT 25'],
    ['SELECT AVG(word_count) AS avg_words, SUM(is_reply) AS replies FROM main.community.messages'],
  ])('returns the same result as the local warehouse for %s', async (sql) => {
    const [remote, expected] = await Promise.all([warehouse().execute(sql), local.execute(sql)]);
    expect(remote.rows).toEqual(expected.rows);
    expect(remote.columns).toEqual(expected.columns);
  });

  it('reports a FAILED statement as a WarehouseError', async () => {
    const error = await warehouse()
      .execute('SELECT nope FROM main.community.channels')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehouseError);
    expect((error as WarehouseError).code).toBe('SQL_ERROR');
  });

  it('refuses a write before sending it', async () => {
    const before = serve.stats.statements;
    await expect(warehouse().execute('DELETE FROM main.community.channels')).rejects.toBeInstanceOf(
      ReadOnlyViolationError,
    );
    expect(serve.stats.statements).toBe(before);
  });

  it('honours the row limit and reports truncation', async () => {
    const result = await warehouse().execute('SELECT member_id FROM main.community.members', { rowLimit: 10 });
    expect(result.rows).toHaveLength(10);
    expect(result.truncated).toBe(true);
  });

  it('describes the space tables from LIMIT 0 manifests and leaves out unknown ones', async () => {
    const schema = await warehouse().schema();
    expect(schema.tables.map((t) => t.identifier)).toEqual(['main.community.channels', 'main.community.members']);
    const expected = (await local.schema()).tables.find((t) => t.identifier === 'main.community.channels');
    expect(schema.tables[0].columns).toEqual(expected?.columns);
  });

  it('polls a slow statement and cancels it on timeout', async () => {
    const slow = await startServe({ root: REPO_ROOT, statementLatencyMs: 5_000 });
    try {
      const w = createStatementWarehouse({
        client: clientFor(slow.url),
        warehouseId: DEMO_WAREHOUSE,
        tables: () => [],
        pollFirstMs: 20,
      });
      const t0 = Date.now();
      const error = (await w.execute('SELECT 1 AS x', { timeoutMs: 300 }).catch((e: unknown) => e)) as WarehouseError;
      expect(error).toBeInstanceOf(WarehouseError);
      expect(error.code).toBe('TIMEOUT');
      expect(Date.now() - t0).toBeLessThan(2_000);
    } finally {
      await slow.close();
    }
  });

  it('an unknown warehouse id is a 404 with a hint', async () => {
    const w = createStatementWarehouse({ client: clientFor(serve.url), warehouseId: 'nope', tables: () => [] });
    const error = (await w.execute('SELECT 1 AS x').catch((e: unknown) => e)) as DatabricksApiError;
    expect(error.status).toBe(404);
    expect(error.hint).toContain('SQL warehouse');
  });
});

describe('serving endpoint', () => {
  it('answers the llm analyst with no fixes', async () => {
    const auth = createPatAuth(DEV_TOKEN);
    const llm = createChatLlm({ kind: 'databricks', host: serve.url, endpoint: 'analyst', token: () => auth.token() });
    const reply = await llm.chat([{ role: 'user', content: 'propose fixes' }]);
    expect(JSON.parse(reply.content)).toEqual({ fixes: [] });
  });
});
