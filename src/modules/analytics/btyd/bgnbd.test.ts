import { describe, expect, it } from 'vitest';
import {
  bgnbdConditionalExpectedPurchases, bgnbdExpectedPurchases, bgnbdLogLikelihood, bgnbdProbabilityAlive, bgnbdProbabilityOfPurchases,
  bgnbdTotalLogLikelihood, fitBgNbd,
} from './bgnbd.ts';
import { cdnowSampleSummary } from './test-data.ts';

const within = ({ actual, expected, share }: { actual: number; expected: number; share: number }) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(Math.abs(expected) * share);

const sample = cdnowSampleSummary();
const fit = fitBgNbd(sample);

describe('BG/NBD on the CDNOW sample', () => {
  it('reproduces Fader, Hardie & Lee (2005): r, α, a, b and the log-likelihood', () => {
    within({ actual: fit.params.r, expected: 0.243, share: 0.005 });
    within({ actual: fit.params.alpha, expected: 4.414, share: 0.005 });
    within({ actual: fit.params.a, expected: 0.793, share: 0.005 });
    within({ actual: fit.params.b, expected: 2.426, share: 0.005 });
    expect(Math.abs(fit.log_likelihood - -9582.4)).toBeLessThan(0.5);
    expect(fit.customers).toBe(2357);
    expect(fit.converged).toBe(true);
    expect(fit.on_boundary).toEqual({ r: false, alpha: false, a: false, b: false });
  });

  it("has lifetimes' standard errors (0.01, 0.38, 0.19, 0.71)", () => {
    within({ actual: fit.std_errors.r!, expected: 0.0126, share: 0.05 });
    within({ actual: fit.std_errors.alpha!, expected: 0.378, share: 0.05 });
    within({ actual: fit.std_errors.a!, expected: 0.186, share: 0.05 });
    within({ actual: fit.std_errors.b!, expected: 0.705, share: 0.05 });
  });

  it('gives the published checkpoints', () => {
    expect(bgnbdExpectedPurchases({ params: fit.params, t: 52 })).toBeCloseTo(1.444, 3);
    expect(bgnbdConditionalExpectedPurchases({ params: fit.params, customer: { x: 2, tx: 30.43, T: 38.86 }, t: 39 })).toBeCloseTo(1.226, 3);
  });

  it('sums the same likelihood per customer as grouped', () => {
    const perCustomer = sample.reduce((s, customer) => s + bgnbdLogLikelihood({ params: fit.params, customer }), 0);
    expect(perCustomer).toBeCloseTo(fit.log_likelihood, 6);
    expect(bgnbdTotalLogLikelihood({ params: fit.params, summaries: sample })).toBeCloseTo(fit.log_likelihood, 8);
  });

  it('is the same model in days: α scales, the rest does not move', () => {
    const days = fitBgNbd(sample.map((c) => ({ x: c.x, tx: c.tx * 7, T: c.T * 7 })));
    within({ actual: days.params.alpha, expected: fit.params.alpha * 7, share: 1e-5 });
    within({ actual: days.params.r, expected: fit.params.r, share: 1e-5 });
    within({ actual: days.params.a, expected: fit.params.a, share: 1e-5 });
    within({ actual: days.params.b, expected: fit.params.b, share: 1e-5 });
  });
});

describe('BG/NBD predictions', () => {
  const params = fit.params;

  it('P(X(t) = n) is a distribution whose mean is E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = bgnbdProbabilityOfPurchases({ params, t: 52, n });
      expect(p).toBeGreaterThanOrEqual(0);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(bgnbdExpectedPurchases({ params, t: 52 }), 6);
    expect(bgnbdProbabilityOfPurchases({ params, t: 0, n: 0 })).toBe(1);
  });

  it('agrees across the switch from the 2F1 series to integration over p', () => {
    const customer = { x: 3, tx: 20, T: 38 };
    // z = t / (α + T + t) crosses 0.95 at t = 19 (α + T).
    const t = 19 * (params.alpha + customer.T);
    const below = bgnbdConditionalExpectedPurchases({ params, customer, t: t * (1 - 1e-9) });
    const above = bgnbdConditionalExpectedPurchases({ params, customer, t: t * (1 + 1e-9) });
    within({ actual: above, expected: below, share: 1e-8 });
    // Near a = 1 the closed form divides 0 by 0; the integral does not.
    const near = (a: number) => bgnbdConditionalExpectedPurchases({ params: { ...params, a }, customer, t: 39 });
    within({ actual: near(1 + 1e-6), expected: near(1 + 2e-4), share: 1e-3 });
    within({ actual: near(1 - 1e-6), expected: near(1 + 1e-6), share: 1e-5 });
  });

  it('tends to the expected number of purchases before dropping out', () => {
    // For a > 1 a customer alive now makes (a + b + x − 1)/(a − 1) more purchases on
    // average; one who just bought is alive with probability 1/(1 + a/(b + x − 1)).
    const p = { r: 0.5, alpha: 5, a: 2.5, b: 3 };
    const customer = { x: 2, tx: 10, T: 10 };
    expect(bgnbdProbabilityAlive({ params: p, customer })).toBeCloseTo(1 / (1 + 2.5 / 4), 12);
    const lifetime = bgnbdConditionalExpectedPurchases({ params: p, customer, t: 1e9 });
    within({ actual: lifetime, expected: ((2.5 + 3 + 2 - 1) / 1.5) / (1 + 2.5 / 4), share: 1e-4 });
  });

  it('tends to the NBD when the dropout runs to its boundary (a → 0, as on Online Retail)', () => {
    // A dropout chance of about a/(a + b) per purchase is none at all: a customer alive
    // now buys at the posterior mean rate (r + x)/(α + T). Most of Beta(a, b)'s mass then
    // lies at p < e^−1000, which integration nodes in p never reach.
    const boundary = { r: 0.72, alpha: 9.4, a: 1e-7, b: 14_000 };
    for (const customer of [{ x: 0, tx: 0, T: 0 }, { x: 5, tx: 30, T: 40 }]) {
      for (const t of [13, 1000]) {
        const ifAlive = bgnbdConditionalExpectedPurchases({ params: boundary, customer, t }) / bgnbdProbabilityAlive({ params: boundary, customer });
        within({ actual: ifAlive, expected: ((boundary.r + customer.x) / (boundary.alpha + customer.T)) * t, share: 1e-8 });
      }
    }
    // Continuous where the integral over p changes form (a = 0.05).
    for (const b of [2.5, 14_000]) {
      const at = (a: number) => bgnbdConditionalExpectedPurchases({ params: { ...boundary, a, b }, customer: { x: 3, tx: 20, T: 38 }, t: 1000 });
      within({ actual: at(0.05 * (1 - 1e-12)), expected: at(0.05), share: 1e-10 });
    }
  });

  it('probability alive: 1 with no repeat purchase, falling with time since the last', () => {
    expect(bgnbdProbabilityAlive({ params, customer: { x: 0, tx: 0, T: 30 } })).toBe(1);
    const recent = bgnbdProbabilityAlive({ params, customer: { x: 4, tx: 30, T: 31 } });
    const lapsed = bgnbdProbabilityAlive({ params, customer: { x: 4, tx: 5, T: 31 } });
    expect(recent).toBeGreaterThan(lapsed);
    expect(lapsed).toBeGreaterThan(0);
    expect(recent).toBeLessThan(1);
  });
});
