/**
 * Snippet rules.
 * - Measure: the expected SQL outputs an aggregate expression that is more than one plain
 *   aggregate of a column (a distinct count, a ratio, an aggregate over an expression or
 *   CASE), Genie's SQL does not compute it, and no snippet has it: add_sql_snippet measure
 *   named by the question's phrase, columns table-qualified.
 * - Filter: the expected SQL compares a column with a number the question never states
 *   (`is_reply = 1` for "replies"), or with a set of values it never lists (`plan IN ('pro',
 *   'enterprise')` for "paid"): add_sql_snippet filter named by the aligned word.
 */
import { columnName, isNode, parseSelect, render, type Node } from '../../scoring/sql-ast.js';
import { lastPart } from '../../sql/identifiers.js';
import { synonymText } from './targets.js';
import { normalizeSnippetSql, type ConfigIndex } from './config.js';
import type { FailureView } from './evidence.js';
import { PRIORITY, spaceIdentifier, type Proposal, type RuleContext } from './proposal.js';
import { measurePhrase } from './phrase.js';
import { singular } from '../../text/normalise.js';
import { nameWords } from './text.js';

const AGGREGATE_CALL =
  /\b(count|sum|avg|mean|min|max|count_if|median|stddev|variance|percentile|approx_count_distinct)\(/g;

export async function proposeSnippets(context: RuleContext): Promise<Proposal[]> {
  const proposals: Proposal[] = [];
  const seen = new Map<string, Proposal>();
  const keep = (proposal: Proposal, target: string, key: string): void => {
    const existing = seen.get(key);
    if (existing) {
      if (!existing.fix.targets.includes(target)) existing.fix.targets.push(target);
      return;
    }
    seen.set(key, proposal);
    proposals.push(proposal);
  };

  context.views.forEach((view, i) => {
    for (const measure of measuresOf(view, context.index)) {
      const key = `measure ${normalizeSnippetSql(measure.sql)}`;
      if (context.index.snippetSql.has(normalizeSnippetSql(measure.sql))) continue;
      const taken = new Set(
        context.alignments[i]
          .filter((a) => a.target.kind === 'value' || a.target.kind === 'filter')
          .map((a) => a.token.index),
      );
      const phrase = measurePhrase(view, context.index, measure.columns, taken);
      const displayName = phrase?.text ?? fallbackName(measure.rendered);
      const synonyms = phrase && phrase.variant !== phrase.text ? [phrase.variant] : undefined;
      keep(
        {
          priority: PRIORITY.measure,
          fix: {
            type: 'add_sql_snippet',
            kind: 'measure',
            display_name: displayName,
            sql: measure.sql,
            ...(synonyms ? { synonyms } : {}),
            rationale: `The question asks for "${displayName}", computed as ${measure.rendered} in the expected SQL; Genie's SQL does not compute it.`,
            targets: [view.failure.id],
          },
        },
        view.failure.id,
        key,
      );
    }
    for (const { target, token } of context.alignments[i]) {
      if (target.kind !== 'filter' || !target.column) continue;
      const filter = view.filters.find((f) => f.table === target.table && f.column === target.column && !f.matched);
      if (!filter || filter.predicate.expr !== filter.column.toLowerCase()) continue;
      const table = lastPart(spaceIdentifier(context.index, filter.table));
      const sql = `${table}.${filter.column} ${filter.predicate.op} ${filter.predicate.value}`;
      if (context.index.snippetSql.has(normalizeSnippetSql(sql))) continue;
      const name = synonymText(token);
      const variant = singular(name);
      keep(
        {
          priority: PRIORITY.filter,
          fix: {
            type: 'add_sql_snippet',
            kind: 'filter',
            display_name: name,
            sql,
            ...(variant !== name ? { synonyms: [variant] } : {}),
            rationale: `"${name}" in the question means ${sql} in the expected SQL, which Genie's SQL does not apply.`,
            targets: [view.failure.id],
          },
        },
        view.failure.id,
        `filter ${normalizeSnippetSql(sql)}`,
      );
    }
  });
  return proposals;
}

interface Measure {
  /** Table-qualified SQL of the expression. */
  sql: string;
  /** Unqualified normalised text, as the shape renders it. */
  rendered: string;
  /** Columns used, as `table|column`. */
  columns: { table: string; column: string }[];
}

/** Aggregate select items of the expected SQL worth a measure, table-qualified. */
export function measuresOf(view: FailureView, index: ConfigIndex): Measure[] {
  let ast: Node;
  try {
    ast = parseSelect(view.failure.expectedSql);
  } catch {
    return [];
  }
  const genieSelect = new Set(view.genie?.select ?? []);
  const out: Measure[] = [];
  for (const item of Array.isArray(ast.columns) ? ast.columns : []) {
    if (!isNode(item) || !isNode(item.expr)) continue;
    const rendered = render(item.expr);
    if (!isComplexAggregate(rendered) || genieSelect.has(rendered)) continue;
    const columns: Measure['columns'] = [];
    const qualified = qualify(item.expr, view, index, columns);
    if (!qualified || columns.length === 0) continue;
    if (columns.some((c) => !index.tables.get(c.table)?.inSpace)) continue;
    out.push({ sql: render(qualified), rendered, columns });
  }
  return out;
}

/** More than a plain aggregate of one column: distinct, several aggregates, CASE, or an expression inside. */
export function isComplexAggregate(rendered: string): boolean {
  const calls = rendered.match(AGGREGATE_CALL) ?? [];
  if (calls.length === 0 || / over \(/.test(rendered)) return false;
  if (calls.length > 1 || /\(distinct /.test(rendered) || /\bcase\b/.test(rendered)) return true;
  const plain = /^[a-z_]+\((\*|[\p{L}_][\p{L}\p{N}_]*)\)$/u;
  return !plain.test(rendered);
}

/** A deep copy whose column references carry their table's short name (`messages.word_count`). */
function qualify(node: Node, view: FailureView, index: ConfigIndex, columns: Measure['columns']): Node | null {
  let failed = false;
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!isNode(value)) return value;
    if (isNode(value.ast)) {
      failed = true; // a subquery inside a measure cannot be a snippet
      return value;
    }
    if (value.type === 'column_ref') {
      const column = columnName(value)?.replace(/[`"]/g, '') ?? null;
      if (!column || column === '*') return value;
      const qualifier = typeof value.table === 'string' ? value.table.replace(/[`"]/g, '').toLowerCase() : null;
      const table =
        (qualifier ? view.aliases.get(qualifier) : undefined) ??
        view.tables.find((t) =>
          index.tables.get(t)?.columns.some((c) => c.name.toLowerCase() === column.toLowerCase()),
        );
      const spelled = table
        ? index.tables.get(table)?.columns.find((c) => c.name.toLowerCase() === column.toLowerCase())?.name
        : undefined;
      if (!table || !spelled) {
        failed = true;
        return value;
      }
      if (!columns.some((c) => c.table === table && c.column === spelled)) columns.push({ table, column: spelled });
      return { ...value, table: null, column: `${lastPart(spaceIdentifier(index, table))}.${spelled}` };
    }
    const copy: Node = {};
    for (const [key, child] of Object.entries(value)) copy[key] = typeof child === 'object' ? visit(child) : child;
    return copy;
  };
  const out = visit(node) as Node;
  return failed ? null : out;
}

/** A name built from the expression when the question gives none: `distinct member id count`, `sum word count per count`. */
function fallbackName(rendered: string): string {
  const distinct = /^count\(distinct ([^)]+)\)$/.exec(rendered);
  if (distinct) return `distinct ${nameWords(distinct[1]).join(' ')} count`;
  const words = rendered
    .replace(/\//g, ' per ')
    .replace(/\b(case|when|then|else|end|distinct)\b/g, ' ')
    .replace(/[^\p{L}\p{N}_ ]+/gu, ' ');
  return (
    words
      .split(/[\s_]+/)
      .filter((w) => w !== '' && !/^\d/.test(w))
      .join(' ')
      .slice(0, 60) || 'measure'
  );
}
