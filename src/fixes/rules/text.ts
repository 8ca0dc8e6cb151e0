/**
 * Question and schema-name words for the rules analyst: tokenising, stemming (English
 * plurals, Korean particles) and the function words a text-to-SQL engine understands
 * without any config. Pure and deterministic; nothing here knows a particular space.
 */
import { functionWords } from '../../text/stop-words.js';
import {
  isHangul,
  pastTense,
  singular,
  splitIdentifier,
  stripKoreanParticle,
  wordParts,
} from '../../text/normalise.js';

export interface QuestionToken {
  /** The word as written (case kept: capitalised words hint at proper nouns). */
  raw: string;
  /** Lowercase, plural- and particle-stripped comparison form. */
  stem: string;
  /** Position in the question's token list. */
  index: number;
}

/** Comparison form of one word. */
export function stemWord(word: string): string {
  const lower = word.toLowerCase().replace(/'s$/, '').replace(/'$/, '');
  // Past forms name the same thing as their verb ("posted" -> "post"); names are stemmed alike.
  return isHangul(lower) ? stripKoreanParticle(lower) : pastTense(singular(lower));
}

/** Words of a question, in order. Letters (any script), digits and hyphenated words are kept. */
export function tokenizeQuestion(question: string): QuestionToken[] {
  const words = question.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  return words.map((raw, index) => ({ raw: raw.replace(/’/g, "'"), stem: stemWord(raw.replace(/’/g, "'")), index }));
}

/** Words of a schema name: snake_case, camelCase, kebab and dotted parts split and stemmed. */
export function nameWords(name: string): string[] {
  return splitIdentifier(name.replace(/`/g, ''))
    .map(stemWord)
    .filter((word) => word.length > 0);
}

/** Stems of every word of a literal or phrase, split at any non-letter ('data-engineering' -> data, engineering). */
export function splitStems(text: string): string[] {
  return wordParts(text).map(stemWord);
}

/** Stems of free text (a description or a synonym phrase). */
export function textStems(text: string): string[] {
  return tokenizeQuestion(text).map((token) => token.stem);
}

/**
 * Words a text-to-SQL engine reads as grammar rather than schema: question words, articles,
 * aggregation, ranking, comparison and time words, in English and Korean. A question word in
 * this set never becomes a synonym by itself.
 */
const FUNCTION_WORDS = new Set(functionWords().map(stemWord));

/** Korean predicate endings: a word ending so is the question's verb ("몇 명인가요", "보여주세요"). */
const KOREAN_PREDICATE = /(습니까|입니까|인가요|나요|세요|해줘|인가|는가|됩니까|합니까|니까|줘요|가요|였나|었나|했나)$/;

/** Sentence-final Korean endings (어디야, 몇 명이야, 알려줘): the last word of a Korean question is its predicate when it ends so. */
const KOREAN_FINAL = /(야|요|까|니|냐|줘|지|다|죠)$/;

/** True when the token is the question's predicate (a Korean sentence ending), not a noun. */
export function isPredicate(token: QuestionToken, tokens: readonly QuestionToken[]): boolean {
  return token.index === tokens.length - 1 && isHangul(token.stem) && KOREAN_FINAL.test(token.stem);
}

export function isFunctionWord(stem: string): boolean {
  return (
    FUNCTION_WORDS.has(stem) ||
    /^\p{N}+$/u.test(stem) ||
    /^\d+(st|nd|rd|th)$/.test(stem) ||
    (isHangul(stem) && KOREAN_PREDICATE.test(stem))
  );
}

/** Aggregation cue stems that may start or end a measure's name ("average ...", "... count", "총 ..."). */
const AGGREGATE_CUES = new Set(
  [
    'number',
    'count',
    'total',
    'sum',
    'average',
    'avg',
    'mean',
    'max',
    'maximum',
    'min',
    'minimum',
    '평균',
    '합계',
    '총',
    '수',
    '최대',
    '최소',
  ].map(stemWord),
);

export function isAggregateCue(stem: string): boolean {
  return AGGREGATE_CUES.has(stem);
}

/** True when two stems name the same thing: equal, or one a prefix of the other (4+ chars: "msg" vs "message" is not). */
export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}

/**
 * True when `code` reads as an abbreviation of `word`: same first letter and the code's
 * letters appear in order in the word ("JP" of "Japan", "KR" of "Korea").
 */
export function abbreviates(code: string, word: string): boolean {
  const c = code.toLowerCase();
  const w = word.toLowerCase();
  if (c.length === 0 || c.length >= w.length || c[0] !== w[0]) return false;
  let at = 0;
  for (const ch of c) {
    at = w.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
