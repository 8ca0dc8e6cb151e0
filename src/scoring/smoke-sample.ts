/**
 * The smoke sample of post-deploy verification (pure): a fixed, stratified subset of the
 * benchmarks. Strata are split x category (a question's first tag, else "untagged"), so train
 * and holdout and every kind of question are asked; within a stratum questions are taken in
 * the order of a hash of their id, so the same benchmarks give the same sample on every deploy
 * (a drop is then measured on the same questions, never on a lucky draw).
 */
import { createHash } from 'node:crypto';
import type { Benchmark } from '../benchmarks/types.js';

export const DEFAULT_SMOKE_SIZE = 10;

const rank = (id: string) => createHash('sha256').update(`smoke\u0000${id}`, 'utf8').digest('hex');

function stratumOf(b: Benchmark): string {
  return `${b.split}\u0000${b.tags[0] ?? 'untagged'}`;
}

/** Up to `size` benchmarks, round-robin over the strata (largest first), in benchmark order. */
export function smokeSample(benchmarks: readonly Benchmark[], size: number = DEFAULT_SMOKE_SIZE): Benchmark[] {
  if (size >= benchmarks.length) return [...benchmarks];
  const strata = new Map<string, Benchmark[]>();
  for (const b of benchmarks) {
    const key = stratumOf(b);
    const list = strata.get(key) ?? [];
    list.push(b);
    strata.set(key, list);
  }
  // Holdout and train alternate at the top of the round: both splits are in even a tiny sample.
  const queues = [...strata.entries()]
    .map(([key, list]) => ({ key, list: [...list].sort((a, b) => (rank(a.id) < rank(b.id) ? -1 : 1)) }))
    .sort((a, b) => b.list.length - a.list.length || (a.key < b.key ? -1 : 1));
  const bySplit = (split: string) => queues.filter((q) => q.key.startsWith(`${split}\u0000`));
  const ordered = interleave(bySplit('train'), bySplit('holdout'));
  const chosen = new Set<string>();
  for (let round = 0; chosen.size < size; round++) {
    let took = false;
    for (const q of ordered) {
      const b = q.list[round];
      if (!b || chosen.size >= size) continue;
      chosen.add(b.id);
      took = true;
    }
    if (!took) break;
  }
  return benchmarks.filter((b) => chosen.has(b.id));
}

function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}
