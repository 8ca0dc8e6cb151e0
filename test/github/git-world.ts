/**
 * Real git repositories for tests: a bare "origin" and a working clone holding the project's
 * spaces/ and benchmarks/, with an isolated global config (GIT_CONFIG_GLOBAL) so nothing on this
 * machine leaks in and nothing is written outside the temp folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/temp-repo.js';

export interface GitWorld {
  dir: string;
  remote: string;
  work: string;
  /** The environment every git call (ours and the code's) runs with. */
  env: Record<string, string>;
  /** Runs git as a person (not the bot) in `cwd` (default the work clone); throws on failure. */
  git(args: string[], cwd?: string): string;
  /** A second clone, like another person's machine. */
  clone(name: string): string;
  cleanup(): void;
}

export const PERSON = { name: 'Dana Developer', email: 'dana@example.com' };

export function createGitWorld(options: { copy?: string[] } = {}): GitWorld {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'genie-gitops-git-'));
  const globalConfig = path.join(dir, 'gitconfig');
  writeFileSync(
    globalConfig,
    `[user]\n\tname = ${PERSON.name}\n\temail = ${PERSON.email}\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n`,
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
  };
  const git = (args: string[], cwd = path.join(dir, 'work')): string => {
    const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  const remote = path.join(dir, 'remote.git');
  const work = path.join(dir, 'work');
  git(['init', '--quiet', '--bare', '--initial-branch=main', remote], dir);
  mkdirSync(work);
  git(['init', '--quiet', '--initial-branch=main'], work);
  for (const folder of options.copy ?? ['spaces', 'benchmarks'])
    cpSync(path.join(REPO_ROOT, folder), path.join(work, folder), { recursive: true });
  writeFileSync(path.join(work, '.gitignore'), '.genie-gitops/\n');
  git(['add', '.']);
  git(['commit', '--quiet', '-m', 'initial configs']);
  git(['remote', 'add', 'origin', remote]);
  git(['push', '--quiet', 'origin', 'main']);
  return {
    dir,
    remote,
    work,
    env,
    git,
    clone(name) {
      const target = path.join(dir, name);
      git(['clone', '--quiet', remote, target], dir);
      return target;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
