import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBotBranch, publishBotBranch } from '../../src/gitops/bot-branch.js';
import { BOT_IDENTITY, GitCli, GitError } from '../../src/github/git-cli.js';
import { createGitWorld, PERSON, type GitWorld } from './git-world.js';

let world: GitWorld;
let git: GitCli;
beforeEach(() => {
  world = createGitWorld({ copy: ['spaces'] });
  git = new GitCli({ cwd: world.work, env: world.env, token: 'ghs_secret_token' });
});
afterEach(() => world.cleanup());

const spaceFile = (w: GitWorld) => path.join(w.work, 'spaces/demo/space.json');

describe('GitCli', () => {
  it('exec returns exit code and output without throwing; run throws GitError', async () => {
    const ok = await git.exec(['rev-parse', 'HEAD']);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout.trim()).toMatch(/^[0-9a-f]{40}$/);
    const bad = await git.exec(['rev-parse', '--verify', 'nope']);
    expect(bad.exitCode).not.toBe(0);
    await expect(git.run(['rev-parse', '--verify', 'nope'])).rejects.toBeInstanceOf(GitError);
  });

  it('try* verbs return undefined for what does not exist', async () => {
    expect(await git.tryRevParse('no-such-branch')).toBeUndefined();
    expect(await git.tryShow('HEAD', 'spaces/missing/space.json')).toBeUndefined();
    expect(await git.tryShow('HEAD', 'spaces/demo/space.json')).toBe(readFileSync(spaceFile(world), 'utf8'));
    expect(await git.tryRemoteBranchSha('origin', 'no-such-branch')).toBeUndefined();
    expect(await git.tryRemoteBranchSha('origin', 'main')).toBe(await git.revParse('HEAD'));
  });

  it('fetches any remote ref (a PR head outliving its branch) and tells ancestry, unknown commits as undefined', async () => {
    const c0 = await git.revParse('HEAD');
    world.git(['commit', '--quiet', '--allow-empty', '-m', 'later']);
    const c1 = await git.revParse('HEAD');
    world.git(['push', '--quiet', 'origin', `${c1}:refs/pull/3/head`]);
    expect(await git.tryFetchRef('origin', 'refs/pull/3/head', 'refs/genie-gitops/pull/3/head')).toBe(true);
    expect(await git.tryRevParse('refs/genie-gitops/pull/3/head')).toBe(c1);
    expect(await git.tryFetchRef('origin', 'refs/pull/4/head', 'refs/genie-gitops/pull/4/head')).toBe(false);
    expect(await git.tryIsAncestor(c0, c1)).toBe(true);
    expect(await git.tryIsAncestor(c1, c1)).toBe(true);
    expect(await git.tryIsAncestor(c1, c0)).toBe(false);
    expect(await git.tryIsAncestor('f'.repeat(40), c1)).toBeUndefined();
  });

  it('passes the token per command and never writes it into .git/config', async () => {
    const shown = await git.exec(['config', '--get-all', 'http.extraheader']);
    const expected = Buffer.from('x-access-token:ghs_secret_token').toString('base64');
    expect(shown.stdout.trim()).toBe(`AUTHORIZATION: basic ${expected}`);
    await git.run(['fetch', '--quiet', 'origin']);
    const local = readFileSync(path.join(world.work, '.git/config'), 'utf8');
    expect(local).not.toContain('extraheader');
    expect(local).not.toContain(expected);
    const plain = new GitCli({ cwd: world.work, env: world.env });
    expect((await plain.exec(['config', '--get-all', 'http.extraheader'])).stdout).toBe('');
  });

  it('lists the files changed between two commits', async () => {
    const before = await git.revParse('HEAD');
    writeFileSync(spaceFile(world), readFileSync(spaceFile(world), 'utf8').replace('"version": 2', '"version": 2 '));
    world.git(['commit', '--quiet', '-am', 'touch demo']);
    expect(await git.changedFiles(before, 'HEAD', ['spaces'])).toEqual(['spaces/demo/space.json']);
    expect(await git.changedFiles(before, 'HEAD', ['benchmarks'])).toEqual([]);
  });
});

