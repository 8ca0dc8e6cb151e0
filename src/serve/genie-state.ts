/**
 * Conversations on the emulator: each message is answered by the local Genie engine over
 * the space's current config, and reveals its answer only once the configured latency has
 * passed (the statuses walk SUBMITTED -> ASKING_AI -> EXECUTING_QUERY -> COMPLETED).
 * A stuck message stays in EXECUTING_QUERY forever.
 */
import { randomBytes } from 'node:crypto';
import type { GenieAnswer, Warehouse } from '../ports.js';
import { createLocalGenie, type LocalGenie } from '../local/genie/index.js';
import { HttpError } from './http-io.js';
import type { ServedSpace } from './space-state.js';
import type { StatementStore } from './statement-store.js';
import { messageOf } from '../errors.js';

interface ServedMessage {
  id: string;
  conversationId: string;
  spaceId: string;
  content: string;
  createdAt: number;
  readyAt: number;
  stuck: boolean;
  answer?: GenieAnswer;
  attachmentId: string;
  statementId?: string;
}

export class GenieState {
  private readonly conversations = new Map<string, { spaceId: string; messages: Map<string, ServedMessage> }>();
  private readonly engines = new Map<string, Promise<LocalGenie>>();

  constructor(
    private readonly statements: StatementStore,
    private readonly latencyMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts answering; the engine runs right away, the answer shows after the latency. */
  ask(
    space: ServedSpace,
    warehouse: Warehouse,
    conversationId: string | undefined,
    content: string,
    stuck: boolean,
  ): ServedMessage {
    const convId = conversationId ?? randomBytes(16).toString('hex');
    let conversation = this.conversations.get(convId);
    if (!conversation) {
      conversation = { spaceId: space.spaceId, messages: new Map() };
      this.conversations.set(convId, conversation);
    }
    const t = this.now();
    const message: ServedMessage = {
      id: randomBytes(16).toString('hex'),
      conversationId: convId,
      spaceId: space.spaceId,
      content,
      createdAt: t,
      readyAt: t + this.latencyMs,
      stuck,
      attachmentId: randomBytes(16).toString('hex'),
    };
    conversation.messages.set(message.id, message);
    void this.answer(space, warehouse, message);
    return message;
  }

  private async answer(space: ServedSpace, warehouse: Warehouse, message: ServedMessage): Promise<void> {
    message.answer = await this.answerNow(space, warehouse, message.content);
    if (message.answer.result) message.statementId = this.statements.put(message.answer.result);
  }

  /** One engine per config version: a PATCH gives the next question a fresh engine. */
  private engineFor(space: ServedSpace, warehouse: Warehouse): Promise<LocalGenie> {
    const key = `${space.spaceId}#${space.version}`;
    let engine = this.engines.get(key);
    if (!engine) {
      engine = createLocalGenie(space.space, warehouse);
      this.engines.set(key, engine);
      engine.catch(() => this.engines.delete(key));
    }
    return engine;
  }

  /** Answers at once with the space's current engine (a message's answer; Genie's eval runs ask this way too). */
  async answerNow(space: ServedSpace, warehouse: Warehouse, question: string): Promise<GenieAnswer> {
    try {
      return await (await this.engineFor(space, warehouse)).ask(question);
    } catch (error) {
      const message = messageOf(error);
      return { status: 'FAILED', error: { type: 'RETRYABLE_PROCESSING_EXCEPTION', message } };
    }
  }

  /** Builds the engine of a space ahead of the first question. */
  async warm(space: ServedSpace, warehouse: Warehouse | undefined): Promise<void> {
    if (warehouse) await this.engineFor(space, warehouse);
  }

  conversationOf(spaceId: string, conversationId: string): void {
    const c = this.conversations.get(conversationId);
    if (!c || c.spaceId !== spaceId)
      throw new HttpError(404, 'RESOURCE_DOES_NOT_EXIST', `conversation ${conversationId} does not exist`);
  }

  deleteConversation(spaceId: string, conversationId: string): void {
    this.conversationOf(spaceId, conversationId);
    this.conversations.delete(conversationId);
  }

  message(spaceId: string, conversationId: string, messageId: string): ServedMessage {
    this.conversationOf(spaceId, conversationId);
    const m = this.conversations.get(conversationId)?.messages.get(messageId);
    if (!m) throw new HttpError(404, 'RESOURCE_DOES_NOT_EXIST', `message ${messageId} does not exist`);
    return m;
  }

  /** The message in the API shape, with the status its age allows. */
  toJson(m: ServedMessage): Record<string, unknown> {
    const t = this.now();
    const base = {
      id: m.id,
      message_id: m.id,
      conversation_id: m.conversationId,
      space_id: m.spaceId,
      content: m.content,
      created_timestamp: m.createdAt,
      last_updated_timestamp: t,
    };
    if (m.stuck) return { ...base, status: 'EXECUTING_QUERY', attachments: [] };
    if (t < m.readyAt || !m.answer) {
      const progress = this.latencyMs > 0 ? (t - m.createdAt) / this.latencyMs : 1;
      return {
        ...base,
        status: progress < 0.2 ? 'SUBMITTED' : progress < 0.6 ? 'ASKING_AI' : 'EXECUTING_QUERY',
        attachments: [],
      };
    }
    const a = m.answer;
    const attachments: Record<string, unknown>[] = [];
    if (a.sql) {
      const rowCount = a.result?.rows.length ?? 0;
      attachments.push({
        attachment_id: m.attachmentId,
        query: {
          query: a.sql,
          title: m.content.slice(0, 80),
          description: '',
          ...(m.statementId ? { statement_id: m.statementId } : {}),
          query_result_metadata: { row_count: rowCount, is_truncated: a.result?.truncated ?? false },
          thoughts: [
            {
              thought_type: 'THOUGHT_TYPE_INSTRUCTIONS',
              content: (a.instructionsUsed ?? []).map((id) => `- instruction ${id}`).join('\n'),
            },
          ],
        },
      });
    }
    if (a.text)
      attachments.push({
        attachment_id: `${m.attachmentId}t`,
        text: { content: a.text, purpose: 'TEXT_ATTACHMENT_PURPOSE_FOLLOW_UP_QUESTION' },
      });
    if (a.status === 'FAILED')
      return {
        ...base,
        status: 'FAILED',
        attachments,
        error: { error: a.error?.message ?? 'failed', type: a.error?.type ?? 'UNKNOWN' },
      };
    return { ...base, status: a.status, attachments };
  }

  /** The attachment's result in the statement shape (`{ statement_response }`). */
  queryResult(m: ServedMessage, attachmentId: string): string {
    if (attachmentId !== m.attachmentId || !m.answer?.sql || m.stuck || this.now() < m.readyAt) {
      throw new HttpError(404, 'RESOURCE_DOES_NOT_EXIST', `attachment ${attachmentId} has no query result`);
    }
    if (!m.statementId) throw new HttpError(400, 'INVALID_STATE', 'the query of this attachment failed');
    return m.statementId;
  }
}
