/**
 * Second half of planning: once every mention has a role, settle the base
 * table, default measures, comparisons, date columns, ratios and ordering.
 */
import type { ColumnInfo, TableInfo } from './catalog.js';
import type { Dimension, Plan } from './plan.js';
import type { PlanOutcome, PlanState } from './plan-state.js';
import { dimensionColumns } from './linker.js';
import { pickDateColumn } from './date-column.js';
import {
  closestDimension,
  condTable,
  dimTable,
  factFor,
  isTemporal,
  measureTable,
  rankingColumn,
  tableDim,
  uniqueColumns,
} from './plan-helpers.js';

export function finishPlan(s: PlanState): PlanOutcome {
  const { notes } = s;
  const measures = s.measures;
  const dims = s.dims;
  const where = s.where;
  const having: Plan['having'] = [];
  const entities = [...s.entities];
  const columns = [...s.columns];
  const filtered = new Set<ColumnInfo>();

  // Left-over aggregate words with a table but no column.
  if (measures.length === 0 && (s.pendingAgg === 'max' || s.pendingAgg === 'min')) {
    const e = entities.find((x) => !x.context) ?? entities[0];
    const col = e ? pickDateColumn(e.table, s.catalog) : undefined;
    if (e && col) measures.push({ kind: 'agg', fn: s.pendingAgg === 'max' ? 'MAX' : 'MIN', column: col });
  }
  if (measures.length === 0 && s.pendingAgg === 'avg' && entities.length > 0) notes.push('avg-per');

  // "What are the names of conductors whose ...": a question word asked for columns and nothing is
  // aggregated, ranked or compared as a count, so it is a listing of those columns, not a grouping.
  const comparesFilter = s.compares.every(
    (cmp) =>
      (cmp.dim !== undefined && dimensionColumns(cmp.dim, s.catalog).length > 0) ||
      (cmp.against !== undefined && columns.some((c) => c.column.type === 'number' && !c.column.isKey)) ||
      columns.some((c) => c.column.type === 'number' && !c.column.isKey && Math.abs(c.at - cmp.at) <= 3),
  );
  if (s.temporal && measures.length === 0 && !s.rank) {
    // "the most recent treatment": rank its rows by their date column.
    const table = columns[0]?.column.table ?? entities[0]?.table;
    const date = columns.find((c) => isTemporal(c.column))?.column ?? (table && pickDateColumn(table, s.catalog));
    if (date) {
      columns.push({ column: date, at: s.temporal.at, implied: true });
      s.rank = { dir: s.temporal.dir, limit: 1, at: s.temporal.at };
    }
  }

  // "the city with the highest population", "the youngest dog": a ranking along a number column
  // the question names orders the rows by it; nothing is counted.
  const rankColumn = s.rank ? rankingColumn(columns, s.rank.at) : undefined;
  if (rankColumn && measures.length === 1 && measures[0].kind === 'count' && measures[0].distinct === rankColumn) {
    // "the greatest number of years": the number is the column's own value.
    measures.pop();
  }
  const byColumn = rankColumn !== undefined && measures.length === 0 && !s.pendingAgg && !s.ratio;
  if (
    measures.length === 0 &&
    !s.pendingAgg &&
    (!s.rank || byColumn) &&
    !s.ratio &&
    s.buckets.length === 0 &&
    comparesFilter &&
    (dims.length > 0 || byColumn) &&
    dims.every(
      (d) =>
        d.kind === 'column' &&
        (!d.bucket || d.bucket === 'day') &&
        // "the song names by singers": a "by" on the table the asked columns come from names their owner.
        (s.askedDims.has(d) || [...s.askedDims].some((a) => a.kind === 'column' && a.column.table === d.column.table)),
    )
  ) {
    for (const d of dims.splice(0)) if (d.kind === 'column') columns.push({ column: d.column, at: -1 });
    columns.sort((a, b) => a.at - b.at);
    // The tables named besides only qualify the rows ("organizations that have authors who ...",
    // "countries that have both lakes and rivers"): joined so partner rows exist, not listed.
    const listed = new Set(columns.map((c) => c.column.table));
    for (let k = 0; k < entities.length; k++)
      entities[k] = listed.has(entities[k].table)
        ? { ...entities[k], context: true }
        : { ...entities[k], require: true };
  }

  // No explicit measure: count something, chosen from what the question names.
  if (
    measures.length === 0 &&
    ((s.rank && !byColumn) ||
      dims.length > 0 ||
      s.buckets.length > 0 ||
      s.pendingAgg === 'count' ||
      s.pendingAgg === 'avg' ||
      s.ratio)
  ) {
    const dimTables = new Set(dims.map(dimTable).filter(Boolean));
    const firstWhere = where.map(condTable).find(Boolean);
    // A table word that only named a value's kind is not what is counted when a filter on another table came first.
    void dimTables;
    const free = entities.filter((e) => !(e.context && firstWhere && e.table !== firstWhere));
    let counted: TableInfo | undefined;
    if (s.rank && dims.length === 0 && s.buckets.length === 0 && free.length >= 1 && s.pendingAgg !== 'count') {
      // "the busiest channel", "메시지가 가장 많은 채널": rank the entity that has a name, count the other (or its facts).
      const ranked = free.find((e) => e.table.label && !e.context) ?? free[0];
      const d = tableDim(ranked.table);
      if (d) dims.push(d);
      entities.splice(entities.indexOf(ranked), 1);
      const other = free.find((e) => e !== ranked && !e.context) ?? free.find((e) => e !== ranked);
      counted = other?.table ?? factFor(ranked.table, s.catalog) ?? ranked.table;
      if (other) entities.splice(entities.indexOf(other), 1);
    } else if (free.length > 0) {
      const pick = free.find((e) => dims.some((d) => dimTable(d) === e.table)) ?? free[0];
      counted = pick.table;
      entities.splice(entities.indexOf(pick), 1);
    } else {
      const from = firstWhere ?? dims.map(dimTable).find(Boolean) ?? columns[0]?.column.table ?? entities[0]?.table;
      counted =
        from && dims.length > 0 && dimTable(dims[0]) === from && !where.some((w) => condTable(w) === from)
          ? (factFor(from, s.catalog) ?? from)
          : from;
    }
    if (counted) measures.push({ kind: 'count', table: counted });
  }

  // "the most recently opened channel": a MIN/MAX of an entity's own column ranks that entity.
  const only = measures[0];
  const owner =
    only?.kind === 'agg' && (only.fn === 'MAX' || only.fn === 'MIN')
      ? entities.find((e) => !e.context && e.table === only.column.table && e.table.label)
      : undefined;
  // "가장 최근에 개설된 채널은 어디야?": the text column asked beside the time names the row.
  const ownerColumn =
    only?.kind === 'agg' && (only.fn === 'MAX' || only.fn === 'MIN') && isTemporal(only.column) && !owner
      ? [...columns, ...[...s.askedDims].flatMap((d) => (d.kind === 'column' ? [{ column: d.column, at: -1 }] : []))]
          .map((c) => c.column)
          .find((c) => c.table === only.column.table && c.type === 'string')
      : undefined;
  if (
    measures.length === 1 &&
    only?.kind === 'agg' &&
    (owner || ownerColumn) &&
    dims.filter((d) => !s.askedDims.has(d)).length === 0 &&
    s.buckets.length === 0
  ) {
    const plan: Plan = {
      base: only.column.table,
      measures: [],
      dims: [],
      where,
      having: [],
      select: [(owner?.table.label ?? ownerColumn) as ColumnInfo, only.column],
      distinct: false,
      order: { target: only.column, dir: only.fn === 'MAX' ? 'DESC' : 'ASC', limit: s.rank?.limit ?? 1 },
    };
    return { plan, notes };
  }

  // A ranking over entities with no explicit dimension: rank the remaining entity.
  if (s.rank && measures.length > 0 && dims.length === 0 && s.buckets.length === 0) {
    const mTable = measureTable(measures[0]);
    const other = entities.find((e) => e.table !== mTable);
    if (other) {
      const d = tableDim(other.table);
      if (d) dims.push(d);
      entities.splice(entities.indexOf(other), 1);
    }
  }

  // Comparisons: a numeric column nearby is filtered; otherwise the count is compared (HAVING).
  for (const cmp of s.compares) {
    const dimColumn = cmp.dim ? closestDimension(cmp.dim, s, entities, measures) : undefined;
    if (dimColumn) {
      // "older than 20": the comparative names the column (age).
      where.push({ kind: 'compare', column: dimColumn, op: cmp.op, value: cmp.value, against: cmp.against });
      filtered.add(dimColumn);
      continue;
    }
    if (cmp.against) {
      // "treatments that cost below average": the number column named nearest the comparison.
      const column = columns
        .filter((c) => c.column.type === 'number' && !c.column.isKey)
        .sort((a, b) => Math.abs(a.at - cmp.at) - Math.abs(b.at - cmp.at))[0]?.column;
      if (column) {
        where.push({ kind: 'compare', column, op: cmp.op, value: cmp.value, against: cmp.against });
        filtered.add(column);
      } else notes.push('compare-unattached');
      continue;
    }
    const numeric = columns
      .filter((c) => c.column.type === 'number' && !c.column.isKey)
      .sort((a, b) => Math.abs(a.at - cmp.at) - Math.abs(b.at - cmp.at))[0];
    const near = numeric && Math.abs(numeric.at - cmp.at) <= 3;
    if (near && numeric) {
      where.push({ kind: 'compare', column: numeric.column, op: cmp.op, value: cmp.value });
      filtered.add(numeric.column);
      continue;
    }
    const entity = entities
      .filter((e) => e.table !== measureTable(measures[0]))
      .sort((a, b) => Math.abs(a.at - cmp.at) - Math.abs(b.at - cmp.at))[0];
    if (measures.length > 0 && dims.length > 0) {
      having.push({ measure: 0, op: cmp.op, value: cmp.value });
    } else if (entity && measures.length === 0) {
      // "channels with more than 1000 messages": group by the other entity, compare the count.
      const grouped = entities.find((e) => e !== entity);
      measures.push({ kind: 'count', table: entity.table });
      if (grouped) {
        // "the id, name and age of visitors who visited more than once": group by the columns asked.
        const asked = columns.filter((c) => !c.implied && c.column.table === grouped.table).map((c) => c.column);
        const d = tableDim(grouped.table);
        if (asked.length > 0) for (const column of asked) dims.push({ kind: 'column', column });
        else if (d) dims.push(d);
      }
      having.push({ measure: 0, op: cmp.op, value: cmp.value });
    } else if (measures.length > 0 && entity) {
      const d = tableDim(entity.table);
      if (d) dims.push(d);
      having.push({ measure: 0, op: cmp.op, value: cmp.value });
    } else if (numeric) {
      where.push({ kind: 'compare', column: numeric.column, op: cmp.op, value: cmp.value });
    } else {
      notes.push('compare-unattached');
    }
  }

  // "the names of high schoolers and their number of friends": text columns asked beside an aggregate
  // and no grouping are what it is grouped by.
  if (measures.length > 0 && dims.length === 0 && s.buckets.length === 0 && !s.ratio) {
    const valueFiltered = new Set(where.flatMap((w) => (w.kind === 'value' ? [w.column] : [])));
    const asked = columns.filter(
      (c) =>
        !c.implied &&
        // Plural ("the names of ..."), or what a ranking ranks ("the code of the airport with the least flights").
        (c.plural || s.rank !== undefined) &&
        c.column.type === 'string' &&
        !filtered.has(c.column) &&
        !valueFiltered.has(c.column),
    );
    if (asked.length > 0) for (const c of asked) dims.push({ kind: 'column', column: c.column });
  }

  // "reactions per message": a dimension on a table without a label, counted against another table.
  const keyDim = dims.find((d) => d.kind === 'column' && d.column.isKey && !d.column.table.label);
  if (
    keyDim &&
    keyDim.kind === 'column' &&
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

  // Ratios and shares.
  if (s.ratio) {
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
        percent: s.ratio.percent,
      });
    } else if (cond) {
      const table = measures[0]
        ? (measureTable(measures[0]) ?? condTable(cond))
        : (entities[0]?.table ?? condTable(cond));
      if (table) {
        where.splice(where.indexOf(cond), 1);
        measures.splice(0, measures.length > 0 && measures[0].kind === 'count' ? 1 : 0, {
          kind: 'share',
          table,
          condition: cond,
          percent: s.ratio.percent,
        });
      }
    }
  }

  // Listing: no aggregate at all.
  const base =
    (measures[0] && measureTable(measures[0])) ??
    entities[0]?.table ??
    columns[0]?.column.table ??
    where.map(condTable).find(Boolean) ??
    dims.map(dimTable).find(Boolean);
  if (!base)
    return {
      clarify: 'Which data do you mean? I could not match any table, column or measure of this space to the question.',
      notes,
    };

  // Dates: the date column mentioned near the phrase, else the base table's event time.
  const mentionedDates = columns.filter((c) => isTemporal(c.column));
  // Date columns that a date phrase or a time bucket used up (a listing does not show them again).
  const usedColumns = new Set<ColumnInfo>();
  for (const d of s.dates) {
    const near = mentionedDates.sort((a, b) => Math.abs(a.at - d.at) - Math.abs(b.at - d.at))[0];
    const column = near?.column ?? pickDateColumn(base, s.catalog);
    if (!column) {
      notes.push('no-date-column');
      continue;
    }
    where.push({ kind: 'date', column, range: d.range });
    usedColumns.add(column);
  }
  for (const bucket of s.buckets) {
    const column = mentionedDates[0]?.column ?? pickDateColumn(base, s.catalog);
    if (column) dims.unshift({ kind: 'column', column, bucket });
    if (column) usedColumns.add(column);
  }

  // "average number of messages per channel": average of per-group counts.
  let averageOver: Dimension | undefined;
  if (s.notes.includes('avg-per') && dims.length === 1 && measures.length === 1 && measures[0].kind === 'count') {
    averageOver = dims.pop();
  }

  const plan: Plan = { base, measures, dims, where, having, select: [], distinct: false, averageOver };
  // A table the question names but nothing else uses still restricts the rows ("dogs that went through
  // a treatment"): it is joined, so only rows with a partner count.
  // Not under a negation: "professionals who did not treat any dogs" must not join dogs.
  const negated = where.some((w) => w.kind === 'absent' || ('negate' in w && w.negate));
  const required = entities
    .filter((e) => (e.require || (measures.length > 0 && !e.context && !negated)) && e.table !== base)
    .map((e) => e.table);
  if (required.length > 0) plan.require = [...new Set(required)];
  if (measures.length === 0) {
    // The column a ranking implied ("the longest rivers" -> length) is shown after the asked ones.
    const asked = [...columns.filter((c) => !c.implied), ...columns.filter((c) => c.implied)];
    const named = asked.map((c) => c.column).filter((c) => !usedColumns.has(c) || asked.length === 1);
    const shown = named.filter((c) => !filtered.has(c)).length > 0 ? named.filter((c) => !filtered.has(c)) : named;
    const entityLabels = entities
      .filter((e) => !e.context && !e.require)
      .map((e) => e.table.label ?? e.table.key)
      .filter((c): c is ColumnInfo => !!c);
    plan.select = uniqueColumns(
      s.distinctList && shown.length > 0 ? shown : [...entityLabels.filter((c) => !shown.includes(c)), ...shown],
    );
    if (plan.select.length === 0) plan.select = [base.label ?? base.key ?? base.columns[0]].filter(Boolean);
    plan.distinct = s.distinctList || (entities.length === 0 && shown.length > 0);
    const orderBy = s.rank
      ? (rankingColumn(columns, s.rank.at) ?? columns.find((c) => isTemporal(c.column))?.column)
      : undefined;
    if (s.rank && orderBy) plan.order = { target: orderBy, dir: s.rank.dir, limit: s.rank.limit };
    // "sorted by their earnings descending", "in alphabetical order": order the listing.
    else if (s.sortBy) plan.order = { target: s.sortBy.column, dir: s.sortBy.dir };
    else if (s.sortDir && plan.select[0]) plan.order = { target: plan.select[0], dir: s.sortDir };
    return { plan, notes };
  }
  const sortDim = s.sortBy ? dims.find((d) => d.kind === 'column' && d.column === s.sortBy?.column) : undefined;
  if (!s.rank && sortDim && s.sortBy) plan.order = { target: 'dim', dir: s.sortBy.dir };
  else if (!s.rank && s.sortDir) plan.order = { target: 'measure', dir: s.sortDir };
  else if (s.rank)
    plan.order = {
      target: 'measure',
      dir: s.rank.dir,
      limit: dims.length > 0 || s.rank.limit !== 1 ? s.rank.limit : undefined,
    };
  else if (dims.length > 0)
    plan.order =
      dims.length > 1 || dims.some((d) => d.kind === 'column' && d.bucket)
        ? { target: 'dim', dir: 'ASC' }
        : { target: 'measure', dir: 'DESC' };
  return { plan, notes };
}
