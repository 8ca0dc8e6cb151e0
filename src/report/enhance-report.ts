/**
 * The enhancement PR body (DESIGN.md section 7), laid out for a two-minute review: the score
 * table and per-question changes first, then the kept fixes grouped by kind, then everything
 * else collapsed (per-iteration patches with named paths, rejected fixes, notes, lessons), the
 * budget last. It stays under GitHub's 65,536-character limit, dropping detail before summary.
 */
import type { EnhanceResult } from '../loop/enhance-result.js';
import { summarizeFix } from '../loop/fix-summary.js';
import type { IterationRecord } from '../loop/enhance-loop.js';
import { lessonNotes } from '../loop/lessons.js';
import type { QuestionScore, Scorecard, SplitTotals } from '../scoring/scorecard.js';
import { groupedNotes, keptFixesByKind } from './enhance-fixes.js';
import { scoreText } from './markdown-format.js';
import { nameOperations } from './patch-paths.js';
import { qualityComparison } from './quality-markdown.js';
import { budgetSection, budgetStopNotice } from './budget-markdown.js';
import { pct } from '../util/percent.js';

export const GITHUB_BODY_LIMIT = 65_536;

const points = (d: number) => `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)} pts`;

/** One row of the score table: a label and how to read that split's totals from a scorecard. */
export interface ScoreSplit {
  label: string;
  totals: (card: Scorecard) => SplitTotals | undefined;
}

/** The splits the PR body shows, in order; a split a scorecard lacks shows a dash. */
export const DEFAULT_SPLITS: readonly ScoreSplit[] = [
  { label: 'train', totals: (c) => c.totals.train },
  // The train questions the config does not teach (no example copies them): the honest train score.
  { label: 'train-untaught', totals: (c) => c.totals.trainUntaught },
  { label: 'holdout', totals: (c) => c.totals.holdout },
  { label: 'all', totals: (c) => c.totals.all },
];

/** Before/after/change per split; callers with more splits pass them in. */
export function scoreTable(
  before: Scorecard,
  after: Scorecard,
  splits: readonly ScoreSplit[] = DEFAULT_SPLITS,
): string[] {
  const rows = splits.map(({ label, totals }) => {
    const b = totals(before);
    const a = totals(after);
    const change = a && b && a.total && b.total ? points(a.score - b.score) : '–';
    return `| ${label} | ${b ? scoreText(b) : '–'} | ${a ? scoreText(a) : '–'} | ${change} |`;
  });
  return ['| split | before | after | change |', '|---|---:|---:|---:|', ...rows];
}

/**
 * Train, train-untaught and holdout per iteration as labelled Mermaid charts (xychart has no
 * legend, so one chart per line leaves nothing to guess).
 */
export function scoreChart(result: EnhanceResult): string[] {
  const share = (t: { passed: number; total: number }) => (t.total ? t.passed / t.total : 0);
  const train = [result.before.totals.train.score];
  const untaught = [result.before.totals.trainUntaught.score];
  const holdout = [result.before.totals.holdout.score];
  for (const it of result.iterations) {
    const kept = it.accepted ? it.after : it.before;
    train.push(share(kept.train));
    untaught.push(share(kept.trainUntaught));
    holdout.push(share(kept.holdout));
  }
  const labels = train.map((_, i) => `"${i === 0 ? 'start' : `it ${i}`}"`);
  const chart = (title: string, xs: number[]) => [
    '```mermaid',
    'xychart-beta',
    `    title "${title}"`,
    `    x-axis [${labels.join(', ')}]`,
    '    y-axis "score %" 0 --> 100',
    `    line [${xs.map((x) => (x * 100).toFixed(1)).join(', ')}]`,
    '```',
  ];
  return [
    ...chart('Train score (%) per iteration', train),
    '',
    ...chart('Train-untaught score (%) per iteration', untaught),
    '',
    ...chart('Holdout score (%) per iteration', holdout),
  ];
}

/**
 * The first lines of the body when questions are taught: how many, and that their passes show
 * memorisation (examples copying a benchmark question), not generalisation.
 */
export function taughtNotice(result: EnhanceResult): string[] {
  const taught = result.after.questions.filter((q) => q.taught);
  if (taught.length === 0 && !result.allowTaughtExamples) return [];
  const train = taught.filter((q) => q.split === 'train').length;
  return [
    `> [!${taught.length > 0 ? 'WARNING' : 'NOTE'}]`,
    `> **${taught.length} benchmark question(s) are taught** by the config (${train} train, ${taught.length - train} holdout): an example query copies their question or SQL, so their passes show memorisation, not generalisation. Train-untaught leaves them out.${result.allowTaughtExamples ? ' Copies were allowed in this run (`allow-taught-examples`).' : ''}`,
    '',
  ];
}

