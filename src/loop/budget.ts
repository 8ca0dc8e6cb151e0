/**
 * The run's budget of Genie questions and time (DESIGN.md section 6, "Cost"). Genie's rate
 * bounds the loop, so before each round of asks the loop checks that the asks fit together with
 * the reserve the final confirmation needs (a full scoring of the config it would end on):
 * a run that stops on budget still ends on a confirmed config.
 */

export interface BudgetLimits {
  /** Most Genie questions the run may ask, retries included. */
  maxGenieQuestions?: number;
  /** Wall time the run may take, in ms from its start. */
  timeBudgetMs?: number;
  /**
   * The workspace's questions-per-minute limit, when one applies: no question is planned faster
   * than 60 s / qpm, whatever the first asks took.
   */
  questionsPerMinute?: number;
}

/** Thrown when the next asks would not fit: the loop stops at its last confirmed config. */
export class BudgetExhausted extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BudgetExhausted';
  }
}

export interface BudgetMeter {
  /** Genie questions asked so far. */
  asked(): number;
  /** Wall time spent in asks so far (ms), to estimate what the next ones take. */
  askingMs(): number;
}

export interface Budget {
  readonly limits: BudgetLimits;
  /** Questions asked so far. */
  spent(): number;
  /** Time since the run started (ms). */
  elapsedMs(): number;
  /** Estimated ms per question: the pace so far, never faster than the qpm limit. */
  msPerQuestion(): number;
  /** Why `asks` more questions, with `reserve` kept for the final confirmation, do not fit; undefined when they do. */
  shortfall(asks: number, reserve: number): string | undefined;
  /** Throws BudgetExhausted when they do not fit (and remembers the first reason). */
  require(asks: number, reserve: number): void;
  /** The reason the run first ran out of budget, if it did. */
  readonly exhausted: string | undefined;
}

export function createBudget(
  limits: BudgetLimits,
  meter: BudgetMeter,
  now: () => number = Date.now,
  started = now(),
): Budget {
  let exhausted: string | undefined;
  const floor = limits.questionsPerMinute && limits.questionsPerMinute > 0 ? 60_000 / limits.questionsPerMinute : 0;
  const msPerQuestion = () => {
    const asked = meter.asked();
    return Math.max(floor, asked > 0 ? meter.askingMs() / asked : 0);
  };
  const budget: Budget = {
    limits,
    spent: () => meter.asked(),
    elapsedMs: () => now() - started,
    msPerQuestion,
    shortfall(asks, reserve) {
      const max = limits.maxGenieQuestions;
      if (max !== undefined && meter.asked() + asks + reserve > max)
        return `the question budget: ${meter.asked()} of ${max} Genie questions asked, the next step needs ${asks} more and ${reserve} are kept for the final full scoring`;
      const time = limits.timeBudgetMs;
      if (time !== undefined) {
        const need = now() - started + (asks + reserve) * msPerQuestion();
        if (need > time)
          return `the time budget: ${minutes(now() - started)} of ${minutes(time)} used, the next step and the final full scoring need about ${minutes((asks + reserve) * msPerQuestion())} more`;
      }
      return undefined;
    },
    require(asks, reserve) {
      const reason = budget.shortfall(asks, reserve);
      if (reason === undefined) return;
      exhausted ??= reason;
      throw new BudgetExhausted(reason);
    },
    get exhausted() {
      return exhausted;
    },
  };
  return budget;
}

function minutes(ms: number): string {
  return ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 60_000).toFixed(1)} min`;
}
