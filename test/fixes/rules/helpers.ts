/** Shared set-up for the rules analyst tests: the demo warehouse, the thin demo config, failures. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalystResult, FailureEvidence } from '../../../src/fixes/analyst.js';
import { fixKey } from '../../../src/fixes/fix-key.js';
import type { Fix, FixOf, FixType } from '../../../src/fixes/fix-types.js';
import { createRulesAnalyst, type RulesAnalystOptions } from '../../../src/fixes/rules/rules-analyst.js';
import { openLocalWarehouse } from '../../../src/local/warehouse.js';
import type { Warehouse, WarehouseSchema } from '../../../src/ports.js';
import { SpaceSchema, type Space } from '../../../src/space/schema.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Env {
  warehouse: Warehouse;
  schema: WarehouseSchema;
  space: Space;
}

export async function demoEnv(): Promise<Env> {
  const warehouse = await openLocalWarehouse({ data: 'demo' });
  const space = SpaceSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'spaces/demo/space.json'), 'utf8')));
  return { warehouse, schema: await warehouse.schema(), space };
}

/** A thin config over any warehouse: every table, no descriptions, no column configs. */
export function thinSpace(schema: WarehouseSchema): Space {
  return SpaceSchema.parse({
    version: 2,
    data_sources: {
      tables: schema.tables
        .map((t) => ({ identifier: t.identifier }))
        .sort((a, b) => (a.identifier < b.identifier ? -1 : 1)),
    },
  });
}

export function failure(
  id: string,
  question: string,
  expectedSql: string,
  genieSql: string | null,
  extra: Partial<FailureEvidence> = {},
): FailureEvidence {
  return { id, question, expectedSql, genieSql, category: null, verdict: 'mismatch', ...extra };
}

export async function propose(
  env: Env,
  failures: FailureEvidence[],
  options: {
    alreadyTried?: Iterable<string>;
    space?: Space;
    analyst?: RulesAnalystOptions;
    allowTaughtExamples?: boolean;
  } = {},
): Promise<AnalystResult> {
  return createRulesAnalyst(options.analyst).propose({
    space: options.space ?? env.space,
    failures,
    warehouse: env.warehouse,
    warehouseSchema: env.schema,
    alreadyTried: new Set(options.alreadyTried ?? []),
    allowTaughtExamples: options.allowTaughtExamples,
  });
}

/**
 * The analyst's answer once every non-example fix it proposes has been tried: its last resort.
 * Copies of the failing questions as examples come only with `allowTaughtExamples` (on here by default).
 */
export async function proposeLastResort(
  env: Env,
  failures: FailureEvidence[],
  options: { analyst?: RulesAnalystOptions; allowTaughtExamples?: boolean } = {},
): Promise<AnalystResult> {
  const tried = new Set<string>();
  for (let round = 0; round < 5; round++) {
    const result = await propose(env, failures, {
      allowTaughtExamples: true,
      ...options,
      alreadyTried: tried,
    });
    const others = result.fixes.filter((fix) => fix.type !== 'add_example_query');
    if (others.length === 0) return result;
    others.forEach((fix) => tried.add(fixKey(fix)));
  }
  throw new Error('the analyst kept proposing new non-example fixes');
}

export function ofType<T extends FixType>(fixes: readonly Fix[], type: T): FixOf<T>[] {
  return fixes.filter((fix): fix is FixOf<T> => fix.type === type);
}

/**
 * The fixes a failure's own evidence asked for: without the value dictionaries proposed for every
 * categorical text column (src/fixes/rules/categories.ts, tested on its own).
 */
export function fromEvidence<T extends Fix>(fixes: readonly T[]): T[] {
  return fixes.filter(
    (f) => !(f.type === 'enable_build_value_dictionary' && / distinct text values/.test(f.rationale)),
  );
}
