import { describe, expect, it } from 'vitest';
import { paretoIntegrals, type ParetoNbdParams } from './pareto-integral.ts';
import {
  fitParetoNbd, paretoNbdConditionalExpectedPurchases, paretoNbdExpectedPurchases, paretoNbdLogLikelihood, paretoNbdProbabilityAlive,
  paretoNbdTotalLogLikelihood,
} from './pareto-nbd.ts';
import { gammaVariate, seededRandom } from './simulate.ts';
import { logIntegrate } from './special-functions.ts';
import { cdnowSampleSummary } from './test-data.ts';

const within = ({ actual, expected, share }: { actual: number; expected: number; share: number }) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(Math.abs(expected) * share);

const sample = cdnowSampleSummary();

describe('Pareto/NBD on the CDNOW sample', () => {
  const fit = fitParetoNbd(sample);

  it('reproduces the published r, α, s, β and log-likelihood', () => {
    within({ actual: fit.params.r, expected: 0.553, share: 0.005 });
    within({ actual: fit.params.alpha, expected: 10.578, share: 0.005 });
    within({ actual: fit.params.s, expected: 0.606, share: 0.005 });
    within({ actual: fit.params.beta, expected: 11.669, share: 0.005 });
    expect(Math.abs(fit.log_likelihood - -9595.0)).toBeLessThan(0.5);
    expect(fit.converged).toBe(true);
    for (const se of Object.values(fit.std_errors)) expect(se).toBeGreaterThan(0);
  });

  it('sums the same likelihood per customer as grouped', () => {
    const perCustomer = sample.reduce((s, customer) => s + paretoNbdLogLikelihood({ params: fit.params, customer }), 0);
    expect(perCustomer).toBeCloseTo(fit.log_likelihood, 6);
    expect(paretoNbdTotalLogLikelihood({ params: fit.params, summaries: sample })).toBeCloseTo(fit.log_likelihood, 8);
  });

  it('predicts sensibly', () => {
    const customer = { x: 2, tx: 30.43, T: 38.86 };
    const next = paretoNbdConditionalExpectedPurchases({ params: fit.params, customer, t: 39 });
    expect(next).toBeGreaterThan(1.3);
    expect(next).toBeLessThan(1.6);
    // A new customer is a history of (0, 0, 0), alive for sure.
    within({ actual: paretoNbdConditionalExpectedPurchases({ params: fit.params, customer: { x: 0, tx: 0, T: 0 }, t: 52 }), expected: paretoNbdExpectedPurchases({ params: fit.params, t: 52 }), share: 1e-12 });
    expect(paretoNbdProbabilityAlive({ params: fit.params, customer: { x: 3, tx: 20, T: 20 } })).toBe(1);
    expect(paretoNbdProbabilityAlive({ params: fit.params, customer: { x: 3, tx: 2, T: 38 } })).toBeLessThan(paretoNbdProbabilityAlive({ params: fit.params, customer: { x: 3, tx: 30, T: 38 } }));
  });
});

describe('Pareto/NBD predictions against simulation', () => {
  it('P(alive) and the conditional expectation match a Monte Carlo over (λ, μ)', () => {
    // Draw rates from the priors, weight each by the likelihood of the history.
    const params = { r: 0.5974, alpha: 11.59, s: 0.5222, beta: 8.828 };
    const random = seededRandom(11);
    const histories = [{ x: 0, tx: 0, T: 32 }, { x: 1, tx: 10, T: 32 }, { x: 3, tx: 25, T: 35 }];
    const sums = histories.map(() => ({ alive: 0, all: 0, next: 0 }));
    for (let i = 0; i < 300_000; i++) {
      const lambda = gammaVariate(random, params.r) / params.alpha;
      const mu = gammaVariate(random, params.s) / params.beta;
      histories.forEach(({ x, tx, T }, h) => {
        const alive = lambda ** x * Math.exp(-(lambda + mu) * T);
        const died = ((lambda ** x * mu) / (lambda + mu)) * (Math.exp(-(lambda + mu) * tx) - Math.exp(-(lambda + mu) * T));
        sums[h].alive += alive;
        sums[h].all += alive + died;
        sums[h].next += alive * (lambda / mu) * -Math.expm1(-mu * 39);
      });
    }
    histories.forEach((customer, h) => {
      within({ actual: paretoNbdProbabilityAlive({ params, customer }), expected: sums[h].alive / sums[h].all, share: 0.02 });
      within({ actual: paretoNbdConditionalExpectedPurchases({ params, customer, t: 39 }), expected: sums[h].next / sums[h].all, share: 0.03 });
    });
  });
});

