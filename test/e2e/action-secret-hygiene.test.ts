/** The action, run as the runner runs it against the loopback Databricks emulator, never reveals the token it was given. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { filesUnder, tempRepo } from '../helpers/temp-repo.js';
import { runAction } from './action-runner.js';
import { e2eDist } from './e2e-dist.js';

const TOKEN = 'dapi-action-hygiene-9a8b7c6d5e4f30211203f4e5d6c7b8a9';
let serve: ServeHandle;
let repo: ReturnType<typeof tempRepo>;
let dist: string;

beforeAll(async () => {
  dist = await e2eDist();
  repo = tempRepo();
  serve = await startServe({ root: repo.root, token: TOKEN });
}, 300_000);
afterAll(async () => {
  await serve?.close();
  repo?.cleanup();
});

describe('action secret hygiene', () => {
  it('scores through the databricks backend without the token in stdout, summary, outputs or files', async () => {
    const run = await runAction({
      dist,
      workspace: repo.root,
      inputs: {
        command: 'score',
        space: 'demo',
        backend: 'databricks',
        'databricks-host': serve.url,
        'databricks-token': TOKEN,
      },
      eventName: 'workflow_dispatch',
      payload: {},
      sha: '0'.repeat(40),
      ref: 'refs/heads/main',
      apiUrl: 'http://127.0.0.1:9',
      env: { PATH: process.env.PATH ?? '', HOME: repo.root, GENIE_GITOPS_POLL_FIRST_MS: '20' },
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(Number(run.outputs.total)).toBeGreaterThanOrEqual(40);
    expect(run.summary).toContain('demo');
    // The runner is told to mask it, and nothing prints it in the clear.
    expect(run.stdout).toContain('::add-mask::');
    const stdoutWithoutMaskCommand = run.stdout.replace(/^::add-mask::.*$/gm, '');
    for (const text of [
      stdoutWithoutMaskCommand,
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
      ...filesUnder(repo.root).map((f) => readFileSync(f, 'utf8')),
    ]) {
      expect(text).not.toContain(TOKEN);
    }
  }, 300_000);
});
