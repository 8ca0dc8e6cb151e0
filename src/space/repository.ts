/**
 * The repository layout: which spaces exist and what each one holds. Two layouts feed one list:
 * folders `spaces/<name>/space.json` (+ `target.yml`), and Genie spaces declared in a Databricks
 * Asset Bundle (`databricks.yml` `resources.genie_spaces.<name>.file_path`, see bundle.ts). Commands
 * only see SpaceEntry / SpaceDir and never care which layout a space comes from.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../errors.js';
import { readBundle, type Bundle, type BundleSpace } from './bundle.js';
import type { Space } from './schema.js';
import { isValidSpaceName, SPACE_NAME_RULE, validateSpaceName } from './space-name.js';
import { resolveInside, repoPaths, spaceOfPath } from './repo-paths.js';
import { readSpaceFile } from './space-file.js';
import { loadTarget, loadTargetOverlay, overlayTarget, type Target } from './target.js';

export interface LayoutOptions {
  /** The bundle target (environment) for bundle-declared spaces; default the bundle's default target. */
  bundleTarget?: string;
}

export interface SpaceEntry {
  name: string;
  source: 'folder' | 'bundle';
  /** Absolute path of the config file. */
  spaceFile: string;
  /** Repository-relative path of the config file with forward slashes: what git, messages and annotations use. */
  configPath: string;
  /** Absolute path of target.yml (for a bundle space the optional `<name>.target.yml` beside its file). */
  targetFile: string;
  /** For a bundle space: the bundle resource and the target it was read for. */
  bundle?: { file: string; target?: string; resource: BundleSpace };
}

export interface SpaceDir {
  name: string;
  /** Absolute folder of the config file. */
  dir: string;
  /** Absolute path of the config file. */
  spaceFile: string;
  /** Repository-relative path of the config file (forward slashes). */
  configPath: string;
  source: SpaceEntry['source'];
  space: Space;
  /** Absent when the space has no target (a folder without target.yml). */
  target?: Target;
  /** Absolute path of the target file, whether or not it exists. */
  targetFile: string;
}

/** Repository-relative path with forward slashes, as messages and annotations use. */
export function repoRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function folderEntries(root: string): SpaceEntry[] {
  const spacesDir = path.join(root, repoPaths.spacesDir);
  if (!existsSync(spacesDir)) return [];
  return readdirSync(spacesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(spacesDir, entry.name, 'space.json')))
    .map((entry) => {
      const spaceFile = path.join(spacesDir, entry.name, 'space.json');
      return {
        name: entry.name,
        source: 'folder' as const,
        spaceFile,
        configPath: repoRelative(root, spaceFile),
        targetFile: path.join(spacesDir, entry.name, 'target.yml'),
      };
    });
}

/** `src/sales.geniespace.json` -> `src/sales.target.yml`. */
function overlayFileOf(spaceFile: string): string {
  const base = path.basename(spaceFile).replace(/(\.geniespace)?\.json$/i, '');
  return path.join(path.dirname(spaceFile), `${base}.target.yml`);
}

function bundleEntries(root: string, bundle: Bundle | undefined, folders: SpaceEntry[]): SpaceEntry[] {
  if (!bundle) return [];
  const taken = new Set(folders.map((f) => f.name));
  const entries: SpaceEntry[] = [];
  for (const resource of bundle.spaces) {
    if (!resource.spaceFile) continue;
    const problem = !isValidSpaceName(resource.key)
      ? `the key '${resource.key}' cannot name a space: use ${SPACE_NAME_RULE}`
      : taken.has(resource.key)
        ? `genie_spaces.${resource.key} has the name of the folder ${repoPaths.dir(resource.key)}/: rename one of them`
        : undefined;
    if (problem)
      throw new ValidationError([{ file: resource.declaredIn, path: '$', line: resource.line, message: problem }]);
    entries.push({
      name: resource.key,
      source: 'bundle',
      spaceFile: resource.spaceFile,
      configPath: repoRelative(root, resource.spaceFile),
      targetFile: overlayFileOf(resource.spaceFile),
      bundle: { file: bundle.file, target: bundle.target, resource },
    });
  }
  return entries;
}

