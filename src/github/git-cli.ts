/**
 * The git adapter: every call goes through one `exec` over the git CLI. It never prompts
 * (GIT_TERMINAL_PROMPT=0) and passes credentials per command through GIT_CONFIG_* environment
 * variables, so a token is never written into `.git/config`.
 */
import { spawn } from 'node:child_process';
import { GenieGitopsError } from '../errors.js';
import type { CommitInfo, Git, GitResult, Identity } from '../ports.js';

/** A git command failed; `args` and `stderr` say which and why. */
export class GitError extends GenieGitopsError {
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
    hint?: string,
  ) {
    super(
      `git ${args.join(' ')} failed (exit ${result.exitCode}): ${result.stderr.trim() || result.stdout.trim()}`,
      hint,
    );
  }
}

/** The identity genie-gitops commits as; a commit by anyone else on its branches is a person's. */
export const BOT_IDENTITY: Identity = { name: 'genie-gitops[bot]', email: 'genie-gitops@users.noreply.github.com' };

export interface GitOptions {
  cwd: string;
  /** A token for HTTPS remotes, sent as an Authorization header on each command only. */
  token?: string;
  identity?: Identity;
  /** Base environment of every git command (the entry's; git needs at least PATH and HOME). */
  env: Readonly<Record<string, string | undefined>>;
}

export class GitCli implements Git {
  readonly cwd: string;
  readonly identity: Identity;
  private readonly env: Record<string, string>;

  constructor(options: GitOptions) {
    this.cwd = options.cwd;
    this.identity = options.identity ?? BOT_IDENTITY;
    this.env = buildEnv(options.env, options.token);
  }

