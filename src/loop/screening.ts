/**
 * Screening a candidate config (DESIGN.md section 6, "Cost"): instead of asking Genie the whole
 * benchmark for every candidate, ask the questions the candidate's fixes can change (impact.ts)
 * and carry the other answers over from the config it was built on.
 *
 * - Failing train questions the fixes target or touch are asked: they are where the gain is.
 * - Passing questions (train and holdout) the fixes touch are asked, a few at a time, stopping
 *   at the first regression: that is what the acceptance rule rejects on.
 * - Failing holdout questions are not asked: they can only rise, which never decides anything;
 *   the final full scoring reports them.
 * - A small seeded canary of untouched passing questions checks the prediction; a change there
 *   means the model missed something, and the caller confirms with a full scoring.
 * Answers are reused whenever their inputs did not change: within one iteration, a question
 * touched by the same parts of the same fixes gets the answer it got before; across
 * iterations and runs, the scorer reuses answers of the same config (ScreeningPort.ask).
 */
import { createHash } from 'node:crypto';
import type { Fix } from '../fixes/fix-types.js';
import { fixKey } from '../fixes/fix-key.js';
import type { QuestionScore, Scorecard } from '../scoring/scorecard.js';
import type { Space } from '../space/schema.js';
import type { Budget } from './budget.js';
import { fixElements, isForeign, questionView, type Element, type ImpactContext, type QuestionView } from './impact.js';

/** What screening needs from the scorer; the command layer implements it over a backend. */
export interface ScreeningPort {
  /** Asks the named questions under `space`; answers already asked under the same config are reused, not asked again. */
  ask(space: Space, ids: readonly string[]): Promise<QuestionScore[]>;
  /** A scorecard of `space` from per-question scores (taught marks and static quality for that config). */
  compose(space: Space, questions: readonly QuestionScore[]): Scorecard;
  /** Ids answered under exactly this config so far (this run, or a cache of earlier runs). */
  answered(space: Space): ReadonlySet<string>;
  /** Distinct values of a text column, when few (value dictionaries teach them as words). */
  values(table: string, column: string): Promise<readonly string[] | undefined>;
}

export interface ScreeningSettings {
  port: ScreeningPort;
  budget?: Budget;
  /** Canary questions per screened candidate; default max(2, 2% of the benchmark). */
  canary?: number;
  /** Questions asked at once in the regression stage (stop at the first regression); default 4. */
  chunk?: number;
  /** Seeds the canary sample. */
  seed?: number;
  log?: (line: string) => void;
}

export interface ScreenResult {
  /** The candidate's card: asked and reused answers, the rest carried over from the base. */
  card: Scorecard;
  /** Questions Genie was asked for this candidate (reused answers not included). */
  asked: string[];
  /** Questions whose answer for this candidate was reused from an earlier candidate or run. */
  reused: string[];
  /** Passing questions that failed (train or holdout). */
  regressed: string[];
  canary: string[];
  /** Canary questions whose outcome changed: the impact model missed them. */
  canaryChanged: string[];
  /** Why screening stopped before asking everything it planned. */
  stop?: 'regression' | 'no-gain';
  /** Each fix's elements touching each question (for blame). */
  touching: Map<string, { fix: Fix; elements: Element[] }[]>;
}

interface Plan {
  targets: string[];
  risk: string[];
  canary: string[];
  keys: Map<string, string>;
  touching: Map<string, { fix: Fix; elements: Element[] }[]>;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * One iteration's screening over a base config (the config the iteration's fixes apply to).
 * It remembers answers by (question, touching parts), so variants and subsets of one batch
 * re-ask only what differs.
 */
export class IterationScreen {
  private readonly memo = new Map<string, Map<string, QuestionScore>>();
  private readonly values = new Map<string, readonly string[] | undefined>();
  private readonly context: ImpactContext;
  private readonly views: Map<string, QuestionView>;
  private readonly askable: number;
  private screens = 0;
  private planned = 0;

