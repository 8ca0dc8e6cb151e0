/** Statements the emulator ran: results split into chunks in the JSON_ARRAY shape, kept for the server's life. */
import { randomUUID } from 'node:crypto';
import { ReadOnlyViolationError, WarehouseError } from '../errors.js';
import type { Cell, QueryResult, Warehouse } from '../ports.js';
import { findThreePartNames } from '../sql/identifiers.js';
import { HttpError } from './http-io.js';

interface StoredStatement {
  id: string;
  state: 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED';
  readyAt: number;
  result?: QueryResult;
  error?: { error_code: string; message: string };
}

export interface StatementStoreOptions {
  /** Rows per result chunk; default 1000. */
  chunkRows?: number;
  /** How long a statement stays RUNNING; default 0. */
  latencyMs?: number;
  now?: () => number;
}

export class StatementStore {
  private readonly statements = new Map<string, StoredStatement>();
  private readonly chunkRows: number;
  private readonly latencyMs: number;
  private readonly now: () => number;

  constructor(options: StatementStoreOptions = {}) {
    this.chunkRows = Math.max(1, options.chunkRows ?? 1000);
    this.latencyMs = options.latencyMs ?? 0;
    this.now = options.now ?? Date.now;
  }

  /** Runs a statement now; it reports RUNNING until the configured latency has passed. */
  async run(warehouse: Warehouse, sql: string, rowLimit: number | undefined): Promise<string> {
    const id = randomUUID();
    const statement: StoredStatement = { id, state: 'SUCCEEDED', readyAt: this.now() + this.latencyMs };
    try {
      statement.result = await withDeclaredTypes(await warehouse.execute(sql, { rowLimit }), sql, warehouse);
    } catch (error) {
      if (!(error instanceof WarehouseError || error instanceof ReadOnlyViolationError)) throw error;
      statement.state = 'FAILED';
      statement.error = {
        error_code: error instanceof ReadOnlyViolationError ? 'NOT_IMPLEMENTED' : 'BAD_REQUEST',
        message: error.message,
      };
    }
    this.statements.set(id, statement);
    return id;
  }

  /** Stores an already computed result (Genie's own execution). */
  put(result: QueryResult): string {
    const id = randomUUID();
    this.statements.set(id, { id, state: 'SUCCEEDED', readyAt: 0, result });
    return id;
  }

  isRunning(id: string): boolean {
    const s = this.get(id);
    return s.state === 'SUCCEEDED' || s.state === 'FAILED' ? this.now() < s.readyAt : false;
  }

  cancel(id: string): void {
    const s = this.get(id);
    if (this.now() < s.readyAt) s.state = 'CANCELED';
  }

  /** The statement in the API's response shape, with the first chunk inline. */
  response(id: string): Record<string, unknown> {
    const s = this.get(id);
    if (this.isRunning(id)) return { statement_id: id, status: { state: 'RUNNING' } };
    if (s.state !== 'SUCCEEDED' || !s.result)
      return { statement_id: id, status: { state: s.state, ...(s.error ? { error: s.error } : {}) } };
    const result = s.result;
    const chunks = Math.max(1, Math.ceil(result.rows.length / this.chunkRows));
    return {
      statement_id: id,
      status: { state: 'SUCCEEDED' },
      manifest: {
        format: 'JSON_ARRAY',
        schema: {
          column_count: result.columns.length,
          columns: result.columns.map((c, i) => ({
            name: c.name,
            type_name: c.type || 'STRING',
            type_text: c.type || 'STRING',
            position: i,
          })),
        },
        total_row_count: result.rows.length,
        total_chunk_count: chunks,
        truncated: result.truncated,
      },
      result: this.chunkBody(result, 0),
    };
  }

  chunk(id: string, index: number): Record<string, unknown> {
    const s = this.get(id);
    if (!s.result || this.isRunning(id)) throw new HttpError(400, 'INVALID_STATE', `statement ${id} has no result`);
    const chunks = Math.max(1, Math.ceil(s.result.rows.length / this.chunkRows));
    if (!Number.isInteger(index) || index < 0 || index >= chunks)
      throw new HttpError(404, 'NOT_FOUND', `chunk ${index} of statement ${id} does not exist`);
    return this.chunkBody(s.result, index);
  }

  private chunkBody(result: QueryResult, index: number): Record<string, unknown> {
    const rows = result.rows.slice(index * this.chunkRows, (index + 1) * this.chunkRows);
    const last = (index + 1) * this.chunkRows >= result.rows.length;
    return {
      chunk_index: index,
      row_offset: index * this.chunkRows,
      row_count: rows.length,
      data_array: rows.map((row) => row.map(toJsonArrayValue)),
      ...(last ? {} : { next_chunk_index: index + 1 }),
    };
  }

  private get(id: string): StoredStatement {
    const s = this.statements.get(id);
    if (!s) throw new HttpError(404, 'NOT_FOUND', `statement ${id} does not exist`);
    return s;
  }
}

/**
 * The embedded engine infers types from values, so an empty result has none; a real
 * warehouse still knows them. Take them from the declared columns of the tables named.
 */
async function withDeclaredTypes(result: QueryResult, sql: string, warehouse: Warehouse): Promise<QueryResult> {
  if (result.rows.length > 0) return result;
  const named = new Set(findThreePartNames(sql).map((n) => n.replace(/`/g, '').toLowerCase()));
  const declared = new Map<string, string>();
  for (const table of (await warehouse.schema()).tables) {
    if (!named.has(table.identifier.toLowerCase())) continue;
    for (const column of table.columns) if (!declared.has(column.name)) declared.set(column.name, column.type);
  }
  return { ...result, columns: result.columns.map((c) => ({ name: c.name, type: declared.get(c.name) ?? c.type })) };
}

/** JSON_ARRAY sends every value as a string. */
function toJsonArrayValue(cell: Cell): string | null {
  if (cell === null) return null;
  return typeof cell === 'string' ? cell : String(cell);
}
