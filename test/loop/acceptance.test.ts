import { describe, expect, it } from 'vitest';
import { judge, outcomeOf, type JudgedCard } from '../../src/loop/acceptance.js';

/** A card from per-question states: `P` passes, `-` fails, a trailing `t` marks the question taught. */
function card(states: Record<string, string>): JudgedCard {
  const questions = Object.entries(states).map(([id, s]) => ({
    id,
    split: id.startsWith('h') ? ('holdout' as const) : ('train' as const),
    passed: s.startsWith('P'),
    taught: s.endsWith('t'),
  }));
  const count = (qs: typeof questions) => ({ passed: qs.filter((q) => q.passed).length, total: qs.length });
  const train = questions.filter((q) => q.split === 'train');
  return {
    totals: {
      train: count(train),
      trainUntaught: count(train.filter((q) => !q.taught)),
      holdout: count(questions.filter((q) => q.split === 'holdout')),
    },
    questions,
  };
}

describe('acceptance rule', () => {
  const before = card({ t1: '-', t2: 'P', t3: '-', h1: 'P', h2: '-' });

  it('keeps a candidate when train-untaught rises with no regression and holdout steady', () => {
    const verdict = judge(before, card({ t1: 'P', t2: 'P', t3: '-', h1: 'P', h2: 'P' }));
    expect(verdict).toMatchObject({ accepted: true, regressions: [], fixed: ['t1', 'h2'], untaughtGain: 1 });
    expect(verdict.reason).toBe('train-untaught +1, holdout +1');
  });

  it('rejects a regression even when the counts rise (the question that broke is named)', () => {
    const verdict = judge(before, card({ t1: 'P', t2: '-', t3: 'P', h1: 'P', h2: '-' }));
    expect(verdict.accepted).toBe(false);
    expect(verdict.regressions).toEqual(['t2']);
    expect(verdict.reason).toMatch(/1 question\(s\) that passed now fail \(t2\); at most 0 allowed/);
  });

  it('allows regressions within the budget', () => {
    const verdict = judge(before, card({ t1: 'P', t2: '-', t3: 'P', h1: 'P', h2: '-' }), { maxRegressions: 1 });
    expect(verdict.accepted).toBe(true);
    expect(verdict.reason).toMatch(/1 regression\(s\) within the budget/);
  });

  it('rejects a holdout loss and a train gain that comes only from taught questions', () => {
    expect(judge(before, card({ t1: 'P', t2: 'P', t3: 'P', h1: '-', h2: '-' }), { maxRegressions: 5 }).reason).toMatch(
      /holdout fell by 1/,
    );
    const copied = judge(before, card({ t1: 'Pt', t2: 'P', t3: '-', h1: 'P', h2: '-' }));
    expect(copied.accepted).toBe(false);
    expect(copied.reason).toMatch(/only taught questions gained/);
  });

  it('counts like for like: a question that becomes taught is neither a gain nor a hidden loss', () => {
    const verdict = judge(before, card({ t1: 'Pt', t2: 'P', t3: 'P', h1: 'P', h2: '-' }));
    expect(verdict.accepted).toBe(true);
    expect(verdict.untaughtGain).toBe(1);
    expect(judge(before, card({ t1: '-', t2: 'P', t3: '-', h1: 'P', h2: '-' })).reason).toBe(
      'train-untaught did not rise',
    );
  });

  it('classifies single-fix outcomes for the lessons', () => {
    expect(outcomeOf(before, card({ t1: 'P', t2: 'P', t3: '-', h1: 'P', h2: '-' }))).toBe('helped');
    expect(outcomeOf(before, before)).toBe('no_effect');
    expect(outcomeOf(before, card({ t1: 'P', t2: '-', t3: 'P', h1: 'P', h2: '-' }))).toBe('hurt');
  });
});
