import { groupSummaries, type SummaryGroups } from './aggregate.ts';
import { fitLogParameters, type LogFit } from './optimize.ts';
import { hyp2f1, lgamma, lnRising, logBeta, logIntegrateUnit, risingDigamma } from './special-functions.ts';
import type { CustomerSummary } from './summary.ts';

// BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"). While
// alive a customer buys at Poisson rate λ ~ Gamma(r, α); after each repeat purchase they
// drop out with probability p ~ Beta(a, b).
//
// The likelihood is lifetimes' (and the paper's equation 6), rewritten so that the r ln α
// − (r + x) ln(α + T) pair becomes −r log1p(T/α) − x ln(α + T): the same number, but it
// stays exact as r and α run off together (a Poisson population).

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A customer's calibration history. */
export interface History {
  x: number;
  tx: number;
  T: number;
}

export interface ModelFit<P> {
  params: P;
  log_likelihood: number;
  std_errors: { [K in keyof P]: number | null };
  /** parameters that ran to the edge of the search box (the model's limiting case) */
  on_boundary: { [K in keyof P]: boolean };
  /** customers in the fit (total weight) */
  customers: number;
  /** distinct summaries the likelihood was evaluated on */
  groups: number;
  converged: boolean;
  iterations: number;
  fit_ms: number;
}

/** A model's fit record from the optimiser's result, the groups it ran on and when it began (performance.now()). */
export function modelFit<K extends string>(fit: LogFit<K>, groups: { customers: number; size: number }, started: number): ModelFit<Record<K, number>> {
  return {
    params: fit.params,
    log_likelihood: -fit.negLogLikelihood,
    std_errors: fit.std_errors,
    on_boundary: fit.on_boundary,
    customers: groups.customers,
    groups: groups.size,
    converged: fit.converged,
    iterations: fit.iterations,
    fit_ms: Math.round(performance.now() - started),
  };
}

/** One customer's log-likelihood, as in lifetimes' BetaGeoFitter. */
export function bgnbdLogLikelihood({ params, customer }: { params: BgNbdParams; customer: History }): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  const head = lnRising(r, x) + lnRising(b, x) - lnRising(a + b, x);
  const a3 = -r * Math.log1p(T / alpha) - x * Math.log(alpha + T);
  if (x === 0) return head + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - r * Math.log1p(tx / alpha) - x * Math.log(alpha + tx);
  return head + Math.max(a3, a4) + Math.log1p(Math.exp(-Math.abs(a3 - a4)));
}

// Negative total log-likelihood over the groups with its analytic gradient. Logs of
// α + t are taken once per distinct time, gamma-function terms once per distinct x; the
// loop over groups is then one exp and one log1p.
function objective(groups: SummaryGroups) {
  const { size, x, weight, xIndex, txIndex, TIndex, xValues, xWeight, times } = groups;
  const nt = times.length;
  const nx = xValues.length;
  const lp = new Float64Array(nt);
  const ln = new Float64Array(nt);
  const dlp = new Float64Array(nt);
  const inv = new Float64Array(nt);
  const logB = new Float64Array(nx);
  const invB = new Float64Array(nx);
  return (theta: readonly number[], gradient?: number[]): number => {
    const [r, alpha, a, b] = theta;
    for (let k = 0; k < nt; k++) {
      const t = times[k];
      lp[k] = Math.log1p(t / alpha);
      ln[k] = Math.log(alpha + t);
      dlp[k] = t / (alpha * (alpha + t));
      inv[k] = 1 / (alpha + t);
    }
    let ll = 0;
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    const logA = Math.log(a);
    for (let j = 0; j < nx; j++) {
      const X = xValues[j];
      const w = xWeight[j];
      ll += w * (lnRising(r, X) + lnRising(b, X) - lnRising(a + b, X));
      logB[j] = X > 0 ? logA - Math.log(b + X - 1) : -Infinity;
      invB[j] = X > 0 ? 1 / (b + X - 1) : 0;
      if (gradient) {
        const dab = risingDigamma(a + b, X);
        gr += w * risingDigamma(r, X);
        ga -= w * dab;
        gb += w * (risingDigamma(b, X) - dab);
      }
    }
    for (let g = 0; g < size; g++) {
      const X = x[g];
      const w = weight[g];
      const iT = TIndex[g];
      const a3 = -r * lp[iT] - X * ln[iT];
      if (X === 0) {
        ll += w * a3;
        if (gradient) {
          gr -= w * lp[iT];
          gAlpha += w * (r * dlp[iT] - X * inv[iT]);
        }
        continue;
      }
      const iTx = txIndex[g];
      const a4 = logB[xIndex[g]] - r * lp[iTx] - X * ln[iTx];
      const d = a4 - a3;
      const e = Math.exp(-Math.abs(d));
      ll += w * (Math.max(a3, a4) + Math.log1p(e));
      if (gradient) {
        const w4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
        const w3 = 1 - w4;
        gr -= w * (w3 * lp[iT] + w4 * lp[iTx]);
        gAlpha += w * (w3 * (r * dlp[iT] - X * inv[iT]) + w4 * (r * dlp[iTx] - X * inv[iTx]));
        ga += (w * w4) / a;
        gb -= w * w4 * invB[xIndex[g]];
      }
    }
    if (gradient) {
      gradient[0] = -gr;
      gradient[1] = -gAlpha;
      gradient[2] = -ga;
      gradient[3] = -gb;
    }
    return Number.isFinite(ll) ? -ll : Number.POSITIVE_INFINITY;
  };
}