  /** Runs git with `args`; never throws for a non-zero exit (see `run` for that). */
  exec(args: readonly string[], input?: string): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', [...args], {
        cwd: this.cwd,
        env: this.env,
        stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', (error) =>
        reject(new GenieGitopsError(`cannot run git: ${error.message}`, 'install git and put it on PATH')),
      );
      child.on('close', (code) =>
        resolve({
          exitCode: code ?? 1,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
        }),
      );
      if (child.stdin) {
        child.stdin.on('error', () => {}); // git may exit before reading all input; its exit code tells
        child.stdin.end(input);
      }
    });
  }

  /** Runs git and throws a GitError on a non-zero exit; returns stdout. */
  async run(args: readonly string[], hint?: string): Promise<string> {
    const result = await this.exec(args);
    if (result.exitCode !== 0) throw new GitError(args, result, hint);
    return result.stdout;
  }

  /** The commit a ref names, or undefined when it does not exist. */
  async tryRevParse(ref: string): Promise<string | undefined> {
    const result = await this.exec(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async revParse(ref: string): Promise<string> {
    const sha = await this.tryRevParse(ref);
    if (!sha)
      throw new GenieGitopsError(
        `git: no commit named '${ref}'`,
        'fetch the history first (actions/checkout with fetch-depth: 0)',
      );
    return sha;
  }

  /** The current branch name, or undefined on a detached HEAD. */
  async tryCurrentBranch(): Promise<string | undefined> {
    const result = await this.exec(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  /** A file's text at a commit, or undefined when the file (or the commit) does not exist there. */
  async tryShow(rev: string, file: string): Promise<string | undefined> {
    // `./` makes the path relative to cwd, which may be a subfolder of the repository.
    const result = await this.exec(['show', `${rev}:./${file}`]);
    return result.exitCode === 0 ? result.stdout : undefined;
  }

  /** Paths (relative to cwd, limited to it) changed between two commits; a rename counts for both sides. */
  async changedFiles(from: string, to: string, pathspec: readonly string[] = []): Promise<string[]> {
    const out = await this.run(['diff', '--name-only', '--no-renames', '--relative', from, to, '--', ...pathspec]);
    return out.split('\n').filter(Boolean);
  }

  /** The remote's commit for a branch, or undefined when the remote has no such branch. */
  async tryRemoteBranchSha(remote: string, branch: string): Promise<string | undefined> {
    const result = await this.exec(['ls-remote', '--heads', remote, `refs/heads/${branch}`]);
    if (result.exitCode !== 0) return undefined;
    const line = result.stdout.split('\n').find((l) => l.endsWith(`\trefs/heads/${branch}`));
    return line?.split('\t')[0];
  }

  /** Fetches one branch into refs/remotes/<remote>/<branch>; false when the remote lacks it. */
  async tryFetchBranch(remote: string, branch: string): Promise<boolean> {
    const result = await this.exec([
      'fetch',
      '--no-tags',
      '--quiet',
      remote,
      `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`,
    ]);
    return result.exitCode === 0;
  }

  /** Fetches any remote ref (e.g. GitHub's refs/pull/<n>/head) into `localRef`; false when the remote lacks it. */
  async tryFetchRef(remote: string, ref: string, localRef: string): Promise<boolean> {
    const result = await this.exec(['fetch', '--no-tags', '--quiet', remote, `+${ref}:${localRef}`]);
    return result.exitCode === 0;
  }

  /** Whether `ancestor` is reachable from `tip`; undefined when either commit is unknown here. */
  async tryIsAncestor(ancestor: string, tip: string): Promise<boolean | undefined> {
    const result = await this.exec(['merge-base', '--is-ancestor', ancestor, tip]);
    if (result.exitCode === 0) return true;
    return result.exitCode === 1 ? false : undefined;
  }

  /** Fetches a commit by sha (shallow checkouts may lack it); false when the remote refuses. */
  async tryFetchCommit(remote: string, sha: string): Promise<boolean> {
    if (await this.tryRevParse(sha)) return true;
    const result = await this.exec(['fetch', '--no-tags', '--quiet', remote, sha]);
    return result.exitCode === 0;
  }

  /** Commits reachable from `tip` but not from `exclude`, newest first. */
  async commitsBetween(exclude: string, tip: string): Promise<CommitInfo[]> {
    const out = await this.run(['log', '--format=%H%x00%ae%x00%ce%x00%s', `${exclude}..${tip}`]);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [sha, authorEmail, committerEmail, subject] = line.split('\0');
        return { sha, authorEmail, committerEmail, subject };
      });
  }

  /** Points `branch` at `startPoint` and checks it out, keeping working-tree changes. */
  async switchToNewBranch(branch: string, startPoint = 'HEAD'): Promise<void> {
    await this.run(['checkout', '--quiet', '-B', branch, startPoint]);
  }

  /** Checks out a branch or commit (detached for a sha). */
  async checkout(ref: string): Promise<void> {
    await this.run(['checkout', '--quiet', ref]);
  }

  /** True when any of `paths` differs from HEAD (including untracked files). */
  async hasChanges(paths: readonly string[]): Promise<boolean> {
    const out = await this.run(['status', '--porcelain', '--untracked-files=all', '--', ...paths]);
    return out.trim() !== '';
  }

  /** git options that make the next command's commit the bot identity's. */
  private asBot(): string[] {
    return ['-c', `user.name=${this.identity.name}`, '-c', `user.email=${this.identity.email}`];
  }

  /** Stages `paths` and commits them as the bot identity; returns the new commit's sha. */
  async commit(message: string, paths: readonly string[]): Promise<string> {
    await this.run(['add', '--', ...paths]);
    const who = this.asBot();
    await this.run([...who, 'commit', '--quiet', '--no-verify', '-m', message, '--', ...paths]);
    return this.revParse('HEAD');
  }

  /** The parents of a commit (two for a merge commit). */
  async parents(sha: string): Promise<string[]> {
    const out = await this.run(['rev-list', '--parents', '-n', '1', sha]);
    return out.trim().split(/\s+/).slice(1);
  }

  /** The full message of a commit. */
  async message(sha: string): Promise<string> {
    return this.run(['log', '-1', '--format=%B', sha]);
  }

  /**
   * Reverts `sha` on the checked-out branch as the bot identity with `message` (a merge commit
   * against its first parent, `-m 1`: the branch it was merged into); returns the new commit.
   */
  async revert(sha: string, message: string): Promise<string> {
    const mainline = (await this.parents(sha)).length > 1 ? ['-m', '1'] : [];
    const who = this.asBot();
    await this.run([...who, 'revert', '--no-edit', '--no-commit', ...mainline, sha]);
    await this.run([...who, 'commit', '--quiet', '--no-verify', '--allow-empty', '-m', message]);
    return this.revParse('HEAD');
  }

  /**
   * Pushes a local ref to a remote branch. With `expectedRemoteSha` the push is forced only if the
   * remote still has that commit (or still lacks the branch, for ''), so nobody's work is overwritten blindly.
   */
  async push(
    remote: string,
    localRef: string,
    branch: string,
    options: { force?: boolean; expectedRemoteSha?: string } = {},
  ): Promise<void> {
    const args = ['push', '--quiet', '--no-verify', '--porcelain'];
    if (options.expectedRemoteSha !== undefined)
      args.push(`--force-with-lease=refs/heads/${branch}:${options.expectedRemoteSha}`);
    else if (options.force) args.push('--force');
    args.push(remote, `${localRef}:refs/heads/${branch}`);
    await this.run(args, 'check that the token may push (contents: write) and that the branch is not protected');
  }
}

/** The environment for git: no prompts, and the token (if any) as a per-command extra header. */
function buildEnv(
  base: Readonly<Record<string, string | undefined>>,
  token: string | undefined,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base))
    if (value !== undefined && !key.startsWith('GIT_CONFIG_KEY_') && !key.startsWith('GIT_CONFIG_VALUE_'))
      env[key] = value;
  env.GIT_TERMINAL_PROMPT = '0';
  env.GCM_INTERACTIVE = 'never';
  env.LC_ALL = 'C';
  if (token) {
    const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
    env.GIT_CONFIG_COUNT = '1';
    env.GIT_CONFIG_KEY_0 = 'http.extraheader';
    env.GIT_CONFIG_VALUE_0 = `AUTHORIZATION: basic ${basic}`;
  } else {
    delete env.GIT_CONFIG_COUNT;
  }
  return env;
}
