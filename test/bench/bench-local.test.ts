import { describe, expect, it } from 'vitest';
import { runBench } from '../../scripts/bench.js';

describe('npm run bench, local section', () => {
  it('measures both demo configs and reports speed and scores', async () => {
    const lines: string[] = [];
    const result = await runBench({ rounds: 1, only: ['local'], log: (line) => lines.push(line) });
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining([
        'localQps',
        'msPerQuestion',
        'warehouseOpenMs',
        'thinScore',
        'describedTrain',
        'describedHoldout',
        'thinMsPerQuestion',
        'describedMsPerQuestion',
      ]),
    );
    expect(result.localQps).toBeGreaterThan(0);
    expect(result.msPerQuestion).toBeCloseTo(1000 / result.localQps, 1);
    // Speed itself is a claim of `npm run bench`, measured in one run, not asserted by a timed test.
    expect(result.describedTrain).toBeGreaterThanOrEqual(0.9);
    expect(result.describedHoldout).toBeGreaterThanOrEqual(0.85);
    expect(result.thinScore).toBeLessThanOrEqual(0.4);
    expect(lines.some((l) => l.startsWith('thin '))).toBe(true);
    expect(lines.some((l) => l.startsWith('described '))).toBe(true);
  });
});

describe('npm run bench, interrupt section', () => {
  it('reports the round trip, the timeout overrun and the restart after a stop', async () => {
    const lines: string[] = [];
    const result = await runBench({ rounds: 1, only: ['interrupt'], log: (line) => lines.push(line) });
    expect(Object.keys(result).sort()).toEqual(
      ['statementRoundTripMs', 'timeoutOverrunMs', 'workerRestartMs', 'workerSpawns'].sort(),
    );
    // One stopped statement, one fresh worker: the measurement measured what it says.
    expect(result.workerSpawns).toBe(1);
    expect(result.timeoutOverrunMs).toBeGreaterThanOrEqual(0);
    expect(lines.some((l) => l.startsWith('statement round trip'))).toBe(true);
  });
});
