/**
 * The static quality score (lint) in the score reports: one line for a single scorecard, and a
 * small table of two configs (PR head vs base, enhance before vs after). Kept apart from the
 * reports' layout so those builders only place it.
 */
import { CATEGORIES, type QualityScore } from '../lint/types.js';

const points = (d: number) => `${d > 0 ? '+' : ''}${d.toFixed(1)}`;

/** `Config quality (lint): 49.6/100 — coverage 42, ...`, or nothing when the card has no quality. */
export function qualityLine(quality: QualityScore | undefined): string[] {
  if (!quality) return [];
  const parts = CATEGORIES.map((c) => `${c} ${quality.categories[c].score.toFixed(0)}`).join(', ');
  return [`**Config quality (lint):** ${quality.score.toFixed(1)}/100 — ${parts}`, ''];
}

/** Two configs' quality side by side; nothing when neither card has one (e.g. a cached older card). */
export function qualityComparison(
  before: QualityScore | undefined,
  after: QualityScore | undefined,
  labels: readonly [string, string],
): string[] {
  if (!before && !after) return [];
  const cell = (q: QualityScore | undefined, pick: (q: QualityScore) => number) => (q ? pick(q).toFixed(1) : '–');
  const change = (pick: (q: QualityScore) => number) => (before && after ? points(pick(after) - pick(before)) : '–');
  const row = (name: string, pick: (q: QualityScore) => number) =>
    `| ${name} | ${cell(before, pick)} | ${cell(after, pick)} | ${change(pick)} |`;
  return [
    '<details><summary>Config quality (static lint, 0–100)' +
      (before && after ? `: ${before.score.toFixed(1)} → ${after.score.toFixed(1)}` : '') +
      '</summary>',
    '',
    `| category | ${labels[0]} | ${labels[1]} | change |`,
    '|---|---:|---:|---:|',
    row('**quality**', (q) => q.score),
    ...CATEGORIES.map((c) => row(c, (q) => q.categories[c].score)),
    '',
    '</details>',
    '',
  ];
}
