/**
 * Finding the phrase of a question that names a measure: the run of content words
 * (aggregation cues such as "average" or "평균" included) holding the most words that refer
 * to the measure's columns or that the config does not explain. Grouping words are left out:
 * "per channel" names the breakdown, not the measure.
 */
import { isExplained, type ConfigIndex } from './config.js';
import type { FailureView } from './evidence.js';
import { distinctiveWords } from './targets.js';
import {
  isAggregateCue,
  isFunctionWord,
  isPredicate,
  nameWords,
  stemWord,
  stemsMatch,
  type QuestionToken,
} from './text.js';
import { isHangul, singular } from '../../text/normalise.js';

/** Words that belong inside a measure's name though they are grammar elsewhere ("reply rate", "답글 비율"). */
const MEASURE_CUES = new Set(
  [
    'distinct',
    'unique',
    'different',
    'per',
    'rate',
    'ratio',
    'share',
    'percentage',
    'percent',
    '당',
    '고유',
    '비율',
    '퍼센트',
  ].map(stemWord),
);
const MAX_WORDS = 6;

export interface Phrase {
  text: string;
  /** The phrase with each English word singular (a synonym when it differs). */
  variant: string;
}

export function measurePhrase(
  view: FailureView,
  index: ConfigIndex,
  columns: readonly { table: string; column: string }[],
  taken: ReadonlySet<number>,
): Phrase | null {
  const columnWords = distinctiveWords(columns.flatMap((c) => nameWords(c.column)));
  const groupWords = distinctiveWords(view.expected.groupBy.flatMap((g) => nameWords(g)));
  const isGroupWord = (t: QuestionToken): boolean =>
    groupWords.some((w) => stemsMatch(t.stem, w)) && !columnWords.some((w) => stemsMatch(t.stem, w));
  const isCue = (t: QuestionToken): boolean => isAggregateCue(t.stem) || MEASURE_CUES.has(t.stem);
  const isContent = (t: QuestionToken): boolean =>
    !taken.has(t.index) && !isGroupWord(t) && !isPredicate(t, view.tokens) && (!isFunctionWord(t.stem) || isCue(t));
  const isAnchor = (t: QuestionToken): boolean =>
    !isCue(t) &&
    !isFunctionWord(t.stem) &&
    (columnWords.some((w) => stemsMatch(t.stem, w)) || !isExplained(index, t.stem));

  let best: QuestionToken[] | null = null;
  let bestScore = 0;
  let run: QuestionToken[] = [];
  const consider = (): void => {
    const trimmed = trim(run, isCue);
    const anchors = trimmed.filter(isAnchor).length;
    // A phrase with a cue ("unique posters") names a measure; a bare noun ("posts") names a table.
    const score = anchors === 0 ? 0 : anchors * 2 + (trimmed.some(isCue) ? 1 : 0);
    if (score > bestScore) {
      best = trimmed;
      bestScore = score;
    }
    run = [];
  };
  for (const token of view.tokens) {
    if (isContent(token)) run.push(token);
    else consider();
  }
  consider();
  const chosen = best as QuestionToken[] | null;
  if (!chosen || chosen.length === 0) return null;
  let words = chosen.slice(0, MAX_WORDS);
  if (!words.some(isCue)) {
    // "On average, how many posts ...": borrow the nearest cue before the phrase ("average posts").
    const cue = view.tokens
      .slice(Math.max(0, words[0].index - 4), words[0].index)
      .reverse()
      .find(isCue);
    if (!cue) return null;
    words = [cue, ...words].slice(0, MAX_WORDS);
  }
  return {
    text: words.map(display).join(' '),
    variant: words.map((t) => (isHangul(t.stem) ? t.stem : singular(t.raw.toLowerCase()))).join(' '),
  };
}

/** Drop leading and trailing words that are neither content nor an aggregation cue ("per" at an edge). */
function trim(tokens: QuestionToken[], isCue: (t: QuestionToken) => boolean): QuestionToken[] {
  let start = 0;
  let end = tokens.length;
  // A trailing past form is the question's verb ("unique users posted"), not part of the name.
  const edge = (t: QuestionToken): boolean =>
    t.stem === 'per' ||
    t.stem === '당' ||
    (isFunctionWord(t.stem) && !isCue(t)) ||
    /^[a-z]{4,}ed$/.test(t.raw.toLowerCase());
  while (start < end && edge(tokens[start])) start++;
  while (end > start && edge(tokens[end - 1])) end--;
  return tokens.slice(start, end);
}

function display(token: QuestionToken): string {
  return isHangul(token.stem) ? token.stem : token.raw.toLowerCase();
}
