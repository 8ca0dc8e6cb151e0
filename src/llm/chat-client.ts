/**
 * A chat-completions client for Databricks model serving endpoints and any OpenAI-compatible
 * server. Retries 429 and 5xx (honouring Retry-After), never other 4xx; a per-attempt
 * timeout that covers reading the reply, and a cap on its size (the body is streamed and cut
 * off past the cap, never buffered whole); errors are LlmError values that never carry the token.
 */
import type { ChatMessage, Llm, LlmReply } from '../ports.js';
import { retryDelay, parseRetryAfter, sleep, type BackoffPolicy } from '../util/retry.js';
import { BodyTooLargeError, readTextCapped } from '../util/capped-body.js';
import { clip, errorMessageFromBody, parseChatCompletion } from './chat-response.js';
import { hintForStatus, LlmError } from './llm-error.js';

export interface DatabricksChatConfig {
  kind: 'databricks';
  /** Workspace URL, e.g. https://adb-123.azuredatabricks.net */
  host: string;
  /** Serving endpoint name. */
  endpoint: string;
  /** A token, or a function returning a fresh one (OAuth) before each attempt. */
  token: string | (() => Promise<string>);
}

export interface OpenAiChatConfig {
  kind: 'openai';
  /** Base URL up to (not including) /chat/completions, e.g. https://api.openai.com/v1 */
  baseUrl: string;
  apiKey?: string;
  model: string;
}

export type ChatLlmConfig = DatabricksChatConfig | OpenAiChatConfig;

export interface ChatLlmOptions {
  /** Per attempt, default 60 000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 5xx and dropped connections; default 3. */
  retries?: number;
  fetch?: typeof fetch;
  /** First backoff delay when there is no Retry-After; default 1000 ms. */
  baseDelayMs?: number;
  /** Cap for any single wait; default 60 000 ms. */
  maxDelayMs?: number;
  /** max_tokens when the caller gives none; default 4096. */
  defaultMaxTokens?: number;
  /** Largest reply body read; default 8 MiB (a 4096-token answer is tens of kilobytes). */
  maxReplyBytes?: number;
  /** Called before each retry wait (for progress logs); the error is already scrubbed. */
  onRetry?: (info: { attempt: number; delayMs: number; error: LlmError }) => void;
}

interface Target {
  url: string;
  label: string;
  model?: string;
  token: () => Promise<string | undefined>;
}

type ChatOptions = NonNullable<Parameters<Llm['chat']>[1]>;

const DEFAULT_MAX_REPLY_BYTES = 8 * 1024 * 1024;

/** What every call of one client shares; `secrets` grows as tokens are fetched. */
interface ChatContext {
  target: Target;
  doFetch: typeof fetch;
  timeoutMs: number;
  retries: number;
  maxReplyBytes: number;
  policy: BackoffPolicy;
  defaultMaxTokens: number;
  onRetry: ChatLlmOptions['onRetry'];
  /** Every secret value seen, so any echo of one in an error body is masked. */
  secrets: Set<string>;
}

export function createChatLlm(config: ChatLlmConfig, options: ChatLlmOptions = {}): Llm {
  const secrets = new Set<string>();
  if (config.kind === 'databricks' && typeof config.token === 'string') secrets.add(config.token);
  if (config.kind === 'openai' && config.apiKey) secrets.add(config.apiKey);
  const ctx: ChatContext = {
    target: resolveTarget(config),
    doFetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 60_000,
    retries: options.retries ?? 3,
    maxReplyBytes: options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES,
    policy: { baseDelayMs: options.baseDelayMs ?? 1000, maxDelayMs: options.maxDelayMs ?? 60_000 },
    defaultMaxTokens: options.defaultMaxTokens ?? 4096,
    onRetry: options.onRetry,
    secrets,
  };
  return {
    chat: async (messages, chatOptions = {}) =>
      chatWithRetries(ctx, requestBody(ctx, messages, chatOptions), chatOptions.signal),
  };
}

function requestBody(ctx: ChatContext, messages: ChatMessage[], chatOptions: ChatOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    messages: messages.map((message) => ({ role: message.role, content: message.content })),
    max_tokens: chatOptions.maxTokens ?? ctx.defaultMaxTokens,
  };
  if (ctx.target.model !== undefined) body.model = ctx.target.model;
  if (chatOptions.temperature !== undefined) body.temperature = chatOptions.temperature;
  if (chatOptions.json) body.response_format = { type: 'json_object' };
  return body;
}

