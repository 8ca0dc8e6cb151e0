/** The `spaces/` folder of a repository: which spaces exist and what each one holds. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../errors.js';
import type { Space } from './schema.js';
import { spacePaths } from './repo-paths.js';
import { readSpaceFile } from './space-file.js';
import { loadTarget, type Target } from './target.js';

export interface SpaceDir {
  name: string;
  /** Absolute folder spaces/<name>. */
  dir: string;
  /** Absolute path of space.json. */
  spaceFile: string;
  space: Space;
  /** Absent when the space has no target.yml yet. */
  target?: Target;
  /** Absolute path of target.yml, whether or not it exists. */
  targetFile: string;
}

/** Repository-relative path with forward slashes, as messages and annotations use. */
function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** Names of the folders under spaces/ that hold a space.json, sorted. */
export function listSpaces(root: string): string[] {
  const spacesDir = path.join(root, 'spaces');
  if (!existsSync(spacesDir)) return [];
  return readdirSync(spacesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(spacesDir, entry.name, 'space.json')))
    .map((entry) => entry.name)
    .sort();
}

export function loadSpaceDir(root: string, name: string): SpaceDir {
  const absoluteRoot = path.resolve(root);
  const { dir, spaceFile, targetFile } = spacePaths(absoluteRoot, name);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const known = listSpaces(absoluteRoot);
    const hint = known.length > 0 ? `; known spaces: ${known.join(', ')}` : '';
    throw new ValidationError([
      {
        file: relative(absoluteRoot, dir),
        path: '$',
        message: `no folder spaces/${name}/: create it with a space.json (run \`genie-gitops init\` or \`genie-gitops export\`)${hint}`,
      },
    ]);
  }
  if (!existsSync(spaceFile)) {
    throw new ValidationError([
      {
        file: relative(absoluteRoot, spaceFile),
        path: '$',
        message: `spaces/${name}/ has no space.json: create spaces/${name}/space.json (the decoded serialized_space, e.g. via \`genie-gitops export\`)`,
      },
    ]);
  }
  // Errors name files relative to the repository root, as annotations need.
  const space = readSpaceFile(spaceFile, relative(absoluteRoot, spaceFile));
  const target = existsSync(targetFile) ? loadTarget(targetFile, relative(absoluteRoot, targetFile)) : undefined;
  return { name, dir, spaceFile, space, target, targetFile };
}
