/**
 * Head vs base scorecards for the PR score check: per-split deltas and per-question
 * changes (regressed, fixed, still failing, new, removed), within a character budget.
 */
import type { GateResult } from '../scoring/score-gate.js';
import { pairedAnswered } from '../scoring/errored-gate.js';
import type { QuestionScore, Scorecard } from '../scoring/scorecard.js';
import { renderPairedSection } from './paired-markdown.js';
import { SPLIT_ROWS, taughtLine } from './split-rows.js';
import {
  GITHUB_COMMENT_LIMIT,
  cell,
  code,
  duration,
  percent,
  plural,
  pointsDelta,
  rowsWithin,
  scoreText,
  shortHash,
  truncate,
} from './markdown-format.js';
import { qualityComparison } from './quality-markdown.js';

export interface ComparisonOptions {
  /** Heading text; default "Genie score: `<space>`". */
  title?: string;
  /** Default 65,536 (GitHub's comment limit). */
  maxChars?: number;
  /** The check's verdict and paired comparison, shown under the split table. */
  gate?: GateResult;
}

export interface QuestionChanges {
  regressed: QuestionScore[];
  fixed: QuestionScore[];
  stillFailing: QuestionScore[];
  stillPassing: QuestionScore[];
  /** In head only. */
  added: QuestionScore[];
  /** In base only. */
  removed: QuestionScore[];
  /** Broken in head (expected SQL failed): not a regression of Genie, listed apart. */
  broken: QuestionScore[];
  /** Errored on head or base: no answer to compare (infrastructure failures), so neither fixed nor regressed. */
  errored: QuestionScore[];
}

/** Classifies head's questions against base's by id; lists keep head's (or base's) order. */
export function questionChanges(head: Scorecard, base: Scorecard): QuestionChanges {
  const before = new Map(base.questions.map((q) => [q.id, q]));
  const headIds = new Set(head.questions.map((q) => q.id));
  const out: QuestionChanges = {
    regressed: [],
    fixed: [],
    stillFailing: [],
    stillPassing: [],
    added: [],
    removed: [],
    broken: [],
    errored: [],
  };
  for (const q of head.questions) {
    const b = before.get(q.id);
    if (q.expectedError !== undefined) out.broken.push(q);
    else if (q.errored || b?.errored) out.errored.push(q);
    // A benchmark broken in base was not scored there: for the comparison it is new.
    else if (!b || b.expectedError !== undefined) out.added.push(q);
    else if (b.passed && !q.passed) out.regressed.push(q);
    else if (!b.passed && q.passed) out.fixed.push(q);
    else if (q.passed) out.stillPassing.push(q);
    else out.stillFailing.push(q);
  }
  out.removed = base.questions.filter((q) => !headIds.has(q.id));
  return out;
}

interface Section {
  heading: string;
  header: string[];
  rows: string[];
}

export function renderComparisonMarkdown(head: Scorecard, base: Scorecard, options: ComparisonOptions = {}): string {
  const maxChars = options.maxChars ?? GITHUB_COMMENT_LIMIT;
  const title = options.title ?? `Genie score: ${code(head.space)}`;
  const changes = questionChanges(head, base);
  // When the paired test finds no significant change, per-question flips are not called regressions or fixes.
  const neutral = options.gate?.verdict === 'no-significant-change';
  const [regressed, fixed] = neutral ? ['Passed on base only', 'Passed on head only'] : ['Regressed', 'Fixed'];
  const sections = changeSections(head, base, changes, [regressed, fixed]);

  // With errored questions on either side, changes are measured on the questions answered in both, as the gate does.
  const paired = changes.errored.length > 0;
  const change = (s: (typeof SPLIT_ROWS)[number][0]): string => {
    const h = head.totals[s] ?? head.totals.train;
    const b = base.totals[s] ?? base.totals.train;
    if (!h.total || !b.total) return '–';
    if (!paired) return pointsDelta(h.score, b.score);
    const inSplit = (q: QuestionScore) =>
      s === 'all' || (s === 'trainUntaught' ? q.split === 'train' && !q.taught : q.split === s);
    const only = (c: Scorecard) => ({ ...c, questions: c.questions.filter(inSplit) });
    const p = pairedAnswered(only(head), only(base));
    return p.ids.length ? pointsDelta(p.head.score, p.base.score) : '–';
  };
  const top = [
    `## ${title} — ${scoreText(head.totals.all)}, ${change('all')} vs base${paired ? ' (on the questions answered in both)' : ''}`,
    '',
    '| split | base | head | change |',
    '|---|---:|---:|---:|',
    ...SPLIT_ROWS.map(([s, label]) => {
      const h = head.totals[s] ?? head.totals.train;
      const b = base.totals[s] ?? base.totals.train;
      return `| ${label} | ${scoreText(b)} | ${scoreText(h)} | ${change(s)} |`;
    }),
    ...taughtLine(head),
    '',
    ...(head.benchmarksHash !== base.benchmarksHash
      ? [
          '> [!NOTE]',
          '> The benchmarks changed between base and head, so the split scores compare different question sets; the per-question changes below are like for like.',
          '',
        ]
      : []),
    ...qualityComparison(base.quality, head.quality, ['base', 'head']),
    ...(options.gate ? renderPairedSection(head, base, options.gate) : []),
    `**${regressed}** ${changes.regressed.length} · **${fixed}** ${changes.fixed.length} · **Still failing** ${changes.stillFailing.length} · **Still passing** ${changes.stillPassing.length}` +
      (changes.added.length || changes.removed.length
        ? ` · **New** ${changes.added.length} · **Removed** ${changes.removed.length}`
        : '') +
      (changes.errored.length ? ` · **Errored** ${changes.errored.length}` : ''),
    '',
  ];
  const foot = [
    `<sub>config ${code(shortHash(base.configHash))} → ${code(shortHash(head.configHash))} · benchmarks ${code(shortHash(base.benchmarksHash))} → ${code(shortHash(head.benchmarksHash))} · head run: ${plural(head.calls.genie, 'Genie question')}, ${plural(head.calls.statements, 'statement')}, ${duration(head.durationMs)}</sub>`,
  ];

  return fitWithin(top, sections, foot, maxChars);
}

