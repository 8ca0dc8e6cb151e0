/**
 * Bench section `gate`: the PR score check under Genie's nondeterminism, measured with the local
 * engine's seeded noise. Over many seeds it compares the described demo config with itself (any
 * failure is a false alarm) and with a copy whose join specs are removed (a real regression, sized
 * at zero noise), once with the paired gate (adaptive repeats, sequential exact test) and once with
 * the naive threshold rule on single runs, on the same first answers. A third scenario, one join
 * spec removed (a smaller regression, near the 5-point tolerance), shows the power of both rules
 * where it is hard to have.
 */
import path from 'node:path';
import { checkThresholds } from '../src/commands/pr-score.js';
import { loadBenchmarks } from '../src/benchmarks/loader.js';
import type { Benchmark } from '../src/benchmarks/types.js';
import { createLocalGenie } from '../src/local/genie/index.js';
import { openLocalWarehouse } from '../src/local/warehouse.js';
import { memoizeWarehouse } from '../src/loop/memo-warehouse.js';
import type { Warehouse } from '../src/ports.js';
import { compareWithRepeats, type Reasker } from '../src/scoring/adaptive-repeats.js';
import { decideGate } from '../src/scoring/score-gate.js';
import { reaskScore, runScore, type RunScoreInput } from '../src/scoring/score-runner.js';
import type { Scorecard } from '../src/scoring/scorecard.js';
import { hashBenchmarks, hashSpace } from '../src/space/hash.js';
import type { Space } from '../src/space/schema.js';
import { readSpaceFile } from '../src/space/space-file.js';
import type { BenchContext, BenchSection } from './bench-section.js';

export interface GateBenchOptions {
  /** Seeds per scenario (each seed is one PR check); default 80. */
  seeds?: number;
  noise?: number;
  maxRegression?: number;
  confidence?: number;
  maxRepeats?: number;
}

interface Side {
  card: Scorecard;
  reasker: Reasker;
}

/** Scores a config once with its own seeded engine, and re-asks through that same engine. */
async function side(space: Space, benchmarks: Benchmark[], warehouse: Warehouse, noise: number, seed: number) {
  const input: RunScoreInput = {
    space: 'demo',
    configHash: hashSpace(space),
    benchmarksHash: hashBenchmarks(benchmarks),
    backend: 'local',
    benchmarks,
    genie: await createLocalGenie(space, warehouse, { noise, seed }),
    warehouse,
    expectedCache: new Map(),
  };
  const out: Side = { card: await runScore(input), reasker: { reask: (card, ids) => reaskScore(input, card, ids) } };
  return out;
}

/** Removes the join specs `drop` selects (all by default): the regressions the gate must detect. */
export function withoutJoinSpecs(
  space: Space,
  drop: (join: { left: { alias?: string }; right: { alias?: string } }) => boolean = () => true,
): Space {
  const copy = structuredClone(space);
  if (copy.instructions?.join_specs)
    copy.instructions.join_specs = copy.instructions.join_specs.filter((j) => !drop(j));
  return copy;
}

type Scenario = 'same' | 'regressed' | 'smaller';

