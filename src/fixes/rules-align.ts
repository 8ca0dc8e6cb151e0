/**
 * Aligning unexplained question words with the things the expected SQL needs and Genie
 * missed (a table, a column, a filter value, a flag filter). Scores combine lexical
 * likeness (shared stems, character trigrams, abbreviations such as JP/Japan) with
 * co-occurrence across all failures, so a word seen with the same table in several
 * questions (Korean words with no lexical link, say) lands on it. Greedy and deterministic.
 */
import type { ConfigIndex, TableInfo } from './rules-config.js';
import { isExplained, referencedTable } from './rules-config.js';
import { literalInQuestion, numberInQuestion, type FailureView, type ResolvedColumn } from './rules-evidence.js';
import { abbreviates, isAggregateCue, isFunctionWord, isPredicate, splitStems, stemWord, stemsMatch, type QuestionToken } from './rules-text.js';

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
  /** A DATE/TIMESTAMP column. */
  temporal?: boolean;
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

/**
 * How the question names a target: `exact` when a word equals one of its name words (or all
 * words of a synonym appear), `partial` when a word only shares a prefix ("weigh" for weight:
 * a synonym with the exact word may still help), else `none`.
 */
export function namingLevel(tokens: readonly QuestionToken[], words: readonly string[], synonymWords: readonly string[][] = []): 'exact' | 'partial' | 'none' {
  const distinct = distinctiveWords(words);
  if (distinct.some((w) => tokens.some((t) => t.stem === w) || namedByPair(w, tokens))) return 'exact';
  if (synonymWords.some((syn) => syn.length > 0 && syn.every((w) => tokens.some((t) => stemsMatch(t.stem, w))))) return 'exact';
  return distinct.some((w) => tokens.some((t) => stemsMatch(t.stem, w))) ? 'partial' : 'none';
}

/** A compact name spelled by two words: `fname` by "first name", `stuid` by "student id". */
function namedByPair(word: string, tokens: readonly QuestionToken[]): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i].stem, tokens[i + 1].stem];
    if (b.length < 2 || word.length <= b.length || !word.endsWith(b)) continue;
    if (a.startsWith(word.slice(0, word.length - b.length))) return true;
  }
  return false;
}

/** Question words no name, synonym, function word, SQL literal or stored value explains. */
export function unexplainedTokens(view: FailureView, index: ConfigIndex, storedValues: ReadonlySet<string> = new Set()): QuestionToken[] {
  const literalStems = view.filters.flatMap((f) => f.strings.flatMap(splitStems));
  return view.tokens.filter((t) => {
    if (isPredicate(t, view.tokens)) return false;
    const minLength = /[\uac00-\ud7a3]/.test(t.stem) ? 1 : 2;
    if (t.stem.length < minLength || isFunctionWord(t.stem) || /^\d/.test(t.stem)) return false;
    if (literalStems.some((w) => stemsMatch(w, t.stem)) || storedValues.has(t.stem)) return false;
    return !isExplained(index, t.stem);
  });
}

/** What else names a table: synonyms of its columns (the key's above all) and its description's words. */
function tableSynonyms(info: TableInfo): string[][] {
  return [...info.columns.flatMap((c) => c.synonymWords), ...info.descriptionWords.map((w) => [w])];
}

/** The targets of one failure: what the expected SQL needs, Genie missed, and the question does not name. */
export function targetsOf(view: FailureView, index: ConfigIndex): AlignTarget[] {
  const targets: AlignTarget[] = [];
  const tables = view.genie ? view.missingTables : view.tables;
  for (const table of tables) {
    const info = index.tables.get(table);
    if (!info?.inSpace) continue;
    if (namingLevel(view.tokens, info.words, tableSynonyms(info)) === 'exact' || distinctiveWords(info.words).length === 0) continue;
    targets.push({ kind: 'table', key: `table:${table}`, table, words: info.words });
  }
  const columns = view.genie ? view.missingColumns : view.namedColumns;
  for (const column of columns) {
    const info = index.tables.get(column.table);
    const col = info?.columns.find((c) => c.name === column.column);
    if (!info?.inSpace || !col || col.config?.exclude === true) continue;
    if (namingLevel(view.tokens, col.words, col.synonymWords) === 'exact' || distinctiveWords(col.words).length === 0) continue;
    // A reference to another table's key (messages.member_id) is named by that entity's word
    // ("users"): the word belongs to the referenced table, not to this id column.
    const referenced = referencedTable(index, column.table, column.column);
    if (referenced) {
      const entity = index.tables.get(referenced);
      if (entity && namingLevel(view.tokens, entity.words, tableSynonyms(entity)) !== 'exact') {
        targets.push({ kind: 'table', key: `table:${referenced}`, table: referenced, words: entity.words });
      }
      continue;
    }
    targets.push({ kind: 'column', key: columnKey('column', column), table: column.table, column: column.column, words: col.words, temporal: /^(date|timestamp)/i.test(col.type) });
  }
  for (const filter of view.filters) {
    if (filter.matched || !index.tables.get(filter.table)?.inSpace) continue;
    const words = index.tables.get(filter.table)?.columns.find((c) => c.name === filter.column)?.words ?? [];
    if (filter.strings.length > 0) {
      for (const literal of filter.strings) {
        if (literalInQuestion(literal, view.tokens, view.failure.question)) continue;
        targets.push({ kind: 'value', key: `${columnKey('value', filter)}=${literal}`, table: filter.table, column: filter.column, literal, words });
      }
    } else if (filter.numeric && !filter.temporal && !numberInQuestion(filter.predicate.value, view.failure.question)) {
      targets.push({ kind: 'filter', key: columnKey('filter', filter), table: filter.table, column: filter.column, words });
    }
  }
  return dedupeTargets(targets);
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
  /** Words left out of `tokens` only because they are stored values: they may still name a value ("Korea" for 'KR'). */
  valueTokens?: QuestionToken[];
}

