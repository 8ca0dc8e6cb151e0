/** CLI runners for the GitOps commands: `deploy` (with drift guard) and `export` (writes the file; the action opens the PR). */
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { deployCommand } from '../commands/deploy.js';
import { exportCommand } from '../commands/export.js';
import { backendOption } from './backend-option.js';
import { SYNC_BENCHMARK_MODES, type SyncBenchmarks } from '../benchmarks/genie-benchmarks.js';
import { VERIFY_MODES, type VerifyMode } from '../commands/deploy-verify.js';
import { numberOption } from './args.js';
import { GitCli } from '../github/git-cli.js';
import { listSpaces } from '../space/repository.js';
import { parseCommandArgs } from './args.js';
import { DEPLOY, EXPORT } from './command-specs.js';
import type { CliIo } from './cli-io.js';

export async function runDeployCli(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(DEPLOY, args);
  const onDrift = values['on-drift'] ?? 'fail';
  if (onDrift !== 'fail' && onDrift !== 'overwrite')
    throw new ConfigError(`--on-drift must be fail or overwrite (got ${onDrift})`, 'e.g. --on-drift fail');
  const root = path.resolve(io.cwd, values.root ?? '.');
  const choice = <T extends string>(name: string, value: string, allowed: readonly T[]): T => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new ConfigError(
      `--${name} must be one of ${allowed.join(', ')} (got ${value})`,
      `e.g. --${name} ${allowed[0]}`,
    );
  };
  const verify = choice<VerifyMode>('verify', values.verify ?? 'smoke', VERIFY_MODES);
  const sync = choice<SyncBenchmarks>('sync-benchmarks', values['sync-benchmarks'] ?? 'none', SYNC_BENCHMARK_MODES);
  // The CLI has no GitHub to open a PR with: push (to the current branch) or off.
  const autoRollback = choice('auto-rollback', values['auto-rollback'] ?? 'off', ['off', 'push'] as const);
  if (!values.all && !values.space?.length && !values.before) {
    throw new ConfigError(
      'say what to deploy',
      'pass --space NAME, --all, or --before SHA (deploys the spaces changed in SHA..HEAD)',
    );
  }
  const git = new GitCli({ cwd: root, env: process.env });
  const result = await deployCommand({
    root,
    backend: backendOption(values.backend),
    git,
    spaces: values.all ? 'all' : values.space,
    before: values.before,
    after: values.after,
    onDrift,
    layout: { bundleTarget: values.target },
    syncBenchmarks: sync,
    verify: {
      mode: verify,
      sampleSize: numberOption(values['verify-sample'], '--verify-sample', { min: 1, integer: true }),
      maxRegression: numberOption(values['max-regression'], '--max-regression', { fraction: true }),
      maxErrored: numberOption(values['max-errored'], '--max-errored', { fraction: true }),
      autoRollback,
      baseBranch: await git.tryCurrentBranch(),
    },
    log: (line) => io.err(line),
  });
  io.out(`spaces: ${result.selection}`);
  for (const s of result.spaces) io.out(`${s.status.padEnd(9)} ${s.space}: ${s.message}`);
  return result.ok ? 0 : 1;
}

export async function runExportCli(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(EXPORT, args);
  const root = path.resolve(io.cwd, values.root ?? '.');
  const layout = { bundleTarget: values.target };
  const spaces = values.all ? listSpaces(root, layout) : values.space ? [values.space] : [];
  const backend = backendOption(values.backend);
  if (spaces.length === 0)
    throw new ConfigError('--space is required', 'name a folder under spaces/ (with a target.yml), or pass --all');
  for (const space of spaces) {
    const result = await exportCommand({
      root,
      space,
      backend,
      layout,
    });
    io.out(`${result.outcome}: ${result.message}`);
  }
  return 0;
}