export async function runGateBench(
  { root, log }: Pick<BenchContext, 'root' | 'log'>,
  options: GateBenchOptions = {},
): Promise<Record<string, number>> {
  const seeds = options.seeds ?? 80;
  const noise = options.noise ?? 0.2;
  const maxRegression = options.maxRegression ?? 0.05;
  const settings = { maxRegression, confidence: options.confidence ?? 0.95 };
  const plan = { direction: 'worse' as const, tolerance: maxRegression, ...settings, maxRepeats: options.maxRepeats };
  const t0 = performance.now();
  const inner = await openLocalWarehouse({ data: 'demo' });
  // Noisy answers repeat a handful of SQL texts per question: memoising them keeps the bench fast.
  const warehouse = memoizeWarehouse(inner);
  const benchmarks = loadBenchmarks(path.join(root, 'benchmarks', 'demo.yml'), 'demo').benchmarks;
  const described = readSpaceFile(path.join(root, 'test', 'fixtures', 'demo-described', 'space.json'));
  const heads: Record<Scenario, Space> = {
    same: described,
    regressed: withoutJoinSpecs(described),
    smaller: withoutJoinSpecs(described, (j) => j.left.alias === 'messages' && j.right.alias === 'members'),
  };
  try {
    const exact = await Promise.all(
      [described, heads.regressed, heads.smaller].map((s) => side(s, benchmarks, warehouse, 0, 0)),
    );
    const [drop, smallerDrop] = [1, 2].map((i) => exact[0].card.totals.all.score - exact[i].card.totals.all.score);
    log(
      `gate: described ${pct(exact[0].card.totals.all.score)} vs without join specs ${pct(exact[1].card.totals.all.score)} at zero noise: a ${(drop * 100).toFixed(1)}-point regression${drop < 0.1 ? ' (LESS THAN 10 POINTS: not a fair detection test)' : ''}; without the messages-members join ${pct(exact[2].card.totals.all.score)}`,
    );
    const counts = Object.fromEntries(
      (['same', 'regressed', 'smaller'] as const).map((s) => [s, { gate: 0, naive: 0, asks: 0 }]),
    ) as Record<Scenario, { gate: number; naive: number; asks: number }>;
    for (let seed = 0; seed < seeds; seed++) {
      for (const [k, scenario] of (['same', 'regressed', 'smaller'] as const).entries()) {
        // Independent noise for every side of every check: seeds never repeat across sides.
        const head = await side(heads[scenario], benchmarks, warehouse, noise, 8 * seed + 2 * k + 1);
        const base = await side(described, benchmarks, warehouse, noise, 8 * seed + 2 * k + 2);
        if (checkThresholds(head.card, base.card, { maxRegression }).length > 0) counts[scenario].naive++;
        const compared = await compareWithRepeats(plan, head, base);
        const gate = decideGate({ ...compared, settings });
        if (gate.failures.length > 0) counts[scenario].gate++;
        counts[scenario].asks += (compared.head.calls.genie + compared.base.calls.genie) / 2 / benchmarks.length;
      }
    }
    const out = {
      gateSeeds: seeds,
      gateNoise: noise,
      gateRegressionPoints: round3(drop * 100),
      gateFalseAlarmRate: round3(counts.same.gate / seeds),
      gateDetectionRate: round3(counts.regressed.gate / seeds),
      gateQuestionsPerSide: round3((counts.same.asks + counts.regressed.asks) / (2 * seeds)),
      gateQuestionsPerSideSame: round3(counts.same.asks / seeds),
      gateQuestionsPerSideRegressed: round3(counts.regressed.asks / seeds),
      naiveGateFalseAlarmRate: round3(counts.same.naive / seeds),
      naiveGateDetectionRate: round3(counts.regressed.naive / seeds),
      gateSmallerRegressionPoints: round3(smallerDrop * 100),
      gateSmallerDetectionRate: round3(counts.smaller.gate / seeds),
      gateQuestionsPerSideSmaller: round3(counts.smaller.asks / seeds),
      naiveGateSmallerDetectionRate: round3(counts.smaller.naive / seeds),
      gateBenchMs: Math.round(performance.now() - t0),
    };
    log(
      `gate over ${seeds} seeds at noise ${noise}, max-regression ${maxRegression}: false alarms ${pct(out.gateFalseAlarmRate)} (naive ${pct(out.naiveGateFalseAlarmRate)}), detection ${pct(out.gateDetectionRate)} (naive ${pct(out.naiveGateDetectionRate)}), ${out.gateQuestionsPerSide}x the benchmark asked per side (same ${out.gateQuestionsPerSideSame}x, regressed ${out.gateQuestionsPerSideRegressed}x); ${out.gateSmallerRegressionPoints}-point regression: detection ${pct(out.gateSmallerDetectionRate)} (naive ${pct(out.naiveGateSmallerDetectionRate)}), ${out.gateQuestionsPerSideSmaller}x; ${out.gateBenchMs} ms`,
    );
    return out;
  } finally {
    await inner.close();
  }
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export const gateSection: BenchSection = {
  name: 'gate',
  run: (context) => runGateBench(context),
};
