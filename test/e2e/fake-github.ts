/**
 * A loopback GitHub REST server for tests: the pulls, issue comments, labels, statuses,
 * deployments (with their statuses) and repository calls the adapter makes, with request bodies
 * checked against GitHub's OpenAPI description (subset) and every response completed to, and
 * checked against, the documented shape.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUBSET, build, check, type Operation } from './openapi-check.js';

export interface FakePull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
  labels: string[];
  merged: boolean;
  /** Set when closed: GitHub keeps a closed PR's head at its last commit, even if the branch moves or goes. */
  headSha?: string;
  mergeCommitSha?: string;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
}

export interface FakeStatus {
  sha: string;
  state: string;
  context: string;
  description: string;
}

export interface FakeDeployment {
  id: number;
  ref: string;
  sha: string;
  environment: string;
  task: string;
  payload: unknown;
  description: string;
  createdAt: string;
  /** Oldest first, as they were set. */
  statuses: Array<{ id: number; state: string; description: string; createdAt: string }>;
}

export interface FakeGitHub {
  url: string;
  owner: string;
  repo: string;
  pulls: FakePull[];
  comments: FakeComment[];
  statuses: FakeStatus[];
  deployments: FakeDeployment[];
  requests: Array<{ operation: string; method: string; path: string; body: unknown }>;
  /** Requests or responses that break GitHub's documented shapes; a test expects none. */
  violations: string[];
  /**
   * Closes a PR as GitHub does: the head is frozen and kept as refs/pull/<n>/head in the remote
   * (which outlives the branch), and a merged PR records its merge commit.
   */
  closePull(number: number, options?: { merged?: boolean; mergeCommitSha?: string }): FakePull;
  /** Answer the next `n` requests with this status (fault injection). */
  failNext(n: number, status: number, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** A bare repository to resolve PR head and base shas from. */
  remote?: string;
}

const ROUTES: Array<{ operation: string; method: string; pattern: RegExp }> = Object.entries(SUBSET.operations).map(
  ([operation, op]) => ({
    operation,
    method: op.method,
    pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
  }),
);

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'octo';
  const repo = options.repo ?? 'genie-configs';
  const state: Omit<FakeGitHub, 'url' | 'close' | 'failNext' | 'closePull'> = {
    owner,
    repo,
    pulls: [],
    comments: [],
    statuses: [],
    deployments: [],
    requests: [],
    violations: [],
  };
  let faults: Array<{ status: number; headers: Record<string, string> }> = [];
  const web = `https://github.test/${owner}/${repo}`;

