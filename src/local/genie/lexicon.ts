/**
 * The phrase index the linker searches: every way the config lets a question
 * name a table, column, value or snippet, with a strength per source
 * (synonyms and names strong, name parts weaker, description words weakest).
 */
import type { Catalog, ColumnInfo, SnippetInfo, TableInfo } from './catalog.js';
import { coarseStem, isHangul } from '../../text/normalise.js';
import { STOPWORDS, phraseWords, splitIdentifier, normalizeWord } from './text.js';

export type Target =
  | { kind: 'table'; table: TableInfo }
  | { kind: 'column'; column: ColumnInfo }
  | { kind: 'value'; column: ColumnInfo; value: string }
  | { kind: 'snippet'; snippet: SnippetInfo };

export type PhraseSource = 'name' | 'synonym' | 'alias' | 'part' | 'description' | 'value';

export interface Phrase {
  words: string[];
  target: Target;
  weight: number;
  source: PhraseSource;
}

export interface Lexicon {
  /** Phrases keyed by their first word. */
  byFirst: Map<string, Phrase[]>;
  size: number;
}

const WEIGHT: Record<PhraseSource, number> = {
  name: 1,
  synonym: 1,
  value: 0.95,
  alias: 0.8,
  part: 0.5,
  description: 0.25,
};

/** Name parts too generic to identify a column on their own. */
const WEAK_PARTS = new Set([
  'id',
  'is',
  'has',
  'at',
  'on',
  'of',
  'the',
  'count',
  'name',
  'date',
  'time',
  'number',
  'num',
  'type',
  'code',
  'value',
  'stat',
  'total',
]);

