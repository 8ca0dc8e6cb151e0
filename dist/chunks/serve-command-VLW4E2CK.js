import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  createLocalGenie,
  openWarehouseFor
} from "./chunk-DTHPFF6N.js";
import "./chunk-I525QUES.js";
import "./chunk-EZP4HJED.js";
import {
  SERVE,
  parseCommandArgs
} from "./chunk-EPEBURQV.js";
import {
  numberOption
} from "./chunk-LSOMVX3T.js";
import {
  mulberry32
} from "./chunk-VDN3VUND.js";
import "./chunk-YUT4RWDR.js";
import {
  readGenieQuestions
} from "./chunk-NHHR2HFI.js";
import {
  compareWithTies,
  isPassingVerdict
} from "./chunk-OBC2LCYV.js";
import "./chunk-MBZJZHDO.js";
import {
  ordersOutput
} from "./chunk-UNMHX7W3.js";
import "./chunk-SD433YDN.js";
import "./chunk-5G2X2JKW.js";
import {
  findThreePartNames
} from "./chunk-6CTQWAUY.js";
import {
  listSpaces,
  loadSpaceDir,
  parseSpaceText,
  serializeSpace
} from "./chunk-XWFLS6EG.js";
import "./chunk-CSAISFHI.js";
import {
  ReadOnlyViolationError,
  ValidationError,
  WarehouseError,
  messageOf
} from "./chunk-IX2IGMNH.js";
import "./chunk-C6B32G2J.js";

// src/cli/serve-command.ts
import path from "node:path";

// src/serve/oauth.ts
import { randomBytes } from "node:crypto";

// src/serve/http-io.ts
var HttpError = class extends Error {
  constructor(status, errorCode, message, headers = {}) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.headers = headers;
  }
  status;
  errorCode;
  headers;
};
async function readBody(req, limit = 5 * 1024 * 1024) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk;
    size += buffer.length;
    if (size > limit) throw new HttpError(413, "INVALID_PARAMETER_VALUE", "request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
function parseJsonBody(text) {
  if (text.trim() === "") return {};
  try {
    const value = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value;
  } catch {
  }
  throw new HttpError(400, "MALFORMED_REQUEST", "the request body is not a JSON object");
}
function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}
function sendError(res, error) {
  sendJson(res, error.status, { error_code: error.errorCode, message: error.message }, error.headers);
}
function requireString(body, field) {
  const value = body[field];
  if (typeof value !== "string" || value === "")
    throw new HttpError(400, "INVALID_PARAMETER_VALUE", `${field} is required (a non-empty string)`);
  return value;
}

// src/serve/oauth.ts
var DEV_TOKEN = "dapi-genie-gitops-serve-dev";
var DEV_CLIENT_ID = "genie-gitops-serve-client";
var DEV_CLIENT_SECRET = "genie-gitops-serve-secret";
var DEV_SUBJECT_TOKEN = "genie-gitops-serve-github-oidc-token";
var DEV_AUDIENCE = "genie-gitops-serve";
var OAuthState = class {
  constructor(options) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }
  options;
  issued = /* @__PURE__ */ new Map();
  now;
  issuedCount = 0;
  /** Throws 401 unless the Authorization header carries an accepted token. */
  authenticate(header) {
    const token = /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1]?.trim();
    if (token && token === (this.options.token ?? DEV_TOKEN)) return;
    const expires = token ? this.issued.get(token) : void 0;
    if (expires !== void 0 && this.now() < expires) return;
    throw new HttpError(
      401,
      "UNAUTHENTICATED",
      token ? "Invalid access token." : "Credential was not sent or was of an unsupported type for this API."
    );
  }
  /** Expires every issued token (tests of the refresh-on-401 path). */
  expireAll() {
    for (const token of this.issued.keys()) this.issued.set(token, 0);
  }
  /** Handles POST /oidc/v1/token (form body); returns the OAuth answer or throws an OAuth-style error. */
  token(form, authorization) {
    const grant = form.get("grant_type");
    if (grant === "client_credentials") {
      const basic = /^Basic\s+(.+)$/i.exec(authorization ?? "")?.[1];
      const [id, secret] = basic ? splitOnce(Buffer.from(basic, "base64").toString("utf8")) : [form.get("client_id") ?? "", form.get("client_secret") ?? ""];
      if (id !== (this.options.clientId ?? DEV_CLIENT_ID) || secret !== (this.options.clientSecret ?? DEV_CLIENT_SECRET)) {
        throw new HttpError(401, "invalid_client", "Client authentication failed");
      }
      return this.issue(form.get("scope"));
    }
    if (grant === "urn:ietf:params:oauth:grant-type:token-exchange") {
      if (form.get("subject_token_type") !== "urn:ietf:params:oauth:token-type:jwt")
        throw new HttpError(400, "invalid_request", "subject_token_type must be urn:ietf:params:oauth:token-type:jwt");
      if (form.get("subject_token") !== (this.options.subjectToken ?? DEV_SUBJECT_TOKEN))
        throw new HttpError(401, "invalid_grant", "the subject token does not match any federation policy");
      const clientId = form.get("client_id");
      if (clientId && this.options.federationClientId && clientId !== this.options.federationClientId)
        throw new HttpError(401, "invalid_client", "unknown service principal");
      return this.issue(form.get("scope"));
    }
    throw new HttpError(400, "unsupported_grant_type", `grant_type ${grant ?? "(missing)"} is not supported`);
  }
  issue(scope) {
    if (scope !== null && !scope.split(" ").includes("all-apis"))
      throw new HttpError(400, "invalid_scope", "scope must include all-apis");
    const ttl = this.options.tokenTtlS ?? 3600;
    const token = `serve-oauth-${randomBytes(24).toString("hex")}`;
    this.issued.set(token, this.now() + ttl * 1e3);
    this.issuedCount++;
    return { access_token: token, token_type: "Bearer", expires_in: ttl, scope: "all-apis" };
  }
};
function splitOnce(text) {
  const i = text.indexOf(":");
  return i < 0 ? [text, ""] : [text.slice(0, i), text.slice(i + 1)];
}

