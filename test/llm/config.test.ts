import { describe, expect, it } from 'vitest';
import { LlmConfigError, resolveLlmConfig, type LlmSettings } from '../../src/llm/config.js';
import type { Env } from '../../src/ports.js';

describe('resolveLlmConfig', () => {
  it.each<[string, LlmSettings, Env, unknown]>([
    [
      'databricks from env',
      {},
      { GENIE_GITOPS_SERVING_ENDPOINT: 'claude', DATABRICKS_HOST: 'https://adb.example.net', DATABRICKS_TOKEN: 't1' },
      { kind: 'databricks', host: 'https://adb.example.net', endpoint: 'claude', token: 't1' },
    ],
    [
      'openai from env with model',
      {},
      { OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1', OPENAI_API_KEY: 'k', GENIE_GITOPS_LLM_MODEL: 'llama' },
      { kind: 'openai', baseUrl: 'http://127.0.0.1:8000/v1', apiKey: 'k', model: 'llama' },
    ],
    [
      'openai default base URL, no key',
      { provider: 'openai', model: 'gpt-x' },
      {},
      { kind: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-x' },
    ],
    [
      'settings win over env',
      { provider: 'databricks', endpoint: 'mine', host: 'h.example.net', token: 'from-settings' },
      { GENIE_GITOPS_SERVING_ENDPOINT: 'env-endpoint', DATABRICKS_HOST: 'env-host', DATABRICKS_TOKEN: 'env-token' },
      { kind: 'databricks', host: 'h.example.net', endpoint: 'mine', token: 'from-settings' },
    ],
    [
      'explicit provider env var picks databricks over openai hints',
      {},
      {
        GENIE_GITOPS_LLM_PROVIDER: 'databricks',
        OPENAI_API_KEY: 'k',
        GENIE_GITOPS_SERVING_ENDPOINT: 'e',
        DATABRICKS_HOST: 'h',
        DATABRICKS_TOKEN: 't',
      },
      { kind: 'databricks', host: 'h', endpoint: 'e', token: 't' },
    ],
    [
      'OPENAI_MODEL as a fallback model name',
      {},
      { OPENAI_API_KEY: 'k', OPENAI_MODEL: 'm2' },
      { kind: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'k', model: 'm2' },
    ],
  ])('%s', (_name, settings, env, expected) => {
    expect(resolveLlmConfig(settings, env)).toEqual(expected);
  });

  it('keeps a token provider function for OAuth', () => {
    const token = async () => 'fresh';
    const config = resolveLlmConfig({ provider: 'databricks', endpoint: 'e', host: 'h', token }, {});
    expect(config.kind === 'databricks' && config.token).toBe(token);
  });

  it.each<[string, LlmSettings, Env, RegExp]>([
    ['nothing configured', {}, {}, /no LLM is configured/],
    ['openai without a model', { provider: 'openai' }, { OPENAI_API_KEY: 'k' }, /needs a model/],
    [
      'databricks without an endpoint',
      { provider: 'databricks' },
      { DATABRICKS_HOST: 'h', DATABRICKS_TOKEN: 't' },
      /serving endpoint name/,
    ],
    ['databricks without a host', {}, { GENIE_GITOPS_SERVING_ENDPOINT: 'e', DATABRICKS_TOKEN: 't' }, /workspace URL/],
    ['databricks without a token', {}, { GENIE_GITOPS_SERVING_ENDPOINT: 'e', DATABRICKS_HOST: 'h' }, /needs a token/],
    ['a base URL that is not a URL', { provider: 'openai', model: 'm', baseUrl: 'not a url' }, {}, /not a URL/],
    ['an unknown provider', {}, { GENIE_GITOPS_LLM_PROVIDER: 'azure' }, /unknown LLM provider "azure"/],
  ])('rejects %s', (_name, settings, env, pattern) => {
    expect(() => resolveLlmConfig(settings, env)).toThrow(LlmConfigError);
    expect(() => resolveLlmConfig(settings, env)).toThrow(pattern);
  });

  it('never puts the token into an error message', () => {
    try {
      resolveLlmConfig({ provider: 'databricks' }, { DATABRICKS_TOKEN: 'dapi-very-secret', DATABRICKS_HOST: 'h' });
      throw new Error('expected a config error');
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('dapi-very-secret');
    }
  });
});
