/**
 * The engine's built-in question words (English and Korean): aggregation,
 * grouping, ranking, ratio and negation markers. Schema words never live here;
 * they come only from the space config.
 */
import { tokenize } from './text.js';

export type Bucket = 'day' | 'week' | 'month' | 'year';
/** A grouping of time: a calendar bucket, or the day of the week. */
export type TimeGrain = Bucket | 'weekday';

export type MarkerKind =
  | 'count'
  | 'distinct'
  | 'sum'
  | 'avg'
  | 'min'
  | 'max'
  | 'most'
  | 'least'
  | 'by'
  | 'which'
  | 'ratio'
  | 'percent'
  | 'not'
  | 'bucket'
  | 'asc'
  | 'desc'
  | 'each'
  | 'with'
  /** "sorted by", "in ascending order of": the next column orders a listing. */
  | 'sort';

export interface MarkerDef {
  kind: MarkerKind;
  /** Normalised words, matched in sequence. */
  words: string[];
  bucket?: TimeGrain;
  /** Korean postfix markers attach to the word before them ("회원 수", "채널별"). */
  postfix?: boolean;
  /** "latest", "earliest": about time, so they rank by a date column rather than aggregate a number. */
  temporal?: boolean;
  /** A sort phrase's own direction ("in descending order of"). */
  dir?: 'ASC' | 'DESC';
}

const DEFS: Array<
  [MarkerKind, string[], { bucket?: TimeGrain; postfix?: boolean; temporal?: boolean; dir?: 'ASC' | 'DESC' }?]
> = [
  [
    'sort',
    [
      'ordered by',
      'order by',
      'sorted by',
      'sort by',
      'sorted according to',
      'ranked by',
      'in order of',
      'in the order of',
      'by order of',
      'in alphabetical order of',
      'in ascending order of',
      'in ascending alphabetical order of',
      'in increasing order of',
    ],
    { dir: 'ASC' },
  ],
  [
    'sort',
    [
      'in descending order of',
      'in descending alphabetical order of',
      'in decreasing order of',
      'sorted descending by',
      'ordered descending by',
      'sorted in descending order by',
      'ordered in descending order by',
      'sorted in descending order of',
      'in descending order by',
    ],
    { dir: 'DESC' },
  ],
  [
    'sort',
    [
      'sorted ascending by',
      'ordered ascending by',
      'sorted in ascending order by',
      'ordered in ascending order by',
      'sorted in ascending order of',
      'in ascending order by',
    ],
    { dir: 'ASC' },
  ],
  [
    'count',
    [
      'how many',
      'how much',
      'number of',
      'count of',
      'count',
      'counts',
      'total number of',
      'amount of',
      '# of',
      'tally',
      '몇',
      '얼마나 많은',
      '몇 개',
      '몇 명',
      '몇 건',
      '몇 번',
    ],
  ],
  ['count', ['수', '개수', '건수', '횟수', '명수', '갯수'], { postfix: true }],
  [
    'distinct',
    ['distinct', 'unique', 'different', 'individual', '고유', '고유한', '서로 다른', '중복 없이', '중복 제외'],
  ],
  ['sum', ['total', 'sum of', 'sum', 'overall', 'combined', '총', '합계', '합', '총합', '전체']],
  ['sum', ['합계', '총합', '합'], { postfix: true }],
  ['avg', ['average', 'avg', 'mean', '평균']],
  ['max', ['maximum', 'max', 'largest', 'biggest', 'longest', '최대', '최고', '최대값', '가장 긴', '가장 큰']],
  ['max', ['latest', 'most recent', 'the most recent', 'the latest', 'newest', '가장 최근'], { temporal: true }],
  ['min', ['earliest', '가장 오래된'], { temporal: true }],
  [
    'min',
    ['minimum', 'min', 'smallest', 'shortest', 'oldest', 'first', '최소', '최저', '최소값', '가장 짧은', '가장 작은'],
  ],
  [
    'most',
    [
      'most',
      'highest',
      'top',
      'busiest',
      'most active',
      'greatest',
      'the most',
      '가장 많은',
      '가장 많이',
      '제일 많은',
      '제일 많이',
      '가장 높은',
      '제일 높은',
      '가장 활발한',
      '최다',
      '많은 순',
      '많은 순서',
      '높은 순',
      '상위',
      '가장 많',
      '제일 많',
    ],
  ],
  [
    'least',
    [
      'least',
      'fewest',
      'lowest',
      'bottom',
      'quietest',
      'least active',
      '가장 적은',
      '가장 적게',
      '제일 적은',
      '가장 낮은',
      '제일 낮은',
      '적은 순',
      '낮은 순',
      '하위',
      '최소한의',
      '가장 적',
    ],
  ],
  [
    'by',
    [
      'by',
      'per',
      'for each',
      'for every',
      'each',
      'every',
      'across',
      'broken down by',
      'grouped by',
      'group by',
      'split by',
      'in each',
      'of each',
    ],
  ],
  ['by', ['별', '마다', '기준', '기준으로', '당'], { postfix: true }],
  ['each', ['각', '각각의', '각각']],
  ['which', ['which', 'what', 'who', '어느', '어떤', '무슨', '누가', '누구', '어디']],
  ['ratio', ['ratio', 'ratio of', 'rate', 'proportion', 'fraction', 'share of', 'share', '비율', '비중', '비']],
  ['percent', ['percentage', 'percent', 'pct', '%', '퍼센트', '백분율', '몇 퍼센트']],
  ['not', ['not', 'non', 'no', 'excluding', 'except', 'without', "n't", 'never', '제외', '제외한', '아닌', '않은']],
  ['with', ['with', 'having', 'that have', 'that has', 'who have']],
  [
    'desc',
    [
      'descending',
      'desc',
      'from highest',
      'from largest',
      'from highest to lowest',
      'from largest to smallest',
      'from biggest to smallest',
      'from longest to shortest',
      'from most to least',
      '내림차순',
    ],
  ],
  [
    'asc',
    [
      'ascending',
      'asc',
      'from lowest',
      'from smallest',
      'from lowest to highest',
      'from smallest to largest',
      'from shortest to longest',
      'from least to most',
      'alphabetically',
      '오름차순',
    ],
  ],
  [
    'bucket',
    [
      'daily',
      'per day',
      'by day',
      'each day',
      'every day',
      'day by day',
      'by date',
      'per date',
      'each date',
      '일별',
      '일자별',
      '날짜별',
      '매일',
      '하루',
      '일 단위',
      '일간',
    ],
    { bucket: 'day' },
  ],
  [
    'bucket',
    ['day of the week', 'day of week', 'days of the week', 'weekday', 'weekdays', '요일', '요일별'],
    { bucket: 'weekday' },
  ],
  [
    'bucket',
    [
      'weekly',
      'per week',
      'by week',
      'each week',
      'every week',
      'week by week',
      'week over week',
      '주별',
      '주간',
      '매주',
      '주 단위',
    ],
    { bucket: 'week' },
  ],
  [
    'bucket',
    [
      'monthly',
      'per month',
      'by month',
      'each month',
      'every month',
      'month by month',
      'month over month',
      '월별',
      '월간',
      '매월',
      '매달',
      '달별',
      '월 단위',
    ],
    { bucket: 'month' },
  ],
  [
    'bucket',
    [
      'yearly',
      'annual',
      'annually',
      'per year',
      'by year',
      'each year',
      'every year',
      '연도별',
      '연별',
      '년도별',
      '연간',
      '매년',
      '해마다',
    ],
    { bucket: 'year' },
  ],
];

