/**
 * Errored or wrong? The rule the scorer applies to every ask:
 *
 * A question is *errored* when we could not obtain Genie's answer: the ask threw after its
 * retries (HTTP 429/5xx, a dropped connection, a lost response, any other client failure),
 * Genie reported a failure of the service rather than of the question (RATE_LIMIT_EXCEEDED_*,
 * RETRYABLE_PROCESSING_EXCEPTION, REPLY_PROCESS_TIMEOUT_EXCEPTION, a message CANCELLED or
 * QUERY_RESULT_EXPIRED), or the service timed out (a message stuck in a running status,
 * polling gave up, no answer within the question timeout). Errored questions are retried
 * within the question's budget; what still fails counts neither as passed nor as failed.
 *
 * Whatever Genie does answer is judged, even when it is no help: SQL that fails in the
 * warehouse (`sql_error`), a clarifying text or no SQL (`no_sql`), and a query of Genie's that
 * is too slow, i.e. *its statement* ran past the statement timeout (`timeout`), are wrong
 * answers. The line is drawn at who is at fault: the space config can cause the second kind,
 * never the first.
 */
import { ReadOnlyViolationError, WarehouseError } from '../errors.js';
import type { GenieAnswer } from '../ports.js';

/** Genie error types that report the service failing, not the question being answered badly. */
const SERVICE_ERROR_TYPE = /^(RATE_LIMIT_EXCEEDED|RETRYABLE_PROCESSING|REPLY_PROCESS_TIMEOUT)/;
/** Terminal message statuses that carry no answer (the adapter reports them as CANCELLED with the status as type). */
const NO_ANSWER_TYPES = new Set(['CANCELLED', 'QUERY_RESULT_EXPIRED']);

/** The service error type of an answer, or undefined when the answer is genuine (right or wrong). */
export function serviceFailureOf(answer: GenieAnswer): string | undefined {
  if (answer.status === 'COMPLETED') return undefined;
  const type = answer.error?.type ?? '';
  if (answer.status === 'CANCELLED') return type || 'CANCELLED';
  if (SERVICE_ERROR_TYPE.test(type) || NO_ANSWER_TYPES.has(type)) return type;
  return undefined;
}

/**
 * Whether a warehouse failure is the infrastructure's (HTTP error, lost connection, unexpected
 * response, statement cancelled by the service) rather than the query's (SQL error, the
 * statement's own timeout, a refused write). Adapters mark their transport errors with an HTTP
 * `status`, a `retryable` flag or `infrastructure: true`; the embedded warehouse never does.
 */
export function isInfrastructureFailure(error: unknown): boolean {
  if (error instanceof ReadOnlyViolationError) return false;
  if (error instanceof WarehouseError) return error.code === 'CANCELLED';
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { status?: unknown; retryable?: unknown; infrastructure?: unknown };
  return typeof e.status === 'number' || typeof e.retryable === 'boolean' || e.infrastructure === true;
}
