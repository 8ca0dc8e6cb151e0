/** The global usage (rendered from the command specs) and the package version. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMAND_SPECS } from './command-specs.js';
import { synopsis } from './command-spec.js';

export function renderUsage(): string {
  const width = Math.max(...COMMAND_SPECS.map((s) => s.name.length)) + 2;
  return [
    'usage: genie-gitops <command> [options]',
    '',
    'Keep Databricks AI/BI Genie spaces (Genie agents) as code: score, enhance, deploy and export them from git.',
    '',
    'commands:',
    ...COMMAND_SPECS.map((s) => `  ${s.name.padEnd(width)}${s.summary}`),
    '',
    'usage of each command:',
    ...COMMAND_SPECS.map((s) => `  ${synopsis(s)}`),
    '',
    'Every command takes -h or --help (its options, defaults and an example).',
    '  genie-gitops --version   print the version',
  ].join('\n');
}

let cachedVersion: string | undefined;

/**
 * The version in package.json, found by walking up from this file: src/cli/ (tsx, tests),
 * dist/cli/ (the bundled CLI) and dist/ (the action) all sit below the package root.
 */
export function packageVersion(): string {
  if (cachedVersion) return cachedVersion;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'genie-gitops' && pkg.version) return (cachedVersion = pkg.version);
      } catch {
        // dist/ has a package.json without a version ({ "type": "module" }); keep walking.
      }
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}
