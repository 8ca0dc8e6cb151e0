/**
 * Does a fix name things that exist? Tables must be tables (or metric views) of the space;
 * when the warehouse schema is known, tables and columns must exist there too.
 */
import type { WarehouseSchema } from '../../ports.js';
import type { Space } from '../../space/schema.js';
import type { Fix } from '../fix-types.js';
import { normalizeIdentifier, normalizeName } from '../../sql/identifiers.js';
import { findJoinById, findTable } from '../../space/space-lookup.js';

interface Reference {
  table: string;
  column?: string;
}

function referencesOf(fix: Fix): Reference[] {
  switch (fix.type) {
    case 'add_synonym':
    case 'add_column_description':
    case 'enable_get_example_values':
    case 'enable_build_value_dictionary':
      return [{ table: fix.table, column: fix.column }];
    case 'update_table_description':
      return [{ table: fix.table }];
    case 'add_join':
      return [fix.left, fix.right];
    default:
      return [];
  }
}

/** Lowercase column names by normalised table identifier. */
export function warehouseColumns(schema: WarehouseSchema): Map<string, Set<string>> {
  return new Map(
    schema.tables.map((table) => [
      normalizeIdentifier(table.identifier),
      new Set(table.columns.map((column) => column.name.toLowerCase())),
    ]),
  );
}

/** The reason the fix refers to something unknown, or undefined when all its references resolve. */
export function checkFixReferences(space: Space, fix: Fix, warehouse?: Map<string, Set<string>>): string | undefined {
  if (fix.type === 'fix_join' && !findJoinById(space, fix.joinId)) {
    return `unknown join spec ${fix.joinId}: the space has no join with this id`;
  }
  for (const ref of referencesOf(fix)) {
    const located = findTable(space, ref.table);
    if (!located) return `unknown table ${ref.table}: it is not a table or metric view of this space`;
    if (!warehouse) continue;
    const columns = warehouse.get(normalizeIdentifier(ref.table));
    if (!columns) {
      // Metric views need not appear in a warehouse listing.
      if (located.segments[1] === 'tables') return `unknown table ${ref.table}: it does not exist in the warehouse`;
      continue;
    }
    if (ref.column !== undefined && !columns.has(normalizeName(ref.column))) {
      const known = [...columns].slice(0, 12).join(', ');
      return `unknown column ${ref.column} in ${ref.table}: the warehouse table has ${known}${columns.size > 12 ? ', ...' : ''}`;
    }
  }
  return undefined;
}
