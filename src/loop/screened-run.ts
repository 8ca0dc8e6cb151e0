/**
 * The enhancement loop's screening state across iterations (DESIGN.md section 6, "Cost"):
 * the last confirmed config (fully scored) to roll back to, the questions the impact model
 * missed (watched from then on), how many candidates were screened and confirmed, and the
 * final confirmation. The loop calls it at three points: to try a batch, when an iteration is
 * kept, and when it stops.
 */
import type { Fix } from '../fixes/fix-types.js';
import { fixKey } from '../fixes/fix-key.js';
import type { Scorecard } from '../scoring/scorecard.js';
import type { Space } from '../space/schema.js';
import type { Budget } from './budget.js';
import { confirmConfig, isFullyScored, type ScoredConfig } from './confirm.js';
import type { Lessons } from './lessons.js';
import { countsOf } from './acceptance.js';
import type { IterationRecord } from './iteration-record.js';
import { IterationScreen, type ScreeningSettings } from './screening.js';
import { screenBatch } from './screened-trial.js';
import type { TrialContext, TrialResult } from './trial.js';

export interface ScreeningStats {
  /** Candidate configs screened. */
  candidates: number;
  /** Full scorings made to confirm a config (the final one included). */
  confirmations: number;
  /** Questions the impact model missed, watched from then on. */
  watched: string[];
  /** Set when the final config was rolled back to the last confirmed one. */
  rollback?: { reason: string; toIteration: number };
}

interface Confirmed extends ScoredConfig {
  lessons: Lessons;
  /** The iteration that produced it (0: the starting config). */
  iteration: number;
}

export class ScreenedRun {
  private readonly watch: Set<string>;
  private confirmed: Confirmed;
  readonly stats: ScreeningStats = { candidates: 0, confirmations: 0, watched: [] };

  constructor(
    private readonly settings: ScreeningSettings,
    private readonly budget: Budget | undefined,
    start: ScoredConfig,
    lessons: Lessons,
    /** Questions to screen on every candidate from the start (a replay's regressions). */
    watched: readonly string[] = [],
  ) {
    this.watch = new Set(watched);
    this.confirmed = { ...start, lessons: structuredClone(lessons), iteration: 0 };
  }

  /** Screens one iteration's batch over the current config; `then` runs further checks (the example gate) screened too. */
  async trial(
    context: TrialContext,
    fixes: Fix[],
    index: number,
    then: (context: TrialContext, trial: TrialResult) => Promise<TrialResult> | TrialResult = (_, t) => t,
    record?: { screened?: { candidates: number; confirmed: boolean } },
  ): Promise<TrialResult> {
    const screen = new IterationScreen(
      { space: context.space, card: context.card },
      this.settings,
      this.watch,
      `iteration ${index}`,
    );
    const screened: TrialContext = {
      ...context,
      screen: async (subset, applied) => (await screen.screen(subset, applied)).card,
    };
    try {
      const batch = await screenBatch(screened, screen, this.watch, fixes);
      if (batch.confirmed) this.stats.confirmations++;
      const checked = await then(screened, batch);
      if (record) record.screened = { candidates: screen.count, confirmed: checked === batch && batch.confirmed };
      return checked;
    } finally {
      this.stats.candidates += screen.count;
      this.stats.watched = [...this.watch].sort();
    }
  }

  /** An iteration was kept: remember it as the rollback point when its card is a full scoring. */
  kept(current: ScoredConfig, lessons: Lessons, index: number): void {
    if (isFullyScored(this.settings.port, current))
      this.confirmed = { ...current, lessons: structuredClone(lessons), iteration: index };
  }

  /**
   * The loop stopped: confirm the config it ended on with a full scoring. When that fails (a
   * regression screening did not see, or no budget left for it), the loop's state goes back to
   * the last confirmed config and the iterations after it are marked as rolled back.
   */
  async finish(
    current: ScoredConfig,
    iterations: IterationRecord[],
  ): Promise<
    | { ok: true; space: Space; card: Scorecard }
    | { ok: false; space: Space; card: Scorecard; lessons: Lessons; reason: string; unseen: string[] }
  > {
    if (isFullyScored(this.settings.port, current)) {
      const card = this.settings.port.compose(
        current.space,
        await this.settings.port.ask(current.space, askable(current)),
      );
      confirmedCounts(iterations, card);
      return { ok: true, space: current.space, card };
    }
    const confirmation = await confirmConfig(this.settings.port, this.budget, current);
    this.stats.confirmations += confirmation.asked > 0 ? 1 : 0;
    if (confirmation.ok) {
      confirmedCounts(iterations, confirmation.card);
      return { ok: true, space: current.space, card: confirmation.card };
    }
    for (const id of confirmation.unseen) this.watch.add(id);
    this.stats.watched = [...this.watch].sort();
    const back = this.confirmed;
    const reason = `rolled back to ${back.iteration === 0 ? 'the starting config' : `iteration ${back.iteration}`}: ${confirmation.reason}`;
    this.stats.rollback = { reason, toIteration: back.iteration };
    for (const record of iterations) {
      if (record.index <= back.iteration || !record.accepted) continue;
      record.accepted = false;
      record.reason = `${record.reason}; ${reason}`;
      record.rejected.push(...record.applied.map((a) => ({ fix: a.fix, key: fixKey(a.fix), reason })));
      record.applied = [];
      record.patch = [];
    }
    const lessons = structuredClone(back.lessons);
    return { ok: false, space: back.space, card: back.card, lessons, reason, unseen: confirmation.unseen };
  }
}

/** The iterations from the one that made the final config on now show its full scoring, not the screened prediction. */
function confirmedCounts(iterations: IterationRecord[], card: Scorecard): void {
  const last = [...iterations].reverse().find((r) => r.accepted);
  for (const record of iterations) {
    if (last && record.index < last.index) continue;
    if (last && record.index > last.index) record.before = countsOf(card);
    record.after = countsOf(card);
    if (record.screened) record.screened.confirmed = true;
  }
}

const askable = (current: ScoredConfig) =>
  current.card.questions.filter((q) => q.expectedError === undefined).map((q) => q.id);
