import { minimizeLogParams, standardErrors } from './optimize.ts';
import { hyp2f1, lgamma, logAddExp } from './special.ts';
import { aggregate, type CustomerSummary, type WeightedSummary } from './summary.ts';

// Pareto/NBD (Schmittlein, Morrison & Colombo 1987): purchases Poisson(λ), λ ~ Gamma(r, α);
// lifetime Exponential(μ), μ ~ Gamma(s, β). The likelihood follows Fader & Hardie's "A
// note on deriving the Pareto/NBD model", with the 2F1 argument kept below one by taking
// the larger of α and β as the base (the same formulation as `lifetimes`).

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

function logA0({ r, alpha, s, beta }: ParetoNbdParams, x: number, tx: number, T: number): number {
  const [minAB, maxAB, t] = alpha < beta ? [alpha, beta, r + x] : [beta, alpha, s + 1];
  const diff = maxAB - minAB;
  const rsx = r + s + x;
  const p1 = hyp2f1(rsx, t, rsx + 1, diff / (maxAB + tx));
  const q1 = maxAB + tx;
  const p2 = hyp2f1(rsx, t, rsx + 1, diff / (maxAB + T));
  const q2 = maxAB + T;
  // log(p1 q2^rsx − p2 q1^rsx) − rsx log(q1 q2), the difference taken in log space.
  const u = Math.log(p1) + rsx * Math.log(q2);
  const v = Math.log(p2) + rsx * Math.log(q1);
  return u + Math.log1p(-Math.exp(v - u)) - rsx * Math.log(q1 * q2);
}

export function paretoNbdLogLikelihood(params: ParetoNbdParams, { x, tx, T }: { x: number; tx: number; T: number }): number {
  const { r, alpha, s, beta } = params;
  const a1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const a2 = logAddExp(-(r + x) * Math.log(alpha + T) - s * Math.log(beta + T), Math.log(s) + logA0(params, x, tx, T) - Math.log(r + s + x));
  return a1 + a2;
}

const totalNegLL = (groups: WeightedSummary[]) => (p: number[]) => {
  const params = { r: p[0], alpha: p[1], s: p[2], beta: p[3] };
  let sum = 0;
  for (const g of groups) sum += g.weight * paretoNbdLogLikelihood(params, g);
  return Number.isFinite(sum) ? -sum : Number.POSITIVE_INFINITY;
};

export function fitParetoNbd(customers: readonly CustomerSummary[]) {
  const started = performance.now();
  const groups = aggregate(customers);
  const meanT = customers.reduce((s, c) => s + c.T, 0) / Math.max(1, customers.length);
  const f = totalNegLL(groups);
  const { params, value } = minimizeLogParams(f, [[0.5, meanT / 4, 0.5, meanT / 4], [1, 1, 1, 1]]);
  const errors = standardErrors(f, params);
  const [r, alpha, s, beta] = params;
  // A dropout rate that runs off to zero or infinity is unidentified: flag it.
  const onBoundary = { s: s > 1e4 || s < 1e-4, beta: beta > 1e6 || beta < 1e-6 };
  return {
    params: { r, alpha, s, beta },
    log_likelihood: -value,
    std_errors: { r: errors[0], alpha: errors[1], s: onBoundary.s ? null : errors[2], beta: onBoundary.beta ? null : errors[3] },
    on_boundary: onBoundary,
    customers: customers.length,
    fit_ms: Math.round(performance.now() - started),
  };
}

/** Expected purchases of a new customer in (0, t]. */
export function paretoNbdExpectedPurchases({ r, alpha, s, beta }: ParetoNbdParams, t: number): number {
  return ((r * beta) / (alpha * (s - 1))) * (1 - Math.pow(beta / (beta + t), s - 1));
}

export function paretoNbdProbabilityAlive(params: ParetoNbdParams, { x, tx, T }: { x: number; tx: number; T: number }): number {
  const { r, alpha, s, beta } = params;
  const logNumerator = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const a2 = logAddExp(logNumerator, Math.log(s) + logA0(params, x, tx, T) - Math.log(r + s + x));
  return Math.exp(logNumerator - a2);
}

/** Expected purchases in the next t periods of a customer with history (x, t_x, T). */
export function paretoNbdConditionalExpected(params: ParetoNbdParams, customer: { x: number; tx: number; T: number }, t: number): number {
  const { r, alpha, s, beta } = params;
  const { x, T } = customer;
  return (((r + x) * (beta + T)) / ((alpha + T) * (s - 1))) * (1 - Math.pow((beta + T) / (beta + T + t), s - 1)) * paretoNbdProbabilityAlive(params, customer);
}
