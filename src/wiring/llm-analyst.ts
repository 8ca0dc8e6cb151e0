/** Builds the llm analyst from settings and the environment, for the CLI and the action alike. */
import type { Analyst } from '../fixes/analyst.js';
import { createLlmAnalyst } from '../fixes/llm/llm-analyst.js';
import { createAuthFromEnv } from '../databricks/auth.js';
import type { SecretScrubber } from '../databricks/secrets.js';
import type { ChatLlmOptions } from '../llm/chat-client.js';
import { createLlmFromSettings, type LlmSettings } from '../llm/config.js';
import type { Env } from '../ports.js';

/** `secrets`: the run's scrubber, told of the workspace OAuth tokens fetched for the serving endpoint. */
export function llmAnalystFrom(
  settings: LlmSettings,
  env: Env,
  options: ChatLlmOptions = {},
  secrets?: SecretScrubber,
): Analyst {
  let token = settings.token;
  const get = (name: string) => env[name]?.trim() || undefined;
  // Without a personal access token, a serving endpoint is called with the workspace's OAuth
  // (service principal or GitHub OIDC federation), refreshed like every other workspace call.
  if (
    !token &&
    !get('DATABRICKS_TOKEN') &&
    get('DATABRICKS_HOST') &&
    (get('DATABRICKS_CLIENT_ID') || get('DATABRICKS_AUTH_TYPE'))
  ) {
    let auth: ReturnType<typeof createAuthFromEnv> | undefined;
    token = () => (auth ??= createAuthFromEnv(env, { secrets })).token();
  }
  return createLlmAnalyst({ llm: createLlmFromSettings({ ...settings, token }, env, options) });
}
