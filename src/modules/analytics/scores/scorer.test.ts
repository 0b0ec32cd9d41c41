import { describe, expect, it } from 'vitest';
import { bgnbdConditionalExpectedPurchases, bgnbdProbabilityAlive, gammaGammaConditionalExpectedValue, paretoNbdProbabilityAlive } from '../btyd/index.ts';
import type { CustomerFeatures } from '../churn/index.ts';
import { createScorer, riskBand } from './scores.ts';

// The pure half of the scores: what one customer's row holds with and without models.
const customer: CustomerFeatures & { r: number; f: number; m: number } = {
  customer_id: 'c1', recency_days: 10, tenure_days: 100, span_days: 90, purchase_days: 4, purchases: 5,
  net_minor: 4000, gross_minor: 4200, refunded_minor: 200, first_day_net_minor: 1000, promo_purchases: 1,
  days_last_90: 3, days_prev_90: 1, member: false, points: 0, has_tier: false, r: 5, f: 4, m: 3,
};
// The published CDNOW fits (weeks).
const bgnbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const paretonbd = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe('createScorer', () => {
  it('without fitted models still gives the RFM segment, and leaves the model scores empty', () => {
    const row = createScorer({ observedMeanValue: 0, riskFrom: null, horizonDays: 90, minorPerMajor: 100 })(customer);
    expect(row).toMatchObject({
      customer_id: 'c1', recency_days: 10, frequency: 4, monetary_minor: 4000, r: 5, f: 4, m: 3, segment: 'Champions',
      probability_alive: null, expected_purchases_90d: null, clv_12m_minor: null, churn_probability: null, churn_risk: null, churn_reasons: [],
    });
  });

  it('bands by BG/NBD when that is the churn score, and values purchases by Gamma-Gamma', () => {
    const spendModel = { p: 6.25, q: 3.74, gamma: 15.44 };
    const score = createScorer({ transactionModel: { model: 'bgnbd', params: bgnbd }, bgnbd, spendModel, observedMeanValue: 20, riskFrom: 'bgnbd_probability_alive', horizonDays: 90, minorPerMajor: 100 });
    const row = score(customer);
    const history = { x: 3, tx: 90 / 7, T: 100 / 7 };
    expect(row.probability_alive).toBeNull(); // no P(alive) model given
    expect(row.expected_purchases_90d).toBeCloseTo(bgnbdConditionalExpectedPurchases({ params: bgnbd, customer: history, t: 90 / 7 }), 12);
    expect(row.churn_risk).toBe(riskBand(1 - bgnbdProbabilityAlive({ params: bgnbd, customer: history })));
    expect(row.expected_purchases_365d!).toBeGreaterThan(row.expected_purchases_90d!);
    // CLV ≈ value per purchase × discounted purchases, a little under value × E[purchases in a year].
    const value = gammaGammaConditionalExpectedValue({ params: spendModel, x: 3, monetary: 10 });
    expect(row.clv_12m_minor! / 100).toBeLessThan(value * row.expected_purchases_365d! + 0.01);
    expect(row.clv_12m_minor! / 100).toBeGreaterThan(0.9 * value * row.expected_purchases_365d!);
    expect(score({ ...customer, customer_id: 'c2' }).expected_purchases_90d).toBe(row.expected_purchases_90d); // same history, same outlook
  });

  it('takes P(alive) from its own model, so that a one-time buyer is not alive for sure', () => {
    const score = createScorer({
      transactionModel: { model: 'bgnbd', params: bgnbd }, aliveModel: { model: 'paretonbd', params: paretonbd }, bgnbd,
      observedMeanValue: 20, riskFrom: 'bgnbd_no_purchase', horizonDays: 90, minorPerMajor: 100,
    });
    expect(score(customer).probability_alive).toBeCloseTo(paretoNbdProbabilityAlive({ params: paretonbd, customer: { x: 3, tx: 90 / 7, T: 100 / 7 } }), 12);
    const once = (tenure: number) => score({ ...customer, customer_id: `once-${tenure}`, tenure_days: tenure, span_days: 0, recency_days: tenure, purchase_days: 1, purchases: 1 });
    // BG/NBD: 1 for every one of them; Pareto/NBD: falling with the time since the purchase.
    const alive = [7, 91, 182, 365].map((d) => once(d).probability_alive!);
    expect(alive.map((_, i) => bgnbdProbabilityAlive({ params: bgnbd, customer: { x: 0, tx: 0, T: [7, 91, 182, 365][i] / 7 } }))).toEqual([1, 1, 1, 1]);
    for (let i = 1; i < alive.length; i++) expect(alive[i]).toBeLessThan(alive[i - 1]);
    expect(alive[0]).toBeGreaterThan(0.9);
    expect(alive[3]).toBeLessThan(0.25);
    // Expected purchases and CLV still come from the purchase model (BG/NBD).
    expect(once(182).expected_purchases_90d).toBeCloseTo(bgnbdConditionalExpectedPurchases({ params: bgnbd, customer: { x: 0, tx: 0, T: 26 }, t: 90 / 7 }), 12);
  });

  it('refuses a band source without its model', () => {
    expect(() => createScorer({ observedMeanValue: 0, riskFrom: 'logistic', horizonDays: 90, minorPerMajor: 100 })).toThrow(/churn model/);
    expect(() => createScorer({ observedMeanValue: 0, riskFrom: 'bgnbd_no_purchase', horizonDays: 90, minorPerMajor: 100 })).toThrow(/BG\/NBD/);
  });
});

describe('riskBand', () => {
  it('is low below 0.4, medium below 0.7, high from 0.7', () => {
    expect([0, 0.39, 0.4, 0.69, 0.7, 1].map(riskBand)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });
});
