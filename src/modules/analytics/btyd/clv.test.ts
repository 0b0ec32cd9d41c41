import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd.ts';
import { conditionalExpectedPurchases, customerLifetimeValue, customerLifetimeValues, probabilityAlive } from './clv.ts';
import { fitGammaGamma, gammaGammaConditionalExpectedValue } from './gamma-gamma.ts';
import { fitParetoNbd } from './pareto-nbd.ts';
import { cdnowSampleSummary } from './test-data.ts';

const sample = cdnowSampleSummary();
const bgnbd = { model: 'bgnbd' as const, params: fitBgNbd(sample).params };
const spendModel = fitGammaGamma(sample).params;

describe('customer lifetime value', () => {
  it("reproduces lifetimes' README example", () => {
    // ggf.customer_lifetime_value(bgf, ..., time=12, discount_rate=0.01) on this sample.
    // The README passes its weekly model with the default freq="D", i.e. 30 model
    // periods per month, so that is what is compared here.
    const values = customerLifetimeValues({ transactionModel: bgnbd, spendModel, customers: sample.slice(0, 9), unit: 'week', periodsPerMonth: 30 });
    const readme = [140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683, 38.180574, 167.418216];
    values.forEach((v, i) => expect(Math.abs(v.clv - readme[i])).toBeLessThan(1e-6 * readme[i]));
    expect(values[0].customerId).toBe('1');
  });

  it('without discounting is expected purchases over the horizon times expected value', () => {
    const customer = sample[5];
    const clv = customerLifetimeValue({ transactionModel: bgnbd, spendModel, customer, unit: 'week', horizonMonths: 6, discountRatePerMonth: 0 });
    const purchases = conditionalExpectedPurchases({ transactionModel: bgnbd, customer, t: (6 * 30.4375) / 7 });
    const value = gammaGammaConditionalExpectedValue({ params: spendModel, x: customer.x, monetary: customer.monetary });
    expect(clv).toBeCloseTo(purchases * value, 9);
    const discounted = customerLifetimeValue({ transactionModel: bgnbd, spendModel, customer, unit: 'week', horizonMonths: 6, discountRatePerMonth: 0.02 });
    expect(discounted).toBeLessThan(clv);
    expect(discounted).toBeGreaterThan(clv / 1.02 ** 6);
  });

  it('does not depend on the time unit the model was fitted in', () => {
    const inDays = sample.map((c) => ({ ...c, tx: c.tx * 7, T: c.T * 7 }));
    const dayModel = { model: 'paretonbd' as const, params: fitParetoNbd(inDays).params };
    const weekModel = { model: 'paretonbd' as const, params: fitParetoNbd(sample).params };
    const days = customerLifetimeValue({ transactionModel: dayModel, spendModel, customer: inDays[0], unit: 'day' });
    const weeks = customerLifetimeValue({ transactionModel: weekModel, spendModel, customer: sample[0], unit: 'week' });
    expect(Math.abs(days - weeks) / weeks).toBeLessThan(1e-5);
    expect(probabilityAlive({ transactionModel: weekModel, customer: sample[0] })).toBeCloseTo(probabilityAlive({ transactionModel: dayModel, customer: inDays[0] }), 5);
  });

  it('rejects a horizon that is not a whole number of months', () => {
    expect(() => customerLifetimeValue({ transactionModel: bgnbd, spendModel, customer: sample[0], unit: 'week', horizonMonths: 1.5 })).toThrow(RangeError);
  });
});
