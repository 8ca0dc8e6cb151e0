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
    dir: inside(repoPaths.dir(name)),
    spaceFile: inside(repoPaths.spaceFile(name)),
    targetFile: inside(repoPaths.targetFile(name)),
    benchmarksFile: inside(repoPaths.benchmarksFile(name)),
    lessonsFile: inside(repoPaths.lessonsFile(name)),
  };
}

/** The repository's layout: each file of a space, relative to the root with forward slashes (for git and messages). */
export const repoPaths = {
  /** The folder holding every folder-declared space. */
  spacesDir: 'spaces',
  dir: (name: string) => `spaces/${name}`,
  spaceFile: (name: string) => `spaces/${name}/space.json`,
  targetFile: (name: string) => `spaces/${name}/target.yml`,
  benchmarksFile: (name: string) => `benchmarks/${name}.yml`,
  lessonsFile: (name: string) => `lessons/${name}.json`,
};

/** The space a repository-relative path belongs to: spaces/<name>/..., and with `benchmarks` also benchmarks/<name>.yml. */
export function spaceOfPath(file: string, options: { benchmarks?: boolean } = {}): string | undefined {
  const match =
    /^spaces\/([^/]+)\//.exec(file) ?? (options.benchmarks ? /^benchmarks\/([^/]+)\.ya?ml$/.exec(file) : null);
  return match?.[1];
}
