/**
 * Choosing the chat provider from plain settings (action inputs, CLI flags) and an env object.
 * Explicit settings win over env vars; the env is passed in so tests and the action control it.
 */
import { GenieGitopsError } from '../errors.js';
import type { Llm } from '../ports.js';
import { createChatLlm, type ChatLlmConfig, type ChatLlmOptions } from './chat-client.js';
import type { Env } from '../ports.js';

export type LlmProvider = 'databricks' | 'openai';

export interface LlmSettings {
  provider?: LlmProvider;
  /** Databricks serving endpoint name (env GENIE_GITOPS_SERVING_ENDPOINT). */
  endpoint?: string;
  /** Databricks workspace URL (env DATABRICKS_HOST). */
  host?: string;
  /** OpenAI-compatible base URL (env OPENAI_BASE_URL; default https://api.openai.com/v1). */
  baseUrl?: string;
  /** Model name for OpenAI-compatible servers (env GENIE_GITOPS_LLM_MODEL, then OPENAI_MODEL). */
  model?: string;
  /** API key for OpenAI-compatible servers (env OPENAI_API_KEY); optional for local servers. */
  apiKey?: string;
  /** Databricks token, or a provider of fresh OAuth tokens (env DATABRICKS_TOKEN). */
  token?: string | (() => Promise<string>);
}

export class LlmConfigError extends GenieGitopsError {}

const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** Settings + env -> a client config, or LlmConfigError saying which value is missing. */
export function resolveLlmConfig(settings: LlmSettings, env: Env = {}): ChatLlmConfig {
  const pick = (...values: (string | undefined)[]) =>
    values.map((value) => value?.trim()).find((value) => value !== undefined && value !== '');
  const provider =
    settings.provider ??
    (pick(env.GENIE_GITOPS_LLM_PROVIDER) as LlmProvider | undefined) ??
    inferProvider(settings, env);
  if (provider === 'openai') {
    const model = pick(settings.model, env.GENIE_GITOPS_LLM_MODEL, env.OPENAI_MODEL);
    if (!model)
      throw new LlmConfigError(
        'the openai LLM provider needs a model',
        'set the model input or GENIE_GITOPS_LLM_MODEL',
      );
    const baseUrl = pick(settings.baseUrl, env.OPENAI_BASE_URL) ?? DEFAULT_OPENAI_BASE_URL;
    assertUrl(baseUrl, 'OPENAI_BASE_URL');
    const apiKey = pick(settings.apiKey, env.OPENAI_API_KEY);
    return apiKey ? { kind: 'openai', baseUrl, model, apiKey } : { kind: 'openai', baseUrl, model };
  }
  if (provider === 'databricks') {
    const endpoint = pick(settings.endpoint, env.GENIE_GITOPS_SERVING_ENDPOINT);
    if (!endpoint)
      throw new LlmConfigError(
        'the databricks LLM provider needs a serving endpoint name',
        'set the endpoint input or GENIE_GITOPS_SERVING_ENDPOINT',
      );
    const host = pick(settings.host, env.DATABRICKS_HOST);
    if (!host) throw new LlmConfigError('the databricks LLM provider needs the workspace URL', 'set DATABRICKS_HOST');
    const token = typeof settings.token === 'function' ? settings.token : pick(settings.token, env.DATABRICKS_TOKEN);
    if (!token)
      throw new LlmConfigError(
        'the databricks LLM provider needs a token',
        'set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET for OAuth, or DATABRICKS_AUTH_TYPE=github-oidc with DATABRICKS_CLIENT_ID',
      );
    return { kind: 'databricks', host, endpoint, token };
  }
  throw new LlmConfigError(`unknown LLM provider "${String(provider)}"`, 'use databricks or openai');
}

/** Without an explicit provider: an OpenAI base URL or model means openai; a serving endpoint means databricks. */
function inferProvider(settings: LlmSettings, env: Env): LlmProvider {
  if (settings.baseUrl || settings.apiKey || env.OPENAI_BASE_URL || env.OPENAI_API_KEY) return 'openai';
  if (settings.endpoint || env.GENIE_GITOPS_SERVING_ENDPOINT) return 'databricks';
  if (settings.model || env.GENIE_GITOPS_LLM_MODEL) return 'openai';
  throw new LlmConfigError(
    'no LLM is configured',
    'set GENIE_GITOPS_SERVING_ENDPOINT (Databricks model serving) or OPENAI_BASE_URL and GENIE_GITOPS_LLM_MODEL (OpenAI-compatible)',
  );
}

function assertUrl(value: string, name: string): void {
  try {
    new URL(value);
  } catch {
    throw new LlmConfigError(`${name} is not a URL: "${value}"`);
  }
}

/** The chat client for the settings, ready to hand to the llm analyst or the judge. */
export function createLlmFromSettings(settings: LlmSettings, env: Env = {}, options?: ChatLlmOptions): Llm {
  return createChatLlm(resolveLlmConfig(settings, env), options);
}
