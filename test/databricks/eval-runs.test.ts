/**
 * The eval-runs client (Beta API) with a scripted fetch: it polls with growing delays while the
 * run is not terminal (unknown statuses included), reads results page by page under either list
 * name, tolerates numbers as strings, prefixed assessments and object reasons, keeps unknown
 * fields, and reports a failed run as an error rather than a verdict.
 */
import { describe, expect, it } from 'vitest';
import { createPatAuth } from '../../src/databricks/auth.js';
import { createEvalRuns, normalizeAssessment } from '../../src/databricks/eval-runs.js';
import { createDatabricksClient } from '../../src/databricks/http-client.js';

function scripted(answer: (method: string, path: string, query: URLSearchParams) => unknown) {
  const calls: string[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push(`${init?.method} ${url.pathname}${url.search}`);
    return new Response(JSON.stringify(answer(init?.method ?? 'GET', url.pathname, url.searchParams)), { status: 200 });
  }) as typeof fetch;
  const client = createDatabricksClient({ host: 'https://ws.example', auth: createPatAuth('t'), fetch: fetchImpl });
  return { calls, client };
}

describe('eval runs client', () => {
  it('polls until DONE, pages results and parses loosely', async () => {
    let polls = 0;
    const { calls, client } = scripted((method, path, query) => {
      if (method === 'POST') return { eval_run_id: 'r1', eval_run_status: 'NOT_STARTED', num_questions: '2' };
      if (path.endsWith('/eval-runs/r1')) {
        polls++;
        return { eval_run_id: 'r1', eval_run_status: polls < 2 ? 'RUNNING' : polls < 3 ? 'QUEUED_SOMEHOW' : 'DONE' };
      }
      if (path.endsWith('/results'))
        return query.get('page_token')
          ? { results: [{ result_id: 'b', benchmark_question_id: 'q2' }] }
          : { eval_results: [{ result_id: 'a', benchmark_question_id: 'q1' }], next_page_token: '1' };
      if (path.endsWith('/results/a'))
        return {
          benchmark_question_id: 'q1',
          assessment: 'EVAL_ASSESSMENT_GOOD',
          actual_response: [{ response: 'SELECT 1', response_type: 'SQL', future_field: 1 }],
          something_new: { kept: true },
        };
      return {
        benchmark_question_id: 'q2',
        assessment: 'BAD',
        assessment_reasons: ['RESULT_MISSING_ROWS', { reason: 'LLM_JUDGE_MISSING_OR_INCORRECT_FILTER' }],
      };
    });
    const sleeps: number[] = [];
    const evaluator = createEvalRuns({
      client,
      spaceId: 's1',
      poll: { firstMs: 10, factor: 2, maxMs: 15 },
      sleep: async (ms) => void sleeps.push(ms),
    });
    const run = await evaluator.evaluate(['q1', 'q2']);
    expect(run.status).toBe('DONE');
    expect(sleeps).toEqual([10, 15]);
    expect(run.assessments.map((a) => [a.questionId, a.assessment, a.reasons, a.genieSql])).toEqual([
      ['q1', 'GOOD', [], 'SELECT 1'],
      ['q2', 'BAD', ['RESULT_MISSING_ROWS', 'LLM_JUDGE_MISSING_OR_INCORRECT_FILTER'], undefined],
    ]);
    expect(run.assessments[0].raw.something_new).toEqual({ kept: true });
    expect(calls[0]).toBe('POST /api/2.0/genie/spaces/s1/eval-runs');
    expect(calls.filter((c) => c.includes('/results?'))).toHaveLength(2);
  });

  it('a run that ends EVALUATION_FAILED is an error, not a verdict', async () => {
    const { client } = scripted((method) =>
      method === 'POST'
        ? { eval_run_id: 'r2', eval_run_status: 'RUNNING' }
        : { eval_run_id: 'r2', eval_run_status: 'EVALUATION_FAILED' },
    );
    const evaluator = createEvalRuns({ client, spaceId: 's1', sleep: async () => undefined });
    await expect(evaluator.evaluate()).rejects.toThrow(/ended EVALUATION_FAILED/);
  });

  it('normalises assessment spellings', () => {
    expect(['GOOD', 'bad', 'ASSESSMENT_NEEDS_REVIEW', undefined, 'WHATEVER'].map(normalizeAssessment)).toEqual([
      'GOOD',
      'BAD',
      'NEEDS_REVIEW',
      'UNKNOWN',
      'WHATEVER',
    ]);
  });
});
