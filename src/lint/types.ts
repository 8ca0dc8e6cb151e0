/** The shapes the static linter shares: checks, findings, the quality score and what the warehouse may add. */
import type { Benchmark } from '../benchmarks/types.js';
import type { WarehouseSchema } from '../ports.js';
import type { Space } from '../space/schema.js';

import type { Category, Severity } from '../scoring/quality-score.js';

export { CATEGORIES } from '../scoring/quality-score.js';
export type { Category, CategoryScore, QualityScore, Severity } from '../scoring/quality-score.js';

export interface Finding {
  /** The check's stable kebab-case id. */
  check: string;
  severity: Severity;
  category: Category;
  /** JSON path in the space file, e.g. `$.instructions.join_specs[2].sql`. */
  path: string;
  /** 1-based line in the space file, when the file text is known. */
  line?: number;
  message: string;
  /** What to do about it. */
  fix: string;
  /** How many benchmark questions touch what the finding is about (ranks findings; absent without benchmarks). */
  uses?: number;
}

/** A finding as a check produces it; the runner adds the check's id, severity and category. */
export type RawFinding = Omit<Finding, 'check' | 'severity' | 'category' | 'line'>;

/** Facts read from the warehouse with `--warehouse`; the pure core never queries anything itself. */
export interface ColumnStats {
  /** Distinct non-null values. */
  distinct: number;
  /** Rows in the table. */
  rows: number;
  /** Longest value as text, in characters. */
  maxLength?: number;
}

export interface WarehouseFacts {
  schema: WarehouseSchema;
  /** Keyed `<normalised table identifier>.<lowercase column>`. */
  stats: Map<string, ColumnStats>;
}

export interface LintInput {
  space: Space;
  /** Benchmarks of the space, when benchmarks/<space>.yml exists: they weight findings by use. */
  benchmarks?: readonly Benchmark[];
  warehouse?: WarehouseFacts;
}

export interface CheckDefinition<Ctx> {
  id: string;
  severity: Severity;
  category: Category;
  title: string;
  /**
   * True for a gap the category's measure already counts (a missing description, no examples): it
   * costs no extra points. Other findings cost points (see quality.ts).
   */
  measured?: boolean;
  /** `lint --fix` can repair it mechanically. */
  fixable?: boolean;
  /** Needs `--warehouse` facts; silent without them. */
  warehouse?: boolean;
  run(ctx: Ctx): RawFinding[];
}
