/** Auth against serve: PAT, OAuth M2M, GitHub OIDC federation; refresh on expiry; a wrong token fails once, clearly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabricksApiError } from '../../src/databricks/api-error.js';
import {
  createAuthFromEnv,
  createM2mAuth,
  DatabricksAuthError,
  githubRunnerIdToken,
} from '../../src/databricks/auth.js';
import type { Env } from '../../src/ports.js';
import { createDatabricksClient } from '../../src/databricks/http-client.js';
import { createSpaceStore } from '../../src/databricks/space-store.js';
import { DEV_AUDIENCE, DEV_CLIENT_ID, DEV_CLIENT_SECRET, DEV_SUBJECT_TOKEN, DEV_TOKEN } from '../../src/serve/oauth.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { DEMO_STAGING, REPO_ROOT } from '../serve/helpers.js';

let serve: ServeHandle;
beforeAll(async () => {
  serve = await startServe({ root: REPO_ROOT });
});
afterAll(async () => serve?.close());

const storeWith = (env: Env, getIdToken?: (audience: string) => Promise<string>) => {
  const auth = createAuthFromEnv(env, { getIdToken });
  return {
    auth,
    store: createSpaceStore(createDatabricksClient({ host: serve.url, auth, retries: 2, backoffMs: 10 })),
  };
};

describe('choosing the method from the env', () => {
  it.each<[string, Env, string]>([
    ['a token', { DATABRICKS_HOST: 'https://x', DATABRICKS_TOKEN: 't' }, 'pat'],
    [
      'a client id and secret',
      { DATABRICKS_HOST: 'https://x', DATABRICKS_CLIENT_ID: 'a', DATABRICKS_CLIENT_SECRET: 'b' },
      'oauth-m2m',
    ],
    [
      'a token beside a client id and secret',
      { DATABRICKS_HOST: 'https://x', DATABRICKS_TOKEN: 't', DATABRICKS_CLIENT_ID: 'a', DATABRICKS_CLIENT_SECRET: 'b' },
      'pat',
    ],
    [
      'DATABRICKS_AUTH_TYPE=oauth-m2m',
      {
        DATABRICKS_HOST: 'https://x',
        DATABRICKS_AUTH_TYPE: 'oauth-m2m',
        DATABRICKS_TOKEN: 't',
        DATABRICKS_CLIENT_ID: 'a',
        DATABRICKS_CLIENT_SECRET: 'b',
      },
      'oauth-m2m',
    ],
    [
      'DATABRICKS_AUTH_TYPE=github-oidc',
      { DATABRICKS_HOST: 'https://x', DATABRICKS_AUTH_TYPE: 'github-oidc' },
      'github-oidc',
    ],
  ])('%s', (_label, env, kind) => {
    expect(createAuthFromEnv(env).kind).toBe(kind);
  });

  it.each<[string, Env, RegExp]>([
    ['no host', { DATABRICKS_TOKEN: 't' }, /DATABRICKS_HOST/],
    ['no credentials', { DATABRICKS_HOST: 'https://x' }, /no Databricks credentials/],
    [
      'an unknown auth type',
      { DATABRICKS_HOST: 'https://x', DATABRICKS_AUTH_TYPE: 'azure-cli' },
      /unknown DATABRICKS_AUTH_TYPE/,
    ],
    [
      'm2m without a secret',
      { DATABRICKS_HOST: 'https://x', DATABRICKS_AUTH_TYPE: 'oauth-m2m', DATABRICKS_CLIENT_ID: 'a' },
      /CLIENT_SECRET/,
    ],
  ])('fails clearly with %s', (_label, env, message) => {
    expect(() => createAuthFromEnv(env)).toThrow(message);
  });
});

describe('personal access token', () => {
  it('works with the configured token', async () => {
    const { store } = storeWith({ DATABRICKS_HOST: serve.url, DATABRICKS_TOKEN: DEV_TOKEN });
    expect((await store.get(DEMO_STAGING)).spaceId).toBe(DEMO_STAGING);
  });

  it('a wrong token gives one clear 401, no retry loop, and never shows the token', async () => {
    const wrong = 'dapi-wrong-token-0123456789';
    const { store } = storeWith({ DATABRICKS_HOST: serve.url, DATABRICKS_TOKEN: wrong });
    const before = serve.stats.unauthorized;
    const error = (await store.get(DEMO_STAGING).catch((e: unknown) => e)) as DatabricksApiError;
    expect(error).toBeInstanceOf(DatabricksApiError);
    expect(error.status).toBe(401);
    expect(error.hint).toMatch(/token is wrong or expired/);
    expect(serve.stats.unauthorized - before).toBe(1);
    expect(`${error.message} ${error.hint} ${error.stack}`).not.toContain(wrong);
  });
});

describe('OAuth machine-to-machine', () => {
  it('gets one token, caches it across requests', async () => {
    const before = serve.stats.tokensIssued;
    const { store } = storeWith({
      DATABRICKS_HOST: serve.url,
      DATABRICKS_CLIENT_ID: DEV_CLIENT_ID,
      DATABRICKS_CLIENT_SECRET: DEV_CLIENT_SECRET,
    });
    await store.get(DEMO_STAGING);
    await store.list();
    await store.get(DEMO_STAGING);
    expect(serve.stats.tokensIssued - before).toBe(1);
  });

  it('refreshes an expired token once on 401 and repeats the request', async () => {
    const { store } = storeWith({
      DATABRICKS_HOST: serve.url,
      DATABRICKS_CLIENT_ID: DEV_CLIENT_ID,
      DATABRICKS_CLIENT_SECRET: DEV_CLIENT_SECRET,
    });
    await store.get(DEMO_STAGING);
    const issued = serve.stats.tokensIssued;
    const unauthorized = serve.stats.unauthorized;
    serve.expireTokens();
    expect((await store.get(DEMO_STAGING)).spaceId).toBe(DEMO_STAGING);
    expect(serve.stats.tokensIssued - issued).toBe(1);
    expect(serve.stats.unauthorized - unauthorized).toBe(1);
  });

  it('refreshes before expiry', async () => {
    let clock = 1_000_000;
    const before = serve.stats.tokensIssued;
    const auth = createM2mAuth(
      { host: serve.url, clientId: DEV_CLIENT_ID, clientSecret: DEV_CLIENT_SECRET },
      { now: () => clock },
    );
    const first = await auth.token();
    clock += 60_000;
    expect(await auth.token()).toBe(first);
    clock += 3_540_000 - 60_000 + 1; // inside the last minute of the hour-long token
    expect(await auth.token()).not.toBe(first);
    expect(serve.stats.tokensIssued - before).toBe(2);
  });

  it('a wrong secret is a clear error that does not echo it', async () => {
    const secret = 'not-the-right-secret-123';
    const { store } = storeWith({
      DATABRICKS_HOST: serve.url,
      DATABRICKS_CLIENT_ID: DEV_CLIENT_ID,
      DATABRICKS_CLIENT_SECRET: secret,
    });
    const error = (await store.get(DEMO_STAGING).catch((e: unknown) => e)) as DatabricksAuthError;
    expect(error).toBeInstanceOf(DatabricksAuthError);
    expect(error.message).toMatch(/oidc\/v1\/token failed: HTTP 401/);
    expect(error.hint).toMatch(/client id and secret/);
    expect(`${error.message} ${error.hint}`).not.toContain(secret);
  });
});

describe('GitHub OIDC federation', () => {
  it('exchanges the ID token for the advertised audience and uses the Databricks token', async () => {
    const audiences: string[] = [];
    const { store } = storeWith(
      { DATABRICKS_HOST: serve.url, DATABRICKS_AUTH_TYPE: 'github-oidc', DATABRICKS_CLIENT_ID: 'sp-app-id' },
      async (audience) => {
        audiences.push(audience);
        return DEV_SUBJECT_TOKEN;
      },
    );
    expect((await store.get(DEMO_STAGING)).spaceId).toBe(DEMO_STAGING);
    expect(audiences).toEqual([DEV_AUDIENCE]);
  });

  it('DATABRICKS_TOKEN_AUDIENCE wins over discovery', async () => {
    const audiences: string[] = [];
    const { store } = storeWith(
      { DATABRICKS_HOST: serve.url, DATABRICKS_AUTH_TYPE: 'github-oidc', DATABRICKS_TOKEN_AUDIENCE: 'my-account' },
      async (audience) => {
        audiences.push(audience);
        return DEV_SUBJECT_TOKEN;
      },
    );
    await store.get(DEMO_STAGING);
    expect(audiences).toEqual(['my-account']);
  });

  it('a subject token the policy does not accept is a clear error', async () => {
    const { store } = storeWith(
      { DATABRICKS_HOST: serve.url, DATABRICKS_AUTH_TYPE: 'github-oidc' },
      async () => 'some.other.jwt',
    );
    await expect(store.get(DEMO_STAGING)).rejects.toThrow(/federation policy|HTTP 401/);
  });

  it('outside Actions (no runner variables) says what is missing', async () => {
    const { store } = storeWith({ DATABRICKS_HOST: serve.url, DATABRICKS_AUTH_TYPE: 'github-oidc' });
    const error = (await store.get(DEMO_STAGING).catch((e: unknown) => e)) as DatabricksAuthError;
    expect(error.message).toMatch(/ACTIONS_ID_TOKEN_REQUEST_URL/);
    expect(error.hint).toMatch(/id-token: write/);
  });

  it('reads the ID token from the runner like the Actions toolkit does', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') });
      return new Response(JSON.stringify({ value: 'jwt-from-runner' }), { status: 200 });
    }) as typeof fetch;
    const get = githubRunnerIdToken(
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://runner.example/token?api-version=2.0',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'req-token',
      },
      fakeFetch,
    );
    expect(await get('aud-1')).toBe('jwt-from-runner');
    expect(seen[0].url).toBe('https://runner.example/token?api-version=2.0&audience=aud-1');
    expect(seen[0].auth).toBe('Bearer req-token');
  });
});
