import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  DatabricksApiError,
  DatabricksShapeError,
  createAuthFromEnv,
  errorBody,
  normalizeHost
} from "./chunk-G2KRRSCE.js";
import {
  SecretScrubber
} from "./chunk-K7TKUAUP.js";
import {
  quoteTableIdentifier
} from "./chunk-YUT4RWDR.js";
import {
  assertReadOnly
} from "./chunk-5G2X2JKW.js";
import "./chunk-6CTQWAUY.js";
import {
  backoffDelay,
  isRetryable,
  parseRetryAfter,
  sleep,
  withRetry
} from "./chunk-2YFC7YIM.js";
import {
  SpaceSchema,
  listSpaces,
  loadSpaceDir,
  serializeSpace
} from "./chunk-XWFLS6EG.js";
import {
  external_exports
} from "./chunk-CSAISFHI.js";
import {
  GenieGitopsError,
  WarehouseError,
  messageOf
} from "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/databricks/config.ts
var DEFAULT_QPM = 5;
function readDatabricksSettings(env) {
  const raw = env.DATABRICKS_HOST?.trim();
  if (!raw)
    throw new GenieGitopsError(
      "DATABRICKS_HOST is not set",
      "set it to the workspace URL (or to the URL `genie-gitops serve` prints)"
    );
  const host = normalizeHost(raw);
  const qpmText = env.GENIE_GITOPS_QPM?.trim();
  let qpm = isLoopback(host) ? void 0 : DEFAULT_QPM;
  if (qpmText) {
    const n = Number(qpmText);
    if (!Number.isFinite(n) || n < 0)
      throw new GenieGitopsError(
        `GENIE_GITOPS_QPM=${qpmText} is not valid`,
        "use a number of questions per minute, 0 for unlimited"
      );
    qpm = n === 0 ? void 0 : n;
  }
  const poll = {};
  const first = positive(env.GENIE_GITOPS_POLL_FIRST_MS);
  const giveUp = positive(env.GENIE_GITOPS_POLL_GIVE_UP_MS);
  if (first !== void 0) poll.firstMs = first;
  if (giveUp !== void 0) poll.giveUpMs = giveUp;
  const httpBackoffMs = positive(env.GENIE_GITOPS_HTTP_BACKOFF_MS);
  return { host, qpm, poll, ...httpBackoffMs !== void 0 ? { httpBackoffMs } : {} };
}
function isLoopback(host) {
  try {
    const name = new URL(host).hostname;
    return name === "localhost" || name === "[::1]" || name === "::1" || /^127\./.test(name);
  } catch {
    return false;
  }
}
function positive(text2) {
  const n = Number(text2);
  return text2 && Number.isFinite(n) && n > 0 ? n : void 0;
}

