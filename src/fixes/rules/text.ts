/**
 * Question and schema-name words for the rules analyst: tokenising, stemming (English
 * plurals, Korean particles) and the function words a text-to-SQL engine understands
 * without any config. Pure and deterministic; nothing here knows a particular space.
 */
import { FUNCTION_WORD_GROUPS } from './function-words.js';

export interface QuestionToken {
  /** The word as written (case kept: capitalised words hint at proper nouns). */
  raw: string;
  /** Lowercase, plural- and particle-stripped comparison form. */
  stem: string;
  /** Position in the question's token list. */
  index: number;
}

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * Korean particles and suffixes that attach to nouns, longest first so `에서` wins over `에`.
 * `별`/`당`/`마다` (per) and `들` (plural) are included: they never belong to a schema word.
 */
const KOREAN_SUFFIXES = [
  '에서는',
  '으로는',
  '에게서',
  '이라는',
  '에서',
  '으로',
  '에게',
  '한테',
  '까지',
  '부터',
  '마다',
  '보다',
  '처럼',
  '이나',
  '라는',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
  '별',
  '당',
  '들',
  '랑',
];

/** Particles that follow only a syllable with a final consonant (회원이), or only one without (나이가). */
const AFTER_CONSONANT = new Set(['은', '이', '을', '과', '으로', '으로는', '이라는', '이나']);
const AFTER_VOWEL = new Set(['는', '가', '를', '와', '로', '라는']);

function hasFinalConsonant(syllable: string): boolean {
  const code = syllable.charCodeAt(0) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 !== 0;
}

/**
 * Strip one Korean particle (keeping at least one syllable), then a plural 들 before it
 * (회원들의 -> 회원). The particle must fit the syllable before it, so nouns that end in a
 * particle-like syllable survive: 나이 (age) and 길이 (length) keep their 이.
 */
export function stripKoreanParticle(word: string): string {
  if (!HANGUL.test(word)) return word;
  let current = word;
  const suffix = KOREAN_SUFFIXES.find((s) => {
    if (current.length <= s.length || !current.endsWith(s)) return false;
    const before = current[current.length - s.length - 1];
    if (AFTER_CONSONANT.has(s)) return hasFinalConsonant(before);
    if (AFTER_VOWEL.has(s)) return !hasFinalConsonant(before);
    return true;
  });
  if (suffix !== undefined) current = current.slice(0, -suffix.length);
  if (suffix !== '들' && current.length > 1 && current.endsWith('들')) current = current.slice(0, -1);
  return current;
}

/** English singular form by suffix rules; short words and -ss/-us/-is endings are left alone. */
export function singular(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(sses|xes|ches|shes|zes)$/.test(word)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** Comparison form of one word. */
export function stemWord(word: string): string {
  const lower = word.toLowerCase().replace(/'s$/, '').replace(/'$/, '');
  return HANGUL.test(lower) ? stripKoreanParticle(lower) : pastTense(singular(lower));
}

/** "posted" -> "post", "joined" -> "join": past forms name the same thing as their verb (names are stemmed alike). */
function pastTense(word: string): string {
  if (word.length <= 5 || !/^[a-z]+ed$/.test(word) || /eed$/.test(word)) return word;
  return word.slice(0, -2);
}

/** Words of a question, in order. Letters (any script), digits and hyphenated words are kept. */
export function tokenizeQuestion(question: string): QuestionToken[] {
  const words = question.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  return words.map((raw, index) => ({ raw: raw.replace(/’/g, "'"), stem: stemWord(raw.replace(/’/g, "'")), index }));
}

/** Words of a schema name: snake_case, camelCase, kebab and dotted parts split and stemmed. */
export function nameWords(name: string): string[] {
  const spaced = name
    .replace(/`/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return (spaced.match(/[\p{L}\p{N}]+/gu) ?? []).map(stemWord).filter((word) => word.length > 0);
}

/** Stems of every word of a literal or phrase, split at any non-letter ('data-engineering' -> data, engineering). */
export function splitStems(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(stemWord);
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
const FUNCTION_WORDS = new Set(
  Object.values(FUNCTION_WORD_GROUPS)
    .flatMap((group) => group.split(/\s+/))
    .filter((word) => word !== '')
    .map(stemWord),
);

/** Korean predicate endings: a word ending so is the question's verb ("몇 명인가요", "보여주세요"). */
const KOREAN_PREDICATE = /(습니까|입니까|인가요|나요|세요|해줘|인가|는가|됩니까|합니까|니까|줘요|가요|였나|었나|했나)$/;

/** Sentence-final Korean endings (어디야, 몇 명이야, 알려줘): the last word of a Korean question is its predicate when it ends so. */
const KOREAN_FINAL = /(야|요|까|니|냐|줘|지|다|죠)$/;

/** True when the token is the question's predicate (a Korean sentence ending), not a noun. */
export function isPredicate(token: QuestionToken, tokens: readonly QuestionToken[]): boolean {
  return token.index === tokens.length - 1 && HANGUL.test(token.stem) && KOREAN_FINAL.test(token.stem);
}

export function isFunctionWord(stem: string): boolean {
  return (
    FUNCTION_WORDS.has(stem) ||
    /^\p{N}+$/u.test(stem) ||
    /^\d+(st|nd|rd|th)$/.test(stem) ||
    (HANGUL.test(stem) && KOREAN_PREDICATE.test(stem))
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
