// Special functions and quadrature for the customer-base models, in double precision.
// Everything that can overflow is kept in log space: the likelihoods multiply powers of
// (α + T) with exponents in the hundreds for frequent buyers.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export function lgamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  if (x >= 15) {
    // Stirling's series; at x ≥ 15 the next term is below 1e-16.
    const inv = 1 / x;
    const inv2 = inv * inv;
    const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
  }
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ψ(x) = d ln Γ(x) / dx for x > 0. */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  return shift + Math.log(x) - 0.5 / x - inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
}

export function logBeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

// Frequencies are small integers, so Γ(a + n) / Γ(a) is usually a short product: exact
// where the difference of two large lgamma values would lose digits (a → ∞ boundaries).
const SHORT_PRODUCT = 64;

/** ln Γ(a + n) − ln Γ(a). */
export function lnRising(a: number, n: number): number {
  if (n === 0) return 0;
  if (Number.isInteger(n) && n > 0 && n <= SHORT_PRODUCT) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += Math.log(a + j);
    return sum;
  }
  return lgamma(a + n) - lgamma(a);
}

/** ψ(a + n) − ψ(a), the derivative of lnRising in a. */
export function risingDigamma(a: number, n: number): number {
  if (n === 0) return 0;
  if (Number.isInteger(n) && n > 0 && n <= SHORT_PRODUCT) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += 1 / (a + j);
    return sum;
  }
  return digamma(a + n) - digamma(a);
}

/** ln(e^a + e^b). */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln Σ e^v. */
export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  if (!Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i] - max);
  return max + Math.log(sum);
}

/** ln(1 − e^d) for d ≤ 0, accurate at both ends (Mächler's log1mexp). */
export function log1mexp(d: number): number {
  if (d >= 0) return -Infinity;
  return d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d));
}

/**
 * Gauss's 2F1(a, b; c; z) by its power series, for |z| < 1. Returns NaN rather than a
 * wrong number when the series has not converged within `maxTerms`, so callers can
 * switch to a quadrature (z near 1 is where the customer-base models hit their
 * boundaries).
 */
export function hyp2f1({ a, b, c, z, maxTerms = 20_000 }: { a: number; b: number; c: number; z: number; maxTerms?: number }): number {
  if (z === 0) return 1;
  if (!(Math.abs(z) < 1) || (c <= 0 && Number.isInteger(c))) return Number.NaN;
  const tailFactor = 1 / (1 - Math.abs(z));
  let term = 1;
  let sum = 1;
  for (let k = 0; k < maxTerms; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    if (term === 0) return sum;
    // Past the largest parameter the term ratio settles to about z, so the tail is
    // bounded by a geometric series.
    if (k > Math.abs(a) + Math.abs(b) + Math.abs(c) && Math.abs(term) * tailFactor <= 1e-16 * Math.abs(sum)) return sum;
  }
  return Number.NaN;
}

// Tanh-sinh (double-exponential) nodes on (0, 1), kept as logs so that integrands with
// endpoint singularities such as p^(a−1) (1−p)^(b−1) are integrated to full precision
// even when a or b is tiny: the nodes crowd the ends down to p ≈ e^-1000.
const TANH_SINH_STEP = 1 / 16;
const TANH_SINH_NODES = (() => {
  const lnP: number[] = [];
  const lnQ: number[] = [];
  const lnW: number[] = [];
  for (let k = -104; k <= 104; k++) {
    const t = k * TANH_SINH_STEP;
    const u = Math.PI * Math.sinh(t);
    const lp = -(u > 0 ? Math.log1p(Math.exp(-u)) : -u + Math.log1p(Math.exp(u)));
    const lq = lp - u;
    lnP.push(lp);
    lnQ.push(lq);
    lnW.push(Math.log(TANH_SINH_STEP * Math.PI * Math.cosh(t)) + lp + lq);
  }
  return { lnP, lnQ, lnW };
})();

/**
 * ln ∫₀¹ e^{logf(p)} dp, where logf receives ln p and ln(1 − p) (precise near both ends)
 * and returns the log of the integrand.
 */
export function logIntegrateUnit(logf: (lnP: number, lnQ: number) => number): number {
  const { lnP, lnQ, lnW } = TANH_SINH_NODES;
  const terms = new Float64Array(lnP.length);
  for (let i = 0; i < lnP.length; i++) {
    const v = logf(lnP[i], lnQ[i]);
    terms[i] = Number.isNaN(v) ? -Infinity : lnW[i] + v;
  }
  return logSumExp(terms);
}

// Gauss–Kronrod 7/15 abscissae and weights on [−1, 1] (QUADPACK's qk15).
const GK_X = [0.991455371120812639, 0.949107912342758525, 0.864864423359769073, 0.741531185599394440, 0.586087235467691130, 0.405845151377397167, 0.207784955007898468, 0];
const GK_W = [0.022935322010529225, 0.063092092629978553, 0.104790010322250184, 0.140653259715525919, 0.169004726639267903, 0.190350578064785410, 0.204432940075298892, 0.209482141084727828];
const G_W = [0.129484966168869693, 0.279705391489276668, 0.381830050505118945, 0.417959183673469388];

