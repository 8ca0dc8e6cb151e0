/** The example workflows are valid YAML, and every input they pass to this action exists in action.yml. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/temp-repo.js';
import { INPUT } from '../../src/action/inputs.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  steps?: Step[];
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  strategy?: { matrix?: Record<string, unknown> };
}
interface Workflow {
  name?: string;
  on?: Record<string, unknown>;
  jobs?: Record<string, Job>;
}

const dir = path.join(REPO_ROOT, '.github/workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const load = (file: string) => parse(readFileSync(path.join(dir, file), 'utf8')) as Workflow;
const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description?: string; default?: string }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
  branding?: unknown;
};

describe('action.yml', () => {
  it('runs dist/index.js on node24, has branding, and documents every input and output', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding).toBeDefined();
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      expect(spec.description?.trim().length ?? 0, name).toBeGreaterThan(10);
    }
    expect(action.inputs['github-token'].default).toBe('${{ github.token }}');
  });

  it('declares exactly the inputs the action reads', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUT).sort());
  });
});

describe('example workflows', () => {
  it('include enhance, PR score, deploy, export and CI', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'ci.yml',
        'genie-enhance.yml',
        'genie-pr-score.yml',
        'genie-deploy.yml',
        'genie-export.yml',
      ]),
    );
  });

  it.each(files)('%s is a workflow whose `uses: ./` inputs all exist in action.yml', (file) => {
    const wf = load(file);
    expect(wf.on).toBeDefined();
    expect(Object.keys(wf.jobs ?? {}).length).toBeGreaterThan(0);
    for (const job of Object.values(wf.jobs ?? {})) {
      for (const step of job.steps ?? []) {
        expect(Boolean(step.uses) !== Boolean(step.run), `${file}: a step has exactly one of uses/run`).toBe(true);
        if (step.uses !== './') continue;
        for (const input of Object.keys(step.with ?? {}))
          expect(Object.keys(action.inputs), `${file}: input ${input}`).toContain(input);
      }
    }
  });

  it('keys deploy and enhance concurrency by space and never cancels them in progress', () => {
    for (const file of ['genie-deploy.yml', 'genie-enhance.yml']) {
      const jobs = Object.values(load(file).jobs ?? {}).filter((j) =>
        j.steps?.some((s) => s.uses === './' && s.with?.command !== 'list-spaces'),
      );
      expect(jobs.length).toBeGreaterThan(0);
      for (const job of jobs) {
        expect(job.concurrency?.group).toMatch(/matrix\.space/);
        expect(job.concurrency?.['cancel-in-progress']).toBe(false);
        expect(job.concurrency?.group).not.toMatch(/run_id/);
      }
    }
  });

  it('PR score runs on pull_request (not pull_request_target) with a paths filter, and notices missing credentials', () => {
    const wf = load('genie-pr-score.yml');
    expect(Object.keys(wf.on ?? {})).toEqual(['pull_request']);
    expect((wf.on?.pull_request as { paths: string[] }).paths).toEqual([
      'spaces/**',
      'benchmarks/**',
      'databricks.yml',
      'resources/**',
      '**/*.geniespace.json',
    ]);
    const text = readFileSync(path.join(dir, 'genie-pr-score.yml'), 'utf8');
    expect(text).toContain('::notice::');
  });

  it('enhance builds its matrix from list-spaces', () => {
    const wf = load('genie-enhance.yml');
    const steps = Object.values(wf.jobs ?? {}).flatMap((j) => j.steps ?? []);
    expect(steps.some((s) => s.with?.command === 'list-spaces')).toBe(true);
    expect(JSON.stringify(wf.jobs?.enhance?.strategy?.matrix)).toContain('fromJSON(needs.spaces.outputs.spaces)');
  });
});
