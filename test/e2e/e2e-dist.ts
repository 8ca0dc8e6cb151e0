/**
 * Which bundle the end-to-end tests run. GENIE_GITOPS_DIST unset: the repository's dist/ (what
 * the runner executes, rebuilt by `npm run bundle`). GENIE_GITOPS_DIST=fresh: bundle src/ once
 * into a temp folder keyed by a hash of the sources (shared by every test file of the run through
 * a lock directory), without touching dist/. Any other value: that folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/temp-repo.js';

function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(`${path.relative(REPO_ROOT, full)}\0`).update(readFileSync(full));
    }
  };
  walk(path.join(REPO_ROOT, 'src'));
  hash.update(readFileSync(path.join(REPO_ROOT, 'scripts', 'bundle.mjs')));
  return hash.digest('hex').slice(0, 16);
}

export async function e2eDist(): Promise<string> {
  const setting = process.env.GENIE_GITOPS_DIST;
  if (!setting) return path.join(REPO_ROOT, 'dist');
  if (setting !== 'fresh') return path.resolve(REPO_ROOT, setting);
  const dir = path.join(os.tmpdir(), `genie-gitops-e2e-dist-${sourceHash()}`);
  const ready = () => existsSync(path.join(dir, 'index.js'));
  const lock = `${dir}.lock`;
  for (const started = Date.now(); !ready();) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() - started > 10 * 60_000)
        throw new Error(`timed out waiting for another test file to bundle into ${dir}`);
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    try {
      const scratch = `${dir}.build-${process.pid}`;
      // @ts-expect-error: the bundle script is plain JavaScript without type declarations
      const { bundle } = (await import('../../scripts/bundle.mjs')) as { bundle: (o: unknown) => Promise<string[]> };
      await bundle({ dist: scratch });
      renameSync(scratch, dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}
