/**
 * The one place an Octokit client is built: the API's base URL from the entry, and a request hook
 * that retries server errors and rate limits with the one backoff (util/retry.ts) (honouring Retry-After and
 * x-ratelimit-reset) but never the statuses in DO_NOT_RETRY, which another try cannot fix.
 */
import { Octokit } from '@octokit/rest';
import { backoffDelay, parseRetryAfter, sleep } from '../util/retry.js';

export interface OctokitOptions {
  token: string;
  /** The API's base URL (the action's GITHUB_API_URL); default https://api.github.com. */
  baseUrl?: string;
  retries?: number;
  /** First backoff delay; doubles per attempt. */
  baseDelayMs?: number;
  /** Longest wait accepted from a Retry-After or rate-limit reset before giving up. */
  maxWaitMs?: number;
  log?: (line: string) => void;
}

/** Client errors another attempt cannot fix (a 403 is retried only when it is a rate limit). */
export const DO_NOT_RETRY = new Set([400, 401, 403, 404, 410, 422, 451]);

interface HttpLikeError {
  status?: number;
  response?: { headers?: Record<string, string | number | undefined> };
}

function statusOf(error: unknown): number {
  const status = (error as HttpLikeError | undefined)?.status;
  return typeof status === 'number' ? status : 0;
}

function header(error: unknown, name: string): string | undefined {
  const value = (error as HttpLikeError | undefined)?.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** How long to wait before retrying `error`, or undefined when it must not be retried. */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  options: { baseDelayMs: number; now?: number; random?: () => number },
): number | undefined {
  const status = statusOf(error);
  const rateLimited =
    status === 429 ||
    (status === 403 && (header(error, 'x-ratelimit-remaining') === '0' || header(error, 'retry-after') !== undefined));
  if (DO_NOT_RETRY.has(status) && !rateLimited) return undefined;
  const retryAfterMs = parseRetryAfter(header(error, 'retry-after') ?? null, options.now);
  if (retryAfterMs !== undefined) return retryAfterMs;
  const reset = Number(header(error, 'x-ratelimit-reset'));
  if (rateLimited && Number.isFinite(reset) && reset > 0)
    return Math.max(0, reset * 1000 - (options.now ?? Date.now()));
  return backoffDelay(attempt, options.baseDelayMs, undefined, options.random);
}

export function createOctokit(options: OctokitOptions): Octokit {
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'genie-gitops',
    log: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => options.log?.(m),
      error: (m: string) => options.log?.(m),
    },
  });
  const retries = options.retries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const delay = attempt < retries ? retryDelayMs(error, attempt, { baseDelayMs }) : undefined;
        if (delay === undefined || delay > maxWaitMs) throw error;
        options.log?.(
          `GitHub ${requestOptions.method} ${requestOptions.url}: HTTP ${statusOf(error)}, retrying in ${Math.round(delay)} ms`,
        );
        await sleep(delay);
      }
    }
  });
  return octokit;
}
