import { groupSummaries, type SummaryGroups } from './aggregate.ts';
import { modelFit, type History, type ModelFit } from './bgnbd.ts';
import { fitLogParameters } from './optimize.ts';
import { paretoIntegrals, type ParetoNbdParams } from './pareto-integral.ts';
import { lnRising, log1mexp, logAddExp, risingDigamma } from './special-functions.ts';
import type { CustomerSummary } from './summary.ts';

// Pareto/NBD (Schmittlein, Morrison & Colombo 1987): purchases at Poisson rate
// λ ~ Gamma(r, α) while alive, an exponential lifetime with rate μ ~ Gamma(s, β). The
// likelihood of (x, t_x, T) is
//
//   Γ(r + x)/Γ(r) · [α^r β^s / ((α + T)^(r+x) (β + T)^s) + s · I]
//
// with I the integral in pareto-integral.ts (Fader & Hardie's note, as in lifetimes).
// The gradient is analytic too (the series differentiated term by term, the quadrature
// under the integral sign): numerical differences would cost the optimiser five
// likelihood evaluations per step instead of one.

export type { ParetoNbdParams };

/** One customer's log-likelihood. */
export function paretoNbdLogLikelihood({ params, customer }: { params: ParetoNbdParams; customer: History }): number {
  const { x, tx, T } = customer;
  const integrals = paretoIntegrals({ params, times: [tx, T] });
  return lnRising(params.r, x) + logAddExp(integrals.logAlive(x, 1), Math.log(params.s) + integrals.logDeath(x, { from: 0, to: 1 }));
}

// G(t) depends on (x, t) only, and summaries share few of those pairs (CDNOW's 23,570
// customers: 8,685 distinct triples but 2,705 distinct (x, t) pairs), so the series is
// summed once per pair.
function objective(groups: SummaryGroups) {
  const { size, x, weight, xIndex, txIndex, TIndex, xValues, xWeight, times } = groups;
  const pairOf = new Map<number, number>();
  const pairX: number[] = [];
  const pairT: number[] = [];
  const pair = (xi: number, ti: number) => {
    const key = xi * times.length + ti;
    let p = pairOf.get(key);
    if (p === undefined) {
      p = pairX.length;
      pairOf.set(key, p);
      pairX.push(xValues[xi]);
      pairT.push(ti);
    }
    return p;
  };
  const txPair = new Int32Array(size);
  const TPair = new Int32Array(size);
  for (let g = 0; g < size; g++) {
    txPair[g] = pair(xIndex[g], txIndex[g]);
    TPair[g] = pair(xIndex[g], TIndex[g]);
  }
  const tails = new Float64Array(pairX.length);
  const tailGradients = new Float64Array(4 * pairX.length);
  const partial = new Float64Array(4);
  const aliveGradient = new Float64Array(4);
  return (theta: readonly number[], gradient?: number[]): number => {
    const [r, alpha, s, beta] = theta;
    const withGradient = gradient !== undefined;
    const integrals = paretoIntegrals({ params: { r, alpha, s, beta }, times, withGradient });
    const dI = integrals.gradient;
    for (let p = 0; p < tails.length; p++) {
      tails[p] = integrals.logTail(pairX[p], pairT[p]);
      if (withGradient) tailGradients.set(dI, 4 * p);
    }
    let total = 0;
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    let g3 = 0;
    for (let j = 0; j < xValues.length; j++) {
      total += xWeight[j] * lnRising(r, xValues[j]);
      if (withGradient) g0 += xWeight[j] * risingDigamma(r, xValues[j]);
    }
    const logS = Math.log(s);
    for (let g = 0; g < size; g++) {
      const X = x[g];
      const w = weight[g];
      const head = tails[txPair[g]];
      const tail = tails[TPair[g]];
      const alive = integrals.logAlive(X, TIndex[g]);
      // Fast path, three transcendental calls: L = e^alive (1 + s e^(head − alive) (1 − e^(tail − head))).
      // Elsewhere (series not used, t_x ≈ T, or a death term too large for exp) the
      // same in logs.
      let ll: number;
      let wDeath: number;
      if (tail - head < -1e-3 && head - alive < 600) {
        const gap = -Math.expm1(tail - head);
        const ratio = s * Math.exp(head - alive) * gap;
        ll = alive + Math.log1p(ratio);
        wDeath = ratio / (1 + ratio);
        if (withGradient) {
          const rho = 1 - gap;
          const h = 4 * txPair[g];
          const t = 4 * TPair[g];
          for (let i = 0; i < 4; i++) partial[i] = (tailGradients[h + i] - rho * tailGradients[t + i]) / gap;
        }
      } else {
        // logDeath overwrites the integrals' gradient: logAlive's is kept aside.
        if (withGradient) aliveGradient.set(dI);
        let death: number;
        if (tail - head < -1e-3) {
          death = head + log1mexp(tail - head);
          if (withGradient) {
            const rho = Math.exp(tail - head);
            const h = 4 * txPair[g];
            const t = 4 * TPair[g];
            for (let i = 0; i < 4; i++) partial[i] = (tailGradients[h + i] - rho * tailGradients[t + i]) / (1 - rho);
          }
        } else {
          death = integrals.logDeath(X, { from: txIndex[g], to: TIndex[g] });
          if (withGradient) partial.set(dI);
        }
        if (withGradient) dI.set(aliveGradient);
        const other = logS + death;
        ll = logAddExp(alive, other);
        wDeath = other === -Infinity ? 0 : 1 / (1 + Math.exp(alive - other));
      }
      total += w * ll;
      if (withGradient) {
        // Each term's share of the likelihood weights its derivative; dI holds logAlive's.
        const wAlive = 1 - wDeath;
        g0 += w * (wAlive * dI[0] + wDeath * partial[0]);
        g1 += w * (wAlive * dI[1] + wDeath * partial[1]);
        g2 += w * (wAlive * dI[2] + wDeath * (partial[2] + 1 / s));
        g3 += w * (wAlive * dI[3] + wDeath * partial[3]);
      }
    }
    if (gradient) {
      gradient[0] = -g0;
      gradient[1] = -g1;
      gradient[2] = -g2;
      gradient[3] = -g3;
    }
    return Number.isFinite(total) ? -total : Number.POSITIVE_INFINITY;
  };
}

