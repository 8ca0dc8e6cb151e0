/**
 * The Genie port over the conversation API: one new conversation per question, the
 * message polled to a terminal status with backoff, Genie's own result fetched through
 * the attachment's query-result route. Throttling (HTTP 429 on the ask, or a FAILED
 * message with RATE_LIMIT_EXCEEDED_*) surfaces as a retryable error so the scorer
 * retries and counts it; the asking POST itself is never retried here.
 */
import { GenieGitopsError } from '../errors.js';
import type { AskOptions, Genie, GenieAnswer, QueryResult } from '../ports.js';
import { sleep as abortableSleep } from '../util/retry.js';
import { DatabricksApiError } from './api-error.js';
import type { AskLimiter } from './ask-limiter.js';
import type { DatabricksClient } from './http-client.js';
import { MessageSchema, QueryResultSchema, StartConversationSchema, type Message } from './schemas.js';
import { readAllChunks } from './statement-warehouse.js';

export interface PollPolicy {
  /** First poll after the ask; default 250 ms (an answer takes at least that). */
  firstMs: number;
  /** Growth per poll; default 1.5. */
  factor: number;
  /** Longest gap between polls; default 60 000 ms. */
  maxMs: number;
  /** Give up on a message after this long; default 600 000 ms. */
  giveUpMs: number;
}

export const DEFAULT_POLL: PollPolicy = { firstMs: 250, factor: 1.5, maxMs: 60_000, giveUpMs: 600_000 };

export interface GenieAdapterOptions {
  client: DatabricksClient;
  spaceId: string;
  limiter?: AskLimiter;
  poll?: Partial<PollPolicy>;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Genie said it is throttled: the scorer's retry reads `retryable` and `status`. */
export class GenieRateLimitError extends GenieGitopsError {
  readonly retryable = true;
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message, 'Genie throttled the workspace; lower --qpm');
  }
}

const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'QUERY_RESULT_EXPIRED']);
const INSTRUCTION_ID = /\b[0-9a-f]{32}\b/g;

export interface GenieConversationAdapter extends Genie {
  /** Asks a follow-up in an existing conversation (not used by scoring, which keeps questions independent). */
  followUp(
    conversationId: string,
    content: string,
    options?: AskOptions,
  ): Promise<GenieAnswer & { conversationId: string; messageId: string }>;
  /** Asks and also returns the ids, for follow-ups. */
  start(question: string, options?: AskOptions): Promise<GenieAnswer & { conversationId: string; messageId: string }>;
}

type AskedAnswer = GenieAnswer & { conversationId: string; messageId: string };

