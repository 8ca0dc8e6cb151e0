import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  GenieGitopsError
} from "./chunk-IX2IGMNH.js";

// src/gitops/bot-branch.ts
var REMOTE = "origin";
async function checkBotBranch(git, branch, base) {
  const remoteSha = await git.tryRemoteBranchSha(REMOTE, branch);
  if (!remoteSha) return { ok: true };
  if (!await git.tryFetchBranch(REMOTE, branch))
    throw new GenieGitopsError(`cannot fetch ${branch} from ${REMOTE}`, "check the token can read the repository");
  const commits = await git.commitsBetween(base, `refs/remotes/${REMOTE}/${branch}`);
  const human = commits.find((c) => c.authorEmail !== git.identity.email || c.committerEmail !== git.identity.email);
  if (human) {
    return {
      ok: false,
      remoteSha,
      reason: `${branch} has a commit by ${human.authorEmail} (${human.sha.slice(0, 7)} "${human.subject}"); genie-gitops does not force-push over a person's work. Merge or close that PR, or delete the branch, to let it run again`
    };
  }
  return { ok: true, remoteSha };
}
async function publishBotBranch(git, input) {
  const original = await git.tryCurrentBranch() ?? await git.revParse("HEAD");
  await git.switchToNewBranch(input.branch);
  try {
    const sha = await git.commit(input.message, input.paths);
    if (input.expectedRemoteSha) {
      const sameTree = (await git.exec(["diff", "--quiet", input.expectedRemoteSha, sha])).exitCode === 0;
      if (sameTree) return { sha: input.expectedRemoteSha, pushed: false };
    }
    await git.push(REMOTE, sha, input.branch, { expectedRemoteSha: input.expectedRemoteSha ?? "" });
    return { sha, pushed: true };
  } finally {
    await git.checkout(original);
  }
}

// src/gitops/pull-request-upsert.ts
async function upsertPullRequest(github, spec) {
  const open = await github.findOpenPullRequest(spec.branch);
  const pr = open ? await github.updatePullRequest(open.number, { title: spec.title, body: spec.body }) : await github.createPullRequest({ head: spec.branch, base: spec.base, title: spec.title, body: spec.body });
  const missing = spec.labels.filter((l) => !pr.labels.includes(l));
  if (missing.length > 0) await github.addLabels(pr.number, missing);
  return { pr: { ...pr, labels: [...pr.labels, ...missing] }, action: open ? "updated" : "created" };
}

export {
  REMOTE,
  checkBotBranch,
  publishBotBranch,
  upsertPullRequest
};