export function paretoNbdTotalLogLikelihood({ params, summaries }: { params: ParetoNbdParams; summaries: readonly CustomerSummary[] }): number {
  return -objective(groupSummaries(summaries))([params.r, params.alpha, params.s, params.beta]);
}

/** Maximum-likelihood Pareto/NBD fit, from several starting points (the best is kept). */
export function fitParetoNbd(summaries: readonly CustomerSummary[] | SummaryGroups): ModelFit<ParetoNbdParams> {
  const started = performance.now();
  const groups = 'size' in summaries ? summaries : groupSummaries(summaries);
  if (groups.customers === 0) throw new RangeError('No customers to fit');
  const f = objective(groups);
  const meanT = Math.max(groups.meanT, 1e-9);
  const rate = Math.max(groups.purchaseRate, 0.1 / meanT);
  const fit = fitLogParameters({
    names: ['r', 'alpha', 's', 'beta'] as const,
    scales: [1, meanT, 1, meanT],
    starts: [[1, 1 / rate, 1, meanT], [0.5, 0.5 / rate, 0.5, meanT / 2]],
    negLogLikelihood: (theta) => f(theta),
    gradient: (theta, g) => f(theta, g),
  });
  return modelFit(fit, groups, started);
}

// (1 − (1 + u)^−k) / k, and its limit log1p(u) at k = 0 (s = 1 in the expectations).
function powerGrowth(k: number, u: number): number {
  const L = Math.log1p(u);
  return Math.abs(k * L) < 1e-12 ? L : -Math.expm1(-k * L) / k;
}

/** E[X(t)]: expected repeat purchases of a new customer in (0, t]. */
export function paretoNbdExpectedPurchases({ params, t }: { params: ParetoNbdParams; t: number }): number {
  const { r, alpha, s, beta } = params;
  return ((r * beta) / alpha) * powerGrowth(s - 1, t / beta);
}

export function paretoNbdProbabilityAlive({ params, customer }: { params: ParetoNbdParams; customer: History }): number {
  const { x, tx, T } = customer;
  const integrals = paretoIntegrals({ params, times: [tx, T] });
  const alive = integrals.logAlive(x, 1);
  return Math.exp(alive - logAddExp(alive, Math.log(params.s) + integrals.logDeath(x, { from: 0, to: 1 })));
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t of a customer with this history. */
export function paretoNbdConditionalExpectedPurchases({ params, customer, t }: { params: ParetoNbdParams; customer: History; t: number }): number {
  const { r, alpha, s, beta } = params;
  const { x, T } = customer;
  const ifAlive = (((r + x) * (beta + T)) / (alpha + T)) * powerGrowth(s - 1, t / (beta + T));
  return ifAlive * paretoNbdProbabilityAlive({ params, customer });
}
