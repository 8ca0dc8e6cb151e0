/** Settings of the databricks backend read from an env object (never process.env here). */
import { GenieGitopsError } from '../errors.js';
import type { Env } from '../ports.js';
import type { PollPolicy } from './genie-conversation.js';
import { normalizeHost } from './api-error.js';

export interface DatabricksSettings {
  host: string;
  /** Genie asks per minute per workspace; undefined = unlimited. */
  qpm: number | undefined;
  poll: Partial<PollPolicy>;
  /** First backoff of the HTTP client's retries (GENIE_GITOPS_HTTP_BACKOFF_MS); undefined keeps its default. */
  httpBackoffMs?: number;
}

/** Genie's published best-effort quota on the free tier. */
export const DEFAULT_QPM = 5;

/**
 * GENIE_GITOPS_QPM sets the per-workspace ask rate (0 = unlimited). Unset, it is 5 for a
 * workspace and unlimited for a loopback host (`genie-gitops serve`, which answers 429s
 * with Retry-After past its own --qpm).
 */
export function readDatabricksSettings(env: Env): DatabricksSettings {
  const raw = env.DATABRICKS_HOST?.trim();
  if (!raw)
    throw new GenieGitopsError(
      'DATABRICKS_HOST is not set',
      'set it to the workspace URL (or to the URL `genie-gitops serve` prints)',
    );
  const host = normalizeHost(raw);
  const qpmText = env.GENIE_GITOPS_QPM?.trim();
  let qpm: number | undefined = isLoopback(host) ? undefined : DEFAULT_QPM;
  if (qpmText) {
    const n = Number(qpmText);
    if (!Number.isFinite(n) || n < 0)
      throw new GenieGitopsError(
        `GENIE_GITOPS_QPM=${qpmText} is not valid`,
        'use a number of questions per minute, 0 for unlimited',
      );
    qpm = n === 0 ? undefined : n;
  }
  const poll: Partial<PollPolicy> = {};
  const first = positive(env.GENIE_GITOPS_POLL_FIRST_MS);
  const giveUp = positive(env.GENIE_GITOPS_POLL_GIVE_UP_MS);
  if (first !== undefined) poll.firstMs = first;
  if (giveUp !== undefined) poll.giveUpMs = giveUp;
  const httpBackoffMs = positive(env.GENIE_GITOPS_HTTP_BACKOFF_MS);
  return { host, qpm, poll, ...(httpBackoffMs !== undefined ? { httpBackoffMs } : {}) };
}

export function isLoopback(host: string): boolean {
  try {
    const name = new URL(host).hostname;
    return name === 'localhost' || name === '[::1]' || name === '::1' || /^127\./.test(name);
  } catch {
    return false;
  }
}

function positive(text: string | undefined): number | undefined {
  const n = Number(text);
  return text && Number.isFinite(n) && n > 0 ? n : undefined;
}
