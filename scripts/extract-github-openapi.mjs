#!/usr/bin/env node
/**
 * Extracts the GitHub REST operations genie-gitops uses from GitHub's published OpenAPI
 * description (@octokit/openapi) into test/e2e/github-openapi-subset.json, which the loopback
 * GitHub server in the end-to-end tests validates requests and responses against.
 *
 * @octokit/openapi is large (hundreds of MB unpacked), so it is not a dependency. To refresh the subset:
 *   mkdir /tmp/oapi && cd /tmp/oapi && npm install --no-save @octokit/openapi@23.0.2
 *   node scripts/extract-github-openapi.mjs /tmp/oapi/node_modules/@octokit/openapi
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** operationId -> [method, path template]: exactly the calls src/github/octokit-github.ts (and deployment-log.ts) make. */
export const OPERATIONS = {
  'repos/get': ['get', '/repos/{owner}/{repo}'],
  'pulls/list': ['get', '/repos/{owner}/{repo}/pulls'],
  'pulls/create': ['post', '/repos/{owner}/{repo}/pulls'],
  'pulls/update': ['patch', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  'issues/add-labels': ['post', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  'issues/remove-label': ['delete', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}'],
  'issues/list-comments': ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  'issues/create-comment': ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  'issues/update-comment': ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  'repos/create-commit-status': ['post', '/repos/{owner}/{repo}/statuses/{sha}'],
  'repos/list-deployments': ['get', '/repos/{owner}/{repo}/deployments'],
  'repos/create-deployment': ['post', '/repos/{owner}/{repo}/deployments'],
  'repos/list-deployment-statuses': ['get', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses'],
  'repos/create-deployment-status': ['post', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses'],
  'repos/list-commit-statuses-for-ref': ['get', '/repos/{owner}/{repo}/commits/{ref}/statuses'],
  'repos/list-pull-requests-associated-with-commit': ['get', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls'],
};

/** Keeps only what a required-fields-and-types check needs. */
const KEEP = new Set([
  'type',
  'required',
  'properties',
  'items',
  'enum',
  'nullable',
  'anyOf',
  'oneOf',
  'allOf',
  'format',
  'additionalProperties',
  'minItems',
  'maxLength',
]);

function prune(schema, depth = 0) {
  if (Array.isArray(schema)) return schema.map((s) => prune(s, depth));
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEEP.has(key)) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, prune(s, depth + 1)]));
    } else if (key === 'additionalProperties') {
      out.additionalProperties = typeof value === 'object' ? prune(value, depth + 1) : value;
    } else if (key === 'enum' || key === 'required' || typeof value !== 'object') {
      out[key] = value;
    } else {
      out[key] = prune(value, depth + 1);
    }
  }
  return out;
}

export function extract(spec) {
  const operations = {};
  for (const [id, [method, route]] of Object.entries(OPERATIONS)) {
    const op = spec.paths?.[route]?.[method];
    if (!op) throw new Error(`${method.toUpperCase()} ${route} is not in the description`);
    if (op.operationId !== id) throw new Error(`${route}: operationId ${op.operationId}, expected ${id}`);
    const success = Object.keys(op.responses).find((s) => /^2\d\d$/.test(s));
    const body = op.requestBody?.content?.['application/json']?.schema;
    operations[id] = {
      method: method.toUpperCase(),
      path: route,
      request: body ? prune(body) : null,
      status: Number(success),
      response: prune(op.responses[success]?.content?.['application/json']?.schema ?? null),
    };
  }
  return operations;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pkg = process.argv[2] ?? path.join(root, 'node_modules', '@octokit', 'openapi');
  const version = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;
  const spec = JSON.parse(readFileSync(path.join(pkg, 'generated', 'api.github.com.deref.json'), 'utf8'));
  const subset = {
    source: `@octokit/openapi@${version} generated/api.github.com.deref.json`,
    operations: extract(spec),
  };
  const out = path.join(root, 'test', 'e2e', 'github-openapi-subset.json');
  writeFileSync(out, `${JSON.stringify(subset, null, 1)}\n`);
  console.log(`wrote ${path.relative(root, out)} (${Object.keys(subset.operations).length} operations)`);
}
