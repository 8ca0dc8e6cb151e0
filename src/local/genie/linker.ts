/**
 * Schema linking: walks the question's tokens and marks each span as a date
 * phrase, a number phrase, a question marker, or a mention of a table, column,
 * value or snippet (with ranked candidates), longest match first.
 */
import type { Catalog, ColumnInfo } from './catalog.js';
import { findDates, type DateRange } from './dates.js';
import type { Lexicon, Phrase, Target } from './lexicon.js';
import { findQuantities, type CompareOp } from './quantities.js';
import { STOPWORDS, tokenize, type Token } from './text.js';
import { MARKERS, SUPERLATIVES, type MarkerDef } from './vocabulary.js';
import { splitIdentifier } from './text.js';

export interface Candidate {
  target: Target;
  weight: number;
  source: string;
  words: string[];
}

export type Item =
  | { type: 'mention'; start: number; end: number; text: string; candidates: Candidate[] }
  | { type: 'marker'; start: number; end: number; text: string; marker: MarkerDef }
  | { type: 'date'; start: number; end: number; range: DateRange }
  | { type: 'compare'; start: number; end: number; op: CompareOp; value: number; dim?: string; against?: 'avg' }
  | { type: 'top'; start: number; end: number; n: number; dir: 'asc' | 'desc' }
  | { type: 'number'; start: number; end: number; value: number }
  | { type: 'quoted'; start: number; end: number; raw: string }
  | { type: 'word'; start: number; end: number; text: string };

export interface Linked {
  tokens: Token[];
  items: Item[];
}

const tokenHas = (t: Token | undefined, word: string): boolean =>
  !!t && (t.forms.includes(word) || (!t.quoted && t.raw.toLowerCase() === word));

function phraseLength(tokens: Token[], i: number, words: string[], free: (k: number) => boolean): boolean {
  for (let k = 0; k < words.length; k++) if (!free(i + k) || !tokenHas(tokens[i + k], words[k])) return false;
  return true;
}

/** MARKERS by first word, so each token tries only the markers it can start (linking ran through all of them). */
const MARKERS_BY_FIRST = MARKERS.reduce((byFirst, marker, index) => {
  const list = byFirst.get(marker.words[0]) ?? [];
  list.push({ marker, index });
  return byFirst.set(marker.words[0], list);
}, new Map<string, Array<{ marker: MarkerDef; index: number }>>());

/** The markers whose first word the token has, in MARKERS order (ties go to the earlier one, as before). */
function markersStartingAt(t: Token): MarkerDef[] {
  const found = new Map<number, MarkerDef>();
  for (const word of new Set([...t.forms, t.raw.toLowerCase()]))
    for (const { marker, index } of MARKERS_BY_FIRST.get(word) ?? []) found.set(index, marker);
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, marker]) => marker);
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'each', 'every', 'all']);

/** Tokens a schema phrase spans from `i` ("name of the breed" for name-of-breed), 0 when it does not match. */
function phraseSpan(tokens: Token[], i: number, words: string[], free: (k: number) => boolean): number {
  let at = i;
  // `is_reply` is "is reply", never "is the reply rate": a verb-led name takes no article inside.
  const skips = !['is', 'has', 'was', 'are', 'had', 'were'].includes(words[0]);
  for (let k = 0; k < words.length; k++) {
    // Inside a phrase an article may stand between its words; never before the first.
    while (
      skips &&
      k > 0 &&
      free(at) &&
      tokens[at] &&
      DETERMINERS.has(tokens[at].forms[0]) &&
      !DETERMINERS.has(words[k])
    )
      at++;
    if (!free(at) || !tokenHas(tokens[at], words[k])) return 0;
    at++;
  }
  return at - i;
}

/** Request verbs that open a question. */
const IMPERATIVES = new Set([
  'show',
  'list',
  'find',
  'give',
  'tell',
  'return',
  'display',
  'get',
  'provide',
  'identify',
]);

/** Shape of a value: letters to A/a, digits to 9 ("KR" -> "AA", "2026-01-01" -> "9999-99-99"). */
export function shapeOf(value: string): string {
  return value.replace(/[A-Z]/g, 'A').replace(/[a-z]/g, 'a').replace(/[0-9]/g, '9');
}

/** Format assistance: a token whose shape matches every example value of a column, when that shape is distinctive. */
function formatMatch(token: Token, columns: ColumnInfo[]): Candidate[] {
  const shape = shapeOf(token.raw);
  if (!/[A9]/.test(shape) || shape.length < 2 || token.raw.length > 40) return [];
  const out: Candidate[] = [];
  for (const column of columns) {
    if (!column.format || column.examples.length === 0 || column.type !== 'string') continue;
    if (column.examples.every((e) => shapeOf(e) === shape))
      out.push({
        target: { kind: 'value', column, value: token.raw },
        weight: 0.7,
        source: 'format',
        words: [token.raw],
      });
  }
  return out;
}

