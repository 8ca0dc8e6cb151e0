import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './temp-repo.js';

/**
 * The public text-to-SQL cases (Spider, defog) live in shared/ beside the checkout, as the
 * project's CI lays it out; GENIE_GITOPS_EXTERNAL points elsewhere. Where neither exists (a
 * plain clone), the tests that need them are reported as skipped, never silently passed.
 */
const CANDIDATES = [process.env.GENIE_GITOPS_EXTERNAL, path.resolve(REPO_ROOT, '../shared/external')].filter(
  (p): p is string => Boolean(p),
);

export function externalCases(part: 'spider' | 'defog'): string | undefined {
  const found = CANDIDATES.find((dir) => existsSync(path.join(dir, part)));
  return found ? path.join(found, part) : undefined;
}

/** Lines of a .jsonl file, or none when the cases are absent. */
export function readJsonl<T>(file: string | undefined): T[] {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
