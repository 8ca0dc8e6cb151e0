import { describe, expect, it } from 'vitest';
import { SeededRandom, hashString, mulberry32 } from '../../src/util/seeded-random.js';

const draw = (rng: SeededRandom, n: number) => Array.from({ length: n }, () => rng.next());

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed, number or string', () => {
    expect(draw(new SeededRandom(42), 20)).toEqual(draw(new SeededRandom(42), 20));
    expect(draw(new SeededRandom('noise'), 5)).toEqual(draw(new SeededRandom('noise'), 5));
    expect(draw(new SeededRandom(42), 5)).not.toEqual(draw(new SeededRandom(43), 5));
  });

  it('pins the first values, so a change to the generator is noticed (it would change the demo data)', () => {
    expect(draw(new SeededRandom(7), 3).map((x) => x.toFixed(6))).toEqual(['0.195148', '0.361032', '0.840547']);
  });

  it('stays in range', () => {
    const rng = new SeededRandom(3);
    for (let i = 0; i < 5000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const k = rng.int(-2, 2);
      expect(k >= -2 && k <= 2 && Number.isInteger(k)).toBe(true);
    }
  });

  it('int covers both ends', () => {
    const rng = new SeededRandom(5);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 4)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });

  it('pick follows the weights and never picks a zero weight', () => {
    const rng = new SeededRandom(11);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.pick(['a', 'b', 'c'] as const, [1, 3, 0])]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.6);
    expect(counts.b / counts.a).toBeLessThan(3.4);
  });

  it('pickWeighted and pickIndexCumulative agree with the weights', () => {
    const rng = new SeededRandom(12);
    let heavy = 0;
    for (let i = 0; i < 4000; i++) if (rng.pickWeighted({ light: 1, heavy: 9 }) === 'heavy') heavy++;
    expect(heavy / 4000).toBeGreaterThan(0.86);
    const cumulative = [0, 0, 5, 10]; // weights 0, 0, 5, 5
    const indexes = new Set(Array.from({ length: 500 }, () => rng.pickIndexCumulative(cumulative)));
    expect([...indexes].sort()).toEqual([2, 3]);
    expect(rng.pickIndexCumulative(cumulative, 3)).toBe(2); // only the first three entries
  });

  it('forks independent, reproducible streams', () => {
    const a = new SeededRandom(9).fork('members');
    const b = new SeededRandom(9).fork('members');
    const c = new SeededRandom(9).fork('messages');
    expect(draw(a, 5)).toEqual(draw(b, 5));
    expect(draw(new SeededRandom(9).fork('members'), 5)).not.toEqual(draw(c, 5));
  });

  it('poisson and normal have the right mean', () => {
    const rng = new SeededRandom(21);
    const n = 20_000;
    let poisson = 0;
    let normal = 0;
    for (let i = 0; i < n; i++) {
      poisson += rng.poisson(4);
      normal += rng.normal();
    }
    expect(poisson / n).toBeCloseTo(4, 1);
    expect(Math.abs(normal / n)).toBeLessThan(0.03);
    expect(rng.poisson(0)).toBe(0);
  });

  it('shuffle keeps every item', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const shuffled = new SeededRandom(2).shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('hashString is stable FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });

  it('mulberry32 repeats its pinned stream (the noise knob and the emulator faults draw from it)', () => {
    const draw32 = (seed: number) => {
      const next = mulberry32(seed);
      return [next(), next(), next()].map((x) => x.toFixed(6));
    };
    expect(draw32(7)).toEqual(['0.011705', '0.061958', '0.976908']);
    expect(draw32(8)).not.toEqual(draw32(7));
  });
});
