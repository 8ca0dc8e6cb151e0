/**
 * Planning steps for a mention of a table, column, value or snippet: the first step that recognises
 * the mention's situation (after "not", after "by", after "how many", next to a value, ...) gives it
 * its role in the Reading.
 */
import type { TableInfo } from './catalog.js';
import type { Item } from './linker.js';
import type { Target } from './lexicon.js';
import type { Condition } from './plan.js';
import { childRowsOf, measureTable, pluralText, preferContext } from './plan-helpers.js';
import type { Agg, Reading } from './plan-state.js';
import { addDim, addMeasure, conjoined, makeAskedDim, removeAt, toCount } from './plan-roles.js';

type MentionItem = Extract<Item, { type: 'mention' }>;
type Step = (s: Reading, target: Target, index: number) => boolean;

export function readMention(s: Reading, item: MentionItem, index: number): void {
  const target = s.choice.pick(
    index,
    preferContext(item.candidates, s.contextTables).map((c) => c.target),
  );
  if (readSortTarget(s, target, index)) return;
  if (/^(id|ids|identifier)$/i.test(item.text) && target.kind === 'column') {
    // "Show the ID of the high schooler named Kyle": the key is what is asked, not the row's name.
    s.columns.push({ column: target.column, at: index });
    s.lastMention = { kind: 'column', index, target };
    return;
  }
  if (item.candidates[0]?.source === 'adjective' && target.kind === 'column') {
    // "the youngest dog": the adjective's column only ranks; it takes no other role.
    s.columns.push({ column: target.column, at: index, implied: true });
    s.lastMention = { kind: 'column', index, target };
    return;
  }
  for (const step of MENTION_STEPS) if (step(s, target, index)) break;
  // "the names of ...": a column asked in the plural lists values (and groups an aggregate beside it).
  if (pluralText(item.text)) for (const c of s.columns) if (c.at === index) c.plural = true;
}

/** After "sorted by": the count or the column the listing is ordered by. */
function readSortTarget(s: Reading, target: Target, index: number): boolean {
  const sort = s.pendingSort;
  if (!sort) return false;
  if (s.pendingAgg === 'count' && s.lastMarkerAt > sort.at && target.kind === 'table') {
    // "sorted by the number of orchestras": the count orders the groups.
    s.sortDir = sort.dir;
    s.pendingSort = undefined;
    return false;
  }
  if (target.kind !== 'column' && target.kind !== 'table') return false;
  const column = target.kind === 'column' ? target.column : (target.table.label ?? target.table.key);
  if (column) s.sortBy = { column, dir: sort.dir };
  // "sorted by the number of final tables made": that number is the column itself.
  if (s.pendingAgg === 'count' && s.lastMarkerAt > sort.at) s.pendingAgg = undefined;
  s.pendingSort = undefined;
  s.lastMention = { kind: 'other', index, target };
  return true;
}

/** "never posted": the negated thing is a table whose rows point at a table already named. */
function negatedAbsence(s: Reading, target: Target, index: number): boolean {
  if (!s.pendingNot || (target.kind !== 'table' && target.kind !== 'column')) return false;
  const negated = target.kind === 'table' ? target.table : target.column.table;
  const named = [...s.measures.map(measureTable), ...s.entities.map((e) => e.table)];
  const parent = named.find((t): t is TableInfo => !!t && t !== negated && !!childRowsOf(t, negated, s.catalog));
  const child = parent ? childRowsOf(parent, negated, s.catalog) : undefined;
  if (!parent || !child) return false;
  s.where.push({ kind: 'absent', parent, child });
  s.pendingNot = false;
  s.lastMention = { kind: 'where', index, target };
  return true;
}

function snippetMention(s: Reading, target: Target, index: number): boolean {
  if (target.kind !== 'snippet') return false;
  const snippet = target.snippet;
  if (snippet.kind === 'measure') {
    addMeasure(s, { kind: 'snippet', snippet }, index);
    s.lastMention = { kind: 'measure', index, target };
    s.pendingAgg = undefined;
    if (s.pendingBy === 'by' && s.rank) s.byMeasure = true;
    s.pendingBy = undefined;
  } else if (snippet.kind === 'filter') {
    s.where.push({ kind: 'snippet', snippet, negate: s.pendingNot });
    s.pendingNot = false;
    s.lastMention = { kind: 'where', index, target };
  } else {
    addDim(s, { kind: 'snippet', snippet });
    s.pendingBy = undefined;
    s.lastMention = { kind: 'dim', index, target };
  }
  return true;
}

function valueMention(s: Reading, target: Target, index: number): boolean {
  if (target.kind !== 'value') return false;
  // "raised by female students": a value after "by" filters, it does not group.
  if (s.pendingBy === 'by') s.pendingBy = undefined;
  const last = s.lastMention;
  if (
    last?.kind === 'entity' &&
    last.index === index - 1 &&
    last.target.kind === 'table' &&
    last.target.table === target.column.table
  )
    removeAt(s, index - 1);
  const existing = s.where.find(
    (w): w is Extract<Condition, { kind: 'value' }> =>
      w.kind === 'value' && w.column === target.column && w.negate === s.pendingNot,
  );
  if (existing) {
    if (!existing.values.includes(target.value)) existing.values.push(target.value);
  } else s.where.push({ kind: 'value', column: target.column, values: [target.value], negate: s.pendingNot });
  s.pendingNot = false;
  s.lastMention = { kind: 'where', index, target };
  return true;
}