// src/serve/server.ts
import { createServer } from "node:http";

// src/serve/eval-state.ts
import { randomBytes as randomBytes2 } from "node:crypto";
function reasonsOf(expected, actual) {
  if (!actual || actual.rows.length === 0) return ["EMPTY_RESULT"];
  if (actual.columns.length < expected.columns.length) return ["RESULT_MISSING_COLUMNS"];
  if (actual.rows.length < expected.rows.length) return ["RESULT_MISSING_ROWS"];
  if (actual.rows.length > expected.rows.length) return ["RESULT_EXTRA_ROWS"];
  return ["SINGLE_CELL_DIFFERENCE"];
}
var EvalState = class {
  constructor(answer, latencyMs, now = Date.now) {
    this.answer = answer;
    this.latencyMs = latencyMs;
    this.now = now;
  }
  answer;
  latencyMs;
  now;
  runs = /* @__PURE__ */ new Map();
  create(space, warehouse, ids) {
    const all = readGenieQuestions(space.space);
    const unknown = (ids ?? []).filter((id) => !all.some((q) => q.id === id));
    if (unknown.length)
      throw new HttpError(
        400,
        "INVALID_PARAMETER_VALUE",
        `benchmark questions not in the space: ${unknown.join(", ")}`
      );
    const chosen = ids ? all.filter((q) => ids.includes(q.id)) : all;
    if (chosen.length === 0)
      throw new HttpError(400, "INVALID_PARAMETER_VALUE", "the space has no benchmark questions to evaluate");
    const run = {
      id: randomBytes2(16).toString("hex"),
      spaceId: space.spaceId,
      questions: chosen.length,
      createdAt: this.now(),
      results: []
    };
    this.runs.set(run.id, run);
    void this.evaluate(run, space, warehouse, chosen);
    return run;
  }
  async evaluate(run, space, warehouse, questions) {
    try {
      for (const q of questions) {
        if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
        const { question } = q;
        const sql = q.sql ?? "";
        const answer = await this.answer(space, warehouse, question);
        run.results.push({
          resultId: randomBytes2(16).toString("hex"),
          questionId: q.id,
          question,
          expectedSql: sql,
          ...await this.assess(sql, answer, warehouse),
          ...answer.sql ? { genieSql: answer.sql } : {},
          ...answer.text ? { genieText: answer.text } : {}
        });
      }
    } catch (error) {
      run.failed = messageOf(error);
    }
  }
  /** The same comparison as our scorer (compareWithTies): tiers, order when the SQL orders, ties allowed. */
  async assess(sql, answer, warehouse) {
    let expected;
    try {
      expected = await warehouse.execute(sql);
    } catch {
      return { assessment: "NEEDS_REVIEW", reasons: ["RESULT_MISSING_ROWS"] };
    }
    const actual = answer.result;
    if (!answer.sql || !actual || answer.status !== "COMPLETED")
      return { assessment: "BAD", reasons: reasonsOf(expected, void 0) };
    const orderMatters = ordersOutput(sql);
    const comparison = await compareWithTies(expected, actual, sql, orderMatters, warehouse);
    if (isPassingVerdict(comparison.verdict))
      return { assessment: "GOOD", reasons: comparison.verdict === "superset" ? ["RESULT_EXTRA_COLUMNS"] : [] };
    return { assessment: "BAD", reasons: reasonsOf(expected, actual) };
  }
  get(spaceId, runId) {
    const run = this.runs.get(runId);
    if (!run || run.spaceId !== spaceId)
      throw new HttpError(404, "RESOURCE_DOES_NOT_EXIST", `eval run ${runId} does not exist`);
    return run;
  }
  list(spaceId) {
    return [...this.runs.values()].filter((r) => r.spaceId === spaceId).sort((a, b) => b.createdAt - a.createdAt);
  }
  runJson(run) {
    const done = run.results.length;
    const status = run.failed ? "EVALUATION_FAILED" : done >= run.questions ? "DONE" : done === 0 ? "NOT_STARTED" : "RUNNING";
    return {
      eval_run_id: run.id,
      eval_run_status: status,
      run_by_user: 0,
      created_timestamp: run.createdAt,
      last_updated_timestamp: this.now(),
      num_questions: run.questions,
      num_done: done,
      num_correct: run.results.filter((r) => r.assessment === "GOOD").length,
      num_needs_review: run.results.filter((r) => r.assessment === "NEEDS_REVIEW").length
    };
  }
  resultSummary(run, r) {
    return {
      result_id: r.resultId,
      benchmark_question_id: r.questionId,
      space_id: run.spaceId,
      question: r.question,
      benchmark_answer: r.expectedSql,
      status: "DONE",
      created_by_user: 0
    };
  }
  resultDetail(run, resultId) {
    const r = run.results.find((x) => x.resultId === resultId);
    if (!r) throw new HttpError(404, "RESOURCE_DOES_NOT_EXIST", `eval result ${resultId} does not exist`);
    return {
      result_id: r.resultId,
      benchmark_question_id: r.questionId,
      space_id: run.spaceId,
      eval_run_status: "DONE",
      assessment: r.assessment,
      assessment_reasons: r.reasons,
      manual_assessment: false,
      actual_response: r.genieSql ? [{ response: r.genieSql, response_type: "SQL" }] : [{ response: r.genieText ?? "", response_type: "TEXT" }],
      expected_response: [{ response: r.expectedSql, response_type: "SQL" }]
    };
  }
};

