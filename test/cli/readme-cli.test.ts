/** The README's CLI block and the CLI's own help name the same commands with the same options. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { COMMAND_SPECS } from '../../src/cli/command-specs.js';
import { REPO_ROOT, captureIo } from '../helpers/temp-repo.js';

/** Command -> options, from the first code block under `## CLI` in the README. */
function readmeCommands(): Map<string, Set<string>> {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## CLI\n'));
  const block = /```\n([\s\S]*?)\n```/.exec(section)![1];
  const commands = new Map<string, Set<string>>();
  const common = new Set<string>();
  let current: Set<string> | undefined;
  for (const line of block.split('\n')) {
    const options = line.replace(/#.*$/, '').match(/--[a-z][a-z-]*/g) ?? [];
    const start = /^npx genie-gitops (\S+)/.exec(line);
    if (start) {
      // `--version` and `<command> --help` are global, not a command.
      current = /^[a-z]/.test(start[1]) ? new Set() : undefined;
      if (current) commands.set(start[1], current);
    } else if (/^every command also takes:/.test(line)) {
      options.forEach((o) => common.add(o));
      continue;
    }
    if (current && (start || /^\s/.test(line))) options.forEach((o) => current!.add(o));
  }
  for (const options of commands.values()) common.forEach((o) => options.add(o));
  return commands;
}

/** Command -> options, from `genie-gitops <command> --help` (the options section). */
async function helpOptions(command: string): Promise<Set<string>> {
  const io = captureIo(REPO_ROOT);
  expect(await main([command, '--help'], io)).toBe(0);
  const help = io.stdout.join('\n');
  const options = help.slice(help.indexOf('\noptions:\n'), help.indexOf('\nexample:\n'));
  const names = options.match(/^ {2}--[a-z][a-z-]*/gm) ?? [];
  return new Set(names.map((n) => n.trim()).filter((n) => n !== '--help'));
}

describe('README CLI block', () => {
  it('lists exactly the commands the CLI has', () => {
    expect([...readmeCommands().keys()].sort()).toEqual(COMMAND_SPECS.map((s) => s.name).sort());
  });

  it.each(COMMAND_SPECS.map((s) => s.name))('%s: the README and --help name the same options', async (command) => {
    const readme = readmeCommands().get(command);
    expect([...(readme ?? [])].sort()).toEqual([...(await helpOptions(command))].sort());
  });

  it('the global usage lists every command', async () => {
    const io = captureIo(REPO_ROOT);
    expect(await main(['--help'], io)).toBe(0);
    for (const spec of COMMAND_SPECS) expect(io.stdout.join('\n')).toContain(`genie-gitops ${spec.name} `);
  });
});
