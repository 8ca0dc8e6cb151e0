/** The acceptance rule of the enhancement loop, kept pure so it is tested on its own. */

export interface SplitCounts {
  train: { passed: number; total: number };
  holdout: { passed: number; total: number };
}

export interface Verdict {
  accepted: boolean;
  reason: string;
}

/** A change is kept only if the train score rises and the holdout score does not fall. */
export function judge(before: SplitCounts, after: SplitCounts): Verdict {
  const trainDelta = after.train.passed - before.train.passed;
  const holdoutDelta = after.holdout.passed - before.holdout.passed;
  if (holdoutDelta < 0) return { accepted: false, reason: `holdout fell by ${-holdoutDelta} question(s)` };
  if (trainDelta <= 0)
    return {
      accepted: false,
      reason: trainDelta === 0 ? 'train score did not rise' : `train fell by ${-trainDelta} question(s)`,
    };
  return { accepted: true, reason: `train +${trainDelta}, holdout ${holdoutDelta >= 0 ? '+' : ''}${holdoutDelta}` };
}

/** What one fix did on its own, for the lessons. */
export function outcomeOf(before: SplitCounts, after: SplitCounts): 'helped' | 'no_effect' | 'hurt' {
  const train = after.train.passed - before.train.passed;
  const holdout = after.holdout.passed - before.holdout.passed;
  if (train < 0 || holdout < 0) return 'hurt';
  if (train > 0 || holdout > 0) return 'helped';
  return 'no_effect';
}