// src/serve/genie-state.ts
import { randomBytes as randomBytes3 } from "node:crypto";
var GenieState = class {
  constructor(statements, latencyMs, now = Date.now) {
    this.statements = statements;
    this.latencyMs = latencyMs;
    this.now = now;
  }
  statements;
  latencyMs;
  now;
  conversations = /* @__PURE__ */ new Map();
  engines = /* @__PURE__ */ new Map();
  /** Starts answering; the engine runs right away, the answer shows after the latency. */
  ask(space, warehouse, conversationId, content, stuck) {
    const convId = conversationId ?? randomBytes3(16).toString("hex");
    let conversation = this.conversations.get(convId);
    if (!conversation) {
      conversation = { spaceId: space.spaceId, messages: /* @__PURE__ */ new Map() };
      this.conversations.set(convId, conversation);
    }
    const t = this.now();
    const message = {
      id: randomBytes3(16).toString("hex"),
      conversationId: convId,
      spaceId: space.spaceId,
      content,
      createdAt: t,
      readyAt: t + this.latencyMs,
      stuck,
      attachmentId: randomBytes3(16).toString("hex")
    };
    conversation.messages.set(message.id, message);
    void this.answer(space, warehouse, message);
    return message;
  }
  async answer(space, warehouse, message) {
    message.answer = await this.answerNow(space, warehouse, message.content);
    if (message.answer.result) message.statementId = this.statements.put(message.answer.result);
  }
  /** One engine per config version: a PATCH gives the next question a fresh engine. */
  engineFor(space, warehouse) {
    const key = `${space.spaceId}#${space.version}`;
    let engine = this.engines.get(key);
    if (!engine) {
      engine = createLocalGenie(space.space, warehouse);
      this.engines.set(key, engine);
      engine.catch(() => this.engines.delete(key));
    }
    return engine;
  }
  /** Answers at once with the space's current engine (a message's answer; Genie's eval runs ask this way too). */
  async answerNow(space, warehouse, question) {
    try {
      return await (await this.engineFor(space, warehouse)).ask(question);
    } catch (error) {
      const message = messageOf(error);
      return { status: "FAILED", error: { type: "RETRYABLE_PROCESSING_EXCEPTION", message } };
    }
  }
  /** Builds the engine of a space ahead of the first question. */
  async warm(space, warehouse) {
    if (warehouse) await this.engineFor(space, warehouse);
  }
  conversationOf(spaceId, conversationId) {
    const c = this.conversations.get(conversationId);
    if (!c || c.spaceId !== spaceId)
      throw new HttpError(404, "RESOURCE_DOES_NOT_EXIST", `conversation ${conversationId} does not exist`);
  }
  deleteConversation(spaceId, conversationId) {
    this.conversationOf(spaceId, conversationId);
    this.conversations.delete(conversationId);
  }
  message(spaceId, conversationId, messageId) {
    this.conversationOf(spaceId, conversationId);
    const m = this.conversations.get(conversationId)?.messages.get(messageId);
    if (!m) throw new HttpError(404, "RESOURCE_DOES_NOT_EXIST", `message ${messageId} does not exist`);
    return m;
  }
  /** The message in the API shape, with the status its age allows. */
  toJson(m) {
    const t = this.now();
    const base = {
      id: m.id,
      message_id: m.id,
      conversation_id: m.conversationId,
      space_id: m.spaceId,
      content: m.content,
      created_timestamp: m.createdAt,
      last_updated_timestamp: t
    };
    if (m.stuck) return { ...base, status: "EXECUTING_QUERY", attachments: [] };
    if (t < m.readyAt || !m.answer) {
      const progress = this.latencyMs > 0 ? (t - m.createdAt) / this.latencyMs : 1;
      return {
        ...base,
        status: progress < 0.2 ? "SUBMITTED" : progress < 0.6 ? "ASKING_AI" : "EXECUTING_QUERY",
        attachments: []
      };
    }
    const a = m.answer;
    const attachments = [];
    if (a.sql) {
      const rowCount = a.result?.rows.length ?? 0;
      attachments.push({
        attachment_id: m.attachmentId,
        query: {
          query: a.sql,
          title: m.content.slice(0, 80),
          description: "",
          ...m.statementId ? { statement_id: m.statementId } : {},
          query_result_metadata: { row_count: rowCount, is_truncated: a.result?.truncated ?? false },
          thoughts: [
            {
              thought_type: "THOUGHT_TYPE_INSTRUCTIONS",
              content: (a.instructionsUsed ?? []).map((id) => `- instruction ${id}`).join("\n")
            }
          ]
        }
      });
    }
    if (a.text)
      attachments.push({
        attachment_id: `${m.attachmentId}t`,
        text: { content: a.text, purpose: "TEXT_ATTACHMENT_PURPOSE_FOLLOW_UP_QUESTION" }
      });
    if (a.status === "FAILED")
      return {
        ...base,
        status: "FAILED",
        attachments,
        error: { error: a.error?.message ?? "failed", type: a.error?.type ?? "UNKNOWN" }
      };
    return { ...base, status: a.status, attachments };
  }
  /** The attachment's result in the statement shape (`{ statement_response }`). */
  queryResult(m, attachmentId) {
    if (attachmentId !== m.attachmentId || !m.answer?.sql || m.stuck || this.now() < m.readyAt) {
      throw new HttpError(404, "RESOURCE_DOES_NOT_EXIST", `attachment ${attachmentId} has no query result`);
    }
    if (!m.statementId) throw new HttpError(400, "INVALID_STATE", "the query of this attachment failed");
    return m.statementId;
  }
};

