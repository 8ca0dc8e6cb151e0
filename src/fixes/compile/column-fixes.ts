/** Compiling the fixes that edit tables and their column configs. */
import type { Operation } from 'fast-json-patch';
import type { ColumnConfig, Space } from '../../space/schema.js';
import { joinText } from '../../space/schema.js';
import { FixCompileError } from '../fix-errors.js';
import type { FixOf } from '../fix-types.js';
import { unquoteName } from '../../sql/identifiers.js';
import { insertSorted, pointer, setMember } from './patch-ops.js';
import { findColumn, findTable, type TableLocation } from '../../space/space-lookup.js';
import { dedupeCaseInsensitive, toTextPieces } from '../../space/text-pieces.js';

export function requireTable(space: Space, identifier: string): TableLocation {
  const table = findTable(space, identifier);
  if (!table)
    throw new FixCompileError(
      'unknown_reference',
      `unknown table ${identifier}: it is not a table or metric view of this space`,
    );
  return table;
}

/**
 * Ops for one column: `onExisting` edits its config; when it has none, `forNew` gives the
 * members of a new config (undefined: nothing to add), inserted in column_name order.
 */
function columnOps(
  space: Space,
  fix: { table: string; column: string },
  onExisting: (column: ColumnConfig, segments: string[]) => Operation[],
  forNew: () => Record<string, unknown> | undefined,
): Operation[] {
  const table = requireTable(space, fix.table);
  const located = findColumn(table, fix.column);
  if (located.column && located.index !== undefined) {
    if (located.column.exclude === true) {
      throw new FixCompileError(
        'conflict',
        `column ${fix.column} of ${fix.table} is excluded from the space; include it before configuring it`,
      );
    }
    return onExisting(located.column, [...table.segments, 'column_configs', String(located.index)]);
  }
  const members = forNew();
  if (!members) return [];
  const config: Record<string, unknown> = { column_name: unquoteName(fix.column), ...members };
  return insertSorted(space, [...table.segments, 'column_configs'], config, (item) => String(item.column_name));
}

function sameText(pieces: string[]): (current: unknown) => boolean {
  return (current) => Array.isArray(current) && joinText(current as string[]).trim() === joinText(pieces).trim();
}

export function compileAddSynonym(space: Space, fix: FixOf<'add_synonym'>): Operation[] {
  return columnOps(
    space,
    fix,
    (column, segments) => {
      const fresh = dedupeCaseInsensitive(fix.synonyms, [...(column.synonyms ?? []), column.column_name]);
      if (fresh.length === 0) return [];
      if (column.synonyms === undefined) return setMember(column, segments, 'synonyms', fresh);
      const start = column.synonyms.length;
      return fresh.map((synonym, i): Operation => ({
        op: 'add',
        path: pointer([...segments, 'synonyms', start + i]),
        value: synonym,
      }));
    },
    () => {
      const fresh = dedupeCaseInsensitive(fix.synonyms, [unquoteName(fix.column)]);
      return fresh.length > 0 ? { synonyms: fresh } : undefined;
    },
  );
}

export function compileAddColumnDescription(space: Space, fix: FixOf<'add_column_description'>): Operation[] {
  const pieces = toTextPieces(fix.description.trim());
  return columnOps(
    space,
    fix,
    (column, segments) => setMember(column, segments, 'description', pieces, sameText(pieces)),
    () => ({ description: pieces }),
  );
}

export function compileUpdateTableDescription(space: Space, fix: FixOf<'update_table_description'>): Operation[] {
  const table = requireTable(space, fix.table);
  const pieces = toTextPieces(fix.description.trim());
  return setMember(table.table, table.segments, 'description', pieces, sameText(pieces));
}

/** The column flag names the file's version uses (version 2 renamed them). */
export function flagNames(space: Space): { formatAssistance: string; entityMatching: string } {
  return space.version >= 2
    ? { formatAssistance: 'enable_format_assistance', entityMatching: 'enable_entity_matching' }
    : { formatAssistance: 'get_example_values', entityMatching: 'build_value_dictionary' };
}

export function compileEnableGetExampleValues(space: Space, fix: FixOf<'enable_get_example_values'>): Operation[] {
  const { formatAssistance } = flagNames(space);
  return columnOps(
    space,
    fix,
    (column, segments) => setMember(column, segments, formatAssistance, true),
    () => ({ [formatAssistance]: true }),
  );
}

/** Entity matching needs format assistance, so both flags are turned on. */
export function compileEnableBuildValueDictionary(
  space: Space,
  fix: FixOf<'enable_build_value_dictionary'>,
): Operation[] {
  const { formatAssistance, entityMatching } = flagNames(space);
  return columnOps(
    space,
    fix,
    (column, segments) => [
      ...setMember(column, segments, formatAssistance, true),
      ...setMember(column, segments, entityMatching, true),
    ],
    () => ({ [formatAssistance]: true, [entityMatching]: true }),
  );
}
