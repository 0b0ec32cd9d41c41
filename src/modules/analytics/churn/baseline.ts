import { bgnbdProbabilityAlive, type BgNbdParams, type History } from '../btyd/index.ts';

// BG/NBD's answers to the churn question, the baselines of the churn model.
//
// P(alive) alone ranks one-time buyers as the safest customers (BG/NBD lets a customer
// drop out only right after a repeat purchase, so x = 0 means alive for sure), which is
// the opposite of what happens in most stores. The model's own probability of the label —
// no purchase in the next t — also weighs how slowly the customer buys:
//   P(no purchase in (T, T + t]) = 1 − P(alive) + P(alive) · (1 + t / (α + T))^−(r + x),
// since a customer alive at T buys at λ ~ Gamma(r + x, α + T) (the posterior bgnbd.ts
// uses for the conditional expectation) and cannot drop out without buying first.
export function bgnbdProbabilityNoPurchase({ params, customer, t }: { params: BgNbdParams; customer: History; t: number }): number {
  const alive = bgnbdProbabilityAlive({ params, customer });
  return 1 - alive + alive * Math.exp(-(params.r + customer.x) * Math.log1p(t / (params.alpha + customer.T)));
}