interface Panel {
  from: number;
  to: number;
  value: number;
  error: number;
  /** the 15 node log-values, for a second pass over the same nodes */
  logs: Float64Array;
}

interface AdaptiveOptions {
  logf: (v: number) => number;
  from: number;
  to: number;
  relTol?: number;
  maxPanels?: number;
}

// Node i of a panel: pairs ∓x_k for i = 2k, 2k + 1, the midpoint for i = 14.
const nodeOffset = (i: number) => (i === 14 ? 0 : (i % 2 ? 1 : -1) * GK_X[i >> 1]);
const nodeWeight = (i: number) => GK_W[i === 14 ? 7 : i >> 1];

// Globally adaptive Gauss–Kronrod 7/15 in scaled (log-shifted) values. A class rather
// than closures: this runs once per customer group in some likelihoods.
class Kronrod {
  shift = -Infinity;
  readonly panels: Panel[] = [];
  constructor(private readonly logf: (v: number) => number) {}

  panel(a: number, b: number): Panel {
    const mid = 0.5 * (a + b);
    const half = 0.5 * (b - a);
    const logs = new Float64Array(15);
    let localMax = -Infinity;
    for (let i = 0; i < 15; i++) {
      logs[i] = this.logf(mid + half * nodeOffset(i));
      if (logs[i] > localMax) localMax = logs[i];
    }
    if (localMax > this.shift + 600 || this.shift === -Infinity) this.rescale(localMax);
    if (this.shift === -Infinity) return { from: a, to: b, value: 0, error: 0, logs };
    let kronrod = 0;
    let gauss = 0;
    for (let i = 0; i < 15; i++) {
      const v = Math.exp(logs[i] - this.shift);
      kronrod += nodeWeight(i) * v;
      if (i === 14) gauss += G_W[3] * v;
      else if ((i >> 1) % 2 === 1) gauss += G_W[i >> 2] * v;
    }
    return { from: a, to: b, value: kronrod * half, error: Math.abs(kronrod - gauss) * half, logs };
  }

  rescale(next: number): void {
    if (!Number.isFinite(next)) return;
    if (this.shift !== -Infinity) {
      const factor = Math.exp(this.shift - next);
      for (const p of this.panels) {
        p.value *= factor;
        p.error *= factor;
      }
    }
    this.shift = next;
  }

  run({ from, to, relTol = 1e-13, maxPanels = 200 }: AdaptiveOptions): number {
    if (!(to > from)) return -Infinity;
    this.panels.push(this.panel(from, to));
    for (;;) {
      let total = 0;
      let error = 0;
      let worst = 0;
      for (let i = 0; i < this.panels.length; i++) {
        total += this.panels[i].value;
        error += this.panels[i].error;
        if (this.panels[i].error > this.panels[worst].error) worst = i;
      }
      if (!(error > relTol * total) || this.panels.length >= maxPanels || !Number.isFinite(total)) {
        return total > 0 ? this.shift + Math.log(total) : -Infinity;
      }
      const { from: a, to: b } = this.panels[worst];
      const mid = 0.5 * (a + b);
      const left = this.panel(a, mid);
      const right = this.panel(mid, b);
      this.panels[worst] = left;
      this.panels.push(right);
    }
  }
}

/**
 * ln ∫ e^{logf(v)} dv over [from, to] by globally adaptive Gauss–Kronrod, to a relative
 * accuracy of about `relTol`. Values are scaled by the largest integrand seen, so
 * integrands around e^-5000 are fine.
 */
export function logIntegrate(options: AdaptiveOptions): number {
  return new Kronrod(options.logf).run(options);
}

/**
 * ln ∫ e^{logf} and the means of `moments` under the density ∝ e^{logf}: the derivatives
 * of ln ∫ e^{logf(v; θ)} dv in θ are the means of ∂logf/∂θ.
 */
export function logIntegrateWithMeans({ moments, size, ...options }: AdaptiveOptions & {
  size: number;
  moments: (v: number, out: Float64Array) => void;
}): { log: number; means: Float64Array } {
  const kronrod = new Kronrod(options.logf);
  const log = kronrod.run(options);
  const means = new Float64Array(size);
  if (!Number.isFinite(log)) return { log, means };
  const out = new Float64Array(size);
  let total = 0;
  for (const { from, to, logs } of kronrod.panels) {
    const mid = 0.5 * (from + to);
    const half = 0.5 * (to - from);
    for (let i = 0; i < 15; i++) {
      const w = nodeWeight(i) * half * Math.exp(logs[i] - kronrod.shift);
      if (!(w > 0)) continue;
      moments(mid + half * nodeOffset(i), out);
      total += w;
      for (let j = 0; j < size; j++) means[j] += w * out[j];
    }
  }
  for (let j = 0; j < size; j++) means[j] /= total;
  return { log, means };
}
