/** `genie-gitops init` and `import-benchmarks`: the two ways a new space's files are created. */
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { importBenchmarksCommand } from '../commands/import-benchmarks.js';
import { initCommand } from '../commands/init.js';
import { parseBackend } from '../wiring/backend.js';
import { localDataFiles } from '../wiring/local-data.js';
import { validateSpaceName } from '../space/space-name.js';
import { parseCommandArgs } from './args.js';
import { IMPORT_BENCHMARKS, INIT } from './command-specs.js';
import type { CliIo } from './cli-io.js';
import { repoPaths } from '../space/repo-paths.js';

export async function runInit(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(INIT, args);
  if (parseBackend(values.backend) !== 'local')
    throw new ConfigError(
      'init reads a local database only',
      'use --backend local with --from-sqlite FILE or --from-sql FILE',
    );
  if (values['from-sqlite'] && values['from-sql'])
    throw new ConfigError('--from-sqlite and --from-sql exclude each other', 'pass one of them');
  const from = values['from-sqlite'] ?? values['from-sql'];
  const space = validateSpaceName(values.space!);
  if (!from)
    io.err(
      `init: no --from-sqlite or --from-sql given, so ${repoPaths.dir(space)}/ is built from the generated demo data (target.yml says local.data: demo)`,
    );
  const result = await initCommand({
    root: path.resolve(io.cwd, values.root ?? '.'),
    space,
    from,
    kind: values['from-sqlite'] ? 'sqlite' : values['from-sql'] ? 'sql' : undefined,
    force: values.force,
    data: localDataFiles(),
  });
  io.out(
    result.wroteSpace
      ? `wrote ${path.relative(io.cwd, result.spaceFile)} (${result.tables.length} tables) and ${path.relative(io.cwd, result.targetFile)}`
      : `wrote ${path.relative(io.cwd, result.targetFile)} (kept the existing ${path.relative(io.cwd, result.spaceFile)}; ${result.tables.length} tables in the data)`,
  );
  if (result.copiedFrom && result.dataFile)
    io.out(
      `copied ${result.copiedFrom} into the repository as ${path.relative(io.cwd, result.dataFile)} (local.data must be inside the repository: CI checks out nothing else)`,
    );
  io.out(
    `next: write ${repoPaths.benchmarksFile(space)} (or genie-gitops import-benchmarks --space ${space} --from FILE.md), then genie-gitops score --space ${space}`,
  );
  return 0;
}

export function runImportBenchmarks(args: string[], io: CliIo): number {
  const values = parseCommandArgs(IMPORT_BENCHMARKS, args);
  const result = importBenchmarksCommand({
    root: path.resolve(io.cwd, values.root ?? '.'),
    space: values.space!,
    from: values.from!,
    force: values.force,
  });
  io.out(`wrote ${path.relative(io.cwd, result.file)} (${result.questions} questions)`);
  return 0;
}
