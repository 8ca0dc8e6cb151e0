/**
 * Contract test: the official Databricks JS SDK (@databricks/sdk-experimental, unchanged) against
 * `serve` on loopback. Spaces, conversations and statements go through the SDK's own request
 * building, polling (startConversation(...).wait()) and response handling, and what comes back
 * equals what the local backend computes for the same data and config. The SDK is configured
 * explicitly (host, token, auth type, its own empty env, a config file that does not exist), so
 * neither ~/.databrickscfg nor DATABRICKS_* variables of the machine are read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkspaceClient } from '@databricks/sdk-experimental';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouseFor } from '../../src/local/target-warehouse.js';
import { toQueryResult } from '../../src/databricks/statement-values.js';
import { createLocalGenie } from '../../src/local/genie/index.js';
import type { LocalWarehouse } from '../../src/local/warehouse.js';
import { DEV_TOKEN } from '../../src/serve/oauth.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { loadSpaceDir } from '../../src/space/repository.js';
import { compareResults } from '../../src/scoring/result-comparator.js';
import { SHOP_LIVE, SHOP_STAGING, SHOP_WAREHOUSE, writeShopRepo } from '../commands/shop-world.js';

let root: string;
let serve: ServeHandle;
let w: WorkspaceClient;
let local: LocalWarehouse;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'genie-gitops-sdk-'));
  writeShopRepo(root);
  // One warehouse for both spaces here, so the local backend can answer for either.
  writeFileSync(
    path.join(root, 'spaces/shop/target.yml'),
    `title: Shop\nlive_space_id: ${SHOP_LIVE}\nstaging_space_id: ${SHOP_STAGING}\nwarehouse_id: ${SHOP_WAREHOUSE}\nlocal:\n  data: data/live.sql\n`,
  );
  serve = await startServe({ root, chunkRows: 6, latencyMs: 50 });
  w = new WorkspaceClient({
    host: serve.url,
    token: DEV_TOKEN,
    authType: 'pat',
    configFile: path.join(root, 'no-databrickscfg'),
    env: {},
  });
  local = await openWarehouseFor(root, loadSpaceDir(root, 'shop').target, 'shop');
});
afterAll(async () => {
  await local?.close();
  await serve?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the Databricks JS SDK against serve', () => {
  it('spaces: listSpaces, getSpace, trashSpace', async () => {
    const listed = await w.genie.listSpaces({});
    expect((listed.spaces ?? []).map((s) => s.space_id).sort()).toEqual([SHOP_LIVE, SHOP_STAGING].sort());
    const space = await w.genie.getSpace({ space_id: SHOP_LIVE });
    expect(space).toMatchObject({ space_id: SHOP_LIVE, title: 'Shop', warehouse_id: SHOP_WAREHOUSE });
    await w.genie.trashSpace({ space_id: SHOP_STAGING });
    const after = await w.genie.listSpaces({});
    expect((after.spaces ?? []).map((s) => s.space_id)).toEqual([SHOP_LIVE]);
    await expect(w.genie.getSpace({ space_id: SHOP_STAGING })).rejects.toMatchObject({ statusCode: 404 });
  });

  it("conversations: startConversation + wait, createMessage, getMessage and the attachment's query result", async () => {
    const question = 'What is the total sales amount per region?';
    const engine = await createLocalGenie(loadSpaceDir(root, 'shop').space, local);
    const expected = await engine.ask(question);
    const waiter = await w.genie.startConversation({ space_id: SHOP_LIVE, content: question });
    const message = await waiter.wait();
    expect(message.status).toBe('COMPLETED');
    const attachment = (message.attachments ?? []).find((a) => a.query)!;
    expect(attachment.query?.query).toBe(expected.sql);
    const again = await w.genie.getMessage({
      space_id: SHOP_LIVE,
      conversation_id: waiter.conversation_id!,
      message_id: waiter.message_id!,
    });
    expect(again.status).toBe('COMPLETED');
    const result = await w.genie.getMessageAttachmentQueryResult({
      space_id: SHOP_LIVE,
      conversation_id: waiter.conversation_id!,
      message_id: waiter.message_id!,
      attachment_id: attachment.attachment_id!,
    });
    const response = result.statement_response!;
    const got = toQueryResult(response as never, (response.result?.data_array ?? []) as (string | null)[][]);
    expect(compareResults(expected.result!, got, { orderMatters: true }).verdict).toBe('exact');
    // A follow-up in the same conversation, polled to completion through getMessage.
    const followUp = await (
      await w.genie.createMessage({
        space_id: SHOP_LIVE,
        conversation_id: waiter.conversation_id!,
        content: 'How many sales are there?',
      })
    ).wait();
    expect(followUp.status).toBe('COMPLETED');
    const count = await engine.ask('How many sales are there?');
    expect((followUp.attachments ?? []).find((a) => a.query)?.query?.query).toBe(count.sql);
  });

  it('statements: executeStatement, getStatement and getStatementResultChunkN equal the local warehouse', async () => {
    const sql = 'SELECT sale_id, region, channel, amount FROM main.default.sales ORDER BY sale_id';
    const expected = await local.execute(sql);
    const first = await w.statementExecution.executeStatement({
      statement: sql,
      warehouse_id: SHOP_WAREHOUSE,
      wait_timeout: '30s',
      format: 'JSON_ARRAY',
      disposition: 'INLINE',
    });
    expect(first.status?.state).toBe('SUCCEEDED');
    const polled = await w.statementExecution.getStatement({ statement_id: first.statement_id! });
    expect(polled.manifest?.total_row_count).toBe(expected.rows.length);
    const chunks = [first.result!];
    for (let next = first.result?.next_chunk_index; next !== undefined;) {
      const chunk = await w.statementExecution.getStatementResultChunkN({
        statement_id: first.statement_id!,
        chunk_index: next,
      });
      chunks.push(chunk);
      next = chunk.next_chunk_index;
    }
    expect(chunks.length).toBe(Math.ceil(expected.rows.length / 6));
    const rows = chunks.flatMap((c) => c.data_array ?? []);
    const got = toQueryResult(first as never, rows as (string | null)[][]);
    expect(compareResults(expected, got, { orderMatters: true }).verdict).toBe('exact');
    // An execution error is HTTP 200 with state FAILED, which the SDK returns as a value.
    const failed = await w.statementExecution.executeStatement({
      statement: 'SELECT nope FROM main.default.sales',
      warehouse_id: SHOP_WAREHOUSE,
      wait_timeout: '30s',
    });
    expect(failed.status?.state).toBe('FAILED');
    expect(failed.status?.error?.message).toMatch(/nope/);
  });
});
