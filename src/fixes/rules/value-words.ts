/**
 * Question words that are stored values ("dog" in pets.pettype) are not names: they must not
 * become synonyms of a table or column. This reads the distinct values of the low-cardinality
 * text columns of each failure's tables (read-only, cached) and returns their word stems.
 */
import type { ConfigIndex } from './config.js';
import type { FailureView } from './evidence.js';
import { splitStems } from './text.js';
import type { WarehouseProbe } from './warehouse.js';

/** Columns with more distinct values than this (names, free text) are not read. */
const MAX_VALUES = 200;
/** Values longer than this many words are sentences, not names of things. */
const MAX_VALUE_WORDS = 3;

export async function storedValueStems(
  views: readonly FailureView[],
  index: ConfigIndex,
  probe: WarehouseProbe,
): Promise<Set<string>[]> {
  const out: Set<string>[] = [];
  for (const view of views) {
    const stems = new Set<string>();
    for (const table of view.tables) {
      for (const column of index.tables.get(table)?.columns ?? []) {
        if (!/^(string|varchar|char|text)/i.test(column.type)) continue;
        const values = await probe.distinctValues(table, column.name, MAX_VALUES);
        for (const value of values ?? []) {
          const words = splitStems(value);
          if (words.length <= MAX_VALUE_WORDS) words.forEach((w) => stems.add(w));
        }
      }
    }
    out.push(stems);
  }
  return out;
}
