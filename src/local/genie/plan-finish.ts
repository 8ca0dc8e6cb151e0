/**
 * Second half of planning: once every mention has a role, settle the base
 * table, default measures, comparisons, date columns, ratios and ordering.
 * Each step reads and updates one Draft (plan-state.ts), in order.
 */
import type { ColumnInfo, TableInfo } from './catalog.js';
import type { Dimension, Plan } from './plan.js';
import type { Draft, PlanOutcome, PlanState } from './plan-state.js';
import { attachCompare, distanceTo } from './plan-compares.js';
import { isListing, listAskedColumns, selectListing } from './plan-listing.js';
import { dimensionColumns } from './linker.js';
import { pickDateColumn } from './date-column.js';
import { condTable, dimTable, factFor, isTemporal, measureTable, rankingColumn, tableDim } from './plan-helpers.js';

const CLARIFY = 'Which data do you mean? I could not match any table, column or measure of this space to the question.';

export function finishPlan(s: PlanState): PlanOutcome {
  const d: Draft = {
    ...s,
    entities: [...s.entities],
    columns: [...s.columns],
    having: [],
    filtered: new Set(),
    readColumns: s.columns,
  };
  const { notes } = d;
  aggregateLeftOver(d);
  const comparesFilter = comparesOnlyFilter(d);
  rankByTime(d);
  const byColumn = rankAlongColumn(d);
  if (isListing(d, comparesFilter, byColumn)) listAskedColumns(d);
  if (needsCount(d, byColumn)) countByDefault(d);
  const owned = ownerRanking(d);
  if (owned) return { plan: owned, notes };
  rankRemainingEntity(d);
  for (const cmp of d.compares) attachCompare(d, cmp);
  groupByAskedText(d);
  keyDimensionRatio(d);
  if (d.ratio) shareOrRatio(d, d.ratio.percent);
  const base = baseTable(d);
  if (!base) return { clarify: CLARIFY, notes };
  const usedColumns = attachDates(d, base);
  const plan = draftPlan(d, base);
  if (d.measures.length === 0) selectListing(d, plan, base, usedColumns);
  else orderAggregate(d, plan);
  return { plan, notes };
}

/** Left-over aggregate words with a table but no column. */
function aggregateLeftOver(d: Draft): void {
  const { measures, entities } = d;
  if (measures.length === 0 && (d.pendingAgg === 'max' || d.pendingAgg === 'min')) {
    const e = entities.find((x) => !x.context) ?? entities[0];
    const col = e ? pickDateColumn(e.table, d.catalog) : undefined;
    if (e && col) measures.push({ kind: 'agg', fn: d.pendingAgg === 'max' ? 'MAX' : 'MIN', column: col });
  }
  if (measures.length === 0 && d.pendingAgg === 'avg' && entities.length > 0) d.notes.push('avg-per');
}

/** Every comparison filters a column (a named dimension, or a number column near it) rather than a count. */
function comparesOnlyFilter(d: Draft): boolean {
  const numeric = d.columns.filter((c) => c.column.type === 'number' && !c.column.isKey);
  return d.compares.every(
    (cmp) =>
      (cmp.dim !== undefined && dimensionColumns(cmp.dim, d.catalog).length > 0) ||
      (cmp.against !== undefined && numeric.length > 0) ||
      numeric.some((c) => Math.abs(c.at - cmp.at) <= 3),
  );
}

/** "the most recent treatment": rank its rows by their date column. */
function rankByTime(d: Draft): void {
  if (!d.temporal || d.measures.length > 0 || d.rank) return;
  const table = d.columns[0]?.column.table ?? d.entities[0]?.table;
  const date = d.columns.find((c) => isTemporal(c.column))?.column ?? (table && pickDateColumn(table, d.catalog));
  if (date) {
    d.columns.push({ column: date, at: d.temporal.at, implied: true });
    d.rank = { dir: d.temporal.dir, limit: 1, at: d.temporal.at };
  }
}

/**
 * "the city with the highest population", "the youngest dog": a ranking along a number column the
 * question names orders the rows by it; nothing is counted. True when the ranking is by such a column.
 */
function rankAlongColumn(d: Draft): boolean {
  const { measures } = d;
  const rankColumn = d.rank ? rankingColumn(d.columns, d.rank.at) : undefined;
  if (rankColumn && measures.length === 1 && measures[0].kind === 'count' && measures[0].distinct === rankColumn) {
    // "the greatest number of years": the number is the column's own value.
    measures.pop();
  }
  return rankColumn !== undefined && measures.length === 0 && !d.pendingAgg && !d.ratio;
}

/** No explicit measure, but something must be aggregated (a ranking, grouping, bucket, count or ratio). */
function needsCount(d: Draft, byColumn: boolean): boolean {
  return (
    d.measures.length === 0 &&
    !!(
      (d.rank && !byColumn) ||
      d.dims.length > 0 ||
      d.buckets.length > 0 ||
      d.pendingAgg === 'count' ||
      d.pendingAgg === 'avg' ||
      d.ratio
    )
  );
}

