/**
 * A human's word wins: the fixes of an enhancement PR closed without merging become rejected
 * lessons, so the loop never proposes them again.
 *
 * Source: `lessons/<space>.json` at the PR's head commit. Its applied_fixes name every fix the PR
 * carried by key (the same key the loop filters proposals by); those not already applied on the
 * base are the ones the reviewer turned down. The PR body is not used: a person may edit it, and
 * it may be truncated. The head commit outlives the branch: GitHub keeps it as refs/pull/<n>/head
 * (fetched first), and the head sha itself is tried next.
 *
 * Rejections travel with the enhancement branch until they reach the base: the next enhancement
 * PR's lessons carry them, so a PR closed after that one is read, its carried reviewer rejections
 * are kept too, and the open PR's branch head is read the same way before it is rebuilt.
 */
import { REMOTE } from '../gitops/bot-branch.js';
import type { Git, PullRequest } from '../ports.js';
import { LessonsSchema, recordFix, type FixRecord, type Lessons } from '../loop/lessons.js';
import { repoPaths } from '../space/repo-paths.js';

export const reviewerReason = (pr: number) => `rejected by a reviewer in PR #${pr}`;
const REVIEWER_REASON = /^rejected by a reviewer in PR #\d+/;

export interface ReviewerRejections {
  /** New rejected lessons (not yet on the base), first rejection of each fix wins. */
  records: FixRecord[];
  /** Closed PRs fully read: label them lessons-recorded once a PR carries `records`. */
  readPulls: number[];
  /** Closed PRs whose head could not be read; tried again on the next run. */
  unreadable: Array<{ number: number; reason: string }>;
}

export interface CollectInput {
  git: Git;
  space: string;
  /** Lessons on the base branch (the checkout), before this run. */
  base: Lessons;
  /** Closed, unmerged, not yet recorded PRs from the enhancement branch. */
  closed: readonly PullRequest[];
  /** A fetched ref of the enhancement branch's current head, if the branch exists. */
  branchRef?: string;
}

export async function collectReviewerRejections(input: CollectInput): Promise<ReviewerRejections> {
  const { git, space, base } = input;
  const known = new Set([...base.applied_fixes, ...base.rejected_fixes].map((r) => r.key));
  const applied = new Set(base.applied_fixes.map((r) => r.key));
  const out: ReviewerRejections = { records: [], readPulls: [], unreadable: [] };
  const add = (record: FixRecord) => {
    if (known.has(record.key)) return;
    known.add(record.key);
    out.records.push(record);
  };
  for (const pr of input.closed) {
    const head = await fetchPullHead(git, pr);
    if (!head) {
      out.unreadable.push({
        number: pr.number,
        reason: `its head ${pr.headSha.slice(0, 7)} cannot be fetched from ${REMOTE}`,
      });
      continue;
    }
    const read = await readLessonsAt(git, head, space);
    if (!read.ok) {
      out.unreadable.push({ number: pr.number, reason: read.reason });
      continue;
    }
    for (const fix of read.lessons?.applied_fixes ?? [])
      if (!applied.has(fix.key))
        add({ key: fix.key, type: fix.type, summary: fix.summary, reason: reviewerReason(pr.number) });
    for (const fix of carried(read.lessons)) add(fix);
    out.readPulls.push(pr.number);
  }
  if (input.branchRef) {
    const read = await readLessonsAt(git, input.branchRef, space);
    if (read.ok) for (const fix of carried(read.lessons)) add(fix);
  }
  return out;
}

/** Adds the rejections to `lessons` (a fix a reviewer rejected is no longer listed as applied). */
export function applyRejections(lessons: Lessons, records: readonly FixRecord[]): Lessons {
  const keys = new Set(records.map((r) => r.key));
  const next: Lessons = {
    ...lessons,
    applied_fixes: lessons.applied_fixes.filter((r) => !keys.has(r.key)),
    rejected_fixes: [...lessons.rejected_fixes],
  };
  for (const record of records) recordFix(next, 'rejected_fixes', record);
  return next;
}

/** Reviewer rejections an earlier PR carried forward (loop rejections stay with their own run). */
function carried(lessons: Lessons | undefined): FixRecord[] {
  return (lessons?.rejected_fixes ?? []).filter((r) => r.reason !== undefined && REVIEWER_REASON.test(r.reason));
}

async function fetchPullHead(git: Git, pr: PullRequest): Promise<string | undefined> {
  const local = `refs/genie-gitops/pull/${pr.number}/head`;
  if (await git.tryFetchRef(REMOTE, `refs/pull/${pr.number}/head`, local)) return local;
  if (pr.headSha && (await git.tryFetchCommit(REMOTE, pr.headSha))) return pr.headSha;
  return undefined;
}

type LessonsRead = { ok: true; lessons?: Lessons } | { ok: false; reason: string };

async function readLessonsAt(git: Git, rev: string, space: string): Promise<LessonsRead> {
  const file = repoPaths.lessonsFile(space);
  const text = await git.tryShow(rev, file);
  // A head without lessons carried no fixes by key: nothing to record.
  if (text === undefined) return { ok: true };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${file} at its head is not valid JSON` };
  }
  const parsed = LessonsSchema.safeParse(data);
  return parsed.success
    ? { ok: true, lessons: parsed.data }
    : { ok: false, reason: `${file} at its head does not match the lessons schema` };
}
