import { minimizeLogParams, standardErrors } from './optimize.ts';
import { hyp2f1, lgamma, logAddExp } from './special.ts';
import { aggregate, type CustomerSummary, type WeightedSummary } from './summary.ts';

// BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while
// alive a customer buys with Poisson rate λ ~ Gamma(r, α); after each purchase they drop
// out with probability p ~ Beta(a, b).

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export function bgnbdLogLikelihood({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: { x: number; tx: number; T: number }): number {
  const a1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const a2 = lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return a1 + a2 + logAddExp(a3, a4);
}

// The Γ terms depend only on x, which takes few distinct values: they are computed once
// per x and weight, and the per-group loop does only logs. This is most of the speed.
const totalNegLL = (groups: WeightedSummary[]) => {
  const weightByX = new Map<number, number>();
  for (const g of groups) weightByX.set(g.x, (weightByX.get(g.x) ?? 0) + g.weight);
  const xs = [...weightByX];
  return (p: number[]) => {
    const [r, alpha, a, b] = p;
    let sum = 0;
    const lgR = lgamma(r);
    const lgAB = lgamma(a + b);
    const lgB = lgamma(b);
    for (const [x, w] of xs) sum += w * (lgamma(r + x) - lgR + r * Math.log(alpha) + lgAB + lgamma(b + x) - lgB - lgamma(a + b + x));
    const logA = Math.log(a);
    for (const { x, tx, T, weight } of groups) {
      const a3 = -(r + x) * Math.log(alpha + T);
      const a4 = x > 0 ? logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
      sum += weight * logAddExp(a3, a4);
    }
    return Number.isFinite(sum) ? -sum : Number.POSITIVE_INFINITY;
  };
};

export function fitBgNbd(customers: readonly CustomerSummary[]) {
  const started = performance.now();
  const groups = aggregate(customers);
  const meanT = customers.reduce((s, c) => s + c.T, 0) / Math.max(1, customers.length);
  const f = totalNegLL(groups);
  const { params, value } = minimizeLogParams(f, [[0.5, meanT / 4, 1, 2], [1, 1, 1, 1]]);
  const errors = standardErrors(f, params);
  const [r, alpha, a, b] = params;
  return {
    params: { r, alpha, a, b },
    log_likelihood: -value,
    std_errors: { r: errors[0], alpha: errors[1], a: errors[2], b: errors[3] },
    customers: customers.length,
    fit_ms: Math.round(performance.now() - started),
  };
}

/** Expected purchases of a new customer in (0, t]. */
export function bgnbdExpectedPurchases({ r, alpha, a, b }: BgNbdParams, t: number): number {
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}

export function bgnbdProbabilityAlive({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: { x: number; tx: number; T: number }): number {
  if (x === 0) return 1;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

/** Expected purchases in the next t periods of a customer with history (x, t_x, T). */
export function bgnbdConditionalExpected(params: BgNbdParams, customer: { x: number; tx: number; T: number }, t: number): number {
  const { r, alpha, a, b } = params;
  const { x, T } = customer;
  const z = t / (alpha + T + t);
  const head = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
  return head * bgnbdProbabilityAlive(params, customer);
}
