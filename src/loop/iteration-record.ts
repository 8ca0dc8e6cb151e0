/** One iteration of the enhancement loop as the PR body and the lessons record it. */
import type { Operation } from 'fast-json-patch';
import type { Fix } from '../fixes/fix-types.js';
import type { Outcome } from './lessons.js';
import type { SplitCounts } from './acceptance.js';

export interface TriedFix {
  fix: Fix;
  key: string;
  ops: Operation[];
  outcome?: Outcome;
}

export interface IterationRecord {
  index: number;
  accepted: boolean;
  reason: string;
  before: SplitCounts;
  after: SplitCounts;
  /** Fixes kept in the config by this iteration. */
  applied: TriedFix[];
  /** Fixes that were invalid, conflicting, or rolled back, with why. */
  rejected: { fix: Fix; key: string; reason: string }[];
  /** The patch from the config before this iteration to the one after (empty when rejected). */
  patch: Operation[];
  /** Questions that passed before this iteration and fail after it (empty when it was rolled back). */
  regressions: string[];
  /** When rolled back: the questions the rejected candidate broke. */
  candidateRegressions?: string[];
  /** Questions that failed before this iteration and pass after it. */
  fixed: string[];
  notes: string[];
  /** Screening only: candidate configs screened, and whether `after` is a full scoring or a screened prediction. */
  screened?: { candidates: number; confirmed: boolean };
  /** Fixes proposed but never judged, because the budget ran out first. */
  untried?: string[];
}
