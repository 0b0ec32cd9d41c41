import { describe, expect, it } from 'vitest';
import { createRandom, weightedTable } from './random.ts';

const draws = (n: number, f: () => number) => Array.from({ length: n }, f);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the seeded random stream', () => {
  it('repeats for the same keys and differs for neighbouring ones', () => {
    const a = createRandom(1, 42);
    const b = createRandom(1, 42);
    expect(draws(100, a.next)).toEqual(draws(100, b.next));
    const first = (seed: number, n: number) => createRandom(seed, n).next();
    const starts = new Set(Array.from({ length: 10_000 }, (_, n) => first(1, n)));
    expect(starts.size).toBe(10_000);
    expect(first(2, 42)).not.toBe(first(1, 42));
  });

  it('is uniform on [0, 1)', () => {
    const r = createRandom(7);
    const xs = draws(50_000, r.next);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
    const deciles = new Array(10).fill(0);
    for (const x of xs) deciles[Math.floor(x * 10)]++;
    for (const d of deciles) expect(Math.abs(d - 5000)).toBeLessThan(300);
  });

  it('samples gamma, beta, poisson and exponential with the right means', () => {
    const r = createRandom(3);
    expect(mean(draws(40_000, () => r.gamma(0.8, 0.2)))).toBeCloseTo(0.16, 2);
    expect(mean(draws(40_000, () => r.gamma(3, 2)))).toBeCloseTo(6, 1);
    expect(mean(draws(40_000, () => r.beta(1.4, 3.6)))).toBeCloseTo(0.28, 2);
    expect(mean(draws(40_000, () => r.poisson(0.6)))).toBeCloseTo(0.6, 1);
    expect(mean(draws(40_000, () => r.exponential(4)))).toBeCloseTo(0.25, 2);
    const gammaVariance = (() => {
      const xs = draws(40_000, () => r.gamma(2, 1.5));
      const m = mean(xs);
      return mean(xs.map((x) => (x - m) ** 2));
    })();
    expect(gammaVariance).toBeGreaterThan(4.5 * 0.9); // shape · scale² = 4.5
    expect(gammaVariance).toBeLessThan(4.5 * 1.1);
  });

  it('picks by weight, skipping zero weights', () => {
    const r = createRandom(5);
    const pick = weightedTable([['a', 1], ['never', 0], ['b', 3]] as const);
    const picks = draws(20_000, () => ({ a: 0, never: NaN, b: 1 })[pick(r)]);
    expect(mean(picks)).toBeGreaterThan(0.72);
    expect(mean(picks)).toBeLessThan(0.78);
  });
});
