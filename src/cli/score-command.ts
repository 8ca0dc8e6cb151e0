/** `genie-gitops score`: one space's scorecard in the terminal, optionally as JSON and Markdown files. */
import path from 'node:path';
import { SCORERS, scorerCommand, type ScorerName } from '../commands/genie-eval-score.js';
import { ConfigError } from '../errors.js';
import { renderAgreementMarkdown } from '../scoring/genie-eval-card.js';
import { parseStaging } from '../commands/workspace.js';
import { backendOption } from './backend-option.js';
import { DEFAULT_MAX_ERRORED, inconclusiveVerdict } from '../scoring/errored-gate.js';
import type { ProgressEvent } from '../scoring/score-runner.js';
import { renderScorecardMarkdown, renderScorecardText, renderTotalsLine } from '../report/scorecard-markdown.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { dataOf, numberOption, parseCommandArgs } from './args.js';
import { SCORE } from './command-specs.js';
import type { CliIo } from './cli-io.js';
import { minScoreFailure } from '../scoring/score-gate.js';

/** `[3/56] q07 #2 pass 12ms`: the repeat number (1-based, from the runner) only when there are repeats. */
export function progressLine(e: ProgressEvent, repeats: number): string {
  const outcome = e.broken
    ? 'broken benchmark (expected SQL failed)'
    : e.errored
      ? 'errored (no answer after retries)'
      : e.passed
        ? 'pass'
        : `fail (${e.category ?? e.verdict ?? 'no result'})`;
  return `[${e.done}/${e.total}] ${e.id}${repeats > 1 ? ` #${e.repeat}` : ''} ${outcome} ${Math.round(e.durationMs)}ms`;
}

export async function runScore(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(SCORE, args);
  const space = values.space!;
  const minScore = numberOption(values['min-score'], '--min-score', { fraction: true });
  const repeats = numberOption(values.repeats, '--repeats', { min: 1, integer: true });
  const maxErrored = numberOption(values['max-errored'], '--max-errored', { fraction: true }) ?? DEFAULT_MAX_ERRORED;
  const scorer = (values.scorer ?? 'ours') as ScorerName;
  if (!(SCORERS as readonly string[]).includes(scorer))
    throw new ConfigError(`--scorer must be ours, genie-eval or both (got ${scorer})`, 'e.g. --scorer both');
  const scored = await scorerCommand({
    scorer,
    layout: { bundleTarget: values.target },
    dataFile: dataOf(values.data, io),
    root: path.resolve(io.cwd, values.root ?? '.'),
    space,
    backend: backendOption(values.backend),
    staging: parseStaging(values.staging),
    repeats,
    concurrency: numberOption(values.concurrency, '--concurrency', { min: 1, integer: true }),
    questionsPerMinute: numberOption(values.qpm, '--qpm', { min: 0.1 }),
    noise: numberOption(values.noise, '--noise', { fraction: true }),
    seed: numberOption(values.seed, '--seed', { integer: true }),
    onProgress: values.quiet ? undefined : (e) => io.err(progressLine(e, repeats ?? 1)),
  });
  const card = scored.primary;
  // Outputs are written only once the whole run succeeded, so a failure leaves nothing partial.
  if (values.json) writeFileAtomic(path.resolve(io.cwd, values.json), `${JSON.stringify(card, null, 2)}\n`);
  if (values.markdown) writeFileAtomic(path.resolve(io.cwd, values.markdown), renderScorecardMarkdown(card));
  io.out(values.quiet ? renderTotalsLine(card) : renderScorecardText(card));
  if (scored.genie && scored.ours && scored.agreement)
    io.out(renderAgreementMarkdown(space, scored.ours, scored.genie, scored.agreement));
  const inconclusive = inconclusiveVerdict([{ label: space, card }], maxErrored);
  if (inconclusive) {
    // Neutral, as in the action: an outage neither fails nor passes --min-score.
    io.err(`warning: ${inconclusive.message}`);
    return 0;
  }
  const belowMin = minScoreFailure(card.totals.all.score, minScore, '--min-score');
  if (belowMin) {
    io.err(`error: ${belowMin}`);
    return 1;
  }
  return 0;
}