/** Total log-likelihood of many customers (identical summaries evaluated once). */
export function bgnbdTotalLogLikelihood({ params, summaries }: { params: BgNbdParams; summaries: readonly CustomerSummary[] }): number {
  return -objective(groupSummaries(summaries))([params.r, params.alpha, params.a, params.b]);
}

/** Maximum-likelihood BG/NBD fit, from several starting points (the best is kept). */
export function fitBgNbd(summaries: readonly CustomerSummary[] | SummaryGroups): ModelFit<BgNbdParams> {
  const started = performance.now();
  const groups = 'size' in summaries ? summaries : groupSummaries(summaries);
  if (groups.customers === 0) throw new RangeError('No customers to fit');
  const f = objective(groups);
  const meanT = Math.max(groups.meanT, 1e-9);
  // Starting points around the observed rate, so that days, weeks and months all start
  // near their own optimum; lifetimes starts at all ones.
  const rate = Math.max(groups.purchaseRate, 0.1 / meanT);
  const fit = fitLogParameters({
    names: ['r', 'alpha', 'a', 'b'] as const,
    scales: [1, meanT, 1, 1],
    starts: [[1, 1 / rate, 1, 1], [0.25, 0.25 / rate, 0.8, 2.5], [2, 2 / rate, 0.3, 5]],
    negLogLikelihood: (theta) => f(theta),
    gradient: (theta, g) => f(theta, g),
  });
  return modelFit(fit, groups, started);
}

export function bgnbdProbabilityAlive({ params, customer }: { params: BgNbdParams; customer: History }): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  if (x === 0) return 1;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

// Expected purchases in (T, T + t] of a customer alive at T after x repeat purchases:
// their posterior is λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x), and each (λ, p)
// expects (1 − e^{−λpt}) / p. The closed form (FHL 2005 eq. 10) has a 2F1 that
// converges slowly for long horizons and a 1/(a − 1) that cancels near a = 1; there the
// same expectation is integrated over p (tanh-sinh handles p^(a−1) at 0).
function expectedIfAlive({ params, x, T, t }: { params: BgNbdParams; x: number; T: number; t: number }): number {
  const { r, alpha, a, b } = params;
  if (t <= 0) return 0;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  if (Math.abs(a - 1) > 1e-4 && c > 0 && z < 0.95) {
    const F = hyp2f1({ a: r + x, b: b + x, c, z, maxTerms: 2000 });
    if (F > 0 && Number.isFinite(F)) {
      const value = (c / (a - 1)) * -Math.expm1(Math.log(F) - (r + x) * Math.log1p(t / (alpha + T)));
      if (Number.isFinite(value) && value >= 0) return value;
    }
  }
  const scale = t / (alpha + T);
  const k = r + x;
  const norm = logBeta(a, b + x);
  // ln of (1 − (1 + p·scale)^−k) / p, what a customer alive with dropout p expects once λ
  // is integrated out; its small-p limit is k·scale.
  const lnExpected = (lnP: number) => {
    const ps = Math.exp(lnP) * scale;
    return ps < 1e-9 ? Math.log(k * scale) + Math.log1p(-0.5 * (k + 1) * ps) : Math.log(-Math.expm1(-k * Math.log1p(ps))) - lnP;
  };
  if (a >= SMALL_A) return Math.exp(logIntegrateUnit((lnP, lnQ) => (a - 1) * lnP + (b + x - 1) * lnQ - norm + lnExpected(lnP)));
  // A small a piles the density's mass towards p = 0: a share of about e^(−1000a) lies
  // below the smallest node (p ≈ e^−1000), and with the dropout running to its boundary
  // (a ≈ 1e−7 on Online Retail) that is nearly all of it. So the expectation is taken as
  // its p → 0 limit k·scale less the expected shortfall k·scale − (1 − (1 + p·scale)^−k)/p,
  // which vanishes like p at 0 and leaves nothing below the nodes.
  const lnScale = Math.log(scale);
  const shortfall = Math.exp(logIntegrateUnit((lnP, lnQ) => (a - 2) * lnP + (b + x - 1) * lnQ - norm + lnPowerShortfall(lnP + lnScale, k)));
  return Math.max(0, k * scale - shortfall);
}

