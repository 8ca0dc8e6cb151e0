/**
 * The config's static quality (lint, 0..100) as a scorecard records it: computed by lint/, kept
 * here so the scorecard's types need nothing above scoring/.
 */
export type Severity = 'error' | 'warning' | 'info';

/** The score's categories (README "Lint checks" explains each). */
export const CATEGORIES = ['coverage', 'relationships', 'semantics', 'examples', 'limits'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CategoryScore {
  /** 0..100 after penalties. */
  score: number;
  /** The measure before penalties, 0..100. */
  measure: number;
  /** Points taken off by findings. */
  penalty: number;
}

export interface QualityScore {
  /** 0..100, the weighted mean of the categories. */
  score: number;
  categories: Record<Category, CategoryScore>;
  findings: Record<Severity, number>;
}
