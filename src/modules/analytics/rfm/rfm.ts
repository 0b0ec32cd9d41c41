// RFM: recency, frequency and monetary value scored 1–5 by quintile, and named segments
// from the scores. Pure functions over arrays; the rules are data a business can edit.

export interface RfmInput {
  customerId: string;
  /** days since the last purchase (smaller is better) */
  recencyDays: number;
  /** purchase days */
  frequency: number;
  /** net spend in minor units */
  monetary: number;
}

export interface RfmScore extends RfmInput {
  r: number;
  f: number;
  m: number;
  segment: string;
}

/**
 * Quintile scores 1..5 by rank. Ties get the same score (the score of the first of the
 * tied values), and the order is made total by customer id, so the same data always
 * scores the same way.
 */
export function quintiles(values: readonly { id: string; value: number }[], { higherIsBetter }: { higherIsBetter: boolean }): Map<string, number> {
  const sorted = [...values].sort((a, b) => (a.value - b.value) * (higherIsBetter ? 1 : -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const scores = new Map<string, number>();
  const n = sorted.length;
  let previous: { value: number; score: number } | undefined;
  sorted.forEach((item, rank) => {
    const score = previous && previous.value === item.value ? previous.score : Math.min(5, Math.floor((rank * 5) / n) + 1);
    scores.set(item.id, score);
    previous = { value: item.value, score };
  });
  return scores;
}

/** A segment rule: inclusive ranges on the scores; the first matching rule names the customer. */
export interface SegmentRule {
  name: string;
  r: [number, number];
  f: [number, number];
  m?: [number, number];
}

// The classic eleven segments on R and F (as in most RFM guides); M refines "Can't lose them".
export const DEFAULT_SEGMENT_RULES: SegmentRule[] = [
  { name: 'Champions', r: [5, 5], f: [4, 5] },
  { name: 'Loyal', r: [3, 4], f: [4, 5] },
  { name: "Can't lose them", r: [1, 1], f: [4, 5], m: [4, 5] },
  { name: 'At risk', r: [1, 2], f: [3, 5] },
  { name: 'Potential loyalist', r: [4, 5], f: [2, 3] },
  { name: 'New', r: [5, 5], f: [1, 1] },
  { name: 'Promising', r: [4, 4], f: [1, 1] },
  { name: 'Need attention', r: [3, 3], f: [3, 3] },
  { name: 'About to sleep', r: [3, 3], f: [1, 2] },
  { name: 'Hibernating', r: [2, 2], f: [1, 2] },
  { name: 'Lost', r: [1, 1], f: [1, 2] },
];

const within = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;

export function segmentOf(score: { r: number; f: number; m: number }, rules: readonly SegmentRule[] = DEFAULT_SEGMENT_RULES): string {
  return rules.find((rule) => within(score.r, rule.r) && within(score.f, rule.f) && (!rule.m || within(score.m, rule.m)))?.name ?? 'Other';
}

export function scoreRfm(customers: readonly RfmInput[], rules: readonly SegmentRule[] = DEFAULT_SEGMENT_RULES): RfmScore[] {
  const r = quintiles(customers.map((c) => ({ id: c.customerId, value: c.recencyDays })), { higherIsBetter: false });
  const f = quintiles(customers.map((c) => ({ id: c.customerId, value: c.frequency })), { higherIsBetter: true });
  const m = quintiles(customers.map((c) => ({ id: c.customerId, value: c.monetary })), { higherIsBetter: true });
  return customers.map((c) => {
    const score = { r: r.get(c.customerId)!, f: f.get(c.customerId)!, m: m.get(c.customerId)! };
    return { ...c, ...score, segment: segmentOf(score, rules) };
  });
}
