/**
 * The history of the runs behind one enhancement PR (DESIGN.md section 6: resume from the open
 * PR). A large benchmark improves over several scheduled runs, each starting from the config
 * the previous one left on the PR branch; the PR body lists every run, and keeps them in a
 * hidden marker so the next run can add its own line. The marker is data, not an instruction:
 * it is parsed with a schema and anything unreadable is treated as no history.
 */
import { z } from 'zod';
import type { EnhanceResult } from '../loop/enhance-result.js';
import { shortCell } from './markdown-format.js';

const Counts = z.object({ passed: z.number(), total: z.number() });
const RunEntrySchema = z.object({
  run: z.number().int().min(1),
  at: z.string(),
  startConfig: z.string(),
  endConfig: z.string(),
  benchmarks: z.string(),
  before: z.object({ train: Counts, trainUntaught: Counts, holdout: Counts }),
  after: z.object({ train: Counts, trainUntaught: Counts, holdout: Counts }),
  kept: z.number().int().min(0),
  iterations: z.number().int().min(0),
  genieQuestions: z.number().int().min(0),
  stop: z.string(),
  stoppedOnBudget: z.boolean(),
});
const HistorySchema = z.array(RunEntrySchema).max(200);

export type RunEntry = z.infer<typeof RunEntrySchema>;

const MARKER = /<!-- genie-gitops:history v1 ([A-Za-z0-9+/=]+) -->/;
/** Runs kept (and shown): the PR body has 65,536 characters for everything. */
const KEPT = 24;

/** The runs recorded in a PR body (empty when there is none or it cannot be read). */
export function parseHistory(body: string | undefined): RunEntry[] {
  const match = body ? MARKER.exec(body) : null;
  if (!match) return [];
  try {
    const parsed = HistorySchema.safeParse(JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** This run's entry, after the earlier ones. */
export function appendRun(history: readonly RunEntry[], result: EnhanceResult, at = new Date()): RunEntry[] {
  const pick = (c: EnhanceResult['before']) => ({
    train: { passed: c.totals.train.passed, total: c.totals.train.answered },
    trainUntaught: { passed: c.totals.trainUntaught.passed, total: c.totals.trainUntaught.answered },
    holdout: { passed: c.totals.holdout.passed, total: c.totals.holdout.answered },
  });
  const entry: RunEntry = {
    run: (history.at(-1)?.run ?? 0) + 1,
    at: at.toISOString(),
    startConfig: result.before.configHash.slice(0, 12),
    endConfig: result.after.configHash.slice(0, 12),
    benchmarks: result.after.benchmarksHash.slice(0, 12),
    before: pick(result.before),
    after: pick(result.after),
    kept: result.iterations.filter((i) => i.accepted).length,
    iterations: result.iterations.length,
    genieQuestions: result.calls.genie,
    stop: result.stopReason.slice(0, 160),
    stoppedOnBudget: result.budget?.stoppedOnBudget !== undefined,
  };
  return [...history, entry].slice(-KEPT);
}

const share = (c: { passed: number; total: number }) => (c.total ? `${((100 * c.passed) / c.total).toFixed(1)}%` : '–');

/** The runs table and the marker the next run reads. */
export function historySection(history: readonly RunEntry[]): string {
  if (history.length === 0) return '';
  // The table says what each run did; the marker lets the next run add its own line.
  const rows = history.map(
    (r) =>
      `| ${r.run} | ${r.at.slice(0, 16).replace('T', ' ')} | ${share(r.before.trainUntaught)} → ${share(r.after.trainUntaught)} | ${share(r.before.holdout)} → ${share(r.after.holdout)} | ${r.kept} of ${r.iterations} | ${r.genieQuestions} | ${r.stoppedOnBudget ? '**budget**: ' : ''}${shortCell(r.stop, 200)} |`,
  );
  const encoded = Buffer.from(JSON.stringify(history), 'utf8').toString('base64');
  return [
    '',
    `### Runs of this PR (${history.length}${history[0].run > 1 ? `, the last ${history.length} of ${history.at(-1)!.run}` : ''})`,
    '',
    'Each run starts from the config and lessons the previous one left on this branch, skipping fixes already tried.',
    '',
    '| run | at (UTC) | train-untaught | holdout | iterations kept | Genie questions | stopped because |',
    '|---:|---|---:|---:|---:|---:|---|',
    ...rows,
    '',
    `<!-- genie-gitops:history v1 ${encoded} -->`,
    '',
  ].join('\n');
}
