/** What every rule of the rules analyst receives and returns. */
import type { Space } from '../../space/schema.js';
import type { Fix } from '../fix-types.js';
import type { Alignment } from './align.js';
import type { ConfigIndex } from './config.js';
import type { FailureView } from './evidence.js';
import type { WarehouseProbe } from './warehouse.js';

/** A proposed fix with the rank of its kind of evidence (higher is stronger). */
export interface Proposal {
  fix: Fix;
  priority: number;
}

export interface RuleContext {
  space: Space;
  index: ConfigIndex;
  views: FailureView[];
  /** Word alignments per view (same order as `views`). */
  alignments: Alignment[][];
  probe: WarehouseProbe;
  notes: string[];
}

export type Rule = (context: RuleContext) => Promise<Proposal[]>;

/**
 * Ranking of evidence: a join or value dictionary the expected SQL proves needed beats a
 * word alignment, which beats a guess; example queries come last (they fix one question).
 */
export const PRIORITY = {
  addJoin: 100,
  fixJoin: 95,
  inferredJoin: 90,
  valueDictionary: 80,
  lexicalSynonym: 75,
  tableDescription: 70,
  valueDescription: 65,
  measure: 60,
  filter: 55,
  fallbackSynonym: 50,
  exampleValues: 40,
  categoryDictionary: 35,
  exampleQuery: 10,
} as const;

/** The table identifier as the space spells it (fixes must name the space's table). */
export function spaceIdentifier(index: ConfigIndex, table: string): string {
  return index.tables.get(table)?.identifier ?? table;
}

/** The table's short name, lowercase: how snippets and join specs qualify columns. */
export function shortName(table: string): string {
  return table.split('.').pop() ?? table;
}
