/**
 * The words of FUNCTION_WORDS (text.ts), by kind, before stemming: grammar, requests, aggregation,
 * time and everyday words that never name data, in English and Korean.
 */
export const FUNCTION_WORD_GROUPS: Readonly<Record<string, string>> = {
  // English grammar
  english_grammar: `
    a an the of in on at for by per each every all any to from with without and or not no is are was
    were be been being do does did have has had what which who whom whose where when why how that
    this these those there their them they it its we our us i me my you your as than then into over
    under between during since until about among across within only also just so such can could
    would should will shall may might must get got there here up down out but instead own other
    others else either neither nor same some very too yet still already again never always often
    having if whether both any none thing things id ids
  `,
  // request verbs
  request_verbs: `
    show list give find tell return display report get fetch compute calculate want need name value
    along respectively both whether including include along
  `,
  // aggregation and ranking
  aggregation_and_ranking: `
    how many much number count total sum average avg mean max maximum min minimum most least highest
    lowest largest smallest biggest top bottom first last best worst more less fewer greater larger
    smaller higher lower above below over under at least distinct different unique overall order
    ordered sort sorted rank ranked ascending descending asc desc alphabetical alphabetically
    percentage percent ratio share rate group grouped breakdown broken split equal equals exactly
    one two three four five six seven eight nine ten times amount
  `,
  // time
  time: `
    day daily week weekly month monthly year yearly annual quarter today yesterday past previous
    prior recent recently current next ago date time ever now trend trends january february march
    april may june july august september october november december monday tuesday wednesday thursday
    friday saturday sunday weekday weekend
  `,
  // everyday verbs and pronouns that never name data
  everyday_verbs_and_pronouns_that_never_n: `
    something anything everything nothing someone anyone everyone somebody anybody make made go goes
    went gone give gave given take took taken come came put use used see saw seen say said look
    write wrote written happen happened occur occurred done doing being keep let
  `,
  // Korean grammar, aggregation and time (already particle-stripped)
  korean_grammar_aggregation_and_time_alre: `
    몇 개 명 건 총 전체 모든 각 평균 합계 합 최대 최소 가장 상위 하위 많은 적은 높은 낮은 최근 지난 이번 작년 올해 어제 오늘 일 주 월 년 주간 월간 연간 일별 주별
    월별 연도 수 비율 순위 무엇 어떤 어느 얼마나 얼마 보여줘 보여 알려줘 알려 주세요 해줘 있는 있나 있어 있습니까 인 된 한 하는 했 별로 기준 동안 중 및 그리고 또는
    대한 대해 누구 언제 어디 이상 이하 초과 미만 순 순서 정렬 순서대로 지난달 이번달 다음달 지난주 이번주 다음주 내년 작년 제일 무슨 뭐 누가 퍼센트
  `,
};
