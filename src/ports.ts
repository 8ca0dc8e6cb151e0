/**
 * The interfaces between the pure core and the outside world. Each is small so
 * a test double is a few lines; adapters live in local/, databricks/ and github/.
 */

/** A value as a warehouse returns it; dates and timestamps are ISO strings. */
export type Cell = string | number | boolean | null;

export interface ResultColumn {
  name: string;
  /** Databricks-style type name (STRING, INT, BIGINT, DOUBLE, DECIMAL, DATE, TIMESTAMP, BOOLEAN) or '' when unknown. */
  type: string;
}

export interface QueryResult {
  columns: ResultColumn[];
  rows: Cell[][];
  /** True when the row limit cut the result short. */
  truncated: boolean;
}

export interface ExecuteOptions {
  rowLimit?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface WarehouseColumn {
  name: string;
  type: string;
}

export interface WarehouseTable {
  /** Three-part identifier catalog.schema.table. */
  identifier: string;
  columns: WarehouseColumn[];
}

export interface WarehouseSchema {
  tables: WarehouseTable[];
}

/** A SQL warehouse. `execute` runs exactly one read-only query; anything else is refused before it runs. */
export interface Warehouse {
  execute(sql: string, options?: ExecuteOptions): Promise<QueryResult>;
  schema(): Promise<WarehouseSchema>;
  close?(): Promise<void>;
}

/** What Genie said to one question: SQL with its result, or a text reply, or an error. */
export interface GenieAnswer {
  status: 'COMPLETED' | 'FAILED' | 'CANCELLED';
  /** The SQL Genie generated, when it generated any. */
  sql?: string;
  /** Genie's own execution of its SQL. */
  result?: QueryResult;
  /** A text reply (for example a clarifying question) when there is no SQL. */
  text?: string;
  error?: { type: string; message: string };
  /** Ids of the space instructions Genie reports having used (THOUGHT_TYPE_INSTRUCTIONS); observable on real Genie. */
  instructionsUsed?: string[];
  /**
   * Engine-internal trace for debugging and tests only. Analysts must never read it:
   * real Genie exposes nothing like it.
   */
  trace?: unknown;
}

export interface AskOptions {
  signal?: AbortSignal;
}

/** A Genie space to ask questions of (bound to one space: staging, live, or a local config). */
export interface Genie {
  ask(question: string, options?: AskOptions): Promise<GenieAnswer>;
}

/** Where live and staging spaces are kept (the Databricks workspace, or a local state folder). */
export interface StoredSpace {
  spaceId: string;
  title: string;
  warehouseId: string;
  /** The decoded serialized_space. */
  serializedSpace: unknown;
  etag?: string;
}

export interface SpaceStore {
  get(spaceId: string): Promise<StoredSpace>;
  update(spaceId: string, serializedSpace: unknown, options?: { etag?: string; title?: string }): Promise<StoredSpace>;
  create?(input: { title: string; warehouseId: string; serializedSpace: unknown }): Promise<StoredSpace>;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmReply {
  content: string;
  usage?: { promptTokens: number; completionTokens: number };
}

export interface Llm {
  chat(
    messages: ChatMessage[],
    options?: { maxTokens?: number; temperature?: number; json?: boolean; signal?: AbortSignal },
  ): Promise<LlmReply>;
}

/** One deploy of a space config to a live space, as recorded for the drift guard. */
export interface DeploymentRecord {
  /** The log's own id of the record (a GitHub deployment id, or a local one). */
  id: string;
  space: string;
  liveSpaceId: string;
  /** sha256 of the canonical config deployed (hashSpace). */
  configHash: string;
  /** The commit whose config was deployed. */
  commit: string;
  /** in_progress until the deploy finished: a cancelled run leaves it so. */
  state: 'in_progress' | 'success' | 'failure';
  /** ISO time the deploy started. */
  createdAt: string;
}

/**
 * Where deploys are recorded durably: the drift guard compares a live space with the config of
 * its last successful deploy. GitHub deployments in the action; a file in the local state folder
 * for the CLI.
 */
export interface DeploymentLog {
  /** What the log is, for messages (e.g. "GitHub deployments of genie-gitops-demo"). */
  describe(space: string): string;
  /** The records of one space on one live space, newest first (enough to reach the last success). */
  history(space: string, liveSpaceId: string): Promise<DeploymentRecord[]>;
  /** Records a deploy as started, before the live space is touched; returns its id. */
  start(input: { space: string; liveSpaceId: string; configHash: string; commit: string }): Promise<string>;
  /** Marks a started deploy as finished. */
  finish(id: string, state: 'success' | 'failure', description: string): Promise<void>;
}

/** One benchmark question's result in one of Genie's own evaluation runs (Beta API). */
export interface EvalAssessment {
  /** The benchmark question's id in the space file (32 hex). */
  questionId: string;
  /** GOOD, BAD or NEEDS_REVIEW; any other value Genie answers is kept as it came. */
  assessment: string;
  /** Why (e.g. RESULT_MISSING_ROWS, LLM_JUDGE_MISSING_OR_INCORRECT_FILTER). */
  reasons: string[];
  /** The SQL Genie answered with, when it gave one. */
  genieSql?: string;
  /** The result detail as the API returned it (unknown fields kept). */
  raw: Record<string, unknown>;
}

export interface EvalRun {
  runId: string;
  /** The run's last status (DONE, EVALUATION_FAILED, ...). */
  status: string;
  assessments: EvalAssessment[];
}

/** Genie's own benchmark evaluation of one space's `benchmarks.questions`. */
export interface GenieEvaluator {
  /** Runs Genie's evaluation of the named questions (all of the space's when absent) and waits for it. */
  evaluate(questionIds?: readonly string[], options?: { signal?: AbortSignal }): Promise<EvalRun>;
}
