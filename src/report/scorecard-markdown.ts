/**
 * A scorecard as Markdown (PR comment, job summary) and as plain text (terminal).
 * The Markdown stays within a character budget: when the question table does not fit,
 * failing questions are kept and passing ones dropped first, with a note saying so.
 */
import { CATEGORIES } from '../scoring/failure-category.js';
import { brokenQuestions, withEvidence, type QuestionScore, type Scorecard } from '../scoring/scorecard.js';
import { askOutcomes } from '../scoring/score-evidence.js';
import {
  GITHUB_COMMENT_LIMIT,
  cell,
  code,
  duration,
  padRight,
  percent,
  plural,
  rowsWithin,
  scoreText,
  shortHash,
  truncate,
} from './markdown-format.js';
import { qualityLine } from './quality-markdown.js';

import { SPLIT_ROWS, taughtLine } from './split-rows.js';

export { renderComparisonMarkdown } from './comparison-markdown.js';

export interface MarkdownOptions {
  /** Heading text; default "Genie score: `<space>`". */
  title?: string;
  /** Hard limit on the output length; default 65,536 (GitHub's comment limit). */
  maxChars?: number;
}

const QUESTION_WIDTH = 60;
/** Flaky questions named in the evidence line; the JSON scorecard lists them all. */
const MAX_FLAKY_LISTED = 40;

export function renderScorecardMarkdown(card: Scorecard, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? GITHUB_COMMENT_LIMIT;
  const title = options.title ?? `Genie score: ${code(card.space)}`;
  const withRate = hasRepeats(card);

  const head = [
    `## ${title} — ${scoreText(card.totals.all)}`,
    '',
    withRate ? '| split | score | mean pass rate |' : '| split | score |',
    withRate ? '|---|---:|---:|' : '|---|---:|',
    ...SPLIT_ROWS.map(([split, label]) => {
      const t = card.totals[split] ?? card.totals.train;
      return withRate
        ? `| ${label} | ${scoreText(t)} | ${t.total ? percent(t.passRate) : '–'} |`
        : `| ${label} | ${scoreText(t)} |`;
    }),
    ...taughtLine(card),
    '',
    ...qualityLine(card.quality),
    ...evidenceSection(card),
    ...categorySection(card),
    ...erroredSection(card),
    ...brokenBenchmarks(card),
    `### Questions${withRate ? ` (${repeatsNote(card)}; passed = passed in most repeats)` : ''}`,
    '',
    withRate
      ? '| id | split | question | result | verdict | category | pass rate |'
      : '| id | split | question | result | verdict | category |',
    withRate ? '|---|---|---|:-:|---|---|---:|' : '|---|---|---|:-:|---|---|',
  ];
  const foot = ['', footer(card)];
  const rows = card.questions.map((q) => questionRow(q, withRate));

  const fixed = head.join('\n').length + foot.join('\n').length + 2;
  const shown = chooseRows(card.questions, rows, maxChars - fixed - 200);
  const omitted = card.questions.length - shown.length;
  const note =
    omitted > 0
      ? [
          '',
          `_${omitted} more question(s) not shown to stay within ${maxChars} characters (passing questions are left out first); the JSON scorecard has them all._`,
        ]
      : [];
  const out = [...head, ...shown, ...note, ...foot].join('\n') + '\n';
  return out.length <= maxChars ? out : `${out.slice(0, Math.max(0, maxChars - 2))}…\n`;
}

/** Some question was asked more than once (fixed repeats, or re-asks of disagreeing questions). */
function hasRepeats(card: Scorecard): boolean {
  return card.questions.some((q) => q.repeats.length > 1);
}

function repeatsNote(card: Scorecard): string {
  const asks = card.questions.map((q) => q.repeats.length);
  const low = Math.min(...asks);
  const high = Math.max(...asks);
  return low === high ? `${high} repeats each` : `${low} to ${high} asks each`;
}

const range = (i: { low: number; high: number }) => `${(i.low * 100).toFixed(1)}–${(i.high * 100).toFixed(1)}%`;

