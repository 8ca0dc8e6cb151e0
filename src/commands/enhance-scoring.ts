/**
 * How `enhance` asks Genie: one answer store per config (by config hash), so a question is
 * asked at most once per config in a run, and, with a cache folder, across runs (the next
 * scheduled run starts from the config the last one ended on, whose answers are all known).
 * It implements the loop's ScreeningPort (ask some questions, compose a card) and counts every
 * Genie question and statement into the run's totals and its budget meter.
 */
import path from 'node:path';
import type { Benchmark } from '../benchmarks/types.js';
import { lintQuality } from '../lint/lint-space.js';
import type { BudgetMeter } from '../loop/budget.js';
import type { ScreeningPort } from '../loop/screening.js';
import { buildScorecard, type QuestionScore, type Scorecard } from '../scoring/scorecard.js';
import { findTaught } from '../scoring/taught.js';
import type { Reasker } from '../scoring/adaptive-repeats.js';
import { quoteName, quoteTableIdentifier } from '../sql/quote.js';
import { hashBenchmarks, hashSpace } from '../space/hash.js';
import type { Space } from '../space/schema.js';
import type { QueryResult } from '../ports.js';
import { readCachedAnswers, writeCachedAnswers } from './answer-cache.js';
import { configScorer, type ScoreOptions } from './score.js';
import type { Backend } from './workspace.js';

/** Text columns with more distinct values than this are not treated as value words. */
const MAX_VALUE_WORDS = 50;

export interface EnhanceCalls {
  genie: number;
  statements: number;
}

export interface EnhanceScoring {
  /** A full scoring: every question asked under `space` (answers of the same config reused). */
  score(space: Space): Promise<Scorecard>;
  reaskerOf(space: Space): Reasker;
  port: ScreeningPort;
  meter: BudgetMeter;
  /** Answers reused from earlier runs (the cache folder), in questions. */
  readonly reusedFromCache: number;
}

interface Entry {
  space: Space;
  answers: Map<string, QuestionScore>;
  /** Answers read from the cache folder and not asked in this run. */
  cached: Set<string>;
}

export interface EnhanceScoringOptions {
  scoring?: Pick<ScoreOptions, 'concurrency' | 'questionTimeoutMs' | 'retries' | 'backoffMs' | 'questionBudgetMs'>;
  /** Folder for answers across runs; undefined: this run only. */
  cacheDir?: string;
}

export function enhanceScoring(
  backend: Backend,
  spaceName: string,
  benchmarks: Benchmark[],
  calls: EnhanceCalls,
  options: EnhanceScoringOptions = {},
): EnhanceScoring {
  const entries = new Map<string, Entry>();
  // Expected SQL does not depend on the config: each runs once per run.
  const expectedCache = new Map<string, Promise<QueryResult>>();
  const scoring = { ...options.scoring, expectedCache };
  const byId = new Map(benchmarks.map((b) => [b.id, b]));
  const allIds = benchmarks.map((b) => b.id);
  const benchmarksHash = hashBenchmarks(benchmarks);
  let askingMs = 0;
  let reusedFromCache = 0;
  // Answers from earlier runs are only as good as the data they were compared on.
  const dataVersion = backend.dataVersion ?? '';
  const cacheDir = options.cacheDir && backend.dataVersion !== undefined ? options.cacheDir : undefined;

  const entryOf = (space: Space): Entry => {
    const hash = hashSpace(space);
    let entry = entries.get(hash);
    if (!entry) {
      entry = { space, answers: new Map(), cached: new Set() };
      if (cacheDir) {
        entry.answers = readCachedAnswers(cacheFile(cacheDir, spaceName, backend.name, hash), hash, dataVersion, byId);
        entry.cached = new Set(entry.answers.keys());
      }
      entries.set(hash, entry);
    }
    return entry;
  };

  const writeCache = (hash: string, entry: Entry) => {
    if (!cacheDir) return;
    const file = cacheFile(cacheDir, spaceName, backend.name, hash);
    writeCachedAnswers(file, { hash, backend: backend.name, data: dataVersion }, entry.answers);
  };

  const ask = async (space: Space, ids: readonly string[]): Promise<QuestionScore[]> => {
    const entry = entryOf(space);
    const missing = new Set(ids.filter((id) => !entry.answers.has(id) && byId.has(id)));
    if (missing.size > 0) {
      const wanted = benchmarks.filter((b) => missing.has(b.id));
      const card = await configScorer(backend, spaceName, space, wanted, scoring).score();
      calls.genie += card.calls.genie;
      calls.statements += card.calls.statements;
      askingMs += card.durationMs;
      for (const q of card.questions) entry.answers.set(q.id, q);
      writeCache(hashSpace(space), entry);
    }
    for (const id of ids) if (entry.answers.has(id) && entry.cached.delete(id)) reusedFromCache++;
    return ids.flatMap((id) => entry.answers.get(id) ?? []);
  };

  const compose = (space: Space, questions: readonly QuestionScore[]): Scorecard =>
    composeCard({ spaceName, backend: backend.name, benchmarks, benchmarksHash }, space, questions);

  const port: ScreeningPort = {
    ask,
    compose,
    answered: (space) => new Set(entryOf(space).answers.keys()),
    values: (table, column) => distinctValues(backend, calls, table, column),
  };
  return {
    score: async (space) => compose(space, await ask(space, allIds)),
    reaskerOf: (space) => countedReasker(() => configScorer(backend, spaceName, space, benchmarks, scoring), calls),
    port,
    meter: { asked: () => calls.genie, askingMs: () => askingMs },
    get reusedFromCache() {
      return reusedFromCache;
    },
  };
}

