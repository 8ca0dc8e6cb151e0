/**
 * The Warehouse port over the SQL statement execution API: submit with a wait timeout,
 * poll while PENDING/RUNNING, fetch every result chunk, cancel on timeout or abort.
 * The SQL gate runs before anything is sent, for the caller's statements and our own probes.
 */
import { WarehouseError } from '../errors.js';
import type { ExecuteOptions, QueryResult, Warehouse, WarehouseSchema, WarehouseTable } from '../ports.js';
import { quoteTableIdentifier } from '../sql/quote.js';
import { assertReadOnly } from '../sql/read-only-guard.js';
import { sleep } from '../util/retry.js';
import type { DatabricksClient } from './http-client.js';
import {
  EmptySchema,
  ResultChunkSchema,
  StatementResponseSchema,
  SubmittedStatementSchema,
  type StatementResponse,
} from './schemas.js';
import { columnsOf, toQueryResult } from './statement-values.js';

export interface StatementWarehouseOptions {
  client: DatabricksClient;
  warehouseId: string;
  /** Tables whose columns `schema()` reports (three-part names); a function so it can follow the repo. */
  tables: () => string[];
  /** Default limit of one statement; default 120 000 ms. */
  timeoutMs?: number;
  /** First poll delay after the wait timeout ran out; default 250 ms, growing to pollMaxMs. */
  pollFirstMs?: number;
  pollMaxMs?: number;
}

const STATEMENTS = '/api/2.0/sql/statements';
const RUNNING = new Set(['PENDING', 'RUNNING']);

export interface StatementWarehouse extends Warehouse {
  /** Statements submitted so far (schema probes included). */
  readonly submitted: number;
}

/** What every statement of one warehouse shares, with the count of statements submitted. */
interface WarehouseContext {
  client: DatabricksClient;
  warehouseId: string;
  options: StatementWarehouseOptions;
  submitted: number;
}

export function createStatementWarehouse(options: StatementWarehouseOptions): StatementWarehouse {
  const ctx: WarehouseContext = { client: options.client, warehouseId: options.warehouseId, options, submitted: 0 };
  return {
    execute: (sql, execOptions) => execute(ctx, sql, execOptions),
    schema: () => describeTables(ctx),
    get submitted() {
      return ctx.submitted;
    },
  };
}

async function execute(ctx: WarehouseContext, sql: string, execOptions: ExecuteOptions = {}): Promise<QueryResult> {
  assertReadOnly(sql);
  const signal = execOptions.signal;
  if (signal?.aborted) throw new WarehouseError('the statement was cancelled', sql, 'CANCELLED');
  const timeoutMs = execOptions.timeoutMs ?? ctx.options.timeoutMs ?? 120_000;
  // wait_timeout accepts 0s or 5s..50s; below 5 s go asynchronous and poll.
  const waitS = timeoutMs >= 5_000 ? Math.min(30, Math.floor(timeoutMs / 1000)) : 0;
  const rowLimit = execOptions.rowLimit !== undefined && execOptions.rowLimit > 0 ? execOptions.rowLimit : undefined;
  const deadline = Date.now() + timeoutMs;
  const submitted = await submit(ctx, sql, waitS, rowLimit, signal);
  const response = await pollUntilDone(ctx, submitted, { sql, deadline, timeoutMs, signal });
  throwUnlessSucceeded(response, sql);
  return readAllChunks(ctx.client, response, signal);
}

/** Posts one statement (already through the gate), counting it. */
function submit(
  ctx: WarehouseContext,
  statement: string,
  waitS: number,
  rowLimit?: number,
  signal?: AbortSignal,
): Promise<StatementResponse & { statement_id: string }> {
  ctx.submitted++;
  return ctx.client.request({
    method: 'POST',
    path: STATEMENTS,
    body: {
      statement,
      warehouse_id: ctx.warehouseId,
      wait_timeout: `${waitS}s`,
      on_wait_timeout: 'CONTINUE',
      format: 'JSON_ARRAY',
      disposition: 'INLINE',
      ...(rowLimit !== undefined ? { row_limit: rowLimit } : {}),
    },
    schema: SubmittedStatementSchema,
    signal,
  });
}

