/**
 * The paired comparison in the PR comment and job summary: the verdict in words, the estimate
 * with its interval and p-value, how many asks it took, and the discordant questions with
 * each side's passes of asks. A result that is not significant says so, whatever the sign.
 */
import { formatP, intervalLevel, signedPoints, type GateResult } from '../scoring/score-gate.js';
import type { QuestionScore, Scorecard } from '../scoring/scorecard.js';
import { askOutcomes } from '../scoring/score-evidence.js';
import { cell, code, truncate } from './markdown-format.js';

/** At most this many discordant questions are listed; the JSON scorecards have them all. */
const MAX_ROWS = 25;

const HEADLINES: Record<GateResult['verdict'], string> = {
  regression: 'significant regression',
  'below-min': 'below the minimum score',
  inconclusive: 'inconclusive',
  improvement: 'significant improvement',
  'within-tolerance': 'significant drop within max-regression',
  'no-significant-change': 'no significant change',
  'no-base': 'no base',
};

function passesOf(q: QuestionScore | undefined): string {
  if (!q) return '–';
  const asks = askOutcomes(q);
  return `${asks.filter(Boolean).length}/${asks.length}`;
}

export function renderPairedSection(head: Scorecard, base: Scorecard, gate: GateResult): string[] {
  const c = gate.comparison;
  if (!c) return [];
  const { test } = c;
  const confidence = intervalLevel(test.confidence);
  const headById = new Map(head.questions.map((q) => [q.id, q]));
  const baseById = new Map(base.questions.map((q) => [q.id, q]));
  const rows = test.discordant.slice(0, MAX_ROWS).map((id) => {
    const h = headById.get(id);
    return `| ${code(id)} | ${h?.split ?? ''} | ${cell(truncate(h?.question ?? '', 60))} | ${passesOf(baseById.get(id))} | ${passesOf(h)} |`;
  });
  const more = test.discordant.length - rows.length;
  const asks =
    c.rounds > 0
      ? `${c.reasked} re-ask(s) a side over ${c.rounds} round(s), look ${c.look} of ${c.looks}`
      : `no re-asks needed (look ${c.look} of ${c.looks})`;
  return [
    `### Paired comparison: ${HEADLINES[gate.verdict]}`,
    '',
    `Estimate ${signedPoints(test.estimate)} (${confidence} interval ${signedPoints(test.interval.low)} to ${signedPoints(test.interval.high)}) · one-sided ${formatP(test.pWorse)} for a regression, ${formatP(test.pBetter)} for an improvement (bound ${c.bound.toPrecision(2)}) · ${test.discordant.length} discordant of ${test.questions} questions compared · ${asks}`,
    '',
    ...(rows.length > 0
      ? [
          '| discordant | split | question | base passes | head passes |',
          '|---|---|---|---:|---:|',
          ...rows,
          ...(more > 0 ? ['', `_…and ${more} more discordant question(s)._`] : []),
          '',
        ]
      : []),
  ];
}
