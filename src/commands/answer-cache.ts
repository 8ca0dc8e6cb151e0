/**
 * Enhance's answers across runs: one file per config hash, read back only when the data and
 * each question's text and expected SQL are unchanged (the same inputs give the same verdict).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Benchmark } from '../benchmarks/types.js';
import type { QuestionScore } from '../scoring/scorecard.js';
import { writeFileAtomic } from '../util/atomic-write.js';

interface CachedAnswers {
  version: 1;
  configHash: string;
  backend: string;
  data: string;
  answers: Record<string, { question: string; expectedSql: string; score: QuestionScore }>;
}

/** The cached answers of one config that still hold for these benchmarks; none when the file is missing or damaged. */
export function readCachedAnswers(
  file: string,
  hash: string,
  dataVersion: string,
  byId: ReadonlyMap<string, Benchmark>,
): Map<string, QuestionScore> {
  const out = new Map<string, QuestionScore>();
  if (!existsSync(file)) return out;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CachedAnswers;
    if (data.version !== 1 || data.configHash !== hash || data.data !== dataVersion) return out;
    for (const [id, a] of Object.entries(data.answers)) {
      const b = byId.get(id);
      // Same question and expected SQL: the same inputs, so the same answer and verdict.
      if (!b || b.question !== a.question || b.sql !== a.expectedSql) continue;
      out.set(id, { ...a.score, split: b.split, tags: [...b.tags] });
    }
  } catch {
    // A damaged cache file is a miss.
  }
  return out;
}

/** Writes a config's answers; errored ones say nothing of the config and are asked again next time. */
export function writeCachedAnswers(
  file: string,
  key: { hash: string; backend: string; data: string },
  scores: ReadonlyMap<string, QuestionScore>,
): void {
  const answers: CachedAnswers['answers'] = {};
  for (const [id, score] of scores) {
    if (score.errored || score.expectedError !== undefined) continue;
    answers[id] = { question: score.question, expectedSql: score.expectedSql, score };
  }
  const data: CachedAnswers = { version: 1, configHash: key.hash, backend: key.backend, data: key.data, answers };
  writeFileAtomic(file, `${JSON.stringify(data)}\n`);
}
