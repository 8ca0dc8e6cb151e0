import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalystInput } from '../../../src/fixes/analyst.js';
import { fixKey } from '../../../src/fixes/fix-key.js';
import { FixSchema } from '../../../src/fixes/fix-types.js';
import { createLlmAnalyst } from '../../../src/fixes/llm/llm-analyst.js';
import { createChatLlm, type ChatLlmOptions } from '../../../src/llm/chat-client.js';
import type { Llm } from '../../../src/ports.js';
import { fixesReply, startChatServer, type ChatServer } from '../../llm/chat-server.js';
import { communitySpace, failures, fakeWarehouse, JOIN_ID, SCHEMA } from './fixture.js';

const TOKEN = 'dapi-analyst-token-42';
let server: ChatServer;

beforeEach(async () => {
  server = await startChatServer({ token: TOKEN });
});
afterEach(async () => {
  await server.close();
});

const SYNONYM = {
  type: 'add_synonym',
  table: 'main.community.members',
  column: 'country_code',
  synonyms: ['country', '국가'],
  rationale: 'Korean word for country',
  targets: ['korea-members'],
};
const DICTIONARY = {
  type: 'enable_build_value_dictionary',
  table: 'main.community.members',
  column: 'country_code',
  rationale: 'map Korea to KR',
};
const FIX_JOIN = {
  type: 'fix_join',
  joinId: JOIN_ID,
  relationship: 'MANY_TO_ONE',
  rationale: 'many messages per channel',
};
const UNKNOWN_COLUMN = {
  type: 'add_column_description',
  table: 'main.community.members',
  column: 'country',
  description: 'Country',
  rationale: 'r',
};

function databricksLlm(options: ChatLlmOptions = {}, token = TOKEN): Llm {
  return createChatLlm(
    { kind: 'databricks', host: server.baseUrl, endpoint: 'analyst-llm', token },
    { baseDelayMs: 10, ...options },
  );
}

function openaiLlm(): Llm {
  return createChatLlm(
    { kind: 'openai', baseUrl: `${server.baseUrl}/v1`, apiKey: TOKEN, model: 'local-model' },
    { baseDelayMs: 10 },
  );
}

function input(overrides: Partial<AnalystInput> = {}): AnalystInput {
  return {
    space: communitySpace(),
    failures: failures(2),
    warehouse: fakeWarehouse(),
    warehouseSchema: SCHEMA,
    alreadyTried: new Set(),
    ...overrides,
  };
}

function userMessages(requestIndex: number): string[] {
  const messages = server.requests[requestIndex].body.messages as { role: string; content: string }[];
  return messages.filter((message) => message.role === 'user').map((message) => message.content);
}

