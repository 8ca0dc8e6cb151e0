/**
 * The backend opener the entries build: it picks the embedded backend or the workspace from the
 * settings, keeps the messages that say how to add a target.yml, and carries the run's values
 * (its secret scrubber, its ask limiter per host, its state folder) to everything it opens.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpace } from '../../src/commands/workspace.js';
import { createAskLimiters, type AskLimiter, type AskLimiters } from '../../src/databricks/ask-limiter.js';
import { SecretScrubber } from '../../src/databricks/secrets.js';
import { ConfigError, GenieGitopsError } from '../../src/errors.js';
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET } from '../../src/serve/oauth.js';
import { startServe, type ServeHandle } from '../../src/serve/server.js';
import { createBackendOpener, parseBackend } from '../../src/wiring/backend.js';
import { localDataFiles } from '../../src/wiring/local-data.js';
import { REPO_ROOT, tempRepo } from '../helpers/temp-repo.js';

const demo = loadSpace(REPO_ROOT, 'demo');
let serve: ServeHandle;
/** Service-principal settings: the token is fetched at run time, so only the run's scrubber can know it. */
let m2m: Record<string, string>;

beforeAll(async () => {
  serve = await startServe({ root: REPO_ROOT });
  m2m = {
    DATABRICKS_HOST: serve.url,
    DATABRICKS_CLIENT_ID: DEV_CLIENT_ID,
    DATABRICKS_CLIENT_SECRET: DEV_CLIENT_SECRET,
    GENIE_GITOPS_POLL_FIRST_MS: '5',
  };
});
afterAll(async () => {
  await serve?.close();
});

describe('parseBackend', () => {
  it('defaults to the embedded backend and names both choices for anything else', () => {
    expect(parseBackend(undefined)).toBe('local');
    expect(parseBackend('databricks')).toBe('databricks');
    expect(() => parseBackend('snowflake')).toThrow(/unknown backend 'snowflake'/);
  });
});

describe('createBackendOpener', () => {
  it('opens the embedded backend on the local data of target.yml', async () => {
    const opener = createBackendOpener({ backend: 'local' });
    expect([opener.name, opener.needsLocalData]).toEqual(['local', true]);
    const backend = await opener.open({ root: REPO_ROOT, target: demo.target, space: 'demo' });
    try {
      expect(backend.name).toBe('local');
      expect(backend.isolateFixes).toBe(true);
      expect(backend.deterministic).toBe(true);
      expect(backend.dataVersion).toMatch(/^demo\|/);
      expect((await backend.warehouse.schema()).tables.length).toBeGreaterThan(0);
      expect((await backend.spaces!.get(demo.target!.liveSpaceId)).title).toBe(demo.target!.title);
    } finally {
      await backend.close();
    }
  });

  it('without a target.yml, the embedded backend names the file and the init command', async () => {
    const error = await createBackendOpener({ backend: 'local' })
      .open({ root: REPO_ROOT, target: undefined, space: 'shop' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('spaces/shop/target.yml is missing');
    expect((error as ConfigError).hint).toContain('genie-gitops init --space shop');
  });

  it('without a target.yml, the databricks backend says it needs one', async () => {
    const error = await createBackendOpener({ backend: 'databricks', env: m2m })
      .open({ root: REPO_ROOT, target: undefined, space: 'demo' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenieGitopsError);
    expect((error as GenieGitopsError).message).toContain('needs spaces/<space>/target.yml');
  });

  it('opens the workspace with a target: its spaces API, its Genie, and the run secrets it learns', async () => {
    const heard: string[] = [];
    const secrets = new SecretScrubber((s) => heard.push(s));
    const opener = createBackendOpener({ backend: 'databricks', env: m2m, secrets });
    expect([opener.name, opener.needsLocalData]).toEqual(['databricks', false]);
    const backend = await opener.open({ root: REPO_ROOT, target: demo.target, space: 'demo', staging: 'shared' });
    try {
      expect(backend.name).toBe('databricks');
      expect(backend.isolateFixes).toBeUndefined();
      const live = await backend.spaces!.get(demo.target!.liveSpaceId);
      expect(live.spaceId).toBe(demo.target!.liveSpaceId);
    } finally {
      await backend.close();
    }
    // The client secret and the OAuth token fetched for the call reached the run's scrubber.
    expect(heard).toContain(DEV_CLIENT_SECRET);
    const token = heard.find((s) => s !== DEV_CLIENT_SECRET);
    expect(token).toBeDefined();
    expect(secrets.scrub(`Authorization: Bearer ${token}`)).toBe('Authorization: Bearer ***');
  });

  it('every Genie one opener opens on one host asks under one limiter; another run gets its own', async () => {
    const given: AskLimiter[] = [];
    const counting = (inner: AskLimiters): AskLimiters => ({
      forHost: (host, qpm) => {
        const limiter = inner.forHost(host, qpm);
        given.push(limiter);
        return limiter;
      },
    });
    const opener = createBackendOpener({ backend: 'databricks', env: m2m, limiters: counting(createAskLimiters()) });
    const first = await opener.open({ root: REPO_ROOT, target: demo.target, space: 'demo', staging: 'shared' });
    const live = await opener.openLive({ root: REPO_ROOT, target: demo.target!, space: 'demo' });
    try {
      const answer = await live.genie.ask('How many members are there?');
      expect(answer.status).toBe('COMPLETED');
    } finally {
      await first.close();
      await live.close();
    }
    expect(given).toHaveLength(2);
    expect(given[0]).toBe(given[1]);
    const other = createAskLimiters();
    expect(other.forHost(serve.url, 5)).not.toBe(createAskLimiters().forHost(serve.url, 5));
  });

  it("records deploys in the state folder the run's settings name", () => {
    const repo = tempRepo();
    try {
      const stateDir = 'elsewhere/state';
      const log = createBackendOpener({
        backend: 'local',
        env: { GENIE_GITOPS_STATE_DIR: stateDir },
      }).localDeploymentLog(repo.root);
      expect(log.describe('demo')).toContain(path.join(repo.root, stateDir));
    } finally {
      repo.cleanup();
    }
  });
});

describe('createAskLimiters', () => {
  it('one limiter per host (case aside) and qpm setting', () => {
    const limiters = createAskLimiters();
    const a = limiters.forHost('https://ws.example', 5);
    expect(limiters.forHost('https://WS.example', 5)).toBe(a);
    expect(limiters.forHost('https://other.example', 5)).not.toBe(a);
    const changed = limiters.forHost('https://ws.example', 10);
    expect(changed).not.toBe(a);
    expect(limiters.forHost('https://ws.example', 10)).toBe(changed);
  });
});

describe('localDataFiles (init)', () => {
  it('tells a SQLite database by its header and opens the demo data', async () => {
    const files = localDataFiles();
    const header = new TextEncoder().encode('SQLite format 3\0 rest of the page');
    expect(files.isDatabase(header)).toBe(true);
    expect(files.isDatabase(new TextEncoder().encode('CREATE TABLE t (a INT);'))).toBe(false);
    const warehouse = await files.open('demo');
    try {
      expect((await warehouse.schema()).tables.length).toBeGreaterThan(0);
    } finally {
      await warehouse.close?.();
    }
  });
});
