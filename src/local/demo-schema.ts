/**
 * The demo tables' definitions, apart from their rows (issue 15, cold start). `validate`, `lint`
 * and every check of names against the warehouse need only the schema: the warehouse reports it
 * from here at once and generates the 50,000 rows (about a second) only when a statement runs.
 * demo-data.ts creates the tables from the same definitions, and the warehouse checks that the
 * generated database lists exactly these tables, so the two cannot drift apart.
 */
import type { WarehouseTable } from '../ports.js';
import { quoteIdentifier } from './sql-dialect.js';
import { databricksType } from './sqlite-types.js';

export const DEMO_TABLES = ['channels', 'members', 'messages', 'reactions', 'daily_channel_stats'] as const;
type DemoTable = (typeof DEMO_TABLES)[number];

/** Column name, SQLite declaration; then table constraints. */
const DEFINITIONS: Record<DemoTable, { columns: [string, string][]; constraints?: string }> = {
  channels: {
    columns: [
      ['channel_id', 'INTEGER PRIMARY KEY'],
      ['channel_name', 'TEXT NOT NULL'],
      ['category', 'TEXT NOT NULL'],
      ['is_private', 'INTEGER NOT NULL'],
      ['created_at', 'DATE NOT NULL'],
    ],
  },
  members: {
    columns: [
      ['member_id', 'INTEGER PRIMARY KEY'],
      ['display_name', 'TEXT NOT NULL'],
      ['country_code', 'TEXT NOT NULL'],
      ['plan', 'TEXT NOT NULL'],
      ['joined_at', 'DATE NOT NULL'],
    ],
  },
  messages: {
    columns: [
      ['message_id', 'INTEGER PRIMARY KEY'],
      ['channel_id', 'INTEGER NOT NULL'],
      ['member_id', 'INTEGER NOT NULL'],
      ['sent_at', 'TIMESTAMP NOT NULL'],
      ['word_count', 'INTEGER NOT NULL'],
      ['is_reply', 'INTEGER NOT NULL'],
    ],
  },
  reactions: {
    columns: [
      ['reaction_id', 'INTEGER PRIMARY KEY'],
      ['message_id', 'INTEGER NOT NULL'],
      ['member_id', 'INTEGER NOT NULL'],
      ['emoji', 'TEXT NOT NULL'],
      ['reacted_at', 'TIMESTAMP NOT NULL'],
    ],
  },
  daily_channel_stats: {
    columns: [
      ['stat_date', 'DATE NOT NULL'],
      ['channel_id', 'INTEGER NOT NULL'],
      ['active_members', 'INTEGER NOT NULL'],
      ['messages_count', 'INTEGER NOT NULL'],
      ['new_joins', 'INTEGER NOT NULL'],
    ],
    constraints: 'PRIMARY KEY (stat_date, channel_id)',
  },
};

const fullName = (catalog: string, schema: string, table: string) => `${catalog}.${schema}.${table}`;

/** The CREATE TABLE statements of the demo tables under `<catalog>.<schema>`. */
export function demoCreateTables(catalog: string, schema: string): string {
  return DEMO_TABLES.map((name) => {
    const { columns, constraints } = DEFINITIONS[name];
    const parts = [
      ...columns.map(([column, declared]) => `${column} ${declared}`),
      ...(constraints ? [constraints] : []),
    ];
    return `CREATE TABLE ${quoteIdentifier(fullName(catalog, schema, name))} (${parts.join(', ')});`;
  }).join('\n');
}

/** The demo tables as the warehouse lists them (sorted by name, Databricks types), without generating a row. */
export function demoSchemaTables(catalog: string, schema: string): WarehouseTable[] {
  return DEMO_TABLES.map((name) => ({
    identifier: fullName(catalog, schema, name).toLowerCase(),
    columns: DEFINITIONS[name].columns.map(([column, declared]) => ({
      name: column,
      type: databricksType(declared.split(' ')[0]),
    })),
  })).sort((a, b) => (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
}