describe('createLlmAnalyst over loopback', () => {
  it.each([
    ['databricks', () => databricksLlm(), '/serving-endpoints/analyst-llm/invocations'],
    ['openai', () => openaiLlm(), '/v1/chat/completions'],
  ])('returns validated fixes from a %s endpoint', async (_name, llm, path) => {
    server.script(fixesReply([SYNONYM, DICTIONARY, FIX_JOIN]));
    const result = await createLlmAnalyst({ llm: llm(), sampleValues: false }).propose(input());
    expect(result.fixes.map((fix) => fix.type)).toEqual(['add_synonym', 'enable_build_value_dictionary', 'fix_join']);
    expect(result.fixes[0]).toEqual(SYNONYM);
    expect(result.fixes[1].targets).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.usage).toEqual({ promptTokens: 100, completionTokens: 20, calls: 1 });
    const request = server.requests[0];
    expect(request.path).toBe(path);
    expect(request.body.response_format).toEqual({ type: 'json_object' });
    const [user] = userMessages(0);
    expect(user).toContain('## korea-members: 한국 회원은 몇 명인가요?');
    expect(user).toContain('main.community.members: member_id INTEGER');
    expect(user).toContain(JOIN_ID);
    // Genie's own benchmark section may hold evaluation SQL: it never reaches the model.
    expect(JSON.stringify(request.body)).not.toContain('holdout_secret');
  });

  it('accepts fenced JSON with prose around it', async () => {
    server.script({
      kind: 'reply',
      content: `Here are my fixes:\n\`\`\`json\n${JSON.stringify({ fixes: [SYNONYM] })}\n\`\`\`\nGood luck!`,
    });
    const result = await createLlmAnalyst({ llm: databricksLlm(), sampleValues: false }).propose(input());
    expect(result.fixes).toHaveLength(1);
  });

  it('asks once more after invalid JSON, quoting the parse error, and uses the second answer', async () => {
    server.script(
      {
        kind: 'reply',
        content: '{"fixes": [ {"type": "add_synonym",, } ]',
        usage: { prompt_tokens: 50, completion_tokens: 5 },
      },
      fixesReply([SYNONYM], { prompt_tokens: 70, completion_tokens: 9 }),
    );
    const result = await createLlmAnalyst({ llm: databricksLlm(), sampleValues: false }).propose(input());
    expect(result.fixes).toEqual([SYNONYM]);
    expect(result.usage).toEqual({ promptTokens: 120, completionTokens: 14, calls: 2 });
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatch(/first answer unusable \(invalid JSON: .*\); asked once more/);
    const second = server.requests[1].body.messages as { role: string; content: string }[];
    expect(second.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(second[2].content).toBe('{"fixes": [ {"type": "add_synonym",, } ]');
    expect(second[3].content).toMatch(/^Your answer could not be used: invalid JSON/);
  });

  it('asks once more when no proposed fix is valid, naming the zod path', async () => {
    server.script(
      fixesReply([{ type: 'add_synonym', table: 'members', column: 'country_code', synonyms: ['c'], rationale: 'r' }]),
      fixesReply([DICTIONARY]),
    );
    const result = await createLlmAnalyst({ llm: openaiLlm(), sampleValues: false }).propose(input());
    expect(result.fixes.map((fix) => fix.type)).toEqual(['enable_build_value_dictionary']);
    expect(userMessages(1)[1]).toContain('fixes[0] (add_synonym): table: a table is a three-part identifier');
  });

  it('gives up after a second unusable answer: no fixes and a note', async () => {
    server.script({ kind: 'reply', content: 'I am not sure.' }, { kind: 'reply', content: '{"changes": []}' });
    const result = await createLlmAnalyst({ llm: databricksLlm(), sampleValues: false }).propose(input());
    expect(result.fixes).toEqual([]);
    expect(server.requests).toHaveLength(2);
    expect(result.usage?.calls).toBe(2);
    expect(result.notes).toEqual([
      'llm analyst: first answer unusable (the answer contains no JSON object); asked once more',
      'llm analyst: second answer unusable too (the JSON object has no "fixes" array); no fixes this round',
    ]);
  });

  it('does not ask again when the model says there is nothing to fix', async () => {
    server.script(fixesReply([]));
    const result = await createLlmAnalyst({ llm: databricksLlm(), sampleValues: false }).propose(input());
    expect(result).toMatchObject({ fixes: [], notes: [] });
    expect(server.requests).toHaveLength(1);
  });

  it('drops a fix with an unknown column with a note and keeps the rest', async () => {
    const badSnippet = {
      type: 'add_sql_snippet',
      kind: 'measure',
      display_name: 'Words',
      alias: 'words',
      sql: 'SUM(messages.words)',
      rationale: 'r',
    };
    const badTable = {
      type: 'update_table_description',
      table: 'main.community.posts',
      description: 'Posts',
      rationale: 'r',
    };
    server.script(
      fixesReply([
        UNKNOWN_COLUMN,
        SYNONYM,
        badSnippet,
        badTable,
        { type: 'fix_join', joinId: 'f'.repeat(32), relationship: 'ONE_TO_ONE', rationale: 'r' },
      ]),
    );
    const result = await createLlmAnalyst({ llm: databricksLlm(), sampleValues: false }).propose(input());
    expect(result.fixes).toEqual([SYNONYM]);
    expect(server.requests).toHaveLength(1);
    expect(result.notes).toHaveLength(4);
    expect(result.notes[0]).toMatch(
      /^dropped add_column_description: unknown column country in main\.community\.members/,
    );
    expect(result.notes[1]).toBe(
      'dropped add_sql_snippet: unknown column words in table main.community.messages (in the measure snippet SQL)',
    );
    expect(result.notes[2]).toMatch(/^dropped update_table_description: unknown table main\.community\.posts/);
    expect(result.notes[3]).toMatch(/^dropped fix_join: unknown join spec f{32}/);
  });

  it('turns a timeout into a note without throwing', async () => {
    server.script({ kind: 'delay', ms: 2000, then: fixesReply([SYNONYM]) });
    const result = await createLlmAnalyst({ llm: databricksLlm({ timeoutMs: 150 }), sampleValues: false }).propose(
      input(),
    );
    expect(result.fixes).toEqual([]);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatch(
      /the model call failed, no fixes this round: serving endpoint "analyst-llm" .*timeout/,
    );
    expect(result.usage?.calls).toBe(1);
  });

  it('retries 429 honouring Retry-After inside the client, then returns fixes', async () => {
    server.script(
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '1' },
        body: { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'rate limited' },
      },
      fixesReply([SYNONYM]),
    );
    const result = await createLlmAnalyst({ llm: databricksLlm(), sampleValues: false }).propose(input());
    expect(result.fixes).toEqual([SYNONYM]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(950);
    expect(result.usage?.calls).toBe(1);
  });

  it('reports 401 once, with a clear message and without the token', async () => {
    const wrong = 'dapi-stale-token-999';
    const result = await createLlmAnalyst({ llm: databricksLlm({}, wrong), sampleValues: false }).propose(input());
    expect(result.fixes).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(result.notes[0]).toContain('HTTP 401');
    expect(result.notes[0]).toContain('UNAUTHENTICATED: Invalid access token');
    expect(result.notes[0]).toContain('check the token');
    expect(result.notes.join('\n')).not.toContain(wrong);
  });

  it('skips fixes already tried, dedupes, and caps the count', async () => {
    const tried = fixKey(FixSchema.parse(SYNONYM));
    const instruction = (text: string) => ({ type: 'add_text_instruction', text, rationale: 'r' });
    server.script(fixesReply([SYNONYM, DICTIONARY, DICTIONARY, instruction('a'), instruction('b'), instruction('c')]));
    const result = await createLlmAnalyst({ llm: databricksLlm(), sampleValues: false, maxFixes: 2 }).propose(
      input({ alreadyTried: new Set([tried]), lessonsText: 'value dictionaries fixed wrong_filter 2x' }),
    );
    expect(result.fixes.map((fix) => fix.type)).toEqual(['enable_build_value_dictionary', 'add_text_instruction']);
    expect(result.notes).toEqual([`skipped a fix already tried: ${tried}`, 'llm analyst: kept the first 2 of 4 fixes']);
    const [user] = userMessages(0);
    expect(user).toContain('value dictionaries fixed wrong_filter 2x');
    expect(user).toContain(`- ${tried}`);
  });

  it('makes no call when there are no failures', async () => {
    const result = await createLlmAnalyst({ llm: databricksLlm() }).propose(input({ failures: [] }));
    expect(result.fixes).toEqual([]);
    expect(result.usage?.calls).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it('shows sample values of text columns from the warehouse', async () => {
    server.script(fixesReply([DICTIONARY]));
    const warehouse = fakeWarehouse({
      country_code: ['BR', 'KR', 'US'],
      plan: ['enterprise', 'free', 'pro'],
      display_name: Array.from({ length: 30 }, (_, i) => `user${i}`),
    });
    await createLlmAnalyst({ llm: databricksLlm() }).propose(input({ warehouse }));
    const [user] = userMessages(0);
    expect(user).toContain("country_code TEXT (values: 'BR', 'KR', 'US')");
    expect(user).toContain("display_name TEXT (e.g. 'user0', 'user1', 'user2', 'user3', 'user4', ...)");
    expect(warehouse.executed.every((sql) => sql.startsWith('SELECT DISTINCT'))).toBe(true);
    // Only text columns are sampled: channel_name, category, display_name, country_code, plan, emoji.
    expect(warehouse.executed).toHaveLength(6);
  });

  it('leaves failures out of the prompt to fit the budget, with a note', async () => {
    server.script(fixesReply([SYNONYM]));
    const result = await createLlmAnalyst({
      llm: databricksLlm(),
      sampleValues: false,
      promptBudgetChars: 12_500,
    }).propose(input({ failures: failures(40) }));
    expect(result.notes[0]).toMatch(/^llm analyst: \d+ failing question\(s\) left out of the prompt/);
    const body = JSON.stringify(server.requests[0].body.messages);
    expect(body.length).toBeLessThan(16_000);
    expect(body).toContain('more failing questions omitted to stay within the prompt budget');
  });

  it('reports a missing prompt template as a note', async () => {
    const result = await createLlmAnalyst({ llm: databricksLlm(), promptsDir: '/nonexistent/prompts' }).propose(
      input(),
    );
    expect(result.fixes).toEqual([]);
    expect(result.notes[0]).toMatch(/prompt template not found/);
    expect(server.requests).toHaveLength(0);
  });
});
