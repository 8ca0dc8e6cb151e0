/**
 * Words that carry no schema meaning, in one place. GRAMMAR_WORDS is what both readers skip;
 * the engine adds the filler of column descriptions, the rules analyst a wider list of words a
 * text-to-SQL engine reads as grammar (aggregation, ranking, time), by kind. Plain word lists
 * here; each reader compares them with its own normal form.
 */

const list = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');

/** Articles, pronouns, auxiliaries, question words, requests and counting words, in any question or description. */
const GRAMMAR_WORDS = `
    a an the of in on at to for and or is are was were be been by with what which who how that this
    these those it its as from per each one do does did have has had there their we our i me show list
    give tell all any some when where into than not no such also can may value id unique number count
    name date time day over about only other own same so then up out if but use used most many much more
    less get got since between during my your
`;

/** The local engine's stop words: grammar, and the filler of column descriptions ("e.g. the row's identifier"). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  list(`${GRAMMAR_WORDS} row e g eg ie values column table identifier using like after before`),
);

/**
 * The rules analyst's function words by kind, before stemming: grammar, requests, aggregation,
 * time and everyday words that never name data, in English and Korean.
 */
const FUNCTION_WORD_GROUPS: Readonly<Record<string, string>> = {
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
    몇 개 명 건 총 전체 모든 각 평균 합계 합 최대 최소 가장 상위 하위 많은 적은 높은 낮은 최근 지난 이번 작년 올해 어제 오늘 일 주 월 년 주간 월간 연간 일별 주별 월별
    연도 수 비율 순위 무엇 어떤 어느 얼마나 얼마 보여줘 보여 알려줘 알려 주세요 해줘 있는 있나 있어 있습니까 인 된 한 하는 했 별로 기준 동안 중 및 그리고 또는 대한 대해
    누구 언제 어디 이상 이하 초과 미만 순 순서 정렬 순서대로 지난달 이번달 다음달 지난주 이번주 다음주 내년 작년 제일 무슨 뭐 누가 퍼센트
  `,
};

/** Every function word of the groups, as written (the analyst stems them). */
export function functionWords(): string[] {
  return Object.values(FUNCTION_WORD_GROUPS).flatMap(list);
}
