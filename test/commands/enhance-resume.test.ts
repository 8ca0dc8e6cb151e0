/**
 * Enhance within a budget, then resume (issue 15), end to end over the commands with real git
 * and the loopback GitHub: a run stopped on its Genie question budget keeps its confirmed
 * iterations and says so in the PR; the next scheduled run starts from the PR branch's config
 * and lessons and reaches the score of one unbounded run (DEMO_UNBOUNDED_FINAL, which
 * test/cli/enhance-command.test.ts checks against the unbounded loop itself).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnhanceResult } from '../../src/commands/enhance.js';
import { enhancePrCommand, type EnhancePrOptions, type EnhancePrResult } from '../../src/commands/enhance-pr.js';
import { parseHistory } from '../../src/report/run-history.js';
import { DEMO_UNBOUNDED_FINAL } from '../helpers/demo-enhanced.js';
import { createGitOpsWorld, type GitOpsWorld } from '../github/gitops-world.js';
import { createBackendOpener } from '../../src/wiring/backend.js';

let w: GitOpsWorld;
let first: EnhancePrResult;
let second: EnhancePrResult;
let firstBody: string;

const enhance = (extra: Partial<EnhancePrOptions> = {}) =>
  enhancePrCommand({
    root: w.world.work,
    space: 'demo',
    backend: createBackendOpener({ backend: 'local' }),
    analyst: 'rules',
    git: w.git,
    github: w.github,
    baseBranch: 'main',
    ...extra,
  });

beforeAll(async () => {
  w = await createGitOpsWorld();
  first = await enhance({ maxGenieQuestions: 120 });
  firstBody = w.fake.pulls[0].body;
  // The next scheduled run: a fresh checkout of main (the answer cache folder survives, as with actions/cache).
  w.checkoutMain();
  second = await enhance();
}, 120_000);
afterAll(async () => {
  expect(w.fake.violations).toEqual([]);
  await w.close();
});

const untaught = (r: EnhanceResult) => r.after.totals.trainUntaught.passed;
const holdout = (r: EnhanceResult) => r.after.totals.holdout.passed;

describe('enhance with --max-genie-questions 120, then resumed', () => {
  it('stops early on the question budget, within it, keeping its confirmed iterations', () => {
    const r = first.result!;
    expect(first.outcome).toBe('created');
    expect(r.calls.genie).toBeLessThanOrEqual(120);
    expect(r.budget?.stoppedOnBudget).toMatch(/question budget/);
    expect(r.iterations.filter((i) => i.accepted).length).toBeGreaterThan(0);
    expect(untaught(r)).toBeGreaterThan(r.before.totals.trainUntaught.passed);
    // Stopped early: the unbounded run goes further.
    expect(untaught(r)).toBeLessThan(DEMO_UNBOUNDED_FINAL.trainUntaught);
    // The kept config was scored in full: every question was answered under it.
    expect(r.after.questions.every((q) => q.asks === 1)).toBe(true);
  });

  it('says in the PR body that it stopped on budget, what is left, and how the budget was spent', () => {
    const body = firstBody;
    expect(body).toContain('**This run stopped on its budget**');
    expect(body).toMatch(
      /left to try: \d+ proposed fix\(es\) were not judged yet, and \d+ train question\(s\) still fail/,
    );
    expect(body).toMatch(/At 5 questions\/min this run needs \*\*[\d.]+ min\*\*/);
    expect(body).toMatch(/on the whole benchmark would need \d+ questions/);
    expect(parseHistory(body)).toMatchObject([{ run: 1, stoppedOnBudget: true }]);
  });

  it('resumes from the PR branch: its config and lessons, the same PR, answers reused', () => {
    const r = second.result!;
    expect(second.outcome).toBe('updated');
    expect(second.pr?.number).toBe(1);
    expect(w.fake.pulls).toHaveLength(1);
    expect(second.resumed).toEqual({ pr: 1, earlierRuns: 1 });
    expect(r.before.configHash).toBe(first.result!.after.configHash);
    // Run 1 scored its final config in full; run 2 starts from it without asking Genie again.
    expect(r.budget?.reusedFromCache).toBe(r.before.totals.all.total);
    // Nothing run 1 rejected is proposed again.
    const rejected = new Set(first.result!.lessons.rejected_fixes.map((f) => f.key));
    const proposed = r.iterations.flatMap((it) => [...it.applied, ...it.rejected].map((f) => f.key));
    expect(proposed.filter((key) => rejected.has(key))).toEqual([]);
  });

  it('reaches the same final score as one unbounded run, and the PR body lists both runs', () => {
    const r = second.result!;
    expect([untaught(r), holdout(r)]).toEqual([DEMO_UNBOUNDED_FINAL.trainUntaught, DEMO_UNBOUNDED_FINAL.holdout]);
    const body = w.fake.pulls[0].body;
    expect(parseHistory(body).map((h) => [h.run, h.stoppedOnBudget])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(body).toContain('### Runs of this PR (2)');
    expect(body).toMatch(/This is run 2 of this PR: it resumed from PR #1 after 1 earlier run/);
    expect(w.fake.pulls[0].title).toMatch(/train 21\.1% → /);
  });
});