/** Markers with their word sequences normalised the same way as question tokens. */
export const MARKERS: MarkerDef[] = DEFS.flatMap(([kind, phrases, extra]) =>
  phrases.map((phrase) => ({
    kind,
    words: phrase === '# of' ? ['#', 'of'] : tokenize(phrase).map((t) => t.forms[0]),
    ...extra,
  })),
).filter((m) => m.words.length > 0);

/** Korean words that split into stem + 별 by the tokenizer but are bucket words as a whole. */
export const BUCKET_STEMS: Record<string, Bucket> = {
  일: 'day',
  일자: 'day',
  날짜: 'day',
  주: 'week',
  월: 'month',
  달: 'month',
  연도: 'year',
  연: 'year',
  년도: 'year',
};

/** Words that name a time grain after "per"/"by"/"each" in English. */
export const BUCKET_WORDS: Record<string, Bucket> = {
  day: 'day',
  date: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
};

/**
 * Adjectives that rank or compare along a measurable dimension ("the youngest dog" orders by
 * age, "older than 20" compares age). The dimension word is matched against column names and
 * synonyms of the space; when no column fits, the word keeps its ordinary meaning.
 */
export const SUPERLATIVES: Record<string, { dim: string; dir: 'asc' | 'desc' }> = {
  youngest: { dim: 'age', dir: 'asc' },
  oldest: { dim: 'age', dir: 'desc' },
  heaviest: { dim: 'weight', dir: 'desc' },
  lightest: { dim: 'weight', dir: 'asc' },
  tallest: { dim: 'height', dir: 'desc' },
  shortest: { dim: 'height', dir: 'asc' },
  longest: { dim: 'length', dir: 'desc' },
  cheapest: { dim: 'price', dir: 'asc' },
  fastest: { dim: 'speed', dir: 'desc' },
  slowest: { dim: 'speed', dir: 'asc' },
  richest: { dim: 'wealth', dir: 'desc' },
};

export const COMPARATIVES: Record<string, string> = {
  older: 'age',
  younger: 'age',
  heavier: 'weight',
  lighter: 'weight',
  taller: 'height',
  shorter: 'height',
  longer: 'length',
  cheaper: 'price',
  faster: 'speed',
  slower: 'speed',
};
