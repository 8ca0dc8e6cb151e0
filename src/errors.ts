/** Typed errors: each carries what went wrong, where, and what the user should do. */

export interface ValidationIssue {
  /** The file the problem is in, relative to the repository root when known. */
  file: string;
  /** JSON path such as `$.data_sources.tables[2].identifier`, or `$` for the whole document. */
  path: string;
  /** What was expected, in words a user can act on. */
  message: string;
  /** 1-based line in the file, when known (used for annotations). */
  line?: number;
}

export class GenieGitopsError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A setting or name the user chose is wrong (a space name, a missing target.yml, a command-line value). */
export class ConfigError extends GenieGitopsError {}

/** One or more problems in a file the user wrote (space config, benchmarks, target). */
export class ValidationError extends GenieGitopsError {
  constructor(
    readonly issues: ValidationIssue[],
    hint?: string,
  ) {
    super(issues.map(formatIssue).join('\n'), hint);
  }
}

/** A statement that is not a single read-only query; it is never executed. */
export class ReadOnlyViolationError extends GenieGitopsError {}

/** The warehouse rejected or failed a query. */
export class WarehouseError extends GenieGitopsError {
  constructor(
    message: string,
    readonly sql: string,
    readonly code: 'SQL_ERROR' | 'TIMEOUT' | 'CANCELLED' = 'SQL_ERROR',
  ) {
    super(message);
  }
}

export function formatIssue(issue: ValidationIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return `${where} ${issue.path}: ${issue.message}`;
}

/** The message of anything thrown: an Error's message, else the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
