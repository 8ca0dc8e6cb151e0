/**
 * The cold-start section of `npm run bench` (issue 15): `validate` through the action's entry,
 * `node dist/index.js` with INPUT_* variables as the runner sets them, in a fresh copy of the
 * demo repository, five times; validateColdMs is the median wall time of one process (Node's
 * start, loading the bundle, validating with every expected SQL run on the demo's empty tables).
 * It measures the dist/ on disk: run `npm run bundle` first after changing src/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchSection } from './bench-section.js';

const RUNS = 5;

export const coldSection: BenchSection = {
  name: 'cold',
  async run({ root, log }): Promise<Record<string, number>> {
    const entry = path.join(root, 'dist', 'index.js');
    if (!existsSync(entry)) {
      log('no dist/index.js: run `npm run bundle` first');
      return {};
    }
    const work = mkdtempSync(path.join(os.tmpdir(), 'genie-gitops-cold-'));
    try {
      for (const dir of ['spaces', 'benchmarks'])
        cpSync(path.join(root, dir), path.join(work, dir), { recursive: true });
      const output = path.join(work, 'github-output');
      const summary = path.join(work, 'step-summary');
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? work,
        GITHUB_WORKSPACE: work,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        INPUT_COMMAND: 'validate',
        INPUT_SPACE: 'demo',
      };
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        writeFileSync(output, '');
        writeFileSync(summary, '');
        const t0 = performance.now();
        const run = spawnSync(process.execPath, [entry], { cwd: work, env, encoding: 'utf8' });
        times.push(performance.now() - t0);
        if (run.status !== 0) throw new Error(`validate through dist/index.js failed:\n${run.stdout}${run.stderr}`);
      }
      const sorted = [...times].sort((a, b) => a - b);
      const median = Math.round(sorted[Math.floor(sorted.length / 2)]);
      log(
        `validate cold through node dist/index.js (Node ${process.version}; the action runs on node24): ${times.map((t) => Math.round(t)).join(', ')} ms; median ${median} ms`,
      );
      return { validateColdMs: median };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