// src/serve/routes.ts
var SPACE = "/api/2.0/genie/spaces/([^/]+)";
var MESSAGE = `${SPACE}/conversations/([^/]+)/messages/([^/]+)`;
var STATEMENT = "/api/2.0/sql/statements/([^/]+)";
var EVAL_RUNS = `${SPACE}/eval-runs`;
var ROUTES = [
  ["GET", /^\/api\/2\.0\/genie\/spaces$/, listSpaces2],
  [
    "POST",
    /^\/api\/2\.0\/genie\/spaces$/,
    async (ctx, _p, req) => {
      const created = ctx.spaces.create(await jsonOf(req), new Set(ctx.warehouses.keys()));
      ctx.stats.spacesCreated++;
      warmEngine(ctx, created.spaceId);
      return ctx.spaces.toJson(created, true);
    }
  ],
  [
    "GET",
    re(SPACE),
    async (ctx, [id], _req, url) => ctx.spaces.toJson(ctx.spaces.get(id), url.searchParams.get("include_serialized_space") === "true")
  ],
  [
    "PATCH",
    re(SPACE),
    async (ctx, [id], req) => {
      const updated = ctx.spaces.update(id, await jsonOf(req));
      warmEngine(ctx, id);
      return ctx.spaces.toJson(updated, true);
    }
  ],
  [
    "DELETE",
    re(SPACE),
    async (ctx, [id]) => {
      ctx.spaces.trash(id);
      ctx.stats.spacesTrashed++;
      return {};
    }
  ],
  [
    "POST",
    re(`${SPACE}/start-conversation`),
    async (ctx, [id], req) => {
      const message = await ask(ctx, id, void 0, req);
      return {
        conversation_id: message.conversation_id,
        message_id: message.message_id,
        conversation: { id: message.conversation_id, space_id: id },
        message
      };
    }
  ],
  [
    "POST",
    re(`${SPACE}/conversations/([^/]+)/messages`),
    async (ctx, [id, conv], req) => {
      ctx.genie.conversationOf(id, conv);
      return ask(ctx, id, conv, req);
    }
  ],
  [
    "DELETE",
    re(`${SPACE}/conversations/([^/]+)`),
    async (ctx, [id, conv]) => (ctx.genie.deleteConversation(id, conv), {})
  ],
  ["GET", re(MESSAGE), async (ctx, [id, conv, msg]) => ctx.genie.toJson(ctx.genie.message(id, conv, msg))],
  [
    "GET",
    re(`${MESSAGE}/attachments/([^/]+)/query-result`),
    async (ctx, [id, conv, msg, att]) => ({
      statement_response: ctx.statements.response(ctx.genie.queryResult(ctx.genie.message(id, conv, msg), att))
    })
  ],
  [
    "POST",
    re(`${MESSAGE}/attachments/([^/]+)/execute-query`),
    async (ctx, [id, conv, msg, att]) => ({
      statement_response: ctx.statements.response(ctx.genie.queryResult(ctx.genie.message(id, conv, msg), att))
    })
  ],
  ["POST", re(EVAL_RUNS), startEvalRun],
  ["GET", re(EVAL_RUNS), listEvalRuns],
  ["GET", re(`${EVAL_RUNS}/([^/]+)`), async (ctx, [id, run]) => ctx.evals.runJson(ctx.evals.get(id, run))],
  ["GET", re(`${EVAL_RUNS}/([^/]+)/results`), listEvalResults],
  [
    "GET",
    re(`${EVAL_RUNS}/([^/]+)/results/([^/]+)`),
    async (ctx, [id, run, result]) => ctx.evals.resultDetail(ctx.evals.get(id, run), result)
  ],
  ["POST", /^\/api\/2\.0\/sql\/statements\/?$/, submitStatement],
  ["GET", re(STATEMENT), async (ctx, [id]) => ctx.statements.response(id)],
  ["GET", re(`${STATEMENT}/result/chunks/(\\d+)`), async (ctx, [id, index]) => ctx.statements.chunk(id, Number(index))],
  ["POST", re(`${STATEMENT}/cancel`), async (ctx, [id]) => (ctx.statements.cancel(id), {})],
  [
    "POST",
    /^\/serving-endpoints\/([^/]+)\/invocations$/,
    async () => ({
      // The llm analyst proposes nothing: enhance runs end to end without a model.
      choices: [{ index: 0, message: { role: "assistant", content: '{"fixes": []}' }, finish_reason: "stop" }],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }
    })
  ]
];
function warmEngine(ctx, spaceId) {
  const space = ctx.spaces.get(spaceId);
  ctx.genie.warm(space, ctx.warehouses.get(space.warehouseId)).catch(() => void 0);
}
function re(pattern) {
  return new RegExp(`^${pattern}$`);
}
async function dispatch(ctx, req, url) {
  const method = req.method ?? "GET";
  let pathMatched = false;
  for (const [m, pattern, handler] of ROUTES) {
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    pathMatched = true;
    if (m !== method) continue;
    return { body: await handler(ctx, match.slice(1).map(decodeURIComponent), req, url) };
  }
  if (pathMatched) throw new HttpError(405, "METHOD_NOT_ALLOWED", `${method} is not allowed on ${url.pathname}`);
  return void 0;
}
function isAskingRoute(method, pathname) {
  return method === "POST" && (/\/start-conversation$/.test(pathname) || /\/conversations\/[^/]+\/messages$/.test(pathname));
}
function wellKnownConfig(baseUrl) {
  return {
    oidc_endpoint: `${baseUrl}/oidc`,
    default_audiences: [DEV_AUDIENCE],
    workspace_id: "0",
    account_id: "00000000-0000-0000-0000-000000000000"
  };
}
async function jsonOf(req) {
  return parseJsonBody(await readBody(req));
}
async function listSpaces2(ctx, _p, _req, url) {
  const all = [...ctx.spaces.spaces.values()].sort((a, b) => a.spaceId.localeCompare(b.spaceId));
  const p = page(all, url);
  return { spaces: p.items.map((s) => ctx.spaces.toJson(s, false)), ...p.next ? { next_page_token: p.next } : {} };
}
function spaceWithWarehouse(ctx, spaceId) {
  const space = ctx.spaces.get(spaceId);
  const warehouse = ctx.warehouses.get(space.warehouseId);
  if (!warehouse)
    throw new HttpError(
      404,
      "RESOURCE_DOES_NOT_EXIST",
      `warehouse ${space.warehouseId} of space ${spaceId} does not exist`
    );
  return { space, warehouse };
}
async function ask(ctx, spaceId, conversationId, req) {
  const content = requireString(await jsonOf(req), "content");
  const { space, warehouse } = spaceWithWarehouse(ctx, spaceId);
  const stuck = ctx.traffic.nextStuck();
  if (stuck) ctx.stats.stuckMessages++;
  return ctx.genie.toJson(ctx.genie.ask(space, warehouse, conversationId, content, stuck));
}
async function submitStatement(ctx, _p, req) {
  const body = await jsonOf(req);
  const statement = requireString(body, "statement");
  const warehouseId = requireString(body, "warehouse_id");
  const warehouse = ctx.warehouses.get(warehouseId);
  if (!warehouse) throw new HttpError(404, "RESOURCE_DOES_NOT_EXIST", `SQL warehouse ${warehouseId} does not exist`);
  if (body.format !== void 0 && body.format !== "JSON_ARRAY")
    throw new HttpError(400, "INVALID_PARAMETER_VALUE", "only format JSON_ARRAY is supported here");
  if (body.disposition !== void 0 && body.disposition !== "INLINE")
    throw new HttpError(400, "INVALID_PARAMETER_VALUE", "only disposition INLINE is supported here");
  const waitS = parseWaitTimeout(body.wait_timeout);
  const rowLimit = typeof body.row_limit === "number" && body.row_limit > 0 ? body.row_limit : void 0;
  ctx.stats.statements++;
  const id = await ctx.statements.run(warehouse, statement, rowLimit);
  if (ctx.statementLatencyMs > 0 && waitS * 1e3 >= ctx.statementLatencyMs)
    await new Promise((r) => setTimeout(r, ctx.statementLatencyMs));
  return ctx.statements.response(id);
}
function parseWaitTimeout(value) {
  if (value === void 0) return 10;
  const match = typeof value === "string" ? /^(\d+)s$/.exec(value) : null;
  const n = match ? Number(match[1]) : NaN;
  if (!(n === 0 || n >= 5 && n <= 50))
    throw new HttpError(400, "INVALID_PARAMETER_VALUE", "wait_timeout must be 0s or between 5s and 50s");
  return n;
}
async function startEvalRun(ctx, [spaceId], req) {
  const body = await jsonOf(req);
  const ids = body.benchmark_question_ids;
  if (ids !== void 0 && !(Array.isArray(ids) && ids.every((x) => typeof x === "string")))
    throw new HttpError(400, "INVALID_PARAMETER_VALUE", "benchmark_question_ids must be a list of strings");
  const { space, warehouse } = spaceWithWarehouse(ctx, spaceId);
  return ctx.evals.runJson(ctx.evals.create(space, warehouse, ids));
}
function page(items, url) {
  const size = Math.min(100, Math.max(1, Number(url.searchParams.get("page_size")) || 100));
  const offset = Math.max(0, Number(url.searchParams.get("page_token")) || 0);
  const next = offset + size < items.length ? String(offset + size) : void 0;
  return { items: items.slice(offset, offset + size), ...next ? { next } : {} };
}
async function listEvalRuns(ctx, [spaceId], _req, url) {
  ctx.spaces.get(spaceId);
  const p = page(ctx.evals.list(spaceId), url);
  return { eval_runs: p.items.map((r) => ctx.evals.runJson(r)), ...p.next ? { next_page_token: p.next } : {} };
}
async function listEvalResults(ctx, [spaceId, runId], _req, url) {
  const run = ctx.evals.get(spaceId, runId);
  const p = page(run.results, url);
  return {
    eval_results: p.items.map((r) => ctx.evals.resultSummary(run, r)),
    ...p.next ? { next_page_token: p.next } : {}
  };
}

