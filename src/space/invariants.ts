/**
 * Rules a space must follow beyond its schema: the ones Genie enforces on import
 * (well-formed unique ids, three-part names, one text instruction, join spec shape)
 * and the ones that keep a config coherent (references to tables the space has,
 * and, when the warehouse schema is known, to tables and columns that exist).
 * Each issue names the JSON path and the fix.
 */
import type { ValidationIssue } from '../errors.js';
import type { WarehouseSchema } from '../ports.js';
import { checkReadOnly } from '../sql/read-only-guard.js';
import { findThreePartNames, isThreePart, normalizeIdentifier } from '../sql/identifiers.js';
import { createContext, type InvariantContext } from './invariant-context.js';
import { checkJoinSpecs } from './join-spec-invariants.js';
import { limitIssues } from './limits.js';
import { hasEntityMatching, hasFormatAssistance, type Space, type Table } from './schema.js';

export interface InvariantOptions {
  /** The file reported in issues. */
  file: string;
  warehouseSchema?: WarehouseSchema;
}

const ID = /^[0-9a-f]{32}$/;
const ID_FIX =
  'use a UUID without dashes in lowercase (32 characters 0-9a-f), e.g. from `uuidgen | tr -d - | tr A-F a-f`';

type IdList = readonly { id?: unknown }[] | undefined;

function idLists(space: Space): [string, IdList][] {
  const instructions = space.instructions;
  return [
    ['$.config.sample_questions', space.config?.sample_questions],
    ['$.instructions.text_instructions', instructions?.text_instructions],
    ['$.instructions.example_question_sqls', instructions?.example_question_sqls],
    ['$.instructions.sql_functions', instructions?.sql_functions],
    ['$.instructions.join_specs', instructions?.join_specs],
    ['$.instructions.sql_snippets.filters', instructions?.sql_snippets?.filters],
    ['$.instructions.sql_snippets.expressions', instructions?.sql_snippets?.expressions],
    ['$.instructions.sql_snippets.measures', instructions?.sql_snippets?.measures],
    ['$.benchmarks.questions', space.benchmarks?.questions],
  ];
}

/** Ids are 32 lowercase hex and unique across the whole file (Genie's per-kind uniqueness follows). */
function checkIds(ctx: InvariantContext): void {
  const seen = new Map<string, string>();
  for (const [base, list] of idLists(ctx.space)) {
    (list ?? []).forEach((item, index) => {
      const path = `${base}[${index}].id`;
      if (typeof item.id !== 'string' || !ID.test(item.id)) {
        ctx.add(path, `id ${JSON.stringify(item.id)} is not well formed: ${ID_FIX}`);
        return;
      }
      const first = seen.get(item.id);
      if (first)
        ctx.add(
          path,
          `id ${item.id} is also used at ${first}: ids must be unique across the file; give this item a new id`,
        );
      else seen.set(item.id, path);
    });
  }
}

function checkColumns(ctx: InvariantContext, table: Table, path: string, columns: Set<string> | undefined): void {
  const seen = new Map<string, string>();
  (table.column_configs ?? []).forEach((column, index) => {
    const columnPath = `${path}.column_configs[${index}]`;
    const name = typeof column.column_name === 'string' ? column.column_name.toLowerCase() : '';
    const first = seen.get(name);
    if (first)
      ctx.add(
        `${columnPath}.column_name`,
        `column "${column.column_name}" is configured twice in this table (also at ${first}): merge the two entries`,
      );
    else seen.set(name, columnPath);
    if (columns && name && !columns.has(name)) {
      ctx.add(
        `${columnPath}.column_name`,
        `column "${column.column_name}" does not exist in ${table.identifier}: fix the name or remove the entry (columns: ${[...columns].slice(0, 12).join(', ')})`,
      );
    }
    if (hasEntityMatching(column) && !hasFormatAssistance(column)) {
      const [flag, needed] =
        column.build_value_dictionary === true
          ? ['build_value_dictionary', 'get_example_values']
          : ['enable_entity_matching', 'enable_format_assistance'];
      ctx.add(`${columnPath}.${flag}`, `entity matching requires format assistance: also set ${needed} to true`);
    }
  });
}

