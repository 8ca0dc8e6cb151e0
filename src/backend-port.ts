/**
 * The backend port: the warehouse and the Genie a command scores against, with what the backend
 * can afford. Beside ports.ts rather than in it because it speaks of the space config's type,
 * which the lower folders (space/, sql/) must not reach back up to.
 */
import type { Genie, GenieEvaluator, SpaceStore, Warehouse } from './ports.js';
import type { Space } from './space/schema.js';

/** Which backend the settings chose: the embedded one, or a Databricks workspace. */
export type BackendName = 'local' | 'databricks';

export interface Backend {
  name: BackendName;
  warehouse: Warehouse;
  /**
   * Asking is cheap (no workspace rate limit): enhance can afford one scoring per fix when a
   * batch is rejected. True for the embedded backend only; absent means false.
   */
  isolateFixes?: boolean;
  /**
   * A Genie that answers from the given config: locally an engine over that config (the same
   * engine for the same config and seed, so a noisy one keeps drawing fresh answers across
   * runs); on Databricks the run's own temporary space (created on the first call, updated on the
   * next, trashed at close) or, with staging: shared, the shared staging space checked before each
   * question. Call it before every run: another config may have been put on the space meanwhile.
   * `seed` overrides the local engine's noise seed (two sides of a comparison draw independent noise).
   */
  genieFor(space: Space, options?: { seed?: number }): Promise<Genie>;
  /**
   * Every Genie this backend opens gives the same answer to the same question under the same
   * config (the local engine without noise): a re-ask cannot change an answer, so comparisons
   * are exact and no re-ask is spent. Absent on a real workspace, whose Genie is not.
   */
  deterministic?: boolean;
  /**
   * What the warehouse's data is, as far as answers depend on it: answers kept from an earlier
   * run are reused only under the same version. Undefined: never reused across runs.
   */
  dataVersion?: string;
  /** The workspace's Genie questions-per-minute limit, when it has one (time estimates never plan faster). */
  questionsPerMinute?: number;
  /** Where live and staging spaces are kept (the local state folder, or the workspace). */
  spaces?: SpaceStore;
  /**
   * Genie's own evaluation (Beta eval runs) of the staging space holding `space`, which must carry
   * the benchmarks in `benchmarks.questions`; only the databricks backend (and serve) has it.
   */
  genieEvalFor?(space: Space): Promise<GenieEvaluator>;
  close(): Promise<void>;
}
