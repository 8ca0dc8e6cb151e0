/** The PR check with errored questions: neutral and explicit when inconclusive, and never cached as the config's measure. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prScoreCommand, renderPrComment } from '../../src/commands/pr-score.js';
import { defaultCacheDir, readCachedScorecard, writeCachedScorecard } from '../../src/commands/scorecard-cache.js';
import { GitCli } from '../../src/github/git-cli.js';
import { decideGate } from '../../src/scoring/score-gate.js';
import { inconclusiveVerdict } from '../../src/scoring/errored-gate.js';
import { buildScorecard, type RepeatResult, type Scorecard } from '../../src/scoring/scorecard.js';
import { createGitWorld, type GitWorld } from '../github/git-world.js';
import { createBackendOpener } from '../../src/wiring/backend.js';

/** The card with the named questions turned into outages (no answer after the retries). */
function withErrored(card: Scorecard, ids: string[]): Scorecard {
  const outage: RepeatResult = {
    passed: false,
    verdict: null,
    category: 'api_error',
    genieSql: null,
    durationMs: 5,
    attempts: 4,
    error: 'Genie request failed: HTTP 503 after 4 attempts',
    errored: true,
  };
  const questions = card.questions.map((q) =>
    ids.includes(q.id)
      ? {
          ...q,
          passed: false,
          passRate: 0,
          errored: true,
          verdict: null,
          category: 'api_error' as const,
          repeats: [outage],
        }
      : q,
  );
  return buildScorecard({ ...card, questions });
}

let world: GitWorld;
let fresh: Awaited<ReturnType<typeof prScoreCommand>>;
beforeAll(async () => {
  world = createGitWorld();
  const git = new GitCli({ cwd: world.work, env: world.env });
  const baseSha = world.git(['rev-parse', 'HEAD']).trim();
  fresh = await prScoreCommand({
    root: world.work,
    space: 'demo',
    backend: createBackendOpener({ backend: 'local' }),
    git,
    baseSha,
  });
  // An earlier run met an outage: its card for this very config is in the cache.
  const cacheDir = defaultCacheDir(world.work);
  writeCachedScorecard(
    cacheDir,
    withErrored(
      fresh.head,
      fresh.head.questions.slice(0, 10).map((q) => q.id),
    ),
  );
}, 120_000);
afterAll(() => world?.cleanup());

describe('PR check and errored questions', () => {
  it('does not reuse a cached card with errored questions: the config is scored again', async () => {
    const git = new GitCli({ cwd: world.work, env: world.env });
    const baseSha = world.git(['rev-parse', 'HEAD']).trim();
    const key = {
      space: 'demo',
      configHash: fresh.head.configHash,
      benchmarksHash: fresh.head.benchmarksHash,
      backend: 'local',
    };
    expect(readCachedScorecard(defaultCacheDir(world.work), key)?.totals.all.errored).toBe(10);
    const again = await prScoreCommand({
      root: world.work,
      space: 'demo',
      backend: createBackendOpener({ backend: 'local' }),
      git,
      baseSha,
    });
    expect(again.head.totals.all).toEqual(fresh.head.totals.all);
    expect(again.inconclusive).toBeUndefined();
    expect(readCachedScorecard(defaultCacheDir(world.work), key)?.totals.all.errored).toBe(0);
  }, 120_000);

  it('says "inconclusive" (neutral, not failed) and names the errored questions in the comment', () => {
    const ids = fresh.head.questions.slice(0, 8).map((q) => q.id);
    const head = withErrored(fresh.head, ids);
    const inconclusive = inconclusiveVerdict([{ label: 'head', card: head }], 0.1);
    expect(inconclusive).toBeDefined();
    const gate = decideGate({
      head,
      base: fresh.head,
      settings: { maxRegression: 0.05, confidence: 0.95 },
      inconclusive: inconclusive!.message.replace(/^inconclusive: /, ''),
    });
    expect(gate.verdict).toBe('inconclusive');
    const markdown = renderPrComment({
      space: 'demo',
      head,
      base: fresh.head,
      baseSha: 'a'.repeat(40),
      gate,
      baseCached: false,
    });
    expect(markdown).toContain('**⚪ Score check inconclusive** (neutral, not failed)');
    expect(markdown).toContain(`8 of ${head.questions.length} questions`);
    for (const id of ids) expect(markdown).toContain(id);
    expect(markdown).toMatch(/compared on the \d+ questions answered in both/);
    expect(markdown).not.toContain('Score check failed');
  });
});
