/**
 * The acceptance rule of the enhancement loop (DESIGN.md section 6), kept pure so it is tested
 * on its own. A candidate config is kept only when
 * - train-untaught rises: more of the train questions the candidate does not teach pass
 *   (counted like for like over the questions untaught before and after, so a question
 *   that becomes taught neither counts as a gain nor hides a loss),
 * - no question (train or holdout) that passed before fails after, beyond `maxRegressions`,
 * - the holdout score does not fall.
 * Train gains that come only from taught questions never count.
 */

/** The parts of a scorecard the rule reads. */
export interface JudgedCard {
  totals: {
    train: { passed: number; total: number };
    trainUntaught: { passed: number; total: number };
    holdout: { passed: number; total: number };
  };
  questions: readonly { id: string; split: 'train' | 'holdout'; passed: boolean; taught: boolean }[];
}

export interface SplitCounts {
  train: { passed: number; total: number };
  trainUntaught: { passed: number; total: number };
  holdout: { passed: number; total: number };
}

export interface Verdict {
  accepted: boolean;
  reason: string;
  /** Questions that passed before and fail after (train and holdout). */
  regressions: string[];
  /** Questions that failed before and pass after. */
  fixed: string[];
  /** Like-for-like gain on untaught train questions. */
  untaughtGain: number;
  holdoutDelta: number;
}

export interface AcceptanceOptions {
  /** Questions allowed to go from pass to fail (default 0). */
  maxRegressions?: number;
}

export function countsOf(card: JudgedCard): SplitCounts {
  const pick = (t: { passed: number; total: number }) => ({ passed: t.passed, total: t.total });
  return {
    train: pick(card.totals.train),
    trainUntaught: pick(card.totals.trainUntaught),
    holdout: pick(card.totals.holdout),
  };
}

/** Per-question changes and the like-for-like deltas between two scorings of the same benchmarks. */
export function compareCards(
  before: JudgedCard,
  after: JudgedCard,
): Omit<Verdict, 'accepted' | 'reason'> & {
  taughtGain: number;
} {
  const was = new Map(before.questions.map((q) => [q.id, q]));
  const regressions: string[] = [];
  const fixed: string[] = [];
  let untaughtGain = 0;
  let taughtGain = 0;
  for (const q of after.questions) {
    const b = was.get(q.id);
    if (!b) continue;
    if (b.passed && !q.passed) regressions.push(q.id);
    if (!b.passed && q.passed) fixed.push(q.id);
    if (q.split !== 'train') continue;
    const delta = Number(q.passed) - Number(b.passed);
    if (q.taught || b.taught) taughtGain += delta;
    else untaughtGain += delta;
  }
  return {
    regressions,
    fixed,
    untaughtGain,
    taughtGain,
    holdoutDelta: after.totals.holdout.passed - before.totals.holdout.passed,
  };
}

export function judge(before: JudgedCard, after: JudgedCard, options: AcceptanceOptions = {}): Verdict {
  const budget = options.maxRegressions ?? 0;
  const c = compareCards(before, after);
  const base = {
    regressions: c.regressions,
    fixed: c.fixed,
    untaughtGain: c.untaughtGain,
    holdoutDelta: c.holdoutDelta,
  };
  const reject = (reason: string): Verdict => ({ accepted: false, reason, ...base });
  if (c.regressions.length > budget)
    return reject(
      `${c.regressions.length} question(s) that passed now fail (${c.regressions.join(', ')}); at most ${budget} allowed`,
    );
  if (c.holdoutDelta < 0) return reject(`holdout fell by ${-c.holdoutDelta} question(s)`);
  if (c.untaughtGain <= 0) {
    if (c.taughtGain > 0) return reject(`only taught questions gained (+${c.taughtGain}); train-untaught did not rise`);
    return reject(
      c.untaughtGain === 0 ? 'train-untaught did not rise' : `train-untaught fell by ${-c.untaughtGain} question(s)`,
    );
  }
  const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}`;
  const regressed = c.regressions.length > 0 ? `, ${c.regressions.length} regression(s) within the budget` : '';
  return {
    accepted: true,
    reason: `train-untaught ${signed(c.untaughtGain)}, holdout ${signed(c.holdoutDelta)}${regressed}`,
    ...base,
  };
}

/** What one fix did on its own, for the lessons: any regression or holdout loss is harm. */
export function outcomeOf(before: JudgedCard, after: JudgedCard): 'helped' | 'no_effect' | 'hurt' {
  const c = compareCards(before, after);
  if (c.regressions.length > 0 || c.holdoutDelta < 0 || c.untaughtGain < 0) return 'hurt';
  if (c.untaughtGain > 0 || c.holdoutDelta > 0) return 'helped';
  return 'no_effect';
}