interface StatementLimits {
  sql: string;
  deadline: number;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

/** Polls a running statement with doubling gaps; cancels it (and throws) on abort or past the deadline. */
async function pollUntilDone(
  ctx: WarehouseContext,
  submitted: StatementResponse & { statement_id: string },
  { sql, deadline, timeoutMs, signal }: StatementLimits,
): Promise<StatementResponse> {
  const id = submitted.statement_id;
  let response: StatementResponse = submitted;
  let delay = ctx.options.pollFirstMs ?? 250;
  while (RUNNING.has(response.status.state)) {
    if (signal?.aborted || Date.now() >= deadline) {
      await cancel(ctx.client, id);
      if (signal?.aborted) throw new WarehouseError('the statement was cancelled', sql, 'CANCELLED');
      throw new WarehouseError(`the statement ran longer than ${timeoutMs} ms and was cancelled`, sql, 'TIMEOUT');
    }
    await sleep(Math.min(delay, Math.max(1, deadline - Date.now())), signal).catch(() => undefined);
    delay = Math.min(delay * 2, ctx.options.pollMaxMs ?? 5_000);
    if (signal?.aborted) continue;
    response = {
      ...(await ctx.client.request({ method: 'GET', path: `${STATEMENTS}/${id}`, schema: StatementResponseSchema })),
      statement_id: id,
    };
  }
  return response;
}

/** A statement that ended other than SUCCEEDED as the warehouse error it is. */
function throwUnlessSucceeded(response: StatementResponse, sql: string): void {
  const state = response.status.state;
  if (state === 'FAILED') {
    const error = response.status.error;
    throw new WarehouseError(
      error?.message || `the statement failed${error?.error_code ? ` (${error.error_code})` : ''}`,
      sql,
      'SQL_ERROR',
    );
  }
  if (state !== 'SUCCEEDED') throw new WarehouseError(`the statement ended ${state}`, sql, 'CANCELLED');
}

async function cancel(client: DatabricksClient, id: string): Promise<void> {
  // Best effort: the statement may already have finished.
  await client
    .request({ method: 'POST', path: `${STATEMENTS}/${id}/cancel`, schema: EmptySchema, retries: 1 })
    .catch(() => undefined);
}

async function describeTables(ctx: WarehouseContext): Promise<WarehouseSchema> {
  const identifiers = [...new Set(ctx.options.tables().map((t) => t.toLowerCase()))].sort();
  const found = await Promise.all(identifiers.map((identifier) => describeTable(ctx, identifier)));
  return { tables: found.filter((t): t is WarehouseTable => t !== undefined) };
}

/**
 * Columns from the manifest of an empty query; a table the warehouse does not know is left out.
 * The identifier comes from space.json before it is validated: each part is quoted, and a name
 * that is not 1 to 3 parts is never sent (the config check then reports it).
 */
async function describeTable(ctx: WarehouseContext, identifier: string): Promise<WarehouseTable | undefined> {
  const quoted = quoteTableIdentifier(identifier);
  if (!quoted) return undefined;
  const statement = `SELECT * FROM ${quoted} LIMIT 0`;
  assertReadOnly(statement);
  const response = await submit(ctx, statement, 30);
  let current: StatementResponse = response;
  for (let delay = 250; RUNNING.has(current.status.state); delay = Math.min(delay * 2, 5_000)) {
    await sleep(delay);
    current = await ctx.client.request({
      method: 'GET',
      path: `${STATEMENTS}/${response.statement_id}`,
      schema: StatementResponseSchema,
    });
  }
  if (current.status.state !== 'SUCCEEDED') return undefined;
  return { identifier, columns: columnsOf(current).map((c) => ({ name: c.name, type: c.type })) };
}

/** The first chunk is inline; further chunks come from the chunk route by next_chunk_index. */
export async function readAllChunks(
  client: DatabricksClient,
  response: StatementResponse,
  signal?: AbortSignal,
): Promise<QueryResult> {
  const rows: (string | null)[][] = [...(response.result?.data_array ?? [])];
  let next = response.result?.next_chunk_index;
  while (next !== undefined && response.statement_id) {
    const chunk = await client.request({
      method: 'GET',
      path: `${STATEMENTS}/${response.statement_id}/result/chunks/${next}`,
      schema: ResultChunkSchema,
      signal,
    });
    rows.push(...(chunk.data_array ?? []));
    next = chunk.next_chunk_index;
  }
  return toQueryResult(response, rows);
}
