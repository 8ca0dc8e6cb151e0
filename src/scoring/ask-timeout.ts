/** One ask of Genie with a deadline: the scorer's guard against a service that never answers. */
import type { Genie, GenieAnswer } from '../ports.js';

/** Thrown when one ask exceeds questionTimeoutMs: the service did not answer in time (errored, retried). */
export class QuestionTimeoutError extends Error {
  readonly retryable = true;
  constructor(readonly timeoutMs: number) {
    super(`Genie did not answer within ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'QuestionTimeoutError';
  }
}

/** Asks with a deadline; a Genie that ignores the signal is still cut off at the deadline. */
export async function askWithTimeout(
  genie: Genie,
  question: string,
  timeoutMs: number,
  parent?: AbortSignal,
): Promise<GenieAnswer> {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  parent?.addEventListener('abort', onParentAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new QuestionTimeoutError(timeoutMs)), timeoutMs);
  const stopped = new Promise<never>((_, reject) => {
    const fire = () => reject(controller.signal.reason);
    if (controller.signal.aborted) fire();
    else controller.signal.addEventListener('abort', fire, { once: true });
  });
  try {
    return await Promise.race([genie.ask(question, { signal: controller.signal }), stopped]);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
  }
}