  constructor(
    readonly base: { space: Space; card: Scorecard },
    private readonly settings: ScreeningSettings,
    /** Questions the model missed before: always asked. */
    private readonly watch: ReadonlySet<string>,
    private readonly label: string,
  ) {
    this.views = new Map(base.card.questions.map((q) => [q.id, questionView(q)]));
    this.context = { space: base.space, values: (t, c) => this.values.get(`${t}|${c}`) };
    this.askable = base.card.questions.filter((q) => q.expectedError === undefined).length;
    for (const q of base.card.questions) this.memo.set(q.id, new Map([['', q]]));
  }

  /** Candidate configs screened so far. */
  get count(): number {
    return this.screens;
  }

  /** Genie questions a full scoring of `space` still needs. */
  remainder(space: Space): number {
    return Math.max(0, this.askable - this.settings.port.answered(space).size);
  }

  async screen(fixes: readonly Fix[], candidate: Space): Promise<ScreenResult> {
    const plan = await this.plan(fixes);
    this.planned++;
    const answers = new Map<string, QuestionScore>();
    const asked: string[] = [];
    const reused: string[] = [];
    const before = new Map(this.base.card.questions.map((q) => [q.id, q]));
    let counted = false;
    const card = () => this.compose(candidate, answers);
    const regressed = () =>
      [...answers.values()].filter((q) => before.get(q.id)?.passed && !q.passed && !q.errored).map((q) => q.id);
    // A watched question, and the canary, test the model itself: never answered from its memo.
    const ask = async (ids: string[], memoised: boolean) => {
      const wanted = ids.filter((id) => !answers.has(id));
      const fresh: string[] = [];
      const useMemo = (id: string) => memoised && !this.watch.has(id);
      for (const id of wanted) {
        const hit = useMemo(id) ? this.memo.get(id)?.get(plan.keys.get(id) ?? '') : undefined;
        if (hit) {
          answers.set(id, hit);
          reused.push(id);
        } else fresh.push(id);
      }
      const known = this.settings.port.answered(candidate);
      const cost = fresh.filter((id) => !known.has(id)).length;
      if (fresh.length > 0) this.settings.budget?.require(cost, this.reserve(candidate, cost));
      // Counted once its first answers are in: a candidate the budget stopped before that was never judged.
      if (!counted && (fresh.length > 0 || reused.length > 0)) {
        counted = true;
        this.screens++;
      }
      if (fresh.length === 0) return;
      for (const q of await this.settings.port.ask(candidate, fresh)) {
        answers.set(q.id, q);
        if (known.has(q.id)) reused.push(q.id);
        else asked.push(q.id);
        if (useMemo(q.id)) this.memo.get(q.id)?.set(plan.keys.get(q.id) ?? '', q);
      }
    };
    const result = (stop?: ScreenResult['stop'], canaryChanged: string[] = []): ScreenResult => ({
      card: card(),
      asked,
      reused,
      regressed: regressed(),
      canary: plan.canary,
      canaryChanged,
      stop,
      touching: plan.touching,
    });

    // A batch of several fixes asks the riskiest passing questions first: a regression shows after
    // a few asks and changes the batch, so the targets are asked once, of the batch that stays. A
    // single fix asks its targets first: when none improves, it is rejected before anything else.
    const targetsFirst = fixes.length === 1 || plan.risk.length === 0;
    if (targetsFirst) {
      await ask(plan.targets, true);
      if (!this.gained(answers)) return result('no-gain');
    }
    const chunk = Math.max(1, this.settings.chunk ?? 4);
    for (let i = 0; i < plan.risk.length; i += chunk) {
      await ask(plan.risk.slice(i, i + chunk), true);
      if (regressed().length > 0) return result('regression');
    }
    if (!targetsFirst) {
      await ask(plan.targets, true);
      if (!this.gained(answers)) return result('no-gain');
    }
    await ask(plan.canary, false);
    const changed = plan.canary.filter((id) => answers.get(id)?.passed !== before.get(id)?.passed);
    if (regressed().length > 0) return result('regression', changed);
    return result(undefined, changed);
  }