/** Genie slots the final config uses, against the published per-space limits. */
export function slotsLine(result: EnhanceResult): string[] {
  return [`Genie slots used: ${result.slots}.`];
}

function idList(qs: readonly QuestionScore[]): string {
  return qs.length === 0 ? 'none' : qs.map((q) => `\`${q.id}\` (${q.split})`).join(', ');
}

/** Fixed, regressed and still failing, by question id (broken benchmarks apart). */
export function questionChangeLines(before: Scorecard, after: Scorecard): string[] {
  const was = new Map(before.questions.map((q) => [q.id, q.passed]));
  const scored = after.questions.filter((q) => q.expectedError === undefined);
  const fixed = scored.filter((q) => q.passed && was.get(q.id) === false);
  const regressed = scored.filter((q) => !q.passed && was.get(q.id) === true);
  const failing = scored.filter((q) => !q.passed && was.get(q.id) !== true);
  const broken = after.questions.filter((q) => q.expectedError !== undefined);
  return [
    `- **Fixed** (${fixed.length}): ${idList(fixed)}`,
    `- **Regressed** (${regressed.length}): ${idList(regressed)}`,
    `- **Still failing** (${failing.length}): ${idList(failing)}`,
    ...(broken.length ? [`- **Broken benchmarks** (${broken.length}, not scored): ${idList(broken)}`] : []),
  ];
}

function iterationTable(result: EnhanceResult): string[] {
  const counts = (c: IterationRecord['after']['train']) => `${c.passed}/${c.total}`;
  // A screened iteration's counts are a prediction: its failing holdout questions were not asked again.
  const screened = result.iterations.some((it) => it.screened && !it.screened.confirmed);
  const mark = (it: IterationRecord) => (it.screened && !it.screened.confirmed ? ' (screened)' : '');
  return [
    '| iteration | result | train | holdout | fixes kept | rejected |',
    '|---:|---|---:|---:|---:|---:|',
    ...result.iterations.map((it) => {
      const shown = it.accepted ? it.after : it.before;
      const outcome = it.accepted ? 'kept' : it.untried ? 'stopped' : 'rolled back';
      return `| ${it.index} | ${outcome}: ${it.reason} | ${counts(shown.train)} | ${counts(shown.holdout)}${mark(it)} | ${it.applied.length} | ${it.rejected.length} |`;
    }),
    ...(screened
      ? [
          '',
          '_(screened)_: counted on the questions the iteration could change; failing holdout questions were not asked again until the full scoring of the final config (the score table above).',
        ]
      : []),
  ];
}

/** Each kept iteration's patch, collapsed: the ops with the object each one touches, then the raw RFC 6902 JSON. */
function patchDetails(result: EnhanceResult): string[] {
  const lines: string[] = [];
  let config: unknown = result.startConfig;
  for (const it of result.iterations) {
    if (!it.accepted || it.patch.length === 0) continue;
    // Named against the config as each op applies: indexes shift as items are inserted.
    const { named, after } = nameOperations(config, it.patch);
    config = after;
    lines.push(
      `<details><summary>Iteration ${it.index}: JSON patch (RFC 6902), ${it.patch.length} operations</summary>`,
      '',
      'What each operation touches (an index is the one in the config as that operation applies, so it can repeat as items are inserted before it):',
      '',
      ...named.map(({ op, name }, i) => `${i + 1}. \`${op.op} ${op.path}\` → ${name}`),
      '',
      '```json',
      JSON.stringify(it.patch, null, 1),
      '```',
      '',
      '</details>',
      '',
    );
  }
  return lines;
}

/** Per iteration: the questions it fixed and the ones that broke (never silently empty). */
export function iterationChanges(it: EnhanceResult['iterations'][number]): string[] {
  const ids = (list: string[]) => (list.length === 0 ? 'none' : list.map((id) => `\`${id}\``).join(', '));
  const broke = it.candidateRegressions ?? [];
  return [
    `- Iteration ${it.index}: Fixed: ${ids(it.fixed)}`,
    `  Regressed: ${ids(it.regressions)}${broke.length > 0 ? ` (the rolled-back candidate broke ${ids(broke)})` : ''}`,
  ];
}