describe('bot branches', () => {
  it('publishes, then force-updates the branch, and returns to the original checkout', async () => {
    const lessons = path.join(world.work, 'lessons/demo.json');
    const text = readFileSync(spaceFile(world), 'utf8');
    writeFileSync(spaceFile(world), text.replace('"version": 2', '"version":  2'));
    writeFileSync(path.join(world.work, 'NOTES.md'), 'untouched');
    const first = await checkBotBranch(git, 'genie-gitops/enhance/demo', 'HEAD');
    expect(first).toEqual({ ok: true });
    const a = await publishBotBranch(git, {
      branch: 'genie-gitops/enhance/demo',
      paths: ['spaces/demo/space.json'],
      message: 'one',
    });
    expect(a.pushed).toBe(true);
    expect(await git.tryCurrentBranch()).toBe('main');
    expect(readFileSync(spaceFile(world), 'utf8')).toBe(text);
    expect(world.git(['rev-parse', 'refs/heads/genie-gitops/enhance/demo'], world.remote).trim()).toBe(a.sha);
    const log = world.git(['log', '-1', '--format=%an <%ae>', a.sha]).trim();
    expect(log).toBe(`${BOT_IDENTITY.name} <${BOT_IDENTITY.email}>`);

    // Second run: new content plus a new file, pushed over the bot's own commit.
    writeFileSync(spaceFile(world), text.replace('"version": 2', '"version":   2'));
    mkdirSync(path.dirname(lessons), { recursive: true });
    writeFileSync(lessons, '{}\n');
    const second = await checkBotBranch(git, 'genie-gitops/enhance/demo', 'HEAD');
    expect(second).toEqual({ ok: true, remoteSha: a.sha });
    const b = await publishBotBranch(git, {
      branch: 'genie-gitops/enhance/demo',
      paths: ['spaces/demo/space.json', 'lessons/demo.json'],
      message: 'two',
      expectedRemoteSha: a.sha,
    });
    expect(b.sha).not.toBe(a.sha);
    expect(world.git(['rev-parse', 'refs/heads/genie-gitops/enhance/demo'], world.remote).trim()).toBe(b.sha);
    // Only one commit on top of main: the branch was rebuilt, not stacked.
    expect(world.git(['rev-list', '--count', 'main..genie-gitops/enhance/demo'], world.remote).trim()).toBe('1');
    expect(readFileSync(path.join(world.work, 'NOTES.md'), 'utf8')).toBe('untouched');
  });

  it("refuses to force-push over a person's commit", async () => {
    writeFileSync(spaceFile(world), readFileSync(spaceFile(world), 'utf8').replace('"version": 2', '"version":  2'));
    await publishBotBranch(git, {
      branch: 'genie-gitops/enhance/demo',
      paths: ['spaces/demo/space.json'],
      message: 'bot',
    });
    const other = world.clone('dana');
    world.git(['checkout', '--quiet', 'genie-gitops/enhance/demo'], other);
    writeFileSync(
      path.join(other, 'spaces/demo/space.json'),
      readFileSync(path.join(other, 'spaces/demo/space.json'), 'utf8').replace('"version":  2', '"version": 2'),
    );
    world.git(['commit', '--quiet', '-am', 'my own tweak'], other);
    world.git(['push', '--quiet', 'origin', 'genie-gitops/enhance/demo'], other);
    const check = await checkBotBranch(git, 'genie-gitops/enhance/demo', 'HEAD');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toContain(PERSON.email);
  });

  it('the lease stops a push when the remote branch moved since it was read', async () => {
    writeFileSync(spaceFile(world), readFileSync(spaceFile(world), 'utf8').replace('"version": 2', '"version":  2'));
    const a = await publishBotBranch(git, {
      branch: 'genie-gitops/export/demo',
      paths: ['spaces/demo/space.json'],
      message: 'bot',
    });
    writeFileSync(spaceFile(world), readFileSync(spaceFile(world), 'utf8').replace('"version": 2', '"version":   2'));
    await expect(
      publishBotBranch(git, {
        branch: 'genie-gitops/export/demo',
        paths: ['spaces/demo/space.json'],
        message: 'bot',
        expectedRemoteSha: '1'.repeat(40),
      }),
    ).rejects.toBeInstanceOf(GitError);
    expect(world.git(['rev-parse', 'refs/heads/genie-gitops/export/demo'], world.remote).trim()).toBe(a.sha);
  });
});
