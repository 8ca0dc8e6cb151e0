/** The enhancement PR body (DESIGN.md section 7): score delta, chart, fixes with patches, rejections, lessons, budget. */
import type { EnhanceResult } from '../commands/enhance.js';
import { summarizeFix } from '../loop/fix-summary.js';
import { lessonNotes } from '../loop/lessons.js';
import type { Scorecard } from '../scoring/scorecard.js';

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
    row('train-untaught', before.totals.trainUntaught, after.totals.trainUntaught),
    row('holdout', before.totals.holdout, after.totals.holdout),
    row('all', before.totals.all, after.totals.all),
  ];
}

/** A Mermaid line chart of train, train-untaught and holdout per iteration (GitHub renders it). */
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
  const series = (xs: number[]) => `[${xs.map((x) => (x * 100).toFixed(1)).join(', ')}]`;
  return [
    '```mermaid',
    'xychart-beta',
    '    title "Score per iteration (%): train, train-untaught, holdout (lines in that order)"',
    `    x-axis [${labels.join(', ')}]`,
    '    y-axis "score %" 0 --> 100',
    `    line ${series(train)}`,
    `    line ${series(untaught)}`,
    `    line ${series(holdout)}`,
    '```',
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
    lines.push(...iterationChanges(it));
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

/** Per iteration: the questions it fixed and the ones that broke (never silently empty). */
export function iterationChanges(it: EnhanceResult['iterations'][number]): string[] {
  const ids = (list: string[]) => (list.length === 0 ? 'none' : list.map((id) => `\`${id}\``).join(', '));
  const broke = it.candidateRegressions ?? [];
  return [
    `- Fixed: ${ids(it.fixed)}`,
    `- Regressed: ${ids(it.regressions)}${broke.length > 0 ? ` (the rolled-back candidate broke ${ids(broke)})` : ''}`,
  ];
}

export function renderEnhanceMarkdown(
  result: EnhanceResult,
  options: { maxChars?: number; fullReportHint?: string } = {},
): string {
  const { before, after, calls } = result;
  const head = [
    `## genie-gitops: enhance \`${result.space}\``,
    '',
    ...taughtNotice(result),
    `Train ${pct(before.totals.train.score)} → ${pct(after.totals.train.score)}, train-untaught ${pct(before.totals.trainUntaught.score)} → ${pct(after.totals.trainUntaught.score)}, holdout ${pct(before.totals.holdout.score)} → ${pct(after.totals.holdout.score)} with the ${result.analyst} analyst. Stopped because ${result.stopReason}.`,
    '',
    ...slotsLine(result),
    '',
    ...scoreTable(before, after),
    '',
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
