/** The enhancement loop's input and result (enhance-loop.ts runs it; loop-pass.ts runs one pass of it). */
import type { Benchmark } from '../benchmarks/types.js';
import type { Analyst } from '../fixes/analyst.js';
import type { Warehouse, WarehouseSchema } from '../ports.js';
import type { Space } from '../space/schema.js';
import type { Scorecard } from '../scoring/scorecard.js';
import type { Budget } from './budget.js';
import type { IterationRecord } from './iteration-record.js';
import type { Lessons } from './lessons.js';
import type { ScreeningStats } from './screened-run.js';
import type { ScreeningSettings } from './screening.js';

export interface EnhanceLoopInput {
  spaceName: string;
  /** The space file, named in validation messages. */
  file: string;
  space: Space;
  benchmarks: Benchmark[];
  score: (space: Space) => Promise<Scorecard>;
  analyst: Analyst;
  warehouse: Warehouse;
  warehouseSchema: WarehouseSchema;
  lessons: Lessons;
  maxIterations?: number;
  /** Stop once the train score (0..1) reaches this. */
  targetScore?: number;
  /** When a batch is rejected, try its fixes one by one (one scoring per fix; cheap locally). */
  isolateFixes?: boolean;
  /** Questions (train or holdout) allowed to go from pass to fail in one iteration; default 0. */
  maxRegressions?: number;
  /** Let example queries copy train benchmark questions (they are then reported as taught). */
  allowTaughtExamples?: boolean;
  /**
   * Confirms a gain the acceptance rule accepted: re-asks what the candidate changed and says
   * whether the gain is significant (gain-significance.ts), returning the candidate's card with
   * its re-asks. Absent: every accepted gain counts.
   */
  confirmGain?: (
    current: Scored,
    candidate: Scored,
  ) => Promise<{ significant: boolean; reason: string; card: Scorecard }>;
  /**
   * Screen candidates on the questions their fixes can change (screening.ts) instead of scoring
   * each on the whole benchmark; the config the loop ends on is then confirmed by a full scoring.
   * Absent: every candidate is scored in full (`score`).
   */
  screening?: ScreeningSettings;
  /** Genie question and time budget: the loop stops at its last confirmed config when it runs out. */
  budget?: Budget;
  log?: (line: string) => void;
}

export interface Scored {
  space: Space;
  card: Scorecard;
}

export interface EnhanceLoopResult {
  before: Scorecard;
  after: Scorecard;
  space: Space;
  iterations: IterationRecord[];
  lessons: Lessons;
  stopReason: string;
  /** How many configs were scored in full (each one a full benchmark run). */
  scorings: number;
  /** Screening only: candidates screened, confirmations, watched questions, a final rollback. */
  screening?: ScreeningStats;
  /** Set when the run stopped because its question or time budget ran out. */
  budgetStop?: string;
  analystUsage: { promptTokens: number; completionTokens: number; calls: number };
}
