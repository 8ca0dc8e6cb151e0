import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default (cores - 1) runs one file at a time on a 2-core runner, while most slow files wait on
    // child processes, git and loopback HTTP rather than on the CPU: one file per core keeps both busy.
    maxWorkers: Math.max(2, os.availableParallelism()),
    // Test files share a worker's loaded modules (no per-file re-import): the suite's import time was a fifth of it.
    // Tests therefore keep no state in modules; process-wide caches (demo images, parsed SQL) are pure.
    isolate: false,
  },
});
