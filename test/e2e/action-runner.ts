/** Runs a bundled action exactly as the runner does: INPUT_* and GITHUB_* variables, an event payload file, output and summary files. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ActionRunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionRunSpec {
  dist: string;
  workspace: string;
  inputs: Record<string, string>;
  eventName: string;
  payload: unknown;
  sha: string;
  ref: string;
  apiUrl: string;
  /** Base environment (PATH, HOME, isolated git config) plus anything extra, e.g. GENIE_GITOPS_STATE_DIR. */
  env: Record<string, string>;
  repository?: string;
}

/**
 * Asynchronous on purpose: the loopback GitHub server lives in this test process, so a
 * synchronous spawn would block the very server the action is talking to.
 */
export async function runAction(spec: ActionRunSpec): Promise<ActionRunResult> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'genie-gitops-run-'));
  const output = path.join(tmp, 'github-output');
  const summary = path.join(tmp, 'step-summary');
  const event = path.join(tmp, 'event.json');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  writeFileSync(event, JSON.stringify(spec.payload));
  const env: Record<string, string> = {
    ...spec.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: spec.workspace,
    GITHUB_EVENT_NAME: spec.eventName,
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: spec.repository ?? 'octo/genie-configs',
    GITHUB_SHA: spec.sha,
    GITHUB_REF: spec.ref,
    GITHUB_API_URL: spec.apiUrl,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_RUN_ID: '4242',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: tmp,
  };
  for (const [name, value] of Object.entries(spec.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [path.join(spec.dist, 'index.js')], {
    cwd: spec.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const timer = setTimeout(() => child.kill(), 600_000);
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(timer);
  return {
    status,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
  };
}

/** GITHUB_OUTPUT uses heredoc blocks: name<<delimiter / value / delimiter. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}
