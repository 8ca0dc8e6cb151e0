/**
 * Warehouse look-ups the engine makes: distinct values for entity-matching
 * columns, a few example values for format-assisted columns, the clock, and
 * which column holds a value quoted in a question.
 */
import type { Warehouse } from '../../ports.js';
import { quoteName as q, quoteLiteral, quoteTableIdentifier } from '../../sql/quote.js';
import type { Catalog, ColumnInfo } from './catalog.js';

/** Genie's published cap on a value dictionary. */
const MAX_VALUES = 1024;
const MAX_VALUE_LENGTH = 127;

export async function loadValues(catalog: Catalog, warehouse: Warehouse): Promise<void> {
  for (const table of catalog.tables) {
    const from = quoteTableIdentifier(table.identifier);
    if (!from) continue; // a malformed name is never pasted into SQL
    for (const column of table.columns) {
      if (!column.entity && !column.format) continue;
      const limit = column.entity ? MAX_VALUES : 5;
      try {
        const result = await warehouse.execute(
          `SELECT DISTINCT ${q(column.name)} AS v FROM ${from} WHERE ${q(column.name)} IS NOT NULL LIMIT ${limit}`,
        );
        const values = result.rows
          .map((r) => r[0])
          .filter((v) => v !== null)
          .map(String)
          .filter((v) => v.length <= MAX_VALUE_LENGTH);
        if (column.entity) column.values = values;
        column.examples = values.slice(0, 5);
      } catch {
        // A column the warehouse cannot read simply gets no dictionary.
      }
    }
  }
}

/** The warehouse's current date (ISO), so month names without a year resolve like the SQL clock. */
export async function warehouseToday(warehouse: Warehouse): Promise<string> {
  try {
    const result = await warehouse.execute('SELECT current_date AS today');
    const v = result.rows[0]?.[0];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  } catch {
    // fall through to the host clock
  }
  return new Date().toISOString().slice(0, 10);
}

/**
 * Find the column holding a quoted value: first the preferred columns (near the quote),
 * then every text column of the space. Case-insensitive, returning the stored spelling.
 */
export async function locateQuoted(
  value: string,
  preferred: ColumnInfo[],
  catalog: Catalog,
  warehouse: Warehouse,
  cache: Map<string, string | null>,
): Promise<{ column: ColumnInfo; value: string } | undefined> {
  const all = catalog.tables.flatMap((t) => t.columns).filter((c) => c.type === 'string');
  const order = [...preferred.filter((c) => c.type === 'string'), ...all.filter((c) => !preferred.includes(c))];
  for (const column of order) {
    const key = `${column.table.identifier}.${column.name}\u0000${value}`;
    let stored = cache.get(key);
    const from = quoteTableIdentifier(column.table.identifier);
    const literal = quoteLiteral(value);
    // A name or value that cannot be quoted safely is never pasted into SQL.
    if (stored === undefined && from && literal) {
      try {
        const r = await warehouse.execute(
          `SELECT ${q(column.name)} FROM ${from} WHERE lower(${q(column.name)}) = lower(${literal}) LIMIT 1`,
        );
        stored = r.rows.length > 0 ? String(r.rows[0][0]) : null;
      } catch {
        stored = null;
      }
      cache.set(key, stored);
    }
    if (stored !== null && stored !== undefined) return { column, value: stored };
  }
  return undefined;
}
