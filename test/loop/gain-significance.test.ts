/**
 * Enhance's gain rule: significant on the questions a candidate changed. Pure on hand-made cards,
 * and with the local engine's seeded noise, where a "gain" of a config that changes nothing Genie
 * uses is not confirmed and a real one is.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configScorer, loadSpaceBenchmarks } from '../../src/commands/score.js';
import { DEMO_TARGET } from '../helpers/demo-target.js';
import type { Backend } from '../../src/commands/workspace.js';
import { createBackendOpener } from '../../src/wiring/backend.js';
import { confirmGain, significantGain } from '../../src/loop/gain-significance.js';
import type { Reasker } from '../../src/scoring/adaptive-repeats.js';
import { memoizeWarehouse } from '../../src/loop/memo-warehouse.js';
import { buildScorecard, summarizeQuestion, type RepeatResult } from '../../src/scoring/scorecard.js';
import type { Space } from '../../src/space/schema.js';
import { readSpaceFile } from '../../src/space/space-file.js';
import { withoutJoinSpecs } from '../../scripts/bench-gate.js';
import { REPO_ROOT } from '../helpers/temp-repo.js';
import { bench } from '../scoring/fakes.js';

const rep = (passed: boolean): RepeatResult => ({
  passed,
  verdict: passed ? 'exact' : 'mismatch',
  category: passed ? null : 'wrong_filter',
  genieSql: 'SELECT 1',
  durationMs: 1,
  attempts: 1,
});

function card(asks: Record<string, boolean[]>) {
  return buildScorecard({
    space: 's',
    configHash: 'c',
    benchmarksHash: 'b',
    backend: 'test',
    repeats: 1,
    questions: Object.entries(asks).map(([id, a]) =>
      summarizeQuestion(bench(id, id, 'SELECT 1', id.startsWith('h') ? 'holdout' : 'train'), a.map(rep)),
    ),
    calls: { genie: 0, statements: 0, retries: 0, rateLimited: 0 },
    durationMs: 0,
    startedAt: '',
  });
}

describe('significantGain (pure)', () => {
  it('counts a gain held over four asks a side, and not one seen once', () => {
    const current = card({ t1: [false, false, false, false], t2: [true], h1: [true] });
    const held = card({ t1: [true, true, true, true], t2: [true], h1: [true] });
    expect(significantGain(current, held)).toMatchObject({ significant: true });
    expect(significantGain(current, held).look.p).toBeCloseTo(1 / 40, 12);
    const once = significantGain(card({ t1: [false], t2: [true] }), card({ t1: [true], t2: [true] }));
    expect(once.significant).toBe(false);
    expect(once.reason).toMatch(/^gain not significant: \+50\.0 pp/);
  });

  it('measures the gain on train questions only, unless told otherwise', () => {
    const current = card({ t1: [true], h1: [false, false, false, false] });
    const candidate = card({ t1: [true], h1: [true, true, true, true] });
    expect(significantGain(current, candidate).significant).toBe(false);
    expect(significantGain(current, candidate, { include: () => true }).significant).toBe(true);
  });
});

describe('confirmGain with a deterministic Genie (local engine, noise 0)', () => {
  const never: Reasker = {
    reask: () => {
      throw new Error('a deterministic Genie is never re-asked');
    },
  };

  it('counts a net gain of one question as a gain, exactly, without re-asking', async () => {
    const current = { card: card({ t1: [false], t2: [true], h1: [true] }), reasker: never };
    const candidate = { card: card({ t1: [true], t2: [true], h1: [true] }), reasker: never };
    const check = await confirmGain(current, candidate, { deterministic: true });
    expect(check).toMatchObject({ significant: true, card: candidate.card });
    expect(check.reason).toMatch(/^exact gain \+1 question\(s\) of 2/);
    // The same difference from a Genie that is not deterministic is not significant on one ask.
    expect(significantGain(current.card, candidate.card).significant).toBe(false);
  });

  it('is no gain when as many questions fail as pass anew', async () => {
    const current = { card: card({ t1: [false], t2: [true] }), reasker: never };
    const candidate = { card: card({ t1: [true], t2: [false] }), reasker: never };
    const check = await confirmGain(current, candidate, { deterministic: true });
    expect(check.significant).toBe(false);
    expect(check.reason).toMatch(/^no gain: \+0 question/);
  });

  it('is declared by the local backend at noise 0 only', async () => {
    const quiet = await createBackendOpener({ backend: 'local' }).open({
      root: REPO_ROOT,
      target: DEMO_TARGET,
      spacesOnly: true,
    });
    const noisy = await createBackendOpener({ backend: 'local' }).open({
      root: REPO_ROOT,
      target: DEMO_TARGET,
      spacesOnly: true,
      noise: 0.1,
    });
    expect([quiet.deterministic, noisy.deterministic]).toEqual([true, false]);
    await Promise.all([quiet.close(), noisy.close()]);
  });
});

describe('confirmGain with a noisy local engine', () => {
  const described = readSpaceFile(path.join(REPO_ROOT, 'test/fixtures/demo-described/space.json'));
  const benchmarks = loadSpaceBenchmarks(REPO_ROOT, 'demo');
  let backend: Backend;
  beforeAll(async () => {
    backend = await createBackendOpener({ backend: 'local' }).open({
      root: REPO_ROOT,
      target: DEMO_TARGET,
      noise: 0.2,
      wrapWarehouse: memoizeWarehouse,
    });
  });
  afterAll(async () => backend?.close());

  const side = async (space: Space, seed: number) => {
    const scorer = configScorer(backend, 'demo', space, benchmarks, { seed });
    return { card: await scorer.score(), reasker: scorer };
  };

  it('does not confirm a train "gain" of a config that changes nothing Genie uses', async () => {
    const edited = structuredClone(described);
    edited.config!.sample_questions![0].question = ['How many messages did the help channel get?'];
    const current = await side(described, 5);
    const candidate = await side(edited, 6);
    // On the first asks alone, the candidate looks better on train: noise.
    expect(candidate.card.totals.train.passed).toBeGreaterThan(current.card.totals.train.passed);
    const check = await confirmGain(current, candidate);
    expect(check.significant).toBe(false);
    expect(check.reason).toMatch(/^gain not significant/);
    expect(check.card.questions.some((q) => (q.asks ?? 1) > 1)).toBe(true);
  });

  it('confirms a real gain (join specs restored)', async () => {
    const current = await side(withoutJoinSpecs(described), 7);
    const candidate = await side(described, 8);
    const check = await confirmGain(current, candidate);
    expect(check.significant).toBe(true);
    expect(check.reason).toMatch(/^significant gain \+\d+\.\d pp/);
  });
});
