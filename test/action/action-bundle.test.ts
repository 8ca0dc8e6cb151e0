/** End-to-end: the committed bundle run exactly as the runner runs it (INPUT_* and GITHUB_* variables). */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempRepo } from '../helpers/temp-repo.js';
import { parseOutputs } from '../e2e/action-runner.js';

let repo: ReturnType<typeof tempRepo>;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.cleanup());

function runAction(inputs: Record<string, string>) {
  const output = path.join(repo.root, 'github-output');
  const summary = path.join(repo.root, 'step-summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: repo.root,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_REPOSITORY: 'octo/genie-configs',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    RUNNER_TEMP: repo.root,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/index.js')], {
    cwd: repo.root,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { ...child, outputs: parseOutputs(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8') };
}

describe('dist/index.js as the runner runs it', () => {
  it('validates the demo space and writes outputs and the job summary', () => {
    const run = runAction({ command: 'validate' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.valid).toBe('true');
    expect(JSON.parse(run.outputs.spaces)).toContain('demo');
    expect(run.summary).toContain('genie-gitops validate');
    expect(run.summary).toContain('| demo | ✅ valid |');
  });

  it('annotates the file and fails on an invalid space', () => {
    const file = path.join(repo.root, 'spaces/demo/space.json');
    const space = JSON.parse(readFileSync(file, 'utf8'));
    space.data_sources.tables[0].identifier = 'no_dots';
    writeFileSync(file, JSON.stringify(space, null, 2));
    const run = runAction({ command: 'validate', space: 'demo' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error (title=genie-gitops validate,)?file=spaces\/demo\/space\.json/);
    expect(run.outputs.valid).toBe('false');
  });

  it('scores the demo space and sets score, passed and total', () => {
    const run = runAction({ command: 'score', space: 'demo', backend: 'local' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const total = Number(run.outputs.total);
    const passed = Number(run.outputs.passed);
    expect(total).toBeGreaterThanOrEqual(40);
    expect(Number(run.outputs.score)).toBeCloseTo(passed / total, 3);
    expect(run.summary).toContain('genie-gitops score: demo');
  });

  it('fails the step below min-score', () => {
    const run = runAction({ command: 'score', space: 'demo', 'min-score': '1' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error::score .* is below min-score 100\.0%/);
  });
});