// src/serve/space-state.ts
import { createHash, randomBytes as randomBytes4 } from "node:crypto";
function liveWarehouseId(warehouseId) {
  return `${warehouseId}-live`;
}
var SpaceState = class {
  spaces = /* @__PURE__ */ new Map();
  /** Spaces moved to the trash by DELETE, kept so tests can see what was cleaned up. */
  trashed = /* @__PURE__ */ new Map();
  /** Seeds from a repository; returns the warehouse ids the targets name. */
  seed(root) {
    const warehouses = /* @__PURE__ */ new Map();
    for (const name of listSpaces(root)) {
      const dir = loadSpaceDir(root, name);
      if (!dir.target) continue;
      const t = dir.target;
      const { liveData, ...local } = t.local ?? {};
      warehouses.set(t.warehouseId, { ...local, space: name });
      const liveWarehouse = liveData ? liveWarehouseId(t.warehouseId) : t.warehouseId;
      if (liveData) warehouses.set(liveWarehouse, { ...local, data: liveData, space: name });
      for (const id of /* @__PURE__ */ new Set([t.liveSpaceId, ...t.stagingSpaceId ? [t.stagingSpaceId] : []])) {
        this.insert({
          spaceId: id,
          title: t.title,
          description: "",
          warehouseId: id === t.liveSpaceId ? liveWarehouse : t.warehouseId,
          parentPath: t.parentPath ?? "/Workspace/Shared",
          space: dir.space
        });
      }
    }
    return warehouses;
  }
  insert(input) {
    const t = Date.now();
    const served = {
      ...input,
      serialized: JSON.stringify(JSON.parse(serializeSpace(input.space))),
      version: 1,
      createTime: t,
      updateTime: t
    };
    this.spaces.set(input.spaceId, served);
    return served;
  }
  get(spaceId) {
    const s = this.spaces.get(spaceId);
    if (!s) throw new HttpError(404, "RESOURCE_DOES_NOT_EXIST", `Genie space ${spaceId} does not exist`);
    return s;
  }
  create(body, knownWarehouses) {
    const warehouseId = stringField(body, "warehouse_id", true);
    if (!knownWarehouses.has(warehouseId))
      throw new HttpError(404, "RESOURCE_DOES_NOT_EXIST", `warehouse ${warehouseId} does not exist`);
    const space = decode(stringField(body, "serialized_space", true));
    return this.insert({
      spaceId: randomBytes4(16).toString("hex"),
      title: stringField(body, "title", true),
      description: stringField(body, "description", false),
      warehouseId,
      parentPath: stringField(body, "parent_path", false) || "/Workspace/Shared",
      space
    });
  }
  update(spaceId, body) {
    const s = this.get(spaceId);
    const etag = body.etag;
    if (typeof etag === "string" && etag !== "" && etag !== etagOf(s)) {
      throw new HttpError(409, "RESOURCE_CONFLICT", `space ${spaceId} changed since it was read (etag mismatch)`);
    }
    if (typeof body.serialized_space === "string") {
      s.space = decode(body.serialized_space);
      s.serialized = JSON.stringify(JSON.parse(serializeSpace(s.space)));
      s.version++;
    }
    if (typeof body.title === "string") s.title = body.title;
    if (typeof body.description === "string") s.description = body.description;
    if (typeof body.warehouse_id === "string") s.warehouseId = body.warehouse_id;
    s.updateTime = Date.now();
    return s;
  }
  /** Moves a space to the trash: later GETs, PATCHes and asks answer 404, and the listing leaves it out. */
  trash(spaceId) {
    const s = this.get(spaceId);
    this.spaces.delete(spaceId);
    this.trashed.set(spaceId, s);
  }
  toJson(s, withSerialized) {
    return {
      space_id: s.spaceId,
      title: s.title,
      description: s.description,
      warehouse_id: s.warehouseId,
      parent_path: s.parentPath,
      etag: etagOf(s),
      create_time: new Date(s.createTime).toISOString(),
      update_time: new Date(s.updateTime).toISOString(),
      ...withSerialized ? { serialized_space: s.serialized } : {}
    };
  }
};
function etagOf(s) {
  return createHash("sha256").update(`${s.version}\0${s.serialized}\0${s.title}`).digest("hex").slice(0, 16);
}
function decode(text) {
  try {
    return parseSpaceText(text, "serialized_space");
  } catch (error) {
    const detail = error instanceof ValidationError ? error.issues.map((i) => `${i.path}: ${i.message}`).join("; ") : String(error);
    throw new HttpError(400, "INVALID_PARAMETER_VALUE", `serialized_space is not a valid Genie space: ${detail}`);
  }
}
function stringField(body, field, required) {
  const value = body[field];
  if (typeof value === "string" && value !== "") return value;
  if (required) throw new HttpError(400, "INVALID_PARAMETER_VALUE", `${field} is required`);
  return "";
}

