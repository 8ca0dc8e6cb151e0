/**
 * Aligning unexplained question words with the things the expected SQL needs and Genie
 * missed (a table, a column, a filter value, a flag filter). Scores combine lexical
 * likeness (shared stems, character trigrams, abbreviations such as JP/Japan) with
 * co-occurrence across all failures, so a word seen with the same table in several
 * questions (Korean words with no lexical link, say) lands on it. Greedy and deterministic.
 */
import type { ConfigIndex } from './rules-config.js';
import { isExplained } from './rules-config.js';
import { literalInQuestion, type FailureView, type ResolvedColumn } from './rules-evidence.js';
import { abbreviates, isFunctionWord, splitStems, stemsMatch, type QuestionToken } from './rules-text.js';

export type TargetKind = 'table' | 'column' | 'value' | 'filter';

export interface AlignTarget {
  kind: TargetKind;
  /** Stable identity: `table:<id>`, `column:<id>.<col>`, `value:<id>.<col>=<literal>`, `filter:<id>.<col>`. */
  key: string;
  table: string;
  column?: string;
  literal?: string;
  /** Stems the target is named by (table or column name words). */
  words: string[];
}

export interface Alignment {
  target: AlignTarget;
  token: QuestionToken;
  /** `lexical` when the word resembles the target; `fallback` when only position and co-occurrence chose it. */
  confidence: 'lexical' | 'fallback';
}

/** Name words too generic to show that a question names a column. */
const GENERIC = new Set(['id', 'at', 'is', 'has', 'num', 'nb', 'no', 'flag', 'cd', 'dt', 'ts', 'code', 'key', 'value', 'name']);

export function distinctiveWords(words: readonly string[]): string[] {
  return words.filter((w) => !GENERIC.has(w) && !isFunctionWord(w));
}

/** True when some question token matches one of the words (or one synonym's words in full). */
export function namedInQuestion(tokens: readonly QuestionToken[], words: readonly string[], synonymWords: readonly string[][] = []): boolean {
  const distinct = distinctiveWords(words);
  if (distinct.some((w) => tokens.some((t) => stemsMatch(t.stem, w)))) return true;
  return synonymWords.some((syn) => syn.length > 0 && syn.every((w) => tokens.some((t) => stemsMatch(t.stem, w))));
}

/** Question words no name, synonym, function word or SQL literal explains. */
export function unexplainedTokens(view: FailureView, index: ConfigIndex): QuestionToken[] {
  const literalStems = view.filters.flatMap((f) => f.strings.flatMap(splitStems));
  return view.tokens.filter((t) => {
    const minLength = /[\uac00-\ud7a3]/.test(t.stem) ? 1 : 2;
    if (t.stem.length < minLength || isFunctionWord(t.stem) || /^\d/.test(t.stem)) return false;
    if (literalStems.some((w) => stemsMatch(w, t.stem))) return false;
    return !isExplained(index, t.stem);
  });
}

/** The targets of one failure: what the expected SQL needs, Genie missed, and the question does not name. */
export function targetsOf(view: FailureView, index: ConfigIndex): AlignTarget[] {
  const targets: AlignTarget[] = [];
  const tables = view.genie ? view.missingTables : view.tables;
  for (const table of tables) {
    const info = index.tables.get(table);
    if (!info?.inSpace) continue;
    const keySynonyms = info.columns.flatMap((c) => c.synonymWords);
    if (namedInQuestion(view.tokens, info.words, keySynonyms) || distinctiveWords(info.words).length === 0) continue;
    targets.push({ kind: 'table', key: `table:${table}`, table, words: info.words });
  }
  const columns = view.genie ? view.missingColumns : view.namedColumns;
  for (const column of columns) {
    const info = index.tables.get(column.table);
    const col = info?.columns.find((c) => c.name === column.column);
    if (!info?.inSpace || !col || col.config?.exclude === true) continue;
    if (namedInQuestion(view.tokens, col.words, col.synonymWords) || distinctiveWords(col.words).length === 0) continue;
    targets.push({ kind: 'column', key: columnKey('column', column), table: column.table, column: column.column, words: col.words });
  }
  for (const filter of view.filters) {
    if (filter.matched || !index.tables.get(filter.table)?.inSpace) continue;
    const words = index.tables.get(filter.table)?.columns.find((c) => c.name === filter.column)?.words ?? [];
    if (filter.strings.length > 0) {
      for (const literal of filter.strings) {
        if (literalInQuestion(literal, view.tokens, view.failure.question)) continue;
        targets.push({ kind: 'value', key: `${columnKey('value', filter)}=${literal}`, table: filter.table, column: filter.column, literal, words });
      }
    } else if (filter.numeric && !filter.temporal && numberOf(filter.predicate.value, view.failure.question) === '') {
      targets.push({ kind: 'filter', key: columnKey('filter', filter), table: filter.table, column: filter.column, words });
    }
  }
  return dedupeTargets(targets);
}

/** The compared number when the question states it, else ''. */
function numberOf(value: string, question: string): string {
  const number = value.trim();
  return /^-?\d+(\.\d+)?$/.test(number) && question.includes(number) ? number : '';
}

function columnKey(kind: TargetKind, column: ResolvedColumn): string {
  return `${kind}:${column.table}.${column.column.toLowerCase()}`;
}