export function link(question: string, lexicon: Lexicon, catalog: Catalog, today: string): Linked {
  const tokens = tokenize(question);
  const taken = new Set<number>();
  const items = phraseItems(tokens, today, taken);
  const free = (k: number): boolean => k < tokens.length && !taken.has(k);
  const context: TokenContext = {
    tokens,
    lexicon,
    catalog,
    allColumns: catalog.tables.flatMap((t) => t.columns),
    free,
  };
  for (let i = 0; i < tokens.length;) i += free(i) ? linkToken(context, i, items) : 1;
  // Stable: a zero-width ranking item stays before the mention at the same position.
  items.sort((a, b) => a.start - b.start || a.end - b.end);
  mergeTableColumns(items);
  dropModifiers(items);
  return { tokens, items };
}

/** Date and quantity phrases, found first; the tokens they use are `taken` from word-by-word linking. */
function phraseItems(tokens: Token[], today: string, taken: Set<number>): Item[] {
  const items: Item[] = [];
  const take = (from: number, to: number): void => {
    for (let k = from; k < to; k++) taken.add(k);
  };
  for (const d of findDates(tokens, today)) {
    items.push({ type: 'date', start: d.start, end: d.end, range: d.range });
    take(d.start, d.end);
  }
  for (const q of findQuantities(tokens, taken)) {
    if (q.kind === 'compare') {
      items.push({
        type: 'compare',
        start: q.start,
        end: q.end,
        op: q.op,
        value: q.value,
        dim: q.dim,
        against: q.against,
      });
      for (const k of q.used) taken.add(k);
    } else {
      items.push({ type: 'top', start: q.start, end: q.end, n: q.n, dir: q.dir });
      take(q.start, q.end);
    }
  }
  return items;
}

interface TokenContext {
  tokens: Token[];
  lexicon: Lexicon;
  catalog: Catalog;
  allColumns: ColumnInfo[];
  /** A token not used by a date or quantity phrase. */
  free: (k: number) => boolean;
}

/** Links the free token at `i` (and the phrase it starts) into `items`; returns how many tokens it used. */
function linkToken(c: TokenContext, i: number, items: Item[]): number {
  const t = c.tokens[i];
  if (t.quoted) {
    items.push({ type: 'quoted', start: i, end: i + 1, raw: t.raw });
    return 1;
  }
  if (i === 0 && IMPERATIVES.has(t.forms[0])) {
    // "Show the names of ...": the request verb, never a table that happens to be called show.
    items.push({ type: 'word', start: i, end: i + 1, text: t.raw });
    return 1;
  }
  const superlative = superlativeItems(c, i);
  if (superlative) {
    items.push(...superlative);
    return 1;
  }
  const { best, bestLen, bestSpan } = schemaPhrases(c, i);
  let marker: MarkerDef | undefined;
  for (const m of markersStartingAt(c.tokens[i]))
    if (m.words.length > (marker?.words.length ?? 0) && phraseLength(c.tokens, i, m.words, c.free)) marker = m;
  const markerLen = marker?.words.length ?? 0;
  const strongSchema = best.some((p) => p.weight >= 0.9);
  const text = (span: number): string =>
    c.tokens
      .slice(i, i + span)
      .map((x) => x.raw)
      .join(' ');
  if (
    bestLen > 0 &&
    (bestLen > markerLen ||
      (bestLen === markerLen &&
        strongSchema &&
        marker?.kind !== 'by' &&
        marker?.kind !== 'count' &&
        marker?.kind !== 'bucket'))
  ) {
    items.push({ type: 'mention', start: i, end: i + bestSpan, text: text(bestSpan), candidates: rank(best) });
    return bestSpan;
  }
  if (marker) {
    items.push({ type: 'marker', start: i, end: i + markerLen, text: text(markerLen), marker });
    return markerLen;
  }
  if (t.num !== undefined) items.push({ type: 'number', start: i, end: i + 1, value: t.num });
  else {
    const format = formatMatch(t, c.allColumns);
    if (format.length > 0) items.push({ type: 'mention', start: i, end: i + 1, text: t.raw, candidates: format });
    else if (!STOPWORDS.has(t.forms[0])) items.push({ type: 'word', start: i, end: i + 1, text: t.raw });
  }
  return 1;
}

/**
 * "the youngest dog": rank by the age column (a zero-width ranking item, then the column).
 * "the youngest dog" is one row; "the longest rivers" ranks them all.
 */
function superlativeItems(c: TokenContext, i: number): Item[] | undefined {
  const t = c.tokens[i];
  const superlative = t.forms.map((f) => SUPERLATIVES[f]).find(Boolean);
  const ranked = superlative ? dimensionColumns(superlative.dim, c.catalog) : [];
  if (!superlative || ranked.length === 0) return undefined;
  const plural = isPluralNoun(c.tokens[i + 1]);
  return [
    { type: 'top', start: i, end: i, n: plural ? 0 : 1, dir: superlative.dir },
    {
      type: 'mention',
      start: i,
      end: i + 1,
      text: t.raw,
      candidates: ranked.map((column) => ({
        target: { kind: 'column', column },
        weight: 0.9,
        source: 'adjective',
        words: [t.raw],
      })),
    },
  ];
}

