/**
 * Tie-breaking hints for the alignment, used when lexical likeness and co-occurrence do not
 * decide: where a word stands in the question says what it is likely to name. Small bonuses
 * (under 1), so they never outweigh a word that resembles its target.
 */
import type { FailureView } from './evidence.js';
import type { AlignTarget } from './targets.js';
import {
  abbreviates,
  isAggregateCue,
  isFunctionWord,
  splitStems,
  stemWord,
  stemsMatch,
  type QuestionToken,
} from './text.js';

/**
 * Small preferences when nothing else decides: a word marked as a breakdown ("per X",
 * "by X", Korean X별) names a grouping column; a word beside "average"/"평균" names the
 * aggregated column; nouns (plural forms) name tables and columns,
 * the query's main table first; capitalised words name values (proper nouns such as
 * countries); earlier words first.
 */
export function tieBreak(token: QuestionToken, target: AlignTarget, view: FailureView): number {
  let bonus = 0;
  const lower = token.raw.toLowerCase();
  const grouping = isGroupingMarked(token, view.tokens);
  const groupColumn =
    target.kind === 'column' &&
    target.column !== undefined &&
    view.expected.groupBy.includes(target.column.toLowerCase());
  if (grouping) bonus += groupColumn ? 0.5 + groupOrderBonus(token, target, view) : -0.2;
  const aggregates = view.expected.aggregates.filter((a) => a.column === target.column?.toLowerCase());
  if (target.kind === 'column' && aggregates.length > 0)
    bonus += cueSide(
      token,
      view.tokens,
      aggregates.some((a) => a.distinct),
    );
  // Korean X의 ("of X") marks the owner of what is asked, not the asked column itself.
  if (target.kind === 'column' && /[\uac00-\ud7a3]의$/.test(token.raw)) bonus -= 0.1;
  if ((target.kind === 'table' || target.kind === 'column') && lower !== token.stem && /^[a-z]+$/.test(lower))
    bonus += 0.05;
  if (target.kind === 'table' && target.table === view.tables[0]) bonus += 0.1;
  if (target.kind === 'table' && followsValueOf(token, target.table, view)) bonus += 0.2;
  if (
    target.kind === 'column' &&
    besideOrderCue(token, view.tokens) &&
    view.expected.orderBy.some((o) => o.expr.includes(target.column?.toLowerCase() ?? '\u0000'))
  )
    bonus += 0.2;
  if ((target.kind === 'table' || target.kind === 'column') && /^[a-z]{3,}(ed|ing)$/.test(lower)) bonus -= 0.05;
  if (target.kind === 'value' && token.index > 0 && /^\p{Lu}/u.test(token.raw)) bonus += 0.05;
  return bonus - (0.001 * token.index) / Math.max(1, view.tokens.length);
}

/**
 * "average length", "average post length", "평균 길이": the head noun of the phrase right
 * after an aggregation cue is what is aggregated (the last word before grammar resumes);
 * other words of that phrase, or the word right before the cue ("길이 평균"), less surely.
 * For a distinct count, "unique", "distinct" and "different" are cues too ("different people").
 */
function cueSide(token: QuestionToken, tokens: readonly QuestionToken[], distinct: boolean): number {
  const cue = (t: QuestionToken | undefined): boolean =>
    t !== undefined && (isAggregateCue(t.stem) || (distinct && DISTINCT_CUES.has(t.stem)));
  const content = (t: QuestionToken | undefined): boolean => t !== undefined && !isFunctionWord(t.stem);
  for (let back = 1; back <= 3; back++) {
    const before = tokens[token.index - back];
    if (cue(before)) return content(tokens[token.index + 1]) ? 0.2 : 0.3;
    if (!content(before)) break;
  }
  return cue(tokens[token.index + 1]) ? 0.15 : 0;
}

const DISTINCT_CUES = new Set(['distinct', 'unique', 'different', '고유', '서로']);

/** Breakdowns are usually named in GROUP BY order: the n-th "X별" goes with the n-th grouping column. */
function groupOrderBonus(token: QuestionToken, target: AlignTarget, view: FailureView): number {
  const marked = view.tokens.filter((t) => isGroupingMarked(t, view.tokens));
  const rank = marked.findIndex((t) => t.index === token.index);
  return rank >= 0 && view.expected.groupBy[rank] === target.column?.toLowerCase() ? 0.05 : 0;
}

/** "enterprise customers", "Korean members": the noun after a filter value names the value's table. */
function followsValueOf(token: QuestionToken, table: string, view: FailureView): boolean {
  const before = view.tokens[token.index - 1];
  if (!before) return false;
  return view.filters.some(
    (f) =>
      f.table === table &&
      f.strings.some((literal) =>
        splitStems(literal).some((w) => stemsMatch(w, before.stem) || abbreviates(literal, before.raw)),
      ),
  );
}

const ORDER_CUES = new Set(
  [
    'most',
    'least',
    'highest',
    'lowest',
    'latest',
    'earliest',
    'newest',
    'oldest',
    'recent',
    'recently',
    'first',
    'last',
    'top',
    'bottom',
    '가장',
    '최근',
    '최신',
    '처음',
    '마지막',
    '상위',
    '하위',
  ].map(stemWord),
);

/** "most recently opened", "가장 최근에 개설된": a word beside an ordering word names the ORDER BY column. */
export function besideOrderCue(token: QuestionToken, tokens: readonly QuestionToken[]): boolean {
  return [tokens[token.index - 1], tokens[token.index + 1]].some((t) => t !== undefined && ORDER_CUES.has(t.stem));
}

/** "the youngest dog": an -est word between "the" and a noun describes an order, never a table. */
export function isSuperlative(token: QuestionToken, tokens: readonly QuestionToken[]): boolean {
  const before = tokens[token.index - 1];
  const after = tokens[token.index + 1];
  return (
    /^[a-z]{2,}est$/.test(token.stem) && before?.stem === 'the' && after !== undefined && !isFunctionWord(after.stem)
  );
}

const GROUPING_WORDS = new Set(['per', 'by', 'each', 'every']);

/** "per channel", "by channel", "for each channel", "채널별", "채널마다". */
function isGroupingMarked(token: QuestionToken, tokens: readonly QuestionToken[]): boolean {
  if (/[\uac00-\ud7a3](별|마다|별로)$/.test(token.raw)) return true;
  const before = tokens[token.index - 1];
  return before !== undefined && GROUPING_WORDS.has(before.stem);
}