// src/databricks/eval-runs.ts
var count = external_exports.union([external_exports.number(), external_exports.string()]).optional();
var RunSchema = external_exports.looseObject({
  eval_run_id: external_exports.string(),
  eval_run_status: external_exports.string().optional(),
  num_questions: count,
  num_done: count
});
var ResultSummarySchema = external_exports.looseObject({
  result_id: external_exports.string(),
  benchmark_question_id: external_exports.string().optional()
});
var ResultListSchema = external_exports.looseObject({
  eval_results: external_exports.array(ResultSummarySchema).optional(),
  results: external_exports.array(ResultSummarySchema).optional(),
  next_page_token: external_exports.string().optional()
});
var ResponseSchema = external_exports.looseObject({
  response: external_exports.string().optional(),
  response_type: external_exports.string().optional()
});
var DetailSchema = external_exports.looseObject({
  result_id: external_exports.string().optional(),
  benchmark_question_id: external_exports.string().optional(),
  assessment: external_exports.string().optional(),
  assessment_reasons: external_exports.array(external_exports.union([external_exports.string(), external_exports.looseObject({})])).optional(),
  actual_response: external_exports.array(ResponseSchema).optional(),
  eval_run_status: external_exports.string().optional()
});
var TERMINAL = /* @__PURE__ */ new Set(["DONE", "EVALUATION_FAILED", "EVALUATION_CANCELLED", "EVALUATION_TIMEOUT"]);
var DEFAULT_EVAL_POLL = { firstMs: 500, factor: 1.5, maxMs: 3e4, giveUpMs: 30 * 6e4 };
function normalizeAssessment(value) {
  if (!value) return "UNKNOWN";
  const v = value.toUpperCase();
  if (v.endsWith("NEEDS_REVIEW")) return "NEEDS_REVIEW";
  if (v.endsWith("GOOD")) return "GOOD";
  if (v.endsWith("BAD")) return "BAD";
  return v;
}
function reasonText(reason) {
  if (typeof reason === "string") return reason;
  const r = reason;
  const named = r.reason ?? r.name ?? r.type ?? r.score_reason;
  return typeof named === "string" ? named : JSON.stringify(reason);
}
function createEvalRuns(options) {
  const ctx = {
    client: options.client,
    base: `/api/2.0/genie/spaces/${encodeURIComponent(options.spaceId)}/eval-runs`,
    poll: { ...DEFAULT_EVAL_POLL, ...options.poll },
    now: options.now ?? Date.now,
    sleep: options.sleep ?? sleep
  };
  return { evaluate: (questionIds, evalOptions = {}) => evaluate(ctx, questionIds, evalOptions.signal) };
}
async function evaluate(ctx, questionIds, signal) {
  const started = await ctx.client.request({
    method: "POST",
    path: ctx.base,
    body: questionIds ? { benchmark_question_ids: [...questionIds] } : {},
    schema: RunSchema,
    signal,
    // A retried POST whose first answer was lost would start a second run: one run per call.
    retries: 0
  });
  const runId = started.eval_run_id;
  const run = await waitForRun(ctx, runId, signal);
  const status = run.eval_run_status ?? "UNKNOWN";
  if (status !== "DONE")
    throw new GenieGitopsError(
      `Genie's eval run ${runId} ended ${status}`,
      "an infrastructure failure of the Beta API, not a verdict: re-run it, or use --scorer ours"
    );
  const assessments = [];
  for (const r of await listResults(ctx, runId, signal)) {
    const a = await readAssessment(ctx, runId, r.result_id, signal);
    if (a) assessments.push(a);
  }
  return { runId, status, assessments };
}
async function waitForRun(ctx, runId, signal) {
  const { poll } = ctx;
  const started = ctx.now();
  for (let delay = poll.firstMs; ; delay = Math.min(poll.maxMs, delay * poll.factor)) {
    const run = await ctx.client.request({ method: "GET", path: `${ctx.base}/${runId}`, schema: RunSchema, signal });
    if (TERMINAL.has(run.eval_run_status ?? "")) return run;
    if (ctx.now() - started > poll.giveUpMs)
      throw new GenieGitopsError(
        `Genie's eval run ${runId} is still ${run.eval_run_status ?? "running"} after ${Math.round(poll.giveUpMs / 6e4)} minutes`,
        "look at the run in the Genie UI (Benchmarks tab), or re-run with --scorer ours"
      );
    await ctx.sleep(delay, signal);
  }
}
async function listResults(ctx, runId, signal) {
  const out = [];
  let token;
  do {
    const page = await ctx.client.request({
      method: "GET",
      path: `${ctx.base}/${runId}/results`,
      query: { page_size: 100, page_token: token },
      schema: ResultListSchema,
      signal
    });
    out.push(...page.eval_results ?? page.results ?? []);
    token = page.next_page_token || void 0;
  } while (token);
  return out;
}
async function readAssessment(ctx, runId, resultId, signal) {
  const detail = await ctx.client.request({
    method: "GET",
    path: `${ctx.base}/${runId}/results/${encodeURIComponent(resultId)}`,
    schema: DetailSchema,
    signal
  });
  return toAssessment(detail);
}
function toAssessment(d) {
  if (!d.benchmark_question_id) return void 0;
  const sql = (d.actual_response ?? []).find((r) => (r.response_type ?? "SQL").toUpperCase().includes("SQL"));
  return {
    questionId: d.benchmark_question_id,
    assessment: normalizeAssessment(d.assessment),
    reasons: (d.assessment_reasons ?? []).map(reasonText),
    ...sql?.response ? { genieSql: sql.response } : {},
    raw: d
  };
}

// src/databricks/schemas.ts
var text = external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]);
var StatementStatusSchema = external_exports.looseObject({
  state: external_exports.string(),
  error: external_exports.looseObject({ error_code: external_exports.string().optional(), message: external_exports.string().optional() }).nullish()
});
var ColumnSchema = external_exports.looseObject({
  name: external_exports.string(),
  type_name: external_exports.string().optional(),
  type_text: external_exports.string().optional(),
  position: external_exports.number().optional()
});
var ManifestSchema = external_exports.looseObject({
  schema: external_exports.looseObject({ column_count: external_exports.number().optional(), columns: external_exports.array(ColumnSchema).optional() }).optional(),
  total_row_count: external_exports.number().optional(),
  total_chunk_count: external_exports.number().optional(),
  truncated: external_exports.boolean().optional()
});
var ResultChunkSchema = external_exports.looseObject({
  data_array: external_exports.array(external_exports.array(external_exports.union([external_exports.string(), external_exports.null()]))).optional(),
  row_count: external_exports.number().optional(),
  chunk_index: external_exports.number().optional(),
  next_chunk_index: external_exports.number().optional()
});
var StatementResponseSchema = external_exports.looseObject({
  statement_id: external_exports.string().optional(),
  status: StatementStatusSchema,
  manifest: ManifestSchema.nullish(),
  result: ResultChunkSchema.nullish()
});
var SubmittedStatementSchema = StatementResponseSchema.extend({ statement_id: external_exports.string() });
var QueryResultSchema = external_exports.looseObject({ statement_response: StatementResponseSchema });
var ThoughtSchema = external_exports.looseObject({ thought_type: external_exports.string().optional(), content: text.optional() });
var AttachmentSchema = external_exports.looseObject({
  attachment_id: external_exports.string().optional(),
  id: external_exports.string().optional(),
  query: external_exports.looseObject({
    query: external_exports.string().optional(),
    title: external_exports.string().optional(),
    statement_id: external_exports.string().optional(),
    thoughts: external_exports.array(ThoughtSchema).nullish()
  }).nullish(),
  text: external_exports.looseObject({ content: external_exports.string().optional(), purpose: external_exports.string().optional() }).nullish()
});
var MessageSchema = external_exports.looseObject({
  message_id: external_exports.string().optional(),
  id: external_exports.string().optional(),
  conversation_id: external_exports.string().optional(),
  status: external_exports.string(),
  attachments: external_exports.array(AttachmentSchema).nullish(),
  error: external_exports.looseObject({ error: external_exports.string().optional(), type: external_exports.string().optional() }).nullish()
});
var StartConversationSchema = external_exports.looseObject({
  conversation_id: external_exports.string(),
  message_id: external_exports.string(),
  message: MessageSchema.optional()
});
var SpaceResponseSchema = external_exports.looseObject({
  space_id: external_exports.string(),
  title: external_exports.string().optional(),
  description: external_exports.string().optional(),
  warehouse_id: external_exports.string().optional(),
  parent_path: external_exports.string().optional(),
  serialized_space: external_exports.string().optional(),
  etag: external_exports.string().optional()
});
var ListSpacesSchema = external_exports.looseObject({
  spaces: external_exports.array(SpaceResponseSchema).optional(),
  next_page_token: external_exports.string().optional()
});
var EmptySchema = external_exports.unknown();