/**
 * Co-occurrence across failures as P(target | word): how specific a word is to a target. A
 * word seen in many failures with different targets ("회원" with 'JP' in one and 'KR' in
 * another) scores less than a word always seen with one target. With a single failure
 * every pair scores the same and decides nothing.
 */
function cooccurrence(inputs: readonly AlignmentInput[]): (stem: string, key: string) => number {
  const pair = new Map<string, number>();
  const word = new Map<string, number>();
  for (const input of inputs) {
    const stems = new Set(input.tokens.map((t) => t.stem));
    const keys = new Set(input.targets.map((t) => t.key));
    stems.forEach((s) => word.set(s, (word.get(s) ?? 0) + 1));
    for (const s of stems) for (const k of keys) pair.set(`${s}\u0000${k}`, (pair.get(`${s}\u0000${k}`) ?? 0) + 1);
  }
  // Add-one smoothing: a word seen once scores 2/3 with each of its targets, less than a
  // word seen with the same target in nine questions out of ten (10/12).
  return (stem, key) => ((pair.get(`${stem}\u0000${key}`) ?? 0) + 1) / ((word.get(stem) ?? 0) + 2);
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
      // Words the config explains still serve a target they name: "replies" for the is_reply
      // filter (the phrase meaning `= 1` is missing), "weigh" for weight (only a prefix matches).
      const named = input.view.tokens.filter((t) => !pool.has(t.index) && !isFunctionWord(t.stem) && matchesWords(t, target.words, target.kind !== 'filter'));
      const tokens = target.kind === 'value' ? [...pool.values(), ...(input.valueTokens ?? [])] : [...pool.values(), ...named];
      for (const token of tokens) {
        const lexical = lexicalScore(token, target);
        if (target.kind === 'table' && lexical === 0 && isSuperlative(token, input.view.tokens)) continue;
        // Date columns are named by time words, which are grammar here: only a lexical match
        // counts, or a word beside an ordering word ("가장 최근에 개설된": most recently opened).
        if (target.temporal && lexical === 0 && !besideOrderCue(token, input.view.tokens)) continue;
        const score = lexical * 10 + cooc(token.stem, target.key) + tieBreak(token, target, input.view);
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

function matchesWords(token: QuestionToken, words: readonly string[], partialOnly: boolean): boolean {
  return distinctiveWords(words).some((w) => stemsMatch(token.stem, w) && !(partialOnly && token.stem === w));
}

/**
 * Small preferences when nothing else decides: a word marked as a breakdown ("per X",
 * "by X", Korean X별) names a grouping column; a word beside "average"/"평균" names the
 * aggregated column; nouns (plural forms) name tables and columns,
 * the query's main table first; capitalised words name values (proper nouns such as
 * countries); earlier words first.
 */
function tieBreak(token: QuestionToken, target: AlignTarget, view: FailureView): number {
  let bonus = 0;
  const lower = token.raw.toLowerCase();
  const grouping = isGroupingMarked(token, view.tokens);
  const groupColumn = target.kind === 'column' && target.column !== undefined && view.expected.groupBy.includes(target.column.toLowerCase());
  if (grouping) bonus += groupColumn ? 0.5 + groupOrderBonus(token, target, view) : -0.2;
  const aggregates = view.expected.aggregates.filter((a) => a.column === target.column?.toLowerCase());
  if (target.kind === 'column' && aggregates.length > 0) bonus += cueSide(token, view.tokens, aggregates.some((a) => a.distinct));
  // Korean X의 ("of X") marks the owner of what is asked, not the asked column itself.
  if (target.kind === 'column' && /[\uac00-\ud7a3]의$/.test(token.raw)) bonus -= 0.1;
  if ((target.kind === 'table' || target.kind === 'column') && lower !== token.stem && /^[a-z]+$/.test(lower)) bonus += 0.05;
  if (target.kind === 'table' && target.table === view.tables[0]) bonus += 0.1;
  if (target.kind === 'table' && followsValueOf(token, target.table, view)) bonus += 0.2;
  if (target.kind === 'column' && besideOrderCue(token, view.tokens) && view.expected.orderBy.some((o) => o.expr.includes(target.column?.toLowerCase() ?? '\u0000'))) bonus += 0.2;
  if ((target.kind === 'table' || target.kind === 'column') && /^[a-z]{3,}(ed|ing)$/.test(lower)) bonus -= 0.05;
  if (target.kind === 'value' && token.index > 0 && /^\p{Lu}/u.test(token.raw)) bonus += 0.05;
  return bonus - (0.001 * token.index) / Math.max(1, view.tokens.length);
}

/**
 * "average length", "average post length", "평균 길이": the head noun of the phrase right
 * after an aggregation cue is what is aggregated (the last word before grammar resumes);
 * other words of that phrase, or the word right before the cue ("길이 평균"), less surely.
 * For a distinct count, "unique", "distinct" and "different" are cues too ("different people").
 */
function cueSide(token: QuestionToken, tokens: readonly QuestionToken[], distinct: boolean): number {
  const cue = (t: QuestionToken | undefined): boolean => t !== undefined && (isAggregateCue(t.stem) || (distinct && DISTINCT_CUES.has(t.stem)));
  const content = (t: QuestionToken | undefined): boolean => t !== undefined && !isFunctionWord(t.stem);
  for (let back = 1; back <= 3; back++) {
    const before = tokens[token.index - back];
    if (cue(before)) return content(tokens[token.index + 1]) ? 0.2 : 0.3;
    if (!content(before)) break;
  }
  return cue(tokens[token.index + 1]) ? 0.15 : 0;
}

const DISTINCT_CUES = new Set(['distinct', 'unique', 'different', '고유', '서로']);

/** Breakdowns are usually named in GROUP BY order: the n-th "X별" goes with the n-th grouping column. */
function groupOrderBonus(token: QuestionToken, target: AlignTarget, view: FailureView): number {
  const marked = view.tokens.filter((t) => isGroupingMarked(t, view.tokens));
  const rank = marked.findIndex((t) => t.index === token.index);
  return rank >= 0 && view.expected.groupBy[rank] === target.column?.toLowerCase() ? 0.05 : 0;
}

/** "enterprise customers", "Korean members": the noun after a filter value names the value's table. */
function followsValueOf(token: QuestionToken, table: string, view: FailureView): boolean {
  const before = view.tokens[token.index - 1];
  if (!before) return false;
  return view.filters.some((f) => f.table === table && f.strings.some((literal) => splitStems(literal).some((w) => stemsMatch(w, before.stem) || abbreviates(literal, before.raw))));
}

const ORDER_CUES = new Set(
  ['most', 'least', 'highest', 'lowest', 'latest', 'earliest', 'newest', 'oldest', 'recent', 'recently', 'first', 'last', 'top', 'bottom', '가장', '최근', '최신', '처음', '마지막', '상위', '하위'].map(stemWord),
);

/** "most recently opened", "가장 최근에 개설된": a word beside an ordering word names the ORDER BY column. */
function besideOrderCue(token: QuestionToken, tokens: readonly QuestionToken[]): boolean {
  return [tokens[token.index - 1], tokens[token.index + 1]].some((t) => t !== undefined && ORDER_CUES.has(t.stem));
}

/** "the youngest dog": an -est word between "the" and a noun describes an order, never a table. */
function isSuperlative(token: QuestionToken, tokens: readonly QuestionToken[]): boolean {
  const before = tokens[token.index - 1];
  const after = tokens[token.index + 1];
  return /^[a-z]{2,}est$/.test(token.stem) && before?.stem === 'the' && after !== undefined && !isFunctionWord(after.stem);
}

const GROUPING_WORDS = new Set(['per', 'by', 'each', 'every']);

/** "per channel", "by channel", "for each channel", "채널별", "채널마다". */
function isGroupingMarked(token: QuestionToken, tokens: readonly QuestionToken[]): boolean {
  if (/[\uac00-\ud7a3](별|마다|별로)$/.test(token.raw)) return true;
  const before = tokens[token.index - 1];
  return before !== undefined && GROUPING_WORDS.has(before.stem);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The synonym text for a word: what the user wrote, lowercased; Korean without its particle. */
export function synonymText(token: QuestionToken): string {
  return /[\uac00-\ud7a3]/.test(token.stem) ? token.stem : token.raw.toLowerCase().replace(/'s$/, '');
}

