/**
 * The PR score check's verdict, pure: the head score against `min-score`, and head against base
 * by the paired sequential test (adaptive-repeats.ts). A drop fails the check only when it is
 * statistically significant *and* its estimate exceeds `max-regression`; a difference that is
 * not significant is "no significant change", never a regression or an improvement.
 */
import type { Look } from './adaptive-repeats.js';
import type { Scorecard } from './scorecard.js';
import { pct } from '../util/percent.js';

export type GateVerdict =
  /** A significant drop beyond max-regression: the check fails. */
  | 'regression'
  /** The head score is below min-score: the check fails. */
  | 'below-min'
  /** Too little evidence to judge (e.g. too many errored questions): neither passed nor failed on it. */
  | 'inconclusive'
  /** A significant gain. */
  | 'improvement'
  /** A significant drop that max-regression allows (or no max-regression is set). */
  | 'within-tolerance'
  | 'no-significant-change'
  /** No base to compare with (a new space). */
  | 'no-base';

export interface GateSettings {
  minScore?: number;
  /** Largest allowed drop, a fraction; undefined means drops are reported, never failed. */
  maxRegression?: number;
  confidence: number;
}

export interface GateResult {
  verdict: GateVerdict;
  /** Why the check fails; empty when it does not. */
  failures: string[];
  /** One sentence for the comment and the log. */
  summary: string;
  /** The paired comparison's last look; undefined without a base. */
  comparison?: Look & { rounds: number; reasked: number };
}

const points = (x: number) => `${(Math.abs(x) * 100).toFixed(1)} points`;

/**
 * The one min-score rule of the CLI, the action and the PR check: a score (over answered
 * questions) under the minimum fails, with this message; `name` is how the caller spells the setting.
 */
export function minScoreFailure(score: number, minScore: number | undefined, name = 'min-score'): string | undefined {
  if (minScore === undefined || score >= minScore) return undefined;
  return `score ${pct(score)} is below ${name} ${pct(minScore)}`;
}

/** Formats a p-value for people: three significant digits, or a bound when tiny. */
export function formatP(p: number): string {
  if (p < 0.0001) return 'p < 0.0001';
  return `p = ${p < 0.01 ? p.toPrecision(2) : p.toFixed(3)}`;
}

/**
 * Decides the gate. `comparison` is the sequential test's last look with direction `worse`;
 * `inconclusive` is a reason to withhold the verdict (decided by the caller, e.g. too many
 * errored questions), which then overrides everything else.
 */
export function decideGate(input: {
  head: Scorecard;
  base?: Scorecard;
  comparison?: Look & { rounds: number; reasked: number };
  settings: GateSettings;
  inconclusive?: string;
}): GateResult {
  const { head, settings, comparison } = input;
  const failures: string[] = [];
  const score = head.totals.all.score;
  const belowMin = minScoreFailure(score, settings.minScore);
  if (belowMin) failures.push(`head ${belowMin}`);
  if (input.inconclusive !== undefined)
    return { verdict: 'inconclusive', failures: [], summary: `Inconclusive: ${input.inconclusive}.`, comparison };
  if (!input.base || !comparison) {
    return {
      verdict: belowMin ? 'below-min' : 'no-base',
      failures,
      summary: belowMin ? `${failures[0]}.` : 'No base to compare with.',
      comparison,
    };
  }
  const { test } = comparison;
  const interval = `${intervalLevel(test.confidence)} interval ${signedPoints(test.interval.low)} to ${signedPoints(test.interval.high)}`;
  const estimate = `${signedPoints(test.estimate)} (${interval}, one-sided ${formatP(test.pWorse)})`;
  const significantDrop = test.pWorse <= comparison.bound * (1 + 1e-9) && test.estimate < 0;
  const tolerance = settings.maxRegression;
  if (significantDrop && tolerance !== undefined && comparison.effect > tolerance + 1e-9) {
    failures.unshift(
      `head is significantly worse than base: ${estimate}, a drop beyond max-regression ${points(tolerance)}`,
    );
    return { verdict: 'regression', failures, summary: `Regression: ${estimate}.`, comparison };
  }
  if (belowMin) return { verdict: 'below-min', failures, summary: `${failures[0]}.`, comparison };
  if (significantDrop) {
    const why = tolerance === undefined ? 'no max-regression is set' : `within max-regression ${points(tolerance)}`;
    return { verdict: 'within-tolerance', failures, summary: `Significant drop ${estimate}, ${why}.`, comparison };
  }
  const better = test.pBetter <= comparison.bound * (1 + 1e-9) && test.estimate > 0;
  if (better) {
    const up = `${signedPoints(test.estimate)} (${interval}, one-sided ${formatP(test.pBetter)})`;
    return { verdict: 'improvement', failures, summary: `Improvement: ${up}.`, comparison };
  }
  return { verdict: 'no-significant-change', failures, summary: `No significant change: ${estimate}.`, comparison };
}

/** An interval's confidence for people: 90.6%, 99.8%. */
export function intervalLevel(confidence: number): string {
  return `${Math.round(confidence * 1000) / 10}%`;
}

/** A fraction as signed percentage points: +2.5 pp, −3.0 pp. */
export function signedPoints(x: number): string {
  const d = Math.round(x * 1000) / 10;
  if (d === 0) return '±0.0 pp';
  return `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} pp`;
}
