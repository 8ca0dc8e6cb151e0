import { describe, expect, it } from 'vitest';
import { mapConcurrent } from '../../src/scoring/concurrency.js';
import { createRateLimiter } from '../../src/scoring/rate-limiter.js';
import { backoffDelay, errorFacts, withRetry } from '../../src/util/retry.js';
import { FakeClock } from './fakes.js';

describe('errorFacts', () => {
  it.each([
    ['plain error', new Error('x'), { retryable: false, rateLimited: false, retryAfterMs: null }],
    [
      'retryable flag',
      Object.assign(new Error('x'), { retryable: true }),
      { retryable: true, rateLimited: false, retryAfterMs: null },
    ],
    [
      '429 with Retry-After',
      { status: 429, retryAfterMs: 2000 },
      { retryable: true, rateLimited: true, retryAfterMs: 2000 },
    ],
    ['503', { statusCode: 503 }, { retryable: true, rateLimited: false, retryAfterMs: null }],
    ['404', { status: 404 }, { retryable: false, rateLimited: false, retryAfterMs: null }],
    [
      'explicitly not retryable 500',
      { status: 500, retryable: false },
      { retryable: false, rateLimited: false, retryAfterMs: null },
    ],
    [
      'rate-limit code',
      { code: 'RATE_LIMIT_EXCEEDED_GENERIC_EXCEPTION' },
      { retryable: true, rateLimited: true, retryAfterMs: null },
    ],
    ['not an object', 'boom', { retryable: false, rateLimited: false, retryAfterMs: null }],
  ])('%s', (_name, error, facts) => {
    expect(errorFacts(error)).toEqual(facts);
  });
});

describe('backoffDelay', () => {
  it.each([
    [0, 0, 500],
    [0, 1, 1000],
    [2, 0.5, 3000],
    [10, 1, 60_000], // capped
  ])('attempt %i, random %d -> %i ms', (attempt, random, ms) => {
    expect(backoffDelay(attempt, 1000, 60_000, () => random)).toBe(ms);
  });
});

describe('withRetry', () => {
  it('stops at the first non-retryable error', async () => {
    const clock = new FakeClock();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw Object.assign(new Error('bad request'), { status: 400 });
        },
        { retries: 5, backoffMs: 10, sleep: clock.sleep },
      ),
    ).rejects.toThrow('bad request');
    expect(calls).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('createRateLimiter', () => {
  it('admits at most `limit` acquisitions per sliding window, in arrival order', async () => {
    const clock = new FakeClock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    const order: [number, number][] = [];
    const t0 = clock.now();
    await Promise.all(
      Array.from({ length: 7 }, (_, i) => limiter.acquire().then(() => order.push([i, clock.now() - t0]))),
    );
    expect(order).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 1000],
      [4, 1000],
      [5, 1000],
      [6, 2000],
    ]);
  });

  it('is a no-op without a limit', async () => {
    const clock = new FakeClock();
    const limiter = createRateLimiter({ limit: undefined, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 100; i++) expect(await limiter.acquire()).toBe(0);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('mapConcurrent', () => {
  it('keeps input order in the results', async () => {
    const out = await mapConcurrent([30, 10, 20], 2, async (ms, i) => {
      await new Promise((r) => setTimeout(r, ms));
      return i;
    });
    expect(out).toEqual([0, 1, 2]);
  });
});
