/**
 * The values planning passes between its steps: the Reading the planner fills while it walks a
 * question's items (planner.ts, plan-markers.ts, plan-mentions.ts), the State it hands to
 * finishPlan (plan-finish.ts), and the Draft plan the finishing steps complete.
 */
import type { Catalog, ColumnInfo, TableInfo } from './catalog.js';
import type { DateRange } from './dates.js';
import type { Item } from './linker.js';
import type { Token } from './text.js';
import type { Target } from './lexicon.js';
import type { Condition, Dimension, Having, Measure, Plan } from './plan.js';
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

type Direction = 'ASC' | 'DESC';
export type Compare = { op: CompareOp; value: number; at: number; end: number; dim?: string; against?: 'avg' };
export type Rank = { dir: Direction; limit?: number; at: number };

/** The role the previous mention took, so the next word can revise it ("member counts", "plan and country"). */
export interface LastMention {
  kind: 'dim' | 'measure' | 'entity' | 'column' | 'where' | 'other';
  index: number;
  target: Target;
}

/** What the planner has read so far while it walks the items, left to right; each step reads and updates it. */
export interface Reading {
  catalog: Catalog;
  items: Item[];
  tokens: Token[];
  choice: PlanChoice;
  /** Tables named without ambiguity: preferred among equally strong candidates. */
  contextTables: Set<TableInfo>;
  notes: string[];
  measures: Measure[];
  /** Item index of each measure. */
  measureAt: number[];
  dims: Dimension[];
  /** Dimensions a "which"/"what" asked for; with nothing to aggregate they are a listing, not a grouping. */
  askedDims: Set<Dimension>;
  where: Condition[];
  entities: Entity[];
  columns: ColumnMention[];
  dates: Array<{ range: DateRange; at: number }>;
  compares: Compare[];
  buckets: TimeGrain[];
  pendingAgg?: Agg;
  /** "the average, minimum and maximum age": aggregates waiting for the column they share. */
  extraAggs: Agg[];
  lastMarkerAt: number;
  /** Where a relative clause starts ("members who ..."): tables named after it only qualify. */
  relativeFrom?: number;
  /** A bare "each"/"every" ("the weight of every pet") groups only when something is aggregated. */
  softBy: boolean;
  /** A ranking without a size ("the longest rivers", "from highest to lowest"): order only. */
  openRank: boolean;
  /** "sorted by their earnings descending": a sort phrase waiting for the column it orders by. */
  pendingSort?: { dir: Direction; at: number };
  sortBy?: { column: ColumnInfo; dir: Direction };
  sortDir?: Direction;
  /** "the most recent treatment": a time superlative, ranking by a date unless a date is what it aggregates. */
  temporal?: { dir: Direction; at: number };
  pendingDistinct: boolean;
  pendingBy?: 'by' | 'which';
  pendingNot: boolean;
  rank?: Rank;
  ratio?: { percent: boolean; at: number };
  byMeasure: boolean;
  /** "Which 3 countries ...": a small count next to a noun that sizes the ranking. */
  limitHint?: number;
  lastMention?: LastMention;
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
  compares: Compare[];
  rank?: Rank;
  ratio?: { percent: boolean; at: number };
  byMeasure: boolean;
  pendingAgg?: Agg;
  distinctList: boolean;
  askedDims: Set<Dimension>;
  temporal?: { dir: 'DESC' | 'ASC'; at: number };
  sortBy?: { column: ColumnInfo; dir: 'ASC' | 'DESC' };
  sortDir?: 'ASC' | 'DESC';
}

/** The plan under construction: the planner's State, with its own lists of entities and columns. */
export interface Draft extends State {
  having: Having[];
  /** Number columns a comparison filters (not shown or grouped again). */
  filtered: Set<ColumnInfo>;
  /** The columns as the planner read them, before finishing added implied ones (comparatives prefer their tables). */
  readColumns: ColumnMention[];
}

export type { State as PlanState, Entity as PlanEntity, ColumnMention as PlanColumnMention };
