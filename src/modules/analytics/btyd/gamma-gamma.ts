import { Interner } from './aggregate.ts';
import { modelFit, type ModelFit } from './bgnbd.ts';
import { fitLogParameters } from './optimize.ts';
import { digamma, lgamma } from './special-functions.ts';
import type { CustomerSummary } from './summary.ts';

// Gamma-Gamma spend model (Fader & Hardie, "The Gamma-Gamma model of monetary value",
// 2013): each purchase's value is Gamma(p, ν), and ν ~ Gamma(q, γ) across customers,
// independent of the purchase process. Fitted on customers with repeat purchases
// (x > 0) and a positive mean repeat value m (customers averaging 0 have no density).
//
// Likelihood convention: the density of the observed mean m of x values (the mean of
// x Gamma(p, ν) values is Gamma(px, xν)), integrated over ν:
//
//   ln f(m | x) = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln m + px ln x
//                 − (px + q) ln(γ + x m)
//
// as in lifetimes' GammaGammaFitter and the note's spreadsheet. Summed over CDNOW's 946
// repeat buyers it is the published −4055.9. Other conventions differ by terms free of
// the parameters, so they move the reported total but not the estimates: with px·ln m
// in place of (px − 1)·ln m the same fit would report −915.0 (Σ ln m = 3,140.9 on
// CDNOW).

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export function gammaGammaLogLikelihood({ params, x, monetary }: { params: GammaGammaParams; x: number; monetary: number }): number {
  const { p, q, gamma } = params;
  const px = p * x;
  return lgamma(px + q) - lgamma(px) - lgamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(monetary) + px * Math.log(x) - (px + q) * Math.log(gamma + x * monetary);
}

interface SpendGroups {
  size: number;
  customers: number;
  x: Float64Array;
  m: Float64Array;
  weight: Float64Array;
  xIndex: Int32Array;
  xValues: Float64Array;
  xWeight: Float64Array;
  meanValue: number;
}

// Same idea as for the purchase models: identical (x, m) are one term, and the gamma
// functions of px depend on x only.
function groupSpend(summaries: readonly CustomerSummary[]): SpendGroups {
  const xs = new Interner();
  const values = new Interner(Math.min(summaries.length, 1 << 16));
  const pairs = new Interner(Math.min(summaries.length, 1 << 16));
  const x: number[] = [];
  const m: number[] = [];
  const weight: number[] = [];
  const xIndex: number[] = [];
  const xWeight: number[] = [];
  let customers = 0;
  let total = 0;
  for (const c of summaries) {
    const value = c.monetary ?? 0;
    const w = c.weight ?? 1;
    if (!(c.x > 0) || !(value > 0) || !Number.isFinite(value) || !(w > 0)) continue;
    customers += w;
    total += w * value;
    const xi = xs.id(c.x);
    if (xi === xWeight.length) xWeight.push(0);
    xWeight[xi] += w;
    // Exact as one double while the number of distinct values stays below 2^53 / 2^20.
    const g = pairs.id(values.id(value) * 1_048_576 + xi);
    if (g < weight.length) {
      weight[g] += w;
      continue;
    }
    x.push(c.x);
    m.push(value);
    weight.push(w);
    xIndex.push(xi);
  }
  return {
    size: x.length,
    customers,
    x: Float64Array.from(x),
    m: Float64Array.from(m),
    weight: Float64Array.from(weight),
    xIndex: Int32Array.from(xIndex),
    xValues: Float64Array.from(xs.values),
    xWeight: Float64Array.from(xWeight),
    meanValue: customers > 0 ? total / customers : 0,
  };
}

function objective(groups: SpendGroups) {
  const { size, x, m, weight, xValues, xWeight } = groups;
  // The terms that do not involve the parameters' interaction with m, precomputed.
  let sumLogM = 0;
  let sumXLogXM = 0;
  for (let g = 0; g < size; g++) {
    sumLogM += weight[g] * Math.log(m[g]);
    sumXLogXM += weight[g] * x[g] * Math.log(x[g] * m[g]);
  }
  return (theta: readonly number[], gradient?: number[]): number => {
    const [p, q, gamma] = theta;
    const logGamma = Math.log(gamma);
    let ll = -sumLogM + p * sumXLogXM;
    let gp = sumXLogXM;
    let gq = 0;
    let gg = 0;
    const lgq = lgamma(q);
    const dq = gradient ? digamma(q) : 0;
    for (let j = 0; j < xValues.length; j++) {
      const X = xValues[j];
      const w = xWeight[j];
      ll += w * (lgamma(p * X + q) - lgamma(p * X) - lgq + q * logGamma);
      if (gradient) {
        const both = digamma(p * X + q);
        gp += w * X * (both - digamma(p * X));
        gq += w * (both - dq + logGamma);
        gg += (w * q) / gamma;
      }
    }
    for (let g = 0; g < size; g++) {
      const X = x[g];
      const w = weight[g];
      const ln = Math.log(gamma + X * m[g]);
      ll -= w * (p * X + q) * ln;
      if (gradient) {
        gp -= w * X * ln;
        gq -= w * ln;
        gg -= (w * (p * X + q)) / (gamma + X * m[g]);
      }
    }
    if (gradient) {
      gradient[0] = -gp;
      gradient[1] = -gq;
      gradient[2] = -gg;
    }
    return Number.isFinite(ll) ? -ll : Number.POSITIVE_INFINITY;
  };
}

/**
 * Maximum-likelihood Gamma-Gamma fit on the customers with x > 0 and a positive mean
 * repeat value (`monetary`); the others are left out (`customers` counts those used).
 */
export function fitGammaGamma(summaries: readonly CustomerSummary[]): ModelFit<GammaGammaParams> {
  const started = performance.now();
  const groups = groupSpend(summaries);
  if (groups.customers === 0) throw new RangeError('No customers with repeat purchases and a positive monetary value to fit');
  const f = objective(groups);
  const mean = groups.meanValue;
  // E[m] ≈ pγ/(q − 1): starts that put the population mean near the observed one.
  const fit = fitLogParameters({
    names: ['p', 'q', 'gamma'] as const,
    scales: [1, 1, mean],
    starts: [[1, 2, mean], [5, 4, 0.6 * mean], [1, 1, 1]],
    negLogLikelihood: (theta) => f(theta),
    gradient: (theta, g) => f(theta, g),
  });
  return modelFit(fit, groups, started);
}

/** Population mean value per purchase, pγ / (q − 1) (infinite for q ≤ 1). */
export function gammaGammaMeanValue(params: GammaGammaParams): number {
  return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : Number.POSITIVE_INFINITY;
}

/**
 * E[value per purchase | x, m]: a weighted average of the population mean and the
 * customer's own mean, the weight on their own mean growing with x.
 */
export function gammaGammaConditionalExpectedValue({ params, x, monetary }: { params: GammaGammaParams; x: number; monetary: number }): number {
  const { p, q, gamma } = params;
  if (!(x > 0)) return gammaGammaMeanValue(params);
  return (p * (gamma + x * monetary)) / (p * x + q - 1);
}