// src/serve/statement-store.ts
import { randomUUID } from "node:crypto";
var StatementStore = class {
  statements = /* @__PURE__ */ new Map();
  chunkRows;
  latencyMs;
  now;
  constructor(options = {}) {
    this.chunkRows = Math.max(1, options.chunkRows ?? 1e3);
    this.latencyMs = options.latencyMs ?? 0;
    this.now = options.now ?? Date.now;
  }
  /** Runs a statement now; it reports RUNNING until the configured latency has passed. */
  async run(warehouse, sql, rowLimit) {
    const id = randomUUID();
    const statement = { id, state: "SUCCEEDED", readyAt: this.now() + this.latencyMs };
    try {
      statement.result = await withDeclaredTypes(await warehouse.execute(sql, { rowLimit }), sql, warehouse);
    } catch (error) {
      if (!(error instanceof WarehouseError || error instanceof ReadOnlyViolationError)) throw error;
      statement.state = "FAILED";
      statement.error = {
        error_code: error instanceof ReadOnlyViolationError ? "NOT_IMPLEMENTED" : "BAD_REQUEST",
        message: error.message
      };
    }
    this.statements.set(id, statement);
    return id;
  }
  /** Stores an already computed result (Genie's own execution). */
  put(result) {
    const id = randomUUID();
    this.statements.set(id, { id, state: "SUCCEEDED", readyAt: 0, result });
    return id;
  }
  isRunning(id) {
    const s = this.get(id);
    return s.state === "SUCCEEDED" || s.state === "FAILED" ? this.now() < s.readyAt : false;
  }
  cancel(id) {
    const s = this.get(id);
    if (this.now() < s.readyAt) s.state = "CANCELED";
  }
  /** The statement in the API's response shape, with the first chunk inline. */
  response(id) {
    const s = this.get(id);
    if (this.isRunning(id)) return { statement_id: id, status: { state: "RUNNING" } };
    if (s.state !== "SUCCEEDED" || !s.result)
      return { statement_id: id, status: { state: s.state, ...s.error ? { error: s.error } : {} } };
    const result = s.result;
    const chunks = Math.max(1, Math.ceil(result.rows.length / this.chunkRows));
    return {
      statement_id: id,
      status: { state: "SUCCEEDED" },
      manifest: {
        format: "JSON_ARRAY",
        schema: {
          column_count: result.columns.length,
          columns: result.columns.map((c, i) => ({
            name: c.name,
            type_name: c.type || "STRING",
            type_text: c.type || "STRING",
            position: i
          }))
        },
        total_row_count: result.rows.length,
        total_chunk_count: chunks,
        truncated: result.truncated
      },
      result: this.chunkBody(result, 0)
    };
  }
  chunk(id, index) {
    const s = this.get(id);
    if (!s.result || this.isRunning(id)) throw new HttpError(400, "INVALID_STATE", `statement ${id} has no result`);
    const chunks = Math.max(1, Math.ceil(s.result.rows.length / this.chunkRows));
    if (!Number.isInteger(index) || index < 0 || index >= chunks)
      throw new HttpError(404, "NOT_FOUND", `chunk ${index} of statement ${id} does not exist`);
    return this.chunkBody(s.result, index);
  }
  chunkBody(result, index) {
    const rows = result.rows.slice(index * this.chunkRows, (index + 1) * this.chunkRows);
    const last = (index + 1) * this.chunkRows >= result.rows.length;
    return {
      chunk_index: index,
      row_offset: index * this.chunkRows,
      row_count: rows.length,
      data_array: rows.map((row) => row.map(toJsonArrayValue)),
      ...last ? {} : { next_chunk_index: index + 1 }
    };
  }
  get(id) {
    const s = this.statements.get(id);
    if (!s) throw new HttpError(404, "NOT_FOUND", `statement ${id} does not exist`);
    return s;
  }
};
async function withDeclaredTypes(result, sql, warehouse) {
  if (result.rows.length > 0) return result;
  const named = new Set(findThreePartNames(sql).map((n) => n.replace(/`/g, "").toLowerCase()));
  const declared = /* @__PURE__ */ new Map();
  for (const table of (await warehouse.schema()).tables) {
    if (!named.has(table.identifier.toLowerCase())) continue;
    for (const column of table.columns) if (!declared.has(column.name)) declared.set(column.name, column.type);
  }
  return { ...result, columns: result.columns.map((c) => ({ name: c.name, type: declared.get(c.name) ?? c.type })) };
}
function toJsonArrayValue(cell) {
  if (cell === null) return null;
  return typeof cell === "string" ? cell : String(cell);
}

// src/serve/traffic-control.ts
function createTrafficControl(options) {
  const seed = options.seed ?? 1;
  const faults = mulberry32(seed * 2 + 1);
  const stuck = mulberry32(seed * 2 + 2);
  const faultsAfter = mulberry32(seed * 2 + 3);
  const now = options.now ?? Date.now;
  const faultRate = clamp(options.faultRate ?? 0);
  const faultAfterRate = clamp(options.faultAfterRate ?? 0);
  const rules = [];
  const targeted = (when, method = "", path2 = "") => {
    const rule = rules.find(
      (r) => r.when === when && r.left > 0 && (!r.method || r.method === method) && r.path.test(path2)
    );
    if (!rule) return void 0;
    rule.left--;
    return rule.kind;
  };
  const draw = (rate, random) => {
    if (rate === 0) return "none";
    const r = random();
    if (r >= rate) return "none";
    return r < rate / 2 ? "error" : "drop";
  };
  const stuckRate = clamp(options.stuckRate ?? 0);
  const interval = options.qpm && options.qpm > 0 ? 6e4 / options.qpm : 0;
  const tolerance = Math.min(interval / 4, 1e3);
  let theoretical = 0;
  return {
    nextFault(method, path2) {
      return targeted("before", method, path2) ?? draw(faultRate, faults);
    },
    nextFaultAfter(method, path2) {
      return targeted("after", method, path2) ?? draw(faultAfterRate, faultsAfter);
    },
    inject(rule) {
      rules.push({ ...rule, left: rule.times ?? 1 });
    },
    nextStuck() {
      return stuckRate > 0 && stuck() < stuckRate;
    },
    admitAsk() {
      if (interval === 0) return { ok: true };
      const t = now();
      if (t < theoretical - tolerance) return { ok: false, retryAfterMs: theoretical - tolerance - t };
      theoretical = Math.max(theoretical, t) + interval;
      return { ok: true };
    }
  };
}
function clamp(x) {
  return Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
}

// src/serve/server.ts
async function startServe(options) {
  const spaces = new SpaceState();
  const warehouseSettings = spaces.seed(options.root);
  const warehouses = /* @__PURE__ */ new Map();
  for (const [id, { space, ...local }] of warehouseSettings) {
    const target = { title: id, liveSpaceId: "", stagingSpaceId: "", warehouseId: id, local };
    warehouses.set(id, await openWarehouseFor(options.root, target, space));
  }
  const statements = new StatementStore({ chunkRows: options.chunkRows, latencyMs: options.statementLatencyMs });
  const genie = new GenieState(statements, options.latencyMs ?? 0);
  const evals = new EvalState((space, warehouse, q) => genie.answerNow(space, warehouse, q), options.latencyMs ?? 0);
  const stats = {
    requests: 0,
    asks: 0,
    rateLimited: 0,
    faults: { errors: 0, drops: 0, lost: 0 },
    statements: 0,
    stuckMessages: 0,
    unauthorized: 0,
    tokensIssued: 0,
    spacesCreated: 0,
    spacesTrashed: 0
  };
  const oauth = new OAuthState(options);
  const traffic = createTrafficControl({
    faultRate: options.faultRate,
    faultAfterRate: options.faultAfterRate,
    stuckRate: options.stuckRate,
    qpm: options.qpm,
    seed: options.seed
  });
  const ctx = {
    spaces,
    genie,
    evals,
    statements,
    oauth,
    traffic,
    warehouses,
    stats,
    statementLatencyMs: options.statementLatencyMs ?? 0
  };
  await Promise.all([...spaces.spaces.values()].map((s) => genie.warm(s, warehouses.get(s.warehouseId))));
  let baseUrl = "";
  const server = createServer((req, res) => {
    handle(ctx, baseUrl, req, res).catch((error) => {
      if (!res.headersSent)
        sendJson(res, 500, {
          error_code: "INTERNAL_ERROR",
          message: messageOf(error)
        });
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = server.address().port;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: baseUrl,
    port,
    stats,
    expireTokens: () => oauth.expireAll(),
    injectFault: (rule) => traffic.inject(rule),
    listSpaces: () => [...spaces.spaces.values()].map((s) => ({ spaceId: s.spaceId, title: s.title })),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
      for (const w of warehouses.values()) await w.close();
    }
  };
}
function injectedError(n) {
  return n % 2 === 0 ? new HttpError(503, "TEMPORARILY_UNAVAILABLE", "injected fault: the service is temporarily unavailable", {
    "retry-after": "0"
  }) : new HttpError(500, "INTERNAL_ERROR", "injected fault: internal error");
}
async function handle(ctx, baseUrl, req, res) {
  const url = new URL(req.url ?? "/", baseUrl);
  const method = req.method ?? "GET";
  ctx.stats.requests++;
  try {
    if (method === "GET" && url.pathname === "/.well-known/databricks-config")
      return sendJson(res, 200, wellKnownConfig(baseUrl));
    if (method === "POST" && url.pathname === "/oidc/v1/token") {
      const answer = ctx.oauth.token(new URLSearchParams(await readBody(req)), req.headers.authorization);
      ctx.stats.tokensIssued = ctx.oauth.issuedCount;
      return sendJson(res, 200, answer);
    }
    const fault = ctx.traffic.nextFault(method, url.pathname);
    if (fault === "drop") {
      ctx.stats.faults.drops++;
      req.socket.destroy();
      return;
    }
    if (fault === "error") {
      ctx.stats.faults.errors++;
      throw injectedError(ctx.stats.faults.errors);
    }
    try {
      ctx.oauth.authenticate(req.headers.authorization);
    } catch (error) {
      ctx.stats.unauthorized++;
      throw error;
    }
    if (isAskingRoute(method, url.pathname)) {
      const admitted = ctx.traffic.admitAsk();
      if (!admitted.ok) {
        ctx.stats.rateLimited++;
        throw new HttpError(
          429,
          "RESOURCE_EXHAUSTED",
          "Too many Genie questions: the workspace limit of questions per minute was reached",
          {
            "retry-after": String(Math.max(1, Math.ceil(admitted.retryAfterMs / 1e3)))
          }
        );
      }
      ctx.stats.asks++;
    }
    const handled = await dispatch(ctx, req, url);
    if (!handled) throw new HttpError(404, "ENDPOINT_NOT_FOUND", `no API at ${method} ${url.pathname}`);
    const lost = ctx.traffic.nextFaultAfter(method, url.pathname);
    if (lost !== "none") ctx.stats.faults.lost++;
    if (lost === "drop") return void req.socket.destroy();
    if (lost === "error") throw injectedError(ctx.stats.faults.lost);
    sendJson(res, 200, handled.body);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    if (url.pathname === "/oidc/v1/token")
      return sendJson(res, error.status, { error: error.errorCode, error_description: error.message });
    sendError(res, error);
  }
}

// src/cli/serve-command.ts
async function runServe(args, io, options = {}) {
  const values = parseCommandArgs(SERVE, args);
  const handle2 = await startServe({
    root: path.resolve(io.cwd, values.root ?? "."),
    port: numberOption(values.port, "--port", { min: 0, max: 65535, integer: true }),
    latencyMs: numberOption(values["latency-ms"], "--latency-ms", { min: 0 }),
    qpm: numberOption(values.qpm, "--qpm", { min: 0 }),
    faultRate: numberOption(values["fault-rate"], "--fault-rate", { fraction: true }),
    faultAfterRate: numberOption(values["fault-after-rate"], "--fault-after-rate", { fraction: true }),
    stuckRate: numberOption(values["stuck-rate"], "--stuck-rate", { fraction: true }),
    seed: numberOption(values.seed, "--seed", { integer: true }),
    token: values.token,
    clientId: values["client-id"],
    clientSecret: values["client-secret"],
    subjectToken: values["subject-token"]
  });
  io.out(`genie-gitops serve listening on ${handle2.url}`);
  io.out(`  DATABRICKS_HOST=${handle2.url}`);
  io.out(values.token ? "  DATABRICKS_TOKEN=<the value of --token>" : `  DATABRICKS_TOKEN=${DEV_TOKEN}`);
  if (!values["client-id"] && !values["client-secret"])
    io.out(`  or DATABRICKS_CLIENT_ID=${DEV_CLIENT_ID} DATABRICKS_CLIENT_SECRET=${DEV_CLIENT_SECRET}`);
  if (!values["subject-token"])
    io.out(`  or DATABRICKS_AUTH_TYPE=github-oidc with the subject token ${DEV_SUBJECT_TOKEN}`);
  options.onReady?.(handle2);
  await (options.stop ?? untilSignal());
  await handle2.close();
  io.err(
    `served ${handle2.stats.requests} requests (${handle2.stats.asks} questions, ${handle2.stats.statements} statements, ${handle2.stats.rateLimited} rate-limited)`
  );
  return 0;
}
function untilSignal() {
  return new Promise((resolve) => {
    const done = () => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      resolve();
    };
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}
export {
  runServe
};