  const sha = (branch: string): string => {
    if (!options.remote) return '0'.repeat(40);
    const r = spawnSync('git', ['rev-parse', `refs/heads/${branch}`], { cwd: options.remote, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : '0'.repeat(40);
  };
  const label = (name: string) => ({ id: 1, name, color: 'ededed', default: false, description: `label ${name}` });
  const pullJson = (p: FakePull) => ({
    number: p.number,
    id: 1000 + p.number,
    html_url: `${web}/pull/${p.number}`,
    url: `https://api.github.test/repos/${owner}/${repo}/pulls/${p.number}`,
    state: p.state,
    title: p.title,
    body: p.body,
    head: { ref: p.head, sha: p.headSha ?? sha(p.head), label: `${owner}:${p.head}` },
    base: { ref: p.base, sha: sha(p.base), label: `${owner}:${p.base}` },
    labels: p.labels.map(label),
    merged_at: p.merged ? '2026-11-01T00:00:00Z' : null,
    closed_at: p.state === 'closed' ? '2026-11-01T00:00:00Z' : null,
    merge_commit_sha: p.merged ? (p.mergeCommitSha ?? null) : null,
  });
  // Deployments are created in order; the clock ticks one second per record so "newest first" is well defined.
  let clock = Date.parse('2026-11-01T00:00:00Z');
  const tick = () => new Date((clock += 1000)).toISOString().replace(/\.000Z$/, 'Z');
  const resolveRef = (ref: string): string => {
    if (/^[0-9a-f]{40}$/.test(ref)) return ref;
    return sha(ref.replace(/^refs\/heads\//, ''));
  };
  const deploymentJson = (d: FakeDeployment) => ({
    id: d.id,
    url: `https://api.github.test/repos/${owner}/${repo}/deployments/${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    environment: d.environment,
    payload: d.payload,
    description: d.description,
    created_at: d.createdAt,
    updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
    statuses_url: `https://api.github.test/repos/${owner}/${repo}/deployments/${d.id}/statuses`,
    repository_url: `https://api.github.test/repos/${owner}/${repo}`,
  });
  const deploymentStatusJson = (d: FakeDeployment, s: FakeDeployment['statuses'][number]) => ({
    id: s.id,
    state: s.state,
    description: s.description,
    environment: d.environment,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: `https://api.github.test/repos/${owner}/${repo}/deployments/${d.id}`,
    repository_url: `https://api.github.test/repos/${owner}/${repo}`,
    target_url: '',
    url: `https://api.github.test/repos/${owner}/${repo}/deployments/${d.id}/statuses/${s.id}`,
  });
  const commentJson = (c: FakeComment) => ({
    id: c.id,
    body: c.body,
    html_url: `${web}/pull/${c.issue}#issuecomment-${c.id}`,
  });

  function handle(
    operation: string,
    params: string[],
    query: URLSearchParams,
    body: unknown,
  ): { status: number; json: unknown } {
    const number = Number(params[2]);
    const pull = () => state.pulls.find((p) => p.number === number);
    const b = (body ?? {}) as Record<string, unknown>;
    switch (operation) {
      case 'repos/get':
        return {
          status: 200,
          json: {
            name: repo,
            full_name: `${owner}/${repo}`,
            default_branch: options.defaultBranch ?? 'main',
            html_url: web,
          },
        };
      case 'pulls/list': {
        const wanted = query.get('head');
        const st = query.get('state') ?? 'open';
        // Newest first, as GitHub sorts by created date descending.
        const list = state.pulls
          .filter((p) => (st === 'all' || p.state === st) && (!wanted || `${owner}:${p.head}` === wanted))
          .reverse();
        return { status: 200, json: list.map(pullJson) };
      }
      case 'pulls/create': {
        if (state.pulls.some((p) => p.state === 'open' && p.head === b.head))
          return { status: 422, json: { message: `A pull request already exists for ${owner}:${String(b.head)}.` } };
        const p: FakePull = {
          number: state.pulls.length + 1,
          title: String(b.title),
          body: String(b.body ?? ''),
          head: String(b.head),
          base: String(b.base),
          state: 'open',
          labels: [],
          merged: false,
        };
        state.pulls.push(p);
        return { status: 201, json: pullJson(p) };
      }
      case 'pulls/update': {
        const p = pull();
        if (!p) return { status: 404, json: { message: 'Not Found' } };
        if (typeof b.title === 'string') p.title = b.title;
        if (typeof b.body === 'string') p.body = b.body;
        return { status: 200, json: pullJson(p) };
      }
      case 'issues/add-labels': {
        const p = pull();
        if (!p) return { status: 404, json: { message: 'Not Found' } };
        for (const l of (b.labels as string[]) ?? []) if (!p.labels.includes(l)) p.labels.push(l);
        return { status: 200, json: p.labels.map(label) };
      }
      case 'issues/remove-label': {
        const p = pull();
        const name = decodeURIComponent(params[3]);
        if (!p || !p.labels.includes(name)) return { status: 404, json: { message: 'Label does not exist' } };
        p.labels = p.labels.filter((l) => l !== name);
        return { status: 200, json: p.labels.map(label) };
      }
      case 'issues/list-comments':
        return { status: 200, json: state.comments.filter((c) => c.issue === number).map(commentJson) };
      case 'issues/create-comment': {
        const c: FakeComment = { id: 5000 + state.comments.length + 1, issue: number, body: String(b.body) };
        state.comments.push(c);
        return { status: 201, json: commentJson(c) };
      }
      case 'issues/update-comment': {
        const c = state.comments.find((x) => x.id === Number(params[2]));
        if (!c) return { status: 404, json: { message: 'Not Found' } };
        c.body = String(b.body);
        return { status: 200, json: commentJson(c) };
      }
      case 'repos/create-commit-status': {
        const s: FakeStatus = {
          sha: params[2],
          state: String(b.state),
          context: String(b.context ?? 'default'),
          description: String(b.description ?? ''),
        };
        state.statuses.push(s);
        return {
          status: 201,
          json: {
            id: state.statuses.length,
            state: s.state,
            context: s.context,
            description: s.description,
            target_url: null,
          },
        };
      }
      case 'repos/list-commit-statuses-for-ref': {
        const ref = resolveRef(decodeURIComponent(params[2]));
        const list = state.statuses.filter((x) => x.sha === ref).reverse();
        return {
          status: 200,
          json: list.map((x, i) => ({
            id: i + 1,
            state: x.state,
            context: x.context,
            description: x.description,
            target_url: null,
          })),
        };
      }
      case 'repos/list-pull-requests-associated-with-commit': {
        const commit = params[2];
        const list = state.pulls.filter((p) => p.mergeCommitSha === commit || (p.headSha ?? sha(p.head)) === commit);
        return { status: 200, json: list.map(pullJson) };
      }
      case 'repos/list-deployments': {
        const env = query.get('environment');
        const task = query.get('task');
        const perPage = Number(query.get('per_page') ?? 30);
        const list = state.deployments
          .filter((d) => (!env || d.environment === env) && (!task || d.task === task))
          .slice()
          .reverse()
          .slice(0, perPage);
        return { status: 200, json: list.map(deploymentJson) };
      }
      case 'repos/create-deployment': {
        const ref = String(b.ref);
        const d: FakeDeployment = {
          id: 7000 + state.deployments.length + 1,
          ref,
          sha: resolveRef(ref),
          environment: String(b.environment ?? 'production'),
          task: String(b.task ?? 'deploy'),
          payload: b.payload ?? {},
          description: String(b.description ?? ''),
          createdAt: tick(),
          statuses: [],
        };
        state.deployments.push(d);
        return { status: 201, json: deploymentJson(d) };
      }
      case 'repos/list-deployment-statuses': {
        const d = state.deployments.find((x) => x.id === Number(params[2]));
        if (!d) return { status: 404, json: { message: 'Not Found' } };
        return {
          status: 200,
          json: d.statuses
            .slice()
            .reverse()
            .map((s) => deploymentStatusJson(d, s)),
        };
      }
      case 'repos/create-deployment-status': {
        const d = state.deployments.find((x) => x.id === Number(params[2]));
        if (!d) return { status: 404, json: { message: 'Not Found' } };
        const s = {
          id: 9000 + d.statuses.length + 1,
          state: String(b.state),
          description: String(b.description ?? ''),
          createdAt: tick(),
        };
        d.statuses.push(s);
        return { status: 201, json: deploymentStatusJson(d, s) };
      }
      default:
        return { status: 404, json: { message: 'Not Found' } };
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = ROUTES.map((r) => ({ r, m: r.method === req.method ? r.pattern.exec(url.pathname) : null })).find(
        (x) => x.m,
      );
      const text = Buffer.concat(chunks).toString('utf8');
      const body: unknown = text ? JSON.parse(text) : undefined;
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(json));
      };
      if (!route) {
        state.violations.push(`unexpected request ${req.method} ${url.pathname}`);
        return send(404, { message: 'Not Found' });
      }
      const op: Operation = SUBSET.operations[route.r.operation];
      state.requests.push({ operation: route.r.operation, method: req.method ?? '', path: url.pathname, body });
      if (!req.headers.authorization) state.violations.push(`${route.r.operation}: no Authorization header`);
      const fault = faults.shift();
      if (fault) return send(fault.status, { message: 'injected fault' }, fault.headers);
      const problems = op.request ? check(op.request, body ?? null) : [];
      if (problems.length > 0) {
        state.violations.push(`${route.r.operation} request: ${problems.join('; ')}`);
        return send(422, { message: 'Validation Failed', errors: problems });
      }
      const out = handle(route.r.operation, route.m!.slice(1), url.searchParams, body);
      if (out.status !== op.status) return send(out.status, out.json);
      const full = build(op.response, out.json);
      const bad = check(op.response, full);
      if (bad.length > 0) state.violations.push(`${route.r.operation} response: ${bad.slice(0, 3).join('; ')}`);
      send(out.status, full);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    closePull(number: number, close: { merged?: boolean; mergeCommitSha?: string } = {}) {
      const p = state.pulls.find((x) => x.number === number);
      if (!p) throw new Error(`no PR #${number}`);
      p.headSha = sha(p.head);
      if (options.remote)
        spawnSync('git', ['update-ref', `refs/pull/${number}/head`, p.headSha], { cwd: options.remote });
      p.state = 'closed';
      p.merged = close.merged ?? false;
      p.mergeCommitSha = close.mergeCommitSha;
      return p;
    },
    failNext(n: number, status: number, headers: Record<string, string> = {}) {
      faults = Array.from({ length: n }, () => ({ status, headers }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
