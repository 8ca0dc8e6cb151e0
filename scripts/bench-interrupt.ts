/**
 * `npm run bench` section "interrupt": what running the embedded warehouse in a worker thread
 * costs. A trivial statement's round trip (the per-statement price), how late a runaway
 * statement is stopped after its timeout, and what the statement after a stop pays to start a
 * fresh worker and reopen the database from its image (the per-timeout price).
 * From source the worker runs through tsx, which adds its loader to each start; the bundled
 * worker (dist/sqlite-worker) starts faster.
 */
import { sqliteHost } from '../src/local/sqlite-host.js';
import { openLocalWarehouse } from '../src/local/warehouse.js';
import type { BenchSection } from './bench-section.js';

const RUNAWAY = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c';
const TIMEOUT_MS = 200;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const round2 = (x: number): number => Math.round(x * 100) / 100;

export const interruptSection: BenchSection = {
  name: 'interrupt',
  async run({ rounds, log }) {
    const warehouse = await openLocalWarehouse({ data: 'demo' });
    try {
      await warehouse.execute('SELECT 1'); // the database opens in the worker on first use
      const trips: number[] = [];
      for (let i = 0; i < 200 * rounds; i++) {
        const t0 = performance.now();
        await warehouse.execute('SELECT 1');
        trips.push(performance.now() - t0);
      }
      const overruns: number[] = [];
      const restarts: number[] = [];
      const spawns = sqliteHost().stats.spawns;
      for (let r = 0; r < rounds; r++) {
        const t0 = performance.now();
        await warehouse.execute(RUNAWAY, { timeoutMs: TIMEOUT_MS }).catch(() => undefined);
        overruns.push(performance.now() - t0 - TIMEOUT_MS);
        const t1 = performance.now();
        await warehouse.execute('SELECT 1');
        restarts.push(performance.now() - t1);
      }
      const out = {
        statementRoundTripMs: round2(median(trips)),
        timeoutOverrunMs: round2(median(overruns)),
        workerRestartMs: round2(median(restarts)),
        workerSpawns: sqliteHost().stats.spawns - spawns,
      };
      log(
        `statement round trip ${out.statementRoundTripMs} ms (median of ${trips.length}); runaway stopped ` +
          `${out.timeoutOverrunMs} ms after its ${TIMEOUT_MS} ms timeout; the next statement (new worker, ` +
          `database reopened) took ${out.workerRestartMs} ms (median of ${rounds})`,
      );
      return out;
    } finally {
      await warehouse.close();
    }
  },
};
