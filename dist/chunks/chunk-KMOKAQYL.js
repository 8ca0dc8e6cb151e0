import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  GitCli
} from "./chunk-DM6IOE3Q.js";
import {
  Octokit,
  legacyRestEndpointMethods,
  paginateRest
} from "./chunk-QBJZ53VK.js";
import {
  backoffDelay,
  parseRetryAfter,
  sleep
} from "./chunk-2YFC7YIM.js";
import {
  endGroup,
  startGroup,
  warning
} from "./chunk-DSJGBVOR.js";
import {
  listSpaces
} from "./chunk-XWFLS6EG.js";
import {
  external_exports
} from "./chunk-CSAISFHI.js";
import {
  GenieGitopsError,
  messageOf
} from "./chunk-IX2IGMNH.js";

// src/github/github-error.ts
var GitHubApiError = class extends GenieGitopsError {
  constructor(operation, status, detail) {
    super(`GitHub ${operation} failed (HTTP ${status || "network error"}): ${detail}`, hintFor(status));
    this.operation = operation;
    this.status = status;
  }
  operation;
  status;
  /** Worth another try: server errors, network failures and rate limits. */
  get retryable() {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
};
function hintFor(status) {
  switch (status) {
    case 401:
      return "the token is missing or expired: pass github-token (the default is the workflow token)";
    case 403:
      return "the token lacks a permission: grant the job contents: write, pull-requests: write and statuses: write (or it hit a rate limit)";
    case 404:
      return "the repository or pull request was not found, or the token cannot see it";
    case 422:
      return "GitHub rejected the request: check that the branch exists on the remote and differs from the base";
    default:
      return status >= 500 || status === 0 ? "GitHub is unavailable; re-run the job later" : "see the GitHub error above";
  }
}

// src/github/octokit-github.ts
var PullSchema = external_exports.looseObject({
  number: external_exports.number(),
  html_url: external_exports.string(),
  state: external_exports.enum(["open", "closed"]),
  title: external_exports.string(),
  body: external_exports.string().nullable().optional(),
  head: external_exports.looseObject({ ref: external_exports.string(), sha: external_exports.string() }),
  base: external_exports.looseObject({ ref: external_exports.string() }),
  labels: external_exports.array(external_exports.union([external_exports.string(), external_exports.looseObject({ name: external_exports.string().optional() })])).optional(),
  merged_at: external_exports.string().nullable().optional(),
  merge_commit_sha: external_exports.string().nullable().optional()
});
var CommentSchema = external_exports.looseObject({ id: external_exports.number(), body: external_exports.string().nullable().optional(), html_url: external_exports.string() });
function toPull(data) {
  const pr = PullSchema.parse(data);
  return {
    number: pr.number,
    url: pr.html_url,
    state: pr.state,
    title: pr.title,
    body: pr.body ?? "",
    headRef: pr.head.ref,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
    labels: (pr.labels ?? []).map((l) => typeof l === "string" ? l : l.name ?? "").filter(Boolean),
    merged: Boolean(pr.merged_at),
    ...pr.merged_at && pr.merge_commit_sha ? { mergeCommitSha: pr.merge_commit_sha } : {}
  };
}
var StatusSchema = external_exports.looseObject({
  state: external_exports.string(),
  context: external_exports.string().optional(),
  description: external_exports.string().nullable().optional(),
  target_url: external_exports.string().nullable().optional()
});
var STATES = /* @__PURE__ */ new Set(["pending", "success", "failure", "error"]);
function toStatus(data) {
  const s = StatusSchema.parse(data);
  if (!STATES.has(s.state)) return void 0;
  return {
    state: s.state,
    context: s.context ?? "default",
    description: s.description ?? "",
    ...s.target_url ? { targetUrl: s.target_url } : {}
  };
}
var DeploymentSchema = external_exports.looseObject({
  id: external_exports.number(),
  sha: external_exports.string(),
  environment: external_exports.string(),
  task: external_exports.string(),
  payload: external_exports.unknown().optional(),
  created_at: external_exports.string()
});
var DeploymentStatusSchema = external_exports.looseObject({
  state: external_exports.enum(["error", "failure", "inactive", "pending", "success", "queued", "in_progress"])
});
function toDeployment(data) {
  const d = DeploymentSchema.parse(data);
  let payload = d.payload ?? {};
  if (typeof payload === "string") {
    try {
      payload = JSON.parse(payload);
    } catch {
    }
  }
  return { id: d.id, sha: d.sha, environment: d.environment, task: d.task, payload, createdAt: d.created_at };
}
function toComment(data) {
  const c = CommentSchema.parse(data);
  return { id: c.id, body: c.body ?? "", url: c.html_url };
}
async function call(operation, fn) {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof GitHubApiError) throw error;
    if (error instanceof external_exports.ZodError)
      throw new GitHubApiError(operation, 200, `unexpected response shape: ${error.issues[0]?.message ?? "invalid"}`);
    const status = typeof error.status === "number" ? error.status : 0;
    throw new GitHubApiError(operation, status, messageOf(error));
  }
}
function createGitHub(octokit, repository) {
  const ctx = { octokit, owner: repository.owner, repo: repository.repo };
  return { ...pullRequestOps(ctx), ...issueOps(ctx), ...commitStatusOps(ctx), ...deploymentOps(ctx) };
}
function pullRequestOps({ octokit, owner, repo }) {
  return {
    defaultBranch: () => call("get repository", async () => {
      const { data } = await octokit.rest.repos.get({ owner, repo });
      return external_exports.looseObject({ default_branch: external_exports.string() }).parse(data).default_branch;
    }),
    findOpenPullRequest: (branch) => call("list pull requests", async () => {
      const { data } = await octokit.rest.pulls.list({
        owner,
        repo,
        state: "open",
        head: `${owner}:${branch}`,
        per_page: 100
      });
      return data.map(toPull).find((pr) => pr.headRef === branch && pr.state === "open");
    }),
    listPullRequests: (branch, state) => call(`list ${state} pull requests`, async () => {
      const data = await octokit.paginate(octokit.rest.pulls.list, {
        owner,
        repo,
        state,
        head: `${owner}:${branch}`,
        sort: "created",
        direction: "desc",
        per_page: 100
      });
      return data.map(toPull).filter((pr) => pr.headRef === branch && (state === "all" || pr.state === state));
    }),
    createPullRequest: (input) => call("create pull request", async () => {
      const { data } = await octokit.rest.pulls.create({ owner, repo, ...input, maintainer_can_modify: true });
      return toPull(data);
    }),
    updatePullRequest: (number, input) => call(`update pull request #${number}`, async () => {
      const { data } = await octokit.rest.pulls.update({ owner, repo, pull_number: number, ...input });
      return toPull(data);
    }),
    pullRequestsOfCommit: (sha) => call(`list pull requests of ${sha.slice(0, 7)}`, async () => {
      const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        owner,
        repo,
        commit_sha: sha,
        per_page: 100
      });
      return data.map(toPull);
    })
  };
}
function issueOps({ octokit, owner, repo }) {
  return {
    addLabels: (number, labels) => call(`add labels to #${number}`, async () => {
      if (labels.length > 0)
        await octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels: [...labels] });
    }),
    removeLabel: (number, label) => call(`remove label "${label}" from #${number}`, async () => {
      try {
        await octokit.rest.issues.removeLabel({ owner, repo, issue_number: number, name: label });
      } catch (error) {
        if (error.status !== 404) throw error;
      }
    }),
    listComments: (number) => call(`list comments of #${number}`, async () => {
      const data = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: number,
        per_page: 100
      });
      return data.map(toComment);
    }),
    createComment: (number, body) => call(`comment on #${number}`, async () => {
      const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
      return toComment(data);
    }),
    updateComment: (commentId, body) => call(`update comment ${commentId}`, async () => {
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
      return toComment(data);
    })
  };
}
function commitStatusOps({ octokit, owner, repo }) {
  return {
    setCommitStatus: (sha, status) => call(`set commit status on ${sha.slice(0, 7)}`, async () => {
      await octokit.rest.repos.createCommitStatus({
        owner,
        repo,
        sha,
        state: status.state,
        context: status.context,
        description: status.description.slice(0, 140),
        ...status.targetUrl ? { target_url: status.targetUrl } : {}
      });
    }),
    listCommitStatuses: (sha) => call(`list statuses of ${sha.slice(0, 7)}`, async () => {
      const { data } = await octokit.rest.repos.listCommitStatusesForRef({ owner, repo, ref: sha, per_page: 100 });
      return data.map(toStatus).filter((s) => s !== void 0);
    })
  };
}
function deploymentOps({ octokit, owner, repo }) {
  return {
    listDeployments: (filter) => call(`list deployments of ${filter.environment}`, async () => {
      const { data } = await octokit.rest.repos.listDeployments({
        owner,
        repo,
        environment: filter.environment,
        task: filter.task,
        per_page: Math.min(100, filter.limit ?? 30)
      });
      return data.map(toDeployment).filter((d) => d.environment === filter.environment && d.task === filter.task).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    }),
    createDeployment: (input) => call(`create deployment for ${input.environment}`, async () => {
      const { data } = await octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref: input.ref,
        environment: input.environment,
        task: input.task,
        description: input.description.slice(0, 140),
        payload: input.payload,
        // The deploy job itself decides; GitHub must neither merge the default branch nor wait for checks.
        auto_merge: false,
        required_contexts: [],
        transient_environment: false,
        production_environment: true
      });
      return toDeployment(data);
    }),
    listDeploymentStatuses: (deploymentId) => call(`list statuses of deployment ${deploymentId}`, async () => {
      const { data } = await octokit.rest.repos.listDeploymentStatuses({
        owner,
        repo,
        deployment_id: deploymentId,
        per_page: 100
      });
      return data.map((s) => DeploymentStatusSchema.parse(s).state);
    }),
    setDeploymentStatus: (deploymentId, state, description) => call(`set status of deployment ${deploymentId}`, async () => {
      await octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deploymentId,
        state,
        description: description.slice(0, 140),
        // Older successes of the environment become inactive, as GitHub shows them.
        auto_inactive: true
      });
    })
  };
}

