/** End-to-end: `command: lint` and `list-spaces` in the bundle, run as the runner runs it (INPUT_* and GITHUB_* variables). */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_FILE } from '../../src/action/run-lint.js';
import { REPO_ROOT, tempRepo } from '../helpers/temp-repo.js';
import { parseOutputs } from '../e2e/action-runner.js';
import { e2eDist } from '../e2e/e2e-dist.js';

let dist: string;
let repo: ReturnType<typeof tempRepo>;
beforeAll(async () => {
  dist = await e2eDist();
}, 600_000);
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.cleanup());

function runAction(root: string, inputs: Record<string, string>) {
  const output = path.join(root, 'github-output');
  const summary = path.join(root, 'step-summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: root,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_REPOSITORY: 'octo/genie-configs',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    RUNNER_TEMP: root,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawnSync(process.execPath, [path.join(dist, 'index.js')], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { ...child, outputs: parseOutputs(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8') };
}

describe('dist/index.js with command: lint', () => {
  it('annotates findings at file and line, capped per file, and sets quality and findings', () => {
    const run = runAction(repo.root, { command: 'lint', space: 'demo' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^::warning title=genie-gitops lint \[table-description-missing\],file=spaces\/demo\/space\.json,line=\d+::/m,
    );
    const annotations = run.stdout
      .split('\n')
      .filter((l) => /^::(error|warning|notice) .*file=spaces\/demo\/space\.json,line=/.test(l));
    expect(annotations).toHaveLength(ANNOTATIONS_PER_FILE);
    expect(run.stdout).toContain(`49 more lint finding(s) in spaces/demo/space.json: see the job summary`);
    expect(run.outputs.quality).toBe('10.0');
    expect(run.outputs.findings).toBe('59');
    expect(JSON.parse(run.outputs.qualities)).toEqual({ demo: 10 });
    expect(run.summary).toContain('## genie-gitops lint');
    expect(run.summary.match(/^- (ℹ️|⚠️|❌) /gm)).toHaveLength(59);
  });

  it('prints ::error at the line of an error finding and fails the step; min-quality fails it too', () => {
    const file = path.join(repo.root, 'spaces/demo/space.json');
    const space = JSON.parse(readFileSync(file, 'utf8'));
    space.instructions = {
      example_question_sqls: [
        { id: 'f'.repeat(32), question: ['Remove members'], sql: ['DELETE FROM main.community.members'] },
      ],
    };
    const text = JSON.stringify(space, null, 2);
    writeFileSync(file, text);
    const run = runAction(repo.root, { command: 'lint', space: 'demo' });
    expect(run.status).toBe(1);
    // The finding is at $...sql: the line where that value starts.
    const line = text.split('\n').findIndex((l) => l.includes('"sql": [')) + 1;
    expect(run.stdout).toContain(
      `::error title=genie-gitops lint [example-not-read-only],file=spaces/demo/space.json,line=${line}::`,
    );
    expect(run.stdout).toMatch(/^::error::demo: 1 error finding\(s\)/m);

    const clean = tempRepo();
    try {
      const low = runAction(clean.root, { command: 'lint', space: 'demo', 'min-quality': '50' });
      expect(low.status).toBe(1);
      expect(low.stdout).toContain('::error::demo: quality 10.0 is below min-quality 50');
      expect(low.outputs.quality).toBe('10.0');
    } finally {
      clean.cleanup();
    }
  });

  it('lists, lints and names spaces declared in a bundle (databricks.yml genie_spaces)', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'genie-bundle-action-'));
    try {
      cpSync(path.join(REPO_ROOT, 'test/fixtures/bundle'), root, { recursive: true });
      const listed = runAction(root, { command: 'list-spaces' });
      expect(listed.status, listed.stdout + listed.stderr).toBe(0);
      expect(JSON.parse(listed.outputs.spaces)).toEqual(['community']);
      const linted = runAction(root, { command: 'lint', space: 'all', 'bundle-target': 'prod' });
      expect(linted.status, linted.stdout).toBe(0);
      expect(linted.stdout).toMatch(/file=src\/community\.geniespace\.json,line=\d+::/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
