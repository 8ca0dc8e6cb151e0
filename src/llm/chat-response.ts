/**
 * Reading chat-completion answers and error bodies. Both Databricks serving endpoints and
 * OpenAI-compatible servers use the same answer shape; some models return content as a list
 * of typed blocks instead of a string.
 */
import { z } from 'zod';
import type { LlmReply } from '../ports.js';

const ContentBlockSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const ChatCompletionSchema = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        message: z.looseObject({
          content: z.union([z.string(), z.array(ContentBlockSchema), z.null()]).optional(),
          refusal: z.string().nullable().optional(),
        }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1, 'the answer has no choices'),
  usage: z
    .looseObject({
      prompt_tokens: z.number().optional(),
      completion_tokens: z.number().optional(),
    })
    .nullable()
    .optional(),
});

export type ParsedReply = { ok: true; reply: LlmReply } | { ok: false; problem: string };

/** The text of the first choice (joined text blocks when content is a list) and the token usage. */
export function parseChatCompletion(body: unknown): ParsedReply {
  const parsed = ChatCompletionSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `not a chat completion (${issue.path.join('.') || '$'}: ${issue.message})` };
  }
  const choice = parsed.data.choices[0];
  const raw = choice.message.content;
  let content: string | undefined;
  if (typeof raw === 'string') content = raw;
  else if (Array.isArray(raw)) {
    const texts = raw
      .filter((block) => block.type === 'text' && typeof block.text === 'string')
      .map((block) => block.text as string);
    if (texts.length > 0) content = texts.join('');
  }
  if (content === undefined) {
    const why = choice.message.refusal
      ? `the model refused: ${choice.message.refusal}`
      : 'the answer has no text content';
    return { ok: false, problem: why };
  }
  const usage = parsed.data.usage;
  const reply: LlmReply = { content };
  if (usage) reply.usage = { promptTokens: usage.prompt_tokens ?? 0, completionTokens: usage.completion_tokens ?? 0 };
  return { ok: true, reply };
}

/** The service's own words from an error body: Databricks `{error_code, message}`, OpenAI `{error: {message}}`, or plain text. */
export function errorMessageFromBody(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  try {
    const body: unknown = JSON.parse(trimmed);
    if (body && typeof body === 'object') {
      const record = body as Record<string, unknown>;
      const nested = record.error;
      if (nested && typeof nested === 'object') {
        const inner = nested as Record<string, unknown>;
        if (typeof inner.message === 'string') return withCode(inner.code ?? inner.type, inner.message);
      }
      if (typeof record.message === 'string') return withCode(record.error_code, record.message);
      if (typeof nested === 'string') return nested;
    }
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return clip(trimmed.replace(/\s+/g, ' '), 500);
}

function withCode(code: unknown, message: string): string {
  const text = clip(message, 500);
  return typeof code === 'string' && code !== '' ? `${code}: ${text}` : text;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
