/** `genie-gitops validate`: every problem of every file, then one line per space. */
import path from 'node:path';
import { formatIssue } from '../errors.js';
import { validateCommand } from '../commands/validate.js';
import { backendOption } from './backend-option.js';
import { dataOf, parseCommandArgs } from './args.js';
import { VALIDATE } from './command-specs.js';
import type { CliIo } from './cli-io.js';

export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(VALIDATE, args);
  const result = await validateCommand({
    layout: { bundleTarget: values.target },
    dataFile: dataOf(values.data, io),
    root: path.resolve(io.cwd, values.root ?? '.'),
    space: values.space,
    execute: values.execute ?? false,
    backend: backendOption(values.backend),
  });
  for (const issue of result.issues) io.err(`error: ${formatIssue(issue)}`);
  for (const space of result.spaces) {
    const executed =
      space.executed !== undefined
        ? `, ${space.executed} expected SQL statements run`
        : space.notExecuted
          ? `, expected SQL not run: ${space.notExecuted}`
          : '';
    io.out(
      `${space.issues.length === 0 ? 'ok' : 'invalid'}: ${space.space} (${space.benchmarks} benchmark questions${executed}, ${space.issues.length} problem${space.issues.length === 1 ? '' : 's'})`,
    );
  }
  return result.ok ? 0 : 1;
}
