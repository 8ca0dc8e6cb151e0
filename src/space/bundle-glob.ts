/**
 * The `include` globs of a Databricks Asset Bundle (`resources/*.yml`, `resources/**\/*.yml`), matched
 * against the files under the bundle root. Node 20 has no fs.glob, and the patterns bundles use are
 * simple: `*` and `?` within one path segment, `**` across segments.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Folders never searched: tool state and dependencies hold no bundle configuration. */
const SKIPPED = new Set(['.git', 'node_modules', '.databricks', '.genie-gitops']);

function segmentRegex(segment: string): string {
  return segment
    .split('')
    .map((ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

/** A regular expression for a forward-slash glob relative to the bundle root. */
export function globRegex(pattern: string): RegExp {
  const parts = pattern.replace(/^\.\//, '').split('/');
  let source = '';
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part === '**') source += last ? '.*' : '(?:[^/]+/)*';
    else source += segmentRegex(part) + (last ? '' : '/');
  });
  return new RegExp(`^${source}$`);
}

/** Files under `root` (forward-slash relative paths, sorted) matching the glob. */
export function matchGlob(root: string, pattern: string): string[] {
  const regex = globRegex(pattern);
  const found: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(path.join(dir, entry.name), relative);
      } else if (regex.test(relative)) found.push(relative);
    }
  };
  walk(root, '');
  return found.sort();
}
