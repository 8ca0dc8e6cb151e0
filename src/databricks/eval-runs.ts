/**
 * Genie's own benchmark evaluation (Beta; shared/DATABRICKS-API.md section 3b) over the REST
 * client: start an eval run on a space, poll it with backoff until a terminal status, list its
 * results page by page, and read each result's detail (assessment, reasons, Genie's SQL). The
 * API is Beta, so every shape is parsed loosely: unknown fields are kept (`raw`), numbers may
 * come as strings, an assessment may carry a prefix, the result list may be named either way.
 */
import { z } from 'zod';
import { GenieGitopsError } from '../errors.js';
import type { EvalAssessment, EvalRun, GenieEvaluator } from '../ports.js';
import { sleep as abortableSleep } from '../util/retry.js';
import type { PollPolicy } from './genie-conversation.js';
import type { DatabricksClient } from './http-client.js';

const count = z.union([z.number(), z.string()]).optional();

const RunSchema = z.looseObject({
  eval_run_id: z.string(),
  eval_run_status: z.string().optional(),
  num_questions: count,
  num_done: count,
});

const ResultSummarySchema = z.looseObject({
  result_id: z.string(),
  benchmark_question_id: z.string().optional(),
});

const ResultListSchema = z.looseObject({
  eval_results: z.array(ResultSummarySchema).optional(),
  results: z.array(ResultSummarySchema).optional(),
  next_page_token: z.string().optional(),
});

const ResponseSchema = z.looseObject({
  response: z.string().optional(),
  response_type: z.string().optional(),
});

const DetailSchema = z.looseObject({
  result_id: z.string().optional(),
  benchmark_question_id: z.string().optional(),
  assessment: z.string().optional(),
  assessment_reasons: z.array(z.union([z.string(), z.looseObject({})])).optional(),
  actual_response: z.array(ResponseSchema).optional(),
  eval_run_status: z.string().optional(),
});

/** Run statuses after which nothing changes. Unknown statuses are treated as still running. */
const TERMINAL = new Set(['DONE', 'EVALUATION_FAILED', 'EVALUATION_CANCELLED', 'EVALUATION_TIMEOUT']);

export const DEFAULT_EVAL_POLL: PollPolicy = { firstMs: 500, factor: 1.5, maxMs: 30_000, giveUpMs: 30 * 60_000 };

