import path from 'node:path';
import { createPatAuth } from '../../src/databricks/auth.js';
import { createDatabricksClient, type DatabricksClient } from '../../src/databricks/http-client.js';
import { DEV_TOKEN } from '../../src/serve/oauth.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const DEMO_STAGING = '5cd2bcd2c18a2712b733e9681fdf7bfc';
export const DEMO_LIVE = '6e97962f94ee5d2af582125013aecf67';
export const DEMO_WAREHOUSE = 'local-demo';

/** A client on the serve URL with fast retries, for contract tests. */
export function clientFor(url: string, token = DEV_TOKEN, retries = 3): DatabricksClient {
  return createDatabricksClient({ host: url, auth: createPatAuth(token), retries, backoffMs: 10, timeoutMs: 10_000 });
}
