/** The typed error of the Databricks REST client: which call, what status, what to do about it. */
import { GenieGitopsError } from '../errors.js';

export class DatabricksApiError extends GenieGitopsError {
  /** Read by the scorer's retry logic (scoring/retry.ts errorFacts). */
  readonly retryable: boolean;

  constructor(
    readonly method: string,
    /** The request path without query string (never carries a secret). */
    readonly path: string,
    /** HTTP status; 0 when the connection failed or timed out before an answer. */
    readonly status: number,
    readonly errorCode: string,
    readonly detail: string,
    readonly retryAfterMs?: number,
    hint?: string,
  ) {
    super(
      `${method} ${path} failed: ${status === 0 ? 'no response' : `HTTP ${status}`}${errorCode ? ` ${errorCode}` : ''}${detail ? `: ${detail}` : ''}`,
      hint ?? hintFor(status, path),
    );
    this.retryable = isRetryableStatus(status);
  }
}

/** A 2xx answer whose body does not have the documented shape. */
export class DatabricksShapeError extends GenieGitopsError {
  constructor(
    readonly endpoint: string,
    readonly fieldPath: string,
    detail: string,
  ) {
    super(
      `unexpected response from ${endpoint}: ${fieldPath}: ${detail}`,
      'the workspace API answered in a shape genie-gitops does not know; check DATABRICKS_HOST points at a workspace, and report this if it does',
    );
  }
}

/** 429, 5xx and "no response" (dropped connection, per-request timeout) may succeed on retry. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 429 || (status >= 500 && status <= 599);
}

function hintFor(status: number, path: string): string | undefined {
  const what = path.includes('/genie/')
    ? 'Genie space'
    : path.includes('/sql/')
      ? 'SQL warehouse'
      : path.includes('/serving-endpoints/')
        ? 'serving endpoint'
        : 'resource';
  switch (status) {
    case 0:
      return 'the workspace did not answer: check DATABRICKS_HOST and the network';
    case 400:
      return 'the request was refused as invalid; the message says which field';
    case 401:
      return 'the token is wrong or expired: check DATABRICKS_TOKEN, or the client id/secret or OIDC federation policy';
    case 403:
      return `permission denied: the identity needs ${permissionFor(what)}`;
    case 404:
      return `the ${what} was not found: check the id in spaces/<space>/target.yml and DATABRICKS_HOST`;
    case 409:
      return 'the resource changed since it was read (etag mismatch) or already exists: read it again';
    case 429:
      return 'the workspace rate limit was hit; lower --qpm or --concurrency';
    default:
      return status >= 500 ? 'the workspace had a transient failure; it was retried' : undefined;
  }
}

function permissionFor(what: string): string {
  if (what === 'Genie space') return 'CAN EDIT (or CAN MANAGE) on the Genie space';
  if (what === 'SQL warehouse') return 'CAN USE on the SQL warehouse and SELECT on the data';
  if (what === 'serving endpoint') return 'CAN QUERY on the serving endpoint';
  return 'access to this resource';
}

/** A workspace URL with its scheme and without trailing slashes. */
export function normalizeHost(host: string): string {
  const trimmed = host.trim().replace(/\/+$/, '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** The code and message of a Databricks error body (JSON or plain text), cut short. */
export function errorBody(text: string): { code: string; message: string } {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const code =
      typeof body.error_code === 'string' ? body.error_code : typeof body.error === 'string' ? body.error : '';
    const message =
      typeof body.message === 'string'
        ? body.message
        : typeof body.error_description === 'string'
          ? body.error_description
          : '';
    return { code, message: message.slice(0, 500) };
  } catch {
    return { code: '', message: text.slice(0, 200) };
  }
}
