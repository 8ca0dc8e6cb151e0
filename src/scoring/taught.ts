/**
 * Taught questions (DESIGN.md section 5): a benchmark question whose answer the config holds
 * verbatim. Its pass says the config memorised it, not that the config generalises, so the
 * scorecard marks it and `trainUntaught` leaves it out.
 *
 * A question is taught by an example query of the config when
 * - the example's question text equals the benchmark question (case, spacing and punctuation
 *   ignored), or
 * - the example's SQL equals the benchmark's expected SQL once both are normalised
 *   (`canonicalSql`: case of keywords and names, whitespace, quoting, table aliases,
 *   qualifiers, select-list aliases and a trailing semicolon do not count).
 * A parameterised example (`:name` markers) is a template. It teaches exactly the instance
 * its default values spell out: its SQL with every marker replaced by the parameter's
 * default value is compared as above. An instance with other literals is the template
 * generalising (Genie had to read the literal from the question), so it is not taught.
 * A template without defaults for every marker teaches no question by SQL.
 */
import type { Benchmark } from '../benchmarks/types.js';
import { joinText, type Space } from '../space/schema.js';
import { significant, tokenize, type Token } from '../sql/tokenize.js';

export interface TaughtMatch {
  /** Which part of the example matches: its question text or its SQL. */
  by: 'question' | 'sql';
  exampleId: string;
}

/** Question text compared without case, spacing or punctuation. */
export function canonicalQuestion(question: string): string {
  return question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}:]+/gu, ' ')
    .trim();
}

/** Words that end a table reference instead of aliasing it. */
const KEYWORDS = new Set([
  'select',
  'from',
  'where',
  'join',
  'inner',
  'left',
  'right',
  'full',
  'outer',
  'cross',
  'natural',
  'on',
  'using',
  'group',
  'order',
  'by',
  'having',
  'limit',
  'union',
  'intersect',
  'except',
  'window',
  'qualify',
  'lateral',
  'as',
  'and',
  'or',
  'not',
  'desc',
  'asc',
  'distinct',
  'is',
  'null',
  'in',
]);

/**
 * SQL in a comparison form: names lowercased and unquoted, dotted names cut to their last
 * part (so `T1.name`, `singer.name` and `name` agree, and three-part table names match short
 * ones), table aliases and `AS` aliases removed, string literals single-quoted with their
 * case kept (a different literal is a different query), one space between tokens.
 */
export function canonicalSql(sql: string): string {
  const tokens = significant(tokenize(sql.trim().replace(/;\s*$/, ''), 'spark'));
  const out: string[] = [];
  // After FROM/JOIN (or a comma in a FROM list) a table name comes; right after it, an alias may.
  let state: 'none' | 'table' | 'alias' | 'list' = 'none';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const word = t.type === 'word' ? t.value.toLowerCase() : undefined;
    if (isName(t)) {
      let end = i;
      while (tokens[end + 1]?.text === '.' && isName(tokens[end + 2])) end += 2;
      if (state === 'alias') {
        state = 'list';
        continue; // implicit table alias: `FROM singer s`
      }
      out.push(render(tokens[end]));
      i = end;
      state = state === 'table' ? 'alias' : 'none';
      continue;
    }
    if (word === 'as' && isName(tokens[i + 1])) {
      i++; // `AS alias`: a table alias or an output name; neither changes the rows
      state = state === 'alias' ? 'list' : 'none';
      continue;
    }
    if (t.text === ',' && (state === 'alias' || state === 'list')) state = 'table';
    else if (word === 'from' || word === 'join') state = 'table';
    else state = 'none';
    out.push(render(t));
  }
  return out.join(' ');
}

function isName(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.type === 'quoted') return true;
  return t.type === 'word' && !KEYWORDS.has(t.value.toLowerCase());
}

function render(t: Token): string {
  if (t.type === 'string') return `'${t.value.replace(/'/g, "''")}'`;
  if (t.type === 'quoted') return t.value.toLowerCase();
  if (t.type === 'word') return t.value.toLowerCase();
  if (t.type === 'symbol') return t.text === '!=' ? '<>' : t.text === '==' ? '=' : t.text;
  return t.text;
}

/** A parameterised example's SQL with each `:name` replaced by its default; undefined when a marker has none. */
export function defaultInstance(sql: string, parameters: readonly ParameterLike[]): string | undefined {
  let out = sql;
  for (const p of parameters) {
    const values = p.default_value?.values ?? [];
    if (values.length === 0) continue;
    const numeric = /INT|LONG|SHORT|DOUBLE|FLOAT|DECIMAL|NUMBER|NUMERIC/i.test(p.type_hint ?? '');
    const literal = values
      .map((v) => (numeric && /^-?\d+(\.\d+)?$/.test(v) ? v : `'${v.replace(/'/g, "''")}'`))
      .join(', ');
    out = out.replace(new RegExp(`(^|[^:\\w]):${p.name}\\b`, 'g'), (_m, before: string) => `${before}${literal}`);
  }
  return hasMarker(out) ? undefined : out;
}

/** True when the SQL (outside string literals) still holds a `:name` parameter marker. */
export function hasMarker(sql: string): boolean {
  return /(^|[^:\w]):[A-Za-z_]\w*/.test(sql.replace(/'(?:[^']|'')*'/g, "''"));
}

type ParameterLike = { name: string; type_hint?: string; default_value?: { values?: readonly string[] } };

/** The comparison keys of one example: its canonical question and the canonical SQL of the instance it spells out. */
export function exampleKeys(
  question: string,
  sql: string,
  parameters: readonly ParameterLike[] = [],
): { question: string; sql?: string } {
  const instance = hasMarker(sql) ? defaultInstance(sql, parameters) : sql;
  return { question: canonicalQuestion(question), sql: instance === undefined ? undefined : canonicalSql(instance) };
}

/** Ids of the benchmarks one example would teach. */
export function teaches(
  example: { question: string; sql: string; parameters?: readonly ParameterLike[] },
  benchmarks: readonly Pick<Benchmark, 'id' | 'question' | 'sql'>[],
): string[] {
  const keys = exampleKeys(example.question, example.sql, example.parameters);
  return benchmarks
    .filter(
      (b) => (keys.question && canonicalQuestion(b.question) === keys.question) || keys.sql === canonicalSql(b.sql),
    )
    .map((b) => b.id);
}

/** The taught benchmark questions of a config, by benchmark id, with the example that teaches each. */
export function findTaught(
  space: Space,
  benchmarks: readonly Pick<Benchmark, 'id' | 'question' | 'sql'>[],
): Map<string, TaughtMatch> {
  const byQuestion = new Map<string, string>();
  const bySql = new Map<string, string>();
  for (const example of space.instructions?.example_question_sqls ?? []) {
    const keys = exampleKeys(joinText(example.question), joinText(example.sql), example.parameters ?? []);
    if (keys.question && !byQuestion.has(keys.question)) byQuestion.set(keys.question, example.id);
    if (keys.sql && !bySql.has(keys.sql)) bySql.set(keys.sql, example.id);
  }
  const taught = new Map<string, TaughtMatch>();
  if (byQuestion.size === 0 && bySql.size === 0) return taught;
  for (const b of benchmarks) {
    const q = byQuestion.get(canonicalQuestion(b.question));
    if (q) {
      taught.set(b.id, { by: 'question', exampleId: q });
      continue;
    }
    const s = bySql.get(canonicalSql(b.sql));
    if (s) taught.set(b.id, { by: 'sql', exampleId: s });
  }
  return taught;
}
