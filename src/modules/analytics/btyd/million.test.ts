import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd.ts';
import { simulateBgNbd } from './simulate.ts';

describe('a million customers', () => {
  it('fits BG/NBD in seconds, because identical summaries are one likelihood term', () => {
    // A BG/NBD world with known parameters: a year of first purchases, observed to the
    // end of the year, purchase days in weeks (whole days, as a summary from dates has).
    const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const customers = simulateBgNbd({ params: truth, customers: 1_000_000, seed: 2024, maxAge: 52, resolution: 1 / 7 });
    const started = performance.now();
    const fit = fitBgNbd(customers);
    const seconds = (performance.now() - started) / 1000;
    expect(fit.customers).toBe(1_000_000);
    expect(fit.groups).toBeLessThan(250_000);
    expect(seconds).toBeLessThan(10);
    expect(fit.converged).toBe(true);
    // Rounding purchases to whole days biases the estimates a little.
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit.params[k] - truth[k]) / truth[k], k).toBeLessThan(0.1);
  });
});
