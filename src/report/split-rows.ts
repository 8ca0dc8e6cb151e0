/** The split rows and taught note shared by the scorecard and comparison Markdown. */
import type { Scorecard } from '../scoring/scorecard.js';
import { code } from './markdown-format.js';

/** The score rows every scorecard shows: train-untaught beside train, so a memorised pass is visible. */
export const SPLIT_ROWS = [
  ['all', 'all'],
  ['train', 'train'],
  ['trainUntaught', 'train-untaught'],
  ['holdout', 'holdout'],
] as const;

/** A note naming the taught questions (examples in the config copy them), or nothing. */
export function taughtLine(card: Scorecard): string[] {
  const taught = card.questions.filter((q) => q.taught);
  if (taught.length === 0) return [];
  return [
    '',
    `**${taught.length} question(s) taught** by the config (an example copies their question or SQL; train-untaught leaves them out): ${taught.map((q) => code(q.id)).join(', ')}`,
  ];
}
