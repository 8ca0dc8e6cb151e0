/**
 * The budget section of the enhancement PR (DESIGN.md section 7): what the run spent of Genie's
 * rate, what it would take at the configured questions per minute, what scoring every
 * candidate in full would have needed, and, when the run stopped on its budget, why and what
 * is left to try, so a short run is not mistaken for a converged one.
 */
import type { EnhanceResult } from '../loop/enhance-result.js';

const minutes = (questions: number, qpm: number) => {
  const m = questions / qpm;
  return m < 1 ? `${Math.round(m * 60)} s` : `${m.toFixed(1)} min`;
};

/** The notice near the top of the body when the run stopped on its budget. */
export function budgetStopNotice(result: EnhanceResult): string[] {
  const stop = result.budget?.stoppedOnBudget;
  if (!stop) return [];
  const kept = result.iterations.filter((i) => i.accepted).length;
  return [
    '> [!NOTE]',
    `> **This run stopped on its budget** (${stop}). It kept its ${kept} confirmed iteration(s); ${leftToTry(result)} The next run resumes from this PR's config and lessons.`,
    '',
  ];
}

function leftToTry(result: EnhanceResult): string {
  const untried = result.iterations.flatMap((it) => it.untried ?? []);
  const failing = result.after.questions.filter(
    (q) => q.split === 'train' && !q.passed && !q.errored && q.expectedError === undefined,
  ).length;
  const fixes = untried.length > 0 ? `${untried.length} proposed fix(es) were not judged yet, and ` : '';
  return `left to try: ${fixes}${failing} train question(s) still fail.`;
}

export function budgetSection(result: EnhanceResult): string[] {
  const { before, after, calls } = result;
  const b = result.budget;
  const lines = ['### Budget', ''];
  const tokens = calls.promptTokens + calls.completionTokens;
  lines.push(
    `- Genie questions asked: **${calls.genie}**${b ? ` (${(calls.genie / Math.max(1, b.benchmarkQuestions)).toFixed(1)}× the ${b.benchmarkQuestions}-question benchmark)` : ''}; SQL statements: ${calls.statements}; LLM calls: ${calls.llmCalls} (${tokens} tokens); time: ${(result.durationMs / 1000).toFixed(1)} s; iterations: ${result.iterations.length}; full scorings: ${calls.scorings + (b?.screening ? b.confirmations : 0)}`,
  );
  if (b) {
    const qpm = b.questionsPerMinute;
    lines.push(
      `- At ${qpm} questions/min this run needs **${minutes(calls.genie, qpm)}** of Genie time; scoring the start config and each of the ${b.candidates} candidate config(s) on the whole benchmark would need ${b.fullRescoringQuestions} questions, ${minutes(b.fullRescoringQuestions, qpm)}.`,
    );
    if (b.screening)
      lines.push(
        `- Screening: ${b.candidates} candidate(s) asked only the questions their fixes can change plus a canary; ${b.confirmations} full scoring(s) confirmed a config${b.reusedFromCache > 0 ? `; ${b.reusedFromCache} answer(s) reused from earlier runs (same config, same question)` : ''}${b.watched.length > 0 ? `; questions the screening missed, asked on every candidate since: ${b.watched.map((id) => `\`${id}\``).join(', ')}` : ''}.`,
      );
    if (b.rollback) lines.push(`- ${b.rollback}.`);
    const limits = [
      b.maxGenieQuestions !== undefined ? `${b.maxGenieQuestions} Genie questions` : undefined,
      b.timeBudgetMs !== undefined ? `${Math.round(b.timeBudgetMs / 60_000)} min` : undefined,
    ].filter(Boolean);
    if (limits.length > 0)
      lines.push(
        `- Budget: ${limits.join(', ')}; ${b.stoppedOnBudget ? `**stopped on ${b.stoppedOnBudget}**; ${leftToTry(result)}` : 'not reached.'}`,
      );
  }
  lines.push(
    `- config ${before.configHash.slice(0, 12)} → ${after.configHash.slice(0, 12)}; benchmarks ${after.benchmarksHash.slice(0, 12)}`,
  );
  return lines;
}
