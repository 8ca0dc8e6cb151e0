/**
 * Stable identity of a fix: what it changes (type + target) and how (content), ignoring
 * rationale and targets. Used to dedupe fixes, to detect two fixes fighting over one slot,
 * and by lessons to remember fixes already applied or rejected across runs.
 */
import { createHash } from 'node:crypto';
import type { Fix, Relationship } from './fix-types.js';
import { normalizeIdentifier, normalizeName } from '../sql/identifiers.js';
import { collapseWhitespace } from '../space/text-pieces.js';

/** Fix types whose target holds one value: two different fixes on the same target conflict. */
const EXCLUSIVE_TYPES: ReadonlySet<Fix['type']> = new Set([
  'add_column_description',
  'update_table_description',
  'add_join',
  'fix_join',
  'add_example_query',
  'add_sql_snippet',
]);

export function isExclusive(fix: Fix): boolean {
  return EXCLUSIVE_TYPES.has(fix.type);
}

const FLIPPED: Record<Relationship, Relationship> = {
  MANY_TO_ONE: 'ONE_TO_MANY',
  ONE_TO_MANY: 'MANY_TO_ONE',
  ONE_TO_ONE: 'ONE_TO_ONE',
  MANY_TO_MANY: 'MANY_TO_MANY',
};

/** The relationship seen from the other side of the join. */
export function flipRelationship(relationship: Relationship): Relationship {
  return FLIPPED[relationship];
}

function column(table: string, name: string): string {
  return `${normalizeIdentifier(table)}.${normalizeName(name)}`;
}

function sortedSet(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim().toLowerCase()))].sort();
}

function normalizedSql(sql: string): string {
  return collapseWhitespace(sql).replace(/(\s*;)+$/, '');
}

/** A join oriented so its left column sorts first: a=b MANY_TO_ONE and b=a ONE_TO_MANY are one join. */
function orientedJoin(fix: Extract<Fix, { type: 'add_join' }>): {
  left: string;
  right: string;
  relationship: Relationship;
} {
  const left = column(fix.left.table, fix.left.column);
  const right = column(fix.right.table, fix.right.column);
  return left <= right
    ? { left, right, relationship: fix.relationship }
    : { left: right, right: left, relationship: flipRelationship(fix.relationship) };
}

/** The fix's meaning in normalised form, without rationale and targets. */
export function fixContent(fix: Fix): Record<string, unknown> {
  switch (fix.type) {
    case 'add_synonym':
      return { type: fix.type, column: column(fix.table, fix.column), synonyms: sortedSet(fix.synonyms) };
    case 'add_column_description':
      return { type: fix.type, column: column(fix.table, fix.column), description: fix.description.trim() };
    case 'update_table_description':
      return { type: fix.type, table: normalizeIdentifier(fix.table), description: fix.description.trim() };
    case 'add_join':
      return { type: fix.type, ...orientedJoin(fix), comment: fix.comment?.trim() };
    case 'fix_join':
      return { type: fix.type, joinId: fix.joinId, relationship: fix.relationship };
    case 'add_example_query':
      return {
        type: fix.type,
        question: collapseWhitespace(fix.question),
        sql: normalizedSql(fix.sql),
        usage_guidance: fix.usage_guidance?.trim(),
        parameters: fix.parameters && [...fix.parameters].sort((a, b) => compareStrings(a.name, b.name)),
      };
    case 'add_sql_snippet':
      return {
        type: fix.type,
        kind: fix.kind,
        display_name: collapseWhitespace(fix.display_name),
        sql: normalizedSql(fix.sql),
        alias: fix.alias,
        synonyms: fix.synonyms && sortedSet(fix.synonyms),
        instruction: fix.instruction?.trim(),
        comment: fix.comment?.trim(),
      };
    case 'enable_get_example_values':
    case 'enable_build_value_dictionary':
      return { type: fix.type, column: column(fix.table, fix.column) };
    case 'add_text_instruction':
      return { type: fix.type, text: fix.text.trim() };
  }
}

/** Where the fix writes, in readable form (no indices: they move as the space changes). */
export function fixTarget(fix: Fix): string {
  switch (fix.type) {
    case 'add_synonym':
      return `${column(fix.table, fix.column)} synonyms`;
    case 'add_column_description':
      return `${column(fix.table, fix.column)} description`;
    case 'update_table_description':
      return `${normalizeIdentifier(fix.table)} description`;
    case 'add_join': {
      const join = orientedJoin(fix);
      return `join ${join.left} = ${join.right}`;
    }
    case 'fix_join':
      return `join ${fix.joinId}`;
    case 'add_example_query':
      return `example "${collapseWhitespace(fix.question).toLowerCase()}"`;
    case 'add_sql_snippet':
      return `${fix.kind} "${collapseWhitespace(fix.display_name).toLowerCase()}"`;
    case 'enable_get_example_values':
      return `${column(fix.table, fix.column)} example values`;
    case 'enable_build_value_dictionary':
      return `${column(fix.table, fix.column)} value dictionary`;
    case 'add_text_instruction':
      return 'text instruction';
  }
}

/** JSON with object keys sorted and undefined members dropped, so equal content gives equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortKeys(member);
    }
    return out;
  }
  return value;
}

/** The stable key of a fix: `<type> <target> #<12 hex of the content hash>`. */
export function fixKey(fix: Fix): string {
  try {
    return `${fix.type} ${fixTarget(fix)} #${shortHash(stableJson(fixContent(fix)))}`;
  } catch {
    return invalidFixKey(fix);
  }
}

/** Key of something that is not a valid fix (e.g. unparsed LLM output), from its raw JSON, so its rejection can be remembered. */
export function invalidFixKey(input: unknown): string {
  const type =
    typeof (input as { type?: unknown } | null)?.type === 'string' ? (input as { type: string }).type : 'unknown';
  return `${type} invalid #${shortHash(stableJson(input) ?? String(input))}`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Code-unit order, independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The stable processing order of fixes: by type, then by normalised content. */
export function compareFixes(a: Fix, b: Fix): number {
  return compareStrings(a.type, b.type) || compareStrings(stableJson(fixContent(a)), stableJson(fixContent(b)));
}