// src/databricks/statement-values.ts
var INTEGER = /* @__PURE__ */ new Set(["INT", "INTEGER", "BIGINT", "LONG", "SMALLINT", "SHORT", "TINYINT", "BYTE"]);
var FLOAT = /* @__PURE__ */ new Set(["FLOAT", "DOUBLE", "REAL", "DECIMAL"]);
function convertCell(value, typeName) {
  if (value === null) return null;
  const type = typeName.toUpperCase().replace(/\(.*$/, "");
  if (INTEGER.has(type) || FLOAT.has(type)) {
    const n = Number(value);
    if (!Number.isFinite(n) || INTEGER.has(type) && !Number.isSafeInteger(n)) return value;
    return n;
  }
  if (type === "BOOLEAN") return value === "true" ? true : value === "false" ? false : value;
  return value;
}
function columnsOf(response) {
  const columns = response.manifest?.schema?.columns ?? [];
  return [...columns].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((c) => ({ name: c.name, type: (c.type_name ?? "").toUpperCase() }));
}
function toQueryResult(response, rows) {
  const columns = columnsOf(response);
  return {
    columns,
    rows: rows.map((row) => row.map((value, i) => convertCell(value, columns[i]?.type ?? ""))),
    truncated: response.manifest?.truncated ?? false
  };
}

// src/databricks/statement-warehouse.ts
var STATEMENTS = "/api/2.0/sql/statements";
var RUNNING = /* @__PURE__ */ new Set(["PENDING", "RUNNING"]);
function createStatementWarehouse(options) {
  const ctx = { client: options.client, warehouseId: options.warehouseId, options, submitted: 0 };
  return {
    execute: (sql, execOptions) => execute(ctx, sql, execOptions),
    schema: () => describeTables(ctx),
    get submitted() {
      return ctx.submitted;
    }
  };
}
async function execute(ctx, sql, execOptions = {}) {
  assertReadOnly(sql);
  const signal = execOptions.signal;
  if (signal?.aborted) throw new WarehouseError("the statement was cancelled", sql, "CANCELLED");
  const timeoutMs = execOptions.timeoutMs ?? ctx.options.timeoutMs ?? 12e4;
  const waitS = timeoutMs >= 5e3 ? Math.min(30, Math.floor(timeoutMs / 1e3)) : 0;
  const rowLimit = execOptions.rowLimit !== void 0 && execOptions.rowLimit > 0 ? execOptions.rowLimit : void 0;
  const deadline = Date.now() + timeoutMs;
  const submitted = await submit(ctx, sql, waitS, rowLimit, signal);
  const response = await pollUntilDone(ctx, submitted, { sql, deadline, timeoutMs, signal });
  throwUnlessSucceeded(response, sql);
  return readAllChunks(ctx.client, response, signal);
}
function submit(ctx, statement, waitS, rowLimit, signal) {
  ctx.submitted++;
  return ctx.client.request({
    method: "POST",
    path: STATEMENTS,
    body: {
      statement,
      warehouse_id: ctx.warehouseId,
      wait_timeout: `${waitS}s`,
      on_wait_timeout: "CONTINUE",
      format: "JSON_ARRAY",
      disposition: "INLINE",
      ...rowLimit !== void 0 ? { row_limit: rowLimit } : {}
    },
    schema: SubmittedStatementSchema,
    signal
  });
}
async function pollUntilDone(ctx, submitted, { sql, deadline, timeoutMs, signal }) {
  const id = submitted.statement_id;
  let response = submitted;
  let delay = ctx.options.pollFirstMs ?? 250;
  while (RUNNING.has(response.status.state)) {
    if (signal?.aborted || Date.now() >= deadline) {
      await cancel(ctx.client, id);
      if (signal?.aborted) throw new WarehouseError("the statement was cancelled", sql, "CANCELLED");
      throw new WarehouseError(`the statement ran longer than ${timeoutMs} ms and was cancelled`, sql, "TIMEOUT");
    }
    await sleep(Math.min(delay, Math.max(1, deadline - Date.now())), signal).catch(() => void 0);
    delay = Math.min(delay * 2, ctx.options.pollMaxMs ?? 5e3);
    if (signal?.aborted) continue;
    response = {
      ...await ctx.client.request({ method: "GET", path: `${STATEMENTS}/${id}`, schema: StatementResponseSchema }),
      statement_id: id
    };
  }
  return response;
}
function throwUnlessSucceeded(response, sql) {
  const state = response.status.state;
  if (state === "FAILED") {
    const error = response.status.error;
    throw new WarehouseError(
      error?.message || `the statement failed${error?.error_code ? ` (${error.error_code})` : ""}`,
      sql,
      "SQL_ERROR"
    );
  }
  if (state !== "SUCCEEDED") throw new WarehouseError(`the statement ended ${state}`, sql, "CANCELLED");
}
async function cancel(client, id) {
  await client.request({ method: "POST", path: `${STATEMENTS}/${id}/cancel`, schema: EmptySchema, retries: 1 }).catch(() => void 0);
}
async function describeTables(ctx) {
  const identifiers = [...new Set(ctx.options.tables().map((t) => t.toLowerCase()))].sort();
  const found = await Promise.all(identifiers.map((identifier) => describeTable(ctx, identifier)));
  return { tables: found.filter((t) => t !== void 0) };
}
async function describeTable(ctx, identifier) {
  const quoted = quoteTableIdentifier(identifier);
  if (!quoted) return void 0;
  const statement = `SELECT * FROM ${quoted} LIMIT 0`;
  assertReadOnly(statement);
  const response = await submit(ctx, statement, 30);
  let current = response;
  for (let delay = 250; RUNNING.has(current.status.state); delay = Math.min(delay * 2, 5e3)) {
    await sleep(delay);
    current = await ctx.client.request({
      method: "GET",
      path: `${STATEMENTS}/${response.statement_id}`,
      schema: StatementResponseSchema
    });
  }
  if (current.status.state !== "SUCCEEDED") return void 0;
  return { identifier, columns: columnsOf(current).map((c) => ({ name: c.name, type: c.type })) };
}
async function readAllChunks(client, response, signal) {
  const rows = [...response.result?.data_array ?? []];
  let next = response.result?.next_chunk_index;
  while (next !== void 0 && response.statement_id) {
    const chunk = await client.request({
      method: "GET",
      path: `${STATEMENTS}/${response.statement_id}/result/chunks/${next}`,
      schema: ResultChunkSchema,
      signal
    });
    rows.push(...chunk.data_array ?? []);
    next = chunk.next_chunk_index;
  }
  return toQueryResult(response, rows);
}

// src/databricks/genie-conversation.ts
var DEFAULT_POLL = { firstMs: 250, factor: 1.5, maxMs: 6e4, giveUpMs: 6e5 };
var GenieRateLimitError = class extends GenieGitopsError {
  constructor(message, retryAfterMs) {
    super(message, "Genie throttled the workspace; lower --qpm");
    this.retryAfterMs = retryAfterMs;
  }
  retryAfterMs;
  retryable = true;
  status = 429;
};
var TERMINAL2 = /* @__PURE__ */ new Set(["COMPLETED", "FAILED", "CANCELLED", "QUERY_RESULT_EXPIRED"]);
var INSTRUCTION_ID = /\b[0-9a-f]{32}\b/g;
function createGenieAdapter(options) {
  const ctx = {
    client: options.client,
    base: `/api/2.0/genie/spaces/${encodeURIComponent(options.spaceId)}`,
    limiter: options.limiter,
    poll: { ...DEFAULT_POLL, ...options.poll },
    now: options.now ?? Date.now,
    sleep: options.sleep ?? sleep
  };
  return {
    start: (question, askOptions) => start(ctx, question, askOptions),
    followUp: (conversationId, content, askOptions) => followUp(ctx, conversationId, content, askOptions),
    async ask(question, askOptions) {
      const { conversationId: _c, messageId: _m, ...answer } = await start(ctx, question, askOptions);
      return answer;
    }
  };
}
async function asking(ctx, post, signal) {
  await ctx.limiter?.acquire(signal);
  try {
    return await post();
  } catch (error) {
    if (error instanceof DatabricksApiError && error.status === 429) ctx.limiter?.pause(error.retryAfterMs ?? 1e3);
    throw error;
  }
}
async function start(ctx, question, askOptions = {}) {
  const signal = askOptions.signal;
  const started = await asking(
    ctx,
    () => ctx.client.request({
      method: "POST",
      path: `${ctx.base}/start-conversation`,
      body: { content: question },
      schema: StartConversationSchema,
      signal,
      retries: 0
    }),
    signal
  );
  return finish(ctx, started.conversation_id, started.message_id, started.message, signal);
}
async function followUp(ctx, conversationId, content, askOptions = {}) {
  const signal = askOptions.signal;
  const message = await asking(
    ctx,
    () => ctx.client.request({
      method: "POST",
      path: `${ctx.base}/conversations/${encodeURIComponent(conversationId)}/messages`,
      body: { content },
      schema: MessageSchema,
      signal,
      retries: 0
    }),
    signal
  );
  const messageId = message.message_id ?? message.id;
  if (!messageId)
    throw new GenieGitopsError(
      `POST ${ctx.base}/conversations/${conversationId}/messages: the answer names no message_id`
    );
  return finish(ctx, conversationId, messageId, message, signal);
}
async function finish(ctx, conversationId, messageId, first, signal) {
  const path = `${ctx.base}/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}`;
  const message = await pollMessage(ctx, path, first, signal);
  const answer = message ? await toAnswer(ctx, path, message, signal) : timedOut(ctx.poll);
  return { ...answer, conversationId, messageId };
}
async function pollMessage(ctx, path, first, signal) {
  const { poll, now } = ctx;
  const deadline = now() + poll.giveUpMs;
  let message = first;
  let delay = poll.firstMs;
  while (!message || !TERMINAL2.has(message.status)) {
    if (now() >= deadline) return void 0;
    await ctx.sleep(Math.min(delay, Math.max(1, deadline - now())), signal);
    delay = Math.min(delay * poll.factor, poll.maxMs);
    message = await ctx.client.request({ method: "GET", path, schema: MessageSchema, signal });
  }
  return message;
}
function timedOut(poll) {
  return {
    status: "FAILED",
    error: {
      type: "REPLY_PROCESS_TIMEOUT_EXCEPTION",
      message: `Genie did not finish within ${Math.round(poll.giveUpMs / 1e3)} s`
    }
  };
}
async function toAnswer(ctx, path, message, signal) {
  if (message.status === "FAILED") return failedAnswer(ctx, message);
  if (message.status !== "COMPLETED") {
    return {
      status: "CANCELLED",
      error: { type: message.status, message: `Genie ended the message ${message.status}` }
    };
  }
  const { answer, attachmentId } = completedAnswer(message);
  if (attachmentId)
    answer.result = await fetchResult(
      ctx,
      `${path}/attachments/${encodeURIComponent(attachmentId)}/query-result`,
      signal
    );
  return answer;
}
function failedAnswer(ctx, message) {
  const type = message.error?.type ?? "UNKNOWN";
  const text2 = message.error?.error ?? `Genie failed (${type})`;
  if (type.startsWith("RATE_LIMIT_EXCEEDED")) {
    ctx.limiter?.pause(1e3);
    throw new GenieRateLimitError(`Genie throttled the question: ${text2}`);
  }
  const sql = message.attachments?.find((a) => a.query?.query)?.query?.query;
  return { status: "FAILED", ...sql ? { sql } : {}, error: { type, message: text2 } };
}
function completedAnswer(message) {
  const attachments = message.attachments ?? [];
  const query = attachments.find((a) => a.query?.query);
  const text2 = attachments.map((a) => a.text?.content).filter((t) => !!t).join("\n");
  const instructionsUsed = instructionIds(attachments.flatMap((a) => a.query?.thoughts ?? []));
  const answer = { status: "COMPLETED", instructionsUsed };
  if (text2) answer.text = text2;
  if (!query?.query?.query) return { answer };
  answer.sql = query.query.query;
  const attachmentId = query.attachment_id ?? query.id;
  return attachmentId ? { answer, attachmentId } : { answer };
}
async function fetchResult(ctx, path, signal) {
  try {
    const body = await ctx.client.request({ method: "GET", path, schema: QueryResultSchema, signal });
    const response = body.statement_response;
    if (response.status.state !== "SUCCEEDED") return void 0;
    return await readAllChunks(ctx.client, response, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    if (error instanceof DatabricksApiError && !error.retryable) return void 0;
    throw error;
  }
}
function instructionIds(thoughts) {
  const ids = /* @__PURE__ */ new Set();
  for (const thought of thoughts) {
    if (thought.thought_type !== "THOUGHT_TYPE_INSTRUCTIONS") continue;
    const content = Array.isArray(thought.content) ? thought.content.join("\n") : thought.content ?? "";
    for (const match of content.toLowerCase().matchAll(INSTRUCTION_ID)) ids.add(match[0]);
  }
  return [...ids].sort();
}

// src/databricks/http-client.ts
var ASSUMED_RETRY_AFTER_MS = 1e3;
function createDatabricksClient(options) {
  const host = normalizeHost(options.host);
  const ctx = {
    auth: options.auth,
    doFetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 6e4,
    scrubber: options.auth.scrubber ?? new SecretScrubber()
  };
  const sleep2 = options.sleep ?? sleep;
  return {
    host,
    scrubber: ctx.scrubber,
    request(spec) {
      const url = buildUrl(host, spec.path, spec.query);
      return withRetry(() => attempt(ctx, spec, url), {
        retries: spec.retries ?? options.retries ?? 5,
        backoffMs: options.backoffMs ?? 500,
        maxDelayMs: options.maxDelayMs ?? 6e4,
        sleep: (ms) => sleep2(ms, spec.signal),
        random: options.random,
        signal: spec.signal
      });
    }
  };
}
async function attempt(ctx, spec, url) {
  for (let refreshed = false; ; refreshed = true) {
    const token = await ctx.auth.token(spec.signal);
    ctx.scrubber.add(token);
    const response = await send(ctx, spec, url, token);
    if (response.status === 401 && !refreshed && ctx.auth.invalidate()) {
      await response.body?.cancel().catch(() => void 0);
      continue;
    }
    const text2 = await readText(ctx, spec, response);
    if (!response.ok) throw apiError(ctx, spec, response, text2);
    return parseAnswer(spec, text2);
  }
}
async function send(ctx, spec, url, token) {
  const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
  if (spec.body !== void 0) headers["content-type"] = "application/json";
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
  try {
    return await ctx.doFetch(url, {
      method: spec.method,
      headers,
      body: spec.body === void 0 ? void 0 : JSON.stringify(spec.body),
      signal
    });
  } catch (error) {
    if (spec.signal?.aborted) throw spec.signal.reason ?? error;
    const what = timeout.aborted ? `no answer within ${ctx.timeoutMs} ms` : `connection failed (${ctx.scrubber.scrub(causeOf(error))})`;
    throw new DatabricksApiError(spec.method, spec.path, 0, timeout.aborted ? "TIMEOUT" : "NETWORK", what);
  }
}
async function readText(ctx, spec, response) {
  try {
    return await response.text();
  } catch (error) {
    if (spec.signal?.aborted) throw spec.signal.reason ?? error;
    throw new DatabricksApiError(
      spec.method,
      spec.path,
      0,
      "NETWORK",
      `connection dropped while reading the answer (${ctx.scrubber.scrub(causeOf(error))})`
    );
  }
}
function apiError(ctx, spec, response, text2) {
  const { code, message } = errorBody(text2);
  let retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  if (retryAfterMs === void 0 && (response.status === 429 || response.status === 503))
    retryAfterMs = ASSUMED_RETRY_AFTER_MS;
  return new DatabricksApiError(
    spec.method,
    spec.path,
    response.status,
    code,
    ctx.scrubber.scrub(message),
    retryAfterMs
  );
}
function parseAnswer(spec, text2) {
  const endpoint = `${spec.method} ${spec.path}`;
  let json;
  try {
    json = text2.trim() === "" ? {} : JSON.parse(text2);
  } catch {
    throw new DatabricksShapeError(endpoint, "$", "the body is not JSON");
  }
  const parsed = spec.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DatabricksShapeError(endpoint, issuePath(issue?.path ?? []), issue?.message ?? "unexpected shape");
  }
  return parsed.data;
}
function buildUrl(host, path, query) {
  const url = new URL(path, `${host}/`);
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== void 0) url.searchParams.set(key, String(value));
  return url.toString();
}
function issuePath(segments) {
  return `$${segments.map((s) => typeof s === "number" ? `[${s}]` : `.${String(s)}`).join("")}`;
}
function causeOf(error) {
  if (error instanceof Error) {
    const cause = error.cause;
    if (cause instanceof Error) return cause.code ?? cause.message;
    return error.message;
  }
  return String(error);
}

