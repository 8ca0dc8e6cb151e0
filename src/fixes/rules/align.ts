/**
 * Aligning unexplained question words with the things the expected SQL needs and Genie
 * missed (a table, a column, a filter value, a flag filter). Scores combine lexical
 * likeness (shared stems, character trigrams, abbreviations such as JP/Japan) with
 * co-occurrence across all failures, so a word seen with the same table in several
 * questions (Korean words with no lexical link, say) lands on it; position hints break
 * the remaining ties. Greedy and deterministic.
 */
import type { FailureView } from './evidence.js';
import { besideOrderCue, isSuperlative, tieBreak } from './align-hints.js';
import { distinctiveWords, type AlignTarget } from './targets.js';
import { abbreviates, isFunctionWord, stemsMatch, type QuestionToken } from './text.js';

export interface Alignment {
  target: AlignTarget;
  token: QuestionToken;
  /** `lexical` when the word resembles the target; `fallback` when only position and co-occurrence chose it. */
  confidence: 'lexical' | 'fallback';
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
      const named = input.view.tokens.filter(
        (t) => !pool.has(t.index) && !isFunctionWord(t.stem) && matchesWords(t, target.words, target.kind !== 'filter'),
      );
      const tokens =
        target.kind === 'value' ? [...pool.values(), ...(input.valueTokens ?? [])] : [...pool.values(), ...named];
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

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
