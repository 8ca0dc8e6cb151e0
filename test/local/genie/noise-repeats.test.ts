import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadBenchmarks } from '../../../src/benchmarks/loader.js';
import type { Benchmark } from '../../../src/benchmarks/types.js';
import { createLocalGenie, type LocalGenieOptions } from '../../../src/local/genie/index.js';
import { openLocalWarehouse, type LocalWarehouse } from '../../../src/local/warehouse.js';
import { runScore } from '../../../src/scoring/score-runner.js';
import type { Scorecard } from '../../../src/scoring/scorecard.js';
import type { Space } from '../../../src/space/schema.js';

const described = JSON.parse(
  readFileSync(new URL('../../fixtures/demo-described/space.json', import.meta.url), 'utf8'),
) as Space;
// The first 16 demo benchmarks: enough variety, and quick.
const benchmarks: Benchmark[] = loadBenchmarks(
  new URL('../../../benchmarks/demo.yml', import.meta.url).pathname,
  'demo',
).benchmarks.slice(0, 16);

let warehouse: LocalWarehouse;
beforeAll(async () => {
  warehouse = await openLocalWarehouse({ data: 'demo' });
});

async function score(options: LocalGenieOptions, repeats: number): Promise<Scorecard> {
  const genie = await createLocalGenie(described, warehouse, options);
  return runScore({
    space: 'demo',
    configHash: 'c',
    benchmarksHash: 'b',
    backend: 'local',
    benchmarks,
    genie,
    warehouse,
    options: { repeats },
  });
}

describe('scoring the local engine with noise and repeats', () => {
  it('with noise, some questions pass in some repeats and fail in others', async () => {
    const card = await score({ noise: 0.3, seed: 7 }, 5);
    expect(card.repeats).toBe(5);
    const flaky = card.questions.filter((q) => q.passRate > 0 && q.passRate < 1);
    expect(flaky.length).toBeGreaterThan(0);
    for (const q of card.questions) expect(q.repeats).toHaveLength(5);
    // Noise flips a reading, it does not ruin every answer.
    expect(card.totals.all.passRate).toBeGreaterThan(0.3);
  });

  it('the same noise seed gives the same scorecard', async () => {
    const a = await score({ noise: 0.3, seed: 11 }, 3);
    const b = await score({ noise: 0.3, seed: 11 }, 3);
    expect(b.questions.map((q) => q.repeats.map((r) => [r.genieSql, r.verdict]))).toEqual(
      a.questions.map((q) => q.repeats.map((r) => [r.genieSql, r.verdict])),
    );
  });

  it('without noise, two runs give identical SQL and verdicts for every question and repeat', async () => {
    const a = await score({}, 2);
    const b = await score({}, 2);
    const view = (card: Scorecard) =>
      card.questions.map((q) => ({
        id: q.id,
        repeats: q.repeats.map((r) => ({ sql: r.genieSql, verdict: r.verdict, category: r.category })),
      }));
    expect(view(b)).toEqual(view(a));
    for (const q of a.questions) {
      expect(q.passRate === 0 || q.passRate === 1).toBe(true);
      expect(q.repeats[1].genieSql).toBe(q.repeats[0].genieSql);
    }
  });
});