// src/databricks/space-store.ts
var SPACES = "/api/2.0/genie/spaces";
function createSpaceStore(client) {
  const pathOf = (spaceId) => `${SPACES}/${encodeURIComponent(spaceId)}`;
  return {
    async get(spaceId) {
      const body = await client.request({
        method: "GET",
        path: pathOf(spaceId),
        query: { include_serialized_space: true },
        schema: SpaceResponseSchema
      });
      if (!body.serialized_space) {
        throw new GenieGitopsError(
          `space ${spaceId} came back without its serialized_space`,
          "exporting a space needs CAN EDIT on it: grant that to the identity genie-gitops runs as"
        );
      }
      return toStored(body, decode(body.serialized_space, spaceId));
    },
    async update(spaceId, serializedSpace, options = {}) {
      const body = await client.request({
        method: "PATCH",
        path: pathOf(spaceId),
        body: {
          serialized_space: JSON.stringify(serializedSpace),
          ...options.etag ? { etag: options.etag } : {},
          ...options.title ? { title: options.title } : {}
        },
        schema: SpaceResponseSchema
      });
      return toStored(body, body.serialized_space ? decode(body.serialized_space, spaceId) : serializedSpace);
    },
    async create(input) {
      const body = await client.request({
        method: "POST",
        path: SPACES,
        body: {
          title: input.title,
          warehouse_id: input.warehouseId,
          serialized_space: JSON.stringify(input.serializedSpace),
          ...input.parentPath ? { parent_path: input.parentPath } : {},
          ...input.description ? { description: input.description } : {}
        },
        schema: SpaceResponseSchema,
        ...input.retries !== void 0 ? { retries: input.retries } : {}
      });
      return toStored(
        body,
        body.serialized_space ? decode(body.serialized_space, body.space_id) : input.serializedSpace
      );
    },
    async list(options = {}) {
      const out = [];
      let pageToken;
      do {
        const page = await client.request({
          method: "GET",
          path: SPACES,
          query: { page_size: options.pageSize ?? 100, page_token: pageToken },
          schema: ListSpacesSchema
        });
        for (const s of page.spaces ?? [])
          out.push({ spaceId: s.space_id, title: s.title ?? "", warehouseId: s.warehouse_id ?? "" });
        pageToken = page.next_page_token || void 0;
      } while (pageToken);
      return out;
    },
    async trash(spaceId) {
      try {
        await client.request({ method: "DELETE", path: pathOf(spaceId), schema: EmptySchema });
      } catch (error) {
        if (!(error instanceof DatabricksApiError && error.status === 404)) throw error;
      }
    }
  };
}
function decode(text2, spaceId) {
  try {
    return JSON.parse(text2);
  } catch {
    throw new GenieGitopsError(`space ${spaceId}: serialized_space is not valid JSON`);
  }
}
function toStored(body, serializedSpace) {
  return {
    spaceId: body.space_id,
    title: body.title ?? "",
    warehouseId: body.warehouse_id ?? "",
    serializedSpace,
    ...body.etag ? { etag: body.etag } : {}
  };
}

