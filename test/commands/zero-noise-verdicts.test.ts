/**
 * With the local engine's default zero noise, the paired gate gives the PR check the same
 * verdicts as the threshold rule it replaces, on demo configs that regress by one question,
 * by several, not at all, or improve.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkThresholds } from '../../src/commands/pr-score.js';
import { configScorer, loadSpaceBenchmarks } from '../../src/commands/score.js';
import { DEMO_TARGET } from '../helpers/demo-target.js';
import type { Backend } from '../../src/commands/workspace.js';
import { createBackendOpener } from '../../src/wiring/backend.js';
import { memoizeWarehouse } from '../../src/loop/memo-warehouse.js';
import { compareWithRepeats } from '../../src/scoring/adaptive-repeats.js';
import { decideGate } from '../../src/scoring/score-gate.js';
import type { Scorecard } from '../../src/scoring/scorecard.js';
import type { Space } from '../../src/space/schema.js';
import { readSpaceFile } from '../../src/space/space-file.js';
import { withoutJoinSpecs } from '../../scripts/bench-gate.js';
import { REPO_ROOT } from '../helpers/temp-repo.js';

const described = readSpaceFile(path.join(REPO_ROOT, 'test/fixtures/demo-described/space.json'));
const thin = readSpaceFile(path.join(REPO_ROOT, 'spaces/demo/space.json'));
const benchmarks = loadSpaceBenchmarks(REPO_ROOT, 'demo');
const join = (left: string, right: string) => (j: { left: { alias?: string }; right: { alias?: string } }) =>
  j.left.alias === left && j.right.alias === right;

const sampleQuestionEdited = structuredClone(described);
sampleQuestionEdited.config!.sample_questions![0].question = ['How many messages did the help channel get?'];

const CASES: Array<[string, Space, Space]> = [
  ['a sample question edited (no change in answers)', sampleQuestionEdited, described],
  ['one join removed that one question needs', withoutJoinSpecs(described, join('reactions', 'members')), described],
  ['the messages-channels join removed', withoutJoinSpecs(described, join('messages', 'channels')), described],
  ['every join removed', withoutJoinSpecs(described), described],
  ['joins restored (an improvement)', described, withoutJoinSpecs(described)],
  ['the thin config against the described one', thin, described],
];

let backend: Backend;
const cards = new Map<Space, Scorecard>();
beforeAll(async () => {
  backend = await createBackendOpener({ backend: 'local' }).open({
    root: REPO_ROOT,
    target: DEMO_TARGET,
    wrapWarehouse: memoizeWarehouse,
  });
});
afterAll(async () => backend?.close());

async function screening(space: Space) {
  const scorer = configScorer(backend, 'demo', space, benchmarks);
  if (!cards.has(space)) cards.set(space, await scorer.score());
  return { card: cards.get(space)!, reasker: scorer };
}

describe('the PR gate at zero noise', () => {
  it.each(CASES)('%s: same verdict as the threshold rule at max-regression 0 and 0.05', async (_name, h, b) => {
    const head = await screening(h);
    const base = await screening(b);
    for (const maxRegression of [0, 0.05]) {
      const before = checkThresholds(head.card, base.card, { maxRegression }).length > 0;
      const plan = { direction: 'worse' as const, tolerance: maxRegression, confidence: 0.95 };
      const compared = await compareWithRepeats(plan, head, base);
      const gate = decideGate({ ...compared, settings: { maxRegression, confidence: 0.95 } });
      expect(gate.failures.length > 0, `${gate.summary} (max-regression ${maxRegression})`).toBe(before);
      // Re-asks of a deterministic engine agree with the first asks: the scores do not move.
      expect(compared.head.totals).toEqual(head.card.totals);
      expect(compared.head.evidence!.flaky).toEqual([]);
      if (before) expect(gate.verdict).toBe('regression');
    }
  });

  it('needs four asks a side to call a one-question regression, and asks nothing more of agreeing questions', async () => {
    const head = await screening(withoutJoinSpecs(described, join('reactions', 'members')));
    const base = await screening(described);
    const compared = await compareWithRepeats({ direction: 'worse', tolerance: 0 }, head, base);
    expect(compared.comparison.test.discordant).toHaveLength(1);
    expect(compared.comparison).toMatchObject({ rounds: 3, reasked: 3, look: 4, stop: 'last-look', significant: true });
    expect(compared.comparison.p).toBeCloseTo(1 / 40, 12);
    const asks = compared.head.questions.map((q) => q.asks);
    expect(asks.filter((n) => n === 4)).toHaveLength(1);
    expect(asks.filter((n) => n === 1)).toHaveLength(benchmarks.length - 1);
  });
});