export interface EvalRunsOptions {
  client: DatabricksClient;
  spaceId: string;
  poll?: Partial<PollPolicy>;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** GOOD / BAD / NEEDS_REVIEW out of whatever spelling the API uses (e.g. a prefixed enum). */
export function normalizeAssessment(value: string | undefined): string {
  if (!value) return 'UNKNOWN';
  const v = value.toUpperCase();
  if (v.endsWith('NEEDS_REVIEW')) return 'NEEDS_REVIEW';
  if (v.endsWith('GOOD')) return 'GOOD';
  if (v.endsWith('BAD')) return 'BAD';
  return v;
}

function reasonText(reason: unknown): string {
  if (typeof reason === 'string') return reason;
  const r = reason as Record<string, unknown>;
  const named = r.reason ?? r.name ?? r.type ?? r.score_reason;
  return typeof named === 'string' ? named : JSON.stringify(reason);
}

/** What every step of one evaluator shares: the client, the run route and the polling clock. */
interface EvalContext {
  client: DatabricksClient;
  base: string;
  poll: PollPolicy;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function createEvalRuns(options: EvalRunsOptions): GenieEvaluator {
  const ctx: EvalContext = {
    client: options.client,
    base: `/api/2.0/genie/spaces/${encodeURIComponent(options.spaceId)}/eval-runs`,
    poll: { ...DEFAULT_EVAL_POLL, ...options.poll },
    now: options.now ?? Date.now,
    sleep: options.sleep ?? abortableSleep,
  };
  return { evaluate: (questionIds, evalOptions = {}) => evaluate(ctx, questionIds, evalOptions.signal) };
}

/** Starts one run, waits for it to end, and reads every result's detail. */
async function evaluate(
  ctx: EvalContext,
  questionIds: readonly string[] | undefined,
  signal: AbortSignal | undefined,
): Promise<EvalRun> {
  const started = await ctx.client.request({
    method: 'POST',
    path: ctx.base,
    body: questionIds ? { benchmark_question_ids: [...questionIds] } : {},
    schema: RunSchema,
    signal,
    // A retried POST whose first answer was lost would start a second run: one run per call.
    retries: 0,
  });
  const runId = started.eval_run_id;
  const run = await waitForRun(ctx, runId, signal);
  const status = run.eval_run_status ?? 'UNKNOWN';
  if (status !== 'DONE')
    throw new GenieGitopsError(
      `Genie's eval run ${runId} ended ${status}`,
      'an infrastructure failure of the Beta API, not a verdict: re-run it, or use --scorer ours',
    );
  const assessments: EvalAssessment[] = [];
  for (const r of await listResults(ctx, runId, signal)) {
    const a = await readAssessment(ctx, runId, r.result_id, signal);
    if (a) assessments.push(a);
  }
  return { runId, status, assessments };
}

/** Polls the run with growing gaps until a terminal status; throws past the give-up time. */
async function waitForRun(ctx: EvalContext, runId: string, signal?: AbortSignal): Promise<z.infer<typeof RunSchema>> {
  const { poll } = ctx;
  const started = ctx.now();
  for (let delay = poll.firstMs; ; delay = Math.min(poll.maxMs, delay * poll.factor)) {
    const run = await ctx.client.request({ method: 'GET', path: `${ctx.base}/${runId}`, schema: RunSchema, signal });
    if (TERMINAL.has(run.eval_run_status ?? '')) return run;
    if (ctx.now() - started > poll.giveUpMs)
      throw new GenieGitopsError(
        `Genie's eval run ${runId} is still ${run.eval_run_status ?? 'running'} after ${Math.round(poll.giveUpMs / 60_000)} minutes`,
        'look at the run in the Genie UI (Benchmarks tab), or re-run with --scorer ours',
      );
    await ctx.sleep(delay, signal);
  }
}

/** Every result summary of the run, following next_page_token. */
async function listResults(
  ctx: EvalContext,
  runId: string,
  signal?: AbortSignal,
): Promise<z.infer<typeof ResultSummarySchema>[]> {
  const out: z.infer<typeof ResultSummarySchema>[] = [];
  let token: string | undefined;
  do {
    const page = await ctx.client.request({
      method: 'GET',
      path: `${ctx.base}/${runId}/results`,
      query: { page_size: 100, page_token: token },
      schema: ResultListSchema,
      signal,
    });
    out.push(...(page.eval_results ?? page.results ?? []));
    token = page.next_page_token || undefined;
  } while (token);
  return out;
}

async function readAssessment(
  ctx: EvalContext,
  runId: string,
  resultId: string,
  signal?: AbortSignal,
): Promise<EvalAssessment | undefined> {
  const detail = await ctx.client.request({
    method: 'GET',
    path: `${ctx.base}/${runId}/results/${encodeURIComponent(resultId)}`,
    schema: DetailSchema,
    signal,
  });
  return toAssessment(detail);
}

/** One result detail as an assessment; undefined when it names no benchmark question. */
function toAssessment(d: z.infer<typeof DetailSchema>): EvalAssessment | undefined {
  if (!d.benchmark_question_id) return undefined;
  const sql = (d.actual_response ?? []).find((r) => (r.response_type ?? 'SQL').toUpperCase().includes('SQL'));
  return {
    questionId: d.benchmark_question_id,
    assessment: normalizeAssessment(d.assessment),
    reasons: (d.assessment_reasons ?? []).map(reasonText),
    ...(sql?.response ? { genieSql: sql.response } : {}),
    raw: d as Record<string, unknown>,
  };
}
