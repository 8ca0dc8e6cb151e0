/**
 * Authentication for the workspace API: a personal access token, OAuth machine-to-machine
 * (service principal client id + secret), or GitHub Actions OIDC federation (the workflow's
 * ID token exchanged for a Databricks token, no stored secret). OAuth tokens are cached and
 * refreshed before they expire. Settings come from an env object passed in, never from
 * process.env here, and no token ever appears in an error message.
 */
import { GenieGitopsError, messageOf } from '../errors.js';
import { errorBody, normalizeHost } from './api-error.js';
import { SecretScrubber } from './secrets.js';
import { backoffDelay, sleep } from '../util/retry.js';
import type { Env } from '../ports.js';

export type AuthKind = 'pat' | 'oauth-m2m' | 'github-oidc';

export interface AuthProvider {
  readonly kind: AuthKind;
  /** A bearer token valid for at least a little longer. */
  token(signal?: AbortSignal): Promise<string>;
  /** After a 401: forget the cached token. True when a fresh one can be obtained (OAuth), false for a PAT. */
  invalidate(): boolean;
  /** Masks every secret this provider has handled. */
  readonly scrubber: SecretScrubber;
}

export interface AuthDeps {
  fetch?: typeof fetch;
  /** Returns a GitHub OIDC ID token for the audience; by default read from the runner's ACTIONS_ID_TOKEN_REQUEST_* variables. */
  getIdToken?: (audience: string) => Promise<string>;
  now?: () => number;
  /** The run's scrubber (from the wiring): every secret handled here is added to it. Default one of its own. */
  secrets?: SecretScrubber;
}

export class DatabricksAuthError extends GenieGitopsError {}

const TOKEN_PATH = '/oidc/v1/token';
const JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';

/** Picks the method: DATABRICKS_AUTH_TYPE when set, else a token, else a client id + secret. */
export function createAuthFromEnv(env: Env, deps: AuthDeps = {}): AuthProvider {
  const get = (name: string) => env[name]?.trim() || undefined;
  const host = get('DATABRICKS_HOST');
  if (!host)
    throw new DatabricksAuthError(
      'DATABRICKS_HOST is not set',
      'set it to the workspace URL, e.g. https://<workspace>.cloud.databricks.com',
    );
  const type = get('DATABRICKS_AUTH_TYPE');
  const token = get('DATABRICKS_TOKEN');
  const clientId = get('DATABRICKS_CLIENT_ID');
  const clientSecret = get('DATABRICKS_CLIENT_SECRET');
  if (type === 'github-oidc') {
    return createOidcFederationAuth(
      {
        host,
        clientId,
        audience: get('DATABRICKS_TOKEN_AUDIENCE'),
        getIdToken: deps.getIdToken ?? githubRunnerIdToken(env, deps.fetch),
      },
      deps,
    );
  }
  if (type === 'oauth-m2m' || (!type && !token && clientId && clientSecret)) {
    if (!clientId || !clientSecret)
      throw new DatabricksAuthError(
        'OAuth M2M needs DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET',
        'set both for the service principal',
      );
    return createM2mAuth({ host, clientId, clientSecret }, deps);
  }
  if (type === 'pat' || (!type && token)) {
    if (!token) throw new DatabricksAuthError('DATABRICKS_AUTH_TYPE=pat needs DATABRICKS_TOKEN');
    return createPatAuth(token, deps.secrets);
  }
  if (type)
    throw new DatabricksAuthError(`unknown DATABRICKS_AUTH_TYPE '${type}'`, 'use pat, oauth-m2m or github-oidc');
  throw new DatabricksAuthError(
    'no Databricks credentials found',
    'set DATABRICKS_TOKEN (personal access token), or DATABRICKS_CLIENT_ID + DATABRICKS_CLIENT_SECRET (service principal), or DATABRICKS_AUTH_TYPE=github-oidc in a workflow with id-token: write',
  );
}

export function createPatAuth(token: string, secrets?: SecretScrubber): AuthProvider {
  const scrubber = secrets ?? new SecretScrubber();
  scrubber.add(token);
  return { kind: 'pat', scrubber, token: async () => token, invalidate: () => false };
}

interface TokenAnswer {
  accessToken: string;
  expiresInS: number;
}

