/** The enhancement PR body (DESIGN.md section 7): score delta, chart, fixes with patches, rejections, lessons, budget. */
import type { EnhanceResult } from '../commands/enhance.js';
import { summarizeFix } from '../loop/fix-summary.js';
import { lessonNotes } from '../loop/lessons.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { qualityComparison } from './quality-markdown.js';

export const GITHUB_BODY_LIMIT = 65_536;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const points = (d: number) => `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)} pts`;

function scoreTable(before: Scorecard, after: Scorecard): string[] {
  const row = (name: string, b: Scorecard['totals']['all'], a: Scorecard['totals']['all']) =>
    `| ${name} | ${pct(b.score)} (${b.passed}/${b.total}) | ${pct(a.score)} (${a.passed}/${a.total}) | ${points(a.score - b.score)} |`;
  return [
    '| split | before | after | change |',
    '|---|---|---|---|',
    row('train', before.totals.train, after.totals.train),
    row('holdout', before.totals.holdout, after.totals.holdout),
    row('all', before.totals.all, after.totals.all),
  ];
}

/** A Mermaid line chart of train and holdout per iteration (GitHub renders it). */
export function scoreChart(result: EnhanceResult): string[] {
  const train = [result.before.totals.train.score];
  const holdout = [result.before.totals.holdout.score];
  for (const it of result.iterations) {
    const kept = it.accepted ? it.after : it.before;
    train.push(kept.train.total ? kept.train.passed / kept.train.total : 0);
    holdout.push(kept.holdout.total ? kept.holdout.passed / kept.holdout.total : 0);
  }
  const labels = train.map((_, i) => `"${i === 0 ? 'start' : `it ${i}`}"`);
  const series = (xs: number[]) => `[${xs.map((x) => (x * 100).toFixed(1)).join(', ')}]`;
  return [
    '```mermaid',
    'xychart-beta',
    '    title "Score per iteration (%): train (first line), holdout (second line)"',
    `    x-axis [${labels.join(', ')}]`,
    '    y-axis "score %" 0 --> 100',
    `    line ${series(train)}`,
    `    line ${series(holdout)}`,
    '```',
  ];
}

function questionChanges(before: Scorecard, after: Scorecard): string[] {
  const was = new Map(before.questions.map((q) => [q.id, q.passed]));
  const fixed = after.questions.filter((q) => q.passed && was.get(q.id) === false);
  const regressed = after.questions.filter((q) => !q.passed && was.get(q.id) === true);
  const failing = after.questions.filter((q) => !q.passed && was.get(q.id) === false);
  const list = (qs: Scorecard['questions']) =>
    qs.length === 0 ? 'none' : qs.map((q) => `\`${q.id}\` (${q.split})`).join(', ');
  return [
    `- **Fixed** (${fixed.length}): ${list(fixed)}`,
    `- **Regressed** (${regressed.length}): ${list(regressed)}`,
    `- **Still failing** (${failing.length}): ${list(failing)}`,
  ];
}

function iterationSections(result: EnhanceResult): string[] {
  const lines: string[] = [];
  for (const it of result.iterations) {
    lines.push('', `### Iteration ${it.index}: ${it.accepted ? 'kept' : 'rolled back'} (${it.reason})`);
    for (const a of it.applied) {
      lines.push(
        `- \`${a.fix.type}\` ${summarizeFix(a.fix)}: ${a.fix.rationale}${a.fix.targets.length ? ` (targets ${a.fix.targets.join(', ')})` : ''}`,
      );
    }
    if (it.patch.length > 0) {
      lines.push(
        '',
        '<details><summary>JSON patch (RFC 6902)</summary>',
        '',
        '```json',
        JSON.stringify(it.patch, null, 1),
        '```',
        '',
        '</details>',
      );
    }
    if (it.rejected.length > 0) {
      lines.push('', `<details><summary>${it.rejected.length} rejected fix(es)</summary>`, '');
      for (const r of it.rejected) lines.push(`- \`${r.fix.type}\` ${summarizeFix(r.fix)}: ${r.reason}`);
      lines.push('', '</details>');
    }
    for (const note of it.notes) lines.push(`- note: ${note}`);
  }
  return lines;
}

export function renderEnhanceMarkdown(
  result: EnhanceResult,
  options: { maxChars?: number; fullReportHint?: string } = {},
): string {
  const { before, after, calls } = result;
  const head = [
    `## genie-gitops: enhance \`${result.space}\``,
    '',
    `Train ${pct(before.totals.train.score)} → ${pct(after.totals.train.score)}, holdout ${pct(before.totals.holdout.score)} → ${pct(after.totals.holdout.score)} with the ${result.analyst} analyst. Stopped because ${result.stopReason}.`,
    '',
    ...scoreTable(before, after),
    '',
    ...qualityComparison(before.quality, after.quality, ['before', 'after']),
    ...scoreChart(result),
    '',
    '### Questions',
    ...questionChanges(before, after),
  ];
  const notes = lessonNotes(result.lessons);
  const tail = [
    '',
    '### Lessons learned',
    ...(notes.length ? notes.map((n) => `- ${n}`) : ['- none yet']),
    '',
    '### Budget',
    `- iterations: ${result.iterations.length}; configs scored: ${calls.scorings}; Genie questions asked: ${calls.genie}; SQL statements: ${calls.statements}; LLM calls: ${calls.llmCalls} (${calls.promptTokens + calls.completionTokens} tokens); time: ${(result.durationMs / 1000).toFixed(1)} s`,
    `- config ${before.configHash.slice(0, 12)} → ${after.configHash.slice(0, 12)}; benchmarks ${after.benchmarksHash.slice(0, 12)}`,
  ];
  const body = iterationSections(result);
  const max = options.maxChars ?? GITHUB_BODY_LIMIT;
  let text = [...head, '', '### Fixes', ...body, ...tail].join('\n') + '\n';
  if (text.length <= max) return text;
  // Too long for GitHub: drop the per-iteration detail first, it is in the full report.
  const pointer = `\n_Fix details truncated to fit GitHub's limit; ${options.fullReportHint ?? 'see the full report in the job summary or the uploaded artifact'}._\n`;
  text = [...head, '', '### Fixes', pointer, ...tail].join('\n') + '\n';
  return text.length <= max ? text : `${text.slice(0, max - pointer.length - 1)}\n${pointer}`;
}
