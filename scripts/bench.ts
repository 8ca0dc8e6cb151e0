/**
 * `npm run bench`: measures the backends. Each section prints its own lines and
 * returns numbers; the last line of output is one JSON object merging them all, so
 * CI can track it. Sections are independent: a later one (e.g. a Databricks emulator)
 * is one more entry in SECTIONS.
 *
 * Usage: tsx scripts/bench.ts [--rounds N] [--only local,interrupt,enhance,databricks,gate,cold]
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadBenchmarks } from '../src/benchmarks/loader.js';
import type { Benchmark } from '../src/benchmarks/types.js';
import { createLocalGenie } from '../src/local/genie/index.js';
import { openLocalWarehouse } from '../src/local/warehouse.js';
import { runScore } from '../src/scoring/score-runner.js';
import type { Scorecard } from '../src/scoring/scorecard.js';
import { hashBenchmarks, hashSpace } from '../src/space/hash.js';
import type { Space } from '../src/space/schema.js';
import { readSpaceFile } from '../src/space/space-file.js';
import { pct } from '../src/util/percent.js';
import { coldSection } from './bench-cold.js';
import { databricksSection } from './bench-databricks.js';
import { enhanceSection } from './bench-enhance.js';
import { gateSection } from './bench-gate.js';
import { interruptSection } from './bench-interrupt.js';
import type { BenchContext, BenchSection } from './bench-section.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface ConfigRun {
  label: string;
  space: Space;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The embedded warehouse and local Genie engine: thin and described demo configs. */
export const localSection: BenchSection = {
  name: 'local',
  async run({ root, rounds, log }) {
    // Opening knows the schema only; the first statement generates the demo data.
    const t0 = performance.now();
    const warehouse = await openLocalWarehouse({ data: 'demo' });
    await warehouse.execute('SELECT 1');
    const openMs = performance.now() - t0;
    // A second open in the same process copies the cached image: what a score run after `init` pays.
    const t1 = performance.now();
    const again = await openLocalWarehouse({ data: 'demo' });
    await again.execute('SELECT 1');
    await again.close();
    const reopenMs = performance.now() - t1;
    log(
      `warehouse open and first statement: ${openMs.toFixed(0)} ms (first, generates the demo data), ${reopenMs.toFixed(0)} ms (again)`,
    );

    const benchmarks = loadBenchmarks(path.join(root, 'benchmarks', 'demo.yml'), 'demo').benchmarks;
    const configs: ConfigRun[] = [
      { label: 'thin', space: readSpaceFile(path.join(root, 'spaces', 'demo', 'space.json')) },
      { label: 'described', space: readSpaceFile(path.join(root, 'test', 'fixtures', 'demo-described', 'space.json')) },
    ];
    const out: Record<string, number> = { warehouseOpenMs: round2(openMs) };
    let totalQuestions = 0;
    let totalMs = 0;
    try {
      for (const config of configs) {
        const g0 = performance.now();
        const genie = await createLocalGenie(config.space, warehouse);
        const createMs = performance.now() - g0;
        // One warm-up pass, untimed: the first call of each SQL shape compiles regexes and plans.
        for (const b of benchmarks) await genie.answer(b.question);
        const timings: number[] = [];
        const s0 = performance.now();
        for (let r = 0; r < rounds; r++) {
          for (const b of benchmarks) {
            const q0 = performance.now();
            await genie.answer(b.question);
            timings.push(performance.now() - q0);
          }
        }
        const elapsed = performance.now() - s0;
        const perQuestion = elapsed / timings.length;
        const slowest = Math.max(...timings);
        totalQuestions += timings.length;
        totalMs += elapsed;

        const scorecard = await score(config.space, benchmarks, warehouse, genie);
        const { train, holdout, all } = scorecard.totals;
        log(
          `${config.label.padEnd(9)} ${(1000 / perQuestion).toFixed(1).padStart(7)} q/s  ${perQuestion.toFixed(2).padStart(7)} ms/question  ` +
            `p50 ${percentile(timings, 0.5).toFixed(2)} ms  max ${slowest.toFixed(1)} ms  genie setup ${createMs.toFixed(0)} ms  ` +
            `score ${pct(all.score)} (train ${pct(train.score)}, holdout ${pct(holdout.score)}), full score run ${scorecard.durationMs} ms`,
        );
        out[`${config.label}MsPerQuestion`] = round2(perQuestion);
        out[`${config.label}MaxMs`] = round2(slowest);
        out[`${config.label}ScoreRunMs`] = scorecard.durationMs;
        out[`${config.label}Train`] = round2(train.score);
        out[`${config.label}Holdout`] = round2(holdout.score);
        if (config.label === 'thin') out.thinScore = round2(all.score);
      }
    } finally {
      await warehouse.close();
    }
    out.msPerQuestion = round2(totalMs / totalQuestions);
    out.localQps = round2((1000 * totalQuestions) / totalMs);
    log(
      `local total: ${totalQuestions} questions in ${totalMs.toFixed(0)} ms: ${out.localQps} q/s, ${out.msPerQuestion} ms/question`,
    );
    return out;
  },
};

/** Scores a config the way `score --backend local` does (noise off, one repeat). */
function score(
  space: Space,
  benchmarks: Benchmark[],
  warehouse: Awaited<ReturnType<typeof openLocalWarehouse>>,
  genie: Awaited<ReturnType<typeof createLocalGenie>>,
): Promise<Scorecard> {
  return runScore({
    space: 'demo',
    configHash: hashSpace(space),
    benchmarksHash: hashBenchmarks(benchmarks),
    backend: 'local',
    benchmarks,
    genie,
    warehouse,
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Cold start first: it times fresh processes, as on a fresh runner, before the other sections load the machine. */
export const SECTIONS: BenchSection[] = [
  coldSection,
  localSection,
  interruptSection,
  enhanceSection,
  databricksSection,
  gateSection,
];

export async function runBench(
  options: { rounds?: number; only?: string[]; root?: string; log?: (line: string) => void } = {},
): Promise<Record<string, number>> {
  const context: BenchContext = {
    root: options.root ?? ROOT,
    rounds: Math.max(1, options.rounds ?? 5),
    log: options.log ?? ((line) => console.log(line)),
  };
  const result: Record<string, number> = {};
  for (const section of SECTIONS) {
    if (options.only && !options.only.includes(section.name)) continue;
    context.log(`== ${section.name} (${context.rounds} rounds)`);
    Object.assign(result, await section.run(context));
  }
  return result;
}

function parseArgs(argv: string[]): { rounds?: number; only?: string[] } {
  const out: { rounds?: number; only?: string[] } = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rounds') out.rounds = Number(argv[++i]);
    else if (argv[i] === '--only') out.only = (argv[++i] ?? '').split(',');
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runBench(parseArgs(process.argv.slice(2)))
    .then((result) => console.log(JSON.stringify(result)))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    });
}
