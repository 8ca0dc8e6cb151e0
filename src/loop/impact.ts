/**
 * Which benchmark questions a fix can plausibly change, so a candidate is screened on those
 * instead of on the whole benchmark (DESIGN.md section 6, "Cost").
 *
 * A fix is broken into elements, each with a test on a question: a term it teaches (a synonym,
 * an alias or value word of a description, a snippet's name, a dictionary value) touches the
 * questions whose text says it; a structural part (a join, example values) touches the
 * questions whose expected SQL or current Genie SQL reads the tables and columns it is about;
 * every fix touches its own targets. Parts keep their ids across a fix's variants (the same
 * description without one alias), so a variant only re-asks the questions the removed part
 * touched. The model is a prediction: the canary sample and the full confirmation scoring
 * check it, and a question it missed is watched from then on.
 */
import type { Fix } from '../fixes/fix-types.js';
import { fixTarget } from '../fixes/fix-key.js';
import { lastPart, normalizeIdentifier, normalizeName } from '../sql/identifiers.js';
import { tryExtractSqlShape } from '../scoring/sql-shape.js';
import type { Space } from '../space/schema.js';

export interface QuestionView {
  id: string;
  /** The question, lowercased. */
  text: string;
  /** Short table names read by the expected SQL or Genie's SQL. */
  tables: ReadonlySet<string>;
  /** `table.column` (or `*.column` when unresolved) read by either SQL. */
  columns: ReadonlySet<string>;
  /** Columns either SQL filters on (`*.column`). */
  filtered: ReadonlySet<string>;
}

export interface Element {
  /** Stable across runs and across a fix's part variants. */
  id: string;
  touches(q: QuestionView): boolean;
  /** Short names of the tables the fix is about (a term pulling one of them into a question that reads none is a risk). */
  about?: readonly string[];
}

export interface ImpactContext {
  /** The config the fix applies to (old descriptions, join specs). */
  space: Space;
  /** Distinct text values of a column, when known (value dictionaries teach them). */
  values?: (table: string, column: string) => readonly string[] | undefined;
}

/** Words of generated descriptions that name nothing ("Also called: ...", "Users say ... Values: ..."). */
const STOP_WORDS = new Set(
  'a an and are as at be by e g for from has have in is it its of on or say says the to with also called values value'.split(
    ' ',
  ),
);

const shortName = (table: string) => normalizeName(lastPart(table));
const columnKey = (table: string, column: string) => `${shortName(table)}.${normalizeName(column)}`;

/** Words of a text, lowercased (letters and digits of any script). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/**
 * Whether a question says a term: a whole word (or its plural) for Latin terms, a substring
 * for other scripts, whose words carry attached particles (채널별, 회원의).
 */
export function saysTerm(text: string, term: string): boolean {
  const t = term.toLowerCase().trim();
  if (t.length === 0) return false;
  if (/^[\x20-\x7e]+$/.test(t)) {
    const escaped = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    return new RegExp(`(?<![a-z0-9_])${escaped}(?:s|es)?(?![a-z0-9_])`).test(text);
  }
  return text.includes(t);
}

/** The view of one question the tests read: its text and what its two SQL texts read. */
export function questionView(q: { id: string; question: string; expectedSql: string; genieSql: string | null }) {
  const tables = new Set<string>();
  const columns = new Set<string>();
  const filtered = new Set<string>();
  for (const sql of [q.expectedSql, q.genieSql]) {
    if (!sql) continue;
    const shape = tryExtractSqlShape(sql);
    if (!shape) {
      // Unparsable SQL: every word may be a table or a column (over-screening is safe).
      for (const w of wordsOf(sql)) {
        tables.add(w);
        columns.add(`*.${w}`);
        filtered.add(`*.${w}`);
      }
      continue;
    }
    for (const t of shape.tables) tables.add(normalizeName(t.name));
    for (const c of shape.columns) {
      columns.add(`${c.table ? normalizeName(c.table) : '*'}.${normalizeName(c.column)}`);
      columns.add(`*.${normalizeName(c.column)}`);
    }
    for (const f of shape.filters) if (f.column) filtered.add(`*.${normalizeName(lastPart(f.column))}`);
  }
  return { id: q.id, text: q.question.toLowerCase(), tables, columns, filtered } satisfies QuestionView;
}

function readsColumn(q: QuestionView, table: string, column: string): boolean {
  return (
    q.tables.has(shortName(table)) &&
    (q.columns.has(columnKey(table, column)) || q.columns.has(`*.${normalizeName(column)}`))
  );
}

function filtersColumn(q: QuestionView, table: string, column: string): boolean {
  return q.tables.has(shortName(table)) && q.filtered.has(`*.${normalizeName(column)}`);
}