/** Wilson intervals, repeatability per split and the flaky questions with their passes of asks. */
function evidenceSection(card: Scorecard): string[] {
  const evidence = withEvidence(card).evidence!;
  const confidence = `${Math.round(evidence.confidence * 100)}%`;
  const splits = (['all', 'train', 'holdout'] as const).filter((s) => card.totals[s].total > 0);
  const repeatability = (s: 'all' | 'train' | 'holdout') => {
    const e = evidence[s];
    return e.repeatability === null ? '–' : `${percent(e.repeatability)} (${e.consistent}/${e.repeated})`;
  };
  const byId = new Map(card.questions.map((q) => [q.id, q]));
  const flaky = evidence.flaky.slice(0, MAX_FLAKY_LISTED).map((id) => {
    const asks = askOutcomes(byId.get(id)!);
    return `${code(id)} ${asks.filter(Boolean).length}/${asks.length}`;
  });
  if (evidence.flaky.length > flaky.length) flaky.push(`and ${evidence.flaky.length - flaky.length} more in the JSON`);
  return [
    `| split | ${confidence} interval | repeatability |`,
    '|---|---:|---:|',
    ...splits.map((s) => `| ${s} | ${range(evidence[s].interval)} | ${repeatability(s)} |`),
    '',
    evidence.all.repeated === 0
      ? '_Each question was asked once, so repeatability is not measured; repeatability is the share of questions asked more than once that gave the same result every time._'
      : `_Repeatability is the share of questions asked more than once that gave the same result every time._ ${flaky.length ? `Flaky (passes/asks): ${flaky.join(', ')}.` : 'No flaky question.'}`,
    '',
  ];
}

function categorySection(card: Scorecard): string[] {
  const failing = CATEGORIES.filter((c) => card.categories[c] > 0);
  if (failing.length === 0) return ['No failing questions.', ''];
  return [
    '| failure category | questions |',
    '|---|---:|',
    ...failing.map((c) => `| ${c} | ${card.categories[c]} |`),
    '',
  ];
}

/** Errored questions are outages, not wrong answers: say which, and that the score leaves them out. */
function erroredSection(card: Scorecard): string[] {
  const errored = card.questions.filter((q) => q.errored);
  if (errored.length === 0) return [];
  return [
    `> [!NOTE]`,
    `> ${errored.length} question(s) errored: no answer could be obtained after the retries (throttling, HTTP errors, stuck messages). They are counted apart and left out of the score, which is passed / answered: ${errored
      .slice(0, 20)
      .map((q) => code(q.id))
      .join(', ')}${errored.length > 20 ? ` and ${errored.length - 20} more` : ''}.`,
    '',
  ];
}

/** Benchmarks whose expected SQL failed: a section of their own, since they say nothing about Genie. */
function brokenBenchmarks(card: Scorecard): string[] {
  const broken = brokenQuestions(card);
  if (broken.length === 0) return [];
  return [
    `### Broken benchmarks (${broken.length})`,
    '',
    'Their expected SQL failed on the warehouse, so they were not asked and are left out of the score. Fix them in the benchmark file (`genie-gitops validate --execute` checks every expected SQL).',
    '',
    '| id | split | question | error |',
    '|---|---|---|---|',
    ...broken.map(
      (q) =>
        `| ${code(q.id)} | ${q.split} | ${cell(truncate(q.question, QUESTION_WIDTH))} | ${cell(truncate(q.expectedError ?? '', 160))} |`,
    ),
    '',
  ];
}

function questionRow(q: QuestionScore, withRate: boolean): string {
  const cells = [
    code(q.id),
    q.split,
    cell(truncate(q.question, QUESTION_WIDTH)),
    resultIcon(q) + (q.taught ? ' taught' : ''),
    q.verdict ?? '–',
    q.category ?? '',
  ];
  if (withRate) cells.push(percent(q.passRate));
  return `| ${cells.join(' | ')} |`;
}

function resultIcon(q: QuestionScore): string {
  return q.expectedError !== undefined ? '⚠️ broken' : q.errored ? '⚠️ errored' : q.passed ? '✅' : '❌';
}

/** The rows to show within `budget`, in benchmark order; failing questions take priority. */
function chooseRows(questions: QuestionScore[], rows: string[], budget: number): string[] {
  if (rowsWithin(rows, budget) === rows.length) return rows;
  const priority = questions
    .map((q, i) => ({ i, failing: !q.passed || q.errored === true }))
    .sort((a, b) => Number(b.failing) - Number(a.failing) || a.i - b.i);
  const keep = new Set<number>();
  let used = 0;
  for (const { i } of priority) {
    if (used + rows[i].length + 1 > budget) break;
    used += rows[i].length + 1;
    keep.add(i);
  }
  return rows.filter((_, i) => keep.has(i));
}

