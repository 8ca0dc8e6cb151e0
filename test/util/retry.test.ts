import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay, sleep } from '../../src/util/retry.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-01T00:00:00Z');
  it.each<[string | null, number | undefined]>([
    [null, undefined],
    ['', undefined],
    ['3', 3000],
    ['0.5', 500],
    ['Sun, 01 Nov 2026 00:00:10 GMT', 10_000],
    ['Sat, 31 Oct 2026 23:00:00 GMT', 0],
    ['soon', undefined],
  ])('%j -> %j ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('retryDelay', () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
  it.each([
    // Without Retry-After: the one backoff formula (base * 2^n, capped, jittered to 50-100%).
    [0, undefined, 0, 50],
    [2, undefined, 0, 200],
    [2, undefined, 1, 400],
    [5, undefined, 1, 1000],
    [0, 250, 1, 250],
    [0, 60_000, 0, 1000],
  ])('attempt %i, Retry-After %j, jitter %j -> %i ms', (attempt, retryAfter, jitter, expected) => {
    expect(retryDelay(attempt, policy, retryAfter, () => jitter)).toBe(expected);
  });
});

describe('sleep', () => {
  it('ends early when the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(sleep(5000, controller.signal)).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