// Below this a, the expectation over p goes through its shortfall from the p → 0 limit
// (the share of mass below the nodes, e^(−1000a), is 2e−22 here).
const SMALL_A = 0.05;

// ln(k·y − 1 + (1 + y)^−k) for y = e^lnY ≥ 0, k > 0: the alternating series
// k(k+1)/2 · y² · (1 − (k+2)/3 · y + …) while k·y is small (it starts at y², which would
// underflow outside logs), the closed form otherwise.
function lnPowerShortfall(lnY: number, k: number): number {
  const y = Math.exp(lnY);
  if (k * y >= 0.1) return Math.log(k * y + Math.expm1(-k * Math.log1p(y)));
  let term = 1;
  let sum = 1;
  for (let j = 2; Math.abs(term) > 1e-17 * sum; j++) {
    term *= (-(k + j) / (j + 1)) * y;
    sum += term;
  }
  return Math.log((k * (k + 1)) / 2) + 2 * lnY + Math.log(sum);
}

/** E[X(t)]: expected repeat purchases of a new customer in (0, t]. */
export function bgnbdExpectedPurchases({ params, t }: { params: BgNbdParams; t: number }): number {
  return expectedIfAlive({ params, x: 0, T: 0, t });
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t of a customer with this history. */
export function bgnbdConditionalExpectedPurchases({ params, customer, t }: { params: BgNbdParams; customer: History; t: number }): number {
  return bgnbdProbabilityAlive({ params, customer }) * expectedIfAlive({ params, x: customer.x, T: customer.T, t });
}

/** P(X(t) = n): probability that a new customer makes n repeat purchases in (0, t] (FHL 2005 eq. 8). */
export function bgnbdProbabilityOfPurchases({ params, t, n }: { params: BgNbdParams; t: number; n: number }): number {
  const { r, alpha, a, b } = params;
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  if (t <= 0) return n === 0 ? 1 : 0;
  const lnStay = -r * Math.log1p(t / alpha);
  const lnQ = Math.log(t / (alpha + t));
  const lnB = logBeta(a, b);
  const first = Math.exp(logBeta(a, b + n) - lnB + lnRising(r, n) - lgamma(n + 1) + lnStay + n * lnQ);
  if (n === 0) return first;
  // 1 − Σ_{j<n} NB(j; r, q): the upper tail of a negative binomial, summed from
  // whichever side avoids cancellation.
  const q = t / (alpha + t);
  let term = Math.exp(lnStay);
  let below = 0;
  for (let j = 0; j < n; j++) {
    below += term;
    term *= ((r + j) / (j + 1)) * q;
  }
  let tail = 1 - below;
  if (below > 0.5) {
    tail = 0;
    for (let j = n; j < n + 1_000_000; j++) {
      tail += term;
      term *= ((r + j) / (j + 1)) * q;
      if (term < 1e-17 * tail && (r + j) * q < j + 1) break;
    }
  }
  return first + Math.exp(logBeta(a + 1, b + n - 1) - lnB) * tail;
}
