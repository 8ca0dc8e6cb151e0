import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './temp-repo.js';

/**
 * The public text-to-SQL cases live in shared/ beside the checkout (CI clones the repository
 * with shared/ next to it); GENIE_GITOPS_EXTERNAL overrides the location.
 */
export function externalCases(part: 'spider' | 'defog'): string {
  const candidates = [process.env.GENIE_GITOPS_EXTERNAL, path.resolve(REPO_ROOT, '../shared/external'), '/work/shared/external'].filter((p): p is string => Boolean(p));
  const found = candidates.find((dir) => existsSync(path.join(dir, part)));
  if (!found) throw new Error(`the external test cases were not found (looked in ${candidates.join(', ')}); set GENIE_GITOPS_EXTERNAL`);
  return path.join(found, part);
}
