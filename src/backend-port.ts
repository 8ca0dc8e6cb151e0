/**
 * The backend port: the warehouse and the Genie a command scores against, with what the backend
 * can afford. Beside ports.ts rather than in it because it speaks of the space config's type,
 * which the lower folders (space/, sql/) must not reach back up to.
 */
import type { DeploymentLog, Genie, GenieEvaluator, SpaceStore, Warehouse } from './ports.js';
import type { LayoutOptions } from './space/repository.js';
import type { Space } from './space/schema.js';
import type { StagingMode, Target } from './space/target.js';

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

/** What a command asks of the backend it opens: the space it works on and how. */
export interface OpenBackendRequest {
  root: string;
  /** The space's target.yml (undefined when it has none: the local backend then says how to add one). */
  target: Target | undefined;
  /** The space's name in the repository, for messages about its target.yml (and naming a temporary staging space). */
  space?: string;
  /** Local engine noise (0..1) and seed, for flakiness tests. */
  noise?: number;
  seed?: number;
  /** Wraps the warehouse before anything uses it (enhance memoizes results across scorings). */
  wrapWarehouse?: (warehouse: Warehouse) => Warehouse;
  /** Only the space store is needed (deploy, export): the local warehouse is not opened. */
  spacesOnly?: boolean;
  /** Which bundle target bundle-declared spaces are read for (seeds the local space store). */
  layout?: LayoutOptions;
  /** The local warehouse's data from the command line (absolute path or 'demo'), overriding target.yml. */
  dataFile?: string;
  /** Databricks staging: overrides target.yml's `staging` (see Target). */
  staging?: StagingMode;
  /** false: the demo's tables are empty (validate runs statements for their names and syntax, not rows). */
  demoRows?: boolean;
}

/** The live space as it answers now, for post-deploy verification: asked, never updated. */
export interface LiveSide {
  /** The config the live space holds now. */
  config: Space;
  genie: Genie;
  /** The warehouse the live space runs on (locally: local.live_data, default local.data). */
  warehouse: Warehouse;
  close(): Promise<void>;
}

export interface OpenLiveRequest {
  root: string;
  target: Target;
  space: string;
  layout?: LayoutOptions;
  /** The store deploy used (tests inject one); default the backend's. */
  store?: SpaceStore;
}

/**
 * The backend the entry chose, not yet opened: commands open it per space with what they know
 * (the target, the data, the staging mode) and never see the settings or adapters behind it.
 * Built by src/wiring/backend.ts; every backend it opens in one run shares the run's secrets and,
 * on Databricks, one ask limit per workspace host.
 */
export interface BackendOpener {
  /** Which backend this is: a label for scorecards, status contexts and messages, not a switch. */
  readonly name: BackendName;
  /**
   * The embedded backend, which queries `local.data` of target.yml (or --data): a space without
   * it has nothing to query there. False for a workspace, whose warehouse is named by target.yml.
   */
  readonly needsLocalData: boolean;
  open(request: OpenBackendRequest): Promise<Backend>;
  openLive(request: OpenLiveRequest): Promise<LiveSide>;
  /** Where deploys are recorded when the entry has no other log: a file per space in the local state folder. */
  localDeploymentLog(root: string): DeploymentLog;
}