/** Count something, chosen from what the question names. */
function countByDefault(d: Draft): void {
  const { dims, entities, where } = d;
  const firstWhere = where.map(condTable).find(Boolean);
  // A table word that only named a value's kind is not what is counted when a filter on another table came first.
  const free = entities.filter((e) => !(e.context && firstWhere && e.table !== firstWhere));
  let counted: TableInfo | undefined;
  if (d.rank && dims.length === 0 && d.buckets.length === 0 && free.length >= 1 && d.pendingAgg !== 'count') {
    // "the busiest channel", "메시지가 가장 많은 채널": rank the entity that has a name, count the other (or its facts).
    const ranked = free.find((e) => e.table.label && !e.context) ?? free[0];
    const dim = tableDim(ranked.table);
    if (dim) dims.push(dim);
    entities.splice(entities.indexOf(ranked), 1);
    const other = free.find((e) => e !== ranked && !e.context) ?? free.find((e) => e !== ranked);
    counted = other?.table ?? factFor(ranked.table, d.catalog) ?? ranked.table;
    if (other) entities.splice(entities.indexOf(other), 1);
  } else if (free.length > 0) {
    const pick = free.find((e) => dims.some((dim) => dimTable(dim) === e.table)) ?? free[0];
    counted = pick.table;
    entities.splice(entities.indexOf(pick), 1);
  } else {
    const from = firstWhere ?? dims.map(dimTable).find(Boolean) ?? d.columns[0]?.column.table ?? entities[0]?.table;
    counted =
      from && dims.length > 0 && dimTable(dims[0]) === from && !where.some((w) => condTable(w) === from)
        ? (factFor(from, d.catalog) ?? from)
        : from;
  }
  if (counted) d.measures.push({ kind: 'count', table: counted });
}

/**
 * "the most recently opened channel": a MIN/MAX of an entity's own column ranks that entity;
 * "가장 최근에 개설된 채널은 어디야?": the text column asked beside the time names the row.
 */
function ownerRanking(d: Draft): Plan | undefined {
  const only = d.measures[0];
  if (only?.kind !== 'agg' || (only.fn !== 'MAX' && only.fn !== 'MIN')) return undefined;
  const owner = d.entities.find((e) => !e.context && e.table === only.column.table && e.table.label);
  const askedColumns = [
    ...d.columns,
    ...[...d.askedDims].flatMap((dim) => (dim.kind === 'column' ? [{ column: dim.column, at: -1 }] : [])),
  ];
  const ownerColumn =
    isTemporal(only.column) && !owner
      ? askedColumns.map((c) => c.column).find((c) => c.table === only.column.table && c.type === 'string')
      : undefined;
  if (
    d.measures.length !== 1 ||
    !(owner || ownerColumn) ||
    d.dims.filter((dim) => !d.askedDims.has(dim)).length > 0 ||
    d.buckets.length > 0
  )
    return undefined;
  return {
    base: only.column.table,
    measures: [],
    dims: [],
    where: d.where,
    having: [],
    select: [(owner?.table.label ?? ownerColumn) as ColumnInfo, only.column],
    distinct: false,
    order: { target: only.column, dir: only.fn === 'MAX' ? 'DESC' : 'ASC', limit: d.rank?.limit ?? 1 },
  };
}

/** A ranking over entities with no explicit dimension: rank the remaining entity. */
function rankRemainingEntity(d: Draft): void {
  if (!d.rank || d.measures.length === 0 || d.dims.length > 0 || d.buckets.length > 0) return;
  const mTable = measureTable(d.measures[0]);
  const other = d.entities.find((e) => e.table !== mTable);
  if (other) {
    const dim = tableDim(other.table);
    if (dim) d.dims.push(dim);
    d.entities.splice(d.entities.indexOf(other), 1);
  }
}

/**
 * "the names of high schoolers and their number of friends": text columns asked beside an aggregate
 * and no grouping are what it is grouped by.
 */
function groupByAskedText(d: Draft): void {
  if (d.measures.length === 0 || d.dims.length > 0 || d.buckets.length > 0 || d.ratio) return;
  const valueFiltered = new Set(d.where.flatMap((w) => (w.kind === 'value' ? [w.column] : [])));
  const asked = d.columns.filter(
    (c) =>
      !c.implied &&
      // Plural ("the names of ..."), or what a ranking ranks ("the code of the airport with the least flights").
      (c.plural || d.rank !== undefined) &&
      c.column.type === 'string' &&
      !d.filtered.has(c.column) &&
      !valueFiltered.has(c.column),
  );
  if (asked.length > 0) for (const c of asked) d.dims.push({ kind: 'column', column: c.column });
}

