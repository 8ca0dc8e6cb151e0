/** The Llm port on a model serving endpoint, authenticated like every other call (OAuth tokens refreshed). */
import { createChatLlm, type ChatLlmOptions } from '../llm/chat-client.js';
import type { Llm } from '../ports.js';
import type { AuthProvider } from './auth.js';

export function createServingLlm(host: string, endpoint: string, auth: AuthProvider, options: ChatLlmOptions = {}): Llm {
  return createChatLlm({ kind: 'databricks', host, endpoint, token: () => auth.token() }, options);
}
