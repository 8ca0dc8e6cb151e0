/**
 * The score runner: asks every benchmark question (times repeats) of one Genie space,
 * runs the expected SQL once per distinct text, compares the results and builds the
 * scorecard. Bounded concurrency, a shared questions-per-minute limit, retries with
 * backoff within a per-question budget, per-question timeouts; one failing question never
 * aborts the run, only the caller's AbortSignal or an error marked `abortsRun` does.
 * What errored (see errored.ts for the rule) is recorded as errored, never as a wrong answer.
 */
import { mapConcurrent } from './concurrency.js';
import { buildScorecard, mergeRepeats, summarizeQuestion, type RepeatResult, type Scorecard } from './scorecard.js';
import { scoreOnce } from './score-question.js';
import { openScoreRun, type Outcome, type ScoreRun } from './score-run.js';
import type { ProgressEvent, RunScoreInput } from './score-run-types.js';

export type { ProgressEvent, RunScoreInput } from './score-run-types.js';

/** Every repeat's result by benchmark index, and the expected SQL's error of each broken benchmark. */
interface Collected {
  outcomes: RepeatResult[][];
  expectedErrors: Map<number, string>;
}

export async function runScore(input: RunScoreInput): Promise<Scorecard> {
  const run = openScoreRun(input);
  const collected = await scoreAll(run);
  run.signal.throwIfAborted();
  const { outcomes, expectedErrors } = collected;
  const questions = input.benchmarks.map((b, i) => summarizeQuestion(b, outcomes[i], expectedErrors.get(i)));
  return buildScorecard({
    space: input.space,
    configHash: input.configHash,
    benchmarksHash: input.benchmarksHash,
    backend: input.backend,
    repeats: run.repeats,
    questions,
    taught: input.taught,
    calls: run.calls,
    durationMs: run.now() - run.started,
    startedAt: new Date(run.started).toISOString(),
  });
}

/** Scores every question `repeats` times (all questions once, then again), a few at a time, reporting each. */
async function scoreAll(run: ScoreRun): Promise<Collected> {
  const { input, repeats } = run;
  const jobs = Array.from({ length: repeats }, (_, r) =>
    input.benchmarks.map((_, i) => ({ index: i, repeat: r })),
  ).flat();
  const collected: Collected = {
    outcomes: input.benchmarks.map(() => new Array<RepeatResult>(repeats)),
    expectedErrors: new Map<number, string>(),
  };
  let done = 0;
  await mapConcurrent(
    jobs,
    input.options?.concurrency ?? 4,
    async (job) => {
      const outcome = await scoreOnce(run, job.index);
      collected.outcomes[job.index][job.repeat] = outcome.result;
      if (outcome.expectedError !== undefined) collected.expectedErrors.set(job.index, outcome.expectedError);
      done++;
      input.onProgress?.(
        progressOf(outcome, { done, total: jobs.length, id: input.benchmarks[job.index].id, repeat: job.repeat + 1 }),
      );
    },
    run.signal,
  );
  return collected;
}

function progressOf(outcome: Outcome, at: Pick<ProgressEvent, 'done' | 'total' | 'id' | 'repeat'>): ProgressEvent {
  const r = outcome.result;
  return {
    ...at,
    passed: r.passed,
    errored: r.errored === true,
    verdict: r.verdict,
    category: r.category,
    durationMs: r.durationMs,
    ...(outcome.expectedError !== undefined ? { broken: true } : {}),
  };
}

/**
 * Asks the questions named in `ids` `times` more times each and adds those asks to `card`
 * (adaptive repeats). Pass the same Genie as the card's run, so a noisy engine keeps drawing
 * fresh answers rather than replaying its first ones.
 */
export async function reaskScore(
  input: RunScoreInput,
  card: Scorecard,
  ids: readonly string[],
  times = 1,
): Promise<Scorecard> {
  const wanted = new Set(ids);
  const benchmarks = input.benchmarks.filter((b) => wanted.has(b.id));
  if (benchmarks.length === 0 || times < 1) return card;
  const extra = await runScore({ ...input, benchmarks, options: { ...input.options, repeats: times } });
  return mergeRepeats(card, extra);
}
