/** Finishing steps for a listing: a question that asks for columns and aggregates nothing. */
import type { ColumnInfo, TableInfo } from './catalog.js';
import type { Plan } from './plan.js';
import { isTemporal, rankingColumn, uniqueColumns } from './plan-helpers.js';
import type { Draft } from './plan-state.js';

/**
 * "What are the names of conductors whose ...": a question word asked for columns and nothing is
 * aggregated, ranked or compared as a count, so it is a listing of those columns, not a grouping.
 */
export function isListing(d: Draft, comparesFilter: boolean, byColumn: boolean): boolean {
  return (
    d.measures.length === 0 &&
    !d.pendingAgg &&
    (!d.rank || byColumn) &&
    !d.ratio &&
    d.buckets.length === 0 &&
    comparesFilter &&
    (d.dims.length > 0 || byColumn) &&
    d.dims.every(
      (dim) =>
        dim.kind === 'column' &&
        (!dim.bucket || dim.bucket === 'day') &&
        // "the song names by singers": a "by" on the table the asked columns come from names their owner.
        (d.askedDims.has(dim) ||
          [...d.askedDims].some((a) => a.kind === 'column' && a.column.table === dim.column.table)),
    )
  );
}

export function listAskedColumns(d: Draft): void {
  const { columns, entities } = d;
  for (const dim of d.dims.splice(0)) if (dim.kind === 'column') columns.push({ column: dim.column, at: -1 });
  columns.sort((a, b) => a.at - b.at);
  // The tables named besides only qualify the rows ("organizations that have authors who ...",
  // "countries that have both lakes and rivers"): joined so partner rows exist, not listed.
  const listed = new Set(columns.map((c) => c.column.table));
  for (let k = 0; k < entities.length; k++)
    entities[k] = listed.has(entities[k].table) ? { ...entities[k], context: true } : { ...entities[k], require: true };
}

/** No aggregate at all: the columns shown, and the order of the listing. */
export function selectListing(d: Draft, plan: Plan, base: TableInfo, usedColumns: Set<ColumnInfo>): void {
  const { columns, entities, filtered } = d;
  // The column a ranking implied ("the longest rivers" -> length) is shown after the asked ones.
  const asked = [...columns.filter((c) => !c.implied), ...columns.filter((c) => c.implied)];
  const named = asked.map((c) => c.column).filter((c) => !usedColumns.has(c) || asked.length === 1);
  const shown = named.filter((c) => !filtered.has(c)).length > 0 ? named.filter((c) => !filtered.has(c)) : named;
  const entityLabels = entities
    .filter((e) => !e.context && !e.require)
    .map((e) => e.table.label ?? e.table.key)
    .filter((c): c is ColumnInfo => !!c);
  plan.select = uniqueColumns(
    d.distinctList && shown.length > 0 ? shown : [...entityLabels.filter((c) => !shown.includes(c)), ...shown],
  );
  if (plan.select.length === 0) plan.select = [base.label ?? base.key ?? base.columns[0]].filter(Boolean);
  plan.distinct = d.distinctList || (entities.length === 0 && shown.length > 0);
  const orderBy = d.rank
    ? (rankingColumn(columns, d.rank.at) ?? columns.find((c) => isTemporal(c.column))?.column)
    : undefined;
  if (d.rank && orderBy) plan.order = { target: orderBy, dir: d.rank.dir, limit: d.rank.limit };
  // "sorted by their earnings descending", "in alphabetical order": order the listing.
  else if (d.sortBy) plan.order = { target: d.sortBy.column, dir: d.sortBy.dir };
  else if (d.sortDir && plan.select[0]) plan.order = { target: plan.select[0], dir: d.sortDir };
}
