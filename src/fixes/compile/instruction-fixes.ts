/** Compiling the fixes that add to `instructions`: joins, example SQL, snippets, the text instruction. */
import type { Operation } from 'fast-json-patch';
import type { Space } from '../../space/schema.js';
import { joinText } from '../../space/schema.js';
import { requireTable } from './column-fixes.js';
import { FixCompileError } from '../fix-errors.js';
import { compareStrings, fixKey, flipRelationship } from '../fix-key.js';
import { RelationshipSchema, type ExampleParameter, type FixOf } from '../fix-types.js';
import { lastPart, normalizeIdentifier, normalizeName, unquoteName } from '../../sql/identifiers.js';
import { quoteName } from '../../sql/quote.js';
import { newId } from './new-id.js';
import { insertSorted, pointer } from './patch-ops.js';
import {
  findJoinById,
  findRelationshipMarker,
  parseJoinCondition,
  relationshipMarker,
} from '../../space/space-lookup.js';
import { collapseWhitespace, dedupeCaseInsensitive, normalizeSqlText, toTextPieces } from '../../space/text-pieces.js';

const byId = (item: { id: string }): string => item.id;

export function compileAddJoin(space: Space, fix: FixOf<'add_join'>): Operation[] {
  const left = requireTable(space, fix.left.table);
  const right = requireTable(space, fix.right.table);
  const leftColumn = `${normalizeIdentifier(left.table.identifier)}.${normalizeName(fix.left.column)}`;
  const rightColumn = `${normalizeIdentifier(right.table.identifier)}.${normalizeName(fix.right.column)}`;

  for (const spec of space.instructions?.join_specs ?? []) {
    const condition = parseJoinCondition(spec);
    if (!condition) continue;
    const marker = findRelationshipMarker(spec)?.relationship;
    let existing: string | undefined;
    if (condition.left === leftColumn && condition.right === rightColumn) existing = marker;
    else if (condition.left === rightColumn && condition.right === leftColumn) {
      const parsed = RelationshipSchema.safeParse(marker);
      existing = parsed.success ? flipRelationship(parsed.data) : marker;
    } else continue;
    if (existing === fix.relationship) return [];
    throw new FixCompileError(
      'conflict',
      `join spec ${spec.id} already joins these columns ${existing ? `as ${existing}` : 'without a relationship'}; use fix_join to change it`,
    );
  }

  const leftAlias = lastPart(left.table.identifier);
  let rightAlias = lastPart(right.table.identifier);
  // A self-join needs two aliases.
  if (rightAlias.toLowerCase() === leftAlias.toLowerCase()) rightAlias = `${rightAlias}_2`;
  const condition = `${quoteName(leftAlias)}.${quoteName(unquoteName(fix.left.column))} = ${quoteName(rightAlias)}.${quoteName(unquoteName(fix.right.column))}`;
  const spec = {
    id: newId(space, fixKey(fix)),
    left: { identifier: left.table.identifier, alias: leftAlias },
    right: { identifier: right.table.identifier, alias: rightAlias },
    sql: [condition, relationshipMarker(fix.relationship)],
    ...(fix.comment ? { comment: toTextPieces(fix.comment) } : {}),
  };
  return insertSorted(space, ['instructions', 'join_specs'], spec, byId);
}

export function compileFixJoin(space: Space, fix: FixOf<'fix_join'>): Operation[] {
  const located = findJoinById(space, fix.joinId);
  if (!located)
    throw new FixCompileError(
      'unknown_reference',
      `unknown join spec ${fix.joinId}: the space has no join with this id`,
    );
  const segments = ['instructions', 'join_specs', String(located.index), 'sql'];
  const marker = findRelationshipMarker(located.spec);
  if (!marker)
    return [
      { op: 'add', path: pointer([...segments, located.spec.sql.length]), value: relationshipMarker(fix.relationship) },
    ];
  if (marker.relationship === fix.relationship) return [];
  const path = pointer([...segments, marker.index]);
  return [
    { op: 'test', path, value: located.spec.sql[marker.index] },
    { op: 'replace', path, value: relationshipMarker(fix.relationship) },
  ];
}

function compileParameter(param: ExampleParameter): Record<string, unknown> {
  const values =
    param.default_value === undefined
      ? undefined
      : Array.isArray(param.default_value)
        ? param.default_value
        : [param.default_value];
  return {
    name: param.name,
    ...(param.type_hint ? { type_hint: param.type_hint } : {}),
    ...(param.description ? { description: toTextPieces(param.description) } : {}),
    ...(values ? { default_value: { values } } : {}),
  };
}

