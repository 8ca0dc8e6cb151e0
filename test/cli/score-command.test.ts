/** The score command's contract: the scorecard JSON later checks rely on, determinism, and the demo's scores. */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Scorecard } from '../../src/scoring/scorecard.js';
import { keyedOrderSql } from '../../src/scoring/order-ties.js';
import { ordersOutput } from '../../src/scoring/sql-shape.js';
import { REPO_ROOT, captureIo, tempRepo } from '../helpers/temp-repo.js';

let repo: ReturnType<typeof tempRepo>;
beforeAll(() => {
  repo = tempRepo();
});
afterAll(() => repo.cleanup());

async function score(
  extra: string[] = [],
  root = repo.root,
): Promise<{ code: number; card: Scorecard; stdout: string }> {
  const json = path.join(root, `card-${Math.random().toString(36).slice(2)}.json`);
  const io = captureIo(root);
  const code = await main(['score', '--space', 'demo', '--backend', 'local', '--json', json, '--quiet', ...extra], io);
  return {
    code,
    card: existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : undefined,
    stdout: io.stdout.join('\n'),
  };
}

/** Drops what legitimately differs between two runs: timings. */
function withoutTimings(card: Scorecard): unknown {
  return JSON.parse(
    JSON.stringify(card, (key, value) => (key === 'durationMs' || key === 'startedAt' ? undefined : value)),
  );
}

describe('score --json', () => {
  it('writes the documented scorecard fields and prints the report', async () => {
    const { code, card, stdout } = await score(['--markdown', path.join(repo.root, 'report.md')]);
    expect(code).toBe(0);
    expect(card.space).toBe('demo');
    expect(card.configHash).toMatch(/^[0-9a-f]{64}$/);
    expect(card.benchmarksHash).toMatch(/^[0-9a-f]{64}$/);
    for (const split of ['all', 'train', 'holdout'] as const) {
      const t = card.totals[split];
      expect(t.total).toBeGreaterThan(0);
      expect(t.score).toBeCloseTo(t.passed / t.total, 10);
    }
    expect(card.totals.all.total).toBe(card.totals.train.total + card.totals.holdout.total);
    for (const q of card.questions) {
      expect(q).toHaveProperty('id');
      expect(['train', 'holdout']).toContain(q.split);
      expect(typeof q.passed).toBe('boolean');
      expect(q).toHaveProperty('category');
      expect(q).toHaveProperty('genieSql');
      expect(q.expectedSql.length).toBeGreaterThan(0);
    }
    expect(card.calls.genie).toBe(card.questions.length);
    // Each distinct expected SQL runs once per run; the local Genie returns its own results. An ordered
    // question that fails is checked once more for ties on its sort key (src/scoring/order-ties.ts).
    const tieChecks = new Set(
      card.questions
        .filter((q) => !q.passed && q.genieSql && ordersOutput(q.expectedSql) && keyedOrderSql(q.expectedSql))
        .map((q) => q.expectedSql),
    ).size;
    expect(card.calls.statements).toBe(new Set(card.questions.map((q) => q.expectedSql)).size + tieChecks);
    expect(card.durationMs).toBeGreaterThan(0);
    expect(stdout).toContain('Genie score for demo');
    expect(readFileSync(path.join(repo.root, 'report.md'), 'utf8')).toContain('| `q01` | train |');
  });

  it('gives identical scorecards on two runs, apart from timings', async () => {
    const a = await score();
    const b = await score();
    expect(withoutTimings(b.card)).toEqual(withoutTimings(a.card));
  });

  it('exits 1 below --min-score, with the complete scorecard written', async () => {
    const { code, card } = await score(['--min-score', '1']);
    expect(code).toBe(1);
    expect(card.totals.all.score).toBeLessThan(1);
    expect(card.questions).toHaveLength(card.totals.all.total);
  });
});

describe('the demo: config quality shows in the score', () => {
  it('the thin demo config scores at most 40%', async () => {
    const { card } = await score();
    expect(card.totals.all.score).toBeLessThanOrEqual(0.4);
  });

  it('the well-described demo config scores at least 90% on train and 85% on holdout', async () => {
    cpSync(
      path.join(REPO_ROOT, 'test/fixtures/demo-described/space.json'),
      path.join(repo.root, 'spaces/demo/space.json'),
    );
    const { card } = await score();
    expect(card.totals.train.score).toBeGreaterThanOrEqual(0.9);
    expect(card.totals.holdout.score).toBeGreaterThanOrEqual(0.85);
  });
});
