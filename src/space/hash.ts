/** Content hashes recorded in scorecards, so a score can be tied to the exact config and benchmarks. */
import { createHash } from 'node:crypto';
import { serializeSpace } from './canonical.js';
import type { Space } from './schema.js';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** sha256 of the canonical text: key order, sort order and whitespace do not change it. */
export function hashSpace(space: Space): string {
  return sha256(serializeSpace(space));
}

/** What of a benchmark question decides its score (benchmarks/types.ts Benchmark carries these). */
interface ScoredQuestion {
  id: string;
  question: string;
  sql: string;
  split: string;
  orderMatters?: boolean;
}

/** sha256 over what decides a score (id, question, sql, split, orderMatters), independent of file order and tags. */
export function hashBenchmarks(benchmarks: readonly ScoredQuestion[]): string {
  const rows = [...benchmarks]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((b) => [b.id, b.question, b.sql, b.split, b.orderMatters ?? null]);
  return sha256(JSON.stringify(rows));
}
