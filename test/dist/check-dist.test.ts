/** The committed dist/ must be exactly what a fresh build produces, or the action runs stale code. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/temp-repo.js';

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
    });
}

describe('check-dist', () => {
  it('dist/ equals a fresh npm run bundle', async () => {
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'dist-'));
    try {
      // @ts-expect-error: plain ESM build script without type declarations
      const { bundle } = await import('../../scripts/bundle.mjs');
      await bundle({ dist: fresh });
      const committed = path.join(REPO_ROOT, 'dist');
      expect(listFiles(committed)).toEqual(listFiles(fresh));
      const stale = listFiles(fresh).filter((f) => !readFileSync(path.join(fresh, f)).equals(readFileSync(path.join(committed, f))));
      expect(stale, 'dist/ is stale: run `npm run bundle` and commit dist/').toEqual([]);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 180_000);
});
