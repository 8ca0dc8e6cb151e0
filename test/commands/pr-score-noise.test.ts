/**
 * The PR score check with the local engine's seeded noise, through a real git repository and a
 * loopback GitHub: a PR that changes nothing Genie uses is "no significant change" with its
 * interval in the sticky comment (where the single-run threshold rule would have failed it), and
 * a PR that removes a join spec is a significant regression.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkThresholds, prScoreCommand } from '../../src/commands/pr-score.js';
import type { Scorecard } from '../../src/scoring/scorecard.js';
import { createGitOpsWorld, type GitOpsWorld } from '../github/gitops-world.js';
import { REPO_ROOT } from '../helpers/temp-repo.js';
import { createBackendOpener } from '../../src/wiring/backend.js';

let w: GitOpsWorld;
let base: string;
let cacheDir: string;
const MARKER = '<!-- genie-gitops:score:demo -->';

beforeAll(async () => {
  w = await createGitOpsWorld();
  copyFileSync(
    path.join(REPO_ROOT, 'test/fixtures/demo-described/space.json'),
    path.join(w.world.work, 'spaces/demo/space.json'),
  );
  w.world.git(['commit', '--quiet', '-am', 'described demo config']);
  w.world.git(['push', '--quiet', 'origin', 'main']);
  base = w.head();
  cacheDir = mkdtempSync(path.join(os.tmpdir(), 'genie-gitops-cache-'));
}, 120_000);

afterAll(async () => {
  await w?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

function pushBranch(branch: string, number: number, edit: (space: any) => void): void {
  w.world.git(['checkout', '--quiet', '-B', branch, base]);
  const file = path.join(w.world.work, 'spaces/demo/space.json');
  const space = JSON.parse(readFileSync(file, 'utf8'));
  edit(space);
  writeFileSync(file, `${JSON.stringify(space, null, 2)}\n`);
  w.world.git(['commit', '--quiet', '-am', branch]);
  w.world.git(['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`]);
  w.fake.pulls.push({
    number,
    title: branch,
    body: '',
    head: branch,
    base: 'main',
    state: 'open',
    labels: [],
    merged: false,
  });
}

const check = (number: number, seed: number) =>
  prScoreCommand({
    root: w.world.work,
    space: 'demo',
    backend: createBackendOpener({ backend: 'local' }),
    git: w.git,
    baseSha: base,
    baseRef: 'main',
    maxRegression: 0.05,
    noise: 0.2,
    seed,
    cacheDir,
    github: w.github,
    prNumber: number,
  });

/** The card as its first asks alone would have scored it: what the single-run rule saw. */
function firstAsks(card: Scorecard): number {
  return card.questions.filter((q) => q.repeats[0]?.passed).length / card.questions.length;
}

describe('the PR score check with noisy Genie answers', () => {
  it('reports an unchanged config as no significant change, with the interval, in the sticky comment', async () => {
    pushBranch('sample-question', 1, (s) => {
      s.config.sample_questions[0].question = ['How many messages did the help channel get?'];
    });
    const result = await check(1, 3);
    // The single-run threshold rule would have failed this PR on noise alone.
    const naiveDrop = firstAsks(result.base!) - firstAsks(result.head);
    expect(naiveDrop).toBeGreaterThan(0.05);
    expect(result.gate.verdict).toBe('no-significant-change');
    expect(result.failures).toEqual([]);
    const body = w.fake.comments.find((c) => c.issue === 1)!.body;
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain('### Paired comparison: no significant change');
    expect(body).toMatch(/Estimate [−+±]\d+\.\d pp \(\d+(\.\d)?% interval [−+±]\d+\.\d pp to [−+±]\d+\.\d pp\)/);
    expect(body).toMatch(/one-sided p = 0\.\d+ for a regression/);
    expect(body).toContain('| discordant | split | question | base passes | head passes |');
    expect(body).toContain('**✅ Score check passed.** No significant change:');
    expect(body).not.toMatch(/significant regression|significant improvement|### Regressed|### Fixed/);
    expect(body).toMatch(/### Passed on base only \(\d+\)/);
    // The re-asked questions are flaky: the evidence sections list them with their passes of asks.
    expect(result.head.evidence!.flaky.length + result.base!.evidence!.flaky.length).toBeGreaterThan(0);
    expect(result.gate.comparison!.rounds).toBeGreaterThan(0);
  }, 120_000);

  it('fails a PR that removes every join spec as a significant regression', async () => {
    pushBranch('no-joins', 2, (s) => {
      s.instructions.join_specs = [];
    });
    const result = await check(2, 11);
    expect(result.gate.verdict).toBe('regression');
    expect(result.failures[0]).toMatch(/head is significantly worse than base: −\d+\.\d pp/);
    const body = w.fake.comments.find((c) => c.issue === 2)!.body;
    expect(body).toContain('### Paired comparison: significant regression');
    expect(body).toContain('**❌ Score check failed:**');
    expect(checkThresholds(result.head, result.base, { maxRegression: 0.05 })).toHaveLength(1);
  }, 120_000);
});
