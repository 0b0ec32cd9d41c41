import {
  bgnbdConditionalExpectedPurchases, bgnbdExpectedPurchases, bgnbdProbabilityAlive, type BgNbdParams, type History,
} from './bgnbd.ts';
import { gammaGammaConditionalExpectedValue, type GammaGammaParams } from './gamma-gamma.ts';
import {
  paretoNbdConditionalExpectedPurchases, paretoNbdExpectedPurchases, paretoNbdProbabilityAlive, type ParetoNbdParams,
} from './pareto-nbd.ts';
import { DAYS_PER_UNIT, type CustomerSummary, type TimeUnit } from './summary.ts';

/** A fitted purchase-count model, tagged so predictions can dispatch on it. */
export type TransactionModel = { model: 'bgnbd'; params: BgNbdParams } | { model: 'paretonbd'; params: ParetoNbdParams };

/** Expected repeat purchases of a new customer in (0, t]. */
export function expectedPurchases({ transactionModel, t }: { transactionModel: TransactionModel; t: number }): number {
  return transactionModel.model === 'bgnbd'
    ? bgnbdExpectedPurchases({ params: transactionModel.params, t })
    : paretoNbdExpectedPurchases({ params: transactionModel.params, t });
}

/** Expected purchases in the next t of a customer with history (x, t_x, T). */
export function conditionalExpectedPurchases({ transactionModel, customer, t }: { transactionModel: TransactionModel; customer: History; t: number }): number {
  return transactionModel.model === 'bgnbd'
    ? bgnbdConditionalExpectedPurchases({ params: transactionModel.params, customer, t })
    : paretoNbdConditionalExpectedPurchases({ params: transactionModel.params, customer, t });
}

export function probabilityAlive({ transactionModel, customer }: { transactionModel: TransactionModel; customer: History }): number {
  return transactionModel.model === 'bgnbd'
    ? bgnbdProbabilityAlive({ params: transactionModel.params, customer })
    : paretoNbdProbabilityAlive({ params: transactionModel.params, customer });
}

export interface ClvOptions {
  transactionModel: TransactionModel;
  spendModel: GammaGammaParams;
  /** whole months ahead (default 12) */
  horizonMonths?: number;
  /** the time unit the transaction model was fitted in */
  unit: TimeUnit;
  /** monthly discount rate (default 0.01, lifetimes' default) */
  discountRatePerMonth?: number;
  /**
   * model time units per month; default from the unit with a 30.4375-day month (lifetimes
   * uses 30 days and 4.345 weeks)
   */
  periodsPerMonth?: number;
}

export interface CustomerValue {
  customerId?: string;
  /** discounted value of the expected purchases over the horizon */
  clv: number;
  /** undiscounted expected purchases over the horizon */
  expected_purchases: number;
  /** Gamma-Gamma expected value per purchase */
  expected_value: number;
}

// lifetimes' customer_lifetime_value: month by month, the expected purchases in that
// month (the difference of the cumulative conditional expectation) are discounted at
// (1 + d)^month. Since the spend model is independent of the purchase model, CLV is the
// expected value per purchase times these discounted purchases, and the purchase part
// depends on (x, t_x, T) only: computed once per distinct history.
function discountedPurchases({ transactionModel, customer, months, perMonth, discount }: {
  transactionModel: TransactionModel; customer: History; months: number; perMonth: number; discount: number;
}): { discounted: number; total: number } {
  let discounted = 0;
  let before = 0;
  for (let month = 1; month <= months; month++) {
    const cumulative = conditionalExpectedPurchases({ transactionModel, customer, t: month * perMonth });
    discounted += (cumulative - before) / Math.pow(1 + discount, month);
    before = cumulative;
  }
  return { discounted, total: before };
}

/** Customer lifetime value of many customers (see ClvOptions). */
export function customerLifetimeValues({ customers, ...options }: ClvOptions & { customers: readonly CustomerSummary[] }): CustomerValue[] {
  const { transactionModel, spendModel, horizonMonths = 12, unit, discountRatePerMonth = 0.01 } = options;
  const perMonth = options.periodsPerMonth ?? DAYS_PER_UNIT.month / DAYS_PER_UNIT[unit];
  if (!Number.isInteger(horizonMonths) || horizonMonths < 1) throw new RangeError('horizonMonths must be a whole number of months ≥ 1');
  if (!(perMonth > 0)) throw new RangeError('periodsPerMonth must be positive');
  const cache = new Map<string, { discounted: number; total: number }>();
  return customers.map((customer) => {
    const key = `${customer.x}|${customer.tx}|${customer.T}`;
    let purchases = cache.get(key);
    if (!purchases) {
      purchases = discountedPurchases({ transactionModel, customer, months: horizonMonths, perMonth, discount: discountRatePerMonth });
      cache.set(key, purchases);
    }
    const value = gammaGammaConditionalExpectedValue({ params: spendModel, x: customer.x, monetary: customer.monetary ?? 0 });
    return { customerId: customer.customerId, clv: value * purchases.discounted, expected_purchases: purchases.total, expected_value: value };
  });
}

/** Customer lifetime value of one customer (see ClvOptions). */
export function customerLifetimeValue({ customer, ...options }: ClvOptions & { customer: CustomerSummary }): number {
  return customerLifetimeValues({ ...options, customers: [customer] })[0].clv;
}
