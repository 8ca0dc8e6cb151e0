import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  GenieGitopsError
} from "./chunk-IX2IGMNH.js";

// src/github/git-cli.ts
import { spawn } from "node:child_process";
var GitError = class extends GenieGitopsError {
  constructor(args, result, hint) {
    super(
      `git ${args.join(" ")} failed (exit ${result.exitCode}): ${result.stderr.trim() || result.stdout.trim()}`,
      hint
    );
    this.args = args;
    this.result = result;
  }
  args;
  result;
};
var BOT_IDENTITY = { name: "genie-gitops[bot]", email: "genie-gitops@users.noreply.github.com" };
var GitCli = class {
  cwd;
  identity;
  env;
  constructor(options) {
    this.cwd = options.cwd;
    this.identity = options.identity ?? BOT_IDENTITY;
    this.env = buildEnv(options.env, options.token);
  }
  /** Runs git with `args`; never throws for a non-zero exit (see `run` for that). */
  exec(args, input) {
    return new Promise((resolve, reject) => {
      const child = spawn("git", [...args], {
        cwd: this.cwd,
        env: this.env,
        stdio: [input === void 0 ? "ignore" : "pipe", "pipe", "pipe"]
      });
      const out = [];
      const err = [];
      child.stdout?.on("data", (chunk) => out.push(chunk));
      child.stderr?.on("data", (chunk) => err.push(chunk));
      child.on(
        "error",
        (error) => reject(new GenieGitopsError(`cannot run git: ${error.message}`, "install git and put it on PATH"))
      );
      child.on(
        "close",
        (code) => resolve({
          exitCode: code ?? 1,
          stdout: Buffer.concat(out).toString("utf8"),
          stderr: Buffer.concat(err).toString("utf8")
        })
      );
      if (child.stdin) {
        child.stdin.on("error", () => {
        });
        child.stdin.end(input);
      }
    });
  }
  /** Runs git and throws a GitError on a non-zero exit; returns stdout. */
  async run(args, hint) {
    const result = await this.exec(args);
    if (result.exitCode !== 0) throw new GitError(args, result, hint);
    return result.stdout;
  }
  /** The commit a ref names, or undefined when it does not exist. */
  async tryRevParse(ref) {
    const result = await this.exec(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    return result.exitCode === 0 ? result.stdout.trim() : void 0;
  }
  async revParse(ref) {
    const sha = await this.tryRevParse(ref);
    if (!sha)
      throw new GenieGitopsError(
        `git: no commit named '${ref}'`,
        "fetch the history first (actions/checkout with fetch-depth: 0)"
      );
    return sha;
  }
  /** The current branch name, or undefined on a detached HEAD. */
  async tryCurrentBranch() {
    const result = await this.exec(["symbolic-ref", "--quiet", "--short", "HEAD"]);
    return result.exitCode === 0 ? result.stdout.trim() : void 0;
  }
  /** A file's text at a commit, or undefined when the file (or the commit) does not exist there. */
  async tryShow(rev, file) {
    const result = await this.exec(["show", `${rev}:./${file}`]);
    return result.exitCode === 0 ? result.stdout : void 0;
  }
  /** Paths (relative to cwd, limited to it) changed between two commits; a rename counts for both sides. */
  async changedFiles(from, to, pathspec = []) {
    const out = await this.run(["diff", "--name-only", "--no-renames", "--relative", from, to, "--", ...pathspec]);
    return out.split("\n").filter(Boolean);
  }
  /** The remote's commit for a branch, or undefined when the remote has no such branch. */
  async tryRemoteBranchSha(remote, branch) {
    const result = await this.exec(["ls-remote", "--heads", remote, `refs/heads/${branch}`]);
    if (result.exitCode !== 0) return void 0;
    const line = result.stdout.split("\n").find((l) => l.endsWith(`	refs/heads/${branch}`));
    return line?.split("	")[0];
  }
  /** Fetches one branch into refs/remotes/<remote>/<branch>; false when the remote lacks it. */
  async tryFetchBranch(remote, branch) {
    const result = await this.exec([
      "fetch",
      "--no-tags",
      "--quiet",
      remote,
      `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`
    ]);
    return result.exitCode === 0;
  }
  /** Fetches any remote ref (e.g. GitHub's refs/pull/<n>/head) into `localRef`; false when the remote lacks it. */
  async tryFetchRef(remote, ref, localRef) {
    const result = await this.exec(["fetch", "--no-tags", "--quiet", remote, `+${ref}:${localRef}`]);
    return result.exitCode === 0;
  }
  /** Whether `ancestor` is reachable from `tip`; undefined when either commit is unknown here. */
  async tryIsAncestor(ancestor, tip) {
    const result = await this.exec(["merge-base", "--is-ancestor", ancestor, tip]);
    if (result.exitCode === 0) return true;
    return result.exitCode === 1 ? false : void 0;
  }
  /** Fetches a commit by sha (shallow checkouts may lack it); false when the remote refuses. */
  async tryFetchCommit(remote, sha) {
    if (await this.tryRevParse(sha)) return true;
    const result = await this.exec(["fetch", "--no-tags", "--quiet", remote, sha]);
    return result.exitCode === 0;
  }
  /** Commits reachable from `tip` but not from `exclude`, newest first. */
  async commitsBetween(exclude, tip) {
    const out = await this.run(["log", "--format=%H%x00%ae%x00%ce%x00%s", `${exclude}..${tip}`]);
    return out.split("\n").filter(Boolean).map((line) => {
      const [sha, authorEmail, committerEmail, subject] = line.split("\0");
      return { sha, authorEmail, committerEmail, subject };
    });
  }
  /** Points `branch` at `startPoint` and checks it out, keeping working-tree changes. */
  async switchToNewBranch(branch, startPoint = "HEAD") {
    await this.run(["checkout", "--quiet", "-B", branch, startPoint]);
  }
  /** Checks out a branch or commit (detached for a sha). */
  async checkout(ref) {
    await this.run(["checkout", "--quiet", ref]);
  }
  /** True when any of `paths` differs from HEAD (including untracked files). */
  async hasChanges(paths) {
    const out = await this.run(["status", "--porcelain", "--untracked-files=all", "--", ...paths]);
    return out.trim() !== "";
  }
  /** git options that make the next command's commit the bot identity's. */
  asBot() {
    return ["-c", `user.name=${this.identity.name}`, "-c", `user.email=${this.identity.email}`];
  }
  /** Stages `paths` and commits them as the bot identity; returns the new commit's sha. */
  async commit(message, paths) {
    await this.run(["add", "--", ...paths]);
    const who = this.asBot();
    await this.run([...who, "commit", "--quiet", "--no-verify", "-m", message, "--", ...paths]);
    return this.revParse("HEAD");
  }
  /** The parents of a commit (two for a merge commit). */
  async parents(sha) {
    const out = await this.run(["rev-list", "--parents", "-n", "1", sha]);
    return out.trim().split(/\s+/).slice(1);
  }
  /** The full message of a commit. */
  async message(sha) {
    return this.run(["log", "-1", "--format=%B", sha]);
  }
  /**
   * Reverts `sha` on the checked-out branch as the bot identity with `message` (a merge commit
   * against its first parent, `-m 1`: the branch it was merged into); returns the new commit.
   */
  async revert(sha, message) {
    const mainline = (await this.parents(sha)).length > 1 ? ["-m", "1"] : [];
    const who = this.asBot();
    await this.run([...who, "revert", "--no-edit", "--no-commit", ...mainline, sha]);
    await this.run([...who, "commit", "--quiet", "--no-verify", "--allow-empty", "-m", message]);
    return this.revParse("HEAD");
  }
  /**
   * Pushes a local ref to a remote branch. With `expectedRemoteSha` the push is forced only if the
   * remote still has that commit (or still lacks the branch, for ''), so nobody's work is overwritten blindly.
   */
  async push(remote, localRef, branch, options = {}) {
    const args = ["push", "--quiet", "--no-verify", "--porcelain"];
    if (options.expectedRemoteSha !== void 0)
      args.push(`--force-with-lease=refs/heads/${branch}:${options.expectedRemoteSha}`);
    else if (options.force) args.push("--force");
    args.push(remote, `${localRef}:refs/heads/${branch}`);
    await this.run(args, "check that the token may push (contents: write) and that the branch is not protected");
  }
};
function buildEnv(base, token) {
  const env = {};
  for (const [key, value] of Object.entries(base))
    if (value !== void 0 && !key.startsWith("GIT_CONFIG_KEY_") && !key.startsWith("GIT_CONFIG_VALUE_"))
      env[key] = value;
  env.GIT_TERMINAL_PROMPT = "0";
  env.GCM_INTERACTIVE = "never";
  env.LC_ALL = "C";
  if (token) {
    const basic = Buffer.from(`x-access-token:${token}`, "utf8").toString("base64");
    env.GIT_CONFIG_COUNT = "1";
    env.GIT_CONFIG_KEY_0 = "http.extraheader";
    env.GIT_CONFIG_VALUE_0 = `AUTHORIZATION: basic ${basic}`;
  } else {
    delete env.GIT_CONFIG_COUNT;
  }
  return env;
}

export {
  GitCli
};
