/** What the planner gathers from a question's items and hands to finishPlan (plan-finish.ts). */
import type { Catalog, ColumnInfo, TableInfo } from './catalog.js';
import type { DateRange } from './dates.js';
import type { Item } from './linker.js';
import type { Target } from './lexicon.js';
import type { Condition, Dimension, Measure, Plan } from './plan.js';
import type { CompareOp } from './quantities.js';
import type { TimeGrain } from './vocabulary.js';

export interface PlanChoice {
  /** Target chosen for each mention, by item index (the noise knob may pick a second-best). */
  pick: (itemIndex: number, candidates: Target[]) => Target;
}

export interface PlanOutcome {
  plan?: Plan;
  clarify?: string;
  notes: string[];
}

export type Agg = 'count' | 'sum' | 'avg' | 'min' | 'max';
export interface Entity {
  table: TableInfo;
  at: number;
  context?: boolean;
  /** Named in a relative clause ("students who have a pet"): joined so its rows must exist, not listed. */
  require?: boolean;
}
export interface ColumnMention {
  column: ColumnInfo;
  at: number;
  /** Implied by an adjective ("the youngest" -> age): ranks or compares, is not asked for. */
  implied?: boolean;
  /** Named in the plural ("names", "record companies"). */
  plural?: boolean;
}

export interface State {
  catalog: Catalog;
  items: Item[];
  notes: string[];
  measures: Measure[];
  measureAt: number[];
  dims: Dimension[];
  buckets: TimeGrain[];
  where: Condition[];
  entities: Entity[];
  columns: ColumnMention[];
  dates: Array<{ range: DateRange; at: number }>;
  compares: Array<{ op: CompareOp; value: number; at: number; end: number; dim?: string; against?: 'avg' }>;
  rank?: { dir: 'DESC' | 'ASC'; limit?: number; at: number };
  ratio?: { percent: boolean; at: number };
  byMeasure: boolean;
  pendingAgg?: Agg;
  distinctList: boolean;
  askedDims: Set<Dimension>;
  temporal?: { dir: 'DESC' | 'ASC'; at: number };
  sortBy?: { column: ColumnInfo; dir: 'ASC' | 'DESC' };
  sortDir?: 'ASC' | 'DESC';
}

export type { State as PlanState, Entity as PlanEntity, ColumnMention as PlanColumnMention };
