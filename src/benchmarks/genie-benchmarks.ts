/**
 * Genie's own benchmark section (`benchmarks.questions` of the space file, shared/DATABRICKS-API.md
 * section 1) kept in step with `benchmarks/<space>.yml` (pure). Deploy writes our questions there
 * with stable 32-hex ids derived from our ids, so the same question keeps its id across deploys and
 * Genie's eval runs and Benchmarks tab see what git holds; export maps them back by the same ids.
 */
import { createHash } from 'node:crypto';
import type { Space } from '../space/schema.js';
import type { Benchmark } from './types.js';

/** What deploy writes into `benchmarks.questions`: nothing, the train split only, or every question. */
export const SYNC_BENCHMARK_MODES = ['none', 'train', 'all'] as const;
export type SyncBenchmarks = (typeof SYNC_BENCHMARK_MODES)[number];

const HEX32 = /^[0-9a-f]{32}$/;

/**
 * The id a benchmark has in the space file: our id itself when it already is a 32-hex id (a
 * question added in the Genie UI and exported keeps its id), else a hash of it. The hash is
 * namespaced so it never equals an id derived for another kind of item.
 */
export function genieQuestionId(id: string): string {
  if (HEX32.test(id)) return id;
  return createHash('sha256').update(`genie-gitops benchmark\u0000${id}`, 'utf8').digest('hex').slice(0, 32);
}

/** Text as Genie stores it: pieces that each end in a newline except the last (joined, they give the text back). */
export function toPieces(text: string): string[] {
  return text.split(/(?<=\n)/); // '' gives [''], never an empty list
}

export type GenieBenchmarkQuestion = NonNullable<NonNullable<Space['benchmarks']>['questions']>[number];

/** The benchmarks a mode syncs, shaped and sorted by id as Genie requires. */
export function toGenieQuestions(benchmarks: readonly Benchmark[], mode: SyncBenchmarks): GenieBenchmarkQuestion[] {
  if (mode === 'none') return [];
  return benchmarks
    .filter((b) => mode === 'all' || b.split === 'train')
    .map((b) => ({
      id: genieQuestionId(b.id),
      question: toPieces(b.question),
      answer: [{ format: 'SQL', content: toPieces(b.sql) }],
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The config deploy puts on the live space: the repository's config with `benchmarks.questions`
 * replaced by the synced ones (mode none: the config as it is, whatever it holds).
 */
export function withSyncedBenchmarks(space: Space, benchmarks: readonly Benchmark[], mode: SyncBenchmarks): Space {
  if (mode === 'none') return space;
  const copy = structuredClone(space);
  copy.benchmarks = { ...(copy.benchmarks ?? {}), questions: toGenieQuestions(benchmarks, mode) };
  return copy;
}

/** One of Genie's benchmark questions read back as plain text (tolerant of a missing or non-SQL answer). */
export interface ReadQuestion {
  id: string;
  question: string;
  sql?: string;
}

export function readGenieQuestions(space: Space): ReadQuestion[] {
  return (space.benchmarks?.questions ?? []).map((q) => {
    const sqlAnswer = (q.answer ?? []).find((a) => a.format.toUpperCase() === 'SQL');
    return {
      id: q.id,
      question: q.question.join('').trim(),
      ...(sqlAnswer ? { sql: sqlAnswer.content.join('').trim() } : {}),
    };
  });
}

/** The config without Genie's benchmark section (what the repository keeps when the questions live in the YAML). */
export function withoutBenchmarks(space: Space): Space {
  if (!space.benchmarks) return space;
  const copy = structuredClone(space);
  const rest = { ...copy.benchmarks };
  delete rest.questions;
  if (Object.keys(rest).length === 0) delete copy.benchmarks;
  else copy.benchmarks = rest;
  return copy;
}
