/**
 * A few distinct values of the warehouse's text columns, so the model can write filters and
 * synonyms against real values ('KR', not 'Korea'). Bounded: a handful of small queries, and
 * any failure just leaves the column without samples.
 */
import type { Warehouse, WarehouseSchema } from '../../ports.js';
import { quoteName, quoteTableIdentifier } from '../../sql/quote.js';
import { normalizeIdentifier } from '../../sql/identifiers.js';
import type { SampleValues } from './evidence.js';

export interface SampleOptions {
  /** Most columns sampled in total (each is one query). */
  maxColumns: number;
  /** Values listed per column; more distinct values than this marks the column "e.g.". */
  maxValues: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

const TEXT_TYPE = /^(string|text|varchar|char|nvarchar|character)/i;

export async function collectSampleValues(
  warehouse: Warehouse,
  schema: WarehouseSchema,
  options: SampleOptions,
): Promise<SampleValues> {
  const samples: SampleValues = new Map();
  let budget = options.maxColumns;
  for (const table of schema.tables) {
    const from = quoteTableIdentifier(table.identifier);
    if (!from) continue; // a malformed name is never pasted into SQL
    for (const column of table.columns) {
      if (budget <= 0 || options.signal?.aborted) return samples;
      if (!TEXT_TYPE.test(column.type)) continue;
      budget--;
      const name = quoteName(column.name);
      const sql = `SELECT DISTINCT ${name} FROM ${from} WHERE ${name} IS NOT NULL ORDER BY ${name} LIMIT ${options.maxValues + 1}`;
      try {
        const result = await warehouse.execute(sql, {
          rowLimit: options.maxValues + 1,
          timeoutMs: options.timeoutMs,
          signal: options.signal,
        });
        const values = result.rows.map((row) => String(row[0])).filter((value) => value.length <= 60);
        if (values.length === 0) continue;
        const key = normalizeIdentifier(table.identifier);
        const tableSamples = samples.get(key) ?? new Map<string, { values: string[]; more: boolean }>();
        tableSamples.set(column.name.toLowerCase(), {
          values: values.slice(0, options.maxValues),
          more: result.rows.length > options.maxValues,
        });
        samples.set(key, tableSamples);
      } catch {
        // Samples are a convenience: a column we cannot read is shown without values.
      }
    }
  }
  return samples;
}
