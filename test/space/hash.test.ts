import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../../src/benchmarks/types.js';
import { hashBenchmarks, hashSpace } from '../../src/space/hash.js';
import { richSpace } from './helpers.js';

describe('hashSpace', () => {
  it('is a sha256 hex digest', () => {
    expect(hashSpace(richSpace())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores key order and the order of lists Genie sorts', () => {
    const shuffled = richSpace();
    shuffled.data_sources!.tables!.reverse();
    shuffled.instructions!.join_specs!.reverse();
    const reordered = Object.fromEntries(Object.entries(shuffled).reverse()) as typeof shuffled;
    expect(hashSpace(reordered)).toBe(hashSpace(richSpace()));
  });

  it('changes when the content changes', () => {
    const changed = richSpace();
    changed.data_sources!.tables![0]!.description = ['Another description'];
    expect(hashSpace(changed)).not.toBe(hashSpace(richSpace()));
  });
});

describe('hashBenchmarks', () => {
  const base: Benchmark[] = [
    {
      id: 'a',
      question: 'How many members?',
      sql: 'SELECT COUNT(*) FROM main.community.members',
      split: 'train',
      tags: ['x'],
    },
    {
      id: 'b',
      question: 'Top channels',
      sql: 'SELECT channel_name FROM main.community.channels ORDER BY 1',
      split: 'holdout',
      tags: [],
      orderMatters: true,
    },
  ];
  const copy = () => base.map((b) => ({ ...b, tags: [...b.tags] }));
  const hash = hashBenchmarks(base);

  it('does not depend on file order or tags', () => {
    const reordered = copy().reverse();
    reordered[0]!.tags = ['changed'];
    expect(hashBenchmarks(reordered)).toBe(hash);
  });

  it.each<[string, (b: Benchmark[]) => void]>([
    ['id', (b) => (b[0]!.id = 'c')],
    ['question', (b) => (b[0]!.question = 'How many members are there?')],
    ['sql', (b) => (b[0]!.sql = 'SELECT COUNT(member_id) FROM main.community.members')],
    ['split', (b) => (b[0]!.split = 'holdout')],
    ['orderMatters (unset vs false)', (b) => (b[0]!.orderMatters = false)],
    ['a removed question', (b) => b.pop()],
  ])('changes with %s', (_name, mutate) => {
    const changed = copy();
    mutate(changed);
    expect(hashBenchmarks(changed)).not.toBe(hash);
  });
});