function suggestTable(ctx: InvariantContext, identifier: string): string {
  const name = identifier.replace(/`/g, '').split('.').pop()?.toLowerCase();
  const match = [...(ctx.warehouse?.keys() ?? [])].find((key) => key.split('.').pop() === name);
  return match ? ` (did you mean ${match}?)` : '';
}

function checkTables(ctx: InvariantContext, key: 'tables' | 'metric_views'): void {
  const seen = new Map<string, string>();
  (ctx.space.data_sources?.[key] ?? []).forEach((table, index) => {
    const path = `$.data_sources.${key}[${index}]`;
    if (!isThreePart(table.identifier)) {
      ctx.add(
        `${path}.identifier`,
        `\`${table.identifier}\` is not a three-part name: write catalog.schema.${key === 'tables' ? 'table' : 'metric_view'} (backticks allowed)`,
      );
    }
    const normalized = normalizeIdentifier(table.identifier);
    const first = seen.get(normalized);
    if (first)
      ctx.add(`${path}.identifier`, `${table.identifier} is listed twice (also at ${first}): merge the two entries`);
    else seen.set(normalized, path);
    const columns = ctx.warehouse?.get(normalized);
    // Metric views need not appear in a warehouse listing, so only tables must exist.
    if (ctx.warehouse && !columns && key === 'tables') {
      ctx.add(
        `${path}.identifier`,
        `table ${table.identifier} does not exist in the warehouse${suggestTable(ctx, table.identifier)}: fix the identifier or remove the table`,
      );
    }
    checkColumns(ctx, table, path, columns);
  });
}

function checkTextInstructions(ctx: InvariantContext): void {
  const count = ctx.space.instructions?.text_instructions?.length ?? 0;
  if (count > 1) {
    ctx.add(
      '$.instructions.text_instructions',
      `holds ${count} items; Genie accepts at most one: merge their content into the first and remove the others`,
    );
  }
}

function checkFunctions(ctx: InvariantContext): void {
  (ctx.space.instructions?.sql_functions ?? []).forEach((fn, index) => {
    if (!isThreePart(fn.identifier)) {
      ctx.add(
        `$.instructions.sql_functions[${index}].identifier`,
        `\`${fn.identifier}\` is not a three-part name: write catalog.schema.function`,
      );
    }
  });
}

function checkReferences(ctx: InvariantContext, sql: readonly string[] | undefined, path: string): void {
  const reported = new Set<string>();
  for (const name of findThreePartNames((sql ?? []).join(''))) {
    const key = normalizeIdentifier(name);
    if (ctx.tables.has(key) || reported.has(key)) continue;
    reported.add(key);
    ctx.add(
      path,
      `refers to ${name}, which is not a table of this space: add it to data_sources.tables or change the SQL`,
    );
  }
}

/**
 * Genie runs a config's SQL with the identity of whoever asks, so it passes the same gate as
 * everything genie-gitops runs: an example is one read-only query, a snippet one expression
 * (checked as `SELECT <snippet>`), neither calling a refused function.
 */
function checkGate(ctx: InvariantContext, sql: readonly string[] | undefined, path: string, snippet: boolean): void {
  const text = (sql ?? []).join('');
  const gate = checkReadOnly(snippet ? `SELECT ${text}\n` : text);
  if (!gate.ok) ctx.add(path, `${snippet ? 'the snippet' : 'example SQL'} must be read-only: ${gate.reason}`);
}

/** Snippets and example SQL may only reference tables the space has, and must pass the SQL gate. */
function checkSqlReferences(ctx: InvariantContext): void {
  const instructions = ctx.space.instructions;
  (instructions?.example_question_sqls ?? []).forEach((example, index) => {
    const path = `$.instructions.example_question_sqls[${index}].sql`;
    checkReferences(ctx, example.sql, path);
    checkGate(ctx, example.sql, path, false);
  });
  for (const kind of ['filters', 'expressions', 'measures'] as const) {
    (instructions?.sql_snippets?.[kind] ?? []).forEach((snippet, index) => {
      const path = `$.instructions.sql_snippets.${kind}[${index}].sql`;
      checkReferences(ctx, snippet.sql, path);
      checkGate(ctx, snippet.sql, path, true);
    });
  }
}

export function checkInvariants(space: Space, options: InvariantOptions): ValidationIssue[] {
  const ctx = createContext(space, options.file, options.warehouseSchema);
  checkIds(ctx);
  checkTables(ctx, 'tables');
  checkTables(ctx, 'metric_views');
  checkTextInstructions(ctx);
  checkFunctions(ctx);
  checkJoinSpecs(ctx);
  checkSqlReferences(ctx);
  for (const issue of limitIssues(space)) ctx.add(issue.path, issue.message);
  return ctx.issues;
}