function footer(card: Scorecard): string {
  const c = card.calls;
  const parts = [
    `backend ${code(card.backend)}`,
    plural(c.genie, 'Genie question'),
    plural(c.statements, 'statement'),
    plural(c.retries, 'retry', 'retries'),
    `${c.rateLimited} rate-limited`,
    duration(card.durationMs),
    `config ${code(shortHash(card.configHash))}`,
    `benchmarks ${code(shortHash(card.benchmarksHash))}`,
    `started ${card.startedAt}`,
  ];
  return `<sub>${parts.join(' · ')}</sub>`;
}

/** One line per broken benchmark, for the terminal and logs. */
export function brokenLines(card: Scorecard): string[] {
  const broken = brokenQuestions(card);
  if (broken.length === 0) return [];
  return [
    `Broken benchmarks (expected SQL failed; not asked, not scored): ${broken.length}`,
    ...broken.map((q) => `  ${q.id}: ${q.expectedError}`),
  ];
}

/** The headline alone (for --quiet and logs): score per split, broken benchmarks, failure counts. */
export function renderTotalsLine(card: Scorecard): string {
  const t = card.totals;
  const failing = CATEGORIES.filter((c) => card.categories[c] > 0);
  return [
    `Genie score for ${card.space}: ${scoreText(t.all)} · train ${scoreText(t.train)} · train-untaught ${scoreText(t.trainUntaught ?? t.train)} · holdout ${scoreText(t.holdout)}`,
    `Failures: ${failing.length ? failing.map((c) => `${c} ${card.categories[c]}`).join(', ') : 'none'}`,
    ...brokenLines(card),
  ].join('\n');
}

function evidenceLine(card: Scorecard): string {
  const e = withEvidence(card).evidence!;
  const intervals = (['all', 'train', 'holdout'] as const)
    .filter((s) => card.totals[s].total > 0)
    .map((s) => `${s} ${range(e[s].interval)}`)
    .join(' · ');
  const repeat =
    e.all.repeatability === null
      ? 'repeatability not measured (each question asked once)'
      : `repeatability ${percent(e.all.repeatability)} (${e.all.consistent}/${e.all.repeated}), flaky: ${e.flaky.join(', ') || 'none'}`;
  return `Evidence: ${Math.round(e.confidence * 100)}% intervals ${intervals}; ${repeat}`;
}

/** A compact plain-text scorecard for the terminal. */
export function renderScorecardText(card: Scorecard): string {
  const withRate = hasRepeats(card);
  const t = card.totals;
  const lines = [
    `Genie score for ${card.space}: ${scoreText(t.all)} · train ${scoreText(t.train)} · train-untaught ${scoreText(t.trainUntaught ?? t.train)} · holdout ${scoreText(t.holdout)}${withRate ? ` · ${card.repeats} repeats, mean pass rate ${percent(t.all.passRate)}` : ''}`,
    '',
  ];
  const header = ['ID', 'SPLIT', 'RESULT', 'VERDICT', 'CATEGORY', ...(withRate ? ['RATE'] : []), 'QUESTION'];
  const body = card.questions.map((q) => [
    q.id,
    q.split,
    (q.expectedError !== undefined ? 'BROKEN' : q.errored ? 'ERRORED' : q.passed ? 'pass' : 'FAIL') +
      (q.taught ? ' (taught)' : ''),
    q.verdict ?? '-',
    q.category ?? '-',
    ...(withRate ? [percent(q.passRate)] : []),
    truncate(q.question, QUESTION_WIDTH),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((v, i) => (i === r.length - 1 ? v : padRight(v, widths[i])))
      .join('  ')
      .trimEnd();
  lines.push(line(header), ...body.map(line), '');

  const failing = CATEGORIES.filter((c) => card.categories[c] > 0);
  lines.push(`Failures: ${failing.length ? failing.map((c) => `${c} ${card.categories[c]}`).join(', ') : 'none'}`);
  const errored = card.questions.filter((x) => x.errored);
  if (errored.length)
    lines.push(
      `Errored (no answer after retries; left out of the score, which is passed / answered): ${errored.map((q) => q.id).join(', ')}`,
    );
  lines.push(...brokenLines(card));
  lines.push(evidenceLine(card));
  const c = card.calls;
  lines.push(
    `Calls: ${plural(c.genie, 'Genie question')}, ${plural(c.statements, 'statement')}, ${plural(c.retries, 'retry', 'retries')}, ${c.rateLimited} rate-limited · ${duration(card.durationMs)} · config ${shortHash(card.configHash)} · benchmarks ${shortHash(card.benchmarksHash)}`,
  );
  return lines.join('\n') + '\n';
}
