/**
 * A human's word wins: an enhancement PR closed without merging turns its fixes into rejected
 * lessons, which the next runs honour (and carry forward until they reach main).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterEach, beforeEach } from 'vitest';
import { enhancePrCommand } from '../../src/commands/enhance-pr.js';
import { applyRejections, collectReviewerRejections, reviewerReason } from '../../src/commands/reviewer-rejections.js';
import { LESSONS_RECORDED_LABEL, PENDING_LABEL, enhanceBranch } from '../../src/gitops/enhancement-labels.js';
import type { PullRequest } from '../../src/ports.js';
import { emptyLessons, LessonsSchema, type Lessons } from '../../src/loop/lessons.js';
import { createGitOpsWorld, type GitOpsWorld } from '../github/gitops-world.js';
import { createBackendOpener } from '../../src/wiring/backend.js';

const BRANCH = enhanceBranch('demo');
let w: GitOpsWorld;
beforeEach(async () => {
  w = await createGitOpsWorld();
});
afterEach(async () => {
  expect(w.fake.violations).toEqual([]);
  await w.close();
});

const enhance = () =>
  enhancePrCommand({
    root: w.world.work,
    space: 'demo',
    backend: createBackendOpener({ backend: 'local' }),
    analyst: 'rules',
    maxIterations: 1,
    git: w.git,
    github: w.github,
    baseBranch: 'main',
  });
/** The lessons file as a ref of the remote has it. */
const remoteLessons = (ref: string): Lessons =>
  LessonsSchema.parse(JSON.parse(w.world.git(['show', `${ref}:lessons/demo.json`], w.world.remote)));
const keys = (records: ReadonlyArray<{ key: string }>) => records.map((r) => r.key).sort();

describe('fixes of a PR closed without merging', () => {
  it('become rejected lessons with the PR number, are not proposed again, and travel until merged', async () => {
    expect((await enhance()).outcome).toBe('created');
    const proposed = keys(remoteLessons(`refs/heads/${BRANCH}`).applied_fixes);
    expect(proposed.length).toBeGreaterThan(0);
    // The reviewer closes it and deletes the branch: refs/pull/1/head still has its head.
    w.fake.closePull(1);
    w.world.git(['push', '--quiet', 'origin', '--delete', BRANCH]);

    const second = await enhance();
    expect(second.reviewerRejections?.readPulls).toEqual([1]);
    expect(second.message).toMatch(new RegExp(`${proposed.length} fix\\(es\\) rejected by reviewers recorded`));
    const lessons2 = remoteLessons(`refs/heads/${BRANCH}`);
    for (const key of proposed)
      expect(lessons2.rejected_fixes.find((r) => r.key === key)?.reason).toBe(reviewerReason(1));
    expect(keys(lessons2.applied_fixes).filter((k) => proposed.includes(k))).toEqual([]);
    expect(w.fake.pulls[0].labels).toEqual(['genie-gitops', 'space:demo', LESSONS_RECORDED_LABEL]);
    expect(second.outcome).toBe('created');
    expect(w.fake.pulls[1].body).toContain(`### Fixes rejected by reviewers (${proposed.length}, not proposed again)`);

    // PR #1 is recorded and not read again, yet the rebuilt branch of open PR #2 still carries its rejections.
    await enhance();
    const lessons3 = remoteLessons(`refs/heads/${BRANCH}`);
    expect(keys(lessons3.rejected_fixes.filter((r) => r.reason === reviewerReason(1)))).toEqual(proposed);
    expect(w.fake.pulls).toHaveLength(2);

    // PR #2 is closed as well: both PRs' fixes are now rejected. With every fix the analyst had rejected by
    // reviewers, nothing improves and no PR is opened; the rejections are in the run's lessons file, and PR #2
    // stays unlabelled so the next run reads it again (nothing is lost while no branch carries them).
    const proposed2 = keys(lessons3.applied_fixes);
    w.fake.closePull(2);
    const fourth = await enhance();
    expect(fourth.outcome).toBe('no-improvement');
    expect(fourth.reviewerRejections?.readPulls).toEqual([2]);
    const lessons4 = LessonsSchema.parse(
      JSON.parse(readFileSync(path.join(w.world.work, 'lessons/demo.json'), 'utf8')),
    );
    for (const key of proposed2)
      expect(lessons4.rejected_fixes.find((r) => r.key === key)?.reason).toBe(reviewerReason(2));
    for (const key of proposed)
      expect(lessons4.rejected_fixes.find((r) => r.key === key)?.reason).toBe(reviewerReason(1));
    expect(w.fake.pulls[1].labels).not.toContain(LESSONS_RECORDED_LABEL);
    expect((await enhance()).reviewerRejections?.readPulls).toEqual([2]);
  }, 180_000);

  it('a PR whose head cannot be read is reported, left unlabelled and tried again', async () => {
    const gone: PullRequest = {
      number: 7,
      url: 'https://github.test/octo/genie-configs/pull/7',
      state: 'closed',
      title: 'enhance demo',
      body: '',
      headRef: BRANCH,
      headSha: 'f'.repeat(40),
      baseRef: 'main',
      labels: [PENDING_LABEL],
      merged: false,
    };
    const result = await collectReviewerRejections({
      git: w.git,
      space: 'demo',
      base: emptyLessons('demo'),
      closed: [gone],
    });
    expect(result).toEqual({
      records: [],
      readPulls: [],
      unreadable: [{ number: 7, reason: `its head fffffff cannot be fetched from origin` }],
    });
  });
});

describe('applyRejections', () => {
  const record = (key: string, reason?: string) => ({
    key,
    type: 'add_synonym',
    summary: `fix ${key}`,
    ...(reason ? { reason } : {}),
  });
  it.each([
    ['adds new rejections', [], [], [record('a', reviewerReason(1))], [], ['a']],
    ['moves a fix listed as applied to rejected', [record('a')], [], [record('a', reviewerReason(1))], [], ['a']],
    [
      'keeps an earlier rejection (first reason wins)',
      [],
      [record('a', 'hurt holdout')],
      [record('a', reviewerReason(1))],
      [],
      ['a'],
    ],
    [
      'leaves other applied fixes alone',
      [record('a'), record('b')],
      [],
      [record('b', reviewerReason(2))],
      ['a'],
      ['b'],
    ],
  ])('%s', (_name, applied, rejected, records, wantApplied, wantRejected) => {
    const lessons: Lessons = { ...emptyLessons('demo'), applied_fixes: applied, rejected_fixes: rejected };
    const next = applyRejections(lessons, records);
    expect(keys(next.applied_fixes)).toEqual(wantApplied);
    expect(keys(next.rejected_fixes)).toEqual(wantRejected);
    expect(lessons.applied_fixes).toEqual(applied); // not mutated
  });
});
