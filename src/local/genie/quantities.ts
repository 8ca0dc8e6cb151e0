/**
 * Number phrases: comparisons ("more than 100", "100개 이상", "at least 3") and
 * rank limits ("top 5", "상위 3개", "bottom 2").
 */
import type { Token } from './text.js';
import { COMPARATIVES } from './vocabulary.js';

export type CompareOp = '>' | '>=' | '<' | '<=' | '=';

export interface CompareMatch {
  kind: 'compare';
  op: CompareOp;
  value: number;
  start: number;
  end: number;
  numberAt: number;
  /** Token positions the phrase uses (a noun between number and word stays free). */ used: number[];
  /** The dimension a comparative names ("older than" -> age), to find the compared column by. */
  dim?: string;
  /** "below the average": compared with the column's average instead of `value`. */
  against?: 'avg';
}
export interface TopMatch {
  kind: 'top';
  n: number;
  dir: 'desc' | 'asc';
  start: number;
  end: number;
}

const BEFORE: Array<[string[], CompareOp]> = [
  [['more', 'than'], '>'],
  [['greater', 'than'], '>'],
  [['higher', 'than'], '>'],
  [['larger', 'than'], '>'],
  [['longer', 'than'], '>'],
  [['over'], '>'],
  [['above'], '>'],
  [['exceeding'], '>'],
  [['exceed'], '>'],
  [['at', 'least'], '>='],
  [['no', 'fewer', 'than'], '>='],
  [['less', 'than'], '<'],
  [['fewer', 'than'], '<'],
  [['lower', 'than'], '<'],
  [['shorter', 'than'], '<'],
  [['under'], '<'],
  [['below'], '<'],
  [['heavier', 'than'], '>'],
  [['taller', 'than'], '>'],
  [['cheaper', 'than'], '<'],
  [['more', 'expensive', 'than'], '>'],
  [['faster', 'than'], '>'],
  [['slower', 'than'], '<'],
  [['older', 'than'], '>'],
  [['bigger', 'than'], '>'],
  [['later', 'than'], '>'],
  [['younger', 'than'], '<'],
  [['lighter', 'than'], '<'],
  [['smaller', 'than'], '<'],
  [['earlier', 'than'], '<'],
  [['at', 'most'], '<='],
  [['no', 'more', 'than'], '<='],
  [['exactly'], '='],
  [['equal', 'to'], '='],
];
const AFTER: Array<[string[], CompareOp]> = [
  [['or', 'more'], '>='],
  [['or', 'after'], '>='],
  [['or', 'later'], '>='],
  [['or', 'above'], '>='],
  [['or', 'higher'], '>='],
  [['or', 'before'], '<='],
  [['or', 'earlier'], '<='],
  [['or', 'below'], '<='],
  [['or', 'lower'], '<='],
  [['or', 'greater'], '>='],
  [['plus'], '>='],
  [['or', 'fewer'], '<='],
  [['or', 'less'], '<='],
  [['이상'], '>='],
  [['초과'], '>'],
  [['미만'], '<'],
  [['이하'], '<='],
  [['넘는'], '>'],
  [['넘게'], '>'],
  [['넘은'], '>'],
  [['넘'], '>'],
  [['보다', '많은'], '>'],
  [['보다', '많이'], '>'],
  [['보다', '큰'], '>'],
  [['보다', '적은'], '<'],
  [['보다', '작은'], '<'],
  [['개', '이상'], '>='],
];
const TOP_WORDS: Record<string, 'desc' | 'asc'> = {
  top: 'desc',
  상위: 'desc',
  최상위: 'desc',
  bottom: 'asc',
  하위: 'asc',
  first: 'desc',
};
const MOST_AFTER: Record<string, 'desc' | 'asc'> = {
  most: 'desc',
  largest: 'desc',
  biggest: 'desc',
  highest: 'desc',
  busiest: 'desc',
  least: 'asc',
  fewest: 'asc',
  lowest: 'asc',
  smallest: 'asc',
  quietest: 'asc',
};
/** Korean counters between a number and its comparison word ("5개 이상", "3명", "10건"). */
const COUNTERS = new Set([
  '개',
  '명',
  '건',
  '번',
  '회',
  '곳',
  '개의',
  '명의',
  '건의',
  '개가',
  '명이',
  '건이',
  '번의',
  '회의',
  '개를',
  '명을',
  '건을',
]);

const matchAt = (tokens: Token[], i: number, words: string[]): boolean =>
  words.every((w, k) => tokens[i + k]?.forms.includes(w) || tokens[i + k]?.raw.toLowerCase() === w);

/** Find comparisons and rank limits; `taken` marks token positions already used by dates. */
export function findQuantities(tokens: Token[], taken: Set<number>): Quantity[] {
  const out = findQuantityPhrases(tokens, taken);
  for (const q of out) {
    const dim = q.kind === 'compare' ? tokens[q.start]?.forms.map((f) => COMPARATIVES[f]).find(Boolean) : undefined;
    if (q.kind === 'compare' && dim) q.dim = dim;
  }
  return out;
}

type Quantity = CompareMatch | TopMatch;
/** A phrase found at token i: its matches, and the index of the last token it used. */
type Found = { found: Quantity[]; last: number };
type Matcher = (tokens: Token[], i: number, taken: Set<number>) => Found | undefined;

