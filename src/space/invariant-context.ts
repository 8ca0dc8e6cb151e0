/** What the invariant checks share: where to report, the space's tables, and the warehouse's columns. */
import type { ValidationIssue } from '../errors.js';
import type { WarehouseSchema } from '../ports.js';
import { normalizeIdentifier } from '../sql/identifiers.js';
import type { Space } from './schema.js';

export interface SpaceTableRef {
  identifier: string;
  /** JSON path of the table entry. */
  path: string;
}

export interface InvariantContext {
  space: Space;
  /** Tables and metric views of the space, by normalised identifier (first entry wins). */
  tables: Map<string, SpaceTableRef>;
  /** Warehouse tables by normalised identifier -> lowercase column names; undefined when the schema is unknown. */
  warehouse?: Map<string, Set<string>>;
  add(path: string, message: string): void;
  issues: ValidationIssue[];
}

export function createContext(space: Space, file: string, warehouseSchema?: WarehouseSchema): InvariantContext {
  const issues: ValidationIssue[] = [];
  const tables = new Map<string, SpaceTableRef>();
  const register = (list: readonly { identifier: string }[] | undefined, base: string) => {
    (list ?? []).forEach((table, index) => {
      if (typeof table.identifier !== 'string') return;
      const key = normalizeIdentifier(table.identifier);
      if (!tables.has(key)) tables.set(key, { identifier: table.identifier, path: `${base}[${index}]` });
    });
  };
  register(space.data_sources?.tables, '$.data_sources.tables');
  register(space.data_sources?.metric_views, '$.data_sources.metric_views');
  const warehouse = warehouseSchema
    ? new Map(
        warehouseSchema.tables.map((t) => [
          normalizeIdentifier(t.identifier),
          new Set(t.columns.map((c) => c.name.toLowerCase())),
        ]),
      )
    : undefined;
  return { space, tables, warehouse, issues, add: (path, message) => issues.push({ file, path, message }) };
}
