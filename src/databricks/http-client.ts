/**
 * A small typed client for the Databricks REST API: bearer auth from an AuthProvider,
 * a timeout per request, retries with backoff + jitter on 429/5xx/dropped connections
 * (Retry-After honoured, 1 s assumed when a 429/503 has none), no retry on other 4xx,
 * and zod validation of every answer so a shape mismatch names the endpoint and field.
 */
import type { z } from 'zod';
import { parseRetryAfter, sleep as abortableSleep } from '../util/retry.js';
import { withRetry } from '../util/retry.js';
import { DatabricksApiError, DatabricksShapeError, errorBody, normalizeHost } from './api-error.js';
import type { AuthProvider } from './auth.js';
import { SecretScrubber } from './secrets.js';

export interface DatabricksClientOptions {
  /** Workspace URL, e.g. https://adb-1.azuredatabricks.net (no trailing path). */
  host: string;
  auth: AuthProvider;
  fetch?: typeof fetch;
  /** Per request (each attempt); default 60 000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt of a retryable failure; default 5. */
  retries?: number;
  /** First backoff delay without Retry-After; default 500 ms. */
  backoffMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  /** Overrides the client's retries (0 for a non-idempotent call the caller retries itself). */
  retries?: number;
}

export interface DatabricksClient {
  readonly host: string;
  request<T>(spec: RequestSpec<T>): Promise<T>;
  /** Registers a secret so it is masked in every error this client raises. */
  readonly scrubber: SecretScrubber;
}

const ASSUMED_RETRY_AFTER_MS = 1000;

/** What every request of one client shares. */
interface ClientContext {
  auth: AuthProvider;
  doFetch: typeof fetch;
  timeoutMs: number;
  scrubber: SecretScrubber;
}

export function createDatabricksClient(options: DatabricksClientOptions): DatabricksClient {
  const host = normalizeHost(options.host);
  const ctx: ClientContext = {
    auth: options.auth,
    doFetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 60_000,
    scrubber: options.auth.scrubber ?? new SecretScrubber(),
  };
  const sleep = options.sleep ?? abortableSleep;
  return {
    host,
    scrubber: ctx.scrubber,
    request<T>(spec: RequestSpec<T>): Promise<T> {
      const url = buildUrl(host, spec.path, spec.query);
      return withRetry(() => attempt(ctx, spec, url), {
        retries: spec.retries ?? options.retries ?? 5,
        backoffMs: options.backoffMs ?? 500,
        maxDelayMs: options.maxDelayMs ?? 60_000,
        sleep: (ms) => sleep(ms, spec.signal),
        random: options.random,
        signal: spec.signal,
      });
    },
  };
}

/** One attempt of a request (the retry loop around it is withRetry's). */
async function attempt<T>(ctx: ClientContext, spec: RequestSpec<T>, url: string): Promise<T> {
  // A 401 on an OAuth token: refresh once and repeat once; a PAT cannot be refreshed.
  for (let refreshed = false; ; refreshed = true) {
    const token = await ctx.auth.token(spec.signal);
    ctx.scrubber.add(token);
    const response = await send(ctx, spec, url, token);
    if (response.status === 401 && !refreshed && ctx.auth.invalidate()) {
      await response.body?.cancel().catch(() => undefined);
      continue;
    }
    const text = await readText(ctx, spec, response);
    if (!response.ok) throw apiError(ctx, spec, response, text);
    return parseAnswer(spec, text);
  }
}

async function send(ctx: ClientContext, spec: RequestSpec<unknown>, url: string, token: string): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
  try {
    return await ctx.doFetch(url, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal,
    });
  } catch (error) {
    if (spec.signal?.aborted) throw spec.signal.reason ?? error;
    const what = timeout.aborted
      ? `no answer within ${ctx.timeoutMs} ms`
      : `connection failed (${ctx.scrubber.scrub(causeOf(error))})`;
    throw new DatabricksApiError(spec.method, spec.path, 0, timeout.aborted ? 'TIMEOUT' : 'NETWORK', what);
  }
}

async function readText(ctx: ClientContext, spec: RequestSpec<unknown>, response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (spec.signal?.aborted) throw spec.signal.reason ?? error;
    throw new DatabricksApiError(
      spec.method,
      spec.path,
      0,
      'NETWORK',
      `connection dropped while reading the answer (${ctx.scrubber.scrub(causeOf(error))})`,
    );
  }
}

/** A failed answer as an error the retry policy reads (status, Retry-After), secrets masked. */
function apiError(
  ctx: ClientContext,
  spec: RequestSpec<unknown>,
  response: Response,
  text: string,
): DatabricksApiError {
  const { code, message } = errorBody(text);
  let retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  if (retryAfterMs === undefined && (response.status === 429 || response.status === 503))
    retryAfterMs = ASSUMED_RETRY_AFTER_MS;
  return new DatabricksApiError(
    spec.method,
    spec.path,
    response.status,
    code,
    ctx.scrubber.scrub(message),
    retryAfterMs,
  );
}

/** A successful answer checked against the request's schema; a mismatch names the endpoint and field. */
function parseAnswer<T>(spec: RequestSpec<T>, text: string): T {
  const endpoint = `${spec.method} ${spec.path}`;
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new DatabricksShapeError(endpoint, '$', 'the body is not JSON');
  }
  const parsed = spec.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DatabricksShapeError(endpoint, issuePath(issue?.path ?? []), issue?.message ?? 'unexpected shape');
  }
  return parsed.data;
}

function buildUrl(host: string, path: string, query: RequestSpec<unknown>['query']): string {
  const url = new URL(path, `${host}/`);
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) url.searchParams.set(key, String(value));
  return url.toString();
}

/** A zod issue path as JSONPath, e.g. `$.statement.result[0]`. */
function issuePath(segments: readonly PropertyKey[]): string {
  return `$${segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('')}`;
}

function causeOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) return (cause as Error & { code?: string }).code ?? cause.message;
    return error.message;
  }
  return String(error);
}
