/**
 * The enhancement loop on the demo from the thin config with the rules analyst, on the local
 * backend, in a throwaway copy of the repository (a dry run writes nothing anyway).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { enhanceCommand } from '../src/commands/enhance.js';
import type { BenchSection } from './bench-section.js';

export const enhanceSection: BenchSection = {
  name: 'enhance',
  async run({ root, log }) {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'genie-gitops-bench-'));
    try {
      for (const dir of ['spaces', 'benchmarks'])
        cpSync(path.join(root, dir), path.join(copy, dir), { recursive: true });
      const t0 = performance.now();
      const result = await enhanceCommand({
        root: copy,
        space: 'demo',
        backend: 'local',
        analyst: 'rules',
        dryRun: true,
      });
      const wallMs = Math.round(performance.now() - t0);
      const { before, after } = result;
      const points = (x: number) => (x * 100).toFixed(1);
      log(
        `rules analyst, thin demo config: train ${points(before.totals.train.score)}% -> ${points(after.totals.train.score)}%, ` +
          `holdout ${points(before.totals.holdout.score)}% -> ${points(after.totals.holdout.score)}% ` +
          `(+${points(after.totals.holdout.score - before.totals.holdout.score)} points) in ${result.iterations.length} iterations, ` +
          `${result.calls.scorings} configs scored, ${wallMs} ms`,
      );
      return {
        enhanceWallMs: wallMs,
        enhanceTrainAfter: Math.round(after.totals.train.score * 1000) / 1000,
        enhanceHoldoutGain: Math.round((after.totals.holdout.score - before.totals.holdout.score) * 1000) / 1000,
        enhanceScorings: result.calls.scorings,
      };
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  },
};
