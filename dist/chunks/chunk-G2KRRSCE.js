import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  SecretScrubber
} from "./chunk-K7TKUAUP.js";
import {
  backoffDelay,
  sleep
} from "./chunk-2YFC7YIM.js";
import {
  GenieGitopsError,
  messageOf
} from "./chunk-IX2IGMNH.js";

// src/databricks/api-error.ts
var DatabricksApiError = class extends GenieGitopsError {
  constructor(method, path, status, errorCode, detail, retryAfterMs, hint) {
    super(
      `${method} ${path} failed: ${status === 0 ? "no response" : `HTTP ${status}`}${errorCode ? ` ${errorCode}` : ""}${detail ? `: ${detail}` : ""}`,
      hint ?? hintFor(status, path)
    );
    this.method = method;
    this.path = path;
    this.status = status;
    this.errorCode = errorCode;
    this.detail = detail;
    this.retryAfterMs = retryAfterMs;
    this.retryable = isRetryableStatus(status);
  }
  method;
  path;
  status;
  errorCode;
  detail;
  retryAfterMs;
  /** Read by the scorer's retry logic (scoring/retry.ts errorFacts). */
  retryable;
};
var DatabricksShapeError = class extends GenieGitopsError {
  constructor(endpoint, fieldPath, detail) {
    super(
      `unexpected response from ${endpoint}: ${fieldPath}: ${detail}`,
      "the workspace API answered in a shape genie-gitops does not know; check DATABRICKS_HOST points at a workspace, and report this if it does"
    );
    this.endpoint = endpoint;
    this.fieldPath = fieldPath;
  }
  endpoint;
  fieldPath;
};
function isRetryableStatus(status) {
  return status === 0 || status === 429 || status >= 500 && status <= 599;
}
function hintFor(status, path) {
  const what = path.includes("/genie/") ? "Genie space" : path.includes("/sql/") ? "SQL warehouse" : path.includes("/serving-endpoints/") ? "serving endpoint" : "resource";
  switch (status) {
    case 0:
      return "the workspace did not answer: check DATABRICKS_HOST and the network";
    case 400:
      return "the request was refused as invalid; the message says which field";
    case 401:
      return "the token is wrong or expired: check DATABRICKS_TOKEN, or the client id/secret or OIDC federation policy";
    case 403:
      return `permission denied: the identity needs ${permissionFor(what)}`;
    case 404:
      return `the ${what} was not found: check the id in spaces/<space>/target.yml and DATABRICKS_HOST`;
    case 409:
      return "the resource changed since it was read (etag mismatch) or already exists: read it again";
    case 429:
      return "the workspace rate limit was hit; lower --qpm or --concurrency";
    default:
      return status >= 500 ? "the workspace had a transient failure; it was retried" : void 0;
  }
}
function permissionFor(what) {
  if (what === "Genie space") return "CAN EDIT (or CAN MANAGE) on the Genie space";
  if (what === "SQL warehouse") return "CAN USE on the SQL warehouse and SELECT on the data";
  if (what === "serving endpoint") return "CAN QUERY on the serving endpoint";
  return "access to this resource";
}
function normalizeHost(host) {
  const trimmed = host.trim().replace(/\/+$/, "");
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}
function errorBody(text) {
  try {
    const body = JSON.parse(text);
    const code = typeof body.error_code === "string" ? body.error_code : typeof body.error === "string" ? body.error : "";
    const message = typeof body.message === "string" ? body.message : typeof body.error_description === "string" ? body.error_description : "";
    return { code, message: message.slice(0, 500) };
  } catch {
    return { code: "", message: text.slice(0, 200) };
  }
}

