/**
 * The one word normaliser of English and Korean text, shared by the rules analyst
 * (src/fixes/rules) and the local Genie engine (src/local/genie): identifier splitting,
 * English plurals and verb forms, Korean particles. Pure and deterministic; it knows no
 * space and reads nothing. Each reader builds its own tokens on top: the analyst keeps one
 * stem per word, the engine keeps candidate forms, best first.
 */

const HANGUL = /[\uac00-\ud7a3]/;

export function isHangul(text: string): boolean {
  return HANGUL.test(text);
}

/** True when a Hangul syllable ends in a consonant (회원 -> 원 yes, 나이 -> 이 no). */
export function hasFinalConsonant(syllable: string): boolean {
  const code = syllable.charCodeAt(0) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 !== 0;
}

/** True when a Hangul syllable ends in ㄹ (채널, 별). */
function finalRieul(syllable: string): boolean {
  return (syllable.charCodeAt(0) - 0xac00) % 28 === 8;
}

/** Runs of letters (any script) and digits: every other character separates words. */
export function wordParts(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Words of a snake_case, camelCase, kebab or dotted identifier, lowercased unless `keepCase`.
 * An acronym ends before a capitalised word: `LName` -> l, name; `StuID` -> stu, id; `IDs` stays one word.
 */
export function splitIdentifier(name: string, keepCase = false): string[] {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z]{2,})/g, '$1 $2');
  return wordParts(spaced).map((part) => (keepCase ? part : part.toLowerCase()));
}

/** English words whose trailing "s" is no plural marker; `stats` and `days` do have a singular. */
const NOT_PLURAL = new Set(
  `this is was has does its us plus status bus less news series analysis across always various previous whats`.split(
    ' ',
  ),
);
const IRREGULAR_SINGULAR = new Map([
  ['stats', 'stat'],
  ['days', 'day'],
]);

/**
 * English singular of a lowercase word by suffix rules. Short words, words with anything but
 * a-z (digits, capitals, spaces: callers lowercase first) and -ss/-us/-is endings stay as they are.
 */
export function singular(w: string): string {
  const irregular = IRREGULAR_SINGULAR.get(w);
  if (irregular !== undefined) return irregular;
  if (w.length <= 3 || NOT_PLURAL.has(w) || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/(ss|us|is)$/.test(w)) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/**
 * One stem for a past form: "posted" -> "post", "joined" -> "join". Only words of six letters
 * or more, and not -eed ("agreed"), so "based" and "used" stay whole.
 */
export function pastTense(word: string): string {
  if (word.length <= 5 || !/^[a-z]+ed$/.test(word) || /eed$/.test(word)) return word;
  return word.slice(0, -2);
}

/**
 * Candidate stems of a verb form, for readers that try several: "posting" -> post;
 * "reacted" -> react, reacte; "based" -> bas, base (one of them is the word meant).
 */
export function verbStems(word: string): string[] {
  if (word.length > 5 && word.endsWith('ing')) return [word.slice(0, -3)];
  if (word.length > 4 && word.endsWith('ed')) return [word.slice(0, -2), word.slice(0, -1)];
  return [];
}

/**
 * A coarse English stem, applied alike to config words and question words so that
 * "arriving", "arrived" and "arrival" meet `date_arrived`, and "departure" meets `departed`.
 * Only words of six letters or more are cut.
 */
export function coarseStem(word: string): string {
  let w = singular(word.toLowerCase());
  if (w.length < 6 || !/^[a-z]+$/.test(w)) return w;
  for (const suffix of ['ing', 'ure', 'ed', 'al']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 5) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w;
}

/** Case particles and postpositions that attach to a noun (회원의, 채널에서, 서울까지). */
const NOUN_PARTICLES = `에서는 으로는 에서의 에게서 이라는 에서 으로 에게 한테 까지 부터 마다 보다 처럼 이나 라는
  은 는 이 가 을 를 의 에 로 와 과 도 만 들 랑`;
/** Endings of a copula or predicate (명이야, 몇 명인가요, 가입한): only candidate forms strip them. */
const PREDICATE_ENDINGS = '인가요 입니까 이에요 인지 예요 이고 이며 이다 이야 야 된 한 나 인 요';
/** "per"/"by" suffixes (채널별, 메시지당): never part of a schema word. */
const PER_SUFFIXES = '별 당';

/** Particles that follow only a syllable with a final consonant (회원이), or only one without (나이가). */
const AFTER_CONSONANT = new Set(['은', '이', '을', '과', '이라는', '이나']);
const AFTER_VOWEL = new Set(['는', '가', '를', '와', '라는']);

/** Longest first, so `에서` wins over `에`. */
function byLength(...lists: string[]): string[] {
  return lists
    .flatMap((list) => list.split(/\s+/))
    .filter((p) => p !== '')
    .sort((a, b) => b.length - a.length);
}
const STEM_PARTICLES = byLength(NOUN_PARTICLES, PER_SUFFIXES);
const FORM_PARTICLES = byLength(NOUN_PARTICLES, PREDICATE_ENDINGS);

/** True when the particle fits the syllable before it (so 나이 keeps its 이 and 길이 its 이). */
function fitsBefore(particle: string, before: string): boolean {
  // 로 follows a vowel or a final ㄹ (서울로, 채널별로); 으로 any other final consonant (회원으로).
  if (particle.startsWith('로')) return !hasFinalConsonant(before) || finalRieul(before);
  if (particle.startsWith('으로')) return hasFinalConsonant(before) && !finalRieul(before);
  if (AFTER_CONSONANT.has(particle)) return hasFinalConsonant(before);
  if (AFTER_VOWEL.has(particle)) return !hasFinalConsonant(before);
  return true;
}

/**
 * The one stem of a Korean word: strip one particle or per-suffix that fits the syllable
 * before it (keeping at least one syllable), then a plural 들 before it (회원들의 -> 회원).
 */
export function stripKoreanParticle(word: string): string {
  if (!HANGUL.test(word)) return word;
  let current = word;
  const suffix = STEM_PARTICLES.find(
    (s) => current.length > s.length && current.endsWith(s) && fitsBefore(s, current[current.length - s.length - 1]!),
  );
  if (suffix !== undefined) current = current.slice(0, -suffix.length);
  if (suffix !== '들' && current.length > 1 && current.endsWith('들')) current = current.slice(0, -1);
  return current;
}

/**
 * Candidate stems of a Korean word, best first: the word itself (국가 ends like a particle but
 * is a noun), then up to three particles or predicate endings stripped one after another.
 */
export function koreanForms(word: string): string[] {
  const forms = [word];
  let current = word;
  for (let round = 0; round < 3; round++) {
    const particle = FORM_PARTICLES.find(
      (p) => current.length > p.length && current.endsWith(p) && fitsBefore(p, current[current.length - p.length - 1]!),
    );
    if (!particle) break;
    current = current.slice(0, -particle.length);
    forms.push(current);
  }
  return forms;
}
