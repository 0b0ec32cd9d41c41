import { describe, expect, it } from 'vitest';
import { fitGammaGamma, gammaGammaConditionalExpectedValue, gammaGammaLogLikelihood, gammaGammaMeanValue } from './gamma-gamma.ts';
import { cdnowSampleSummary } from './test-data.ts';

const within = ({ actual, expected, share }: { actual: number; expected: number; share: number }) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(Math.abs(expected) * share);

const sample = cdnowSampleSummary();

describe('Gamma-Gamma on the CDNOW sample', () => {
  const fit = fitGammaGamma(sample);

  it('reproduces Fader & Hardie on the 946 repeat buyers', () => {
    expect(fit.customers).toBe(946);
    within({ actual: fit.params.p, expected: 6.25, share: 0.005 });
    within({ actual: fit.params.q, expected: 3.74, share: 0.005 });
    within({ actual: fit.params.gamma, expected: 15.44, share: 0.005 });
    // The published −4055.9 is the density of each customer's mean spend (see gamma-gamma.ts).
    expect(Math.abs(fit.log_likelihood - -4055.9)).toBeLessThan(0.5);
    expect(fit.converged).toBe(true);
  });

  it('documents the other likelihood convention: same estimates, total shifted by Σ ln m', () => {
    const buyers = sample.filter((c) => c.x > 0);
    const sumLogM = buyers.reduce((s, c) => s + Math.log(c.monetary), 0);
    expect(sumLogM).toBeCloseTo(3140.9, 1);
    const perCustomer = buyers.reduce((s, c) => s + gammaGammaLogLikelihood({ params: fit.params, x: c.x, monetary: c.monetary }), 0);
    expect(perCustomer).toBeCloseTo(fit.log_likelihood, 6);
  });

  it('shrinks a customer’s mean towards the population mean, less so the more they bought', () => {
    const population = gammaGammaMeanValue(fit.params);
    within({ actual: population, expected: (fit.params.p * fit.params.gamma) / (fit.params.q - 1), share: 1e-12 });
    const one = gammaGammaConditionalExpectedValue({ params: fit.params, x: 1, monetary: 100 });
    const many = gammaGammaConditionalExpectedValue({ params: fit.params, x: 20, monetary: 100 });
    expect(one).toBeGreaterThan(population);
    expect(one).toBeLessThan(many);
    expect(many).toBeLessThan(100);
    expect(gammaGammaConditionalExpectedValue({ params: fit.params, x: 0, monetary: 0 })).toBe(population);
  });

  it('leaves out customers without a positive repeat value', () => {
    const withZeros = [...sample, { x: 3, tx: 5, T: 10, monetary: 0 }, { x: 0, tx: 0, T: 10, monetary: 50 }];
    expect(fitGammaGamma(withZeros).customers).toBe(946);
    expect(() => fitGammaGamma([{ x: 0, tx: 0, T: 4 }])).toThrow(/No customers/);
  });
});
