/** Why a fix was not applied; the kind lets lessons and reports group rejections. */
import { GenieGitopsError } from '../errors.js';

export type RejectionKind =
  /** The fix failed its zod schema. */
  | 'invalid'
  /** Another fix, or something already in the space, holds the same slot with other content. */
  | 'conflict'
  /** The fix names a table, column or join the space or warehouse does not have. */
  | 'unknown_reference'
  /** The example SQL is a holdout benchmark's SQL. */
  | 'holdout_sql'
  /** The example is a copy of a train benchmark question (its question or SQL), not allowed by default. */
  | 'taught_copy'
  /** The patched space would exceed one of Genie's per-space limits. */
  | 'over_limit'
  /** The space already has what the fix adds. */
  | 'no_op'
  /** The patched space failed the schema or the invariants, or the patch did not apply. */
  | 'invalid_result';

/** Thrown by compileFix when a fix cannot be compiled against the space. */
export class FixCompileError extends GenieGitopsError {
  constructor(
    readonly kind: 'conflict' | 'unknown_reference',
    message: string,
  ) {
    super(message);
  }
}
