import { describe, expect, it } from 'vitest';
import { seededRandom } from '../btyd/index.ts';
import { fitLogistic, predictLogistic, standardise, topReasons, type LogisticModel } from './model.ts';

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

// Standard normal pairs from a seeded uniform source (Box–Muller).
function normals(random: () => number, n: number): number[] {
  const out: number[] = [];
  while (out.length < n) {
    const u = Math.max(random(), 1e-300);
    const v = random();
    out.push(Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v), Math.sqrt(-2 * Math.log(u)) * Math.sin(2 * Math.PI * v));
  }
  return out.slice(0, n);
}

function simulate({ n, intercept, beta, seed }: { n: number; intercept: number; beta: number[]; seed: number }) {
  const random = seededRandom(seed);
  const p = beta.length;
  const X = new Float64Array(normals(random, n * p));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let e = intercept;
    for (let j = 0; j < p; j++) e += beta[j] * X[i * p + j];
    y[i] = random() < sigmoid(e) ? 1 : 0;
  }
  return { X, y };
}

/** Gradient of Σ log-loss + λ/2‖β‖² at the fitted model, computed independently. */
function penalisedGradient(model: LogisticModel, X: Float64Array, y: ArrayLike<number>): number[] {
  const p = model.features.length;
  const g = new Array<number>(p + 1).fill(0);
  for (let i = 0; i < y.length; i++) {
    const z = standardise(model, X.subarray(i * p, (i + 1) * p));
    const r = predictLogistic(model, X.subarray(i * p, (i + 1) * p)) - y[i];
    g[0] += r;
    z.forEach((zj, j) => (g[j + 1] += r * zj));
  }
  model.coefficients.forEach((b, j) => (g[j + 1] += model.lambda * b));
  return g;
}