/** The per-question sections of the comparison (empty ones left out), each row one question. */
function changeSections(
  head: Scorecard,
  base: Scorecard,
  changes: ReturnType<typeof questionChanges>,
  [regressed, fixed]: [string, string],
): Section[] {
  const before = new Map(base.questions.map((q) => [q.id, q]));
  const repeats = [...head.questions, ...base.questions].some((q) => q.repeats.length > 1);
  const status = (q: QuestionScore | undefined): string => {
    if (!q) return '–';
    if (q.errored) return '⚠️ errored';
    const rate = repeats ? ` (${percent(q.passRate)})` : '';
    if (q.expectedError !== undefined) return '⚠️ broken benchmark';
    return q.passed ? `✅ ${q.verdict ?? ''}${rate}`.trimEnd() : `❌ ${q.category ?? q.verdict ?? 'failed'}${rate}`;
  };
  const pairRow = (q: QuestionScore) =>
    `| ${code(q.id)} | ${q.split} | ${cell(truncate(q.question, 60))} | ${status(before.get(q.id))} | ${status(q)} |`;
  const oneRow = (q: QuestionScore) =>
    `| ${code(q.id)} | ${q.split} | ${cell(truncate(q.question, 60))} | ${status(q)} |`;
  const pairHeader = ['| id | split | question | base | head |', '|---|---|---|---|---|'];
  const oneHeader = ['| id | split | question | result |', '|---|---|---|---|'];
  return [
    {
      heading: `### ${regressed} (${changes.regressed.length})`,
      header: pairHeader,
      rows: changes.regressed.map(pairRow),
    },
    { heading: `### ${fixed} (${changes.fixed.length})`, header: pairHeader, rows: changes.fixed.map(pairRow) },
    { heading: `### New questions (${changes.added.length})`, header: oneHeader, rows: changes.added.map(oneRow) },
    {
      heading: `### Still failing (${changes.stillFailing.length})`,
      header: pairHeader,
      rows: changes.stillFailing.map(pairRow),
    },
    {
      heading: `### Broken benchmarks (${changes.broken.length}): expected SQL failed, not scored`,
      header: oneHeader,
      rows: changes.broken.map(oneRow),
    },
    {
      heading: `### Removed questions (${changes.removed.length})`,
      header: oneHeader,
      rows: changes.removed.map(oneRow),
    },
    {
      heading: `### Errored (${changes.errored.length}): no answer on one side, left out of the comparison`,
      header: pairHeader,
      rows: changes.errored.map(pairRow),
    },
  ].filter((s) => s.rows.length > 0);
}

/** The comment with as many rows of each section as fit in `maxChars`, and a note for those left out. */
function fitWithin(top: string[], sections: Section[], foot: string[], maxChars: number): string {
  const fixedLength =
    [...top, ...foot].join('\n').length +
    sections.reduce((n, s) => n + s.heading.length + s.header.join('\n').length + 4, 0);
  // Reserve room for one "N more" note per section.
  let budget = maxChars - fixedLength - sections.length * 100 - 2;
  const body: string[] = [];
  for (const s of sections) {
    const n = Math.max(0, Math.min(s.rows.length, rowsWithin(s.rows, budget)));
    budget -= s.rows.slice(0, n).reduce((sum, r) => sum + r.length + 1, 0);
    body.push(s.heading, '', ...s.header, ...s.rows.slice(0, n));
    if (n < s.rows.length)
      body.push('', `_…and ${s.rows.length - n} more not shown to stay within ${maxChars} characters._`);
    body.push('');
  }
  const out = [...top, ...body, ...foot].join('\n') + '\n';
  return out.length <= maxChars ? out : `${out.slice(0, Math.max(0, maxChars - 2))}…\n`;
}
