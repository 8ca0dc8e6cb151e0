/**
 * Post-deploy verification's verdict (pure): the live space's answers against the score the
 * merged config earned before the merge. The rule is the PR gate's (score-gate.ts): a drop
 * counts only when it is significant *and* beyond max-regression; errored questions never count
 * (scores are over answered questions), and past max-errored the verdict is inconclusive, which
 * never rolls back. With a stored scorecard as the baseline the comparison is the paired
 * per-question test with adaptive re-asks of the live side; with only a published score (a
 * commit status), it is an exact one-sided binomial test of the live passes against that rate.
 */
import { inconclusiveVerdict, nameIds } from './errored-gate.js';
import { decideGate, formatP, signedPoints, type GateResult } from './score-gate.js';
import { isComparable, type QuestionScore, type Scorecard } from './scorecard.js';
import { binomialUpperTail } from './statistics.js';
import { pct } from '../util/percent.js';

/** What the live score is compared with. */
export type Baseline =
  /** A scorecard of the merged config (the PR score check's stored card): per question. */
  | { kind: 'scorecard'; source: string; card: Scorecard }
  /** Only published scores (a commit status on the merged PR head), as fractions. */
  | { kind: 'score'; source: string; all?: number; train?: number; holdout?: number }
  | { kind: 'none'; source: string };

export type VerifyVerdict = 'verified' | 'regression' | 'inconclusive' | 'no-baseline';

export interface LiveVerdict {
  verdict: VerifyVerdict;
  /** Passed / answered on the live space over the compared questions. */
  liveScore: number;
  /** The baseline's score over the same questions; undefined without a baseline. */
  expectedScore?: number;
  /** Questions that passed in the baseline and fail on the live space (scorecard baselines). */
  regressed: string[];
  /** One sentence for the log, the summary and the rollback PR. */
  summary: string;
  /** The paired gate's result, with a scorecard baseline. */
  gate?: GateResult;
}

export interface VerdictSettings {
  maxRegression: number;
  confidence: number;
  maxErrored: number;
}

function answeredScore(questions: readonly QuestionScore[]): { passed: number; answered: number; score: number } {
  const answered = questions.filter(isComparable);
  const passed = answered.filter((q) => q.passed).length;
  return { passed, answered: answered.length, score: answered.length ? passed / answered.length : 0 };
}

/** Errors beyond max-errored on the live side: no verdict (never a rollback). */
function inconclusiveOf(live: Scorecard, settings: VerdictSettings): LiveVerdict | undefined {
  const unsure = inconclusiveVerdict([{ label: 'the live space', card: live }], settings.maxErrored);
  if (!unsure) return undefined;
  return {
    verdict: 'inconclusive',
    liveScore: live.totals.all.score,
    regressed: [],
    summary: `Inconclusive: ${unsure.message.replace(/^inconclusive: /, '')}.`,
  };
}

/** The verdict against a scorecard baseline, given the adaptive comparison's last look. */
export function judgeAgainstCard(
  live: Scorecard,
  baseline: Scorecard,
  comparison: GateResult['comparison'],
  settings: VerdictSettings,
): LiveVerdict {
  const unsure = inconclusiveOf(live, settings);
  if (unsure) return unsure;
  const base = new Map(baseline.questions.map((q) => [q.id, q]));
  const both = live.questions.filter((q) => {
    const b = base.get(q.id);
    return b !== undefined && isComparable(b) && isComparable(q);
  });
  const liveSide = answeredScore(both);
  const baseSide = answeredScore(both.map((q) => base.get(q.id)!));
  const regressed = both.filter((q) => !q.passed && base.get(q.id)!.passed).map((q) => q.id);
  const gate = decideGate({
    head: live,
    base: baseline,
    comparison,
    settings: { maxRegression: settings.maxRegression, confidence: settings.confidence },
  });
  const scores = `live ${pct(liveSide.score)} vs expected ${pct(baseSide.score)} on ${both.length} question(s)`;
  const failedNames = regressed.length ? `; regressed: ${nameIds(regressed)}` : '';
  if (gate.verdict === 'regression')
    return {
      verdict: 'regression',
      liveScore: liveSide.score,
      expectedScore: baseSide.score,
      regressed,
      gate,
      summary: `The live space regressed: ${scores} (${gate.summary.replace(/^Regression: /, '').replace(/\.$/, '')})${failedNames}.`,
    };
  return {
    verdict: 'verified',
    liveScore: liveSide.score,
    expectedScore: baseSide.score,
    regressed,
    gate,
    summary: `Verified: ${scores}; ${gate.summary.charAt(0).toLowerCase()}${gate.summary.slice(1)}${failedNames}`,
  };
}

/**
 * The verdict against published scores only: the expected rate over the asked questions (each
 * question at its split's published score) and an exact binomial test of the live passes.
 */
export function judgeAgainstScore(
  live: Scorecard,
  baseline: Extract<Baseline, { kind: 'score' }>,
  settings: VerdictSettings,
): LiveVerdict {
  const unsure = inconclusiveOf(live, settings);
  if (unsure) return unsure;
  const asked = live.questions.filter(isComparable);
  const rateOf = (q: QuestionScore) =>
    (q.split === 'holdout' ? baseline.holdout : baseline.train) ?? baseline.all ?? baseline.train ?? 0;
  const n = asked.length;
  const expected = n ? asked.reduce((sum, q) => sum + rateOf(q), 0) / n : 0;
  const passed = asked.filter((q) => q.passed).length;
  const liveScore = n ? passed / n : 0;
  // P(X <= passed) for X ~ Binomial(n, expected): the chance of so few passes if nothing dropped.
  const p = n ? binomialUpperTail(n - passed, n, 1 - expected) : 1;
  const drop = expected - liveScore;
  const significant = p <= 1 - settings.confidence + 1e-12 && drop > settings.maxRegression + 1e-9;
  const scores = `live ${pct(liveScore)} (${passed}/${n}) vs expected ${pct(expected)} from ${baseline.source}`;
  const test = `${signedPoints(-drop)}, one-sided exact binomial ${formatP(p)}, max-regression ${pct(settings.maxRegression)}`;
  return {
    verdict: significant ? 'regression' : 'verified',
    liveScore,
    expectedScore: expected,
    regressed: [],
    summary: significant
      ? `The live space regressed: ${scores} (${test}).`
      : `Verified: ${scores} (${test}): no significant drop beyond max-regression.`,
  };
}

/** Without a baseline there is nothing to compare: the live score is reported, never rolled back. */
export function noBaseline(live: Scorecard, settings: VerdictSettings, why: string): LiveVerdict {
  const unsure = inconclusiveOf(live, settings);
  if (unsure) return unsure;
  return {
    verdict: 'no-baseline',
    liveScore: live.totals.all.score,
    regressed: [],
    summary: `No baseline: ${why}; the live space scored ${pct(live.totals.all.score)} (${live.totals.all.passed}/${live.totals.all.answered} answered), nothing to compare it with.`,
  };
}