// node_modules/@octokit/plugin-request-log/dist-src/version.js
var VERSION = "6.0.0";

// node_modules/@octokit/plugin-request-log/dist-src/index.js
function requestLog(octokit) {
  octokit.hook.wrap("request", (request, options) => {
    octokit.log.debug("request", options);
    const start = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options);
    const path = requestOptions.url.replace(options.baseUrl, "");
    return request(options).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path} - ${response.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      return response;
    }).catch((error) => {
      const requestId = error.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path} - ${error.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      throw error;
    });
  });
}
requestLog.VERSION = VERSION;

// node_modules/@octokit/rest/dist-src/version.js
var VERSION2 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION2}`
  }
);

// src/github/octokit-factory.ts
var DO_NOT_RETRY = /* @__PURE__ */ new Set([400, 401, 403, 404, 410, 422, 451]);
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : 0;
}
function header(error, name) {
  const value = error?.response?.headers?.[name];
  return value === void 0 ? void 0 : String(value);
}
function retryDelayMs(error, attempt, options) {
  const status = statusOf(error);
  const rateLimited = status === 429 || status === 403 && (header(error, "x-ratelimit-remaining") === "0" || header(error, "retry-after") !== void 0);
  if (DO_NOT_RETRY.has(status) && !rateLimited) return void 0;
  const retryAfterMs = parseRetryAfter(header(error, "retry-after") ?? null, options.now);
  if (retryAfterMs !== void 0) return retryAfterMs;
  const reset = Number(header(error, "x-ratelimit-reset"));
  if (rateLimited && Number.isFinite(reset) && reset > 0)
    return Math.max(0, reset * 1e3 - (options.now ?? Date.now()));
  return backoffDelay(attempt, options.baseDelayMs, void 0, options.random);
}
function createOctokit(options) {
  const octokit = new Octokit2({
    auth: options.token,
    baseUrl: (options.baseUrl ?? "https://api.github.com").replace(/\/+$/, ""),
    userAgent: "genie-gitops",
    log: {
      debug: () => {
      },
      info: () => {
      },
      warn: (m) => options.log?.(m),
      error: (m) => options.log?.(m)
    }
  });
  const retries = options.retries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 1e3;
  const maxWaitMs = options.maxWaitMs ?? 6e4;
  octokit.hook.wrap("request", async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const delay = attempt < retries ? retryDelayMs(error, attempt, { baseDelayMs }) : void 0;
        if (delay === void 0 || delay > maxWaitMs) throw error;
        options.log?.(
          `GitHub ${requestOptions.method} ${requestOptions.url}: HTTP ${statusOf(error)}, retrying in ${Math.round(delay)} ms`
        );
        await sleep(delay);
      }
    }
  });
  return octokit;
}

// src/action/action-run.ts
function createActionRun(local, context) {
  const token = local.inputs.githubToken;
  const git = new GitCli({ cwd: local.root, token, env: local.env });
  const run = { ...local, context, git };
  if (!token || !context.owner || !context.repo) return run;
  const octokit = createOctokit({ token, baseUrl: context.apiUrl, log: (line) => warning(line) });
  return { ...run, github: createGitHub(octokit, { owner: context.owner, repo: context.repo }) };
}
function requireGitHub(run, command) {
  if (run.github) return run.github;
  throw new GenieGitopsError(
    `${command} opens pull requests and needs a GitHub token`,
    "pass github-token (default: the workflow token) and set GITHUB_REPOSITORY"
  );
}
function selectedSpaces(run, command) {
  if (run.inputs.all) return listSpaces(run.root, run.layout);
  if (run.inputs.space) return [run.inputs.space];
  throw new GenieGitopsError(
    `input space is required for command ${command}`,
    "set space to a folder name under spaces/ (or a genie_spaces key of databricks.yml), or all: true"
  );
}
async function group(name, fn) {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}

export {
  createActionRun,
  requireGitHub,
  selectedSpaces,
  group
};