/** Caches one OAuth token; concurrent callers share one refresh. */
function cachedOAuth(
  kind: AuthKind,
  fetchToken: (signal?: AbortSignal) => Promise<TokenAnswer>,
  scrubber: SecretScrubber,
  now: () => number,
): AuthProvider {
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const refresh = async (signal?: AbortSignal): Promise<string> => {
    const answer = await fetchToken(signal);
    scrubber.add(answer.accessToken);
    const lifetimeMs = answer.expiresInS * 1000;
    // Refresh a minute early, or a quarter of the lifetime for short-lived tokens.
    cached = { token: answer.accessToken, refreshAt: now() + lifetimeMs - Math.min(60_000, lifetimeMs / 4) };
    return answer.accessToken;
  };
  return {
    kind,
    scrubber,
    async token(signal) {
      if (cached && now() < cached.refreshAt) return cached.token;
      pending ??= refresh(signal).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate() {
      cached = undefined;
      return true;
    },
  };
}

export function createM2mAuth(
  config: { host: string; clientId: string; clientSecret: string },
  deps: AuthDeps = {},
): AuthProvider {
  const scrubber = deps.secrets ?? new SecretScrubber();
  scrubber.add(config.clientSecret);
  const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64');
  const form = new URLSearchParams({ grant_type: 'client_credentials', scope: 'all-apis' });
  return cachedOAuth(
    'oauth-m2m',
    (signal) => postTokenForm(config.host, form, { authorization: `Basic ${basic}` }, scrubber, deps, signal),
    scrubber,
    deps.now ?? Date.now,
  );
}

export interface FederationConfig {
  host: string;
  /** The service principal's application id; omitted for an account-wide federation policy. */
  clientId?: string;
  /** DATABRICKS_TOKEN_AUDIENCE; else discovered from /.well-known/databricks-config; else the token endpoint URL. */
  audience?: string;
  getIdToken: (audience: string) => Promise<string>;
}

export function createOidcFederationAuth(config: FederationConfig, deps: AuthDeps = {}): AuthProvider {
  const scrubber = deps.secrets ?? new SecretScrubber();
  let audience = config.audience;
  const fetchToken = async (signal?: AbortSignal): Promise<TokenAnswer> => {
    audience ??= await discoverAudience(config.host, deps.fetch ?? fetch, signal);
    let idToken: string;
    try {
      idToken = await config.getIdToken(audience);
    } catch (error) {
      throw new DatabricksAuthError(
        `could not get a GitHub OIDC token: ${messageOf(error)}`,
        'the workflow needs `permissions: id-token: write`, and this must run inside GitHub Actions',
      );
    }
    scrubber.add(idToken);
    const form = new URLSearchParams({
      subject_token: idToken,
      subject_token_type: JWT_TYPE,
      grant_type: EXCHANGE_GRANT,
      scope: 'all-apis',
    });
    if (config.clientId) form.set('client_id', config.clientId);
    return postTokenForm(config.host, form, {}, scrubber, deps, signal);
  };
  return cachedOAuth('github-oidc', fetchToken, scrubber, deps.now ?? Date.now);
}

/** The audience the workspace advertises for federation (field names vary: accept several). */
async function discoverAudience(host: string, doFetch: typeof fetch, signal?: AbortSignal): Promise<string> {
  const base = normalizeHost(host);
  try {
    const response = await doFetch(`${base}/.well-known/databricks-config`, {
      signal: signal ?? AbortSignal.timeout(30_000),
    });
    if (response.ok) {
      const body = (await response.json()) as Record<string, unknown>;
      for (const key of ['default_audiences', 'token_audiences', 'audiences']) {
        const list = body[key];
        if (Array.isArray(list) && typeof list[0] === 'string' && list[0]) return list[0];
      }
      if (typeof body.account_id === 'string' && body.account_id) return body.account_id;
    }
  } catch {
    // Discovery is best effort: fall back to the token endpoint URL below.
  }
  return `${base}${TOKEN_PATH}`;
}

async function postTokenForm(
  host: string,
  form: URLSearchParams,
  headers: Record<string, string>,
  scrubber: SecretScrubber,
  deps: AuthDeps,
  signal?: AbortSignal,
): Promise<TokenAnswer> {
  const url = `${normalizeHost(host)}${TOKEN_PATH}`;
  const doFetch = deps.fetch ?? fetch;
  // Transient failures of the token endpoint are retried a few times; 4xx means wrong credentials.
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      const timeout = AbortSignal.timeout(30_000);
      response = await doFetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      if (attempt < 3) {
        await sleep(backoffDelay(attempt, 200), signal);
        continue;
      }
      throw new DatabricksAuthError(`POST ${TOKEN_PATH} failed: no response`, 'check DATABRICKS_HOST and the network');
    }
    const text = await response.text().catch(() => '');
    if (response.ok) {
      let body: { access_token?: unknown; expires_in?: unknown };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        body = {};
      }
      if (typeof body.access_token !== 'string' || body.access_token === '')
        throw new DatabricksAuthError(`POST ${TOKEN_PATH}: the answer has no access_token`);
      const expiresInS = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
      return { accessToken: body.access_token, expiresInS };
    }
    if ((response.status === 429 || response.status >= 500) && attempt < 3) {
      await sleep(backoffDelay(attempt, 200), signal);
      continue;
    }
    const { code, message } = errorBody(text);
    throw new DatabricksAuthError(
      `POST ${TOKEN_PATH} failed: HTTP ${response.status}${code ? ` ${code}` : ''}${message ? `: ${scrubber.scrub(message)}` : ''}`,
      response.status === 400 || response.status === 401
        ? 'the workspace refused the credentials: check the client id and secret, or the federation policy (issuer, subject, audience)'
        : undefined,
    );
  }
}

/** What the Actions runner offers outside @actions/core: ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN. */
export function githubRunnerIdToken(env: Env, fetchImpl?: typeof fetch): (audience: string) => Promise<string> {
  return async (audience) => {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !requestToken) {
      throw new Error('ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set');
    }
    const full = new URL(url);
    full.searchParams.set('audience', audience);
    const response = await (fetchImpl ?? fetch)(full, {
      headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`the runner's token service answered HTTP ${response.status}`);
    const body = (await response.json()) as { value?: unknown };
    if (typeof body.value !== 'string') throw new Error("the runner's token service answered without a token");
    return body.value;
  };
}
