/** The CLI: argv -> the same commands the action runs. Returns the exit code; never calls process.exit. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GenieGitopsError, ValidationError, formatIssue } from '../errors.js';
import { enhanceCommand } from '../commands/enhance.js';
import { importBenchmarksCommand } from '../commands/import-benchmarks.js';
import { initCommand } from '../commands/init.js';
import { renderEnhanceMarkdown } from '../report/enhance-report.js';
import { llmAnalystFrom } from '../commands/llm-analyst.js';
import type { LlmProvider } from '../llm/config.js';
import { scoreCommand } from '../commands/score.js';
import { validateCommand } from '../commands/validate.js';
import { parseBackend } from '../commands/workspace.js';
import { renderScorecardMarkdown, renderScorecardText } from '../report/scorecard-markdown.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { HELP, SPACE_OPTIONS, numberOption } from './options.js';
import { runServe } from './serve-command.js';
import { runDeployCli, runExportCli } from './gitops-commands.js';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await runValidate(rest, io);
      case 'score':
        return await runScore(rest, io);
      case 'init':
        return await runInit(rest, io);
      case 'enhance':
        return await runEnhance(rest, io);
      case 'import-benchmarks':
        return runImportBenchmarks(rest, io);
      case 'deploy':
        return await runDeployCli(rest, io);
      case 'export':
        return await runExportCli(rest, io);
      case 'serve':
        return await runServe(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return command === undefined ? 1 : 0;
      default:
        io.err(`error: unknown command '${command}'\n${HELP}`);
        return 1;
    }
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
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    io.err(`error: ${error.message}\n${HELP}`);
    return 1;
  }
  io.err(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 2;
}

function rootOf(value: string | undefined, io: CliIo): string {
  return path.resolve(io.cwd, value ?? '.');
}

async function runValidate(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { space: { type: 'string' }, root: { type: 'string' } },
    strict: true,
  });
  const result = await validateCommand({ root: rootOf(values.root, io), space: values.space });
  for (const issue of result.issues) io.err(`error: ${formatIssue(issue)}`);
  for (const space of result.spaces) {
    io.out(
      `${space.issues.length === 0 ? 'ok' : 'invalid'}: ${space.space} (${space.benchmarks} benchmark questions, ${space.issues.length} problems)`,
    );
  }
  return result.ok ? 0 : 1;
}

async function runScore(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...SPACE_OPTIONS,
      repeats: { type: 'string' },
      concurrency: { type: 'string' },
      qpm: { type: 'string' },
      noise: { type: 'string' },
      seed: { type: 'string' },
      'min-score': { type: 'string' },
      json: { type: 'string' },
      markdown: { type: 'string' },
      quiet: { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.space)
    throw new GenieGitopsError('--space is required', 'name a folder under spaces/, e.g. --space demo');
  const minScore = numberOption(values['min-score'], '--min-score', { min: 0, max: 1 });
  const card = await scoreCommand({
    root: rootOf(values.root, io),
    space: values.space,
    backend: parseBackend(values.backend),
    repeats: numberOption(values.repeats, '--repeats', { min: 1, integer: true }),
    concurrency: numberOption(values.concurrency, '--concurrency', { min: 1, integer: true }),
    questionsPerMinute: numberOption(values.qpm, '--qpm', { min: 0.1 }),
    noise: numberOption(values.noise, '--noise', { min: 0, max: 1 }),
    seed: numberOption(values.seed, '--seed', { integer: true }),
    onProgress: values.quiet
      ? undefined
      : (e) =>
          io.err(
            `[${e.done}/${e.total}] ${e.id}${e.repeat > 0 ? ` #${e.repeat + 1}` : ''} ${e.passed ? 'pass' : `fail (${e.category ?? e.verdict})`} ${Math.round(e.durationMs)}ms`,
          ),
  });
  // Outputs are written only once the whole run succeeded, so a failure leaves nothing partial.
  if (values.json) writeFileAtomic(path.resolve(io.cwd, values.json), `${JSON.stringify(card, null, 2)}\n`);
  if (values.markdown) writeFileAtomic(path.resolve(io.cwd, values.markdown), renderScorecardMarkdown(card));
  io.out(renderScorecardText(card));
  if (minScore !== undefined && card.totals.all.score < minScore) {
    io.err(
      `error: score ${(card.totals.all.score * 100).toFixed(1)}% is below --min-score ${(minScore * 100).toFixed(1)}%`,
    );
    return 1;
  }
  return 0;
}

async function runInit(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...SPACE_OPTIONS,
      'from-sqlite': { type: 'string' },
      'from-sql': { type: 'string' },
      force: { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.space) throw new GenieGitopsError('--space is required', 'name the new space, e.g. --space sales');
  if (parseBackend(values.backend) !== 'local')
    throw new GenieGitopsError(
      'init reads a local database only',
      'use --backend local with --from-sqlite FILE or --from-sql FILE',
    );
  if (values['from-sqlite'] && values['from-sql'])
    throw new GenieGitopsError('--from-sqlite and --from-sql exclude each other', 'pass one of them');
  const result = await initCommand({
    root: rootOf(values.root, io),
    space: values.space,
    from: values['from-sqlite'] ?? values['from-sql'],
    force: values.force,
  });
  io.out(
    `wrote ${path.relative(io.cwd, result.spaceFile)} (${result.tables.length} tables) and ${path.relative(io.cwd, result.targetFile)}`,
  );
  return 0;
}

async function runEnhance(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...SPACE_OPTIONS,
      analyst: { type: 'string' },
      'max-iterations': { type: 'string' },
      'target-score': { type: 'string' },
      'max-regressions': { type: 'string' },
      'allow-taught-examples': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'string' },
      markdown: { type: 'string' },
      quiet: { type: 'boolean' },
      'llm-provider': { type: 'string' },
      'llm-model': { type: 'string' },
      'llm-base-url': { type: 'string' },
      'llm-endpoint': { type: 'string' },
      'llm-timeout-ms': { type: 'string' },
    },
    strict: true,
  });
  if (!values.space)
    throw new GenieGitopsError('--space is required', 'name a folder under spaces/, e.g. --space demo');
  const llmSettings = {
    provider: values['llm-provider'] as LlmProvider | undefined,
    model: values['llm-model'],
    baseUrl: values['llm-base-url'],
    endpoint: values['llm-endpoint'],
  };
  const analyst = values.analyst ?? 'rules';
  if (analyst !== 'rules' && analyst !== 'llm')
    throw new GenieGitopsError(`unknown analyst '${analyst}'`, 'use --analyst rules or --analyst llm');
  const result = await enhanceCommand({
    root: rootOf(values.root, io),
    space: values.space,
    backend: parseBackend(values.backend),
    analyst,
    llmAnalyst:
      analyst === 'llm'
        ? llmAnalystFrom(llmSettings, process.env, {
            timeoutMs: numberOption(values['llm-timeout-ms'], '--llm-timeout-ms', { min: 1, integer: true }),
          })
        : undefined,
    maxIterations: numberOption(values['max-iterations'], '--max-iterations', { min: 1, integer: true }),
    targetScore: numberOption(values['target-score'], '--target-score', { min: 0, max: 1 }),
    maxRegressions: numberOption(values['max-regressions'], '--max-regressions', { min: 0, integer: true }),
    allowTaughtExamples: values['allow-taught-examples'] ?? false,
    dryRun: values['dry-run'],
    log: values.quiet ? undefined : (line) => io.err(line),
  });
  const markdown = renderEnhanceMarkdown(result);
  const { config: _config, ...json } = result;
  if (values.json) writeFileAtomic(path.resolve(io.cwd, values.json), `${JSON.stringify(json, null, 2)}\n`);
  if (values.markdown) writeFileAtomic(path.resolve(io.cwd, values.markdown), markdown);
  const t = (c: typeof result.before) =>
    `train ${(c.totals.train.score * 100).toFixed(1)}%, train-untaught ${(c.totals.trainUntaught.score * 100).toFixed(1)}%, holdout ${(c.totals.holdout.score * 100).toFixed(1)}%`;
  io.out(`before: ${t(result.before)}`);
  io.out(`after:  ${t(result.after)}`);
  io.out(
    `${result.iterations.filter((i) => i.accepted).length} of ${result.iterations.length} iteration(s) kept; ${result.stopReason}`,
  );
  io.out(
    result.dryRun
      ? 'dry run: no file written'
      : `wrote ${result.written.map((f) => path.relative(io.cwd, f)).join(', ') || 'nothing'}`,
  );
  return 0;
}

function runImportBenchmarks(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    options: { ...SPACE_OPTIONS, from: { type: 'string' }, force: { type: 'boolean' } },
    strict: true,
  });
  if (!values.space || !values.from)
    throw new GenieGitopsError(
      '--space and --from are required',
      'e.g. import-benchmarks --space sales --from docs/questions.md',
    );
  const result = importBenchmarksCommand({
    root: rootOf(values.root, io),
    space: values.space,
    from: values.from,
    force: values.force,
  });
  io.out(`wrote ${path.relative(io.cwd, result.file)} (${result.questions} questions)`);
  return 0;
}
