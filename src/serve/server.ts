/**
 * `genie-gitops serve`: a loopback HTTP server speaking the Databricks REST shapes,
 * backed by the embedded warehouse, the local Genie engine and an in-memory space store
 * seeded from the repository. Latency, a qpm gate, seeded faults and stuck messages make
 * it a test bed for the databricks adapters.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openWarehouseFor } from '../local/target-warehouse.js';
import type { LocalWarehouse } from '../local/warehouse.js';
import { EvalState } from './eval-state.js';
import { GenieState } from './genie-state.js';
import { HttpError, readBody, sendError, sendJson } from './http-io.js';
import { OAuthState, type OAuthOptions } from './oauth.js';
import { dispatch, isAskingRoute, wellKnownConfig, type RouteContext, type ServeStats } from './routes.js';
import { SpaceState } from './space-state.js';
import { StatementStore } from './statement-store.js';
import { createTrafficControl, type Fault, type FaultRule } from './traffic-control.js';
import { messageOf } from '../errors.js';

export interface ServeOptions extends OAuthOptions {
  /** The repository whose spaces/ are served. */
  root: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Time before a Genie message completes; default 0. */
  latencyMs?: number;
  /** Asking POSTs per minute before 429; default unlimited. */
  qpm?: number;
  /** Share of API requests that fail with 5xx or a dropped connection before being handled; default 0. */
  faultRate?: number;
  /** Share of API requests handled (the state changes) whose answer is then lost (5xx or a dropped connection); default 0. */
  faultAfterRate?: number;
  /** Share of messages that never leave EXECUTING_QUERY; default 0. */
  stuckRate?: number;
  seed?: number;
  /** Rows per statement result chunk; default 1000. */
  chunkRows?: number;
  /** Time a statement stays RUNNING; default 0. */
  statementLatencyMs?: number;
}

export interface ServeHandle {
  url: string;
  port: number;
  stats: ServeStats;
  /** Expires every OAuth token the server issued, so the next request gets a 401. */
  expireTokens(): void;
  /** Queues a one-off fault for the next matching request(s) (tests: "lose the answer to the next PATCH"). */
  injectFault(rule: FaultRule): void;
  /** The spaces not in the trash: id and title. */
  listSpaces(): Array<{ spaceId: string; title: string }>;
  close(): Promise<void>;
}

export async function startServe(options: ServeOptions): Promise<ServeHandle> {
  const spaces = new SpaceState();
  const warehouseSettings = spaces.seed(options.root);
  const warehouses = new Map<string, LocalWarehouse>();
  for (const [id, { space, ...local }] of warehouseSettings) {
    const target = { title: id, liveSpaceId: '', stagingSpaceId: '', warehouseId: id, local };
    warehouses.set(id, await openWarehouseFor(options.root, target, space));
  }
  const statements = new StatementStore({ chunkRows: options.chunkRows, latencyMs: options.statementLatencyMs });
  const genie = new GenieState(statements, options.latencyMs ?? 0);
  const evals = new EvalState((space, warehouse, q) => genie.answerNow(space, warehouse, q), options.latencyMs ?? 0);
  const stats: ServeStats = {
    requests: 0,
    asks: 0,
    rateLimited: 0,
    faults: { errors: 0, drops: 0, lost: 0 },
    statements: 0,
    stuckMessages: 0,
    unauthorized: 0,
    tokensIssued: 0,
    spacesCreated: 0,
    spacesTrashed: 0,
  };
  const oauth = new OAuthState(options);
  const traffic = createTrafficControl({
    faultRate: options.faultRate,
    faultAfterRate: options.faultAfterRate,
    stuckRate: options.stuckRate,
    qpm: options.qpm,
    seed: options.seed,
  });
  const ctx: RouteContext = {
    spaces,
    genie,
    evals,
    statements,
    oauth,
    traffic,
    warehouses,
    stats,
    statementLatencyMs: options.statementLatencyMs ?? 0,
  };
  // Warm the engines of the seeded spaces, as a running Genie would be.
  await Promise.all([...spaces.spaces.values()].map((s) => genie.warm(s, warehouses.get(s.warehouseId))));

  let baseUrl = '';
  const server = createServer((req, res) => {
    handle(ctx, baseUrl, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, {
          error_code: 'INTERNAL_ERROR',
          message: messageOf(error),
        });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: baseUrl,
    port,
    stats,
    expireTokens: () => oauth.expireAll(),
    injectFault: (rule) => traffic.inject(rule),
    listSpaces: () => [...spaces.spaces.values()].map((s) => ({ spaceId: s.spaceId, title: s.title })),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const w of warehouses.values()) await w.close();
    },
  };
}

/** Alternates 503 (with Retry-After 0) and 500, the two server errors Databricks answers. */
function injectedError(n: number): HttpError {
  return n % 2 === 0
    ? new HttpError(503, 'TEMPORARILY_UNAVAILABLE', 'injected fault: the service is temporarily unavailable', {
        'retry-after': '0',
      })
    : new HttpError(500, 'INTERNAL_ERROR', 'injected fault: internal error');
}

async function handle(ctx: RouteContext, baseUrl: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', baseUrl);
  const method = req.method ?? 'GET';
  ctx.stats.requests++;
  try {
    if (method === 'GET' && url.pathname === '/.well-known/databricks-config')
      return sendJson(res, 200, wellKnownConfig(baseUrl));
    if (method === 'POST' && url.pathname === '/oidc/v1/token') {
      const answer = ctx.oauth.token(new URLSearchParams(await readBody(req)), req.headers.authorization);
      ctx.stats.tokensIssued = ctx.oauth.issuedCount;
      return sendJson(res, 200, answer);
    }
    const fault = ctx.traffic.nextFault(method, url.pathname);
    if (fault === 'drop') {
      ctx.stats.faults.drops++;
      req.socket.destroy();
      return;
    }
    if (fault === 'error') {
      ctx.stats.faults.errors++;
      throw injectedError(ctx.stats.faults.errors);
    }
    try {
      ctx.oauth.authenticate(req.headers.authorization);
    } catch (error) {
      ctx.stats.unauthorized++;
      throw error;
    }
    if (isAskingRoute(method, url.pathname)) {
      const admitted = ctx.traffic.admitAsk();
      if (!admitted.ok) {
        ctx.stats.rateLimited++;
        throw new HttpError(
          429,
          'RESOURCE_EXHAUSTED',
          'Too many Genie questions: the workspace limit of questions per minute was reached',
          {
            'retry-after': String(Math.max(1, Math.ceil(admitted.retryAfterMs / 1000))),
          },
        );
      }
      ctx.stats.asks++;
    }
    const handled = await dispatch(ctx, req, url);
    if (!handled) throw new HttpError(404, 'ENDPOINT_NOT_FOUND', `no API at ${method} ${url.pathname}`);
    // The request took effect; now, maybe, its answer is lost on the way back.
    const lost: Fault = ctx.traffic.nextFaultAfter(method, url.pathname);
    if (lost !== 'none') ctx.stats.faults.lost++;
    if (lost === 'drop') return void req.socket.destroy();
    if (lost === 'error') throw injectedError(ctx.stats.faults.lost);
    sendJson(res, 200, handled.body);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    // OAuth errors use the OAuth body shape.
    if (url.pathname === '/oidc/v1/token')
      return sendJson(res, error.status, { error: error.errorCode, error_description: error.message });
    sendError(res, error);
  }
}