/** What every question of one adapter shares: the client, the space route, the limiter and the polling clock. */
interface GenieContext {
  client: DatabricksClient;
  base: string;
  limiter: AskLimiter | undefined;
  poll: PollPolicy;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function createGenieAdapter(options: GenieAdapterOptions): GenieConversationAdapter {
  const ctx: GenieContext = {
    client: options.client,
    base: `/api/2.0/genie/spaces/${encodeURIComponent(options.spaceId)}`,
    limiter: options.limiter,
    poll: { ...DEFAULT_POLL, ...options.poll },
    now: options.now ?? Date.now,
    sleep: options.sleep ?? abortableSleep,
  };
  return {
    start: (question, askOptions) => start(ctx, question, askOptions),
    followUp: (conversationId, content, askOptions) => followUp(ctx, conversationId, content, askOptions),
    async ask(question, askOptions) {
      const { conversationId: _c, messageId: _m, ...answer } = await start(ctx, question, askOptions);
      return answer;
    },
  };
}

/** Sends an asking POST through the limiter; a 429 pauses every asker for the Retry-After. */
async function asking<T>(ctx: GenieContext, post: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  await ctx.limiter?.acquire(signal);
  try {
    return await post();
  } catch (error) {
    if (error instanceof DatabricksApiError && error.status === 429) ctx.limiter?.pause(error.retryAfterMs ?? 1000);
    throw error;
  }
}

async function start(ctx: GenieContext, question: string, askOptions: AskOptions = {}): Promise<AskedAnswer> {
  const signal = askOptions.signal;
  const started = await asking(
    ctx,
    () =>
      ctx.client.request({
        method: 'POST',
        path: `${ctx.base}/start-conversation`,
        body: { content: question },
        schema: StartConversationSchema,
        signal,
        retries: 0,
      }),
    signal,
  );
  return finish(ctx, started.conversation_id, started.message_id, started.message, signal);
}

async function followUp(
  ctx: GenieContext,
  conversationId: string,
  content: string,
  askOptions: AskOptions = {},
): Promise<AskedAnswer> {
  const signal = askOptions.signal;
  const message = await asking(
    ctx,
    () =>
      ctx.client.request({
        method: 'POST',
        path: `${ctx.base}/conversations/${encodeURIComponent(conversationId)}/messages`,
        body: { content },
        schema: MessageSchema,
        signal,
        retries: 0,
      }),
    signal,
  );
  const messageId = message.message_id ?? message.id;
  if (!messageId)
    throw new GenieGitopsError(
      `POST ${ctx.base}/conversations/${conversationId}/messages: the answer names no message_id`,
    );
  return finish(ctx, conversationId, messageId, message, signal);
}

async function finish(
  ctx: GenieContext,
  conversationId: string,
  messageId: string,
  first: Message | undefined,
  signal?: AbortSignal,
): Promise<AskedAnswer> {
  const path = `${ctx.base}/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}`;
  const message = await pollMessage(ctx, path, first, signal);
  const answer = message ? await toAnswer(ctx, path, message, signal) : timedOut(ctx.poll);
  return { ...answer, conversationId, messageId };
}

/** Polls until a terminal status; undefined when the give-up time passed first. */
async function pollMessage(
  ctx: GenieContext,
  path: string,
  first: Message | undefined,
  signal?: AbortSignal,
): Promise<Message | undefined> {
  const { poll, now } = ctx;
  const deadline = now() + poll.giveUpMs;
  let message = first;
  let delay = poll.firstMs;
  while (!message || !TERMINAL.has(message.status)) {
    if (now() >= deadline) return undefined;
    await ctx.sleep(Math.min(delay, Math.max(1, deadline - now())), signal);
    delay = Math.min(delay * poll.factor, poll.maxMs);
    message = await ctx.client.request({ method: 'GET', path, schema: MessageSchema, signal });
  }
  return message;
}

function timedOut(poll: PollPolicy): GenieAnswer {
  return {
    status: 'FAILED',
    error: {
      type: 'REPLY_PROCESS_TIMEOUT_EXCEPTION',
      message: `Genie did not finish within ${Math.round(poll.giveUpMs / 1000)} s`,
    },
  };
}

async function toAnswer(ctx: GenieContext, path: string, message: Message, signal?: AbortSignal): Promise<GenieAnswer> {
  if (message.status === 'FAILED') return failedAnswer(ctx, message);
  if (message.status !== 'COMPLETED') {
    return {
      status: 'CANCELLED',
      error: { type: message.status, message: `Genie ended the message ${message.status}` },
    };
  }
  const { answer, attachmentId } = completedAnswer(message);
  if (attachmentId)
    answer.result = await fetchResult(
      ctx,
      `${path}/attachments/${encodeURIComponent(attachmentId)}/query-result`,
      signal,
    );
  return answer;
}

/** A FAILED message as an answer; throttling instead pauses the limiter and throws a retryable error. */
function failedAnswer(ctx: GenieContext, message: Message): GenieAnswer {
  const type = message.error?.type ?? 'UNKNOWN';
  const text = message.error?.error ?? `Genie failed (${type})`;
  if (type.startsWith('RATE_LIMIT_EXCEEDED')) {
    ctx.limiter?.pause(1000);
    throw new GenieRateLimitError(`Genie throttled the question: ${text}`);
  }
  const sql = message.attachments?.find((a) => a.query?.query)?.query?.query;
  return { status: 'FAILED', ...(sql ? { sql } : {}), error: { type, message: text } };
}

/** A COMPLETED message's text, SQL and instructions used, and the attachment holding Genie's result. */
function completedAnswer(message: Message): { answer: GenieAnswer; attachmentId?: string } {
  const attachments = message.attachments ?? [];
  const query = attachments.find((a) => a.query?.query);
  const text = attachments
    .map((a) => a.text?.content)
    .filter((t): t is string => !!t)
    .join('\n');
  const instructionsUsed = instructionIds(attachments.flatMap((a) => a.query?.thoughts ?? []));
  const answer: GenieAnswer = { status: 'COMPLETED', instructionsUsed };
  if (text) answer.text = text;
  if (!query?.query?.query) return { answer };
  answer.sql = query.query.query;
  const attachmentId = query.attachment_id ?? query.id;
  return attachmentId ? { answer, attachmentId } : { answer };
}

/** Genie's own execution; undefined when it cannot be read, so the scorer runs the SQL itself. */
async function fetchResult(ctx: GenieContext, path: string, signal?: AbortSignal): Promise<QueryResult | undefined> {
  try {
    const body = await ctx.client.request({ method: 'GET', path, schema: QueryResultSchema, signal });
    const response = body.statement_response;
    if (response.status.state !== 'SUCCEEDED') return undefined;
    return await readAllChunks(ctx.client, response, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    if (error instanceof DatabricksApiError && !error.retryable) return undefined;
    throw error;
  }
}

/** THOUGHT_TYPE_INSTRUCTIONS thoughts name the instructions used; take every 32-hex id in them. */
function instructionIds(thoughts: { thought_type?: string; content?: string | string[] }[]): string[] {
  const ids = new Set<string>();
  for (const thought of thoughts) {
    if (thought.thought_type !== 'THOUGHT_TYPE_INSTRUCTIONS') continue;
    const content = Array.isArray(thought.content) ? thought.content.join('\n') : (thought.content ?? '');
    for (const match of content.toLowerCase().matchAll(INSTRUCTION_ID)) ids.add(match[0]);
  }
  return [...ids].sort();
}
