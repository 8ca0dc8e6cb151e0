/** `import-benchmarks`: converts question/SQL Markdown into benchmarks/<space>.yml. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GenieGitopsError } from '../errors.js';
import { parseBenchmarksText } from '../benchmarks/loader.js';
import { importMarkdown, toBenchmarkYaml } from '../benchmarks/markdown-import.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { validateSpaceName } from '../space/space-name.js';
import { benchmarksFile } from './workspace.js';

export interface ImportBenchmarksOptions {
  root: string;
  space: string;
  /** The Markdown file, relative to the root or absolute. */
  from: string;
  force?: boolean;
}

export function importBenchmarksCommand(options: ImportBenchmarksOptions): { file: string; questions: number } {
  validateSpaceName(options.space);
  const source = path.resolve(options.root, options.from);
  if (!existsSync(source))
    throw new GenieGitopsError(
      `${options.from} does not exist`,
      'pass a Markdown file of questions, each followed by a ```sql block',
    );
  const target = benchmarksFile(options.root, options.space);
  if (existsSync(target) && !options.force) {
    throw new GenieGitopsError(`${path.relative(options.root, target)} already exists`, 'pass --force to replace it');
  }
  const items = importMarkdown(readFileSync(source, 'utf8'), path.relative(options.root, source));
  const yaml = toBenchmarkYaml(items);
  // The same checks as every benchmark file (ids, read-only SQL) before anything is written.
  const set = parseBenchmarksText(yaml, path.relative(options.root, target), options.space);
  writeFileAtomic(target, yaml);
  return { file: target, questions: set.benchmarks.length };
}
