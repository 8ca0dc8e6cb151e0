/**
 * Tokenising and normalising question and config text, English and Korean.
 * The same normalisation runs on the config (names, synonyms, descriptions)
 * and on questions, so matching only has to compare normalised forms.
 */

export interface Token {
  /** The text as written (case kept), used for quoted values and format shapes. */
  raw: string;
  /** Normalised forms, best first: for Korean the word, then with particles stripped. */
  forms: string[];
  /** Numeric value when the token is a number. */
  num?: number;
  /** True for a value quoted in the question ('general' or "general"). */
  quoted?: boolean;
  /** ISO date (YYYY-MM-DD) when the token is one. */
  date?: string;
}

const HANGUL = /[\uac00-\ud7a3]/;

/** Numbers written as words ("at least two", "more than once"); not "one", which is mostly a pronoun. */
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  once: 1,
  twice: 2,
  thrice: 3,
};

/** Korean particles and endings, longest first, stripped from the end of a word. */
const PARTICLES = [
  '에서는',
  '으로는',
  '에서의',
  '에게서',
  '에서',
  '으로',
  '까지',
  '부터',
  '에게',
  '한테',
  '처럼',
  '보다',
  '마다',
  '이나',
  '인가요',
  '입니까',
  '이에요',
  '인지',
  '예요',
  '이고',
  '이며',
  '이다',
  '이야',
  '야',
  '된',
  '한',
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
  '들',
  '나',
  '인',
  '요',
];

/** English words whose trailing "s" is not a plural marker. */
const NOT_PLURAL = new Set([
  'this',
  'is',
  'was',
  'has',
  'does',
  'its',
  'us',
  'plus',
  'status',
  'bus',
  'less',
  'news',
  'series',
  'analysis',
  'across',
  'always',
  'various',
  'previous',
  'whats',
  'stats',
  'days',
]);

/** Singular form of an English word (rough, but applied identically on both sides). */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3 || NOT_PLURAL.has(w)) return w === 'stats' ? 'stat' : w === 'days' ? 'day' : w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** Candidate stems of a Korean word: the word itself, then particle-stripped forms. */
export function koreanForms(word: string): string[] {
  const forms = [word];
  let current = word;
  for (let round = 0; round < 3; round++) {
    const particle = PARTICLES.find((p) => current.length > p.length && current.endsWith(p));
    if (!particle) break;
    current = current.slice(0, -particle.length);
    forms.push(current);
  }
  return forms;
}

export function isHangul(text: string): boolean {
  return HANGUL.test(text);
}

/** One normalised form of a single word (used for config text). */
export function normalizeWord(word: string): string {
  return isHangul(word) ? word : singular(word);
}

const TOKEN_RE =
  /'([^']+)'|"([^"]+)"|“([^”]+)”|‘([^’]+)’|(\d{4}-\d{2}-\d{2})|(\d+(?:\.\d+)?)|([\uac00-\ud7a3]+)|([A-Za-z][A-Za-z0-9_]*(?:'s)?)|(%)/g;

/**
 * Split text into tokens. snake_case and camelCase words are split into parts;
 * digits and Hangul are split apart ("5개" -> 5, 개); Korean "X별" becomes X, 별.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const quoted = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (quoted !== undefined) {
      tokens.push({ raw: quoted, forms: [quoted.toLowerCase()], quoted: true });
    } else if (m[5]) {
      tokens.push({ raw: m[5], forms: [m[5]], date: m[5] });
    } else if (m[6]) {
      tokens.push({ raw: m[6], forms: [m[6]], num: Number(m[6]) });
    } else if (m[7]) {
      pushKorean(tokens, m[7]);
    } else if (m[8]) {
      for (const part of splitIdentifier(m[8].replace(/'s$/, ''), true)) {
        const spelled = NUMBER_WORDS[part.toLowerCase()];
        if (spelled !== undefined) {
          tokens.push({ raw: part, forms: [part.toLowerCase()], num: spelled });
          continue;
        }
        tokens.push({
          raw: part,
          forms: uniq([singular(part), part.toLowerCase(), ...verbStem(part.toLowerCase()), stemForm(part)]),
        });
      }
    } else if (m[9]) {
      tokens.push({ raw: '%', forms: ['%'] });
    }
  }
  return tokens;
}

function pushKorean(tokens: Token[], word: string): void {
  const forms = koreanForms(word);
  // "채널별", "채널별로": split off the "by" suffix so the stem links on its own.
  // "메시지당" (per message) splits the same way.
  const byForm = forms.find((f) => f.length > 1 && (f.endsWith('별') || f.endsWith('당')));
  if (byForm) {
    const stem = byForm.slice(0, -1);
    const suffix = byForm.slice(-1);
    tokens.push({ raw: stem, forms: koreanForms(stem) });
    tokens.push({ raw: suffix, forms: [suffix] });
    return;
  }
  tokens.push({ raw: word, forms });
}

/** Split snake_case / camelCase / kebab identifiers into lower-case words. */
export function splitIdentifier(name: string, keepCase = false): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9\uac00-\ud7a3]+/)
    .filter((part) => part.length > 0)
    .map((part) => (keepCase ? part : part.toLowerCase()));
}

/** Normalised words of a piece of config text (a name, synonym or description). */
export function phraseWords(text: string): string[] {
  return tokenize(text).map((t) => (t.num !== undefined || t.date ? t.raw : t.forms[0]));
}

/** Words that carry no schema meaning in descriptions and questions. */
export const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'and',
  'or',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'by',
  'with',
  'what',
  'which',
  'who',
  'how',
  'that',
  'this',
  'these',
  'those',
  'it',
  'its',
  'as',
  'from',
  'per',
  'each',
  'one',
  'row',
  'do',
  'does',
  'did',
  'have',
  'has',
  'had',
  'there',
  'their',
  'we',
  'our',
  'i',
  'me',
  'show',
  'list',
  'give',
  'tell',
  'all',
  'any',
  'some',
  'when',
  'where',
  'into',
  'than',
  'not',
  'no',
  'e',
  'g',
  'eg',
  'ie',
  'such',
  'also',
  'can',
  'may',
  'value',
  'values',
  'column',
  'table',
  'id',
  'identifier',
  'unique',
  'number',
  'count',
  'name',
  'date',
  'time',
  'day',
  'over',
  'about',
  'only',
  'other',
  'own',
  'same',
  'so',
  'then',
  'up',
  'out',
  'if',
  'but',
  'use',
  'used',
  'using',
  'most',
  'many',
  'much',
  'more',
  'less',
  'like',
  'get',
  'got',
  'since',
  'between',
  'after',
  'before',
  'during',
  'my',
  'your',
]);

export function uniq<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** "posting" -> "post", "reacted" -> "react": a last-resort form so verbs reach noun synonyms. */
function verbStem(word: string): string[] {
  if (word.length > 5 && word.endsWith('ing')) return [word.slice(0, -3)];
  if (word.length > 4 && word.endsWith('ed')) return [word.slice(0, -2), word.slice(0, -1)];
  return [];
}

/**
 * A coarse English stem, applied alike to config words and question words so that
 * "arriving", "arrived" and "arrival" meet `date_arrived`, and "departure" meets `departed`.
 * Only words of six letters or more are cut.
 */
export function stemForm(word: string): string {
  let w = singular(word);
  if (w.length < 6 || !/^[a-z]+$/.test(w)) return w;
  for (const suffix of ['ing', 'ure', 'ed', 'al']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 5) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w;
}
