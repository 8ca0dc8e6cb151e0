/**
 * The enhancement loop: score -> analyse failing train questions -> fixes -> candidate ->
 * score -> keep the iteration only under the acceptance rule (src/loop/acceptance.ts:
 * train-untaught rises, no question regresses beyond the budget, holdout does not fall).
 * Pure over its ports: scoring is a function passed in, so the loop runs the same on any backend.
 */
import type { Scorecard } from '../scoring/scorecard.js';
import type { EnhanceLoopInput, EnhanceLoopResult } from './enhance-loop-types.js';
import { finishPass, iterate, openPass } from './loop-pass.js';

export { countsOf } from './acceptance.js';

export type { EnhanceLoopInput, EnhanceLoopResult, Scored } from './enhance-loop-types.js';
export type { IterationRecord, TriedFix } from './iteration-record.js';

export async function runEnhanceLoop(input: EnhanceLoopInput): Promise<EnhanceLoopResult> {
  const first = await loopOnce(input, [], 1);
  const unseen = first.unseen ?? [];
  const left = (input.maxIterations ?? 10) - first.result.iterations.length;
  if (unseen.length === 0 || left < 1) return first.result;
  // The final full scoring found regressions screening had not predicted, and the loop fell back to its last
  // confirmed config. Its rolled-back fixes are not lessons yet: try again from there, once, with those
  // questions screened on every candidate, so the fixes that did not cause them can still be kept.
  input.log?.(`replaying from the last confirmed config with ${unseen.join(', ')} screened on every candidate`);
  const from = first.result;
  const offset = from.iterations.length;
  // The config it fell back to was scored in full already (from.after): the replay starts from that card.
  const again = await loopOnce(
    { ...input, space: from.space, lessons: from.lessons, maxIterations: left },
    unseen,
    offset + 1,
    from.after,
  );
  const second = again.result;
  return {
    ...second,
    before: from.before,
    iterations: [...from.iterations, ...second.iterations],
    stopReason: `${second.stopReason} (after a replay: ${from.screening?.rollback?.reason ?? from.stopReason})`,
    scorings: from.scorings + second.scorings,
    analystUsage: {
      promptTokens: from.analystUsage.promptTokens + second.analystUsage.promptTokens,
      completionTokens: from.analystUsage.completionTokens + second.analystUsage.completionTokens,
      calls: from.analystUsage.calls + second.analystUsage.calls,
    },
    screening: second.screening && {
      ...second.screening,
      candidates: (from.screening?.candidates ?? 0) + second.screening.candidates,
      confirmations: (from.screening?.confirmations ?? 0) + second.screening.confirmations,
    },
  };
}

/** One pass of the loop; `unseen` is set when its final confirmation rolled back over unpredicted regressions. */
async function loopOnce(
  input: EnhanceLoopInput,
  watched: readonly string[],
  firstIndex: number,
  startCard?: Scorecard,
): Promise<{ result: EnhanceLoopResult; unseen?: string[] }> {
  const pass = await openPass(input, watched, startCard);
  const maxIterations = input.maxIterations ?? 10;
  let stopReason = `reached the maximum of ${maxIterations} iteration(s)`;
  for (let index = firstIndex; index < firstIndex + maxIterations; index++) {
    const stop = await iterate(pass, index);
    if (stop !== undefined) {
      stopReason = stop;
      break;
    }
  }
  return finishPass(pass, stopReason);
}
