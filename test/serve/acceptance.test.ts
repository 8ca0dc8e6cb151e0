/**
 * Acceptance: the demo scored through the databricks backend against `serve` gives the
 * same scorecard as the local backend: totals, and per question status, verdict, category, SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreCommand } from '../../src/commands/score.js';
import { DEV_TOKEN } from '../../src/serve/oauth.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import type { Scorecard } from '../../src/scoring/scorecard.js';
import { REPO_ROOT } from './helpers.js';
import { createBackendOpener } from '../../src/wiring/backend.js';

let serve: ServeHandle;
/** The databricks backend's settings, handed to the commands as the entries do. */
let env: Record<string, string>;

beforeAll(async () => {
  serve = await startServe({ root: REPO_ROOT, latencyMs: 20 });
  env = { DATABRICKS_HOST: serve.url, DATABRICKS_TOKEN: DEV_TOKEN, GENIE_GITOPS_POLL_FIRST_MS: '25' };
});
afterAll(async () => {
  await serve?.close();
});

const perQuestion = (card: Scorecard) =>
  card.questions.map((q) => ({
    id: q.id,
    passed: q.passed,
    category: q.category,
    repeats: q.repeats.map((r) => ({ passed: r.passed, verdict: r.verdict, category: r.category, sql: r.genieSql })),
  }));

describe('score through the databricks backend against serve', () => {
  it('gives the same totals and per-question results as the local backend', async () => {
    const remote = await scoreCommand({
      root: REPO_ROOT,
      space: 'demo',
      backend: createBackendOpener({ backend: 'databricks', env }),
    });
    const local = await scoreCommand({
      root: REPO_ROOT,
      space: 'demo',
      backend: createBackendOpener({ backend: 'local' }),
    });
    expect(remote.backend).toBe('databricks');
    expect(remote.totals).toEqual(local.totals);
    expect(remote.configHash).toBe(local.configHash);
    expect(perQuestion(remote)).toEqual(perQuestion(local));
    // Minimal traffic: one ask per question, each expected SQL once, no statement for Genie's SQL.
    expect(remote.calls).toMatchObject({
      genie: local.calls.genie,
      statements: local.calls.statements,
      retries: 0,
      rateLimited: 0,
    });
    expect(serve.stats.asks).toBe(remote.questions.length);
  });
});

describe('enhance through the databricks backend against serve', () => {
  it('reaches the same before and after scores as the local backend (dry run)', async () => {
    const { enhanceCommand } = await import('../../src/commands/enhance.js');
    // The same loop on both backends: fixes isolated after a rejected batch (by default only the local backend does that).
    const options = {
      root: REPO_ROOT,
      space: 'demo',
      analyst: 'rules' as const,
      maxIterations: 1,
      dryRun: true,
      isolateFixes: true,
      // No answer cache: it would be written into the repository itself, and the two runs must each ask.
      cacheDir: false as const,
    };
    const remote = await enhanceCommand({ ...options, backend: createBackendOpener({ backend: 'databricks', env }) });
    const local = await enhanceCommand({ ...options, backend: createBackendOpener({ backend: 'local' }) });
    expect(remote.before.totals).toEqual(local.before.totals);
    expect(remote.after.totals).toEqual(local.after.totals);
    expect(remote.iterations.map((i) => i.accepted)).toEqual(local.iterations.map((i) => i.accepted));
    expect(remote.written).toEqual([]);
  }, 300_000);
});
