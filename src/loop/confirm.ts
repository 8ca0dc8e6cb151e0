/**
 * Confirming a screened config with a full scoring (DESIGN.md section 6, "Cost"): the config
 * the loop ends on is scored on the whole benchmark, reusing only answers asked under exactly
 * that config, so the before and after scorecards of the PR are always full scorings. A
 * question the screening predicted to pass but that fails is a regression the screening did
 * not see: the loop then rolls back to its last confirmed config.
 */
import type { Scorecard } from '../scoring/scorecard.js';
import type { Space } from '../space/schema.js';
import type { Budget } from './budget.js';
import type { ScreeningPort } from './screening.js';

export interface ScoredConfig {
  space: Space;
  card: Scorecard;
}

export type Confirmation =
  | { ok: true; card: Scorecard; asked: number }
  | { ok: false; card?: Scorecard; asked: number; unseen: string[]; reason: string };

const askable = (card: Scorecard) => card.questions.filter((q) => q.expectedError === undefined).map((q) => q.id);

/** Whether every question has been answered under exactly this config: its card is then a full scoring. */
export function isFullyScored(port: ScreeningPort, current: ScoredConfig): boolean {
  const answered = port.answered(current.space);
  return askable(current.card).every((id) => answered.has(id));
}

/** Scores `current` in full (only what this config was not asked yet) and checks the screening's prediction. */
export async function confirmConfig(
  port: ScreeningPort,
  budget: Budget | undefined,
  current: ScoredConfig,
): Promise<Confirmation> {
  const ids = askable(current.card);
  const answered = port.answered(current.space);
  const need = ids.filter((id) => !answered.has(id)).length;
  const shortfall = budget?.shortfall(need, 0);
  if (shortfall !== undefined)
    return {
      ok: false,
      asked: 0,
      unseen: [],
      reason: `the final full scoring (${need} question(s)) does not fit ${shortfall}`,
    };
  const card = port.compose(current.space, await port.ask(current.space, ids));
  const predicted = new Map(current.card.questions.map((q) => [q.id, q]));
  const unseen = card.questions.filter((q) => predicted.get(q.id)?.passed && !q.passed && !q.errored).map((q) => q.id);
  if (unseen.length === 0) return { ok: true, card, asked: need };
  return {
    ok: false,
    card,
    asked: need,
    unseen,
    reason: `the full scoring found ${unseen.join(', ')} failing, which screening predicted to pass`,
  };
}
