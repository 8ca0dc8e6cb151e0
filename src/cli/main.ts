/** The CLI: argv -> the same commands the action runs. Returns the exit code; never calls process.exit. */
import { GenieGitopsError, ValidationError, formatIssue } from '../errors.js';
import { wantsHelp } from './args.js';
import { COMMAND_SPECS } from './command-specs.js';
import { renderCommandHelp } from './command-spec.js';
import { packageVersion, renderUsage } from './help.js';
import type { CliIo } from './cli-io.js';

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

type Runner = (args: string[], io: CliIo) => Promise<number> | number;

/** Each command's code is imported when it runs (its own chunk in dist/), so a cold start loads only its own. */
const RUNNERS: Record<string, Runner> = {
  validate: async (args, io) => (await import('./validate-command.js')).runValidate(args, io),
  score: async (args, io) => (await import('./score-command.js')).runScore(args, io),
  enhance: async (args, io) => (await import('./enhance-command.js')).runEnhance(args, io),
  init: async (args, io) => (await import('./init-command.js')).runInit(args, io),
  'import-benchmarks': async (args, io) => (await import('./init-command.js')).runImportBenchmarks(args, io),
  deploy: async (args, io) => (await import('./gitops-commands.js')).runDeployCli(args, io),
  export: async (args, io) => (await import('./gitops-commands.js')).runExportCli(args, io),
  lint: async (args, io) => (await import('./lint-command.js')).runLint(args, io),
  'list-spaces': async (args, io) => (await import('./lint-command.js')).runListSpaces(args, io),
  serve: async (args, io) => (await import('./serve-command.js')).runServe(args, io),
};

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v' || command === 'version') {
      io.out(packageVersion());
      return 0;
    }
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      const topic = command === 'help' ? COMMAND_SPECS.find((s) => s.name === rest[0]) : undefined;
      io.out(topic ? renderCommandHelp(topic) : renderUsage());
      // Bare `genie-gitops` is a mistake (exit 1); asking for help is not.
      return command === undefined ? 1 : 0;
    }
    const run = RUNNERS[command];
    const spec = COMMAND_SPECS.find((s) => s.name === command);
    if (!run || !spec) {
      io.err(`error: unknown command '${command}'`);
      io.err(`hint: the commands are ${COMMAND_SPECS.map((s) => s.name).join(', ')}; run genie-gitops --help`);
      return 1;
    }
    if (wantsHelp(rest)) {
      io.out(renderCommandHelp(spec));
      return 0;
    }
    return await run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof ValidationError) {
    for (const issue of error.issues) io.err(`error: ${formatIssue(issue)}`);
    if (error.hint) io.err(`hint: ${error.hint}`);
    return 1;
  }
  if (error instanceof GenieGitopsError) {
    io.err(`error: ${error.message}`);
    if (error.hint) io.err(`hint: ${error.hint}`);
    return 1;
  }
  io.err(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 2;
}
