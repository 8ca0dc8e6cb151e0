/**
 * Genie spaces declared in a Databricks Asset Bundle: `resources.genie_spaces.<key>` in `databricks.yml`
 * and the files its `include` globs name, with `targets.<name>` as environments (per-target resource
 * overrides and variables). The key is the space name and `file_path` the config file, resolved against
 * the YAML file that declares it, as the Databricks CLI resolves it.
 *
 * Field names follow the Databricks CLI's published bundle schema, `bundle/schema/jsonschema.json` of
 * github.com/databricks/cli (definition `resources.GenieSpace`, read at commit 7bbe285, 2026-08-21):
 * title, description, file_path, warehouse_id, parent_path, permissions, serialized_space, etag, lifecycle.
 * An inline `serialized_space` is recognised but not supported here (it cannot be written back).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GenieGitopsError, ValidationError, type ValidationIssue } from '../errors.js';
import { matchGlob } from './bundle-glob.js';
import { formatPath } from './json-path.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

export const BUNDLE_FILES = ['databricks.yml', 'databricks.yaml'] as const;

export interface BundleSpace {
  /** The resource key: the space's name. */
  key: string;
  /** Absolute path of the config file; undefined when the resource has no file_path. */
  spaceFile?: string;
  /** Repository-relative YAML file that declares the resource, and the line of its key. */
  declaredIn: string;
  line?: number;
  title?: string;
  description?: string;
  warehouseId?: string;
  parentPath?: string;
  /** The resource holds its config inline in serialized_space. */
  inline: boolean;
}

export interface Bundle {
  /** Repository-relative path of databricks.yml. */
  file: string;
  /** The selected target (environment), if any. */
  target?: string;
  targets: string[];
  spaces: BundleSpace[];
  /** Every repository-relative YAML file read (databricks.yml and its includes). */
  files: string[];
}

interface SourceFile {
  rel: string;
  dir: string;
  source: YamlSource;
  data: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function readYaml(root: string, rel: string): SourceFile {
  const absolute = path.join(root, rel);
  const source = parseYamlSource(readFileSync(absolute, 'utf8'), rel);
  const data = source.value ?? {};
  if (!isRecord(data))
    throw new ValidationError([
      { file: rel, path: '$', line: 1, message: 'expected a YAML mapping (bundle settings)' },
    ]);
  return { rel, dir: path.dirname(absolute), source, data };
}

/** The bundle's main file, relative to the root, or undefined when the repository has none. */
export function bundleFileOf(root: string): string | undefined {
  return BUNDLE_FILES.find((name) => existsSync(path.join(root, name)));
}

function includedFiles(root: string, main: SourceFile): string[] {
  const include = main.data.include;
  if (include === undefined) return [];
  if (!Array.isArray(include) || !include.every((g) => typeof g === 'string'))
    throw new ValidationError([
      {
        file: main.rel,
        path: '$.include',
        line: main.source.lineOf(['include']),
        message: 'expected a list of path globs, e.g. ["resources/*.yml"]',
      },
    ]);
  const files = new Set<string>();
  for (const glob of include) for (const file of matchGlob(root, glob)) if (file !== main.rel) files.add(file);
  return [...files];
}

function chooseTarget(files: SourceFile[], requested: string | undefined): { name?: string; all: string[] } {
  const targets = new Map<string, Record<string, unknown>>();
  for (const file of files) {
    if (!isRecord(file.data.targets)) continue;
    for (const [name, value] of Object.entries(file.data.targets)) targets.set(name, isRecord(value) ? value : {});
  }
  const all = [...targets.keys()].sort();
  if (requested !== undefined) {
    if (!targets.has(requested))
      throw new GenieGitopsError(
        `the bundle has no target '${requested}'`,
        all.length ? `use one of: ${all.join(', ')}` : 'declare it under targets: in databricks.yml',
      );
    return { name: requested, all };
  }
  const defaults = all.filter((name) => targets.get(name)?.default === true);
  if (defaults.length === 1) return { name: defaults[0], all };
  return { name: all.length === 1 ? all[0] : undefined, all };
}

/** `${var.x}` from variables' defaults, overridden by the target's variables; `${bundle.target}` too. */
function variableResolver(files: SourceFile[], target: string | undefined): (value: string) => string {
  const values = new Map<string, string>();
  const set = (name: string, value: unknown) => {
    const v = isRecord(value) ? value.default : value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') values.set(name, String(v));
  };
  for (const file of files)
    if (isRecord(file.data.variables)) for (const [k, v] of Object.entries(file.data.variables)) set(k, v);
  for (const file of files) {
    const t = target && isRecord(file.data.targets) ? file.data.targets[target] : undefined;
    if (isRecord(t) && isRecord(t.variables)) for (const [k, v] of Object.entries(t.variables)) set(k, v);
  }
  return (value) =>
    value.replace(/\$\{(var\.([A-Za-z0-9_-]+)|bundle\.target)\}/g, (whole, _ref: string, name?: string) =>
      name ? (values.get(name) ?? whole) : (target ?? whole),
    );
}

interface Declared {
  fields: Record<string, unknown>;
  /** Where file_path was written: it is relative to that file. */
  filePathFrom?: SourceFile;
  file: SourceFile;
  segments: (string | number)[];
}

function collect(files: SourceFile[], target: string | undefined, issues: ValidationIssue[]): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  const visit = (file: SourceFile, resources: unknown, prefix: (string | number)[]) => {
    if (!isRecord(resources) || resources.genie_spaces === undefined) return;
    const segments = [...prefix, 'genie_spaces'];
    if (!isRecord(resources.genie_spaces)) {
      issues.push({
        file: file.rel,
        path: formatPath(segments),
        line: file.source.lineOf(segments),
        message: 'expected a mapping from space keys to genie_spaces resources',
      });
      return;
    }
    for (const [key, value] of Object.entries(resources.genie_spaces)) {
      const at = [...segments, key];
      if (!isRecord(value)) {
        issues.push({
          file: file.rel,
          path: formatPath(at),
          line: file.source.lineOf(at),
          message: 'expected a mapping',
        });
        continue;
      }
      const previous = declared.get(key);
      const fields = { ...(previous?.fields ?? {}), ...value };
      const filePathFrom = 'file_path' in value ? file : previous?.filePathFrom;
      declared.set(key, { fields, filePathFrom, file: previous?.file ?? file, segments: previous?.segments ?? at });
    }
  };
  for (const file of files) visit(file, file.data.resources, ['resources']);
  // A target's resources override (merge into) the top-level ones, as the Databricks CLI merges them.
  for (const file of files) {
    const t = target && isRecord(file.data.targets) ? file.data.targets[target] : undefined;
    if (isRecord(t)) visit(file, t.resources, ['targets', target!, 'resources']);
  }
  return declared;
}