/** Every space of the repository, folders first then bundle-declared ones, sorted by name. */
export function listSpaceEntries(root: string, options: LayoutOptions = {}): SpaceEntry[] {
  const absoluteRoot = path.resolve(root);
  const folders = folderEntries(absoluteRoot);
  const bundled = bundleEntries(absoluteRoot, readBundle(absoluteRoot, { target: options.bundleTarget }), folders);
  return [...folders, ...bundled].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Names of the spaces (folders with a space.json, and bundle-declared spaces), sorted. */
export function listSpaces(root: string, options: LayoutOptions = {}): string[] {
  return listSpaceEntries(root, options).map((entry) => entry.name);
}

/** The entry named `name`, or undefined. */
export function findSpaceEntry(root: string, name: string, options: LayoutOptions = {}): SpaceEntry | undefined {
  return listSpaceEntries(root, options).find((entry) => entry.name === name);
}

/** Local ids derived from the bundle key and target, so deploy and score work offline without a target file. */
function derivedId(kind: string, entry: SpaceEntry): string {
  const seed = `bundle:${entry.bundle?.target ?? ''}:${entry.name}:${kind}`;
  return createHash('sha256').update(seed).digest('hex').slice(0, 32);
}

/** The target of a bundle-declared space: the resource's fields, then its optional `<name>.target.yml`. */
function bundleTarget(root: string, entry: SpaceEntry): Target {
  const resource = entry.bundle!.resource;
  const base: Target = {
    title: resource.title ?? entry.name,
    liveSpaceId: derivedId('live', entry),
    stagingSpaceId: derivedId('staging', entry),
    warehouseId: resource.warehouseId ?? 'local',
    idsDerived: true,
  };
  if (resource.parentPath !== undefined) base.parentPath = resource.parentPath;
  const overlay = existsSync(entry.targetFile)
    ? loadTargetOverlay(entry.targetFile, repoRelative(root, entry.targetFile))
    : undefined;
  return overlayTarget(base, overlay);
}

/** The target a space deploys to, or undefined when it has none (a folder without target.yml). */
export function targetOf(root: string, entry: SpaceEntry): Target | undefined {
  if (entry.source === 'bundle') return bundleTarget(root, entry);
  return existsSync(entry.targetFile) ? loadTarget(entry.targetFile, repoRelative(root, entry.targetFile)) : undefined;
}

function missingSpace(root: string, name: string, options: LayoutOptions): ValidationError {
  const dir = path.join(root, repoPaths.dir(name));
  if (existsSync(dir) && statSync(dir).isDirectory()) {
    return new ValidationError([
      {
        file: repoRelative(root, path.join(dir, 'space.json')),
        path: '$',
        message: `${repoPaths.dir(name)}/ has no space.json: create ${repoPaths.spaceFile(name)} (the decoded serialized_space, e.g. via \`genie-gitops export\`)`,
      },
    ]);
  }
  const known = listSpaces(root, options);
  const hint = known.length > 0 ? `; known spaces: ${known.join(', ')}` : '';
  return new ValidationError([
    {
      file: repoRelative(root, dir),
      path: '$',
      message: `no folder ${repoPaths.dir(name)}/ and no genie_spaces.${name} in databricks.yml: create one with a space.json (run \`genie-gitops init\` or \`genie-gitops export\`)${hint}`,
    },
  ]);
}

export function loadSpaceDir(root: string, name: string, options: LayoutOptions = {}): SpaceDir {
  const absoluteRoot = path.resolve(root);
  validateSpaceName(name);
  const entry = findSpaceEntry(absoluteRoot, name, options);
  if (!entry) throw missingSpace(absoluteRoot, name, options);
  // A symlinked folder or a bundle's file_path must not lead the run outside the repository.
  resolveInside(absoluteRoot, entry.spaceFile, `the config file of space ${name}`);
  if (existsSync(entry.targetFile)) resolveInside(absoluteRoot, entry.targetFile, `the target file of space ${name}`);
  // Errors name files relative to the repository root, as annotations need.
  const space = readSpaceFile(entry.spaceFile, entry.configPath);
  const target = targetOf(absoluteRoot, entry);
  return {
    name,
    dir: path.dirname(entry.spaceFile),
    spaceFile: entry.spaceFile,
    configPath: entry.configPath,
    source: entry.source,
    space,
    target,
    targetFile: entry.targetFile,
  };
}

/**
 * The spaces a set of changed repository files touches: a space folder's files, a config file, a
 * bundle file (databricks.yml or an include, which may change any bundle space) or, with
 * `benchmarks`, benchmarks/<name>.yml. Folder names under spaces/ are returned even when the folder
 * is gone, so deploy can report a deleted space.
 */
export function spacesTouchedBy(
  root: string,
  files: readonly string[],
  options: LayoutOptions & { benchmarks?: boolean } = {},
): string[] {
  const changed = new Set(files);
  const names = new Set<string>();
  for (const file of files) {
    const name = spaceOfPath(file, options);
    if (name) names.add(name);
  }
  const bundle = readBundle(path.resolve(root), { target: options.bundleTarget });
  const bundleChanged = bundle?.files.some((file) => changed.has(file)) ?? false;
  for (const entry of listSpaceEntries(root, options)) {
    if (entry.source !== 'bundle') continue;
    const overlay = repoRelative(path.resolve(root), entry.targetFile);
    if (bundleChanged || changed.has(entry.configPath) || changed.has(overlay)) names.add(entry.name);
  }
  return [...names].sort();
}
