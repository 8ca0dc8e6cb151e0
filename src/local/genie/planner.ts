/**
 * From linked items to a query plan: which table is counted or aggregated,
 * which mentions are filters, groupings, rankings or ratios. Rules only; the
 * words come from the vocabulary and the config.
 *
 * The planner walks the items left to right, each step updating one Reading (plan-state.ts);
 * finishPlan (plan-finish.ts) then settles what the whole question leaves open.
 */
import type { Catalog } from './catalog.js';
import type { Item } from './linker.js';
import type { Token } from './text.js';
import { BUCKET_WORDS } from './vocabulary.js';
import { finishPlan } from './plan-finish.js';
import { pluralTable, tablesNamed } from './plan-helpers.js';
import { readMarker } from './plan-markers.js';
import { readMention } from './plan-mentions.js';
import type { PlanChoice, PlanOutcome, PlanState, Reading } from './plan-state.js';

export type { PlanChoice, PlanOutcome } from './plan-state.js';

export function planQuery(items: Item[], catalog: Catalog, choice: PlanChoice, tokens: Token[] = []): PlanOutcome {
  const s = startReading(items, catalog, choice, tokens);
  items.forEach((item, index) => readItem(s, item, index));
  return finishPlan(gathered(s));
}

function startReading(items: Item[], catalog: Catalog, choice: PlanChoice, tokens: Token[]): Reading {
  return {
    catalog,
    items,
    tokens,
    choice,
    contextTables: tablesNamed(items),
    notes: [],
    measures: [],
    measureAt: [],
    dims: [],
    askedDims: new Set(),
    where: [],
    entities: [],
    columns: [],
    dates: [],
    compares: [],
    buckets: [],
    extraAggs: [],
    lastMarkerAt: -10,
    softBy: false,
    openRank: false,
    pendingDistinct: false,
    pendingNot: false,
    byMeasure: false,
  };
}

function readItem(s: Reading, item: Item, index: number): void {
  switch (item.type) {
    case 'marker':
      return readMarker(s, item, index);
    case 'word':
      return readBucketWord(s, item.text);
    case 'top':
      return readTop(s, item, index);
    case 'date':
      s.dates.push({ range: item.range, at: index });
      return;
    case 'compare':
      s.compares.push({
        op: item.op,
        value: item.value,
        at: index,
        end: item.end,
        dim: item.dim,
        against: item.against,
      });
      return;
    case 'number':
      return readNumber(s, item.value, index);
    case 'mention':
      return readMention(s, item, index);
    default:
      return;
  }
}

/** "by month": a time unit after "by" buckets time. */
function readBucketWord(s: Reading, text: string): void {
  const bucket = s.pendingBy === 'by' ? BUCKET_WORDS[text.toLowerCase().replace(/s$/, '')] : undefined;
  if (!bucket) return;
  if (!s.buckets.includes(bucket)) s.buckets.push(bucket);
  s.pendingBy = undefined;
}

/** A superlative adjective's ranking (zero width, then its column): plural only when a table follows. */
function readTop(s: Reading, item: Extract<Item, { type: 'top' }>, index: number): void {
  const open = !item.n && (item.end > item.start || pluralTable(s.items[index + 2]));
  s.rank = { dir: item.dir === 'desc' ? 'DESC' : 'ASC', limit: open ? undefined : item.n || 1, at: index };
  if (open) s.openRank = true;
}

/** "Which 3 countries ...", "회원 5명": a small count next to a noun sizes the ranking. */
function readNumber(s: Reading, value: number, index: number): void {
  const nextItem = s.items[index + 1];
  if (
    Number.isInteger(value) &&
    value > 0 &&
    value <= 100 &&
    (nextItem?.type === 'mention' || s.lastMention?.index === index - 1 || nextItem?.type === 'word')
  )
    s.limitHint = value;
  s.notes.push(`number:${value}`);
}

/** What the walk leaves for finishPlan: a sized ranking, and a time superlative only when nothing took it. */
function gathered(s: Reading): PlanState {
  const { rank, limitHint } = s;
  return {
    catalog: s.catalog,
    items: s.items,
    notes: s.notes,
    measures: s.measures,
    measureAt: s.measureAt,
    dims: s.dims,
    buckets: s.buckets,
    where: s.where,
    entities: s.entities,
    columns: s.columns,
    dates: s.dates,
    compares: s.compares,
    rank:
      rank && limitHint && ((rank.limit === undefined && !s.openRank) || rank.limit === 1)
        ? { ...rank, limit: limitHint }
        : rank,
    ratio: s.ratio,
    byMeasure: s.byMeasure,
    pendingAgg: s.pendingAgg,
    distinctList: s.pendingDistinct,
    askedDims: s.askedDims,
    temporal: s.pendingAgg === undefined ? s.temporal : undefined,
    sortBy: s.sortBy,
    sortDir: s.sortDir,
  };
}
