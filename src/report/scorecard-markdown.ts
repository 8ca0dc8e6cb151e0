/**
 * A scorecard as Markdown (PR comment, job summary) and as plain text (terminal).
 * The Markdown stays within a character budget: when the question table does not fit,
 * failing questions are kept and passing ones dropped first, with a note saying so.
 */
import { CATEGORIES } from '../scoring/failure-category.js';
import type { QuestionScore, Scorecard } from '../scoring/scorecard.js';
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

import { SPLIT_ROWS, taughtLine } from './split-rows.js';

export { renderComparisonMarkdown } from './comparison-markdown.js';

export interface MarkdownOptions {
  /** Heading text; default "Genie score: `<space>`". */
  title?: string;
  /** Hard limit on the output length; default 65,536 (GitHub's comment limit). */
  maxChars?: number;
}

const QUESTION_WIDTH = 60;

export function renderScorecardMarkdown(card: Scorecard, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? GITHUB_COMMENT_LIMIT;
  const title = options.title ?? `Genie score: ${code(card.space)}`;
  const withRate = card.repeats > 1;

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
    ...categorySection(card),
    ...brokenBenchmarks(card),
    `### Questions${withRate ? ` (${card.repeats} repeats each; passed = passed in most repeats)` : ''}`,
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

function brokenBenchmarks(card: Scorecard): string[] {
  const broken = card.questions.filter((q) => q.expectedError !== undefined);
  if (broken.length === 0) return [];
  return [
    `> [!WARNING]`,
    `> The expected SQL failed for ${broken.map((q) => code(q.id)).join(', ')}; fix the benchmark file (these count as failures).`,
    '',
  ];
}

function questionRow(q: QuestionScore, withRate: boolean): string {
  const cells = [
    code(q.id),
    q.split,
    cell(truncate(q.question, QUESTION_WIDTH)),
    (q.passed ? '✅' : '❌') + (q.taught ? ' taught' : ''),
    q.verdict ?? '–',
    q.category ?? '',
  ];
  if (withRate) cells.push(percent(q.passRate));
  return `| ${cells.join(' | ')} |`;
}

/** The rows to show within `budget`, in benchmark order; failing questions take priority. */
function chooseRows(questions: QuestionScore[], rows: string[], budget: number): string[] {
  if (rowsWithin(rows, budget) === rows.length) return rows;
  const priority = questions
    .map((q, i) => ({ i, failing: !q.passed }))
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

/** A compact plain-text scorecard for the terminal. */
export function renderScorecardText(card: Scorecard): string {
  const withRate = card.repeats > 1;
  const t = card.totals;
  const lines = [
    `Genie score for ${card.space}: ${scoreText(t.all)} · train ${scoreText(t.train)} · train-untaught ${scoreText(t.trainUntaught ?? t.train)} · holdout ${scoreText(t.holdout)}${withRate ? ` · ${card.repeats} repeats, mean pass rate ${percent(t.all.passRate)}` : ''}`,
    '',
  ];
  const header = ['ID', 'SPLIT', 'RESULT', 'VERDICT', 'CATEGORY', ...(withRate ? ['RATE'] : []), 'QUESTION'];
  const body = card.questions.map((q) => [
    q.id,
    q.split,
    (q.passed ? 'pass' : 'FAIL') + (q.taught ? ' (taught)' : ''),
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
  for (const q of card.questions.filter((x) => x.expectedError !== undefined))
    lines.push(`Broken benchmark ${q.id}: expected SQL failed: ${q.expectedError}`);
  const c = card.calls;
  lines.push(
    `Calls: ${plural(c.genie, 'Genie question')}, ${plural(c.statements, 'statement')}, ${plural(c.retries, 'retry', 'retries')}, ${c.rateLimited} rate-limited · ${duration(card.durationMs)} · config ${shortHash(card.configHash)} · benchmarks ${shortHash(card.benchmarksHash)}`,
  );
  return lines.join('\n') + '\n';
}
