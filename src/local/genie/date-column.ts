/** Which date column a time filter or bucket uses when the question does not name one. */
import type { Catalog, ColumnInfo, TableInfo } from './catalog.js';

const EVENT_WORDS = /\b(when|time|timestamp|date|day|occurred|sent|posted|created|happened|event)\b/i;

/**
 * Prefer the base table's temporal columns; among several, the one described or
 * named as the event time, then names ending in _at/_date, then the first.
 */
export function pickDateColumn(table: TableInfo, _catalog?: Catalog): ColumnInfo | undefined {
  const temporal = table.columns.filter((c) => c.type === 'date' || c.type === 'timestamp');
  if (temporal.length <= 1) return temporal[0];
  const score = (c: ColumnInfo): number =>
    (EVENT_WORDS.test(c.description) ? 4 : 0) +
    (/^(event|stat|sent|posted|created|occurred|order|activity)_?(at|date|time)?$|^(date|day|ts|timestamp)$/i.test(
      c.name,
    )
      ? 2
      : 0) +
    (/(_at|_date|_time)$/i.test(c.name) ? 1 : 0) -
    (/(updated|deleted|modified|birth|joined|signup)/i.test(c.name) ? 2 : 0);
  return [...temporal].sort((a, b) => score(b) - score(a))[0];
}
