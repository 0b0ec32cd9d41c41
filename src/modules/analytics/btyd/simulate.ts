import type { BgNbdParams } from './bgnbd.ts';
import type { CustomerSummary } from './summary.ts';

// Synthetic customers drawn from the BG/NBD process itself, for checking that a fit
// recovers known parameters and for benchmarks. Deterministic for a given seed.

/** sfc32, seeded through splitmix32: fast, and good enough for simulation. Returns [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

/** Gamma(shape, 1) by Marsaglia & Tsang, boosted for shape < 1. */
export function gammaVariate(random: () => number, shape: number): number {
  if (shape < 1) return gammaVariate(random, shape + 1) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box–Muller; 1 − u keeps the log finite.
      x = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export interface SimulationOptions {
  params: BgNbdParams;
  customers: number;
  seed: number;
  /** customer ages T are uniform on [minAge, maxAge] */
  maxAge: number;
  minAge?: number;
  /**
   * Purchase times are floored to this grid (e.g. 1/7 for days in weeks) and purchases
   * in the same cell merged, as a summary built from calendar days is; 0 keeps exact
   * times.
   */
  resolution?: number;
}

export function simulateBgNbd({ params, customers, seed, maxAge, minAge = 0, resolution = 0 }: SimulationOptions): CustomerSummary[] {
  const { r, alpha, a, b } = params;
  const random = seededRandom(seed);
  const grid = (t: number) => (resolution > 0 ? Math.floor(t / resolution + 1e-9) * resolution : t);
  const out: CustomerSummary[] = new Array(customers);
  for (let i = 0; i < customers; i++) {
    const lambda = gammaVariate(random, r) / alpha;
    const ga = gammaVariate(random, a);
    const p = ga / (ga + gammaVariate(random, b));
    const T = grid(minAge + (maxAge - minAge) * random());
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      const cell = grid(t);
      if (cell > T) break;
      // A purchase in the cell of the previous one is the same purchase day.
      if (cell > tx) {
        x++;
        tx = cell;
        if (random() < p) break;
      }
    }
    out[i] = { x, tx, T };
  }
  return out;
}