  /** A full scoring of `space`: every question asked under it (answers of the same config reused). */
  async full(space: Space): Promise<Scorecard> {
    const ids = this.base.card.questions.filter((q) => q.expectedError === undefined).map((q) => q.id);
    this.settings.budget?.require(this.remainder(space), this.remainder(this.base.space));
    const answers = new Map((await this.settings.port.ask(space, ids)).map((q) => [q.id, q]));
    return this.compose(space, answers);
  }

  /** How many parts of `fix` (its targets aside) touch one of the questions: for refining a fix that broke them. */
  touchingParts(fix: Fix, ids: readonly string[]): number {
    const views = ids.map((id) => this.views.get(id)).filter((v): v is QuestionView => v !== undefined);
    return fixElements(fix, this.context).filter((e) => !e.id.includes('|targets:') && views.some((v) => e.touches(v)))
      .length;
  }

  /** Questions to keep in hand for the final full scoring: of the current config, or of this candidate once asked. */
  private reserve(candidate: Space, cost: number): number {
    return Math.max(this.remainder(this.base.space), this.remainder(candidate) - cost);
  }

  private gained(answers: Map<string, QuestionScore>): boolean {
    const before = new Map(this.base.card.questions.map((q) => [q.id, q]));
    return [...answers.values()].some((q) => {
      const b = before.get(q.id);
      return q.split === 'train' && q.passed && !q.taught && b !== undefined && !b.passed && !b.taught;
    });
  }

  private compose(candidate: Space, answers: Map<string, QuestionScore>): Scorecard {
    const questions = this.base.card.questions.map((q) => answers.get(q.id) ?? q);
    return this.settings.port.compose(candidate, questions);
  }

  private async plan(fixes: readonly Fix[]): Promise<Plan> {
    for (const fix of fixes) {
      if (fix.type !== 'enable_build_value_dictionary') continue;
      const key = `${fix.table}|${fix.column}`;
      if (!this.values.has(key)) this.values.set(key, await this.settings.port.values(fix.table, fix.column));
    }
    const elements = fixes.map((fix) => ({ fix, elements: fixElements(fix, this.context) }));
    const targets: string[] = [];
    const risk: { id: string; weight: number }[] = [];
    const untouched: string[] = [];
    const keys = new Map<string, string>();
    const touching = new Map<string, { fix: Fix; elements: Element[] }[]>();
    for (const q of this.base.card.questions) {
      if (q.expectedError !== undefined) continue; // a broken benchmark is never asked
      const view = this.views.get(q.id)!;
      const hits = elements
        .map((e) => ({ fix: e.fix, elements: e.elements.filter((el) => el.touches(view)) }))
        .filter((e) => e.elements.length > 0);
      const ids = hits.flatMap((h) => h.elements.map((el) => `${fixKey(h.fix)}#${el.id}`));
      keys.set(
        q.id,
        hash(
          ids
            .map((id) => id.slice(id.indexOf('#') + 1))
            .sort()
            .join('\n'),
        ),
      );
      if (hits.length > 0) touching.set(q.id, hits);
      const touched = hits.length > 0;
      if (!touched && !this.watch.has(q.id)) {
        if (q.passed) untouched.push(q.id);
        continue;
      }
      if (!touched && !q.passed) continue; // a watched failing question can only rise
      // A term about a table this question does not read may pull it in: the likeliest regression.
      const foreign = hits.reduce((n, h) => n + h.elements.filter((e) => isForeign(e, view)).length, 0);
      const weight = ids.length + 10 * foreign + (this.watch.has(q.id) ? 1000 : 0);
      if (q.errored || q.passed) risk.push({ id: q.id, weight });
      else if (q.split === 'train') targets.push(q.id);
    }
    // Riskiest first (touched by the most parts), so a regression shows after few asks.
    risk.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
    const size = this.settings.canary ?? Math.max(2, Math.ceil(0.02 * this.askable));
    const seed = `${this.settings.seed ?? 0}|${this.label}|${this.planned}`;
    const canary = untouched
      .map((id) => ({ id, rank: hash(`${seed}|${id}`) }))
      .sort((a, b) => a.rank.localeCompare(b.rank))
      .slice(0, size)
      .map((c) => c.id);
    return { targets, risk: risk.map((r) => r.id), canary, keys, touching };
  }
}