// src/databricks/auth.ts
var DatabricksAuthError = class extends GenieGitopsError {
};
var TOKEN_PATH = "/oidc/v1/token";
var JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";
var EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
function createAuthFromEnv(env, deps = {}) {
  const get = (name) => env[name]?.trim() || void 0;
  const host = get("DATABRICKS_HOST");
  if (!host)
    throw new DatabricksAuthError(
      "DATABRICKS_HOST is not set",
      "set it to the workspace URL, e.g. https://<workspace>.cloud.databricks.com"
    );
  const type = get("DATABRICKS_AUTH_TYPE");
  const token = get("DATABRICKS_TOKEN");
  const clientId = get("DATABRICKS_CLIENT_ID");
  const clientSecret = get("DATABRICKS_CLIENT_SECRET");
  if (type === "github-oidc") {
    return createOidcFederationAuth(
      {
        host,
        clientId,
        audience: get("DATABRICKS_TOKEN_AUDIENCE"),
        getIdToken: deps.getIdToken ?? githubRunnerIdToken(env, deps.fetch)
      },
      deps
    );
  }
  if (type === "oauth-m2m" || !type && !token && clientId && clientSecret) {
    if (!clientId || !clientSecret)
      throw new DatabricksAuthError(
        "OAuth M2M needs DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET",
        "set both for the service principal"
      );
    return createM2mAuth({ host, clientId, clientSecret }, deps);
  }
  if (type === "pat" || !type && token) {
    if (!token) throw new DatabricksAuthError("DATABRICKS_AUTH_TYPE=pat needs DATABRICKS_TOKEN");
    return createPatAuth(token, deps.secrets);
  }
  if (type)
    throw new DatabricksAuthError(`unknown DATABRICKS_AUTH_TYPE '${type}'`, "use pat, oauth-m2m or github-oidc");
  throw new DatabricksAuthError(
    "no Databricks credentials found",
    "set DATABRICKS_TOKEN (personal access token), or DATABRICKS_CLIENT_ID + DATABRICKS_CLIENT_SECRET (service principal), or DATABRICKS_AUTH_TYPE=github-oidc in a workflow with id-token: write"
  );
}
function createPatAuth(token, secrets) {
  const scrubber = secrets ?? new SecretScrubber();
  scrubber.add(token);
  return { kind: "pat", scrubber, token: async () => token, invalidate: () => false };
}
function cachedOAuth(kind, fetchToken, scrubber, now) {
  let cached;
  let pending;
  const refresh = async (signal) => {
    const answer = await fetchToken(signal);
    scrubber.add(answer.accessToken);
    const lifetimeMs = answer.expiresInS * 1e3;
    cached = { token: answer.accessToken, refreshAt: now() + lifetimeMs - Math.min(6e4, lifetimeMs / 4) };
    return answer.accessToken;
  };
  return {
    kind,
    scrubber,
    async token(signal) {
      if (cached && now() < cached.refreshAt) return cached.token;
      pending ??= refresh(signal).finally(() => {
        pending = void 0;
      });
      return pending;
    },
    invalidate() {
      cached = void 0;
      return true;
    }
  };
}
function createM2mAuth(config, deps = {}) {
  const scrubber = deps.secrets ?? new SecretScrubber();
  scrubber.add(config.clientSecret);
  const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString("base64");
  const form = new URLSearchParams({ grant_type: "client_credentials", scope: "all-apis" });
  return cachedOAuth(
    "oauth-m2m",
    (signal) => postTokenForm(config.host, form, { authorization: `Basic ${basic}` }, scrubber, deps, signal),
    scrubber,
    deps.now ?? Date.now
  );
}
function createOidcFederationAuth(config, deps = {}) {
  const scrubber = deps.secrets ?? new SecretScrubber();
  let audience = config.audience;
  const fetchToken = async (signal) => {
    audience ??= await discoverAudience(config.host, deps.fetch ?? fetch, signal);
    let idToken;
    try {
      idToken = await config.getIdToken(audience);
    } catch (error) {
      throw new DatabricksAuthError(
        `could not get a GitHub OIDC token: ${messageOf(error)}`,
        "the workflow needs `permissions: id-token: write`, and this must run inside GitHub Actions"
      );
    }
    scrubber.add(idToken);
    const form = new URLSearchParams({
      subject_token: idToken,
      subject_token_type: JWT_TYPE,
      grant_type: EXCHANGE_GRANT,
      scope: "all-apis"
    });
    if (config.clientId) form.set("client_id", config.clientId);
    return postTokenForm(config.host, form, {}, scrubber, deps, signal);
  };
  return cachedOAuth("github-oidc", fetchToken, scrubber, deps.now ?? Date.now);
}
async function discoverAudience(host, doFetch, signal) {
  const base = normalizeHost(host);
  try {
    const response = await doFetch(`${base}/.well-known/databricks-config`, {
      signal: signal ?? AbortSignal.timeout(3e4)
    });
    if (response.ok) {
      const body = await response.json();
      for (const key of ["default_audiences", "token_audiences", "audiences"]) {
        const list = body[key];
        if (Array.isArray(list) && typeof list[0] === "string" && list[0]) return list[0];
      }
      if (typeof body.account_id === "string" && body.account_id) return body.account_id;
    }
  } catch {
  }
  return `${base}${TOKEN_PATH}`;
}
async function postTokenForm(host, form, headers, scrubber, deps, signal) {
  const url = `${normalizeHost(host)}${TOKEN_PATH}`;
  const doFetch = deps.fetch ?? fetch;
  for (let attempt = 0; ; attempt++) {
    let response;
    try {
      const timeout = AbortSignal.timeout(3e4);
      response = await doFetch(url, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: form.toString(),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      if (attempt < 3) {
        await sleep(backoffDelay(attempt, 200), signal);
        continue;
      }
      throw new DatabricksAuthError(`POST ${TOKEN_PATH} failed: no response`, "check DATABRICKS_HOST and the network");
    }
    const text = await response.text().catch(() => "");
    if (response.ok) {
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = {};
      }
      if (typeof body.access_token !== "string" || body.access_token === "")
        throw new DatabricksAuthError(`POST ${TOKEN_PATH}: the answer has no access_token`);
      const expiresInS = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 3600;
      return { accessToken: body.access_token, expiresInS };
    }
    if ((response.status === 429 || response.status >= 500) && attempt < 3) {
      await sleep(backoffDelay(attempt, 200), signal);
      continue;
    }
    const { code, message } = errorBody(text);
    throw new DatabricksAuthError(
      `POST ${TOKEN_PATH} failed: HTTP ${response.status}${code ? ` ${code}` : ""}${message ? `: ${scrubber.scrub(message)}` : ""}`,
      response.status === 400 || response.status === 401 ? "the workspace refused the credentials: check the client id and secret, or the federation policy (issuer, subject, audience)" : void 0
    );
  }
}
function githubRunnerIdToken(env, fetchImpl) {
  return async (audience) => {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !requestToken) {
      throw new Error("ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set");
    }
    const full = new URL(url);
    full.searchParams.set("audience", audience);
    const response = await (fetchImpl ?? fetch)(full, {
      headers: { authorization: `Bearer ${requestToken}`, accept: "application/json" },
      signal: AbortSignal.timeout(3e4)
    });
    if (!response.ok) throw new Error(`the runner's token service answered HTTP ${response.status}`);
    const body = await response.json();
    if (typeof body.value !== "string") throw new Error("the runner's token service answered without a token");
    return body.value;
  };
}

export {
  DatabricksApiError,
  DatabricksShapeError,
  normalizeHost,
  errorBody,
  createAuthFromEnv
};
