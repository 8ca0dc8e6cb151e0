import { describe, expect, it } from 'vitest';
import { runGateBench } from '../../scripts/bench-gate.js';
import { REPO_ROOT } from '../helpers/temp-repo.js';

describe('npm run bench, gate section', () => {
  it('reports both gates on a real regression and on an unchanged config, and the questions asked', async () => {
    const lines: string[] = [];
    // One seed only: the rates themselves are claims of `npm run bench` over many seeds.
    const result = await runGateBench({ root: REPO_ROOT, log: (line) => lines.push(line) }, { seeds: 1 });
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining([
        'gateFalseAlarmRate',
        'gateDetectionRate',
        'gateQuestionsPerSide',
        'naiveGateFalseAlarmRate',
        'naiveGateDetectionRate',
        'gateRegressionPoints',
      ]),
    );
    // The detection scenario is a real regression of at least 10 points at zero noise.
    expect(result.gateRegressionPoints).toBeGreaterThanOrEqual(10);
    for (const key of ['gateFalseAlarmRate', 'gateDetectionRate', 'naiveGateFalseAlarmRate', 'naiveGateDetectionRate'])
      expect([0, 1]).toContain(result[key]);
    // Every question is asked once a side, and never more than 1 + max-repeats times.
    expect(result.gateQuestionsPerSide).toBeGreaterThanOrEqual(1);
    expect(result.gateQuestionsPerSide).toBeLessThanOrEqual(4);
    expect(lines.some((l) => l.startsWith('gate over 1 seeds'))).toBe(true);
  }, 120_000);
});
