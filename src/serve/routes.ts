/** The REST routes the emulator speaks (shapes of shared/DATABRICKS-API.md), over its in-memory state. */
import type { IncomingMessage } from 'node:http';
import type { Warehouse } from '../ports.js';
import { EvalState } from './eval-state.js';
import { GenieState } from './genie-state.js';
import { HttpError, parseJsonBody, readBody, requireString } from './http-io.js';
import { DEV_AUDIENCE, OAuthState } from './oauth.js';
import { SpaceState } from './space-state.js';
import { StatementStore } from './statement-store.js';
import type { TrafficControl } from './traffic-control.js';

export interface ServeStats {
  requests: number;
  /** Asking POSTs admitted (start-conversation and follow-ups). */
  asks: number;
  /** 429 answers to asking POSTs. */
  rateLimited: number;
  /** Injected before handling (errors, drops: nothing happened) and after it (lost: the state changed, the answer was lost). */
  faults: { errors: number; drops: number; lost: number };
  /** Statements submitted through POST /api/2.0/sql/statements. */
  statements: number;
  stuckMessages: number;
  unauthorized: number;
  tokensIssued: number;
  /** Spaces created by POST /api/2.0/genie/spaces, and moved to the trash by DELETE. */
  spacesCreated: number;
  spacesTrashed: number;
}

export interface RouteContext {
  spaces: SpaceState;
  genie: GenieState;
  evals: EvalState;
  statements: StatementStore;
  oauth: OAuthState;
  traffic: TrafficControl;
  warehouses: Map<string, Warehouse>;
  stats: ServeStats;
  statementLatencyMs: number;
}

type Handler = (ctx: RouteContext, params: string[], req: IncomingMessage, url: URL) => Promise<unknown>;

const SPACE = '/api/2.0/genie/spaces/([^/]+)';
const MESSAGE = `${SPACE}/conversations/([^/]+)/messages/([^/]+)`;
const STATEMENT = '/api/2.0/sql/statements/([^/]+)';
const EVAL_RUNS = `${SPACE}/eval-runs`;

const ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^\/api\/2\.0\/genie\/spaces$/, listSpaces],
  [
    'POST',
    /^\/api\/2\.0\/genie\/spaces$/,
    async (ctx, _p, req) => {
      const created = ctx.spaces.create(await jsonOf(req), new Set(ctx.warehouses.keys()));
      ctx.stats.spacesCreated++;
      warmEngine(ctx, created.spaceId);
      return ctx.spaces.toJson(created, true);
    },
  ],
  [
    'GET',
    re(SPACE),
    async (ctx, [id], _req, url) =>
      ctx.spaces.toJson(ctx.spaces.get(id), url.searchParams.get('include_serialized_space') === 'true'),
  ],
  [
    'PATCH',
    re(SPACE),
    async (ctx, [id], req) => {
      const updated = ctx.spaces.update(id, await jsonOf(req));
      warmEngine(ctx, id);
      return ctx.spaces.toJson(updated, true);
    },
  ],
  [
    'DELETE',
    re(SPACE),
    async (ctx, [id]) => {
      ctx.spaces.trash(id);
      ctx.stats.spacesTrashed++;
      return {};
    },
  ],
  [
    'POST',
    re(`${SPACE}/start-conversation`),
    async (ctx, [id], req) => {
      const message = await ask(ctx, id, undefined, req);
      return {
        conversation_id: message.conversation_id,
        message_id: message.message_id,
        conversation: { id: message.conversation_id, space_id: id },
        message,
      };
    },
  ],
  [
    'POST',
    re(`${SPACE}/conversations/([^/]+)/messages`),
    async (ctx, [id, conv], req) => {
      ctx.genie.conversationOf(id, conv);
      return ask(ctx, id, conv, req);
    },
  ],
  [
    'DELETE',
    re(`${SPACE}/conversations/([^/]+)`),
    async (ctx, [id, conv]) => (ctx.genie.deleteConversation(id, conv), {}),
  ],
  ['GET', re(MESSAGE), async (ctx, [id, conv, msg]) => ctx.genie.toJson(ctx.genie.message(id, conv, msg))],
  [
    'GET',
    re(`${MESSAGE}/attachments/([^/]+)/query-result`),
    async (ctx, [id, conv, msg, att]) => ({
      statement_response: ctx.statements.response(ctx.genie.queryResult(ctx.genie.message(id, conv, msg), att)),
    }),
  ],
  [
    'POST',
    re(`${MESSAGE}/attachments/([^/]+)/execute-query`),
    async (ctx, [id, conv, msg, att]) => ({
      statement_response: ctx.statements.response(ctx.genie.queryResult(ctx.genie.message(id, conv, msg), att)),
    }),
  ],
  ['POST', re(EVAL_RUNS), startEvalRun],
  ['GET', re(EVAL_RUNS), listEvalRuns],
  ['GET', re(`${EVAL_RUNS}/([^/]+)`), async (ctx, [id, run]) => ctx.evals.runJson(ctx.evals.get(id, run))],
  ['GET', re(`${EVAL_RUNS}/([^/]+)/results`), listEvalResults],
  [
    'GET',
    re(`${EVAL_RUNS}/([^/]+)/results/([^/]+)`),
    async (ctx, [id, run, result]) => ctx.evals.resultDetail(ctx.evals.get(id, run), result),
  ],
  ['POST', /^\/api\/2\.0\/sql\/statements\/?$/, submitStatement],
  ['GET', re(STATEMENT), async (ctx, [id]) => ctx.statements.response(id)],
  ['GET', re(`${STATEMENT}/result/chunks/(\\d+)`), async (ctx, [id, index]) => ctx.statements.chunk(id, Number(index))],
  ['POST', re(`${STATEMENT}/cancel`), async (ctx, [id]) => (ctx.statements.cancel(id), {})],
  [
    'POST',
    /^\/serving-endpoints\/([^/]+)\/invocations$/,
    async () => ({
      // The llm analyst proposes nothing: enhance runs end to end without a model.
      choices: [{ index: 0, message: { role: 'assistant', content: '{"fixes": []}' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    }),
  ],
];

/** Builds the Genie engine of a new config in the background, as a running Genie has it ready. */
function warmEngine(ctx: RouteContext, spaceId: string): void {
  const space = ctx.spaces.get(spaceId);
  // A config the engine cannot load fails the first question instead, as before.
  ctx.genie.warm(space, ctx.warehouses.get(space.warehouseId)).catch(() => undefined);
}

function re(pattern: string): RegExp {
  return new RegExp(`^${pattern}$`);
}

/**
 * Handles an authenticated API request and returns the answer's body without sending it (the
 * server may lose it on purpose); undefined when no route matches.
 */
export async function dispatch(
  ctx: RouteContext,
  req: IncomingMessage,
  url: URL,
): Promise<{ body: unknown } | undefined> {
  const method = req.method ?? 'GET';
  let pathMatched = false;
  for (const [m, pattern, handler] of ROUTES) {
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    pathMatched = true;
    if (m !== method) continue;
    return { body: await handler(ctx, match.slice(1).map(decodeURIComponent), req, url) };
  }
  if (pathMatched) throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${url.pathname}`);
  return undefined;
}

export function isAskingRoute(method: string, pathname: string): boolean {
  return (
    method === 'POST' && (/\/start-conversation$/.test(pathname) || /\/conversations\/[^/]+\/messages$/.test(pathname))
  );
}

/** The well-known config: the OIDC endpoint and the audience a federated token should carry. */
export function wellKnownConfig(baseUrl: string): Record<string, unknown> {
  return {
    oidc_endpoint: `${baseUrl}/oidc`,
    default_audiences: [DEV_AUDIENCE],
    workspace_id: '0',
    account_id: '00000000-0000-0000-0000-000000000000',
  };
}

async function jsonOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  return parseJsonBody(await readBody(req));
}

async function listSpaces(ctx: RouteContext, _p: string[], _req: IncomingMessage, url: URL): Promise<unknown> {
  const all = [...ctx.spaces.spaces.values()].sort((a, b) => a.spaceId.localeCompare(b.spaceId));
  const p = page(all, url);
  return { spaces: p.items.map((s) => ctx.spaces.toJson(s, false)), ...(p.next ? { next_page_token: p.next } : {}) };
}

/** A space and the warehouse it names, or 404 when that warehouse does not exist. */
function spaceWithWarehouse(ctx: RouteContext, spaceId: string) {
  const space = ctx.spaces.get(spaceId);
  const warehouse = ctx.warehouses.get(space.warehouseId);
  if (!warehouse)
    throw new HttpError(
      404,
      'RESOURCE_DOES_NOT_EXIST',
      `warehouse ${space.warehouseId} of space ${spaceId} does not exist`,
    );
  return { space, warehouse };
}

async function ask(
  ctx: RouteContext,
  spaceId: string,
  conversationId: string | undefined,
  req: IncomingMessage,
): Promise<Record<string, unknown>> {
  const content = requireString(await jsonOf(req), 'content');
  const { space, warehouse } = spaceWithWarehouse(ctx, spaceId);
  const stuck = ctx.traffic.nextStuck();
  if (stuck) ctx.stats.stuckMessages++;
  return ctx.genie.toJson(ctx.genie.ask(space, warehouse, conversationId, content, stuck));
}

async function submitStatement(ctx: RouteContext, _p: string[], req: IncomingMessage): Promise<unknown> {
  const body = await jsonOf(req);
  const statement = requireString(body, 'statement');
  const warehouseId = requireString(body, 'warehouse_id');
  const warehouse = ctx.warehouses.get(warehouseId);
  if (!warehouse) throw new HttpError(404, 'RESOURCE_DOES_NOT_EXIST', `SQL warehouse ${warehouseId} does not exist`);
  if (body.format !== undefined && body.format !== 'JSON_ARRAY')
    throw new HttpError(400, 'INVALID_PARAMETER_VALUE', 'only format JSON_ARRAY is supported here');
  if (body.disposition !== undefined && body.disposition !== 'INLINE')
    throw new HttpError(400, 'INVALID_PARAMETER_VALUE', 'only disposition INLINE is supported here');
  const waitS = parseWaitTimeout(body.wait_timeout);
  const rowLimit = typeof body.row_limit === 'number' && body.row_limit > 0 ? body.row_limit : undefined;
  ctx.stats.statements++;
  const id = await ctx.statements.run(warehouse, statement, rowLimit);
  if (ctx.statementLatencyMs > 0 && waitS * 1000 >= ctx.statementLatencyMs)
    await new Promise((r) => setTimeout(r, ctx.statementLatencyMs));
  return ctx.statements.response(id);
}

function parseWaitTimeout(value: unknown): number {
  if (value === undefined) return 10;
  const match = typeof value === 'string' ? /^(\d+)s$/.exec(value) : null;
  const n = match ? Number(match[1]) : NaN;
  if (!(n === 0 || (n >= 5 && n <= 50)))
    throw new HttpError(400, 'INVALID_PARAMETER_VALUE', 'wait_timeout must be 0s or between 5s and 50s');
  return n;
}

async function startEvalRun(ctx: RouteContext, [spaceId]: string[], req: IncomingMessage): Promise<unknown> {
  const body = await jsonOf(req);
  const ids = body.benchmark_question_ids;
  if (ids !== undefined && !(Array.isArray(ids) && ids.every((x) => typeof x === 'string')))
    throw new HttpError(400, 'INVALID_PARAMETER_VALUE', 'benchmark_question_ids must be a list of strings');
  const { space, warehouse } = spaceWithWarehouse(ctx, spaceId);
  return ctx.evals.runJson(ctx.evals.create(space, warehouse, ids as string[] | undefined));
}

/** Pages of `page_size` (default 100) with an offset as the page token, as the list routes here do. */
function page<T>(items: T[], url: URL): { items: T[]; next?: string } {
  const size = Math.min(100, Math.max(1, Number(url.searchParams.get('page_size')) || 100));
  const offset = Math.max(0, Number(url.searchParams.get('page_token')) || 0);
  const next = offset + size < items.length ? String(offset + size) : undefined;
  return { items: items.slice(offset, offset + size), ...(next ? { next } : {}) };
}

async function listEvalRuns(ctx: RouteContext, [spaceId]: string[], _req: IncomingMessage, url: URL): Promise<unknown> {
  ctx.spaces.get(spaceId);
  const p = page(ctx.evals.list(spaceId), url);
  return { eval_runs: p.items.map((r) => ctx.evals.runJson(r)), ...(p.next ? { next_page_token: p.next } : {}) };
}

async function listEvalResults(
  ctx: RouteContext,
  [spaceId, runId]: string[],
  _req: IncomingMessage,
  url: URL,
): Promise<unknown> {
  const run = ctx.evals.get(spaceId, runId);
  const p = page(run.results, url);
  return {
    eval_results: p.items.map((r) => ctx.evals.resultSummary(run, r)),
    ...(p.next ? { next_page_token: p.next } : {}),
  };
}