/** "by plan and country": a mention joined by "and" to a grouping groups too. */
function conjoinedDim(s: Reading, target: Target, index: number): boolean {
  if (
    s.lastMention?.kind !== 'dim' ||
    s.lastMention.index !== index - 1 ||
    !conjoined(s, index) ||
    !(target.kind === 'column' || target.kind === 'table') ||
    (target.kind === 'column' && target.column.type === 'number')
  )
    return false;
  const asked = s.dims.length > 0 && s.askedDims.has(s.dims[s.dims.length - 1]);
  makeAskedDim(s, target, index, asked);
  return true;
}

/**
 * "the general channel": a table word right after one of its values mostly names the value's kind,
 * unless it is what "how many" counts ("how many rocket reactions").
 */
function tableAfterValue(s: Reading, target: Target, index: number): boolean {
  const last = s.lastMention;
  if (
    target.kind !== 'table' ||
    last?.index !== index - 1 ||
    last.target.kind !== 'value' ||
    last.target.column.table !== target.table
  )
    return false;
  const firstWhere = s.where[0];
  if (
    s.pendingAgg === 'count' &&
    firstWhere &&
    firstWhere.kind !== 'snippet' &&
    firstWhere.kind !== 'absent' &&
    firstWhere.column.table === target.table
  ) {
    toCount(s, target, s.pendingDistinct, index);
    s.pendingAgg = undefined;
    return true;
  }
  s.entities.push({ table: target.table, at: index, context: true });
  return true;
}

/** After "by"/"which"/"each": what is counted or ranked by, else a grouping. */
function afterBy(s: Reading, target: Target, index: number): boolean {
  if (!s.pendingBy) return false;
  const rankedBy = s.pendingBy === 'by' && s.rank !== undefined;
  if (rankedBy && s.pendingAgg === undefined && target.kind === 'table' && s.entities.length > 0) {
    // "top 5 members by messages": the ranked entity came first; this table is what is counted.
    addMeasure(s, { kind: 'count', table: target.table }, index);
    s.pendingBy = undefined;
    s.lastMention = { kind: 'measure', index, target };
    return true;
  }
  if (rankedBy && target.kind === 'column' && target.column.type === 'number' && !s.pendingAgg) {
    s.byMeasure = true;
    s.columns.push({ column: target.column, at: index });
    s.pendingBy = undefined;
    s.lastMention = { kind: 'column', index, target };
    return true;
  }
  if (s.pendingAgg && s.pendingBy === 'by') return false;
  makeAskedDim(s, target, index, s.pendingBy === 'which' || s.softBy);
  s.pendingBy = undefined;
  return true;
}

/** After an aggregate word: the table counted or the column aggregated. */
function afterAggregate(s: Reading, target: Target, index: number): boolean {
  const agg = s.pendingAgg;
  if (!agg) return false;
  if (target.kind === 'table') {
    if (agg === 'count' || agg === 'sum') {
      toCount(s, target, s.pendingDistinct, index);
      s.pendingAgg = undefined;
      s.pendingDistinct = false;
      return true;
    }
    // "average post length": the column may follow the table word; decided at the end otherwise.
    s.entities.push({ table: target.table, at: index });
    s.lastMention = { kind: 'entity', index, target };
    return true;
  }
  return target.kind === 'column' ? aggregateColumn(s, agg, target, index) : false;
}

function aggregateColumn(s: Reading, agg: Agg, target: Extract<Target, { kind: 'column' }>, index: number): boolean {
  const c = target.column;
  if (agg === 'count' && c.type !== 'date' && c.type !== 'timestamp' && c.type !== 'bool') {
    toCount(s, target, s.pendingDistinct, index);
    s.pendingAgg = undefined;
    s.pendingDistinct = false;
    return true;
  }
  if (c.type === 'number' && !c.isKey && s.temporal) {
    // "How much does the most recent treatment cost": the cost of the latest row, not the largest cost.
    s.columns.push({ column: c, at: index });
    s.pendingAgg = undefined;
    s.lastMention = { kind: 'column', index, target };
    return true;
  }
  if (c.type === 'number' && !c.isKey) {
    for (const fn of [...s.extraAggs, agg])
      if (fn !== 'count') addMeasure(s, { kind: 'agg', fn: fn.toUpperCase() as 'SUM', column: c }, index);
    s.extraAggs.length = 0;
    s.pendingAgg = undefined;
    s.lastMention = { kind: 'measure', index, target };
    return true;
  }
  if ((c.type === 'date' || c.type === 'timestamp') && (agg === 'min' || agg === 'max')) {
    addMeasure(s, { kind: 'agg', fn: agg === 'min' ? 'MIN' : 'MAX', column: c }, index);
    s.pendingAgg = undefined;
    return true;
  }
  return false;
}

/** No marker decides: a flag is a filter, a table an entity, a key its table, any other column is asked. */
function plainMention(s: Reading, target: Target, index: number): boolean {
  if (target.kind === 'column' && target.column.type === 'bool') {
    s.where.push({ kind: 'bool', column: target.column, negate: s.pendingNot });
    s.pendingNot = false;
    s.lastMention = { kind: 'where', index, target };
  } else if (target.kind === 'table') {
    const require = s.relativeFrom !== undefined && index > s.relativeFrom;
    s.entities.push({ table: target.table, at: index, require });
    s.lastMention = { kind: 'entity', index, target };
  } else if (target.kind === 'column' && target.column.isKey && !s.pendingAgg) {
    s.entities.push({ table: target.column.table, at: index });
    s.lastMention = { kind: 'entity', index, target };
  } else if (target.kind === 'column') {
    s.columns.push({ column: target.column, at: index });
    s.lastMention = { kind: 'column', index, target };
  }
  return true;
}

const MENTION_STEPS: Step[] = [
  negatedAbsence,
  snippetMention,
  valueMention,
  conjoinedDim,
  tableAfterValue,
  afterBy,
  afterAggregate,
  plainMention,
];
