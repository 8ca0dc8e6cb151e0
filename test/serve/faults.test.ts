/**
 * Fault suite: 5xx and dropped connections on 20% of requests, 5% of messages stuck in
 * EXECUTING_QUERY, and a qpm limit. A full score completes within its time budget, every
 * question is accounted for, no expected-SQL result is lost, retries and 429s are counted.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scoreCommand } from '../../src/commands/score.js';
import { DEV_TOKEN } from '../../src/serve/oauth.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { CATEGORIES } from '../../src/scoring/failure-category.js';
import { REPO_ROOT } from './helpers.js';

let serve: ServeHandle;

beforeAll(async () => {
  serve = await startServe({ root: REPO_ROOT, latencyMs: 20, faultRate: 0.2, stuckRate: 0.05, qpm: 1200, seed: 7 });
  vi.stubEnv('DATABRICKS_HOST', serve.url);
  vi.stubEnv('DATABRICKS_TOKEN', DEV_TOKEN);
  vi.stubEnv('GENIE_GITOPS_POLL_FIRST_MS', '25');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await serve?.close();
});

describe('score under faults', () => {
  it('completes within budget with every question accounted for', async () => {
    const budgetMs = 60_000;
    const t0 = Date.now();
    const card = await scoreCommand({
      root: REPO_ROOT,
      space: 'demo',
      backend: 'databricks',
      questionTimeoutMs: 2_000,
      concurrency: 4,
    });
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeLessThan(budgetMs);
    expect(card.questions).toHaveLength(56);
    for (const q of card.questions) {
      expect(q.repeats).toHaveLength(1);
      const r = q.repeats[0];
      if (!r.passed) expect(CATEGORIES).toContain(r.category);
      // No expected-SQL result lost: statement faults are retried inside the adapter.
      expect(r.error ?? '').not.toMatch(/expected SQL failed/);
    }
    // The injected trouble happened, and the scorecard shows what it cost.
    expect(serve.stats.faults.errors + serve.stats.faults.drops).toBeGreaterThan(0);
    expect(serve.stats.stuckMessages).toBeGreaterThan(0);
    expect(serve.stats.rateLimited).toBeGreaterThan(0);
    expect(card.calls.retries).toBeGreaterThan(0);
    expect(card.calls.rateLimited).toBeGreaterThan(0);
    expect(card.calls.rateLimited).toBeLessThanOrEqual(serve.stats.rateLimited);
    // Faults never change a verdict: every question that got an answer scores as it does locally.
    const local = await scoreCommand({ root: REPO_ROOT, space: 'demo', backend: 'local' });
    const answered = card.questions.filter((q) => !q.errored);
    expect(answered.length).toBeGreaterThan(40);
    for (const q of answered) {
      const l = local.questions.find((x) => x.id === q.id);
      expect({ id: q.id, passed: q.passed, category: q.category }).toEqual({
        id: l?.id,
        passed: l?.passed,
        category: l?.category,
      });
    }
    // Stuck messages are service timeouts: retried, and never a wrong answer (no `timeout` category).
    expect(card.questions.filter((q) => q.category === 'timeout')).toEqual([]);
    expect(card.totals.all.answered + card.totals.all.errored).toBe(56);
  });
});
