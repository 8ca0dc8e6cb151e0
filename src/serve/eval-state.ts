/**
 * Genie's benchmark eval runs on the emulator (Beta API, shared/DATABRICKS-API.md section 3b).
 * A run evaluates the space's `benchmarks.questions` (or the ids asked for): the local engine
 * answers each question over the space's config, the benchmark's SQL answer runs on the same
 * warehouse, and our result comparator assesses the pair (GOOD when it passes, BAD with reasons
 * otherwise), so an eval run agrees with our own scoring by construction. Results arrive
 * asynchronously, one at a time after the configured latency, as the real API's do: a run is
 * RUNNING with fewer results than questions until it is DONE.
 */
import { randomBytes } from 'node:crypto';
import { readGenieQuestions, type ReadQuestion } from '../benchmarks/genie-benchmarks.js';
import type { GenieAnswer, QueryResult, Warehouse } from '../ports.js';
import { compareWithTies } from '../scoring/order-ties.js';
import { isPassingVerdict } from '../scoring/result-comparator.js';
import { ordersOutput } from '../scoring/sql-shape.js';
import { HttpError } from './http-io.js';
import type { ServedSpace } from './space-state.js';
import { messageOf } from '../errors.js';

interface EvalResult {
  resultId: string;
  questionId: string;
  question: string;
  expectedSql: string;
  assessment: 'GOOD' | 'BAD' | 'NEEDS_REVIEW';
  reasons: string[];
  genieSql?: string;
  genieText?: string;
}

interface EvalRunRecord {
  id: string;
  spaceId: string;
  questions: number;
  createdAt: number;
  /** Filled in one by one; the run is DONE when every question has a result. */
  results: EvalResult[];
  failed?: string;
}

export type Answerer = (space: ServedSpace, warehouse: Warehouse, question: string) => Promise<GenieAnswer>;

/** Benchmark reasons from our comparison, in the API's vocabulary. */
function reasonsOf(expected: QueryResult, actual: QueryResult | undefined): string[] {
  if (!actual || actual.rows.length === 0) return ['EMPTY_RESULT'];
  if (actual.columns.length < expected.columns.length) return ['RESULT_MISSING_COLUMNS'];
  if (actual.rows.length < expected.rows.length) return ['RESULT_MISSING_ROWS'];
  if (actual.rows.length > expected.rows.length) return ['RESULT_EXTRA_ROWS'];
  return ['SINGLE_CELL_DIFFERENCE'];
}

export class EvalState {
  private readonly runs = new Map<string, EvalRunRecord>();

