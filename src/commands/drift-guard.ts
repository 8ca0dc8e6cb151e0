/**
 * The drift guard's judgement (pure): may deploy replace what the live space holds? The live
 * config is compared with what genie-gitops last deployed there (the deployment log), never
 * with the push's `before`: a cancelled or failed deploy in between, or a dispatch without
 * `before`, must neither hide an edit made outside git nor report one that never happened.
 */
import type { DeploymentRecord } from '../ports.js';

export interface DriftInput {
  /** sha256 of the canonical live config. */
  liveHash: string;
  /** sha256 of the canonical config to deploy. */
  configHash: string;
  /** The live space holds nothing a person could have written (see isUntouchedSpace). */
  liveIsNew: boolean;
  /** The deployment log of this space and live space, newest first. */
  history: readonly DeploymentRecord[];
  /** Without any record: the config at the push's `before`, which the previous deploy (before records existed) put there. */
  beforeHash?: string;
}

export type DriftVerdict =
  | { kind: 'unchanged' }
  | { kind: 'clean'; note: string }
  | { kind: 'first'; note: string }
  | { kind: 'drift'; reason: string };

const short = (sha: string) => sha.slice(0, 7);

export function judgeDrift(input: DriftInput): DriftVerdict {
  if (input.liveHash === input.configHash) return { kind: 'unchanged' };
  const lastSuccess = input.history.findIndex((r) => r.state === 'success');
  // Deploys started after the last success may have reached the live space before they were
  // cancelled or failed (a PATCH applied, its read-back lost): their configs are ours too.
  const since = lastSuccess === -1 ? input.history : input.history.slice(0, lastSuccess + 1);
  const ours = since.find((r) => r.configHash === input.liveHash);
  if (ours)
    return {
      kind: 'clean',
      note:
        ours.state === 'success'
          ? `the live space held the config deployed from ${short(ours.commit)}`
          : `the live space held the config of the unfinished deploy of ${short(ours.commit)}`,
    };
  if (lastSuccess !== -1) {
    const last = input.history[lastSuccess];
    return {
      kind: 'drift',
      reason: `the live space differs from the config of its last successful deployment (commit ${short(last.commit)}, ${last.createdAt})`,
    };
  }
  if (input.beforeHash !== undefined && input.beforeHash === input.liveHash)
    return {
      kind: 'clean',
      note: 'no deployment recorded yet; the live space held the config of the previous commit',
    };
  if (input.liveIsNew) return { kind: 'first', note: 'first deploy: the live space was new (tables only)' };
  return {
    kind: 'drift',
    reason:
      'no deployment of this space is recorded and the live space differs from the config to deploy: it may hold edits made outside git',
  };
}

/**
 * A space nobody has worked on yet: what Genie creates from a table selection (tables, their
 * column names), with no descriptions, synonyms, instructions, examples, snippets, joins or
 * sample questions. Overwriting it loses nothing a person wrote.
 */
export function isUntouchedSpace(canonical: unknown): boolean {
  const STRUCTURE = new Set(['version', 'data_sources', 'tables', 'metric_views', 'column_configs', 'config']);
  const NAMES = new Set(['identifier', 'column_name']);
  const INSTRUCTION_LISTS = new Set(['instructions', 'benchmarks']);
  const walk = (value: unknown, key: string): boolean => {
    if (Array.isArray(value)) return value.every((v) => walk(v, key));
    // A toggle (entity matching, format assistance) is a setting, not text a person wrote.
    if (typeof value === 'boolean') return true;
    if (typeof value !== 'object' || value === null) return key === 'version' || NAMES.has(key);
    return Object.entries(value as Record<string, unknown>).every(([k, v]) => {
      if (isEmpty(v)) return true;
      if (INSTRUCTION_LISTS.has(k) || k === 'sample_questions') return false;
      return STRUCTURE.has(k) || NAMES.has(k) || typeof v === 'boolean' ? walk(v, k) : false;
    });
  };
  return walk(canonical, '');
}

function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && value !== null) return Object.values(value).every(isEmpty);
  return value === undefined || value === null;
}
