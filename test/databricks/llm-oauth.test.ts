/** The llm analyst on a Databricks serving endpoint authenticates with the workspace's OAuth when there is no token. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmAnalystFrom } from '../../src/wiring/llm-analyst.js';
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET } from '../../src/serve/oauth.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { communitySpace, failures, fakeWarehouse, SCHEMA } from '../fixes/llm/fixture.js';
import { tempRepo } from '../helpers/temp-repo.js';

let serve: ServeHandle;
let repo: ReturnType<typeof tempRepo>;
beforeAll(async () => {
  repo = tempRepo();
  serve = await startServe({ root: repo.root });
});
afterAll(async () => {
  await serve.close();
  repo.cleanup();
});

describe('llm analyst with OAuth M2M', () => {
  it('gets a token from /oidc/v1/token and calls the serving endpoint with it', async () => {
    const env = {
      DATABRICKS_HOST: serve.url,
      DATABRICKS_CLIENT_ID: DEV_CLIENT_ID,
      DATABRICKS_CLIENT_SECRET: DEV_CLIENT_SECRET,
      GENIE_GITOPS_SERVING_ENDPOINT: 'analyst',
    };
    const analyst = llmAnalystFrom({ provider: 'databricks' }, env);
    const result = await analyst.propose({
      space: communitySpace(),
      failures: failures(1),
      warehouse: fakeWarehouse(),
      warehouseSchema: SCHEMA,
      alreadyTried: new Set(),
    });
    expect(result.notes.join('\n')).not.toMatch(/401|token/i);
    expect(result.usage?.calls).toBe(1);
    expect(serve.stats.tokensIssued).toBe(1);
    expect(serve.stats.unauthorized).toBe(0);
  });

  it('without any credentials, says what to set', () => {
    let error: { message: string; hint?: string } | undefined;
    try {
      llmAnalystFrom(
        { provider: 'databricks' },
        { DATABRICKS_HOST: serve.url, GENIE_GITOPS_SERVING_ENDPOINT: 'analyst' },
      );
    } catch (e) {
      error = e as { message: string; hint?: string };
    }
    expect(error?.message).toMatch(/needs a token/);
    expect(error?.hint).toMatch(/DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET/);
  });
});

describe('secrets learned at run time', () => {
  it("an OAuth token fetched during the run reaches the run's scrubber and its listener (the action masks it)", async () => {
    const { SecretScrubber } = await import('../../src/databricks/secrets.js');
    const { createAuthFromEnv } = await import('../../src/databricks/auth.js');
    const seen: string[] = [];
    const secrets = new SecretScrubber((s) => seen.push(s));
    const auth = createAuthFromEnv(
      { DATABRICKS_HOST: serve.url, DATABRICKS_CLIENT_ID: DEV_CLIENT_ID, DATABRICKS_CLIENT_SECRET: DEV_CLIENT_SECRET },
      { secrets },
    );
    const token = await auth.token();
    expect(seen).toContain(token);
    expect(seen).toContain(DEV_CLIENT_SECRET);
    expect(secrets.scrub(`Bearer ${token}`)).toBe('Bearer ***');
    // Two runs in one process keep their secrets apart: a fresh scrubber has heard nothing.
    expect(new SecretScrubber().scrub(token)).toBe(token);
  });
});
