/** Benchmarks into Genie's benchmarks.questions and back (pure): stable derived ids, text pieces, modes, YAML merge. */
import { describe, expect, it } from 'vitest';
import { mergeIntoBenchmarkYaml } from '../../src/benchmarks/benchmark-export.js';
import {
  genieQuestionId,
  readGenieQuestions,
  toGenieQuestions,
  toPieces,
  withSyncedBenchmarks,
  withoutBenchmarks,
} from '../../src/benchmarks/genie-benchmarks.js';
import type { Benchmark } from '../../src/benchmarks/types.js';
import { checkInvariants } from '../../src/space/invariants.js';
import type { Space } from '../../src/space/schema.js';

const b = (id: string, split: Benchmark['split'], sql = 'SELECT 1'): Benchmark => ({
  id,
  question: `Question ${id}?`,
  sql,
  split,
  tags: [],
});

describe('benchmarks.questions from benchmarks/<space>.yml', () => {
  it('derives stable 32-hex ids from ours and keeps a 32-hex id as it is', () => {
    expect(genieQuestionId('q1')).toMatch(/^[0-9a-f]{32}$/);
    expect(genieQuestionId('q1')).toBe(genieQuestionId('q1'));
    expect(genieQuestionId('q1')).not.toBe(genieQuestionId('q2'));
    expect(genieQuestionId('0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
  });

  it('splits text into pieces that join back to it', () => {
    expect(toPieces('SELECT a\nFROM t\nWHERE x')).toEqual(['SELECT a\n', 'FROM t\n', 'WHERE x']);
    expect(toPieces('one line').join('')).toBe('one line');
  });

  it('syncs train or all, sorted by id, and the result passes the invariants', () => {
    const benchmarks = [b('a', 'train'), b('b', 'holdout', 'SELECT 2\nFROM x'), b('c', 'train')];
    expect(toGenieQuestions(benchmarks, 'none')).toEqual([]);
    expect(toGenieQuestions(benchmarks, 'train')).toHaveLength(2);
    const all = toGenieQuestions(benchmarks, 'all');
    expect(all.map((q) => q.id)).toEqual([...all.map((q) => q.id)].sort());
    const space = withSyncedBenchmarks({ version: 2 } as Space, benchmarks, 'all');
    expect(checkInvariants(space, { file: 'x' })).toEqual([]);
    expect(readGenieQuestions(space).find((q) => q.id === genieQuestionId('b'))).toEqual({
      id: genieQuestionId('b'),
      question: 'Question b?',
      sql: 'SELECT 2\nFROM x',
    });
    expect(withoutBenchmarks(space)).toEqual({ version: 2 });
  });
});

describe('merging Genie questions back into the YAML', () => {
  const yml =
    '# our benchmarks\nbenchmarks:\n  - id: a\n    question: Question a?\n    sql: SELECT 1\n    split: holdout\n';

  it('changes nothing when the space holds the same questions', () => {
    const merged = mergeIntoBenchmarkYaml(
      yml,
      [{ id: genieQuestionId('a'), question: 'Question a?', sql: 'SELECT 1' }],
      'b.yml',
    );
    expect(merged.text).toBe(yml);
    expect(merged).toMatchObject({ updated: [], added: [], notInSpace: [] });
  });

  it('keeps comments, the wrapper and our fields; reports ours missing and questions without SQL', () => {
    const merged = mergeIntoBenchmarkYaml(
      yml,
      [
        { id: genieQuestionId('a'), question: 'Question a?', sql: 'SELECT 2' },
        { id: 'abababababababababababababababab', question: 'No SQL?' },
      ],
      'b.yml',
    );
    expect(merged.text).toBe(yml.replace('SELECT 1', 'SELECT 2'));
    expect(merged).toMatchObject({ updated: ['a'], withoutSql: ['abababababababababababababababab'] });
    expect(mergeIntoBenchmarkYaml(yml, [], 'b.yml').notInSpace).toEqual(['a']);
  });
});
