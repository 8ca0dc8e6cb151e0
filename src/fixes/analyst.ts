/**
 * The analyst port: turns failing train questions into proposed fixes.
 * Analysts see only what a real Genie deployment lets you observe: the question,
 * the expected SQL and its result, Genie's SQL, reply, error and result, the instructions
 * Genie reports using, the config and the warehouse. Never the local engine's trace.
 */
import type { QueryResult, Warehouse, WarehouseSchema } from '../ports.js';
import type { Space } from '../space/schema.js';
import type { Fix } from './fix-types.js';

export interface FailureEvidence {
  id: string;
  question: string;
  expectedSql: string;
  /** Failure category from the scorer (wrong_table, wrong_filter, ...). */
  category: string | null;
  verdict: string;
  genieSql: string | null;
  genieText?: string;
  error?: string;
  instructionsUsed?: string[];
  expectedResult?: QueryResult;
  genieResult?: QueryResult;
}

export interface AnalystInput {
  space: Space;
  /** Failing train questions only: holdout questions are never shown to an analyst. */
  failures: FailureEvidence[];
  warehouse: Warehouse;
  warehouseSchema: WarehouseSchema;
  /** Lessons learned so far, as text for prompts and as keys of fixes already tried. */
  lessonsText?: string;
  /** Stable keys (src/fixes/fix-key.ts) of fixes applied or rejected before: do not propose them again. */
  alreadyTried: ReadonlySet<string>;
  /**
   * When false (the default), an example query may not copy a benchmark question (its question
   * or SQL): examples must be parameterised templates or variants that help other questions.
   */
  allowTaughtExamples?: boolean;
  signal?: AbortSignal;
}

export interface AnalystResult {
  fixes: Fix[];
  /** What the analyst could not turn into a fix, or dropped, and why. */
  notes: string[];
  usage?: { promptTokens: number; completionTokens: number; calls: number };
}

export interface Analyst {
  readonly name: string;
  propose(input: AnalystInput): Promise<AnalystResult>;
}