describe('the death integral I = α^r β^s ∫ (α + τ)^−(r+x) (β + τ)^−(s+1) dτ', () => {
  // Independent reference: plain adaptive quadrature in τ.
  const reference = ([{ r, alpha, s, beta }, x, [tx, T]]: [ParetoNbdParams, number, [number, number]]) => logIntegrate({
    logf: (tau) => -r * Math.log1p(tau / alpha) - x * Math.log(alpha + tau) - s * Math.log1p(tau / beta) - Math.log(beta + tau),
    from: tx,
    to: T,
    relTol: 1e-14,
    maxPanels: 2000,
  });
  const cases: [ParetoNbdParams, number, [number, number]][] = [
    [{ r: 0.55, alpha: 10.5, s: 0.6, beta: 11.6 }, 3, [10, 30]], // α < β, series
    [{ r: 0.55, alpha: 11.6, s: 0.6, beta: 10.5 }, 3, [10, 30]], // α > β, series
    [{ r: 0.55, alpha: 10, s: 0.6, beta: 10 }, 0, [0, 30]], // α = β
    [{ r: 2, alpha: 0.3, s: 3, beta: 500 }, 20, [1, 50]], // z near 1: quadrature
    [{ r: 1e4, alpha: 1e5, s: 1e-6, beta: 3e6 }, 7, [3, 52]], // both running off
    [{ r: 0.8, alpha: 10, s: 0.5, beta: 12 }, 2, [29.99, 30]], // t_x ≈ T: quadrature
  ];

  it('matches direct quadrature in every regime', () => {
    for (const [params, x, range] of cases) {
      const value = paretoIntegrals({ params, times: range }).logDeath(x, { from: 0, to: 1 });
      expect(Math.abs(value - reference([params, x, range])), JSON.stringify(params)).toBeLessThan(1e-10 * Math.max(1, Math.abs(value)));
    }
  });

  it('is continuous where the method switches', () => {
    // Three equally spaced points, the first on the other side of the switch: the step
    // across it must equal the step after it.
    const jump = (f: (v: number) => number, at: number) => {
      const h = 1e-8 * at;
      return Math.abs(f(at - h) - 2 * f(at + h) + f(at + 3 * h));
    };
    // z = (β − α)/(β + t_x) = 0.9 at t_x = 10 for α = 1, β = 100.
    const p = { r: 0.7, alpha: 1, s: 0.9, beta: 100 };
    expect(jump((tx) => paretoIntegrals({ params: p, times: [tx, 40] }).logDeath(4, { from: 0, to: 1 }), 10)).toBeLessThan(1e-10);
    // α = β, where the base of the series changes sides.
    const q = { r: 0.7, alpha: 8, s: 0.9, beta: 8 };
    expect(jump((alpha) => paretoIntegrals({ params: { ...q, alpha }, times: [5, 40] }).logDeath(4, { from: 0, to: 1 }), 8)).toBeLessThan(1e-10);
  });

  it('has the gradient its finite differences say', () => {
    for (const [params, x, range] of cases.slice(0, 4)) {
      const integrals = paretoIntegrals({ params, times: range, withGradient: true });
      integrals.logDeath(x, { from: 0, to: 1 });
      const gradient = [...integrals.gradient];
      (['r', 'alpha', 's', 'beta'] as const).forEach((k, i) => {
        const h = 1e-6 * params[k];
        const f = (v: number) => paretoIntegrals({ params: { ...params, [k]: v }, times: range }).logDeath(x, { from: 0, to: 1 });
        const numeric = (f(params[k] + h) - f(params[k] - h)) / (2 * h);
        expect(Math.abs(gradient[i] - numeric), `${k} ${JSON.stringify(params)}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
      });
    }
  });
});

describe('Pareto/NBD expectations at s = 1', () => {
  it('take the logarithmic limit instead of dividing by zero', () => {
    const at = (s: number) => paretoNbdExpectedPurchases({ params: { r: 0.5, alpha: 10, s, beta: 12 }, t: 52 });
    within({ actual: at(1), expected: (0.5 * 12 / 10) * Math.log1p(52 / 12), share: 1e-12 });
    within({ actual: at(1 + 1e-7), expected: at(1), share: 1e-6 });
  });
});
