/** The typed error of the chat clients: which endpoint, what went wrong, and whether a retry could help. */
import { GenieGitopsError } from '../errors.js';

export type LlmErrorKind =
  /** The service answered with a non-2xx HTTP status. */
  | 'http'
  /** No answer within the client timeout. */
  | 'timeout'
  /** The caller's signal aborted the call. */
  | 'aborted'
  /** The connection failed (DNS, refused, reset). */
  | 'network'
  /** A 2xx answer that is not a chat completion we can read. */
  | 'invalid_response';

export class LlmError extends GenieGitopsError {
  constructor(
    readonly kind: LlmErrorKind,
    /** The endpoint in readable form, never with credentials. */
    readonly endpoint: string,
    /** What the service (or the client) said; already scrubbed of secrets. */
    readonly detail: string,
    /** The HTTP status for kind 'http'. */
    readonly status?: number,
    hint?: string,
    /** The wait the service asked for (Retry-After), for kind 'http'. */
    readonly retryAfterMs?: number,
  ) {
    super(`${endpoint}: ${describe(kind, status)}${detail ? `: ${detail}` : ''}`, hint);
  }

  /** 429 and 5xx and dropped connections may succeed later; other failures will not. */
  get retryable(): boolean {
    if (this.kind === 'network') return true;
    return this.kind === 'http' && this.status !== undefined && (this.status === 429 || this.status >= 500);
  }
}

function describe(kind: LlmErrorKind, status: number | undefined): string {
  switch (kind) {
    case 'http':
      return `HTTP ${status}`;
    case 'timeout':
      return 'timeout';
    case 'aborted':
      return 'aborted';
    case 'network':
      return 'network error';
    case 'invalid_response':
      return 'unreadable response';
  }
}

/** A hint for the statuses a user can fix. */
export function hintForStatus(status: number): string | undefined {
  if (status === 401) return 'check the token or API key (DATABRICKS_TOKEN / OPENAI_API_KEY)';
  if (status === 403) return 'the identity needs CAN QUERY on the serving endpoint';
  if (status === 404) return 'check the serving endpoint name, base URL or model';
  return undefined;
}
