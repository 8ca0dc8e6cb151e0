/** enhance with the llm analyst, end to end over loopback against a chat-completions server speaking the OpenAI shape. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixesReply, startChatServer, type ChatServer } from '../llm/chat-server.js';
import { captureIo, tempRepo } from '../helpers/temp-repo.js';

const KEY = 'sk-loopback-test-key';
let chat: ChatServer;
let repo: ReturnType<typeof tempRepo>;

beforeAll(async () => {
  chat = await startChatServer({ token: KEY });
  repo = tempRepo();
  vi.stubEnv('OPENAI_BASE_URL', `${chat.baseUrl}/v1`);
  vi.stubEnv('OPENAI_API_KEY', KEY);
  vi.stubEnv('GENIE_GITOPS_LLM_MODEL', 'loopback-model');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await chat.close();
  repo.cleanup();
});

const T = 'main.community';

describe('enhance --analyst llm', () => {
  it('retries invalid JSON once, drops a fix on an unknown column, survives a timeout, and keeps what helps', async () => {
    chat.script(
      // Iteration 1: not JSON, then (after the follow-up) fixes, one of them on a column that does not exist.
      { kind: 'reply', content: 'Here are my thoughts: the joins are missing.' },
      fixesReply([
        {
          type: 'add_join',
          left: { table: `${T}.messages`, column: 'channel_id' },
          right: { table: `${T}.channels`, column: 'channel_id' },
          relationship: 'MANY_TO_ONE',
          rationale: 'posts per channel need the join',
          targets: [],
        },
        {
          type: 'enable_build_value_dictionary',
          table: `${T}.channels`,
          column: 'channel_name',
          rationale: 'channel names are asked by value',
          targets: [],
        },
        {
          type: 'add_synonym',
          table: `${T}.members`,
          column: 'favourite_colour',
          synonyms: ['colour'],
          rationale: 'made up',
          targets: [],
        },
      ]),
      // Iteration 2: the model hangs past the client's timeout.
      { kind: 'delay', ms: 2_000, then: fixesReply([]) },
    );
    const io = captureIo(repo.root);
    const json = path.join(repo.root, 'llm.json');
    const code = await main(
      [
        'enhance',
        '--space',
        'demo',
        '--backend',
        'local',
        '--analyst',
        'llm',
        '--llm-timeout-ms',
        '500',
        '--json',
        json,
        '--quiet',
      ],
      io,
    );
    expect(code, io.stderr.join('\n')).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8'));

    const [first, second] = result.iterations;
    expect(first.accepted).toBe(true);
    expect(first.applied.map((a: { fix: { type: string } }) => a.fix.type).sort()).toEqual([
      'add_join',
      'enable_build_value_dictionary',
    ]);
    const firstNotes = first.notes.join('\n');
    expect(firstNotes).toMatch(/JSON/i);
    expect(firstNotes).toMatch(/favourite_colour/);
    expect(second.applied).toEqual([]);
    expect(second.notes.join('\n')).toMatch(/time/i);
    expect(result.stopReason).toMatch(/no applicable fix/);
    expect(result.after.totals.train.passed).toBeGreaterThan(result.before.totals.train.passed);
    expect(result.calls.llmCalls).toBe(3);
    expect(result.calls.promptTokens).toBeGreaterThan(0);
    expect(chat.requests.every((r) => r.authorization === `Bearer ${KEY}` && r.body.model === 'loopback-model')).toBe(
      true,
    );
    // The model is never shown holdout questions.
    const prompts = chat.requests.map((r) => JSON.stringify(r.body.messages)).join('\n');
    const holdout = ['How many of our users are on the enterprise plan?', '한국 회원은 몇 명이야?'];
    for (const q of holdout) expect(prompts).not.toContain(q);
    expect(JSON.stringify(result)).not.toContain(KEY);
  }, 120_000);
});
