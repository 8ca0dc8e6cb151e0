/** The token given to the CLI never appears in its output or in the files it writes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runServe } from '../../src/cli/serve-command.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { captureIo, filesUnder, tempRepo } from '../helpers/temp-repo.js';

const TOKEN = 'dapi-hygiene-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
let serve: ServeHandle;
let repo: { root: string; cleanup: () => void };

beforeAll(async () => {
  repo = tempRepo();
  serve = await startServe({ root: repo.root, token: TOKEN });
  vi.stubEnv('DATABRICKS_HOST', serve.url);
  vi.stubEnv('GENIE_GITOPS_POLL_FIRST_MS', '20');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await serve?.close();
  repo?.cleanup();
});

describe('secret hygiene', () => {
  it('score with a token: the token is in no output and no written file', async () => {
    vi.stubEnv('DATABRICKS_TOKEN', TOKEN);
    const io = captureIo(repo.root);
    const code = await main(
      ['score', '--space', 'demo', '--backend', 'databricks', '--json', 'out/card.json', '--markdown', 'out/card.md'],
      io,
    );
    expect(code).toBe(0);
    const written = filesUnder(repo.root);
    expect(written.some((f) => f.endsWith('card.json'))).toBe(true);
    for (const text of [...io.stdout, ...io.stderr, ...written.map((f) => readFileSync(f, 'utf8'))])
      expect(text).not.toContain(TOKEN);
  });

  it('a rejected token: a clear error that does not show it', async () => {
    const wrong = `${TOKEN}-revoked`;
    vi.stubEnv('DATABRICKS_TOKEN', wrong);
    const io = captureIo(repo.root);
    expect(await main(['score', '--space', 'demo', '--backend', 'databricks'], io)).toBe(1);
    const all = [...io.stdout, ...io.stderr].join('\n');
    expect(all).toMatch(/HTTP 401/);
    expect(all).toMatch(/token is wrong or expired/);
    expect(all).not.toContain(wrong);
    expect(all).not.toContain(TOKEN);
  });

  it('serve does not echo a token given with --token', async () => {
    const io = captureIo(repo.root);
    let url = '';
    const code = await runServe(['--port', '0', '--token', TOKEN], io, {
      stop: new Promise((r) => setTimeout(r, 50)),
      onReady: (h) => (url = h.url),
    });
    expect(code).toBe(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(io.stdout.join('\n')).toContain(url);
    expect([...io.stdout, ...io.stderr].join('\n')).not.toContain(TOKEN);
  });
});