/** Re-asks through a scorer made when needed, counting what they cost into the run's totals. */
function countedReasker(scorer: () => Reasker, calls: EnhanceCalls): Reasker {
  return {
    reask: async (card, ids) => {
      const more = await scorer().reask(card, ids);
      calls.genie += more.calls.genie - card.calls.genie;
      calls.statements += more.calls.statements - card.calls.statements;
      return more;
    },
  };
}

/** A text column's distinct values, when there are few enough to be value words; undefined otherwise. */
async function distinctValues(
  backend: Backend,
  calls: EnhanceCalls,
  table: string,
  column: string,
): Promise<readonly string[] | undefined> {
  const from = quoteTableIdentifier(table);
  if (!from) return undefined;
  const col = quoteName(column);
  try {
    calls.statements++;
    const result = await backend.warehouse.execute(
      `SELECT DISTINCT ${col} FROM ${from} WHERE ${col} IS NOT NULL LIMIT ${MAX_VALUE_WORDS + 1}`,
    );
    if (result.rows.length > MAX_VALUE_WORDS) return undefined;
    return result.rows.map((r) => r[0]).filter((v): v is string => typeof v === 'string');
  } catch {
    return undefined; // the structural test stands in
  }
}

export function defaultAnswerCacheDir(root: string): string {
  return path.join(root, '.genie-gitops', 'cache', 'answers');
}

function cacheFile(dir: string, space: string, backend: string, configHash: string): string {
  return path.join(dir, space, `${backend}-${configHash.slice(0, 24)}.json`);
}

/** A scorecard of answers asked (or screened) under `space`, in benchmark order. */
function composeCard(
  run: { spaceName: string; backend: string; benchmarks: Benchmark[]; benchmarksHash: string },
  space: Space,
  questions: readonly QuestionScore[],
): Scorecard {
  const { benchmarks } = run;
  const order = new Map(benchmarks.map((b, i) => [b.id, i]));
  const sorted = [...questions].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const card = buildScorecard({
    space: run.spaceName,
    configHash: hashSpace(space),
    benchmarksHash: run.benchmarksHash,
    backend: run.backend,
    repeats: 1,
    questions: sorted,
    taught: new Set(findTaught(space, benchmarks).keys()),
    calls: {
      genie: sorted.reduce((n, q) => n + q.attempts, 0),
      statements: 0,
      // Every attempt of an ask after its first was a retry (a fault handled), also in a composed card.
      retries: sorted.reduce((n, q) => n + q.repeats.reduce((m, r) => m + Math.max(0, r.attempts - 1), 0), 0),
      rateLimited: 0,
    },
    durationMs: sorted.reduce((n, q) => n + q.durationMs, 0),
    startedAt: new Date().toISOString(),
  });
  return { ...card, quality: lintQuality({ space, benchmarks }) };
}
