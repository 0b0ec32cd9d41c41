import type { CustomerSummary } from './summary.ts';

// Customers with the same (x, t_x, T) contribute the same likelihood term, so a fit
// evaluates each distinct triple once, times its count. Summaries built from calendar
// days take few distinct values (a million customers over a year of weekly data share
// some tens of thousands of triples), which is what makes large fits take seconds.
// Distinct x and distinct times are indexed too, so that the logs and gamma functions
// of a likelihood evaluation are computed once per distinct value.

export interface SummaryGroups {
  /** number of distinct (x, t_x, T) */
  size: number;
  /** total weight (customers) */
  customers: number;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** index of each group's x in xValues */
  xIndex: Int32Array;
  /** index of each group's t_x and T in times */
  txIndex: Int32Array;
  TIndex: Int32Array;
  xValues: Float64Array;
  /** total weight per distinct x */
  xWeight: Float64Array;
  /** distinct values of t_x and T together */
  times: Float64Array;
  meanT: number;
  /** repeat purchases per unit time across customers (0 if none) */
  purchaseRate: number;
}

// Distinct doubles numbered in order of first appearance: an open-addressing table over
// the values' bits, so that a lookup allocates nothing.
export class Interner {
  values: number[] = [];
  private keys: Float64Array;
  private ids: Int32Array;
  private mask: number;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);
  constructor(capacity = 1024) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.keys = new Float64Array(size);
    this.ids = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }
  id(v: number): number {
    this.bits[0] = v === 0 ? 0 : v; // −0 and 0 are one value
    // murmur3's finaliser over both words: integer-valued doubles have all-zero low words.
    let h = this.words[0] ^ Math.imul(this.words[1], 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.ids[slot];
      if (id < 0) {
        this.keys[slot] = v;
        this.ids[slot] = this.values.length;
        this.values.push(v);
        if (2 * this.values.length > this.mask) this.grow();
        return this.values.length - 1;
      }
      if (this.keys[slot] === v) return id;
    }
  }
  private grow() {
    const values = this.values;
    const size = 2 * (this.mask + 1);
    this.keys = new Float64Array(size);
    this.ids = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.values = [];
    for (const v of values) this.id(v);
  }
}

function checkSummary(c: CustomerSummary, i: number): number {
  const { x, tx, T } = c;
  const weight = c.weight ?? 1;
  if (!(Number.isFinite(x) && Number.isFinite(tx) && Number.isFinite(T) && x >= 0 && tx >= 0 && tx <= T)) {
    throw new RangeError(`Summary ${i}: need finite 0 ≤ x and 0 ≤ tx ≤ T (got x=${x}, tx=${tx}, T=${T})`);
  }
  if (x === 0 && tx !== 0) throw new RangeError(`Summary ${i}: tx must be 0 when x is 0 (got tx=${tx})`);
  if (!(Number.isFinite(weight) && weight >= 0)) throw new RangeError(`Summary ${i}: weight must be a non-negative number`);
  return weight;
}

export function groupSummaries(summaries: readonly CustomerSummary[]): SummaryGroups {
  const n = summaries.length;
  const xs = new Interner();
  const ts = new Interner();
  let xi = new Int32Array(n);
  let txi = new Int32Array(n);
  let Ti = new Int32Array(n);
  let w = new Float64Array(n);
  let customers = 0;
  let sumT = 0;
  let sumX = 0;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const c = summaries[i];
    const weight = checkSummary(c, i);
    if (weight === 0) continue;
    w[kept] = weight;
    xi[kept] = xs.id(c.x);
    txi[kept] = ts.id(c.tx);
    Ti[kept] = ts.id(c.T);
    customers += weight;
    sumT += weight * c.T;
    sumX += weight * c.x;
    kept++;
  }
  // Customers bucketed by x (a counting sort over few values), then within a bucket a
  // direct-address table over (t_x, T) that stays in cache; past a few million cells a
  // hash of the whole triple instead.
  const nx = xs.values.length;
  const nt = ts.values.length;
  const byX = new Int32Array(nx + 1);
  for (let k = 0; k < kept; k++) byX[xi[k] + 1]++;
  for (let j = 0; j < nx; j++) byX[j + 1] += byX[j];
  const order = new Int32Array(kept);
  const fill = byX.slice(0, nx);
  for (let k = 0; k < kept; k++) order[fill[xi[k]]++] = k;
  const direct = nt * nt <= 1 << 22;
  const cell = direct ? new Int32Array(nt * nt) : new Int32Array(0);
  const stamp = direct ? new Int32Array(nt * nt).fill(-1) : new Int32Array(0);
  const triples = direct ? undefined : new Interner(1 << 16);
  const groupOf = new Int32Array(kept);
  let size = 0;
  for (let j = 0; j < nx; j++) {
    for (let o = byX[j]; o < byX[j + 1]; o++) {
      const k = order[o];
      const key = txi[k] * nt + Ti[k];
      let g: number;
      if (direct) {
        if (stamp[key] !== j) {
          stamp[key] = j;
          cell[key] = size++;
        }
        g = cell[key];
      } else {
        g = triples!.id(j * nt * nt + key);
        if (g === size) size++;
      }
      groupOf[k] = g;
    }
  }
  const weightOf = new Float64Array(size);
  const xOf = new Int32Array(size);
  const txOf = new Int32Array(size);
  const TOf = new Int32Array(size);
  for (let k = 0; k < kept; k++) {
    const g = groupOf[k];
    weightOf[g] += w[k];
    xOf[g] = xi[k];
    txOf[g] = txi[k];
    TOf[g] = Ti[k];
  }
  xi = xOf;
  txi = txOf;
  Ti = TOf;
  w = weightOf;
  const xValues = Float64Array.from(xs.values);
  const times = Float64Array.from(ts.values);
  const groups: SummaryGroups = {
    size,
    customers,
    x: new Float64Array(size),
    tx: new Float64Array(size),
    T: new Float64Array(size),
    weight: w,
    xIndex: xi,
    txIndex: txi,
    TIndex: Ti,
    xValues,
    xWeight: new Float64Array(xValues.length),
    times,
    meanT: customers > 0 ? sumT / customers : 0,
    purchaseRate: sumT > 0 ? sumX / sumT : 0,
  };
  for (let g = 0; g < size; g++) {
    groups.x[g] = xValues[xi[g]];
    groups.tx[g] = times[txi[g]];
    groups.T[g] = times[Ti[g]];
    groups.xWeight[xi[g]] += w[g];
  }
  return groups;
}
