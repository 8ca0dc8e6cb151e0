/**
 * A loopback chat-completions server for tests: speaks the Databricks serving path and the
 * OpenAI-compatible paths, checks the bearer token, and answers from a scripted queue.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ContentBlock = { type: string; text?: string };

export type Step =
  /** A chat completion whose first choice has this content. */
  | {
      kind: 'reply';
      content: string | ContentBlock[] | null;
      usage?: { prompt_tokens: number; completion_tokens: number };
    }
  /** An error status with a JSON body and optional headers (e.g. Retry-After). */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Any body text with a status (for unreadable answers). */
  | { kind: 'raw'; status: number; body: string }
  /** Wait before answering with the next part (longer than the client timeout to test it). */
  | { kind: 'delay'; ms: number; then: Step }
  /** A 200 body of this many bytes, streamed in 1 MiB chunks (never held whole) until sent or the client leaves. */
  | { kind: 'huge'; bytes: number; declareLength?: boolean }
  /** A 200 whose body arrives one byte every `everyMs`, forever (until the client leaves). */
  | { kind: 'drip'; everyMs: number };

export interface ChatServerStats {
  /** Bytes of 'huge' bodies actually written to the socket. */
  hugeBytesSent: number;
}

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  at: number;
}

export interface ChatServer {
  baseUrl: string;
  requests: RecordedRequest[];
  stats: ChatServerStats;
  /** Queue answers; each request takes the next one. */
  script(...steps: Step[]): void;
  /** Steps not yet used. */
  pending(): number;
  close(): Promise<void>;
}

const ROUTES = [
  /^\/serving-endpoints\/[^/]+\/invocations$/,
  /^\/v1\/chat\/completions$/,
  /^\/chat\/completions$/,
  /^\/serving-endpoints\/chat\/completions$/,
];

export async function startChatServer(options: { token?: string } = {}): Promise<ChatServer> {
  const queue: Step[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

  const answer = (res: ServerResponse, step: Step) => {
    switch (step.kind) {
      case 'reply':
        send(res, 200, {
          id: 'chatcmpl-test',
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: step.content }, finish_reason: 'stop' }],
          usage: step.usage
            ? { ...step.usage, total_tokens: step.usage.prompt_tokens + step.usage.completion_tokens }
            : undefined,
        });
        return;
      case 'status':
        send(res, step.status, step.body ?? { error_code: 'ERROR', message: `scripted ${step.status}` }, step.headers);
        return;
      case 'raw':
        res.writeHead(step.status, { 'content-type': 'text/plain' });
        res.end(step.body);
        return;
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer(res, step.then);
        }, step.ms);
        timers.add(timer);
        return;
      }
      case 'huge':
        streamHuge(res, step.bytes, step.declareLength ?? false);
        return;
      case 'drip': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{');
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), step.everyMs);
        timers.add(timer);
        res.on('close', () => clearInterval(timer));
        return;
      }
    }
  };

  const stats: ChatServerStats = { hugeBytesSent: 0 };
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const streamHuge = (res: ServerResponse, bytes: number, declareLength: boolean) => {
    res.writeHead(200, { 'content-type': 'application/json', ...(declareLength ? { 'content-length': bytes } : {}) });
    let left = bytes;
    const pump = () => {
      // Honour backpressure: write while the socket takes it, resume on 'drain'.
      while (left > 0 && !res.destroyed) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        stats.hugeBytesSent += piece.length;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = (req.url ?? '').split('?')[0];
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      send(res, 400, { error_code: 'BAD_REQUEST', message: 'body is not JSON' });
      return;
    }
    requests.push({ path, authorization: req.headers.authorization, body, at: Date.now() });
    if (req.method !== 'POST' || !ROUTES.some((route) => route.test(path))) {
      send(res, 404, { error_code: 'ENDPOINT_NOT_FOUND', message: `no route ${path}` });
      return;
    }
    if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
      // Echo what was sent, as careless services do, so the client's scrubbing is tested.
      send(res, 401, {
        error_code: 'UNAUTHENTICATED',
        message: `Invalid access token: ${req.headers.authorization ?? '(none)'}`,
      });
      return;
    }
    const step = queue.shift();
    if (!step) send(res, 500, { error_code: 'INTERNAL_ERROR', message: 'no scripted answer left' });
    else answer(res, step);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { message: 'server error' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    stats,
    script: (...steps) => queue.push(...steps),
    pending: () => queue.length,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A reply step whose content is `{"fixes": [...]}`. */
export function fixesReply(fixes: unknown[], usage = { prompt_tokens: 100, completion_tokens: 20 }): Step {
  return { kind: 'reply', content: JSON.stringify({ fixes }), usage };
}
