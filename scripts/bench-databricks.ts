/**
 * The databricks section of `npm run bench`: scores the demo through the databricks
 * adapters against `serve` (latency 300 ms, qpm 120, concurrency 4, repeats 2) and
 * compares the wall time with the lower bound max(N·repeats/QPM, N·repeats·latency/concurrency),
 * and the Genie questions and SQL statements the server saw with the minimum possible.
 */
import path from 'node:path';
import { loadBenchmarks } from '../src/benchmarks/loader.js';
import { scoreConfig } from '../src/commands/score.js';
import { loadSpace } from '../src/commands/workspace.js';
import { DEV_TOKEN } from '../src/serve/oauth.js';
import { startServe } from '../src/serve/server.js';
import { createBackendOpener } from '../src/wiring/backend.js';
import type { BenchSection } from './bench-section.js';

export const DATABRICKS_BENCH = { latencyMs: 300, qpm: 120, concurrency: 4, repeats: 2 };

const round2 = (x: number): number => Math.round(x * 100) / 100;

export const databricksSection: BenchSection = {
  name: 'databricks',
  async run({ root, log }) {
    const { latencyMs, qpm, concurrency, repeats } = DATABRICKS_BENCH;
    const serve = await startServe({ root, latencyMs, qpm });
    try {
      const env = { DATABRICKS_HOST: serve.url, DATABRICKS_TOKEN: DEV_TOKEN, GENIE_GITOPS_QPM: String(qpm) };
      const loaded = loadSpace(root, 'demo');
      const benchmarks = loadBenchmarks(path.join(root, 'benchmarks', 'demo.yml'), 'demo').benchmarks;
      const backend = await createBackendOpener({ backend: 'databricks', env }).open({ root, target: loaded.target });
      const asks0 = serve.stats.asks + serve.stats.rateLimited;
      const statements0 = serve.stats.statements;
      const t0 = performance.now();
      const card = await scoreConfig(backend, 'demo', loaded.space, benchmarks, { repeats, concurrency });
      const wallMs = Math.round(performance.now() - t0);
      await backend.close();

      const n = benchmarks.length;
      const boundMs = Math.round(Math.max((n * repeats * 60_000) / qpm, (n * repeats * latencyMs) / concurrency));
      const genieCalls = serve.stats.asks + serve.stats.rateLimited - asks0;
      const statements = serve.stats.statements - statements0;
      const minGenieCalls = n * repeats;
      const minStatements = new Set(benchmarks.map((b) => b.sql)).size;
      const ratio = round2(wallMs / boundMs);
      log(`serve: latency ${latencyMs} ms, qpm ${qpm}, concurrency ${concurrency}, repeats ${repeats}, ${n} questions`);
      log(`wall ${wallMs} ms vs lower bound ${boundMs} ms: ratio ${ratio} (target <= 1.2)`);
      log(
        `genie questions ${genieCalls} (minimum ${minGenieCalls}, 429s ${serve.stats.rateLimited}), SQL statements ${statements} (minimum ${minStatements})`,
      );
      log(
        `score ${Math.round(card.totals.all.score * 100)}% (train ${Math.round(card.totals.train.score * 100)}%, holdout ${Math.round(card.totals.holdout.score * 100)}%), scorer retries ${card.calls.retries}`,
      );
      return { wallMs, boundMs, ratio, genieCalls, minGenieCalls, statements, minStatements };
    } finally {
      await serve.close();
    }
  },
};
