import { describe, expect, it } from 'vitest';
import { bfgs, fitLogParameters, hessian, invert, numericGradient } from './optimize.ts';

const box = (n: number) => ({ lower: Array(n).fill(-50), upper: Array(n).fill(50) });

describe('BFGS', () => {
  it('finds the minimum of the Rosenbrock valley', () => {
    const fg = (x: readonly number[], g: number[]) => {
      const [a, b] = x;
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const result = bfgs({ fg, start: [-1.2, 1], ...box(2), tolerance: 1e-12 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('stops at a bound the function keeps falling towards, with the other coordinates optimal', () => {
    // f falls forever in x0; x1 has its minimum at 3.
    const fg = (x: readonly number[], g: number[]) => {
      g[0] = -1;
      g[1] = 2 * (x[1] - 3);
      return -x[0] + (x[1] - 3) ** 2;
    };
    const result = bfgs({ fg, start: [0, 0], lower: [-10, -10], upper: [10, 10] });
    expect(result.x[0]).toBe(10);
    expect(result.x[1]).toBeCloseTo(3, 8);
    expect(result.converged).toBe(true);
  });

  it('treats non-finite values as out of bounds', () => {
    const f = (x: readonly number[]) => (x[0] <= 0 ? Number.NaN : x[0] - Math.log(x[0]));
    const result = bfgs({ fg: numericGradient(f), start: [5], ...box(1) });
    expect(result.x[0]).toBeCloseTo(1, 5);
  });
});

describe('Hessian and inverse', () => {
  it('recovers a quadratic form, with and without a gradient', () => {
    const A = [[4, 1, 0], [1, 3, -1], [0, -1, 2]];
    const f = (x: readonly number[]) => 0.5 * x.reduce((s, xi, i) => s + xi * A[i].reduce((t, aij, j) => t + aij * x[j], 0), 0);
    const fg = (x: readonly number[], g: number[]) => {
      for (let i = 0; i < 3; i++) g[i] = A[i].reduce((t, aij, j) => t + aij * x[j], 0);
      return f(x);
    };
    for (const H of [hessian({ f, x: [0.3, -0.2, 1] }), hessian({ f, fg, x: [0.3, -0.2, 1] })]) {
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(H[i][j]).toBeCloseTo(A[i][j], 5);
    }
    const inverse = invert(A)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) expect(A[i].reduce((s, aik, k) => s + aik * inverse[k][j], 0)).toBeCloseTo(i === j ? 1 : 0, 12);
    }
    expect(invert([[1, 2], [2, 4]])).toBeUndefined();
  });
});

describe('fitLogParameters', () => {
  it('gives the normal-theory standard error of a Poisson rate', () => {
    // 40 events in 10 units of time: λ̂ = 4, se = sqrt(λ̂ / 10).
    const fit = fitLogParameters({
      names: ['lambda'] as const,
      scales: [1],
      starts: [[1], [20]],
      negLogLikelihood: ([lambda]) => lambda * 10 - 40 * Math.log(lambda),
    });
    expect(fit.params.lambda).toBeCloseTo(4, 6);
    expect(fit.std_errors.lambda).toBeCloseTo(Math.sqrt(0.4), 4);
    expect(fit.on_boundary.lambda).toBe(false);
  });

  it('flags a parameter whose optimum is at infinity and reports no standard error for it', () => {
    // The likelihood improves as theta → ∞ (ever more slowly); mu is an ordinary mean.
    const fit = fitLogParameters({
      names: ['theta', 'mu'] as const,
      scales: [1, 1],
      starts: [[1, 1]],
      negLogLikelihood: ([theta, mu]) => 5 / theta + (mu - 2) ** 2 * 50,
    });
    expect(fit.on_boundary).toEqual({ theta: true, mu: false });
    expect(fit.std_errors.theta).toBeNull();
    expect(fit.std_errors.mu).toBeCloseTo(0.1, 4);
    expect(fit.params.mu).toBeCloseTo(2, 5);
  });
});
