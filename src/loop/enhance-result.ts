/** What one enhance run reports: the command returns it, the reports render it. */
import type { Scorecard } from '../scoring/scorecard.js';
import type { Space } from '../space/schema.js';
import type { IterationRecord } from './iteration-record.js';
import type { Lessons } from './lessons.js';

export interface EnhanceResult {
  space: string;
  analyst: string;
  dryRun: boolean;
  /** Whether copies of benchmark questions were allowed as examples. */
  allowTaughtExamples: boolean;
  maxRegressions: number;
  /** Genie slots the final config uses, e.g. "instructions 12/100, snippets 41/200, tables 3/30". */
  slots: string;
  before: Scorecard;
  after: Scorecard;
  iterations: IterationRecord[];
  stopReason: string;
  calls: {
    genie: number;
    statements: number;
    scorings: number;
    llmCalls: number;
    promptTokens: number;
    completionTokens: number;
  };
  durationMs: number;
  /** How the run spent Genie's rate, for the PR's budget section. */
  budget?: BudgetReport;
  /** Files written (none with --dry-run). */
  written: string[];
  /** The final config and lessons, as they were (or would have been) written. */
  config: Space;
  /** The config enhance started from (the first iteration's patch applies to it). */
  startConfig: Space;
  lessons: Lessons;
  changed: boolean;
  /** The space was scored on the generated demo data (local backend, `local.data: demo`). */
  usesDemoData: boolean;
}

export interface BudgetReport {
  screening: boolean;
  maxGenieQuestions?: number;
  timeBudgetMs?: number;
  /** Why the run stopped early on its budget, if it did. */
  stoppedOnBudget?: string;
  /** The questions-per-minute rate the estimates use (the workspace's limit, or Genie's free tier). */
  questionsPerMinute: number;
  /** Questions scored (the benchmark less broken ones). */
  benchmarkQuestions: number;
  /** Candidate configs judged (screened, or scored in full without screening). */
  candidates: number;
  /** Full scorings made to confirm a config, the final one included. */
  confirmations: number;
  /** Genie questions a full scoring of the start config and of every candidate would have asked. */
  fullRescoringQuestions: number;
  /** Answers reused from earlier runs (same config, same question). */
  reusedFromCache: number;
  /** Set when the final config was rolled back to the last confirmed one. */
  rollback?: string;
  /** Questions the impact model missed, re-asked on every candidate since. */
  watched: string[];
}
