/**
 * The interfaces between the pure core and the outside world. Each is small so
 * a test double is a few lines; adapters live in local/, databricks/, llm/ and github/,
 * and the entries build them in wiring/.
 */

/**
 * Settings as environment variables (DATABRICKS_HOST, GENIE_GITOPS_STATE_DIR, ...): read once by
 * the entry (the process's environment, with the action's inputs laid over it) and handed to the wiring only.
 */
export type Env = Readonly<Record<string, string | undefined>>;

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
  /**
   * Statements worth handing over at once. The embedded warehouse queues them for its one thread,
   * so all at once costs nothing there; undefined: a remote warehouse, which sees a few at a time.
   */
  readonly concurrency?: number;
  schema(): Promise<WarehouseSchema>;
  close?(): Promise<void>;
}

/**
 * The embedded warehouse's data files, as `init` reads them to bootstrap a space: whether a file
 * is a database it opens, and the warehouse over one (local/warehouse.ts; the wiring hands it in).
 */
export interface DataFiles {
  /** True when the bytes begin like a database file (SQLite's "SQLite format 3" header). */
  isDatabase(bytes: Uint8Array): boolean;
  /** A warehouse over a database file or .sql script (absolute path), or 'demo' for the generated demo data. */
  open(data: string): Promise<Warehouse>;
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

// ---- Source control: git (the checkout) and GitHub (pull requests, comments, labels, statuses, deployments).

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface Identity {
  name: string;
  email: string;
}

export interface CommitInfo {
  sha: string;
  authorEmail: string;
  committerEmail: string;
  subject: string;
}

/** The sha git and GitHub give for "no commit" (the `before` of a push that created a branch). */
export const ZERO_SHA = /^0{40}$/;

/** The checkout the commands work in; github/git-cli.ts runs it over the git CLI. */
export interface Git {
  readonly cwd: string;
  /** Who commits made here are by (the bot, in the action). */
  readonly identity: Identity;
  /** Runs git; never throws on a non-zero exit. */
  exec(args: readonly string[], input?: string): Promise<GitResult>;
  /** Runs git and throws on a non-zero exit; returns stdout. */
  run(args: readonly string[], hint?: string): Promise<string>;
  tryRevParse(ref: string): Promise<string | undefined>;
  revParse(ref: string): Promise<string>;
  tryCurrentBranch(): Promise<string | undefined>;
  tryShow(rev: string, file: string): Promise<string | undefined>;
  changedFiles(from: string, to: string, pathspec?: readonly string[]): Promise<string[]>;
  tryRemoteBranchSha(remote: string, branch: string): Promise<string | undefined>;
  tryFetchBranch(remote: string, branch: string): Promise<boolean>;
  tryFetchRef(remote: string, ref: string, localRef: string): Promise<boolean>;
  tryIsAncestor(ancestor: string, tip: string): Promise<boolean | undefined>;
  tryFetchCommit(remote: string, sha: string): Promise<boolean>;
  commitsBetween(exclude: string, tip: string): Promise<CommitInfo[]>;
  switchToNewBranch(branch: string, startPoint?: string): Promise<void>;
  checkout(ref: string): Promise<void>;
  hasChanges(paths: readonly string[]): Promise<boolean>;
  commit(message: string, paths: readonly string[]): Promise<string>;
  parents(sha: string): Promise<string[]>;
  message(sha: string): Promise<string>;
  revert(sha: string, message: string): Promise<string>;
  push(
    remote: string,
    localRef: string,
    branch: string,
    options?: { force?: boolean; expectedRemoteSha?: string },
  ): Promise<void>;
}

export interface PullRequest {
  number: number;
  url: string;
  state: 'open' | 'closed';
  title: string;
  body: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  labels: string[];
  merged: boolean;
  /** For a merged PR: the commit the merge put on the base branch (merge, squash or last rebased commit). */
  mergeCommitSha?: string;
}

export interface IssueComment {
  id: number;
  body: string;
  url: string;
}

export type CommitState = 'pending' | 'success' | 'failure' | 'error';

export interface CommitStatus {
  state: CommitState;
  /** Names the check on the commit; one per space. */
  context: string;
  /** At most 140 characters (GitHub truncates longer ones). */
  description: string;
  targetUrl?: string;
}

/** A GitHub deployment, as the deploy drift guard records and reads them. */
export interface Deployment {
  id: number;
  /** The commit deployed. */
  sha: string;
  environment: string;
  task: string;
  /** What the deployer stored with it (decoded when GitHub returns it as a JSON string). */
  payload: unknown;
  createdAt: string;
}

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive' | 'queued' | 'pending';

export interface GitHubPort {
  /** The repository's default branch. */
  defaultBranch(): Promise<string>;
  /** The open PR whose head is `branch` in this repository, if any. */
  findOpenPullRequest(branch: string): Promise<PullRequest | undefined>;
  /** Every PR whose head is `branch` in this repository, in the given state, newest first. */
  listPullRequests(branch: string, state: 'open' | 'closed' | 'all'): Promise<PullRequest[]>;
  createPullRequest(input: { head: string; base: string; title: string; body: string }): Promise<PullRequest>;
  updatePullRequest(number: number, input: { title?: string; body?: string }): Promise<PullRequest>;
  addLabels(number: number, labels: readonly string[]): Promise<void>;
  /** Removes one label; a label the PR does not carry is not an error. */
  removeLabel(number: number, label: string): Promise<void>;
  listComments(number: number): Promise<IssueComment[]>;
  createComment(number: number, body: string): Promise<IssueComment>;
  updateComment(commentId: number, body: string): Promise<IssueComment>;
  setCommitStatus(sha: string, status: CommitStatus): Promise<void>;
  /** The statuses set on a commit, newest first (the first 100). */
  listCommitStatuses(sha: string): Promise<CommitStatus[]>;
  /** The PRs a commit belongs to (for a merged PR's merge, squash or rebased commit: that PR). */
  pullRequestsOfCommit(sha: string): Promise<PullRequest[]>;
  /** Deployments of one environment and task, newest first (the first `limit`, default 30). */
  listDeployments(filter: { environment: string; task: string; limit?: number }): Promise<Deployment[]>;
  createDeployment(input: {
    ref: string;
    environment: string;
    task: string;
    description: string;
    payload: Record<string, unknown>;
  }): Promise<Deployment>;
  /** The states a deployment went through, newest first. */
  listDeploymentStatuses(deploymentId: number): Promise<DeploymentState[]>;
  setDeploymentStatus(deploymentId: number, state: DeploymentState, description: string): Promise<void>;
}

/** Source control as the GitOps commands see it: the checkout and its GitHub repository. */
export interface Scm {
  git: Git;
  github: GitHubPort;
}
