/**
 * Join inference from the schema and the data, for joins no failing train question has shown
 * yet: a column `a` of one table references a key `b` of another when
 * - the names say so: the same name (not a generic one such as `id` or `name`), or `a` names
 *   the other table and `b` is a generic key of it (`visitor_ID` -> visitor.ID,
 *   `SourceAirport` -> airports.AirportCode),
 * - the types agree (both numbers or both text),
 * - `b` is unique in its table, and
 * - nearly every distinct value of `a` is a value of `b` (an inclusion dependency, probed).
 * The relationship comes from uniqueness, like joins read from expected SQL. Declared foreign
 * keys are not required: Databricks tables seldom declare them, and the data is the evidence.
 */
import type { Relationship } from '../fix-types.js';
import { pairKey, type ColumnInfo, type TableInfo } from './config.js';
import { PRIORITY, type Proposal, type RuleContext } from './proposal.js';
import { nameWords } from './text.js';
import { relationshipFrom } from './warehouse.js';

/** Name parts that say "a key" without saying of what. */
const KEY_WORDS = new Set(['id', 'uid', 'code', 'key', 'no', 'num', 'number', 'pk', 'ref']);
/** Names too generic to link two tables by equality alone. */
const GENERIC = new Set([
  'id',
  'uid',
  'name',
  'code',
  'type',
  'key',
  'no',
  'num',
  'number',
  'title',
  'description',
  'year',
  'date',
  'time',
  'age',
  'status',
  'created_at',
  'updated_at',
]);
/** Name parts of a measure (`messages_count`, `total_members`): a number about rows, never a reference to one. */
const MEASURE_WORDS = new Set(['count', 'total', 'sum', 'avg', 'average', 'min', 'max', 'amount', 'qty', 'quantity']);
/** Share of the referencing column's distinct values the key must hold (a few dangling references are tolerated). */
const MIN_CONTAINMENT = 0.8;

const isNumeric = (type: string) => /INT|DOUBLE|FLOAT|DECIMAL|NUMERIC|REAL|LONG|SHORT|NUMBER/i.test(type);
const sameKind = (a: ColumnInfo, b: ColumnInfo) => isNumeric(a.type) === isNumeric(b.type);

/** 2 for an equal (specific) name, 1 for a column naming the other table's key, 0 for no name evidence. */
function nameEvidence(a: ColumnInfo, parent: TableInfo, b: ColumnInfo): number {
  const aName = a.name.toLowerCase();
  if (aName === b.name.toLowerCase()) return GENERIC.has(aName) ? 0 : 2;
  const aWords = nameWords(a.name);
  // The table's singular as written: `active_members` (a count of members) does not reference a member.
  const aParts = a.name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const tableWords = parent.words.filter((w) => !KEY_WORDS.has(w));
  if (tableWords.length === 0 || !tableWords.every((w) => aParts.includes(w))) return 0;
  if (aParts.some((p) => MEASURE_WORDS.has(p))) return 0;
  const bWords = nameWords(b.name);
  return bWords.every((w) => KEY_WORDS.has(w) || aWords.includes(w)) && bWords.some((w) => KEY_WORDS.has(w)) ? 1 : 0;
}

interface Inferred {
  child: ColumnInfo;
  parent: ColumnInfo;
  evidence: number;
  containment: number;
}

export async function inferJoins(context: RuleContext): Promise<Proposal[]> {
  const { index, probe } = context;
  // Nothing failing, nothing to infer for (the loop has stopped by then anyway).
  if (context.views.length === 0) return [];
  const tables = [...index.tables.values()].filter((t) => t.inSpace);
  const found: Inferred[] = [];
  for (const child of tables) {
    for (const a of child.columns) {
      let best: Inferred | undefined;
      for (const parent of tables) {
        if (parent === child || index.joinedPairs.has(pairKey(child.key, parent.key))) continue;
        for (const b of parent.columns) {
          const evidence = nameEvidence(a, parent, b);
          if (evidence === 0 || !sameKind(a, b) || (best && best.evidence > evidence)) continue;
          if ((await probe.isUnique(parent.key, b.name)) !== true) continue;
          const containment = await probe.containment(child.key, a.name, parent.key, b.name);
          if (containment === undefined || containment < MIN_CONTAINMENT) continue;
          if (!best || evidence > best.evidence || containment > best.containment)
            best = { child: a, parent: b, evidence, containment };
        }
      }
      if (best) found.push(best);
    }
  }
  return Promise.all(found.filter((f, i) => !mirrored(f, found, i)).map((f) => propose(context, f)));
}

/** Two key columns of the same name reference each other; keep one direction. */
function mirrored(f: Inferred, all: Inferred[], i: number): boolean {
  return all.some((g, j) => j < i && g.child === f.parent && g.parent === f.child);
}

async function propose(context: RuleContext, f: Inferred): Promise<Proposal> {
  const { index, probe, views } = context;
  const childUnique = (await probe.isUnique(f.child.table, f.child.name)) === true;
  const relationship: Relationship = relationshipFrom(childUnique, true);
  const pair = [f.child.table, f.parent.table];
  // Aimed at the failures that use both tables; a join no failure needs yet aims at none.
  const both = views.filter((v) => pair.every((t) => v.tables.includes(t))).map((v) => v.failure.id);
  const short = (c: ColumnInfo) => `${c.table.split('.').pop()}.${c.name}`;
  return {
    priority: both.length > 0 ? PRIORITY.addJoin : PRIORITY.inferredJoin,
    fix: {
      type: 'add_join',
      left: { table: index.tables.get(f.child.table)?.identifier ?? f.child.table, column: f.child.name },
      right: { table: index.tables.get(f.parent.table)?.identifier ?? f.parent.table, column: f.parent.name },
      relationship,
      rationale: `${short(f.child)} references ${short(f.parent)}: ${f.evidence === 2 ? 'the same column name' : 'the column names the table'}, ${short(f.parent)} is unique, and ${Math.round(f.containment * 100)}% of the values of ${short(f.child)} are found there; the space has no join spec for these tables.`,
      targets: both,
    },
  };
}