// src/util/interrupt-cleanup.ts
var pending = /* @__PURE__ */ new Set();
var SIGNALS = ["SIGINT", "SIGTERM"];
var CLEANUP_TIMEOUT_MS = 5e3;
function onSignal(signal) {
  uninstall();
  void runCleanups().finally(() => process.kill(process.pid, signal));
}
function install() {
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
function uninstall() {
  for (const signal of SIGNALS) process.off(signal, onSignal);
}
function onInterrupt(cleanup) {
  if (pending.size === 0) install();
  pending.add(cleanup);
  return () => {
    if (pending.delete(cleanup) && pending.size === 0) uninstall();
  };
}
async function runCleanups(timeoutMs = CLEANUP_TIMEOUT_MS) {
  const all = [...pending];
  pending.clear();
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([Promise.allSettled(all.map((cleanup) => cleanup())), timeout]);
  clearTimeout(timer);
}

// src/databricks/staging-space.ts
import { randomBytes } from "node:crypto";
var TEMPORARY_TITLE_PREFIX = "genie-gitops tmp";
var StagingChangedError = class extends GenieGitopsError {
  /** Read by the score runner: stop every question, not just this one. */
  abortsRun = true;
};
function openStaging(options) {
  if (options.mode === "shared") {
    const id = options.target.stagingSpaceId;
    if (!id)
      throw new GenieGitopsError(
        "staging: shared needs staging_space_id in target.yml",
        "add staging_space_id, or use the default staging: temporary"
      );
    return sharedStaging(options.store, id);
  }
  return temporaryStaging(options);
}
function canonicalOf(stored) {
  const parsed = SpaceSchema.safeParse(stored.serializedSpace);
  return parsed.success ? serializeSpace(parsed.data) : void 0;
}
async function syncSpace(spaces, spaceId, space) {
  const stored = await spaces.get(spaceId);
  const wanted = serializeSpace(space);
  if (canonicalOf(stored) === wanted) return false;
  try {
    await spaces.update(spaceId, JSON.parse(wanted), stored.etag ? { etag: stored.etag } : {});
  } catch (error) {
    if (canonicalOf(await spaces.get(spaceId)) !== wanted) throw error;
  }
  return true;
}
function sharedStaging(store, spaceId) {
  return {
    mode: "shared",
    async genieFor(space, open) {
      const wanted = serializeSpace(space);
      await syncSpace(store, spaceId, space);
      const genie = open(spaceId);
      return {
        async ask(question, askOptions) {
          if (canonicalOf(await store.get(spaceId)) !== wanted)
            throw new StagingChangedError(
              `the shared staging space ${spaceId} no longer holds the config this run set: another run or a person changed it while this one was scoring, so the run stopped rather than score a mix of configs`,
              "run again once nothing else uses it, keep every workflow that uses it in one concurrency group per space, or use staging: temporary (the default) where creating spaces is allowed"
            );
          return genie.ask(question, askOptions);
        }
      };
    },
    async spaceFor(space) {
      await syncSpace(store, spaceId, space);
      return spaceId;
    },
    close: async () => void 0
  };
}
function temporaryStaging(options) {
  const { store, target } = options;
  const title = `${TEMPORARY_TITLE_PREFIX} ${options.label} ${options.runId ?? randomBytes(4).toString("hex")}`;
  let spaceId;
  let uncertain = false;
  let closing;
  const findByTitle = async () => (await store.list()).find((s) => s.title === title)?.spaceId;
  async function create(space) {
    for (let attempt2 = 0; ; attempt2++) {
      try {
        const created = await store.create({
          title,
          warehouseId: target.warehouseId,
          serializedSpace: JSON.parse(serializeSpace(space)),
          ...target.parentPath ? { parentPath: target.parentPath } : {},
          // Never retried blindly: a retried POST whose first answer was lost creates a second space.
          retries: 0
        });
        return created.spaceId;
      } catch (error) {
        if (!isRetryable(error) || attempt2 >= 4) throw explainCreateFailure(error);
        uncertain = true;
        const found = await findByTitle();
        if (found) {
          await syncSpace(store, found, space);
          return found;
        }
        await sleep(backoffDelay(attempt2, options.backoffMs ?? 500));
      }
    }
  }
  async function spaceFor(space) {
    if (closing) throw new GenieGitopsError("the temporary staging space was already trashed");
    if (spaceId === void 0) spaceId = await create(space);
    else await syncSpace(store, spaceId, space);
    return spaceId;
  }
  return {
    mode: "temporary",
    spaceFor,
    async genieFor(space, open) {
      return open(await spaceFor(space));
    },
    close() {
      closing ??= (async () => {
        const ids = new Set(spaceId ? [spaceId] : []);
        if (uncertain) {
          for (const s of await store.list()) if (s.title === title) ids.add(s.spaceId);
        }
        for (const id of ids) await store.trash(id);
      })();
      return closing;
    }
  };
}
function explainCreateFailure(error) {
  const status = error.status;
  if (!(error instanceof GenieGitopsError) || status !== 403 && status !== 400) return error;
  return new GenieGitopsError(
    `could not create the temporary staging space: ${error.message}`,
    status === 403 ? "the identity may not create Genie spaces here: grant it, or set staging: shared with staging_space_id in target.yml (or --staging shared)" : "check warehouse_id and parent_path in target.yml (parent_path must exist), or use staging: shared"
  );
}

// src/wiring/databricks-backend.ts
function openClient(options) {
  const settings = readDatabricksSettings(options.env);
  const auth = createAuthFromEnv(options.env, options.auth);
  const client = createDatabricksClient({
    ...settings.httpBackoffMs !== void 0 ? { backoffMs: settings.httpBackoffMs } : {},
    ...options.client,
    host: settings.host,
    auth,
    fetch: options.client?.fetch ?? options.auth?.fetch
  });
  return { settings, client };
}
function checkTarget(target) {
  if (!target) {
    throw new GenieGitopsError(
      "the databricks backend needs spaces/<space>/target.yml",
      "add target.yml with title, live_space_id and warehouse_id"
    );
  }
  if (target.idsDerived) {
    throw new GenieGitopsError(
      `the databricks backend needs the workspace ids of bundle-declared space '${target.title}'`,
      "add <name>.target.yml beside its .geniespace.json with live_space_id and staging_space_id (the bundle does not record them in git)"
    );
  }
}
async function openDatabricksBackend(root, target, options) {
  checkTarget(target);
  const { settings, client } = openClient(options);
  const warehouse = createStatementWarehouse({
    client,
    warehouseId: target.warehouseId,
    tables: () => repositoryTables(root, target.warehouseId)
  });
  const spaces = createSpaceStore(client);
  const limiter = options.limiters.forHost(settings.host, settings.qpm);
  const staging = openStaging({
    store: spaces,
    target,
    mode: options.staging ?? target.staging ?? "temporary",
    label: options.label ?? target.title
  });
  const forget = onInterrupt(() => staging.close());
  return {
    name: "databricks",
    warehouse,
    // The workspace's data moves: answers kept from an earlier run count only on the same day.
    questionsPerMinute: settings.qpm,
    dataVersion: `${settings.host}|${target.warehouseId}|${(/* @__PURE__ */ new Date()).toISOString().slice(0, 10)}`,
    spaces,
    genieFor: (space) => staging.genieFor(space, (spaceId) => createGenieAdapter({ client, spaceId, limiter, poll: settings.poll })),
    genieEvalFor: async (space) => createEvalRuns({ client, spaceId: await staging.spaceFor(space) }),
    async close() {
      try {
        await staging.close();
      } catch (error) {
        process.emitWarning(
          `could not trash the temporary staging space (${messageOf(error)}); delete the space titled "genie-gitops tmp ${options.label ?? target.title} \u2026" by hand`,
          { code: "GENIE_GITOPS_STAGING_LEFT" }
        );
      } finally {
        forget();
      }
    }
  };
}
async function openDatabricksLive(root, target, options) {
  checkTarget(target);
  const { settings, client } = openClient(options);
  const stored = await createSpaceStore(client).get(target.liveSpaceId);
  const config = SpaceSchema.parse(stored.serializedSpace);
  const warehouseId = stored.warehouseId || target.warehouseId;
  const warehouse = createStatementWarehouse({
    client,
    warehouseId,
    tables: () => repositoryTables(root, warehouseId)
  });
  const limiter = options.limiters.forHost(settings.host, settings.qpm);
  const genie = createGenieAdapter({ client, spaceId: target.liveSpaceId, limiter, poll: settings.poll });
  return { config, genie, warehouse, close: async () => void 0 };
}
function repositoryTables(root, warehouseId) {
  const tables = [];
  for (const name of listSpaces(root)) {
    try {
      const dir = loadSpaceDir(root, name);
      if (dir.target && dir.target.warehouseId !== warehouseId) continue;
      for (const table of dir.space.data_sources?.tables ?? []) tables.push(table.identifier);
    } catch {
    }
  }
  return tables;
}
export {
  openDatabricksBackend,
  openDatabricksLive
};