/** Attempts until a reply, a lasting error, or the retries are spent; waits by the one retry policy. */
async function chatWithRetries(
  ctx: ChatContext,
  body: Record<string, unknown>,
  signal: AbortSignal | undefined,
): Promise<LlmReply> {
  let retry = 0;
  for (;;) {
    try {
      return await attempt(ctx, body, signal);
    } catch (error) {
      if (!(error instanceof LlmError)) throw error;
      // Some models reject response_format; the caller parses JSON from text anyway, so ask again without it.
      if (rejectsResponseFormat(error, body)) {
        delete body.response_format;
        continue;
      }
      if (!error.retryable || retry >= ctx.retries) throw error;
      const delayMs = retryDelay(retry, ctx.policy, error.retryAfterMs);
      ctx.onRetry?.({ attempt: retry + 1, delayMs, error });
      try {
        await sleep(delayMs, signal);
      } catch {
        throw new LlmError('aborted', ctx.target.label, 'the run was cancelled');
      }
      retry++;
    }
  }
}

function rejectsResponseFormat(error: LlmError, body: Record<string, unknown>): boolean {
  return (
    error.kind === 'http' &&
    error.status === 400 &&
    Boolean(body.response_format) &&
    /response_format|json_object/i.test(error.detail)
  );
}

/** One POST and its reply; every failure becomes an LlmError. */
async function attempt(ctx: ChatContext, body: Record<string, unknown>, signal?: AbortSignal): Promise<LlmReply> {
  const token = await ctx.target.token();
  if (token) ctx.secrets.add(token);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await ctx.doFetch(ctx.target.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: combined,
    });
    return readReply(ctx, response, await readTextCapped(response, ctx.maxReplyBytes));
  } catch (error) {
    throw asLlmError(ctx, error, signal, timeout);
  }
}

/** The reply of a chat completion, or the LlmError its status or body amounts to. */
function readReply(ctx: ChatContext, response: Response, text: string): LlmReply {
  const { label } = ctx.target;
  const scrub = (value: string) => redact(value, ctx.secrets);
  if (!response.ok) {
    const detail = scrub(errorMessageFromBody(text));
    const hint = hintForStatus(response.status);
    throw new LlmError('http', label, detail, response.status, hint, retryAfterFor(response));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LlmError('invalid_response', label, `not JSON: ${scrub(clip(text.replace(/\s+/g, ' '), 200))}`);
  }
  const parsed = parseChatCompletion(json);
  if (!parsed.ok) throw new LlmError('invalid_response', label, scrub(parsed.problem));
  return parsed.reply;
}

/** What a thrown failure of one attempt means: oversized body, cancel, timeout or network. */
function asLlmError(ctx: ChatContext, error: unknown, signal: AbortSignal | undefined, timeout: AbortSignal): LlmError {
  const { label } = ctx.target;
  if (error instanceof LlmError) return error;
  if (error instanceof BodyTooLargeError)
    return new LlmError(
      'invalid_response',
      label,
      error.message,
      undefined,
      'the endpoint sent far more than a chat answer: check the base URL or model, or raise maxReplyBytes',
    );
  if (signal?.aborted) return new LlmError('aborted', label, 'the run was cancelled');
  if (timeout.aborted)
    return new LlmError(
      'timeout',
      label,
      `no answer within ${ctx.timeoutMs} ms`,
      undefined,
      'raise the LLM timeout or use a faster endpoint',
    );
  return new LlmError('network', label, redact(networkDetail(error), ctx.secrets));
}

function resolveTarget(config: ChatLlmConfig): Target {
  if (config.kind === 'databricks') {
    const url = new URL(config.host.includes('://') ? config.host : `https://${config.host}`);
    url.pathname = `${trimSlash(url.pathname)}/serving-endpoints/${encodeURIComponent(config.endpoint)}/invocations`;
    url.search = '';
    const token = config.token;
    return {
      url: url.toString(),
      label: `serving endpoint "${config.endpoint}" at ${url.origin}`,
      token: typeof token === 'string' ? async () => token : token,
    };
  }
  const url = new URL(config.baseUrl);
  url.pathname = `${trimSlash(url.pathname)}/chat/completions`;
  const shown = new URL(url.toString());
  shown.username = '';
  shown.password = '';
  shown.search = '';
  return {
    url: url.toString(),
    label: `${shown.toString()} (model "${config.model}")`,
    model: config.model,
    token: async () => config.apiKey,
  };
}

/** 429 and 503 without Retry-After wait one second (the Databricks convention); other statuses back off exponentially. */
function retryAfterFor(response: Response): number | undefined {
  const header = parseRetryAfter(response.headers.get('retry-after'));
  if (header !== undefined) return header;
  return response.status === 429 || response.status === 503 ? 1000 : undefined;
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '');
}

function networkDetail(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : '';
    return code ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

function redact(text: string, secrets: ReadonlySet<string>): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}
