/**
 * Asking Genie one benchmark question within the run: through the shared rate limit, with a
 * per-ask timeout, retrying what the service failed within the question's time budget. What
 * could not be answered comes back as errored, with the reason, never as a wrong answer.
 */
import type { GenieAnswer } from '../ports.js';
import { askWithTimeout, QuestionTimeoutError } from './ask-timeout.js';
import { serviceFailureOf } from './errored.js';
import type { AnswerStatus } from './failure-category.js';
import { throwIfStopped, type ScoreRun } from './score-run.js';
import { errorFacts, withRetry } from '../util/retry.js';
import { messageOf } from '../errors.js';

export interface Asked {
  answer?: GenieAnswer;
  status: AnswerStatus;
  /** Set when no genuine answer was obtained: the repeat is errored. */
  erroredBy?: string;
  attempts: number;
  waitedMs: number;
}

/** A FAILED answer whose error type says the service failed (throttling, transient processing error, stuck reply). */
class ServiceFailure extends Error {
  readonly retryable = true;
  constructor(
    readonly answer: GenieAnswer,
    readonly code: string,
  ) {
    super(answer.error?.message ?? code);
  }
}

/** An error that must stop the whole run (e.g. the shared staging space was changed by someone else). */
function abortsRun(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { abortsRun?: unknown }).abortsRun === true;
}

/** The attempts and rate-limit waits of one question, counted as its asks go. */
interface AskTally {
  attempts: number;
  waitedMs: number;
}

export async function askGenie(run: ScoreRun, question: string): Promise<Asked> {
  const tally: AskTally = { attempts: 0, waitedMs: 0 };
  const t0 = run.now();
  // Queueing for the rate limit is not this question's time: it moves the deadline.
  const remaining = () => t0 + run.budgetMs + tally.waitedMs - run.now();
  try {
    const answer = await withRetry(() => askOnce(run, question, tally, remaining), {
      retries: run.retries,
      backoffMs: run.backoffMs,
      sleep: run.sleep,
      random: run.input.random,
      signal: run.signal,
      canRetry: (delayMs) => remaining() > delayMs,
      onRetry: () => void run.calls.retries++,
    });
    return { answer, status: answer.status, ...tally };
  } catch (error) {
    if (abortsRun(error)) run.stop.abort(error);
    throwIfStopped(run, error);
    const answer = error instanceof ServiceFailure ? error.answer : undefined;
    const tries = tally.attempts > 1 ? ` after ${tally.attempts} attempts` : '';
    return { answer, status: 'ERROR', erroredBy: `${erroredReason(error)}${tries}`, ...tally };
  }
}

/**
 * One attempt: waits for the rate limit, then asks with the time the question has left (read after
 * the wait, which moved the deadline). A service failure is thrown so the retry sees it.
 */
async function askOnce(
  run: ScoreRun,
  question: string,
  tally: AskTally,
  remaining: () => number,
): Promise<GenieAnswer> {
  tally.waitedMs += await run.limiter.acquire(run.signal);
  tally.attempts++;
  run.calls.genie++;
  let answer: GenieAnswer;
  try {
    answer = await askWithTimeout(
      run.input.genie,
      question,
      Math.max(1, Math.min(run.timeoutMs, remaining())),
      run.signal,
    );
  } catch (error) {
    if (errorFacts(error).rateLimited) run.calls.rateLimited++;
    throw error;
  }
  const failure = serviceFailureOf(answer);
  if (failure !== undefined) {
    if (failure.startsWith('RATE_LIMIT')) run.calls.rateLimited++;
    throw new ServiceFailure(answer, failure);
  }
  return answer;
}

function erroredReason(error: unknown): string {
  if (error instanceof ServiceFailure)
    return `Genie failed ${error.code}${error.answer.error?.message ? `: ${error.answer.error.message}` : ''}`;
  if (error instanceof QuestionTimeoutError) return `${error.message} (service timeout)`;
  return `Genie request failed: ${messageOf(error)}`;
}
