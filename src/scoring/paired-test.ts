/**
 * The paired comparison of two configs on the same questions, under Genie's nondeterminism.
 *
 * The benchmark is fixed: the question is whether head's expected score on *these* questions
 * differs from base's, Genie's randomness being the only chance involved. The estimate is the
 * mean per-question pass-rate difference. The test is exact and conditional: if head and base
 * behave alike on a question (the null), its asks are exchangeable between the two sides, so
 * given how many of them passed, head's share of those passes follows a hypergeometric law.
 * Questions are independent, so the law of the total difference is the exact convolution of
 * the per-question laws; a question whose asks all agree carries no evidence either way.
 * With one ask a side this is the exact sign (McNemar) test on the discordant questions.
 *
 * Adaptive repeats re-ask a question only when its screening asks disagree, a choice that
 * depends on the outcomes. So the test conditions on each block separately: the screening asks
 * given their pass count (every arrangement of a count strictly between none and all disagrees,
 * so all of them would have been re-asked and the selection leaves their law hypergeometric;
 * for one ask a side, a fair coin), and the re-asks, fresh draws, given theirs. Pooling the two
 * blocks would overstate the evidence: four asks a side, all passing on base and failing on
 * head, give p = 1/40 by blocks, against 1/70 pooled.
 */
import {
  convolve,
  hypergeometricPmf,
  lcm,
  normalQuantile,
  pointMass,
  tails,
  variance,
  type Distribution,
  type Interval,
} from './statistics.js';

export interface PairedOutcomes {
  id: string;
  /** Pass (true) or fail of each ask, in the order asked. */
  head: readonly boolean[];
  base: readonly boolean[];
}

export interface PairedTestOptions {
  /** Two-sided confidence of the interval; default 0.95. */
  confidence?: number;
  /**
   * Asks of every question on each side before any re-ask (adaptive repeats). A question asked
   * more often than this was re-asked because these asks disagreed. Undefined: a fixed design,
   * every ask planned in advance.
   */
  screeningAsks?: number;
}

export interface PairedTest {
  /** Questions compared (asked on both sides). */
  questions: number;
  /** Mean per-question pass-rate difference, head minus base (-1..1). */
  estimate: number;
  /** Normal interval around the estimate with the test's exact null variance, at `confidence`. */
  interval: Interval;
  confidence: number;
  /** One-sided exact p-value for "head is worse". */
  pWorse: number;
  /** One-sided exact p-value for "head is better". */
  pBetter: number;
  /** Questions whose pass rates differ between the sides, in input order. */
  discordant: string[];
}

interface QuestionLaw {
  /** Law of head's pass count under the null. */
  law: Distribution;
  observed: number;
  asks: { head: number; base: number };
  passes: number;
}

function hypergeometricLaw(population: number, successes: number, draws: number): Distribution {
  const law: Distribution = new Map();
  for (let k = 0; k <= draws; k++) {
    const p = hypergeometricPmf(k, population, successes, draws);
    if (p > 0) law.set(k, p);
  }
  return law;
}

const count = (asks: readonly boolean[]) => asks.reduce((n, a) => n + (a ? 1 : 0), 0);

function questionLaw(q: PairedOutcomes, screening: number | undefined): QuestionLaw {
  const nH = q.head.length;
  const nB = q.base.length;
  const kH = count(q.head);
  const passes = kH + count(q.base);
  const asks = { head: nH, base: nB };
  const adaptive = screening !== undefined && nH >= screening && nB >= screening && (nH > screening || nB > screening);
  if (adaptive) {
    const s = screening;
    const k0 = count(q.head.slice(0, s)) + count(q.base.slice(0, s));
    const first = hypergeometricLaw(2 * s, k0, s);
    const rest = hypergeometricLaw(nH + nB - 2 * s, passes - k0, nH - s);
    return { law: convolve(first, rest), observed: kH, asks, passes };
  }
  return { law: hypergeometricLaw(nH + nB, passes, nH), observed: kH, asks, passes };
}

/** Compares head and base question by question; questions missing an ask on either side are left out. */
export function pairedTest(outcomes: readonly PairedOutcomes[], options: PairedTestOptions = {}): PairedTest {
  const confidence = options.confidence ?? 0.95;
  const paired = outcomes.filter((q) => q.head.length > 0 && q.base.length > 0);
  const laws = paired.map((q) => ({ id: q.id, ...questionLaw(q, options.screeningAsks) }));
  const rate = (k: number, n: number) => k / n;
  const discordant = laws
    .filter((l) => rate(l.observed, l.asks.head) !== rate(l.passes - l.observed, l.asks.base))
    .map((l) => l.id);
  // Whole-number scale so every per-question rate difference is an integer and sums stay exact.
  const informative = laws.filter((l) => l.law.size > 1);
  const scale = informative.reduce((m, l) => lcm(lcm(m, l.asks.head), l.asks.base), 1);
  const valueOf = (l: QuestionLaw, x: number) => x * (scale / l.asks.head) - (l.passes - x) * (scale / l.asks.base);

  let total: Distribution = pointMass(0);
  let observed = 0;
  for (const l of informative) {
    const shifted: Distribution = new Map();
    for (const [x, p] of l.law) shifted.set(valueOf(l, x), p);
    total = convolve(total, shifted);
    observed += valueOf(l, l.observed);
  }
  const { lower, upper } = tails(total, observed);
  const sumOfDifferences = laws.reduce(
    (sum, l) => sum + l.observed / l.asks.head - (l.passes - l.observed) / l.asks.base,
    0,
  );
  const n = Math.max(1, paired.length);
  const estimate = sumOfDifferences / n;
  const half = (normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(variance(total))) / (scale * n);
  return {
    questions: paired.length,
    estimate,
    interval: { low: Math.max(-1, estimate - half), high: Math.min(1, estimate + half) },
    confidence,
    pWorse: lower,
    pBetter: upper,
    discordant,
  };
}