function toSpace(root: string, key: string, d: Declared, resolve: (v: string) => string, issues: ValidationIssue[]) {
  const text = (name: string): string | undefined => {
    const value = d.fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return resolve(value);
    issues.push({
      file: d.file.rel,
      path: formatPath([...d.segments, name]),
      line: d.file.source.lineOf([...d.segments, name]),
      message: `expected ${name} to be a string`,
    });
    return undefined;
  };
  const filePath = text('file_path');
  const inline = d.fields.serialized_space !== undefined;
  const space: BundleSpace = {
    key,
    declaredIn: d.file.rel,
    line: d.file.source.lineOf(d.segments),
    title: text('title'),
    description: text('description'),
    warehouseId: text('warehouse_id'),
    parentPath: text('parent_path'),
    inline,
  };
  if (filePath !== undefined) space.spaceFile = path.resolve(d.filePathFrom?.dir ?? root, filePath);
  else if (!inline)
    issues.push({
      file: d.file.rel,
      path: formatPath(d.segments),
      line: space.line,
      message: `genie_spaces.${key} has neither file_path nor serialized_space: set file_path to its .geniespace.json file`,
    });
  return space;
}

/** Reads the bundle at `root`; undefined when there is no databricks.yml. Throws ValidationError naming file and line. */
export function readBundle(root: string, options: { target?: string } = {}): Bundle | undefined {
  const mainRel = bundleFileOf(root);
  if (!mainRel) return undefined;
  const main = readYaml(root, mainRel);
  const files = [main, ...includedFiles(root, main).map((rel) => readYaml(root, rel))];
  const target = chooseTarget(files, options.target);
  const issues: ValidationIssue[] = [];
  const declared = collect(files, target.name, issues);
  const resolve = variableResolver(files, target.name);
  const spaces = [...declared.entries()]
    .map(([key, d]) => toSpace(root, key, d, resolve, issues))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (issues.length > 0) throw new ValidationError(issues, 'fix the genie_spaces resource in the bundle');
  return { file: mainRel, target: target.name, targets: target.all, spaces, files: files.map((f) => f.rel) };
}