  constructor(
    private readonly answer: Answerer,
    private readonly latencyMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  create(space: ServedSpace, warehouse: Warehouse, ids: readonly string[] | undefined): EvalRunRecord {
    const all = readGenieQuestions(space.space);
    const unknown = (ids ?? []).filter((id) => !all.some((q) => q.id === id));
    if (unknown.length)
      throw new HttpError(
        400,
        'INVALID_PARAMETER_VALUE',
        `benchmark questions not in the space: ${unknown.join(', ')}`,
      );
    const chosen = ids ? all.filter((q) => ids.includes(q.id)) : all;
    if (chosen.length === 0)
      throw new HttpError(400, 'INVALID_PARAMETER_VALUE', 'the space has no benchmark questions to evaluate');
    const run: EvalRunRecord = {
      id: randomBytes(16).toString('hex'),
      spaceId: space.spaceId,
      questions: chosen.length,
      createdAt: this.now(),
      results: [],
    };
    this.runs.set(run.id, run);
    void this.evaluate(run, space, warehouse, chosen);
    return run;
  }

  private async evaluate(
    run: EvalRunRecord,
    space: ServedSpace,
    warehouse: Warehouse,
    questions: readonly ReadQuestion[],
  ): Promise<void> {
    try {
      for (const q of questions) {
        if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
        const { question } = q;
        const sql = q.sql ?? '';
        const answer = await this.answer(space, warehouse, question);
        run.results.push({
          resultId: randomBytes(16).toString('hex'),
          questionId: q.id,
          question,
          expectedSql: sql,
          ...(await this.assess(sql, answer, warehouse)),
          ...(answer.sql ? { genieSql: answer.sql } : {}),
          ...(answer.text ? { genieText: answer.text } : {}),
        });
      }
    } catch (error) {
      run.failed = messageOf(error);
    }
  }

  /** The same comparison as our scorer (compareWithTies): tiers, order when the SQL orders, ties allowed. */
  private async assess(
    sql: string,
    answer: GenieAnswer,
    warehouse: Warehouse,
  ): Promise<Pick<EvalResult, 'assessment' | 'reasons'>> {
    let expected: QueryResult;
    try {
      expected = await warehouse.execute(sql);
    } catch {
      // The benchmark's own SQL fails: nothing to compare with, a person has to look.
      return { assessment: 'NEEDS_REVIEW', reasons: ['RESULT_MISSING_ROWS'] };
    }
    const actual = answer.result;
    if (!answer.sql || !actual || answer.status !== 'COMPLETED')
      return { assessment: 'BAD', reasons: reasonsOf(expected, undefined) };
    const orderMatters = ordersOutput(sql);
    const comparison = await compareWithTies(expected, actual, sql, orderMatters, warehouse);
    if (isPassingVerdict(comparison.verdict))
      return { assessment: 'GOOD', reasons: comparison.verdict === 'superset' ? ['RESULT_EXTRA_COLUMNS'] : [] };
    return { assessment: 'BAD', reasons: reasonsOf(expected, actual) };
  }

  get(spaceId: string, runId: string): EvalRunRecord {
    const run = this.runs.get(runId);
    if (!run || run.spaceId !== spaceId)
      throw new HttpError(404, 'RESOURCE_DOES_NOT_EXIST', `eval run ${runId} does not exist`);
    return run;
  }

  list(spaceId: string): EvalRunRecord[] {
    return [...this.runs.values()].filter((r) => r.spaceId === spaceId).sort((a, b) => b.createdAt - a.createdAt);
  }

  runJson(run: EvalRunRecord): Record<string, unknown> {
    const done = run.results.length;
    const status = run.failed
      ? 'EVALUATION_FAILED'
      : done >= run.questions
        ? 'DONE'
        : done === 0
          ? 'NOT_STARTED'
          : 'RUNNING';
    return {
      eval_run_id: run.id,
      eval_run_status: status,
      run_by_user: 0,
      created_timestamp: run.createdAt,
      last_updated_timestamp: this.now(),
      num_questions: run.questions,
      num_done: done,
      num_correct: run.results.filter((r) => r.assessment === 'GOOD').length,
      num_needs_review: run.results.filter((r) => r.assessment === 'NEEDS_REVIEW').length,
    };
  }

  resultSummary(run: EvalRunRecord, r: EvalResult): Record<string, unknown> {
    return {
      result_id: r.resultId,
      benchmark_question_id: r.questionId,
      space_id: run.spaceId,
      question: r.question,
      benchmark_answer: r.expectedSql,
      status: 'DONE',
      created_by_user: 0,
    };
  }

  resultDetail(run: EvalRunRecord, resultId: string): Record<string, unknown> {
    const r = run.results.find((x) => x.resultId === resultId);
    if (!r) throw new HttpError(404, 'RESOURCE_DOES_NOT_EXIST', `eval result ${resultId} does not exist`);
    return {
      result_id: r.resultId,
      benchmark_question_id: r.questionId,
      space_id: run.spaceId,
      eval_run_status: 'DONE',
      assessment: r.assessment,
      assessment_reasons: r.reasons,
      manual_assessment: false,
      actual_response: r.genieSql
        ? [{ response: r.genieSql, response_type: 'SQL' }]
        : [{ response: r.genieText ?? '', response_type: 'TEXT' }],
      expected_response: [{ response: r.expectedSql, response_type: 'SQL' }],
    };
  }
}
