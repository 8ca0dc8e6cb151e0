/**
 * Genie's published per-space limits. Figures checked against the public Databricks docs with the
 * project's search tool (2026):
 * - 100 instructions (each example SQL, each SQL function and the whole general-instructions block count
 *   one) and 200 knowledge-store snippets (table descriptions, join relationships and SQL expressions:
 *   measures, filters, dimensions): "Tune Genie Space quality", docs.databricks.com/gcp/en/genie/tune-quality
 *   and learn.microsoft.com/azure/databricks/genie/tune-quality.
 * - 30 tables or views per space: "Set up and manage a Genie space", technical requirements,
 *   learn.microsoft.com/ko-kr/azure/databricks/genie/set-up (an older docs.azure.cn mirror still says 25).
 * - 120 columns with entity matching, 1,024 values per dictionary and 127 characters per value: taken from
 *   ../shared/DATABRICKS-API.md section 1; the stored public docs did not show these figures.
 */
import { GENIE_LIMITS } from '../space/limits.js';
import { hasEntityMatching, joinText } from '../space/schema.js';
import { entityFlagPath, type LintContext } from './context.js';
import type { CheckDefinition, RawFinding } from './types.js';

export const LIMITS = {
  // The three slot limits are the ones validate and enhance enforce (one source: src/space/limits.ts).
  tables: GENIE_LIMITS.tables,
  instructions: GENIE_LIMITS.instructions,
  snippets: GENIE_LIMITS.snippets,
  entityMatchingColumns: 120,
  dictionaryValues: 1024,
  dictionaryValueLength: 127,
} as const;

/** Share of a limit from which `limit-near` warns. */
const NEAR = 0.9;

export interface LimitCounts {
  tables: number;
  instructions: number;
  snippets: number;
  entityMatchingColumns: number;
}

export function limitCounts(ctx: LintContext): LimitCounts {
  const i = ctx.space.instructions;
  const text = (i?.text_instructions ?? []).some((t) => joinText(t.content).trim() !== '') ? 1 : 0;
  const described = ctx.tables.filter((t) => joinText(t.table.description).trim() !== '').length;
  const s = i?.sql_snippets;
  return {
    tables: ctx.tables.length,
    instructions: (i?.example_question_sqls?.length ?? 0) + (i?.sql_functions?.length ?? 0) + text,
    snippets:
      described +
      (i?.join_specs?.length ?? 0) +
      (s?.filters?.length ?? 0) +
      (s?.expressions?.length ?? 0) +
      (s?.measures?.length ?? 0),
    entityMatchingColumns: ctx.tables.reduce(
      (n, t) => n + [...t.columns.values()].filter((c) => hasEntityMatching(c.config)).length,
      0,
    ),
  };
}

const WHAT: Record<keyof LimitCounts, { path: string; noun: string; fix: string }> = {
  tables: {
    path: '$.data_sources',
    noun: 'tables and metric views',
    fix: 'split the space by audience, or drop tables no question needs',
  },
  instructions: {
    path: '$.instructions',
    noun: 'instructions (example SQLs + SQL functions + the text block)',
    fix: 'merge near-duplicate examples into parameterised ones and drop examples no question needs',
  },
  snippets: {
    path: '$.instructions',
    noun: 'knowledge-store snippets (table descriptions + join specs + SQL expressions)',
    fix: 'drop snippets no question uses; a table without questions needs no description',
  },
  entityMatchingColumns: {
    path: '$.data_sources',
    noun: 'columns with entity matching',
    fix: 'keep entity matching for columns users name values of (categories, names); turn it off elsewhere',
  },
};

function over(key: keyof LimitCounts, limit: number): (ctx: LintContext) => RawFinding[] {
  return (ctx) => {
    const count = limitCounts(ctx)[key];
    if (count <= limit) return [];
    const what = WHAT[key];
    return [
      {
        path: what.path,
        message: `${count} ${what.noun}: Genie allows at most ${limit} per space`,
        fix: what.fix,
      },
    ];
  };
}

export const LIMIT_CHECKS: CheckDefinition<LintContext>[] = [
  {
    id: 'limit-tables',
    severity: 'error',
    category: 'limits',
    title: `More than ${LIMITS.tables} tables and metric views`,
    run: over('tables', LIMITS.tables),
  },
  {
    id: 'limit-instructions',
    severity: 'error',
    category: 'limits',
    title: `More than ${LIMITS.instructions} instructions`,
    run: over('instructions', LIMITS.instructions),
  },
  {
    id: 'limit-snippets',
    severity: 'error',
    category: 'limits',
    title: `More than ${LIMITS.snippets} knowledge-store snippets`,
    run: over('snippets', LIMITS.snippets),
  },
  {
    id: 'limit-entity-matching',
    severity: 'error',
    category: 'limits',
    title: `More than ${LIMITS.entityMatchingColumns} columns with entity matching`,
    run: over('entityMatchingColumns', LIMITS.entityMatchingColumns),
  },
  {
    id: 'limit-near',
    severity: 'warning',
    category: 'limits',
    title: `A limit is ${NEAR * 100}% used`,
    run: (ctx) => {
      const counts = limitCounts(ctx);
      const limits: LimitCounts = {
        tables: LIMITS.tables,
        instructions: LIMITS.instructions,
        snippets: LIMITS.snippets,
        entityMatchingColumns: LIMITS.entityMatchingColumns,
      };
      return (Object.keys(counts) as (keyof LimitCounts)[])
        .filter((key) => counts[key] >= NEAR * limits[key] && counts[key] <= limits[key])
        .map((key) => ({
          path: WHAT[key].path,
          message: `${counts[key]} of ${limits[key]} ${WHAT[key].noun} used: little room for the next fixes`,
          fix: WHAT[key].fix,
        }));
    },
  },
  {
    id: 'dictionary-over-limit',
    severity: 'warning',
    category: 'limits',
    warehouse: true,
    title: `A value dictionary over ${LIMITS.dictionaryValues} values or ${LIMITS.dictionaryValueLength} characters`,
    run: (ctx) => {
      const out: RawFinding[] = [];
      for (const table of ctx.tables) {
        for (const column of table.columns.values()) {
          if (!hasEntityMatching(column.config)) continue;
          const stats = ctx.warehouse?.stats.get(`${table.key}.${column.key}`);
          if (!stats) continue;
          const problems = [
            stats.distinct > LIMITS.dictionaryValues
              ? `${stats.distinct} distinct values (Genie keeps ${LIMITS.dictionaryValues})`
              : '',
            (stats.maxLength ?? 0) > LIMITS.dictionaryValueLength
              ? `values up to ${stats.maxLength} characters (Genie matches ${LIMITS.dictionaryValueLength})`
              : '',
          ].filter(Boolean);
          if (problems.length === 0) continue;
          out.push({
            path: entityFlagPath(column),
            message: `${table.short}.${column.name} has ${problems.join(' and ')}: the dictionary is cut and misses values`,
            fix: 'turn entity matching off for this column and describe its common values instead',
            uses: column.uses,
          });
        }
      }
      return out;
    },
  },
];