function rejectedDetails(result: EnhanceResult): string[] {
  const rejected = result.iterations.flatMap((it) => it.rejected.map((r) => ({ ...r, iteration: it.index })));
  if (rejected.length === 0) return [];
  return [
    `<details><summary>Rejected fixes (${rejected.length}), with why</summary>`,
    '',
    ...rejected.map((r) => `- \`${r.fix.type}\` ${summarizeFix(r.fix)}: ${r.reason} _(iteration ${r.iteration})_`),
    '',
    '</details>',
    '',
  ];
}

function notesDetails(result: EnhanceResult): string[] {
  const { lines, total } = groupedNotes(result.iterations);
  if (total === 0) return [];
  return [
    `<details><summary>Analyst notes (${total}, ${lines.length} distinct)</summary>`,
    '',
    ...lines,
    '',
    '</details>',
    '',
  ];
}

function lessonsDetails(result: EnhanceResult): string[] {
  const notes = lessonNotes(result.lessons);
  return [
    `<details><summary>Lessons (${notes.length}): which fix types helped which failures</summary>`,
    '',
    ...(notes.length ? notes.map((n) => `- ${n}`) : ['- none yet']),
    '',
    '</details>',
    '',
  ];
}

export interface EnhanceMarkdownOptions {
  /** Hard limit on the body; default 65,536 (GitHub's). */
  maxChars?: number;
  /** Where the full report is, said when detail had to be cut. */
  fullReportHint?: string;
  /** Rows of the score table; default train, holdout, all. */
  splits?: readonly ScoreSplit[];
  /** Lines right under the heading (e.g. that this run resumed from the PR's earlier runs). */
  preface?: readonly string[];
}

export function renderEnhanceMarkdown(result: EnhanceResult, options: EnhanceMarkdownOptions = {}): string {
  const { before, after } = result;
  const kept = result.iterations.filter((i) => i.accepted).length;
  const summary = [
    `## genie-gitops: enhance \`${result.space}\``,
    '',
    ...(options.preface ?? []),
    ...taughtNotice(result),
    ...budgetStopNotice(result),
    `**Train ${pct(before.totals.train.score)} → ${pct(after.totals.train.score)}, train-untaught ${pct(before.totals.trainUntaught.score)} → ${pct(after.totals.trainUntaught.score)}, holdout ${pct(before.totals.holdout.score)} → ${pct(after.totals.holdout.score)}** with the ${result.analyst} analyst; ${kept} of ${result.iterations.length} iteration(s) kept. Stopped because ${result.stopReason}.`,
    '',
    ...scoreTable(before, after, options.splits),
    '',
    ...slotsLine(result),
    '',
    ...qualityComparison(before.quality, after.quality, ['before', 'after']),
    ...questionChangeLines(before, after),
    '',
    `### Fixes (${result.iterations.reduce((n, it) => n + it.applied.length, 0)} kept)`,
    '',
    ...keptFixesByKind(result.iterations),
    '',
  ];
  const progress = [
    '### Progress',
    '',
    ...iterationTable(result),
    '',
    ...result.iterations.flatMap(iterationChanges),
    '',
    ...scoreChart(result),
    '',
  ];
  const details = [
    '### Details',
    '',
    ...patchDetails(result),
    ...rejectedDetails(result),
    ...notesDetails(result),
    ...lessonsDetails(result),
  ];
  const tail = budgetSection(result);
  return fitBody([summary, progress, details, tail], options);
}

/**
 * Joins the sections within the limit: the details go first, then the progress section; the
 * summary and the budget always stay, with a pointer to the full report where something was cut.
 */
function fitBody(sections: string[][], options: EnhanceMarkdownOptions): string {
  const max = options.maxChars ?? GITHUB_BODY_LIMIT;
  const join = (parts: string[][]) => parts.flat().join('\n') + '\n';
  const full = join(sections);
  if (full.length <= max) return full;
  const [summary, progress, details, tail] = sections;
  const pointer = [
    '> [!NOTE]',
    `> Patches, rejected fixes and notes were left out to stay within GitHub's ${max}-character limit; ${options.fullReportHint ?? 'the full report is in the job summary or the uploaded artifact'}.`,
    '',
  ];
  for (const candidate of [
    [summary, progress, pointer, tail],
    [summary, pointer, tail],
  ]) {
    const text = join(candidate);
    if (text.length <= max) return text;
  }
  const text = join([summary, pointer, tail]);
  const end = join([pointer, tail]);
  return `${text.slice(0, Math.max(0, max - end.length - 2))}\n\n${end}`.slice(0, max);
}
