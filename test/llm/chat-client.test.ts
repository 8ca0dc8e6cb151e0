import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatLlm } from '../../src/llm/chat-client.js';
import { LlmError } from '../../src/llm/llm-error.js';
import { startChatServer, type ChatServer } from './chat-server.js';

const TOKEN = 'dapi-secret-token-0123456789';
let server: ChatServer;

beforeEach(async () => {
  server = await startChatServer({ token: TOKEN });
});
afterEach(async () => {
  await server.close();
});

function databricks(
  options: Parameters<typeof createChatLlm>[1] = {},
  token: string | (() => Promise<string>) = TOKEN,
) {
  return createChatLlm(
    { kind: 'databricks', host: server.baseUrl, endpoint: 'my-llm', token },
    { baseDelayMs: 10, ...options },
  );
}

function openai(options: Parameters<typeof createChatLlm>[1] = {}) {
  return createChatLlm(
    { kind: 'openai', baseUrl: `${server.baseUrl}/v1`, apiKey: TOKEN, model: 'gpt-test' },
    { baseDelayMs: 10, ...options },
  );
}

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LlmError);
    return error as LlmError;
  }
  throw new Error('expected the call to fail');
}

describe('createChatLlm', () => {
  it('calls a Databricks serving endpoint with the chat body and reads content and usage', async () => {
    server.script({ kind: 'reply', content: '{"fixes": []}', usage: { prompt_tokens: 12, completion_tokens: 3 } });
    const reply = await databricks().chat([{ role: 'user', content: 'hi' }], {
      json: true,
      maxTokens: 100,
      temperature: 0,
    });
    expect(reply).toEqual({ content: '{"fixes": []}', usage: { promptTokens: 12, completionTokens: 3 } });
    const [request] = server.requests;
    expect(request.path).toBe('/serving-endpoints/my-llm/invocations');
    expect(request.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.body).toEqual({
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 100,
      temperature: 0,
      response_format: { type: 'json_object' },
    });
  });

  it('calls an OpenAI-compatible server with the model and without response_format unless JSON is asked', async () => {
    server.script({ kind: 'reply', content: 'plain text' });
    const reply = await openai().chat([
      { role: 'system', content: 's' },
      { role: 'user', content: 'u' },
    ]);
    expect(reply.content).toBe('plain text');
    expect(reply.usage).toBeUndefined();
    const [request] = server.requests;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.body.model).toBe('gpt-test');
    expect(request.body.response_format).toBeUndefined();
    expect(request.body.max_tokens).toBe(4096);
  });

  it('takes the text blocks when content is a list of blocks', async () => {
    server.script({
      kind: 'reply',
      content: [
        { type: 'reasoning', text: 'thinking...' },
        { type: 'text', text: '{"a":' },
        { type: 'text', text: '1}' },
      ],
    });
    const reply = await databricks().chat([{ role: 'user', content: 'x' }]);
    expect(reply.content).toBe('{"a":1}');
  });

  it('retries 429 after the Retry-After wait, then succeeds', async () => {
    server.script(
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '1' },
        body: { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' },
      },
      { kind: 'reply', content: 'ok' },
    );
    const retries: number[] = [];
    const reply = await databricks({ onRetry: (info) => retries.push(info.delayMs) }).chat([
      { role: 'user', content: 'x' },
    ]);
    expect(reply.content).toBe('ok');
    expect(server.requests).toHaveLength(2);
    expect(retries).toEqual([1000]);
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(950);
  });

  it.each([500, 502, 503])(
    'retries HTTP %i and gives up after the retry budget with the service message',
    async (status) => {
      server.script(
        {
          kind: 'status',
          status,
          headers: { 'retry-after': '0' },
          body: { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'model overloaded' },
        },
        {
          kind: 'status',
          status,
          headers: { 'retry-after': '0' },
          body: { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'model overloaded' },
        },
        {
          kind: 'status',
          status,
          headers: { 'retry-after': '0' },
          body: { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'model overloaded' },
        },
      );
      const error = await failure(databricks({ retries: 2 }).chat([{ role: 'user', content: 'x' }]));
      expect(server.requests).toHaveLength(3);
      expect(error.kind).toBe('http');
      expect(error.status).toBe(status);
      expect(error.message).toContain('serving endpoint "my-llm"');
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).toContain('TEMPORARILY_UNAVAILABLE: model overloaded');
    },
  );

  it('recovers from one 500 with exponential backoff', async () => {
    server.script({ kind: 'status', status: 500 }, { kind: 'reply', content: 'fine' });
    expect((await openai().chat([{ role: 'user', content: 'x' }])).content).toBe('fine');
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry 401 and never shows the token, even when the service echoes it', async () => {
    const wrong = 'dapi-wrong-token-abcdef';
    const error = await failure(databricks({}, wrong).chat([{ role: 'user', content: 'x' }]));
    expect(server.requests).toHaveLength(1);
    expect(error.status).toBe(401);
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('UNAUTHENTICATED');
    expect(error.message).toContain('Invalid access token');
    expect(error.message).not.toContain(wrong);
    expect(error.detail).not.toContain(wrong);
    expect(error.hint).toMatch(/token/);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(wrong);
  });

  it.each([400, 403, 404])('does not retry HTTP %i', async (status) => {
    server.script({ kind: 'status', status, body: { error: { message: 'nope', type: 'invalid_request_error' } } });
    const error = await failure(openai().chat([{ role: 'user', content: 'x' }]));
    expect(server.requests).toHaveLength(1);
    expect(error.status).toBe(status);
    expect(error.message).toContain('invalid_request_error: nope');
    expect(error.message).toContain('/v1/chat/completions (model "gpt-test")');
  });

  it('asks again without response_format when the model rejects it', async () => {
    server.script(
      {
        kind: 'status',
        status: 400,
        body: { error_code: 'BAD_REQUEST', message: 'response_format is not supported by this model' },
      },
      { kind: 'reply', content: '{}' },
    );
    const reply = await databricks().chat([{ role: 'user', content: 'x' }], { json: true });
    expect(reply.content).toBe('{}');
    expect(server.requests[0].body.response_format).toEqual({ type: 'json_object' });
    expect(server.requests[1].body.response_format).toBeUndefined();
  });

  it('turns a slow answer into a timeout error without retrying', async () => {
    server.script({ kind: 'delay', ms: 2000, then: { kind: 'reply', content: 'late' } });
    const started = Date.now();
    const error = await failure(databricks({ timeoutMs: 200 }).chat([{ role: 'user', content: 'x' }]));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server.requests).toHaveLength(1);
  });

  it('cuts off a reply larger than the cap while it streams, without buffering it or retrying', async () => {
    server.script({ kind: 'huge', bytes: 300 * 1024 * 1024 });
    const before = process.memoryUsage().rss;
    const error = await failure(databricks({ maxReplyBytes: 1024 * 1024 }).chat([{ role: 'user', content: 'x' }]));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain('reply larger than 1048576 bytes');
    expect(server.requests).toHaveLength(1);
    // The server stopped well short of 300 MB once the client let go of the connection.
    expect(server.stats.hugeBytesSent).toBeLessThan(100 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the cap before reading the body', async () => {
    server.script({ kind: 'huge', bytes: 300 * 1024 * 1024, declareLength: true });
    const error = await failure(databricks().chat([{ role: 'user', content: 'x' }]));
    expect(error.message).toContain(`reply larger than ${8 * 1024 * 1024} bytes`);
  });

  it('times out a reply that trickles in forever (the timeout covers reading the body)', async () => {
    server.script({ kind: 'drip', everyMs: 20 });
    const started = Date.now();
    const error = await failure(databricks({ timeoutMs: 300 }).chat([{ role: 'user', content: 'x' }]));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops when the caller aborts', async () => {
    server.script({ kind: 'delay', ms: 2000, then: { kind: 'reply', content: 'late' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(databricks().chat([{ role: 'user', content: 'x' }], { signal: controller.signal }));
    expect(error.kind).toBe('aborted');
  });

  it.each([
    ['a body that is not JSON', { kind: 'raw', status: 200, body: '<html>gateway</html>' } as const, /not JSON/],
    ['no choices', { kind: 'status', status: 200, body: { choices: [] } } as const, /no choices/],
    ['null content', { kind: 'reply', content: null } as const, /no text content/],
  ])('reports an unreadable answer: %s', async (_name, step, pattern) => {
    server.script(step);
    const error = await failure(databricks().chat([{ role: 'user', content: 'x' }]));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toMatch(pattern);
    expect(server.requests).toHaveLength(1);
  });

  it('asks a token provider before every attempt', async () => {
    server.script({ kind: 'status', status: 503, headers: { 'retry-after': '0' } }, { kind: 'reply', content: 'ok' });
    let calls = 0;
    const reply = await databricks({}, async () => {
      calls++;
      return TOKEN;
    }).chat([{ role: 'user', content: 'x' }]);
    expect(reply.content).toBe('ok');
    expect(calls).toBe(2);
  });

  it('retries a refused connection and then reports a network error', async () => {
    const closed = server.baseUrl;
    await server.close();
    const retries: number[] = [];
    const error = await failure(
      createChatLlm(
        { kind: 'openai', baseUrl: closed, model: 'm' },
        { retries: 1, baseDelayMs: 5, onRetry: (info) => retries.push(info.attempt) },
      ).chat([{ role: 'user', content: 'x' }]),
    );
    expect(error.kind).toBe('network');
    expect(retries).toEqual([1]);
    server = await startChatServer();
  });
});
