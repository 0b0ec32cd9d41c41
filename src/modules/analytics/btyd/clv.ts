import { bgnbdConditionalExpected, fitBgNbd, type BgNbdParams } from './bgnbd.ts';
import { fitGammaGamma, gammaGammaExpectedValue, type GammaGammaParams } from './gamma-gamma.ts';
import { fitParetoNbd } from './pareto-nbd.ts';
import type { CustomerSummary } from './summary.ts';

// Customer lifetime value over a horizon, as `lifetimes` computes it: expected purchases
// in each month of the horizon (from the transaction model) times the expected value
// (from Gamma-Gamma), discounted monthly.
export function customerLifetimeValue({ transaction, spend, customer, months, discountPerMonth = 0.01, periodsPerMonth }: {
  transaction: BgNbdParams;
  spend: GammaGammaParams;
  customer: CustomerSummary;
  months: number;
  discountPerMonth?: number;
  /** model time units per month: 4.348 for weeks, 30.44 for days, 1 for months */
  periodsPerMonth: number;
}): number {
  const value = gammaGammaExpectedValue(spend, customer.x, customer.monetary ?? 0);
  let clv = 0;
  let before = 0;
  for (let m = 1; m <= months; m++) {
    const cumulative = bgnbdConditionalExpected(transaction, customer, m * periodsPerMonth);
    clv += ((cumulative - before) * value) / Math.pow(1 + discountPerMonth, m);
    before = cumulative;
  }
  return clv;
}

export type ModelName = 'bgnbd' | 'paretonbd' | 'gammagamma';

/** The fits `regulars analyze clv --json` prints, by model name. */
export function fitAll(customers: readonly CustomerSummary[], models: readonly ModelName[] = ['bgnbd', 'paretonbd', 'gammagamma']) {
  const out: { bgnbd?: ReturnType<typeof fitBgNbd>; paretonbd?: ReturnType<typeof fitParetoNbd>; gammagamma?: ReturnType<typeof fitGammaGamma> } = {};
  if (models.includes('bgnbd')) out.bgnbd = fitBgNbd(customers);
  if (models.includes('paretonbd')) out.paretonbd = fitParetoNbd(customers);
  if (models.includes('gammagamma')) out.gammagamma = fitGammaGamma(customers);
  return out;
}
