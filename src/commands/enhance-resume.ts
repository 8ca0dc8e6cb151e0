/**
 * Resume from the open enhancement PR (DESIGN.md section 6, "Cost"): a scheduled run that the
 * budget or the job's time limit cut short has left its confirmed config and its lessons on the
 * PR branch; the next run starts from them instead of from the base branch, so a large
 * benchmark improves across several runs, and the fixes already tried and rejected (in the
 * lessons) are not proposed again.
 *
 * The branch is used only when it is safe: the bot's own commits (checkBotBranch ran first), and
 * the config on the base branch unchanged since the PR's run (otherwise a person changed the
 * config, and the PR branch would undo that: the run starts from the base branch instead).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REMOTE } from '../gitops/bot-branch.js';
import type { Git } from '../ports.js';
import type { PullRequest } from '../ports.js';
import { LessonsSchema } from '../loop/lessons.js';
import { parseHistory, type RunEntry } from '../report/run-history.js';
import { parseSpaceText } from '../space/space-file.js';
import type { LayoutOptions } from '../space/repository.js';
import { spacePaths } from '../space/repo-paths.js';
import { loadSpace } from './workspace.js';
import { repoRelative } from '../space/repository.js';

export interface Resumed {
  pr: PullRequest;
  /** The runs recorded in the PR body. */
  history: RunEntry[];
  /** Repository-relative files written from the PR branch into the working tree. */
  restored: string[];
  message: string;
}

export interface ResumeOutcome {
  /** Set when the run starts from the open PR's files. */
  resumed?: Resumed;
  /** Why the run starts from the base branch although a PR is open. */
  message?: string;
}

/**
 * Writes the open PR's config and lessons into the working tree when the run can resume from
 * them; says why not otherwise (and then the history starts again with this run).
 */
export async function resumeFromOpenPr(input: {
  git: Git;
  root: string;
  space: string;
  layout?: LayoutOptions;
  open: PullRequest | undefined;
  /** The fetched ref of the enhancement branch (bot commits only), if it exists. */
  branchRef: string | undefined;
}): Promise<ResumeOutcome> {
  const { git, open, branchRef } = input;
  if (!open || !branchRef) return {};
  const history = parseHistory(open.body);
  const loaded = loadSpace(input.root, input.space, input.layout);
  const configPath = loaded.configPath;
  const lessonsPath = repoRelative(input.root, spacePaths(input.root, input.space).lessonsFile);
  const fresh = (why: string): ResumeOutcome => ({
    message: `started from the base branch, not from PR #${open.number}: ${why}`,
  });
  const base = (await git.exec(['merge-base', 'HEAD', branchRef])).stdout.trim();
  if (!base) return fresh('its branch shares no history with the checkout');
  // The branch was built on `base`: resuming is safe only while the config there is still the base branch's.
  const [then, now] = await Promise.all([git.tryShow(base, configPath), git.tryShow('HEAD', configPath)]);
  if (then !== now) return fresh(`${configPath} changed on the base branch since that run`);
  const config = await git.tryShow(branchRef, configPath);
  if (config === undefined) return fresh(`${configPath} is missing on ${branchRef}`);
  try {
    parseSpaceText(config, `${configPath}@${REMOTE}`);
  } catch (error) {
    return fresh(`its ${configPath} does not parse (${(error as Error).message})`);
  }
  const lessons = await git.tryShow(branchRef, lessonsPath);
  if (lessons !== undefined && !LessonsSchema.safeParse(safeJson(lessons)).success)
    return fresh(`its ${lessonsPath} does not match the lessons schema`);
  const restored: string[] = [];
  const write = (file: string, text: string) => {
    const full = path.join(input.root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    restored.push(file);
  };
  write(configPath, config);
  if (lessons !== undefined) write(lessonsPath, lessons);
  const runs = history.length > 0 ? `after ${history.length} earlier run(s)` : 'after an earlier run';
  return {
    resumed: {
      pr: open,
      history,
      restored,
      message: `resumed from PR #${open.number} ${runs}: its config and lessons, skipping the fixes already tried`,
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
