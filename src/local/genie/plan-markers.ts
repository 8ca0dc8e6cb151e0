/**
 * Planning steps for question markers ("how many", "average", "by", "which", "the most", "sorted by",
 * "not", ...): each updates the Reading so that the mentions after it take the role it announces.
 */
import type { Item } from './linker.js';
import type { MarkerKind } from './vocabulary.js';
import { BUCKET_STEMS } from './vocabulary.js';
import { QUANTITY_RANKS, pluralTable } from './plan-helpers.js';
import type { LastMention, Reading } from './plan-state.js';
import { makeDim, toCount } from './plan-roles.js';

type MarkerItem = Extract<Item, { type: 'marker' }>;

export function readMarker(s: Reading, item: MarkerItem, index: number): void {
  const kind: MarkerKind = item.marker.kind;
  if (s.pendingBy === 'which' && kind !== 'not' && kind !== 'most' && kind !== 'least') s.pendingBy = undefined;
  const counted = countedNoun(s, item, index);
  if (counted) {
    toCount(s, counted.target, s.pendingDistinct, counted.index);
    s.pendingDistinct = false;
    return;
  }
  if (kind === 'by' && item.marker.postfix) return groupByPrevious(s, index);
  applyMarker(s, kind, item, index);
}

/** A count word that counts the noun before it: English "member counts", Korean "회원 수". */
function countedNoun(s: Reading, item: MarkerItem, index: number): LastMention | undefined {
  const last = s.lastMention;
  if (item.marker.kind !== 'count' || !last || (last.kind !== 'entity' && last.kind !== 'column')) return undefined;
  if (item.marker.postfix) return last;
  const follows = s.items[index - 1]?.type === 'mention' && last.index === index - 1;
  return follows && s.items[index + 1]?.type !== 'mention' ? last : undefined;
}

/** Korean "채널별", "월별": a time bucket after a time word, else a grouping by the previous mention. */
function groupByPrevious(s: Reading, index: number): void {
  const stem = s.items[index - 1];
  const bucket = stem?.type === 'word' ? BUCKET_STEMS[stem.text] : undefined;
  if (bucket) {
    if (!s.buckets.includes(bucket)) s.buckets.push(bucket);
    return;
  }
  if (s.lastMention) makeDim(s, s.lastMention.target, s.lastMention.kind);
}

function applyMarker(s: Reading, kind: MarkerKind, item: MarkerItem, index: number): void {
  switch (kind) {
    case 'count':
    case 'sum':
    case 'avg':
    case 'min':
    case 'max':
      return readAggregate(s, kind, item, index);
    case 'distinct':
      s.pendingDistinct = true;
      if (s.pendingBy === 'which') s.pendingBy = undefined;
      return;
    case 'by':
    case 'each':
      s.pendingBy = 'by';
      // Bare "each"/"every" ("the weight of every pet") groups only when something is aggregated.
      s.softBy = item.marker.words.some((w) => w === 'each' || w === 'every');
      return;
    case 'which':
      return readWhich(s, index);
    case 'most':
    case 'least':
      return readRanking(s, kind, item, index);
    case 'desc':
    case 'asc':
      return readDirection(s, kind === 'desc' ? 'DESC' : 'ASC');
    case 'sort':
      s.pendingSort = { dir: s.sortDir ?? item.marker.dir ?? 'ASC', at: index };
      return;
    case 'ratio':
    case 'percent':
      s.ratio = { percent: kind === 'percent' || s.ratio?.percent === true, at: index };
      return;
    case 'not':
      s.pendingNot = true;
      return;
    case 'bucket':
      if (item.marker.bucket && !s.buckets.includes(item.marker.bucket)) s.buckets.push(item.marker.bucket);
      s.pendingBy = undefined;
      return;
    default:
      return;
  }
}

function readAggregate(
  s: Reading,
  kind: 'count' | 'sum' | 'avg' | 'min' | 'max',
  item: MarkerItem,
  index: number,
): void {
  if (kind === 'sum' && s.pendingAgg === 'count') return;
  if (kind === 'count' && s.pendingAgg === 'avg') {
    s.pendingAgg = 'avg';
    s.notes.push('avg-count');
    return;
  }
  if (s.pendingBy === 'by' && s.rank) s.byMeasure = true;
  if (s.pendingBy === 'which') s.pendingBy = undefined;
  // "the average, minimum and maximum age": several aggregates of one column.
  if (s.pendingAgg && s.pendingAgg !== 'count' && kind !== 'count' && index - s.lastMarkerAt <= 3)
    s.extraAggs.push(s.pendingAgg);
  s.pendingAgg = kind;
  s.lastMarkerAt = index;
  s.temporal = item.marker.temporal ? { dir: kind === 'max' ? 'DESC' : 'ASC', at: index } : undefined;
}

function readWhich(s: Reading, index: number): void {
  const last = s.lastMention;
  // "members who ...": a relative pronoun right after the noun it describes does not ask "which".
  if (last && last.index === index - 1 && (last.kind === 'entity' || last.kind === 'measure')) {
    s.relativeFrom ??= index;
    return;
  }
  s.pendingBy = 'which';
}

function readRanking(s: Reading, kind: 'most' | 'least', item: MarkerItem, index: number): void {
  s.rank = {
    dir: kind === 'most' ? 'DESC' : 'ASC',
    // "the highest mountains" orders them all; "the highest mountain" is one. (A quantity word is
    // different: "the breed with the most dogs" counts the dogs and still means one breed; and "the
    // lowest earnings" is one value of a column, not several rows.)
    limit:
      s.rank?.limit ??
      (!QUANTITY_RANKS.has(item.marker.words.join(' ')) && pluralTable(s.items[index + 1]) ? undefined : 1),
    at: index,
  };
  if (s.rank.limit === undefined) s.openRank = true;
  if (s.pendingBy === 'by') s.pendingBy = undefined;
}

/** A direction word orders; it ranks only what a ranking word already ranks. */
function readDirection(s: Reading, dir: 'ASC' | 'DESC'): void {
  if (s.rank) s.rank = { ...s.rank, dir };
  s.sortDir = dir;
  if (s.sortBy) s.sortBy.dir = dir;
}
