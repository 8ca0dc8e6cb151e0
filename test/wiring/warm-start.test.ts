import { describe, expect, it } from 'vitest';
import { opensLocalWarehouse } from '../../src/wiring/warm-start.js';

describe('opensLocalWarehouse', () => {
  it('is true for the commands that open the embedded warehouse on the local backend', () => {
    for (const command of ['validate', 'score', 'enhance'])
      expect(opensLocalWarehouse({ INPUT_COMMAND: command }), command).toBe(true);
  });

  it("follows action.yml's defaults: no command is score, no backend is local", () => {
    expect(opensLocalWarehouse({})).toBe(true);
    expect(opensLocalWarehouse({ INPUT_COMMAND: '  ', INPUT_BACKEND: '' })).toBe(true);
  });

  it('is false on the databricks backend and for commands that query no warehouse in the action', () => {
    expect(opensLocalWarehouse({ INPUT_COMMAND: 'validate', INPUT_BACKEND: 'databricks' })).toBe(false);
    for (const command of ['lint', 'deploy', 'export', 'list-spaces'])
      expect(opensLocalWarehouse({ INPUT_COMMAND: command }), command).toBe(false);
  });
});
