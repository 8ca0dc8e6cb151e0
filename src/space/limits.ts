/**
 * Genie's published per-space limits, as invariants (validate fails a config over one) and as
 * loop constraints (enhance never proposes such a config, and spends scarce slots on fixes
 * that help more questions).
 *
 * Figures checked against the public Databricks documentation:
 * - "Add SQL examples and instructions to a Genie Space" (learn.microsoft.com/azure/databricks/genie/add-instructions):
 *   "Instructions (100 per space): Each example SQL query, each SQL function, and the entire General
 *   instructions text block each count as one instruction." and "Knowledge store snippets (200 per
 *   space): Table descriptions, join relationships, and SQL expressions (measures, filters, and
 *   dimensions) share this limit."
 * - "Create and manage a Genie Agent" (docs.databricks.com/genie-agents/set-up; Genie spaces are now
 *   called Genie agents): "You can add up to 30 tables or views to a Genie Agent."
 * The lint checks (src/lint/checks-limits.ts) read the same figures from here.
 */
import type { Space } from './schema.js';
import { joinText } from './schema.js';

export const GENIE_LIMITS = { instructions: 100, snippets: 200, tables: 30 } as const;

export interface SlotUsage {
  /** Example SQL queries + SQL functions + the text-instruction block (one, when present). */
  instructions: number;
  /** Table descriptions + join specs + SQL snippets (measures, filters, expressions). */
  snippets: number;
  /** Tables + metric views. */
  tables: number;
  parts: {
    examples: number;
    functions: number;
    textBlock: number;
    tableDescriptions: number;
    joinSpecs: number;
    sqlSnippets: number;
  };
}

export function slotUsage(space: Space): SlotUsage {
  const i = space.instructions;
  const sources = [...(space.data_sources?.tables ?? []), ...(space.data_sources?.metric_views ?? [])];
  const parts = {
    examples: i?.example_question_sqls?.length ?? 0,
    functions: i?.sql_functions?.length ?? 0,
    // The block counts once it says something (as lint counts it, src/lint/checks-limits.ts).
    textBlock: (i?.text_instructions ?? []).some((t) => joinText(t.content).trim() !== '') ? 1 : 0,
    tableDescriptions: sources.filter((t) => joinText(t.description).trim() !== '').length,
    joinSpecs: i?.join_specs?.length ?? 0,
    sqlSnippets:
      (i?.sql_snippets?.measures?.length ?? 0) +
      (i?.sql_snippets?.filters?.length ?? 0) +
      (i?.sql_snippets?.expressions?.length ?? 0),
  };
  return {
    instructions: parts.examples + parts.functions + parts.textBlock,
    snippets: parts.tableDescriptions + parts.joinSpecs + parts.sqlSnippets,
    tables: sources.length,
    parts,
  };
}

export interface LimitIssue {
  path: string;
  message: string;
}

/** One issue per limit the space exceeds, naming the count, the limit and what counts toward it. */
export function limitIssues(space: Space): LimitIssue[] {
  const u = slotUsage(space);
  const p = u.parts;
  const issues: LimitIssue[] = [];
  if (u.instructions > GENIE_LIMITS.instructions)
    issues.push({
      path: '$.instructions',
      message: `${u.instructions} instructions exceed Genie's limit of ${GENIE_LIMITS.instructions} per space (${p.examples} example SQL queries + ${p.functions} SQL functions + ${p.textBlock} text-instruction block): remove ${u.instructions - GENIE_LIMITS.instructions}, or turn several similar examples into one parameterised example`,
    });
  if (u.snippets > GENIE_LIMITS.snippets)
    issues.push({
      path: '$.instructions',
      message: `${u.snippets} knowledge-store snippets exceed Genie's limit of ${GENIE_LIMITS.snippets} per space (${p.tableDescriptions} table descriptions + ${p.joinSpecs} join specs + ${p.sqlSnippets} SQL snippets): remove ${u.snippets - GENIE_LIMITS.snippets}`,
    });
  if (u.tables > GENIE_LIMITS.tables)
    issues.push({
      path: '$.data_sources',
      message: `${u.tables} tables and metric views exceed Genie's limit of ${GENIE_LIMITS.tables} per space: remove ${u.tables - GENIE_LIMITS.tables} or split the space`,
    });
  return issues;
}

/** "instructions 12/100, snippets 41/200, tables 3/30": slots used, for reports. */
export function usageText(space: Space): string {
  const u = slotUsage(space);
  return `instructions ${u.instructions}/${GENIE_LIMITS.instructions}, snippets ${u.snippets}/${GENIE_LIMITS.snippets}, tables ${u.tables}/${GENIE_LIMITS.tables}`;
}
