/**
 * Where a space's files live, and the rule that keeps every path a command reads or writes
 * inside the repository. A space name (checked by the one rule in space-name.ts) becomes part of
 * paths (spaces/<name>/, benchmarks/<name>.yml, lessons/<name>.json); every path is then resolved
 * with symlinks followed (the nearest existing ancestor's real path), so a symlinked folder cannot
 * lead outside either.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { GenieGitopsError } from '../errors.js';
import { validateSpaceName } from './space-name.js';

/** The real path of `target`: symlinks resolved for the part that exists, the rest appended. */
export function realPathOf(target: string): string {
  const missing: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...missing.reverse());
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** True when `target` (symlinks resolved) is the root or below it. */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(realPathOf(root), realPathOf(target));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * `relative` resolved under `root`, refused when it (or a symlink on the way) leads outside.
 * `what` names the setting in the message, e.g. "local.data in spaces/x/target.yml".
 */
export function resolveInside(root: string, relative: string, what: string, hint?: string): string {
  const resolved = path.resolve(root, relative);
  if (!isInside(root, resolved)) {
    throw new GenieGitopsError(
      `${what} (${relative}) leads outside the repository ${path.resolve(root)}`,
      hint ?? 'use a path inside the repository (symlinks are followed)',
    );
  }
  return resolved;
}

export interface SpacePaths {
  /** Absolute folder spaces/<name>. */
  dir: string;
  spaceFile: string;
  targetFile: string;
  benchmarksFile: string;
  lessonsFile: string;
}

/** Every file of one space, after checking its name and that each path stays inside the root. */
export function spacePaths(root: string, name: string): SpacePaths {
  validateSpaceName(name);
  const absolute = path.resolve(root);
  const inside = (relative: string) => resolveInside(absolute, relative, `the path of space ${name}`);
  return {
    dir: inside(path.join('spaces', name)),
    spaceFile: inside(path.join('spaces', name, 'space.json')),
    targetFile: inside(path.join('spaces', name, 'target.yml')),
    benchmarksFile: inside(path.join('benchmarks', `${name}.yml`)),
    lessonsFile: inside(path.join('lessons', `${name}.json`)),
  };
}
