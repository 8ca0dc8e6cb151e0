import { describe, expect, it } from 'vitest';
import { isUntouchedSpace, judgeDrift, type DriftInput } from '../../src/commands/drift-guard.js';
import type { DeploymentRecord } from '../../src/ports.js';

const rec = (
  configHash: string,
  state: DeploymentRecord['state'],
  commit = `${configHash}000000`,
): DeploymentRecord => ({
  id: configHash,
  space: 'demo',
  liveSpaceId: 'live',
  configHash,
  commit,
  state,
  createdAt: '2026-11-01T00:00:00Z',
});
const judge = (input: Partial<DriftInput>) =>
  judgeDrift({ liveHash: 'L', configHash: 'C', liveIsNew: false, history: [], ...input }).kind;

describe('judgeDrift', () => {
  it.each([
    ['live already equals the config', { liveHash: 'C' }, 'unchanged'],
    ['live equals the last success', { history: [rec('L', 'success')] }, 'clean'],
    ['live differs from the last success', { history: [rec('X', 'success')] }, 'drift'],
    [
      'live equals an unfinished deploy after the last success',
      { history: [rec('L', 'in_progress'), rec('X', 'success')] },
      'clean',
    ],
    [
      'live equals a failed deploy after the last success',
      { history: [rec('L', 'failure'), rec('X', 'success')] },
      'clean',
    ],
    [
      'live equals a config older than the last success',
      { history: [rec('X', 'success'), rec('L', 'success')] },
      'drift',
    ],
    ['no record, live differs, not new', {}, 'drift'],
    ['no record, live new (tables only)', { liveIsNew: true }, 'first'],
    ['no record, live equals the config at `before`', { beforeHash: 'L' }, 'clean'],
    ['no success, live equals an unfinished deploy', { history: [rec('L', 'in_progress')] }, 'clean'],
    [
      'a record outweighs `before` and newness',
      { history: [rec('X', 'success')], beforeHash: 'L', liveIsNew: true },
      'drift',
    ],
  ] as const)('%s -> %s', (_name, input, kind) => {
    expect(judge(input as Partial<DriftInput>)).toBe(kind);
  });
});

describe('isUntouchedSpace', () => {
  const tables = {
    version: 2,
    data_sources: { tables: [{ identifier: 'c.s.t', column_configs: [{ column_name: 'a' }] }] },
  };
  it.each([
    ['tables and columns only', tables, true],
    ['with empty instruction lists', { ...tables, instructions: { text_instructions: [], join_specs: [] } }, true],
    [
      'with a toggle set',
      {
        version: 2,
        data_sources: {
          tables: [{ identifier: 'c.s.t', column_configs: [{ column_name: 'a', enable_format_assistance: true }] }],
        },
      },
      true,
    ],
    [
      'with a table description',
      { version: 2, data_sources: { tables: [{ identifier: 'c.s.t', description: ['x'] }] } },
      false,
    ],
    [
      'with a text instruction',
      { ...tables, instructions: { text_instructions: [{ id: '1', content: ['x'] }] } },
      false,
    ],
    ['with a sample question', { ...tables, config: { sample_questions: [{ id: '1', question: ['x'] }] } }, false],
    [
      'with a synonym',
      {
        version: 2,
        data_sources: { tables: [{ identifier: 'c.s.t', column_configs: [{ column_name: 'a', synonyms: ['b'] }] }] },
      },
      false,
    ],
  ])('%s -> %s', (_name, space, untouched) => {
    expect(isUntouchedSpace(space)).toBe(untouched);
  });
});
