/**
 * Finding the parts of a space (a table, a column config, a join spec) by Genie's matching rules
 * (unquoted, case-insensitive).
 */
import type { ColumnConfig, JoinSpec, Space, Table } from './schema.js';
import { isRelationshipMarker, parseJoinCondition as parseEquality, RELATIONSHIP_MARKER } from './join-condition.js';
import { lastPart, normalizeIdentifier, normalizeName } from '../sql/identifiers.js';

export interface TableLocation {
  /** JSON pointer segments to the table object. */
  segments: string[];
  table: Table;
}

export interface ColumnLocation {
  table: TableLocation;
  /** Index in column_configs, or undefined when the column has no config yet. */
  index?: number;
  column?: ColumnConfig;
}

/** A table or metric view of the space, by identifier. */
export function findTable(space: Space, identifier: string): TableLocation | undefined {
  const wanted = normalizeIdentifier(identifier);
  for (const list of ['tables', 'metric_views'] as const) {
    const tables = space.data_sources?.[list] ?? [];
    const index = tables.findIndex((table) => normalizeIdentifier(table.identifier) === wanted);
    if (index >= 0) return { segments: ['data_sources', list, String(index)], table: tables[index] };
  }
  return undefined;
}

/** The column config of a column in a located table, if it has one. */
export function findColumn(table: TableLocation, column: string): ColumnLocation {
  const wanted = normalizeName(column);
  const configs = table.table.column_configs ?? [];
  const index = configs.findIndex((config) => normalizeName(config.column_name) === wanted);
  return index >= 0 ? { table, index, column: configs[index] } : { table };
}

export interface JoinLocation {
  index: number;
  spec: JoinSpec;
}

export function findJoinById(space: Space, id: string): JoinLocation | undefined {
  const specs = space.instructions?.join_specs ?? [];
  const index = specs.findIndex((spec) => spec.id === id.toLowerCase());
  return index >= 0 ? { index, spec: specs[index] } : undefined;
}

/** Index and type of the relationship marker in a join spec's sql, if present. */
export function findRelationshipMarker(spec: JoinSpec): { index: number; relationship: string } | undefined {
  for (let index = 0; index < spec.sql.length; index++) {
    const match = RELATIONSHIP_MARKER.exec(spec.sql[index].trim());
    if (match) return { index, relationship: match[1] };
  }
  return undefined;
}

export function relationshipMarker(relationship: string): string {
  return `--rt=FROM_RELATIONSHIP_TYPE_${relationship}--`;
}

/** The columns a join spec joins, each as a normalised `table.column`. */
export interface JoinCondition {
  left: string;
  right: string;
}

/**
 * Read the equality condition of a join spec and map its aliases back to table
 * identifiers. Undefined when the condition has another shape or unknown qualifiers.
 */
export function parseJoinCondition(spec: JoinSpec): JoinCondition | undefined {
  const condition = spec.sql.find((line) => !isRelationshipMarker(line));
  const parsed = condition === undefined ? undefined : parseEquality(condition.replace(/\n/g, ' '));
  if (!parsed) return undefined;
  const aliases = new Map<string, string>();
  for (const side of [spec.left, spec.right]) {
    aliases.set(normalizeName(side.alias || lastPart(side.identifier)), normalizeIdentifier(side.identifier));
  }
  const resolve = (qualifier: string, column: string): string | undefined => {
    const table = aliases.get(normalizeName(qualifier));
    return table === undefined ? undefined : `${table}.${normalizeName(column)}`;
  };
  const left = resolve(parsed.left.qualifier, parsed.left.column);
  const right = resolve(parsed.right.qualifier, parsed.right.column);
  return left !== undefined && right !== undefined ? { left, right } : undefined;
}
