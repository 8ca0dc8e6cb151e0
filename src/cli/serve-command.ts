/** `genie-gitops serve`: runs the loopback Databricks emulator until interrupted. */
import path from 'node:path';
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET, DEV_SUBJECT_TOKEN, DEV_TOKEN } from '../serve/oauth.js';
import { startServe, type ServeHandle } from '../serve/server.js';
import type { CliIo } from './cli-io.js';
import { numberOption, parseCommandArgs } from './args.js';
import { SERVE } from './command-specs.js';

export interface RunServeOptions {
  /** Resolves when the server should stop; default SIGINT or SIGTERM. */
  stop?: Promise<void>;
  /** Called once the server listens (tests read the URL from here). */
  onReady?: (handle: ServeHandle) => void;
}

export async function runServe(args: string[], io: CliIo, options: RunServeOptions = {}): Promise<number> {
  const values = parseCommandArgs(SERVE, args);
  const handle = await startServe({
    root: path.resolve(io.cwd, values.root ?? '.'),
    port: numberOption(values.port, '--port', { min: 0, max: 65535, integer: true }),
    latencyMs: numberOption(values['latency-ms'], '--latency-ms', { min: 0 }),
    qpm: numberOption(values.qpm, '--qpm', { min: 0 }),
    faultRate: numberOption(values['fault-rate'], '--fault-rate', { fraction: true }),
    faultAfterRate: numberOption(values['fault-after-rate'], '--fault-after-rate', { fraction: true }),
    stuckRate: numberOption(values['stuck-rate'], '--stuck-rate', { fraction: true }),
    seed: numberOption(values.seed, '--seed', { integer: true }),
    token: values.token,
    clientId: values['client-id'],
    clientSecret: values['client-secret'],
    subjectToken: values['subject-token'],
  });
  io.out(`genie-gitops serve listening on ${handle.url}`);
  io.out(`  DATABRICKS_HOST=${handle.url}`);
  // A token given on the command line is the user's: never echo it. The defaults are public dev values.
  io.out(values.token ? '  DATABRICKS_TOKEN=<the value of --token>' : `  DATABRICKS_TOKEN=${DEV_TOKEN}`);
  if (!values['client-id'] && !values['client-secret'])
    io.out(`  or DATABRICKS_CLIENT_ID=${DEV_CLIENT_ID} DATABRICKS_CLIENT_SECRET=${DEV_CLIENT_SECRET}`);
  if (!values['subject-token'])
    io.out(`  or DATABRICKS_AUTH_TYPE=github-oidc with the subject token ${DEV_SUBJECT_TOKEN}`);
  options.onReady?.(handle);
  await (options.stop ?? untilSignal());
  await handle.close();
  io.err(
    `served ${handle.stats.requests} requests (${handle.stats.asks} questions, ${handle.stats.statements} statements, ${handle.stats.rateLimited} rate-limited)`,
  );
  return 0;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
