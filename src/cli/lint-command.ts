/** CLI runners for `lint` (static quality checks and score) and `list-spaces` (every space the repository declares). */
import path from 'node:path';
import { GenieGitopsError } from '../errors.js';
import { lintCommand, lintFailures, type SpaceLint } from '../commands/lint.js';
import { backendOption } from './backend-option.js';
import { listChecks } from '../lint/registry.js';
import { CATEGORIES } from '../lint/types.js';
import { renderLintMarkdown } from '../report/lint-markdown.js';
import { listSpaceEntries } from '../space/repository.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { CliIo } from './cli-io.js';
import { numberOption, parseCommandArgs } from './args.js';
import { LINT, LIST_SPACES } from './command-specs.js';

function where(space: SpaceLint, line: number | undefined): string {
  return `${space.file}${line ? `:${line}` : ''}`;
}

function printSpace(space: SpaceLint, io: CliIo, quiet: boolean): void {
  for (const issue of space.issues) io.out(`${where(space, issue.line)}: error ${issue.path}: ${issue.message}`);
  if (!quiet)
    for (const f of space.findings)
      io.out(`${where(space, f.line)}: ${f.severity} [${f.check}] ${f.path}: ${f.message} (fix: ${f.fix})`);
  for (const a of space.fix?.applied ?? []) io.out(`fixed [${a.check}] ${a.path}: ${a.description}`);
  for (const s of space.fix?.skipped ?? []) io.out(`not fixed [${s.check}] ${s.path}: ${s.description}`);
  const q = space.quality;
  if (!q) {
    io.out(`${space.space}: not linted (${space.issues.length} problem(s) above; run validate)`);
    return;
  }
  const parts = CATEGORIES.map((c) => `${c} ${q.categories[c].score.toFixed(0)}`).join(', ');
  io.out(
    `${space.space}: quality ${q.score.toFixed(1)}/100 (${parts}); ${q.findings.error} error(s), ${q.findings.warning} warning(s), ${q.findings.info} info`,
  );
}

export async function runLint(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(LINT, args);
  if (values['list-checks']) {
    for (const line of listChecks()) io.out(line);
    return 0;
  }
  if (values.all && values.space?.length)
    throw new GenieGitopsError('--space and --all exclude each other', 'pass --space NAME or --all (the default)');
  const minQuality = numberOption(values['min-quality'], '--min-quality', { min: 0, max: 100 });
  const root = path.resolve(io.cwd, values.root ?? '.');
  const result = await lintCommand({
    root,
    spaces: values.space,
    layout: { bundleTarget: values.target },
    warehouse: values.warehouse ? backendOption(values.backend) : undefined,
    fix: values.fix,
  });
  if (result.spaces.length === 0)
    throw new GenieGitopsError(
      'no space found',
      'create spaces/<name>/space.json or declare genie_spaces in databricks.yml',
    );
  if (values.json) writeFileAtomic(path.resolve(io.cwd, values.json), `${JSON.stringify(result, null, 2)}\n`);
  if (values.markdown) writeFileAtomic(path.resolve(io.cwd, values.markdown), renderLintMarkdown(result));
  for (const note of result.notes) io.err(`note: ${note}`);
  for (const space of result.spaces) printSpace(space, io, values.quiet ?? false);
  const failures = lintFailures(result, minQuality);
  for (const failure of failures) io.err(`error: ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

export function runListSpaces(args: string[], io: CliIo): number {
  const values = parseCommandArgs(LIST_SPACES, args);
  const entries = listSpaceEntries(path.resolve(io.cwd, values.root ?? '.'), { bundleTarget: values.target });
  if (values.json) io.out(JSON.stringify(entries.map((e) => e.name)));
  else
    for (const e of entries)
      io.out(`${e.name}\t${e.configPath}\t${e.source === 'bundle' ? `bundle ${e.bundle?.file}` : 'folder'}`);
  return 0;
}
