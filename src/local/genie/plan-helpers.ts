/** Small readings the planner and finishPlan share: plurals, join-based existence, tables of plan parts. */
import type { Catalog, ColumnInfo, TableInfo } from './catalog.js';
import type { Candidate, Item } from './linker.js';
import { dimensionColumns } from './linker.js';
import type { Target } from './lexicon.js';
import type { Condition, Dimension, Measure } from './plan.js';
import type { PlanColumnMention, PlanEntity } from './plan-state.js';
import { isFanOut } from './join-graph.js';

export const isTemporal = (c: ColumnInfo): boolean => c.type === 'date' || c.type === 'timestamp';

/** A mention of a table written in the plural ("mountains"): the rows a ranking orders, not one of them. */
export function pluralTable(item: Item | undefined): boolean {
  return item?.type === 'mention' && item.candidates[0]?.target.kind === 'table' && pluralText(item.text);
}

export function pluralText(text: string): boolean {
  return /[a-z]s$/i.test(text) && !/(ss|us|is)$/i.test(text);
}

/** Ranking words that count ("the most dogs") rather than describe ("the highest mountains"). */
export const QUANTITY_RANKS = new Set(['most', 'the most', 'least', 'fewest', '가장 많은', '가장 적은']);

/** A join spec links the two tables with `child` on its many side. */
export function hasChildRows(parent: TableInfo, child: TableInfo, catalog: Catalog): boolean {
  return catalog.joins.some(
    (e) =>
      ((e.left === parent && e.right === child) || (e.right === parent && e.left === child)) &&
      isFanOut(e, parent, child),
  );
}

/**
 * The table whose rows say `parent` has `named`: `named` itself when it points at `parent`, or a
 * link table between them ("museums with no visitor": rows of visit, which points at both).
 */
export function childRowsOf(parent: TableInfo, named: TableInfo, catalog: Catalog): TableInfo | undefined {
  if (hasChildRows(parent, named, catalog)) return named;
  const links = catalog.tables.filter(
    (t) => t !== parent && t !== named && hasChildRows(parent, t, catalog) && hasChildRows(named, t, catalog),
  );
  return links.length === 1 ? links[0] : undefined;
}

export function dimKey(d: Dimension): string {
  return d.kind === 'snippet' ? d.snippet.id : `${d.column.table.identifier}.${d.column.name}.${d.bucket ?? ''}`;
}

export function tableOf(t: Target): TableInfo {
  return t.kind === 'table' ? t.table : t.kind === 'snippet' ? t.snippet.tables[0] : t.column.table;
}

/** Tables named without ambiguity in the question (a mention whose best candidate is unique). */
export function tablesNamed(items: Item[]): Set<TableInfo> {
  const out = new Set<TableInfo>();
  for (const item of items) {
    if (item.type !== 'mention') continue;
    const [first, second] = item.candidates;
    if (first && (!second || second.weight < first.weight) && tableOf(first.target)) out.add(tableOf(first.target));
  }
  return out;
}

/** Among equally strong candidates, prefer one on a table the question names elsewhere ("name" of the stadium). */
export function preferContext(candidates: Candidate[], context: Set<TableInfo>): Candidate[] {
  const top = candidates[0]?.weight ?? 0;
  const tied = candidates.filter((c) => c.weight === top);
  if (tied.length < 2) return candidates;
  const inContext = tied.filter((c) => context.has(tableOf(c.target)));
  if (inContext.length === 0 || inContext.length === tied.length) return candidates;
  return [...inContext, ...candidates.filter((c) => !inContext.includes(c))];
}

export function uniqueColumns(list: ColumnInfo[]): ColumnInfo[] {
  return [...new Set(list)];
}

export function tableDim(table: TableInfo): Dimension | undefined {
  const col = table.label ?? table.key;
  return col ? { kind: 'column', column: col } : undefined;
}

export function dimTable(d: Dimension): TableInfo | undefined {
  return d.kind === 'column' ? d.column.table : d.snippet.tables[0];
}

export function condTable(c: Condition): TableInfo | undefined {
  return c.kind === 'snippet' ? c.snippet.tables[0] : c.kind === 'absent' ? c.parent : c.column.table;
}

export function measureTable(m: Measure | undefined): TableInfo | undefined {
  if (!m) return undefined;
  switch (m.kind) {
    case 'count':
    case 'share':
      return m.table;
    case 'agg':
      return m.column.table;
    case 'snippet':
      return m.snippet.tables[0];
    case 'tableRatio':
      return m.numerator;
  }
}

/** A table whose rows point at `table` (the many side of a join): what "the most" of an entity counts. */
export function factFor(table: TableInfo, catalog: Catalog): TableInfo | undefined {
  const facts: TableInfo[] = [];
  for (const j of catalog.joins) {
    if (j.right === table && table.key?.name === j.rightColumn) facts.push(j.left);
    if (j.left === table && table.key?.name === j.leftColumn) facts.push(j.right);
  }
  // Several tables point here: the most connected one is the central fact table.
  const degree = (t: TableInfo): number => catalog.joins.filter((j) => j.left === t || j.right === t).length;
  return facts.sort((a, b) => degree(b) - degree(a))[0];
}

/** The number column a ranking orders by: one an adjective implied, else the one named nearest the ranking word. */
export function rankingColumn(columns: PlanColumnMention[], at: number): ColumnInfo | undefined {
  const implied = columns.find((c) => c.implied);
  if (implied) return implied.column;
  const numeric = columns.filter((c) => c.column.type === 'number' && !c.column.isKey);
  return numeric.sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0]?.column;
}

/** The column a comparative's dimension names, preferring tables the question already uses. */
export function closestDimension(
  dim: string,
  catalog: Catalog,
  used: { entities: PlanEntity[]; measures: Measure[]; columns: PlanColumnMention[] },
): ColumnInfo | undefined {
  const candidates = dimensionColumns(dim, catalog);
  const tables = new Set<TableInfo>([
    ...used.entities.map((e) => e.table),
    ...used.measures.map(measureTable).filter((t): t is TableInfo => !!t),
    ...used.columns.map((c) => c.column.table),
  ]);
  return candidates.find((c) => tables.has(c.table)) ?? candidates[0];
}
