/**
 * Tokenising and normalising question and config text, English and Korean.
 * The same normalisation runs on the config (names, synonyms, descriptions)
 * and on questions, so matching only has to compare normalised forms. The word-level
 * normalisation (plurals, verb forms, Korean particles, identifier parts, stop words) is the
 * shared one of src/text; this module types the engine's tokens: quoted values, dates, numbers.
 */
import { coarseStem, isHangul, koreanForms, singular, splitIdentifier, verbStems } from '../../text/normalise.js';

export { STOPWORDS } from '../../text/stop-words.js';
export { koreanForms, splitIdentifier };

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

/** Numbers written as words ("at least two", "more than once"); not "one", which is mostly a pronoun. */
const NUMBER_WORDS = new Map<string, number>([
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['once', 1],
  ['twice', 2],
  ['thrice', 3],
]);

/** One normalised form of a single word (used for config text). */
export function normalizeWord(word: string): string {
  return isHangul(word) ? word : singular(word.toLowerCase());
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
        const lower = part.toLowerCase();
        const spelled = NUMBER_WORDS.get(lower);
        if (spelled !== undefined) {
          tokens.push({ raw: part, forms: [lower], num: spelled });
          continue;
        }
        tokens.push({
          raw: part,
          forms: uniq([singular(lower), lower, ...verbStems(lower), coarseStem(lower)]),
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

/** Normalised words of a piece of config text (a name, synonym or description). */
export function phraseWords(text: string): string[] {
  return tokenize(text).map((t) => (t.num !== undefined || t.date ? t.raw : t.forms[0]));
}

export function uniq<T>(items: T[]): T[] {
  return [...new Set(items)];
}