/** The longest schema phrases starting at token `i` (all of that length), and the tokens they span. */
function schemaPhrases(c: TokenContext, i: number): { best: Phrase[]; bestLen: number; bestSpan: number } {
  const t = c.tokens[i];
  let best: Phrase[] = [];
  let bestLen = 0;
  let bestSpan = 0;
  for (const form of new Set([...t.forms, t.raw.toLowerCase()])) {
    for (const p of c.lexicon.byFirst.get(form) ?? []) {
      if (p.words.length < bestLen) continue;
      const span = phraseSpan(c.tokens, i, p.words, c.free);
      if (span === 0) continue;
      if (p.words.length > bestLen) {
        best = [];
        bestLen = p.words.length;
        bestSpan = span;
      }
      best.push(p);
    }
  }
  return { best, bestLen, bestSpan };
}

/** "channel category", "student age": a table word right before one of its own columns names that column. */
function mergeTableColumns(items: Item[]): void {
  for (let k = 0; k + 1 < items.length; k++) {
    const item = items[k];
    const next = items[k + 1];
    if (item.type !== 'mention' || next.type !== 'mention' || next.start !== item.end) continue;
    const table = item.candidates[0]?.target.kind === 'table' ? item.candidates[0].target.table : undefined;
    const own = next.candidates.filter((c) => c.target.kind === 'column' && c.target.column.table === table);
    // Only a column's own name ("channel category"), not a synonym that may be a verb ("members signed up").
    if (!table || own.length === 0 || own[0] !== next.candidates[0] || !['name', 'alias'].includes(own[0].source))
      continue;
    items.splice(k, 2, { ...next, start: item.start, text: `${item.text} ${next.text}`, candidates: own });
  }
}

/** A weak name-part hit right before a strong table word is a modifier ("new members"), not a column. */
function dropModifiers(items: Item[]): void {
  for (let k = 0; k + 1 < items.length; k++) {
    const item = items[k];
    const next = items[k + 1];
    if (
      item.type === 'mention' &&
      next.type === 'mention' &&
      next.start === item.end &&
      item.candidates[0].source === 'part' &&
      item.candidates[0].weight <= 0.5 &&
      next.candidates[0].target.kind === 'table' &&
      next.candidates[0].weight >= 0.9
    ) {
      items[k] = { type: 'word', start: item.start, end: item.end, text: item.text };
    }
  }
}

/** One candidate per target, strongest first; ties keep lexicon order (stable). */
function rank(phrases: Phrase[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const p of phrases) {
    const key = targetKey(p.target);
    const prev = byKey.get(key);
    if (!prev || prev.weight < p.weight)
      byKey.set(key, { target: p.target, weight: p.weight, source: p.source, words: p.words });
  }
  const all = [...byKey.values()];
  // "which airline": a reference column (flights.Airline) named like the table it points at means that table.
  const kept = all.filter(
    (c) =>
      !(
        c.target.kind === 'column' &&
        c.target.column.references &&
        all.some(
          (o) =>
            o.target.kind === 'table' &&
            o.target.table === (c.target as { column: ColumnInfo }).column.references &&
            o.weight >= c.weight,
        )
      ),
  );
  return kept.sort((a, b) => b.weight - a.weight || kindOrder(a.target) - kindOrder(b.target));
}

/** On equal weight prefer snippets and values (specific) over columns over tables. */
function kindOrder(t: Target): number {
  return t.kind === 'snippet' ? 0 : t.kind === 'value' ? 1 : t.kind === 'column' ? 2 : 3;
}

export function targetKey(t: Target): string {
  switch (t.kind) {
    case 'table':
      return `t:${t.table.identifier}`;
    case 'column':
      return `c:${t.column.table.identifier}.${t.column.name}`;
    case 'value':
      return `v:${t.column.table.identifier}.${t.column.name}=${t.value}`;
    case 'snippet':
      return `s:${t.snippet.id}`;
  }
}

/** Number columns measuring a dimension word ("age" -> pet_age, Age), by name part or synonym. */
export function dimensionColumns(dim: string, catalog: Catalog): ColumnInfo[] {
  return catalog.tables
    .flatMap((t) => t.columns)
    .filter(
      (c) =>
        c.type === 'number' &&
        !c.isKey &&
        (splitIdentifier(c.name).includes(dim) || c.synonyms.some((s) => splitIdentifier(s).includes(dim))),
    );
}

/** A plural noun ("rivers"), read from its spelling: ends in -s and is not a known non-plural. */
export function isPluralNoun(t: Token | undefined): boolean {
  return !!t && !t.quoted && t.num === undefined && /[a-z]s$/i.test(t.raw) && t.forms[0] !== t.raw.toLowerCase();
}