export function buildLexicon(catalog: Catalog): Lexicon {
  const phrases: Phrase[] = [];
  const add = (text: string | string[], target: Target, source: PhraseSource, weight = WEIGHT[source]): void => {
    const words = Array.isArray(text) ? text : phraseWords(text);
    if (words.length === 0 || words.length > 8) return;
    phrases.push({ words, target, weight, source });
    // The stemmed spelling too ("arrival date" for date_arrived), a little weaker than the exact one.
    const stemmed = words.map(coarseStem);
    if (stemmed.some((w, k) => w !== words[k])) phrases.push({ words: stemmed, target, weight: weight * 0.7, source });
  };

  for (const table of catalog.tables) {
    const target: Target = { kind: 'table', table };
    add(splitIdentifier(table.name).map(normalizeWord), target, 'name');
    const parts = splitIdentifier(table.name);
    for (const variant of nameVariants(parts)) add(variant, target, 'alias', 0.95);
    if (parts.length > 1) for (const p of parts) if (!WEAK_PARTS.has(p)) add([normalizeWord(p)], target, 'part', 0.35);
    addDescription(add, table.description, target, 0.3);
    for (const column of table.columns) {
      addColumn(add, column);
      // "daily active members" for daily_channel_stats.active_members: a part of the table's name may qualify its column.
      const columnWords = splitIdentifier(column.name).map(normalizeWord);
      if (parts.length > 1 && columnWords.length > 1)
        for (const p of parts)
          if (!WEAK_PARTS.has(p) && !STOPWORDS.has(p) && !columnWords.includes(normalizeWord(p)))
            add([normalizeWord(p), ...columnWords], { kind: 'column', column }, 'alias', 0.9);
    }
    // "the id of every pet": a bare "id" names the key of whichever table the question is about.
    if (table.key) for (const w of ['id', 'identifier']) add([w], { kind: 'column', column: table.key }, 'part', 0.45);
  }
  for (const snippet of catalog.snippets) {
    const target: Target = { kind: 'snippet', snippet };
    if (snippet.name) add(snippet.name, target, 'name');
    for (const s of snippet.synonyms) add(s, target, 'synonym');
  }

  const byFirst = new Map<string, Phrase[]>();
  for (const p of phrases) {
    const list = byFirst.get(p.words[0]) ?? [];
    list.push(p);
    byFirst.set(p.words[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || b.weight - a.weight);
  return { byFirst, size: phrases.length };
}

type Add = (text: string | string[], target: Target, source: PhraseSource, weight?: number) => void;

/**
 * Common English abbreviations in schema names, spelled out (`FlightNo` is a flight number,
 * `fname` a first name): how people say the name. General vocabulary, not any schema's.
 */
const ABBREVIATIONS: Record<string, string[]> = {
  no: ['number'],
  num: ['number'],
  nbr: ['number'],
  qty: ['quantity'],
  amt: ['amount'],
  yr: ['year'],
  dob: ['date', 'of', 'birth'],
  fname: ['first', 'name'],
  lname: ['last', 'name'],
  mname: ['middle', 'name'],
  addr: ['address'],
  dept: ['department'],
  desc: ['description'],
  pct: ['percent'],
  avg: ['average'],
  cnt: ['count'],
  emp: ['employee'],
  mgr: ['manager'],
  org: ['organization'],
  cust: ['customer'],
  prod: ['product'],
  stu: ['student'],
  dest: ['destination'],
  src: ['source'],
};

/** Head words that a name may put first (`date_arrived`, `name_first`) where speech puts them last. */
const GENERIC_HEADS = new Set(['date', 'time', 'name', 'type', 'code', 'number', 'id', 'year', 'amount']);

/** Other ways to say a name: abbreviations spelled out, and "type of pet" for `pet_type`. */
function nameVariants(parts: string[]): string[][] {
  const out: string[][] = [];
  if (parts.some((p) => ABBREVIATIONS[p])) out.push(parts.flatMap((p) => ABBREVIATIONS[p] ?? [p]));
  // Not "number of flights" for `flight_no`: "number of" / "count of" ask for a count.
  for (const words of [...out, parts]) {
    if (words.length !== 2) continue;
    if (!['number', 'count', 'total', 'amount'].includes(words[1])) out.push([words[1], 'of', words[0]]);
    // `date_arrived` is also "the arrival date": a generic head word may come last.
    if (GENERIC_HEADS.has(words[0])) out.push([words[1], words[0]]);
  }
  return out.map((words) => words.map(normalizeWord));
}

function addColumn(add: Add, column: ColumnInfo): void {
  const target: Target = { kind: 'column', column };
  const parts = splitIdentifier(column.name);
  add(parts.map(normalizeWord), target, 'name');
  for (const variant of nameVariants(parts)) add(variant, target, 'alias', 0.95);
  if (parts.length > 1) {
    for (const p of parts) {
      if (WEAK_PARTS.has(p) || STOPWORDS.has(p)) continue;
      // A boolean's adjective ("private" in is_private) and an event verb ("sent" in sent_at) say more than a key's noun.
      const weight = column.type === 'bool' ? 0.8 : column.name.toLowerCase().endsWith('_id') ? 0.3 : 0.5;
      add([normalizeWord(p)], target, 'part', weight);
    }
  }
  for (const s of column.synonyms) add(s, target, 'synonym');
  addDescription(add, column.description, target, 0.25);
  for (const value of column.values) addValue(add, column, value);
  for (const [alias, value] of valueAliases(column.description))
    add(alias, { kind: 'value', column, value }, 'alias', 0.9);
}

function addValue(add: Add, column: ColumnInfo, value: string): void {
  if (value.length === 0 || value.length > 127 || /^-?\d+(\.\d+)?$/.test(value)) return;
  const words = phraseWords(value);
  // A value that is one generic word ("other", "all") would hijack ordinary phrasing.
  if (words.length === 1 && STOPWORDS.has(words[0])) return;
  add(words, { kind: 'value', column, value }, 'value');
}

/** Description text: parenthesised alias lists are aliases; other content words are weak hints. */
function addDescription(add: Add, description: string, target: Target, weight: number): void {
  if (!description) return;
  for (const m of description.matchAll(/\(([^)]{1,80})\)/g)) {
    for (const alias of m[1].split(/[,/;]| or /)) {
      const words = phraseWords(alias.trim());
      if (words.length > 0 && words.length <= 3 && !/[=:]/.test(alias)) add(words, target, 'alias');
    }
  }
  for (const m of description.matchAll(/(?:also (?:called|known as)|a\.k\.a\.?|aka)\s+["']?([^,.;"']+)/gi))
    add(m[1], target, 'alias');
  const seen = new Set<string>();
  for (const w of phraseWords(description)) {
    if (w.length < 3 && !isHangul(w)) continue;
    if (STOPWORDS.has(w) || seen.has(w) || /^\d/.test(w)) continue;
    seen.add(w);
    add([w], target, 'description', weight);
  }
}

/**
 * Value aliases a description spells out: "KR = Korea", "'JP' means Japan", "US: United States".
 * Only short code-like left-hand sides count, so ordinary prose is not misread.
 */
export function valueAliases(description: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  // "Users say Japan for 'JP'": the spelled-out word is what questions use for the stored code.
  for (const m of description.matchAll(/\bsay\s+([^'".,;]{2,40}?)\s+for\s+['"]([^'"]{1,24})['"]/gi))
    for (const alias of m[1].split(/\s*\/\s*|\s+or\s+|\s*,\s*/)) if (alias.trim()) out.push([alias.trim(), m[2]]);
  for (const piece of description.split(/[,;\n()]|\.\s/)) {
    const m = /^\s*['"]?([A-Za-z0-9_-]{1,24})['"]?\s*(?:=|:|means|is|->|→)\s*['"]?([^'"]{2,40}?)['"]?\s*\.?\s*$/.exec(
      piece,
    );
    if (!m) continue;
    for (const alias of m[2].split(/\s*\/\s*|\s+or\s+/)) if (alias.trim()) out.push([alias.trim(), m[1]]);
  }
  return out;
}
