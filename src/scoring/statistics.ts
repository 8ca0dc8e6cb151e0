/**
 * Small exact statistics for scores under Genie's nondeterminism: Wilson intervals, binomial
 * and hypergeometric laws, the sign test, and discrete distributions that can be convolved
 * exactly. Pure and dependency-free, so each function is tested against values computed
 * independently (brute-force sums) or published tables.
 */

export interface Interval {
  low: number;
  high: number;
}

const logFactorials: number[] = [0];

/** ln(n!) from a growing table: exact sums of logs, no Stirling error for the small n we meet. */
export function logFactorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`logFactorial needs a whole number >= 0, got ${n}`);
  for (let i = logFactorials.length; i <= n; i++) logFactorials[i] = logFactorials[i - 1] + Math.log(i);
  return logFactorials[n];
}

export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p <= 0) return k === 0 ? 1 : 0;
  if (p >= 1) return k === n ? 1 : 0;
  return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** P(X >= k) for X ~ Binomial(n, p), summed exactly over the tail. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  let sum = 0;
  for (let i = Math.max(0, Math.ceil(k)); i <= n; i++) sum += binomialPmf(i, n, p);
  return Math.min(1, sum);
}

/**
 * One-sided exact sign test (McNemar's exact test on discordant pairs): the probability, when
 * each discordant pair is a fair coin, of at least `worse` of the `worse + better` pairs going
 * the observed way.
 */
export function signTest(worse: number, better: number): number {
  return binomialUpperTail(worse, worse + better, 0.5);
}

/** P(X = k) for X ~ Hypergeometric: `draws` taken from `population` items of which `successes` are marked. */
export function hypergeometricPmf(k: number, population: number, successes: number, draws: number): number {
  if (k < 0 || k > draws || k > successes || draws - k > population - successes) return 0;
  return Math.exp(
    logChoose(successes, k) + logChoose(population - successes, draws - k) - logChoose(population, draws),
  );
}

/**
 * Standard normal quantile (Acklam's rational approximation refined by one Halley step:
 * relative error below 1e-12 over (0, 1)).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normalQuantile needs 0 <= p <= 1, got ${p}`);
  }
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Standard normal CDF via erfc (W. J. Cody's rational approximations, ~1e-15). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

function erfc(x: number): number {
  // The Taylor series of erf for small |x| and a continued fraction for the tail: both reach
  // double precision where they are used, which the quantile's refinement step relies on.
  const z = Math.abs(x);
  let result: number;
  if (z < 2.5) {
    let term = z;
    let sum = z;
    const z2 = z * z;
    for (let n = 1; n < 200; n++) {
      term *= -z2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    result = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // Lentz's continued fraction for erfc, fast for z >= 2.5.
    const tiny = 1e-300;
    let f = z;
    let C = z;
    let D = 0;
    for (let n = 1; n < 300; n++) {
      const an = n / 2;
      D = z + an * D;
      D = D === 0 ? tiny : 1 / D;
      C = z + an / C;
      if (C === 0) C = tiny;
      const delta = C * D;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    result = Math.exp(-z * z) / (f * Math.sqrt(Math.PI));
  }
  return x >= 0 ? result : 2 - result;
}

/** Wilson score interval for `successes` of `trials` at a two-sided `confidence` (default 0.95). */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): Interval {
  if (trials <= 0) return { low: 0, high: 1 };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // The bounds of 0/n and n/n are exactly 0 and 1; elsewhere clamp float dust.
  return {
    low: successes <= 0 ? 0 : Math.max(0, centre - half),
    high: successes >= trials ? 1 : Math.min(1, centre + half),
  };
}

/** A discrete distribution over whole numbers: value -> probability. */
export type Distribution = Map<number, number>;

export function pointMass(value: number): Distribution {
  return new Map([[value, 1]]);
}

/** The distribution of the sum of two independent variables. */
export function convolve(a: Distribution, b: Distribution): Distribution {
  const out: Distribution = new Map();
  for (const [x, px] of a) {
    if (px === 0) continue;
    for (const [y, py] of b) {
      if (py === 0) continue;
      out.set(x + y, (out.get(x + y) ?? 0) + px * py);
    }
  }
  return out;
}

/** P(X <= x) and P(X >= x), each clamped to [0, 1]. */
export function tails(dist: Distribution, x: number): { lower: number; upper: number } {
  let lower = 0;
  let upper = 0;
  for (const [v, p] of dist) {
    if (v <= x) lower += p;
    if (v >= x) upper += p;
  }
  return { lower: Math.min(1, lower), upper: Math.min(1, upper) };
}

export function mean(dist: Distribution): number {
  let m = 0;
  for (const [v, p] of dist) m += v * p;
  return m;
}

export function variance(dist: Distribution): number {
  const m = mean(dist);
  let s = 0;
  for (const [v, p] of dist) s += p * (v - m) * (v - m);
  return s;
}

export function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

export function lcm(a: number, b: number): number {
  return a === 0 || b === 0 ? Math.max(a, b) : Math.abs(a * b) / gcd(a, b);
}
