import { describe, expect, it } from 'vitest';
import {
  digamma, hyp2f1, lgamma, lnRising, log1mexp, logAddExp, logBeta, logIntegrate, logIntegrateUnit, logIntegrateWithMeans, logSumExp, risingDigamma,
} from './special-functions.ts';

const relClose = ({ actual, expected, share }: { actual: number; expected: number; share: number }) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(share * Math.max(1, Math.abs(expected)));

describe('gamma functions', () => {
  it('match known values on both sides of the Lanczos/Stirling switch', () => {
    relClose({ actual: lgamma(0.5), expected: 0.5 * Math.log(Math.PI), share: 1e-14 });
    relClose({ actual: lgamma(1), expected: 0, share: 1e-14 });
    relClose({ actual: lgamma(10), expected: Math.log(362_880), share: 1e-14 });
    relClose({ actual: lgamma(15), expected: Math.log(87_178_291_200), share: 1e-14 });
    relClose({ actual: lgamma(20), expected: Math.log(121_645_100_408_832_000), share: 1e-14 });
    relClose({ actual: lgamma(1e-8), expected: -Math.log(1e-8) - 0.5772156649e-8, share: 1e-12 });
    relClose({ actual: digamma(1), expected: -0.5772156649015329, share: 1e-13 });
    relClose({ actual: digamma(0.5), expected: -0.5772156649015329 - 2 * Math.LN2, share: 1e-13 });
    relClose({ actual: digamma(100), expected: 4.600161852738087, share: 1e-13 });
  });

  it('agree with each other: digamma is the slope of lgamma', () => {
    for (const x of [0.01, 0.3, 2.5, 14.99, 15.01, 300]) relClose({ actual: digamma(x), expected: (lgamma(x * (1 + 1e-6)) - lgamma(x * (1 - 1e-6))) / (2e-6 * x), share: 1e-7 });
  });

  it('short products equal the lgamma differences', () => {
    relClose({ actual: lnRising(0.243, 7), expected: lgamma(7.243) - lgamma(0.243), share: 1e-13 });
    relClose({ actual: lnRising(2.5, 100), expected: lgamma(102.5) - lgamma(2.5), share: 1e-13 });
    relClose({ actual: risingDigamma(0.243, 7), expected: digamma(7.243) - digamma(0.243), share: 1e-12 });
    relClose({ actual: logBeta(2, 3), expected: Math.log(1 / 12), share: 1e-14 });
  });
});

describe('log-space helpers', () => {
  it('do not overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-Infinity, -3)).toBe(-3);
    expect(logSumExp([-1000, -1000, -1000])).toBeCloseTo(-1000 + Math.log(3), 12);
    relClose({ actual: log1mexp(-1e-20), expected: Math.log(1e-20), share: 1e-12 });
    relClose({ actual: log1mexp(-50), expected: -Math.exp(-50), share: 1e-12 });
    expect(log1mexp(0)).toBe(-Infinity);
  });
});

describe('2F1', () => {
  it('matches closed forms', () => {
    for (const z of [0.1, 0.5, 0.9, 0.99]) {
      relClose({ actual: hyp2f1({ a: 1, b: 1, c: 2, z }), expected: -Math.log1p(-z) / z, share: 1e-13 });
      relClose({ actual: hyp2f1({ a: 0.7, b: 2.3, c: 2.3, z }), expected: Math.pow(1 - z, -0.7), share: 1e-13 });
    }
    relClose({ actual: hyp2f1({ a: 0.5, b: 0.5, c: 1.5, z: -0.5 }), expected: Math.asinh(Math.sqrt(0.5)) / Math.sqrt(0.5), share: 1e-13 });
    expect(hyp2f1({ a: -3, b: 2, c: 1, z: 0.5 })).toBeCloseTo(1 - 3 + 3 * 0.75 * 2 * 0.25 * 2 - 0.5, 12);
  });

  it('says NaN rather than returning an unconverged sum', () => {
    expect(hyp2f1({ a: 1, b: 1, c: 2, z: 1 })).toBeNaN();
    expect(hyp2f1({ a: 5, b: 5, c: 1, z: 0.999999, maxTerms: 100 })).toBeNaN();
  });
});

describe('quadrature', () => {
  it('integrates endpoint singularities on (0, 1) (tanh-sinh)', () => {
    for (const [a, b] of [[0.05, 3], [0.5, 0.5], [2, 0.1], [0.8, 60]]) {
      relClose({ actual: logIntegrateUnit((lnP, lnQ) => (a - 1) * lnP + (b - 1) * lnQ), expected: logBeta(a, b), share: 1e-11 });
    }
    // A peak in the middle is the weak spot of a fixed step: still nine digits.
    relClose({ actual: logIntegrateUnit((lnP, lnQ) => 39 * lnP + 59 * lnQ), expected: logBeta(40, 60), share: 1e-8 });
  });

  it('integrates sharp and tiny integrands adaptively, in logs', () => {
    relClose({ actual: logIntegrate({ logf: (v) => -80 * v, from: 0, to: 4 }), expected: Math.log(-Math.expm1(-320) / 80), share: 1e-12 });
    relClose({ actual: logIntegrate({ logf: (v) => -5000 + Math.log(v), from: 0, to: 2 }), expected: -5000 + Math.log(2), share: 1e-12 });
    expect(logIntegrate({ logf: () => 0, from: 1, to: 1 })).toBe(-Infinity);
  });

  it('gives the derivative of a log-integral as a mean', () => {
    // d/dk ln ∫₀¹ e^{kv} dv at k = 2.
    const k = 2;
    const { log, means } = logIntegrateWithMeans({ logf: (v) => k * v, from: 0, to: 1, size: 1, moments: (v, out) => (out[0] = v) });
    relClose({ actual: log, expected: Math.log(Math.expm1(k) / k), share: 1e-12 });
    relClose({ actual: means[0], expected: Math.exp(k) / Math.expm1(k) - 1 / k, share: 1e-12 });
  });
});
