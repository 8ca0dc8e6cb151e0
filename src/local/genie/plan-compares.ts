/** Finishing step for comparisons ("older than 20", "more than 1000 messages", "below average"). */
import type { ColumnInfo } from './catalog.js';
import { closestDimension, measureTable, tableDim } from './plan-helpers.js';
import type { Compare, Draft } from './plan-state.js';

/** Orders mentions by their distance from item `at`. */
export const distanceTo =
  (at: number) =>
  (a: { at: number }, b: { at: number }): number =>
    Math.abs(a.at - at) - Math.abs(b.at - at);

/** A comparison filters a number column it names or stands near; otherwise the count is compared (HAVING). */
export function attachCompare(d: Draft, cmp: Compare): void {
  const { where, filtered } = d;
  const used = { entities: d.entities, measures: d.measures, columns: d.readColumns };
  const dimColumn = cmp.dim ? closestDimension(cmp.dim, d.catalog, used) : undefined;
  if (dimColumn) {
    // "older than 20": the comparative names the column (age).
    where.push({ kind: 'compare', column: dimColumn, op: cmp.op, value: cmp.value, against: cmp.against });
    filtered.add(dimColumn);
    return;
  }
  const numbers = d.columns.filter((c) => c.column.type === 'number' && !c.column.isKey).sort(distanceTo(cmp.at));
  if (cmp.against) {
    // "treatments that cost below average": the number column named nearest the comparison.
    const column = numbers[0]?.column;
    if (column) {
      where.push({ kind: 'compare', column, op: cmp.op, value: cmp.value, against: cmp.against });
      filtered.add(column);
    } else d.notes.push('compare-unattached');
    return;
  }
  const numeric = numbers[0];
  if (numeric && Math.abs(numeric.at - cmp.at) <= 3) {
    where.push({ kind: 'compare', column: numeric.column, op: cmp.op, value: cmp.value });
    filtered.add(numeric.column);
    return;
  }
  compareCount(d, cmp, numeric?.column);
}

/** "channels with more than 1000 messages": the comparison is on a count, grouped by an entity. */
function compareCount(d: Draft, cmp: Compare, numeric: ColumnInfo | undefined): void {
  const { measures, dims, entities } = d;
  const entity = entities.filter((e) => e.table !== measureTable(measures[0])).sort(distanceTo(cmp.at))[0];
  const having = { measure: 0, op: cmp.op, value: cmp.value };
  if (measures.length > 0 && dims.length > 0) {
    d.having.push(having);
  } else if (entity && measures.length === 0) {
    // Group by the other entity, compare the count of this one.
    const grouped = entities.find((e) => e !== entity);
    measures.push({ kind: 'count', table: entity.table });
    if (grouped) {
      // "the id, name and age of visitors who visited more than once": group by the columns asked.
      const asked = d.columns.filter((c) => !c.implied && c.column.table === grouped.table).map((c) => c.column);
      const dim = tableDim(grouped.table);
      if (asked.length > 0) for (const column of asked) dims.push({ kind: 'column', column });
      else if (dim) dims.push(dim);
    }
    d.having.push(having);
  } else if (measures.length > 0 && entity) {
    const dim = tableDim(entity.table);
    if (dim) dims.push(dim);
    d.having.push(having);
  } else if (numeric) {
    d.where.push({ kind: 'compare', column: numeric, op: cmp.op, value: cmp.value });
  } else {
    d.notes.push('compare-unattached');
  }
}
