import { createRequire as __bundleCreateRequire } from 'node:module';
import { fileURLToPath as __bundleFileURLToPath } from 'node:url';
import { dirname as __bundleDirname } from 'node:path';
const require = __bundleCreateRequire(import.meta.url);
const __filename = __bundleFileURLToPath(import.meta.url);
const __dirname = __bundleDirname(__filename);
import {
  askOutcomes,
  convolve,
  hypergeometricPmf,
  isComparable,
  lcm,
  normalQuantile,
  pointMass,
  tails,
  variance
} from "./chunk-QWGNB65Z.js";

// src/scoring/paired-test.ts
function hypergeometricLaw(population, successes, draws) {
  const law = /* @__PURE__ */ new Map();
  for (let k = 0; k <= draws; k++) {
    const p = hypergeometricPmf(k, population, successes, draws);
    if (p > 0) law.set(k, p);
  }
  return law;
}
var count = (asks) => asks.reduce((n, a) => n + (a ? 1 : 0), 0);
function questionLaw(q, screening) {
  const nH = q.head.length;
  const nB = q.base.length;
  const kH = count(q.head);
  const passes = kH + count(q.base);
  const asks = { head: nH, base: nB };
  const adaptive = screening !== void 0 && nH >= screening && nB >= screening && (nH > screening || nB > screening);
  if (adaptive) {
    const s = screening;
    const k0 = count(q.head.slice(0, s)) + count(q.base.slice(0, s));
    const first = hypergeometricLaw(2 * s, k0, s);
    const rest = hypergeometricLaw(nH + nB - 2 * s, passes - k0, nH - s);
    return { law: convolve(first, rest), observed: kH, asks, passes };
  }
  return { law: hypergeometricLaw(nH + nB, passes, nH), observed: kH, asks, passes };
}
function pairedTest(outcomes, options = {}) {
  const confidence = options.confidence ?? 0.95;
  const paired = outcomes.filter((q) => q.head.length > 0 && q.base.length > 0);
  const laws = paired.map((q) => ({ id: q.id, ...questionLaw(q, options.screeningAsks) }));
  const rate2 = (k, n2) => k / n2;
  const discordant = laws.filter((l) => rate2(l.observed, l.asks.head) !== rate2(l.passes - l.observed, l.asks.base)).map((l) => l.id);
  const informative = laws.filter((l) => l.law.size > 1);
  const scale = informative.reduce((m, l) => lcm(lcm(m, l.asks.head), l.asks.base), 1);
  const valueOf = (l, x) => x * (scale / l.asks.head) - (l.passes - x) * (scale / l.asks.base);
  let total = pointMass(0);
  let observed = 0;
  for (const l of informative) {
    const shifted = /* @__PURE__ */ new Map();
    for (const [x, p] of l.law) shifted.set(valueOf(l, x), p);
    total = convolve(total, shifted);
    observed += valueOf(l, l.observed);
  }
  const { lower, upper } = tails(total, observed);
  const sumOfDifferences = laws.reduce(
    (sum, l) => sum + l.observed / l.asks.head - (l.passes - l.observed) / l.asks.base,
    0
  );
  const n = Math.max(1, paired.length);
  const estimate = sumOfDifferences / n;
  const half = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(variance(total)) / (scale * n);
  return {
    questions: paired.length,
    estimate,
    interval: { low: Math.max(-1, estimate - half), high: Math.min(1, estimate + half) },
    confidence,
    pWorse: lower,
    pBetter: upper,
    discordant
  };
}

// src/scoring/adaptive-repeats.ts
var DEFAULT_CONFIDENCE = 0.95;
var DEFAULT_MAX_REPEATS = 3;
var INTERIM_ALPHA = 1e-3;
var FUTILITY_P = 0.5;
function sequentialBounds(confidence, maxRepeats) {
  const alpha = 1 - confidence;
  const interim = Math.min(INTERIM_ALPHA, alpha / 10);
  return { interim, final: alpha - interim * Math.max(0, maxRepeats) };
}
var rate = (asks) => asks.filter(Boolean).length / asks.length;
var mixed = (asks) => asks.some(Boolean) && !asks.every(Boolean);
function assessLook(outcomes, plan, look) {
  const confidence = plan.confidence ?? DEFAULT_CONFIDENCE;
  const maxRepeats = plan.maxRepeats ?? DEFAULT_MAX_REPEATS;
  const screening = plan.screeningAsks ?? 1;
  const looks = maxRepeats + 1;
  const bounds = sequentialBounds(confidence, maxRepeats);
  const last = look >= looks;
  const bound = last ? bounds.final : bounds.interim;
  const test = pairedTest(outcomes, { confidence: 1 - 2 * bound, screeningAsks: screening });
  const worse = plan.direction === "worse";
  const p = worse ? test.pWorse : test.pBetter;
  const effect = worse ? -test.estimate : test.estimate;
  const significant = p <= bound * (1 + 1e-9) && effect > plan.tolerance + 1e-9;
  const open = outcomes.filter(
    (q) => q.head.length > 0 && q.base.length > 0 && Math.max(q.head.length, q.base.length) < screening + maxRepeats && (rate(q.head) !== rate(q.base) || mixed(q.head) || mixed(q.base))
  );
  let stop;
  if (last) stop = "last-look";
  else if (significant) stop = "significant";
  else if (open.length === 0) stop = "settled";
  else if (p > FUTILITY_P) stop = "futile";
  return { test, p, effect, look, looks, bound, significant, stop, reask: stop ? [] : open.map((q) => q.id) };
}
function pairOutcomes(head, base, include = () => true) {
  const before = new Map(base.questions.map((q) => [q.id, q]));
  const out = [];
  for (const h of head.questions) {
    const b = before.get(h.id);
    if (!b || b.question !== h.question || b.expectedSql !== h.expectedSql) continue;
    if (!isComparable(h) || !isComparable(b) || !include(h)) continue;
    out.push({ id: h.id, head: askOutcomes(h), base: askOutcomes(b) });
  }
  return out;
}
async function runAdaptiveRepeats(plan, sides, log = () => {
}) {
  let reasked = 0;
  for (let look = 1; ; look++) {
    const current = assessLook(sides.outcomes(), plan, look);
    if (current.stop) return { ...current, rounds: look - 1, reasked };
    log(
      `re-asking ${current.reask.length} question(s) that disagree on each side (round ${look} of ${current.looks - 1}; one-sided p = ${current.p.toPrecision(2)})`
    );
    await sides.reask(current.reask);
    reasked += current.reask.length;
  }
}
async function compareWithRepeats(plan, head, base, options = {}) {
  let [h, b] = [head.card, base.card];
  const comparison = await runAdaptiveRepeats(
    plan,
    {
      outcomes: () => pairOutcomes(h, b, options.include),
      // One side after the other: each run has its own rate limiter, and a workspace's limit is shared.
      reask: async (ids) => {
        h = await head.reasker.reask(h, ids);
        b = await base.reasker.reask(b, ids);
      }
    },
    options.log
  );
  return { head: h, base: b, comparison };
}

export {
  DEFAULT_CONFIDENCE,
  DEFAULT_MAX_REPEATS,
  assessLook,
  pairOutcomes,
  compareWithRepeats
};
