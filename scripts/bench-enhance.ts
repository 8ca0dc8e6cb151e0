/**
 * The enhance section of `npm run bench` (issue 15): Genie questions per point of score.
 *   1. The demo loop from the thin config with the rules analyst on the local backend, as built
 *      (candidates screened, the final config confirmed by a full scoring), and
 *   2. the same loop with screening off (every candidate scored on the whole benchmark): the
 *      baseline the questions and the final scores are compared with;
 *   3. the loop through the databricks adapters against `serve` with latency and a QPM limit
 *      injected, scaled (QPM 600 instead of Genie's 5) to finish in well under a minute.
 * Each runs in a throwaway copy of the repository (a dry run writes nothing anyway), with no
 * answer cache across runs, so every question counted was asked.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { enhanceCommand, type EnhanceOptions, type EnhanceResult } from '../src/commands/enhance.js';
import { DEV_TOKEN } from '../src/serve/oauth.js';
import { startServe } from '../src/serve/server.js';
import { createBackendOpener } from '../src/wiring/backend.js';
import type { BenchSection } from './bench-section.js';

export const ENHANCE_SERVE_BENCH = { latencyMs: 100, qpm: 600 };

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const points = (x: number) => (x * 100).toFixed(1);

async function enhanceDemo(
  root: string,
  options: Partial<EnhanceOptions>,
): Promise<EnhanceResult & { wallMs: number }> {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'genie-gitops-bench-'));
  try {
    for (const dir of ['spaces', 'benchmarks']) cpSync(path.join(root, dir), path.join(copy, dir), { recursive: true });
    const t0 = performance.now();
    const result = await enhanceCommand({
      root: copy,
      space: 'demo',
      backend: createBackendOpener({ backend: 'local' }),
      analyst: 'rules',
      dryRun: true,
      cacheDir: false,
      ...options,
    });
    return { ...result, wallMs: Math.round(performance.now() - t0) };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function describe(label: string, r: EnhanceResult & { wallMs: number }): string {
  const { before, after } = r;
  const b = r.budget;
  return (
    `${label}: train-untaught ${points(before.totals.trainUntaught.score)}% -> ${points(after.totals.trainUntaught.score)}%, ` +
    `holdout ${points(before.totals.holdout.score)}% -> ${points(after.totals.holdout.score)}%, ` +
    `${r.calls.genie} Genie questions (${b?.candidates ?? 0} candidates, ${b?.confirmations ?? 0} full scorings), ` +
    `${r.iterations.length} iterations, ${r.wallMs} ms`
  );
}

/** The loop through the databricks adapters against serve (Genie answers from the local engine). */
async function enhanceOnServe(root: string): Promise<EnhanceResult & { wallMs: number }> {
  const { latencyMs, qpm } = ENHANCE_SERVE_BENCH;
  const serve = await startServe({ root, latencyMs, qpm });
  // The databricks backend's settings, handed down as the CLI hands its environment.
  const env = { DATABRICKS_HOST: serve.url, DATABRICKS_TOKEN: DEV_TOKEN, GENIE_GITOPS_QPM: String(qpm) };
  try {
    return await enhanceDemo(root, { backend: createBackendOpener({ backend: 'databricks', env }) });
  } finally {
    await serve.close();
  }
}

export const enhanceSection: BenchSection = {
  name: 'enhance',
  async run({ root, log }) {
    const built = await enhanceDemo(root, {});
    log(describe('as built (screening)   ', built));
    const baseline = await enhanceDemo(root, { screening: false });
    log(describe('baseline (no screening)', baseline));
    const size = built.budget?.benchmarkQuestions ?? built.before.totals.all.total;
    log(
      `Genie questions: ${built.calls.genie} vs ${baseline.calls.genie} (${(built.calls.genie / size).toFixed(2)}x the ${size}-question benchmark; acceptance <= 3x)`,
    );
    const served = await enhanceOnServe(root);
    const { latencyMs, qpm } = ENHANCE_SERVE_BENCH;
    log(describe(`serve (latency ${latencyMs} ms, qpm ${qpm})`, served));
    const at5 = served.calls.genie / 5;
    log(`  at Genie's 5 questions/min that run needs ${at5.toFixed(1)} min`);
    return {
      enhanceWallMs: built.wallMs,
      enhanceScorings: built.calls.scorings,
      enhanceGenieQuestions: built.calls.genie,
      enhanceBaselineGenieQuestions: baseline.calls.genie,
      enhanceTrainAfter: round3(built.after.totals.trainUntaught.score),
      enhanceBaselineTrainAfter: round3(baseline.after.totals.trainUntaught.score),
      enhanceHoldoutAfter: round3(built.after.totals.holdout.score),
      enhanceBaselineHoldoutAfter: round3(baseline.after.totals.holdout.score),
      enhanceHoldoutGain: round3(built.after.totals.holdout.score - built.before.totals.holdout.score),
      enhanceServeWallMs: served.wallMs,
      enhanceServeGenieQuestions: served.calls.genie,
      enhanceServeTrainAfter: round3(served.after.totals.trainUntaught.score),
    };
  },
};