export function compileAddExampleQuery(space: Space, fix: FixOf<'add_example_query'>): Operation[] {
  const question = collapseWhitespace(fix.question).toLowerCase();
  const sql = normalizeSqlText(fix.sql);
  for (const example of space.instructions?.example_question_sqls ?? []) {
    if (collapseWhitespace(joinText(example.question)).toLowerCase() !== question) continue;
    if (normalizeSqlText(joinText(example.sql)) === sql) return [];
    throw new FixCompileError('conflict', `example ${example.id} already answers this question with other SQL`);
  }
  const parameters = [...(fix.parameters ?? [])].sort((a, b) => compareStrings(a.name, b.name)).map(compileParameter);
  const example = {
    id: newId(space, fixKey(fix)),
    question: toTextPieces(fix.question.trim()),
    sql: toTextPieces(fix.sql.trim()),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(fix.usage_guidance ? { usage_guidance: toTextPieces(fix.usage_guidance) } : {}),
  };
  return insertSorted(space, ['instructions', 'example_question_sqls'], example, byId);
}

const SNIPPET_LISTS = { measure: 'measures', filter: 'filters', expression: 'expressions' } as const;

/** A SQL alias from a display name: lowercase words joined by `_` (letters of any script kept). */
export function aliasFromName(displayName: string): string {
  const alias = displayName
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  return /^\p{N}/u.test(alias) || alias === '' ? `_${alias}` : alias;
}

export function compileAddSqlSnippet(space: Space, fix: FixOf<'add_sql_snippet'>): Operation[] {
  const listKey = SNIPPET_LISTS[fix.kind];
  const existing = space.instructions?.sql_snippets?.[listKey] ?? [];
  const sql = normalizeSqlText(fix.sql);
  const name = collapseWhitespace(fix.display_name).toLowerCase();
  const alias = fix.kind === 'filter' ? undefined : (fix.alias ?? aliasFromName(fix.display_name));
  if (existing.some((snippet) => normalizeSqlText(joinText(snippet.sql)) === sql)) return [];
  for (const snippet of existing) {
    const sameName =
      snippet.display_name !== undefined && collapseWhitespace(snippet.display_name).toLowerCase() === name;
    const snippetAlias = 'alias' in snippet && typeof snippet.alias === 'string' ? snippet.alias : undefined;
    const sameAlias = alias !== undefined && snippetAlias?.toLowerCase() === alias.toLowerCase();
    if (sameName || sameAlias) {
      throw new FixCompileError(
        'conflict',
        `${fix.kind} ${snippet.id} already uses the ${sameName ? `name "${fix.display_name}"` : `alias ${alias}`} with other SQL`,
      );
    }
  }
  const synonyms = dedupeCaseInsensitive(fix.synonyms ?? []);
  const snippet = {
    id: newId(space, fixKey(fix)),
    ...(alias !== undefined ? { alias } : {}),
    sql: toTextPieces(fix.sql.trim()),
    display_name: fix.display_name.trim(),
    ...(synonyms.length > 0 ? { synonyms } : {}),
    ...(fix.instruction ? { instruction: toTextPieces(fix.instruction) } : {}),
    ...(fix.comment ? { comment: toTextPieces(fix.comment) } : {}),
  };
  return insertSorted(space, ['instructions', 'sql_snippets', listKey], snippet, byId);
}

/** The text instruction stays one item: append a piece to it, or create it. */
export function compileAddTextInstruction(space: Space, fix: FixOf<'add_text_instruction'>): Operation[] {
  const text = fix.text.trim();
  const current = space.instructions?.text_instructions?.[0];
  if (!current) {
    return insertSorted(
      space,
      ['instructions', 'text_instructions'],
      { id: newId(space, fixKey(fix)), content: [`${text}\n`] },
      byId,
    );
  }
  const joined = joinText(current.content);
  if (collapseWhitespace(joined).toLowerCase().includes(collapseWhitespace(text).toLowerCase())) return [];
  // Pieces are concatenated: keep the new text on its own line.
  const piece = (joined !== '' && !joined.endsWith('\n') ? '\n' : '') + `${text}\n`;
  return [
    {
      op: 'add',
      path: pointer(['instructions', 'text_instructions', '0', 'content', current.content.length]),
      value: piece,
    },
  ];
}