function findQuantityPhrases(tokens: Token[], taken: Set<number>): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    const hit = firstMatch(tokens, i, taken);
    if (!hit) continue;
    out.push(...hit.found);
    i = hit.last;
  }
  return out;
}

function firstMatch(tokens: Token[], i: number, taken: Set<number>): Found | undefined {
  for (const matcher of MATCHERS) {
    const hit = matcher(tokens, i, taken);
    if (hit) return hit;
  }
  return undefined;
}

/** "top 5", "상위 3개". */
function topN(tokens: Token[], i: number, taken: Set<number>): Found | undefined {
  const topDir = tokens[i].forms.map((f) => TOP_WORDS[f]).find(Boolean);
  if (!topDir || tokens[i + 1]?.num === undefined || taken.has(i + 1)) return undefined;
  const end = COUNTERS.has(tokens[i + 2]?.raw ?? '') ? i + 3 : i + 2;
  return { found: [{ kind: 'top', n: tokens[i + 1].num as number, dir: topDir, start: i, end }], last: end - 1 };
}

/** "10 most active members": the activity word belongs to the ranking, not to the schema. */
function numberMost(tokens: Token[], i: number): Found | undefined {
  const n = tokens[i].num;
  if (n === undefined || !Number.isInteger(n) || n <= 0 || n >= 1000) return undefined;
  const mostDir = tokens[i + 1]?.forms.map((f) => MOST_AFTER[f]).find(Boolean);
  if (!mostDir) return undefined;
  const end = tokens[i + 2]?.forms.includes('active') ? i + 3 : i + 2;
  return { found: [{ kind: 'top', n, dir: mostDir, start: i, end }], last: end - 1 };
}

/** "cost below average", "older than the average": a comparison with the column's own average. */
function againstAverage(tokens: Token[], i: number): Found | undefined {
  const toAverage = BEFORE.find(([words]) => matchAt(tokens, i, words));
  if (!toAverage) return undefined;
  let at = i + toAverage[0].length;
  if (tokenHasWord(tokens[at], 'the')) at++;
  if (!['average', 'avg', 'mean'].some((w) => tokenHasWord(tokens[at], w))) return undefined;
  const compare: CompareMatch = {
    kind: 'compare',
    op: toAverage[1],
    value: 0,
    against: 'avg',
    start: i,
    end: at + 1,
    numberAt: at,
    used: range(i, at + 1),
  };
  return { found: [compare], last: at };
}

/** "between 10 and 20": two comparisons over one phrase. */
function between(tokens: Token[], i: number): Found | undefined {
  if (
    !tokenHasWord(tokens[i], 'between') ||
    tokens[i + 1]?.num === undefined ||
    !tokenHasWord(tokens[i + 2], 'and') ||
    tokens[i + 3]?.num === undefined
  )
    return undefined;
  const low = tokens[i + 1].num as number;
  const high = tokens[i + 3].num as number;
  return {
    found: [
      { kind: 'compare', op: '>=', value: low, start: i, end: i + 4, numberAt: i + 1, used: range(i, i + 4) },
      { kind: 'compare', op: '<=', value: high, start: i, end: i + 4, numberAt: i + 3, used: [] },
    ],
    last: i + 3,
  };
}

/** "above age 20": one word may sit between the comparison and its number. */
function gappedCompare(tokens: Token[], i: number): Found | undefined {
  const gapped = BEFORE.find(
    ([words]) =>
      matchAt(tokens, i, words) &&
      tokens[i + words.length]?.num === undefined &&
      tokens[i + words.length + 1]?.num !== undefined &&
      !tokens[i + words.length]?.date,
  );
  if (!gapped) return undefined;
  const at = i + gapped[0].length + 1;
  const used = [...range(i, at - 1), at];
  const value = tokens[at].num as number;
  return { found: [{ kind: 'compare', op: gapped[1], value, start: i, end: at + 1, numberAt: at, used }], last: at };
}

/** "more than 100". */
function compareBefore(tokens: Token[], i: number): Found | undefined {
  const before = BEFORE.find(([words]) => matchAt(tokens, i, words) && tokens[i + words.length]?.num !== undefined);
  if (!before) return undefined;
  const at = i + before[0].length;
  const value = tokens[at].num as number;
  const used = range(i, at + 1);
  return { found: [{ kind: 'compare', op: before[1], value, start: i, end: at + 1, numberAt: at, used }], last: at };
}

/** "100 이상", "5개 이상", "100 단어 이상": allow a counter or one noun between the number and the word. */
function compareAfter(tokens: Token[], i: number): Found | undefined {
  const value = tokens[i].num;
  if (value === undefined) return undefined;
  for (const gap of [0, 1]) {
    if (gap === 1 && !tokens[i + 1]) break;
    const after = AFTER.find(([words]) => matchAt(tokens, i + 1 + gap, words));
    if (after) {
      const end = i + 1 + gap + after[0].length;
      const counter = gap === 1 && COUNTERS.has(tokens[i + 1].raw);
      const used = gap === 1 && !counter ? [i, ...range(i + 2, end)] : range(i, end);
      return { found: [{ kind: 'compare', op: after[1], value, start: i, end, numberAt: i, used }], last: end - 1 };
    }
  }
  return undefined;
}

const MATCHERS: Matcher[] = [topN, numberMost, againstAverage, between, gappedCompare, compareBefore, compareAfter];

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

function tokenHasWord(t: Token | undefined, word: string): boolean {
  return !!t && t.forms.includes(word);
}