function dedupeTargets(targets: AlignTarget[]): AlignTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => (seen.has(t.key) ? false : (seen.add(t.key), true)));
}

/** Dice coefficient of character trigrams (padded), 0..1. */
export function trigramSimilarity(a: string, b: string): number {
  const grams = (s: string): string[] => {
    const padded = `  ${s} `;
    const out: string[] = [];
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  const pool = new Map<string, number>();
  gb.forEach((g) => pool.set(g, (pool.get(g) ?? 0) + 1));
  let shared = 0;
  for (const g of ga) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return ga.length + gb.length === 0 ? 0 : (2 * shared) / (ga.length + gb.length);
}

/** How much a question word looks like the target, 0..1 (below 0.34 counts as no resemblance). */
export function lexicalScore(token: QuestionToken, target: AlignTarget): number {
  if (target.kind === 'value' && target.literal !== undefined) {
    if (abbreviates(target.literal, token.raw)) return 0.9;
    const sim = trigramSimilarity(token.stem, target.literal.toLowerCase());
    return sim >= 0.34 ? sim : 0;
  }
  let best = 0;
  for (const word of distinctiveWords(target.words)) {
    if (stemsMatch(token.stem, word)) return 1;
    best = Math.max(best, trigramSimilarity(token.stem, word));
  }
  return best >= 0.34 ? best : 0;
}

/** Words a failure's question leaves unexplained, and the targets it needs, for every failure. */
export interface AlignmentInput {
  view: FailureView;
  tokens: QuestionToken[];
  targets: AlignTarget[];
}

/** Co-occurrence counts of (word, target key) across failures, and the marginals. */
function cooccurrence(inputs: readonly AlignmentInput[]): (stem: string, key: string) => number {
  const pair = new Map<string, number>();
  const word = new Map<string, number>();
  const target = new Map<string, number>();
  for (const input of inputs) {
    const stems = new Set(input.tokens.map((t) => t.stem));
    const keys = new Set(input.targets.map((t) => t.key));
    stems.forEach((s) => word.set(s, (word.get(s) ?? 0) + 1));
    keys.forEach((k) => target.set(k, (target.get(k) ?? 0) + 1));
    for (const s of stems) for (const k of keys) pair.set(`${s}\u0000${k}`, (pair.get(`${s}\u0000${k}`) ?? 0) + 1);
  }
  return (stem, key) => {
    const both = pair.get(`${stem}\u0000${key}`) ?? 0;
    const total = (word.get(stem) ?? 0) + (target.get(key) ?? 0);
    return total === 0 ? 0 : (2 * both) / total;
  };
}

/**
 * Assign at most one word to each target and each word to at most one target, best score
 * first. Filter targets may also take a word the config already explains when it matches the
 * column ("replies" for is_reply): the column is known, the phrase meaning `= 1` is not.
 */
export function alignAll(inputs: readonly AlignmentInput[]): Alignment[][] {
  const cooc = cooccurrence(inputs);
  return inputs.map((input) => {
    const candidates: { target: AlignTarget; token: QuestionToken; lexical: number; score: number }[] = [];
    const pool = new Map(input.tokens.map((t) => [t.index, t]));
    for (const target of input.targets) {
      const tokens = target.kind === 'filter' ? [...pool.values(), ...input.view.tokens.filter((t) => !pool.has(t.index) && matchesWords(t, target.words))] : [...pool.values()];
      for (const token of tokens) {
        const lexical = lexicalScore(token, target);
        const score = lexical * 10 + cooc(token.stem, target.key) + tieBreak(token, target, input.view.tokens.length);
        candidates.push({ target, token, lexical, score });
      }
    }
    candidates.sort((a, b) => b.score - a.score || cmp(a.target.key, b.target.key) || a.token.index - b.token.index);
    const usedTokens = new Set<number>();
    const usedTargets = new Set<string>();
    const out: Alignment[] = [];
    for (const c of candidates) {
      if (usedTokens.has(c.token.index) || usedTargets.has(c.target.key)) continue;
      usedTokens.add(c.token.index);
      usedTargets.add(c.target.key);
      out.push({ target: c.target, token: c.token, confidence: c.lexical > 0 ? 'lexical' : 'fallback' });
    }
    return out.sort((a, b) => a.token.index - b.token.index);
  });
}

function matchesWords(token: QuestionToken, words: readonly string[]): boolean {
  return distinctiveWords(words).some((w) => stemsMatch(token.stem, w));
}

/**
 * Small preferences when nothing else decides: nouns (plural forms) for tables and columns,
 * capitalised words for values (proper nouns such as country names), earlier words first.
 */
function tieBreak(token: QuestionToken, target: AlignTarget, length: number): number {
  let bonus = 0;
  const lower = token.raw.toLowerCase();
  if ((target.kind === 'table' || target.kind === 'column') && lower !== token.stem && /^[a-z]+$/.test(lower)) bonus += 0.05;
  if (target.kind === 'value' && token.index > 0 && /^\p{Lu}/u.test(token.raw)) bonus += 0.05;
  return bonus - (0.001 * token.index) / Math.max(1, length);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The synonym text for a word: what the user wrote, lowercased; Korean without its particle. */
export function synonymText(token: QuestionToken): string {
  return /[\uac00-\ud7a3]/.test(token.stem) ? token.stem : token.raw.toLowerCase().replace(/'s$/, '');
}

