// A small seeded PRNG and the samplers the demo needs, so a seed gives the same
// business on every machine and Node version (Math.random cannot be seeded).
//
// sfc32 rather than mulberry32: mulberry32 walks one 2^32 cycle by a fixed step, so a
// million per-customer streams started at hashed points would overlap by the thousand
// (correlated customers). sfc32 has 128 bits of state and no such shared cycle.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
  normal(): number;
  gamma(shape: number, scale: number): number;
  beta(a: number, b: number): number;
  /** Waiting time of a Poisson process with this rate (mean 1 / rate). */
  exponential(rate: number): number;
  poisson(mean: number): number;
}

/** One independent stream per list of integers, e.g. (seed, customer number). */
export function createRandom(...keys: number[]): Random {
  // Keys are folded through murmur3's finaliser (a bijection), so neighbouring keys
  // (n, n + 1) start far apart in the state space.
  let h = 0x9e3779b9;
  for (const k of keys) h = (fmix32(h ^ (k >>> 0)) + 0x9e3779b9) | 0;
  let a = fmix32(h);
  let b = fmix32(a ^ 0x85ebca6b);
  let c = fmix32(b ^ 0xc2b2ae35);
  let d = 1;

  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // the first outputs of a fresh sfc32 are weakly mixed

  const normal = () => {
    const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };

  // Marsaglia & Tsang (2000); a shape below 1 is boosted by U^(1/shape).
  const gamma = (shape: number, scale: number): number => {
    if (shape < 1) return gamma(shape + 1, scale) * Math.pow(1 - next(), 1 / shape);
    const d3 = shape - 1 / 3;
    const c3 = 1 / Math.sqrt(9 * d3);
    for (;;) {
      const x = normal();
      const v = Math.pow(1 + c3 * x, 3);
      if (v <= 0) continue;
      if (Math.log(1 - next()) < 0.5 * x * x + d3 - d3 * v + d3 * Math.log(v)) return d3 * v * scale;
    }
  };

  // Knuth's product method: fine for the small means a basket needs (cost grows with the mean).
  const poisson = (mean: number) => {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = next(); p > limit; p *= next()) k++;
    return k;
  };

  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (items) => {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [item, w] of items) if ((r -= w) < 0) return item;
      return items[items.length - 1][0];
    },
    chance: (p) => next() < p,
    normal,
    gamma,
    beta: (a_, b_) => {
      const x = gamma(a_, 1);
      return x / (x + gamma(b_, 1));
    },
    exponential: (rate) => -Math.log(1 - next()) / rate,
    poisson,
  };
}

function fmix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A weighted choice table built once and sampled in O(log n), for hot paths. */
export function weightedTable<T>(items: readonly (readonly [T, number])[]): (random: Random) => T {
  const values = items.filter(([, w]) => w > 0).map(([v]) => v);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of items) if (w > 0) cumulative.push((total += w));
  if (values.length === 0) throw new Error('a weighted table needs a positive weight');
  return (random) => {
    const r = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return values[lo];
  };
}