describe('fitLogistic', () => {
  it('reproduces the group rates exactly for one binary feature without a penalty', () => {
    // 30 of 40 churned with x = 1, 10 of 60 with x = 0: the maximum-likelihood fit
    // predicts exactly those rates (the saturated model).
    const rows: [number, number][] = [];
    for (let i = 0; i < 40; i++) rows.push([1, i < 30 ? 1 : 0]);
    for (let i = 0; i < 60; i++) rows.push([0, i < 10 ? 1 : 0]);
    const model = fitLogistic({ features: ['x'], X: rows.map((r) => r[0]), y: rows.map((r) => r[1]), lambda: 0 });
    expect(model.converged).toBe(true);
    expect(predictLogistic(model, [1])).toBeCloseTo(0.75, 10);
    expect(predictLogistic(model, [0])).toBeCloseTo(10 / 60, 10);
    // Per standard deviation of x (sd of 40 ones among 100 = √0.24): log odds ratio × sd.
    expect(model.coefficients[0]).toBeCloseTo((Math.log(3) - Math.log(0.2)) * Math.sqrt(0.24), 10);
  });

  it('recovers the coefficients that generated the data', () => {
    const { X, y } = simulate({ n: 40_000, intercept: -0.5, beta: [1.5, -2, 0], seed: 11 });
    const model = fitLogistic({ features: ['a', 'b', 'noise'], X, y, lambda: 1 });
    expect(model.converged).toBe(true);
    expect(model.iterations).toBeLessThan(12);
    // Inputs are standard normal, so per-sd coefficients are close to the true ones.
    expect(model.intercept).toBeCloseTo(-0.5, 1);
    expect(model.coefficients[0]).toBeCloseTo(1.5, 1);
    expect(model.coefficients[1]).toBeCloseTo(-2, 1);
    expect(Math.abs(model.coefficients[2])).toBeLessThan(0.05);
  });

  it('stops at the minimum of the penalised log-loss (zero gradient)', () => {
    const { X, y } = simulate({ n: 3000, intercept: 0.3, beta: [0.8, -0.4, 1.2, 0.1], seed: 5 });
    for (const lambda of [0, 1, 50]) {
      const model = fitLogistic({ features: ['a', 'b', 'c', 'd'], X, y, lambda });
      const g = penalisedGradient(model, X, y);
      for (const component of g) expect(Math.abs(component)).toBeLessThan(1e-6);
    }
  });

  it('shrinks the coefficients as the penalty grows, never the intercept towards 0', () => {
    const { X, y } = simulate({ n: 2000, intercept: 1, beta: [1, -1], seed: 9 });
    const norms = [0, 10, 100, 1000].map((lambda) => {
      const m = fitLogistic({ features: ['a', 'b'], X, y, lambda });
      return Math.hypot(...m.coefficients);
    });
    for (let i = 1; i < norms.length; i++) expect(norms[i]).toBeLessThan(norms[i - 1]);
    const heavy = fitLogistic({ features: ['a', 'b'], X, y, lambda: 1e9 });
    const rate = Array.from(y).reduce((s, v) => s + v, 0) / y.length;
    expect(predictLogistic(heavy, [0, 0])).toBeCloseTo(rate, 4); // only the intercept is left
  });

  it('does not depend on the units of a feature', () => {
    const { X, y } = simulate({ n: 2000, intercept: 0, beta: [1, 0.5], seed: 3 });
    const scaled = X.map((v, i) => (i % 2 === 0 ? v * 1000 + 7 : v));
    const a = fitLogistic({ features: ['a', 'b'], X, y });
    const b = fitLogistic({ features: ['a', 'b'], X: scaled, y });
    expect(b.coefficients[0]).toBeCloseTo(a.coefficients[0], 8);
    expect(predictLogistic(b, [1000 * 0.3 + 7, -1])).toBeCloseTo(predictLogistic(a, [0.3, -1]), 8);
  });

  it('ignores a constant feature and survives separable data', () => {
    const X = [0, 5, 1, 5, 2, 5, 3, 5, 4, 5, 5, 5];
    const y = [0, 0, 0, 1, 1, 1];
    const penalised = fitLogistic({ features: ['x', 'constant'], X, y, lambda: 1 });
    expect(penalised.converged).toBe(true);
    expect(penalised.scale[1]).toBe(0);
    expect(penalised.coefficients[1]).toBe(0);
    // Without a penalty the separable optimum is at infinity: the fit stays finite and says so.
    const unpenalised = fitLogistic({ features: ['x', 'constant'], X, y, lambda: 0, maxIterations: 40 });
    expect(unpenalised.coefficients.every(Number.isFinite)).toBe(true);
    expect(predictLogistic(unpenalised, [0, 5])).toBeLessThan(0.01);
    expect(predictLogistic(unpenalised, [5, 5])).toBeGreaterThan(0.99);
  });

  it('rejects malformed input', () => {
    expect(() => fitLogistic({ features: ['a'], X: [1, 2], y: [1] })).toThrow(/2 values/);
    expect(() => fitLogistic({ features: ['a'], X: [1], y: [2] })).toThrow(/0 or 1/);
    expect(() => fitLogistic({ features: ['a'], X: [], y: [] })).toThrow(/No rows/);
  });
});

describe('topReasons', () => {
  it('lists the features that raise the risk most, as coefficient × standardised value', () => {
    const model: LogisticModel = {
      features: ['recency', 'frequency', 'refunds'], mean: [10, 5, 0], scale: [5, 2, 0.1], intercept: 0,
      coefficients: [1.2, -0.8, 0.5], lambda: 1, iterations: 1, converged: true, rows: 1, positives: 1,
    };
    // recency z = 2 → +2.4; frequency z = −1 → +0.8; refunds z = 0 → 0 (not a reason).
    expect(topReasons(model, [20, 3, 0])).toEqual([
      { feature: 'recency', value: 20, contribution: 2.4 },
      { feature: 'frequency', value: 3, contribution: expect.closeTo(0.8, 12) },
    ]);
    expect(topReasons(model, [20, 3, 0], 1)).toHaveLength(1);
    expect(topReasons(model, [0, 9, 0])).toEqual([]); // a loyal customer has no reason to churn
  });
});
