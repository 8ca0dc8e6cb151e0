/** One PR comment per space, found again by a hidden marker and edited in place instead of piling up. */
import type { GitHubPort, IssueComment } from '../ports.js';

export function scoreCommentMarker(space: string): string {
  return `<!-- genie-gitops:score:${space} -->`;
}

export interface StickyResult {
  comment: IssueComment;
  action: 'created' | 'updated';
}

/** Creates the comment carrying `marker`, or updates the one that already carries it. */
export async function upsertStickyComment(
  github: GitHubPort,
  prNumber: number,
  marker: string,
  body: string,
): Promise<StickyResult> {
  const text = body.startsWith(marker) ? body : `${marker}\n${body}`;
  const existing = (await github.listComments(prNumber)).find((c) => c.body.includes(marker));
  if (existing) return { comment: await github.updateComment(existing.id, text), action: 'updated' };
  return { comment: await github.createComment(prNumber, text), action: 'created' };
}