/** "reactions per message": a dimension on a table without a label, counted against another table. */
function keyDimensionRatio(d: Draft): void {
  const { measures, dims } = d;
  const keyDim = dims.find((dim) => dim.kind === 'column' && dim.column.isKey && !dim.column.table.label);
  if (
    keyDim?.kind === 'column' &&
    measures.length === 1 &&
    measures[0].kind === 'count' &&
    measures[0].table !== keyDim.column.table
  ) {
    measures[0] = {
      kind: 'tableRatio',
      numerator: measures[0].table,
      denominator: keyDim.column.table,
      percent: false,
    };
    dims.splice(dims.indexOf(keyDim), 1);
  }
}

/** Ratios and shares: one count over another, or the rows matching a filter over all rows. */
function shareOrRatio(d: Draft, percent: boolean): void {
  const { measures, where } = d;
  const cond = where.find((w) => w.kind !== 'date' && w.kind !== 'compare');
  if (
    measures.length >= 2 &&
    measures[0].kind === 'count' &&
    measures[1].kind === 'count' &&
    measures[0].table !== measures[1].table
  ) {
    measures.splice(0, 2, {
      kind: 'tableRatio',
      numerator: measures[0].table,
      denominator: measures[1].table,
      percent,
    });
  } else if (cond) {
    const table = measures[0]
      ? (measureTable(measures[0]) ?? condTable(cond))
      : (d.entities[0]?.table ?? condTable(cond));
    if (table) {
      where.splice(where.indexOf(cond), 1);
      const replaced = measures.length > 0 && measures[0].kind === 'count' ? 1 : 0;
      measures.splice(0, replaced, { kind: 'share', table, condition: cond, percent });
    }
  }
}

/** The FROM table: what is measured, else the first entity, column, filter or grouping named. */
function baseTable(d: Draft): TableInfo | undefined {
  return (
    (d.measures[0] && measureTable(d.measures[0])) ??
    d.entities[0]?.table ??
    d.columns[0]?.column.table ??
    d.where.map(condTable).find(Boolean) ??
    d.dims.map(dimTable).find(Boolean)
  );
}

/**
 * Dates: the date column mentioned near the phrase, else the base table's event time. Returns the
 * date columns a date phrase or a time bucket used up (a listing does not show them again).
 */
function attachDates(d: Draft, base: TableInfo): Set<ColumnInfo> {
  const mentionedDates = d.columns.filter((c) => isTemporal(c.column));
  const usedColumns = new Set<ColumnInfo>();
  for (const date of d.dates) {
    // Sorted in place: a bucket below takes the date column nearest the last date phrase.
    const near = mentionedDates.sort(distanceTo(date.at))[0];
    const column = near?.column ?? pickDateColumn(base, d.catalog);
    if (!column) {
      d.notes.push('no-date-column');
      continue;
    }
    d.where.push({ kind: 'date', column, range: date.range });
    usedColumns.add(column);
  }
  for (const bucket of d.buckets) {
    const column = mentionedDates[0]?.column ?? pickDateColumn(base, d.catalog);
    if (column) d.dims.unshift({ kind: 'column', column, bucket });
    if (column) usedColumns.add(column);
  }
  return usedColumns;
}

function draftPlan(d: Draft, base: TableInfo): Plan {
  const { measures, dims, where } = d;
  // "average number of messages per channel": average of per-group counts.
  let averageOver: Dimension | undefined;
  if (d.notes.includes('avg-per') && dims.length === 1 && measures.length === 1 && measures[0].kind === 'count') {
    averageOver = dims.pop();
  }
  const plan: Plan = { base, measures, dims, where, having: d.having, select: [], distinct: false, averageOver };
  // A table the question names but nothing else uses still restricts the rows ("dogs that went through
  // a treatment"): it is joined, so only rows with a partner count.
  // Not under a negation: "professionals who did not treat any dogs" must not join dogs.
  const negated = where.some((w) => w.kind === 'absent' || ('negate' in w && w.negate));
  const required = d.entities
    .filter((e) => (e.require || (measures.length > 0 && !e.context && !negated)) && e.table !== base)
    .map((e) => e.table);
  if (required.length > 0) plan.require = [...new Set(required)];
  return plan;
}

function orderAggregate(d: Draft, plan: Plan): void {
  const { dims, rank, sortBy } = d;
  const sortDim = sortBy ? dims.find((dim) => dim.kind === 'column' && dim.column === sortBy.column) : undefined;
  if (!rank && sortDim && sortBy) plan.order = { target: 'dim', dir: sortBy.dir };
  else if (!rank && d.sortDir) plan.order = { target: 'measure', dir: d.sortDir };
  else if (rank)
    plan.order = {
      target: 'measure',
      dir: rank.dir,
      limit: dims.length > 0 || rank.limit !== 1 ? rank.limit : undefined,
    };
  else if (dims.length > 0)
    plan.order =
      dims.length > 1 || dims.some((dim) => dim.kind === 'column' && dim.bucket)
        ? { target: 'dim', dir: 'ASC' }
        : { target: 'measure', dir: 'DESC' };
}
