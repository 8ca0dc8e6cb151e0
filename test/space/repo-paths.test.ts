import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GenieGitopsError } from '../../src/errors.js';
import { isInside, resolveInside, spacePaths } from '../../src/space/repo-paths.js';
import { validateSpaceName as checkSpaceName } from '../../src/space/space-name.js';

let base: string;
let root: string;
let outside: string;
beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'repo-paths-'));
  root = path.join(base, 'repo');
  outside = path.join(base, 'outside');
  mkdirSync(path.join(root, 'spaces'), { recursive: true });
  mkdirSync(outside);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('checkSpaceName: one rule for every command', () => {
  it.each(['demo', 'sales-2026', 'a_b-c', 'x', '0', 'a'.repeat(44)])('accepts %j', (name) => {
    expect(checkSpaceName(name)).toBe(name);
  });

  it.each([
    '../etc',
    '../../outside/pwn',
    'a/b',
    'a\\b',
    '',
    '.hidden',
    '-flag',
    'trailing.',
    'a..b',
    'x.lock',
    'Sales',
    'a.b',
    'with space',
    'naïve',
    'a'.repeat(45),
  ])('refuses %j with the one message', (name) => {
    const error = (() => {
      try {
        checkSpaceName(name);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(GenieGitopsError);
    expect((error as GenieGitopsError).message).toContain(
      `invalid space name ${JSON.stringify(name)}: use lowercase letters, digits`,
    );
  });
});

describe('paths stay inside the repository, symlinks followed', () => {
  it('gives every file of a space under the root', () => {
    const paths = spacePaths(root, 'demo');
    expect(paths).toEqual({
      dir: path.join(root, 'spaces', 'demo'),
      spaceFile: path.join(root, 'spaces', 'demo', 'space.json'),
      targetFile: path.join(root, 'spaces', 'demo', 'target.yml'),
      benchmarksFile: path.join(root, 'benchmarks', 'demo.yml'),
      lessonsFile: path.join(root, 'lessons', 'demo.json'),
    });
  });

  it('refuses a space folder that is a symlink to outside the root', () => {
    symlinkSync(outside, path.join(root, 'spaces', 'evil'));
    expect(() => spacePaths(root, 'evil')).toThrow(/leads outside the repository/);
  });

  it('refuses a benchmarks folder that is a symlink to outside the root', () => {
    symlinkSync(outside, path.join(root, 'benchmarks'));
    expect(() => spacePaths(root, 'demo')).toThrow(/leads outside the repository/);
  });

  it('follows a symlink that stays inside', () => {
    mkdirSync(path.join(root, 'real'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'lessons'));
    expect(spacePaths(root, 'demo').lessonsFile).toBe(path.join(root, 'lessons', 'demo.json'));
  });

  it('works when the root itself is reached through a symlink', () => {
    const link = path.join(base, 'link');
    symlinkSync(root, link);
    expect(isInside(link, path.join(root, 'spaces'))).toBe(true);
    expect(spacePaths(link, 'demo').spaceFile).toBe(path.join(link, 'spaces', 'demo', 'space.json'));
  });

  it('resolves relative paths and refuses ../ escapes, naming the setting', () => {
    expect(resolveInside(root, 'data/x.sqlite', 'local.data')).toBe(path.join(root, 'data', 'x.sqlite'));
    expect(() => resolveInside(root, '../outside/x.sqlite', 'local.data')).toThrow(/local.data \(\.\.\/outside/);
    expect(() => resolveInside(root, '/etc/passwd', 'local.data')).toThrow(/outside the repository/);
  });
});
