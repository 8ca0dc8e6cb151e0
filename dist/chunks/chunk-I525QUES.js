import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);

// src/text/normalise.ts
var HANGUL = /[\uac00-\ud7a3]/;
function isHangul(text) {
  return HANGUL.test(text);
}
function hasFinalConsonant(syllable) {
  const code = syllable.charCodeAt(0) - 44032;
  return code >= 0 && code < 11172 && code % 28 !== 0;
}
function finalRieul(syllable) {
  return (syllable.charCodeAt(0) - 44032) % 28 === 8;
}
function wordParts(text) {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}
function splitIdentifier(name, keepCase = false) {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z]{2,})/g, "$1 $2");
  return wordParts(spaced).map((part) => keepCase ? part : part.toLowerCase());
}
var NOT_PLURAL = new Set(
  `this is was has does its us plus status bus less news series analysis across always various previous whats`.split(
    " "
  )
);
var IRREGULAR_SINGULAR = /* @__PURE__ */ new Map([
  ["stats", "stat"],
  ["days", "day"]
]);
function singular(w) {
  const irregular = IRREGULAR_SINGULAR.get(w);
  if (irregular !== void 0) return irregular;
  if (w.length <= 3 || NOT_PLURAL.has(w) || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/(ss|us|is)$/.test(w)) return w;
  if (w.endsWith("s")) return w.slice(0, -1);
  return w;
}
function pastTense(word) {
  if (word.length <= 5 || !/^[a-z]+ed$/.test(word) || /eed$/.test(word)) return word;
  return word.slice(0, -2);
}
function verbStems(word) {
  if (word.length > 5 && word.endsWith("ing")) return [word.slice(0, -3)];
  if (word.length > 4 && word.endsWith("ed")) return [word.slice(0, -2), word.slice(0, -1)];
  return [];
}
function coarseStem(word) {
  let w = singular(word.toLowerCase());
  if (w.length < 6 || !/^[a-z]+$/.test(w)) return w;
  for (const suffix of ["ing", "ure", "ed", "al"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 5) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.length > 4 && w.endsWith("e") ? w.slice(0, -1) : w;
}
var NOUN_PARTICLES = `\uC5D0\uC11C\uB294 \uC73C\uB85C\uB294 \uC5D0\uC11C\uC758 \uC5D0\uAC8C\uC11C \uC774\uB77C\uB294 \uC5D0\uC11C \uC73C\uB85C \uC5D0\uAC8C \uD55C\uD14C \uAE4C\uC9C0 \uBD80\uD130 \uB9C8\uB2E4 \uBCF4\uB2E4 \uCC98\uB7FC \uC774\uB098 \uB77C\uB294
  \uC740 \uB294 \uC774 \uAC00 \uC744 \uB97C \uC758 \uC5D0 \uB85C \uC640 \uACFC \uB3C4 \uB9CC \uB4E4 \uB791`;
var PREDICATE_ENDINGS = "\uC778\uAC00\uC694 \uC785\uB2C8\uAE4C \uC774\uC5D0\uC694 \uC778\uC9C0 \uC608\uC694 \uC774\uACE0 \uC774\uBA70 \uC774\uB2E4 \uC774\uC57C \uC57C \uB41C \uD55C \uB098 \uC778 \uC694";
var PER_SUFFIXES = "\uBCC4 \uB2F9";
var AFTER_CONSONANT = /* @__PURE__ */ new Set(["\uC740", "\uC774", "\uC744", "\uACFC", "\uC774\uB77C\uB294", "\uC774\uB098"]);
var AFTER_VOWEL = /* @__PURE__ */ new Set(["\uB294", "\uAC00", "\uB97C", "\uC640", "\uB77C\uB294"]);
function byLength(...lists) {
  return lists.flatMap((list2) => list2.split(/\s+/)).filter((p) => p !== "").sort((a, b) => b.length - a.length);
}
var STEM_PARTICLES = byLength(NOUN_PARTICLES, PER_SUFFIXES);
var FORM_PARTICLES = byLength(NOUN_PARTICLES, PREDICATE_ENDINGS);
function fitsBefore(particle, before) {
  if (particle.startsWith("\uB85C")) return !hasFinalConsonant(before) || finalRieul(before);
  if (particle.startsWith("\uC73C\uB85C")) return hasFinalConsonant(before) && !finalRieul(before);
  if (AFTER_CONSONANT.has(particle)) return hasFinalConsonant(before);
  if (AFTER_VOWEL.has(particle)) return !hasFinalConsonant(before);
  return true;
}
function stripKoreanParticle(word) {
  if (!HANGUL.test(word)) return word;
  let current = word;
  const suffix = STEM_PARTICLES.find(
    (s) => current.length > s.length && current.endsWith(s) && fitsBefore(s, current[current.length - s.length - 1])
  );
  if (suffix !== void 0) current = current.slice(0, -suffix.length);
  if (suffix !== "\uB4E4" && current.length > 1 && current.endsWith("\uB4E4")) current = current.slice(0, -1);
  return current;
}
function koreanForms(word) {
  const forms = [word];
  let current = word;
  for (let round = 0; round < 3; round++) {
    const particle = FORM_PARTICLES.find(
      (p) => current.length > p.length && current.endsWith(p) && fitsBefore(p, current[current.length - p.length - 1])
    );
    if (!particle) break;
    current = current.slice(0, -particle.length);
    forms.push(current);
  }
  return forms;
}

// src/text/stop-words.ts
var list = (text) => text.split(/\s+/).filter((word) => word !== "");
var GRAMMAR_WORDS = `
    a an the of in on at to for and or is are was were be been by with what which who how that this
    these those it its as from per each one do does did have has had there their we our i me show list
    give tell all any some when where into than not no such also can may value id unique number count
    name date time day over about only other own same so then up out if but use used most many much more
    less get got since between during my your
`;
var STOPWORDS = new Set(
  list(`${GRAMMAR_WORDS} row e g eg ie values column table identifier using like after before`)
);
var FUNCTION_WORD_GROUPS = {
  grammar: GRAMMAR_WORDS,
  english_grammar: `
    every without being whom whose why them they us you under until among across within just could would
    should will shall might must here down instead others else either neither nor very too yet still
    already again never always often having whether both none thing things ids
  `,
  request_verbs: `
    find return display report fetch compute calculate want need along respectively both whether
    including include
  `,
  aggregation_and_ranking: `
    total sum average avg mean max maximum min minimum least highest lowest largest smallest biggest top
    bottom first last best worst fewer greater larger smaller higher lower above below under
    distinct different overall order ordered sort sorted rank ranked ascending descending asc desc
    alphabetical alphabetically percentage percent ratio share rate group grouped breakdown broken split
    equal equals exactly two three four five six seven eight nine ten times amount
  `,
  time: `
    daily week weekly month monthly year yearly annual quarter today yesterday past previous prior
    recent recently current next ago ever now trend trends january february march april june july august
    september october november december monday tuesday wednesday thursday friday saturday sunday weekday
    weekend
  `,
  everyday_verbs_and_pronouns: `
    something anything everything nothing someone anyone everyone somebody anybody make made go goes
    went gone gave given take took taken come came put see saw seen say said look write wrote written
    happen happened occur occurred done doing being keep let
  `,
  // Korean grammar, aggregation and time (already particle-stripped)
  korean: `
    \uBA87 \uAC1C \uBA85 \uAC74 \uCD1D \uC804\uCCB4 \uBAA8\uB4E0 \uAC01 \uD3C9\uADE0 \uD569\uACC4 \uD569 \uCD5C\uB300 \uCD5C\uC18C \uAC00\uC7A5 \uC0C1\uC704 \uD558\uC704 \uB9CE\uC740 \uC801\uC740 \uB192\uC740 \uB0AE\uC740 \uCD5C\uADFC \uC9C0\uB09C \uC774\uBC88 \uC791\uB144 \uC62C\uD574 \uC5B4\uC81C \uC624\uB298 \uC77C \uC8FC \uC6D4 \uB144 \uC8FC\uAC04 \uC6D4\uAC04 \uC5F0\uAC04 \uC77C\uBCC4 \uC8FC\uBCC4 \uC6D4\uBCC4
    \uC5F0\uB3C4 \uC218 \uBE44\uC728 \uC21C\uC704 \uBB34\uC5C7 \uC5B4\uB5A4 \uC5B4\uB290 \uC5BC\uB9C8\uB098 \uC5BC\uB9C8 \uBCF4\uC5EC\uC918 \uBCF4\uC5EC \uC54C\uB824\uC918 \uC54C\uB824 \uC8FC\uC138\uC694 \uD574\uC918 \uC788\uB294 \uC788\uB098 \uC788\uC5B4 \uC788\uC2B5\uB2C8\uAE4C \uC778 \uB41C \uD55C \uD558\uB294 \uD588 \uBCC4\uB85C \uAE30\uC900 \uB3D9\uC548 \uC911 \uBC0F \uADF8\uB9AC\uACE0 \uB610\uB294 \uB300\uD55C \uB300\uD574
    \uB204\uAD6C \uC5B8\uC81C \uC5B4\uB514 \uC774\uC0C1 \uC774\uD558 \uCD08\uACFC \uBBF8\uB9CC \uC21C \uC21C\uC11C \uC815\uB82C \uC21C\uC11C\uB300\uB85C \uC9C0\uB09C\uB2EC \uC774\uBC88\uB2EC \uB2E4\uC74C\uB2EC \uC9C0\uB09C\uC8FC \uC774\uBC88\uC8FC \uB2E4\uC74C\uC8FC \uB0B4\uB144 \uC791\uB144 \uC81C\uC77C \uBB34\uC2A8 \uBB50 \uB204\uAC00 \uD37C\uC13C\uD2B8
  `
};
function functionWords() {
  return Object.values(FUNCTION_WORD_GROUPS).flatMap(list);
}

export {
  isHangul,
  wordParts,
  splitIdentifier,
  singular,
  pastTense,
  verbStems,
  coarseStem,
  stripKoreanParticle,
  koreanForms,
  STOPWORDS,
  functionWords
};
