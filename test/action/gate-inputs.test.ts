import { afterEach, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';

const set = (name: string, value: string) => (process.env[`INPUT_${name.toUpperCase()}`] = value);
afterEach(() => {
  for (const name of ['CONFIDENCE', 'MAX-REPEATS']) delete process.env[`INPUT_${name}`];
});

describe('action inputs of the paired gate', () => {
  it('reads confidence and max-repeats, and leaves them to the defaults when empty', () => {
    expect(readInputs()).toMatchObject({ confidence: undefined, maxRepeats: undefined });
    set('confidence', '0.9');
    set('max-repeats', '2');
    expect(readInputs()).toMatchObject({ confidence: 0.9, maxRepeats: 2 });
  });

  it.each([
    ['confidence', '95'],
    ['confidence', '0.3'],
    ['max-repeats', '-1'],
    ['max-repeats', 'three'],
  ])('names a bad %s (%s) and its range', (name, value) => {
    set(name, value);
    expect(() => readInputs()).toThrow(`${name} must be`);
    expect(() => readInputs()).toThrow(`(got ${value})`);
  });
});