/** One element per term: the part of a fix that teaches that word. */
function termElements(prefix: string, terms: readonly string[]): Element[] {
  const unique = [...new Set(terms.map((t) => t.toLowerCase().trim()).filter((t) => t.length >= 2))];
  return unique.map((term) => ({ id: `${prefix}|${term}`, touches: (q) => saysTerm(q.text, term) }));
}

/** Words a new text adds to the old one, without stop words and the names already known. */
function newWords(oldText: string, text: string, known: readonly string[] = []): string[] {
  const old = new Set([...wordsOf(oldText), ...known.flatMap(wordsOf)]);
  return wordsOf(text).filter((w) => !old.has(w) && !STOP_WORDS.has(w) && w.length >= 2);
}

function joinTables(fix: Fix, space: Space): string[] {
  if (fix.type === 'add_join') return [fix.left.table, fix.right.table];
  if (fix.type !== 'fix_join') return [];
  const spec = space.instructions?.join_specs?.find((j) => j.id === fix.joinId);
  return spec ? [spec.left.identifier, spec.right.identifier] : [];
}

const everything = (id: string): Element => ({ id, touches: () => true });

/** The elements of one fix against the config it applies to. */
export function fixElements(fix: Fix, context: ImpactContext): Element[] {
  const prefix = `${fix.type}|${fixTarget(fix)}`;
  const targets = new Set(fix.targets);
  const own: Element = { id: `${prefix}|targets:${[...targets].sort().join(',')}`, touches: (q) => targets.has(q.id) };
  const about = tablesOf(fix, context.space).map(shortName);
  return [own, ...bodyElements(fix, prefix, context).map((e) => ({ ...e, about }))];
}

function tablesOf(fix: Fix, space: Space): string[] {
  switch (fix.type) {
    case 'add_synonym':
    case 'add_column_description':
    case 'update_table_description':
    case 'enable_build_value_dictionary':
    case 'enable_get_example_values':
      return [fix.table];
    case 'add_join':
    case 'fix_join':
      return joinTables(fix, space);
    default:
      return [];
  }
}

/** Whether the element is about a table the question's SQL does not read: it may pull that table in. */
export function isForeign(element: Element, q: QuestionView): boolean {
  return (element.about ?? []).length > 0 && !(element.about ?? []).some((t) => q.tables.has(t));
}

function bodyElements(fix: Fix, prefix: string, context: ImpactContext): Element[] {
  const table = (id: string) =>
    context.space.data_sources?.tables?.find((t) => normalizeIdentifier(t.identifier) === normalizeIdentifier(id));
  switch (fix.type) {
    case 'add_synonym':
      return termElements(prefix, fix.synonyms);
    case 'add_column_description': {
      const old = table(fix.table)?.column_configs?.find(
        (c) => normalizeName(c.column_name) === normalizeName(fix.column),
      );
      return termElements(prefix, newWords((old?.description ?? []).join(' '), fix.description, [fix.column]));
    }
    case 'update_table_description': {
      const old = (table(fix.table)?.description ?? []).join(' ');
      return termElements(prefix, newWords(old, fix.description, [lastPart(fix.table)]));
    }
    case 'add_join':
    case 'fix_join': {
      const [left, right] = joinTables(fix, context.space);
      if (!left || !right) return [everything(`${prefix}|all`)];
      return [
        {
          id: `${prefix}|tables`,
          touches: (q) => q.tables.has(shortName(left)) && q.tables.has(shortName(right)),
        },
      ];
    }
    case 'enable_build_value_dictionary':
    case 'enable_get_example_values': {
      // Format assistance (and entity matching, which needs it) shows Genie the stored values.
      const structural: Element = { id: `${prefix}|filters`, touches: (q) => filtersColumn(q, fix.table, fix.column) };
      if (fix.type === 'enable_get_example_values') return [structural];
      const values = context.values?.(fix.table, fix.column);
      if (!values)
        return [structural, { id: `${prefix}|reads`, touches: (q) => readsColumn(q, fix.table, fix.column) }];
      return [structural, ...termElements(prefix, values)];
    }
    case 'add_sql_snippet':
      return termElements(prefix, [fix.display_name, ...(fix.synonyms ?? []), ...(fix.alias ? [fix.alias] : [])]);
    case 'add_example_query': {
      // Genie adapts an example to questions like it: those sharing half of its content words.
      const words = new Set(newWords('', fix.question));
      return [
        {
          id: `${prefix}|similar`,
          touches: (q) => {
            if (words.size === 0) return true;
            const shared = new Set(wordsOf(q.text).filter((w) => words.has(w))).size;
            return shared * 2 >= words.size;
          },
        },
      ];
    }
    case 'add_text_instruction':
      return [everything(`${prefix}|all`)];
  }
}
