/** Gathers the observable evidence of failing train questions for an analyst. */
import type { Benchmark } from '../benchmarks/types.js';
import type { FailureEvidence } from '../fixes/analyst.js';
import type { QueryResult, Warehouse } from '../ports.js';
import type { Scorecard } from '../scoring/scorecard.js';

const EVIDENCE_ROWS = 20;

/**
 * Failing train questions only: a holdout question never reaches an analyst, so the
 * holdout score stays an honest measure of generalisation.
 */
export async function gatherEvidence(
  card: Scorecard,
  benchmarks: Benchmark[],
  warehouse: Warehouse,
): Promise<FailureEvidence[]> {
  const byId = new Map(benchmarks.map((b) => [b.id, b]));
  const failures: FailureEvidence[] = [];
  for (const q of card.questions) {
    const benchmark = byId.get(q.id);
    // A broken expected SQL is the benchmark's fault, and an errored question an outage: neither is the config's.
    if (q.passed || q.errored || q.expectedError || !benchmark || benchmark.split !== 'train') continue;
    failures.push({
      id: q.id,
      question: benchmark.question,
      expectedSql: benchmark.sql,
      category: q.category ?? null,
      verdict: q.verdict ?? 'mismatch',
      genieSql: q.genieSql ?? null,
      genieText: q.genieText ?? undefined,
      error: q.error ?? undefined,
      expectedResult: await sample(warehouse, benchmark.sql),
      genieResult: q.genieSql ? await sample(warehouse, q.genieSql) : undefined,
    });
  }
  return failures;
}

async function sample(warehouse: Warehouse, sql: string): Promise<QueryResult | undefined> {
  try {
    // No row limit on the query itself: the same statement the scorer ran is then a cache hit.
    const result = await warehouse.execute(sql);
    return {
      ...result,
      rows: result.rows.slice(0, EVIDENCE_ROWS),
      truncated: result.truncated || result.rows.length > EVIDENCE_ROWS,
    };
  } catch {
    return undefined;
  }
}
