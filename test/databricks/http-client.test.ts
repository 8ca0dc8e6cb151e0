/** The REST client with a scripted fetch: retries, Retry-After, no retry on 4xx, shape errors, value conversion. */
import { describe, expect, it } from 'vitest';
import { DatabricksApiError, DatabricksShapeError } from '../../src/databricks/api-error.js';
import { createPatAuth } from '../../src/databricks/auth.js';
import { createDatabricksClient } from '../../src/databricks/http-client.js';
import { SpaceResponseSchema } from '../../src/databricks/schemas.js';
import { convertCell } from '../../src/databricks/statement-values.js';
import { readDatabricksSettings } from '../../src/databricks/config.js';
import { createAskLimiter } from '../../src/databricks/ask-limiter.js';

type Step = { status: number; body?: unknown; headers?: Record<string, string> } | 'drop';

function scripted(steps: Step[]) {
  const calls: string[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push(`${init?.method} ${new URL(String(input)).pathname}`);
    const step = steps.shift() ?? { status: 200, body: { space_id: 's' } };
    if (step === 'drop')
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
      });
    return new Response(step.body === undefined ? '' : JSON.stringify(step.body), {
      status: step.status,
      headers: step.headers,
    });
  }) as typeof fetch;
  const sleeps: number[] = [];
  const client = createDatabricksClient({
    host: 'https://ws.example',
    auth: createPatAuth('dapi-secret-token-xyz'),
    fetch: fetchImpl,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
  });
  const get = () => client.request({ method: 'GET', path: '/api/2.0/genie/spaces/s', schema: SpaceResponseSchema });
  return { calls, sleeps, get, client };
}

describe('retries', () => {
  it.each<[string, Step[], number, number[]]>([
    [
      '429 with Retry-After',
      [{ status: 429, body: { error_code: 'REQUEST_LIMIT_EXCEEDED' }, headers: { 'retry-after': '3' } }],
      2,
      [3000],
    ],
    ['429 without Retry-After assumes 1 s', [{ status: 429, body: {} }], 2, [1000]],
    ['503 without Retry-After assumes 1 s', [{ status: 503, body: {} }], 2, [1000]],
    [
      '500 backs off exponentially',
      [
        { status: 500, body: {} },
        { status: 502, body: {} },
      ],
      3,
      [375, 750],
    ],
    ['a dropped connection', ['drop'], 2, [375]],
  ])('retries %s', async (_label, steps, attempts, sleeps) => {
    const s = scripted(steps);
    expect((await s.get()).space_id).toBe('s');
    expect(s.calls).toHaveLength(attempts);
    expect(s.sleeps).toEqual(sleeps);
  });

  it.each([400, 401, 403, 404, 409])('does not retry %i', async (status) => {
    const s = scripted([{ status, body: { error_code: 'X', message: 'no' } }]);
    const error = (await s.get().catch((e: unknown) => e)) as DatabricksApiError;
    expect(error).toBeInstanceOf(DatabricksApiError);
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('GET /api/2.0/genie/spaces/s failed: HTTP');
    expect(error.hint).toBeTruthy();
    expect(s.calls).toHaveLength(1);
  });

  it('gives up after the configured retries', async () => {
    const s = scripted(Array.from({ length: 10 }, () => ({ status: 503, body: {} })));
    await expect(s.get()).rejects.toMatchObject({ status: 503 });
    expect(s.calls).toHaveLength(6);
  });

  it('masks the token if an error body echoes it', async () => {
    const s = scripted([
      { status: 400, body: { error_code: 'BAD', message: 'bad header Bearer dapi-secret-token-xyz' } },
    ]);
    const error = (await s.get().catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain('dapi-secret-token-xyz');
    expect(error.message).toContain('***');
  });
});

describe('response shapes', () => {
  it('names the endpoint and the field path of a mismatch', async () => {
    const s = scripted([{ status: 200, body: { space_id: 42 } }]);
    const error = (await s.get().catch((e: unknown) => e)) as DatabricksShapeError;
    expect(error).toBeInstanceOf(DatabricksShapeError);
    expect(error.message).toContain('GET /api/2.0/genie/spaces/s');
    expect(error.message).toContain('$.space_id');
  });

  it('keeps unknown fields', async () => {
    const s = scripted([{ status: 200, body: { space_id: 's', new_field: 1 } }]);
    expect(await s.get()).toMatchObject({ new_field: 1 });
  });
});

describe('JSON_ARRAY values by type_name', () => {
  it.each<[string | null, string, unknown]>([
    ['42', 'BIGINT', 42],
    ['42', 'INT', 42],
    ['3.5', 'DOUBLE', 3.5],
    ['12.30', 'DECIMAL(10,2)', 12.3],
    ['9007199254740993', 'BIGINT', '9007199254740993'],
    ['true', 'BOOLEAN', true],
    ['false', 'BOOLEAN', false],
    ['2026-11-01', 'DATE', '2026-11-01'],
    ['2026-11-01 10:00:00', 'TIMESTAMP', '2026-11-01 10:00:00'],
    ['42', 'STRING', '42'],
    [null, 'BIGINT', null],
  ])('%s as %s', (value, type, expected) => {
    expect(convertCell(value, type)).toEqual(expected);
  });
});

describe('settings', () => {
  it.each<[Record<string, string>, number | undefined]>([
    [{ DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net' }, 5],
    [{ DATABRICKS_HOST: 'http://127.0.0.1:8080' }, undefined],
    [{ DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net', GENIE_GITOPS_QPM: '20' }, 20],
    [{ DATABRICKS_HOST: 'http://127.0.0.1:8080', GENIE_GITOPS_QPM: '120' }, 120],
    [{ DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net', GENIE_GITOPS_QPM: '0' }, undefined],
  ])('qpm for %j', (env, qpm) => {
    expect(readDatabricksSettings(env).qpm).toBe(qpm);
  });
});

describe('ask limiter', () => {
  it('spaces asks evenly at 60 s / qpm', async () => {
    let clock = 0;
    const limiter = createAskLimiter({ qpm: 120, now: () => clock, sleep: async (ms) => void (clock += ms) });
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      await limiter.acquire();
      starts.push(clock);
    }
    expect(starts).toEqual([0, 500, 1000, 1500]);
  });

  it('a 429 pauses and then spreads the waiting askers', async () => {
    let clock = 0;
    const limiter = createAskLimiter({ now: () => clock, sleep: async () => undefined });
    limiter.pause(1000);
    const waits = [await limiter.acquire(), await limiter.acquire()];
    expect(waits[0]).toBe(1000);
    expect(waits[1]).toBeGreaterThanOrEqual(1090);
  });
});
