/** A GitHub REST call failed; the message names the operation, and the hint what to change. */
import { GenieGitopsError } from '../errors.js';

export class GitHubApiError extends GenieGitopsError {
  constructor(
    readonly operation: string,
    readonly status: number,
    detail: string,
  ) {
    super(`GitHub ${operation} failed (HTTP ${status || 'network error'}): ${detail}`, hintFor(status));
  }

  /** Worth another try: server errors, network failures and rate limits. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

function hintFor(status: number): string {
  switch (status) {
    case 401:
      return 'the token is missing or expired: pass github-token (the default is the workflow token)';
    case 403:
      return 'the token lacks a permission: grant the job contents: write, pull-requests: write and statuses: write (or it hit a rate limit)';
    case 404:
      return 'the repository or pull request was not found, or the token cannot see it';
    case 422:
      return 'GitHub rejected the request: check that the branch exists on the remote and differs from the base';
    default:
      return status >= 500 || status === 0
        ? 'GitHub is unavailable; re-run the job later'
        : 'see the GitHub error above';
  }
}
