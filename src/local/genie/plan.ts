/** The query plan: what the planner decides and the SQL builder writes. */
import type { ColumnInfo, SnippetInfo, TableInfo } from './catalog.js';
import type { DateRange } from './dates.js';
import type { CompareOp } from './quantities.js';
import type { TimeGrain } from './vocabulary.js';

export type Condition =
  | { kind: 'value'; column: ColumnInfo; values: string[]; negate: boolean }
  | { kind: 'compare'; column: ColumnInfo; op: CompareOp; value: number; against?: 'avg' }
  | { kind: 'bool'; column: ColumnInfo; negate: boolean }
  | { kind: 'snippet'; snippet: SnippetInfo; negate: boolean }
  | { kind: 'date'; column: ColumnInfo; range: DateRange }
  /** "members who never posted": no row of `child` points at the `parent` row (NOT EXISTS along a join spec). */
  | { kind: 'absent'; parent: TableInfo; child: TableInfo };

export type Measure =
  | { kind: 'count'; table: TableInfo; distinct?: ColumnInfo }
  | { kind: 'agg'; fn: 'SUM' | 'AVG' | 'MIN' | 'MAX'; column: ColumnInfo }
  | { kind: 'snippet'; snippet: SnippetInfo }
  /** count(rows matching cond) / count(rows), as a fraction or percentage. */
  | { kind: 'share'; table: TableInfo; condition: Condition; percent: boolean }
  /** count of one table over count of another, each over its whole table. */
  | { kind: 'tableRatio'; numerator: TableInfo; denominator: TableInfo; percent: boolean };

export type Dimension =
  { kind: 'column'; column: ColumnInfo; bucket?: TimeGrain } | { kind: 'snippet'; snippet: SnippetInfo };

export interface Having {
  measure: number;
  op: CompareOp;
  value: number;
}

export interface Plan {
  /** The FROM table. */
  base: TableInfo;
  measures: Measure[];
  dims: Dimension[];
  where: Condition[];
  having: Having[];
  /** Columns shown in a listing (no aggregation). */
  select: ColumnInfo[];
  /** Listing of distinct values only. */
  distinct: boolean;
  order?: { target: 'measure' | 'dim' | ColumnInfo; dir: 'ASC' | 'DESC'; limit?: number };
  /** Average of a per-group measure ("average messages per channel"). */
  averageOver?: Dimension;
  /** Tables joined only so that matching rows exist ("students who have a pet"). */
  require?: TableInfo[];
}
