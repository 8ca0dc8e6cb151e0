/** The runs history kept in an enhancement PR's body: read back exactly, and unreadable markers are no history. */
import { describe, expect, it } from 'vitest';
import { historySection, parseHistory, type RunEntry } from '../../src/report/run-history.js';

const counts = (passed: number, total: number) => ({ passed, total });
const entry = (run: number, stoppedOnBudget: boolean): RunEntry => ({
  run,
  at: '2026-12-01T02:00:00.000Z',
  startConfig: 'aaaaaaaaaaaa',
  endConfig: 'bbbbbbbbbbbb',
  benchmarks: 'cccccccccccc',
  before: { train: counts(8, 38), trainUntaught: counts(8, 38), holdout: counts(2, 18) },
  after: { train: counts(28, 38), trainUntaught: counts(28, 38), holdout: counts(2, 18) },
  kept: 1,
  iterations: 2,
  genieQuestions: 101,
  stop: 'the Genie question budget | reached',
  stoppedOnBudget,
});

describe('run history in the PR body', () => {
  it('round-trips through the body and shows one row per run', () => {
    const history = [entry(1, true), entry(2, false)];
    const body = `## enhance\n\nsome text${historySection(history)}\nmore text`;
    expect(parseHistory(body)).toEqual(history);
    expect(body).toContain('| 1 | 2026-12-01 02:00 | 21.1% → 73.7% | 11.1% → 11.1% | 1 of 2 | 101 | **budget**: ');
    expect(body).toContain('the Genie question budget \\| reached');
  });

  it('treats a missing, damaged or ill-shaped marker as no history', () => {
    expect(parseHistory(undefined)).toEqual([]);
    expect(parseHistory('no marker')).toEqual([]);
    expect(parseHistory('<!-- genie-gitops:history v1 bm90IGpzb24= -->')).toEqual([]);
    const wrong = Buffer.from(JSON.stringify([{ run: 0 }])).toString('base64');
    expect(parseHistory(`<!-- genie-gitops:history v1 ${wrong} -->`)).toEqual([]);
  });
});
