// The purchase-day rollup: the headline figures of a window (customers, repeat customers,
// purchases, net revenue) from one aggregate row per day of the window, whatever the
// number of purchases. No I/O; the SQL is in rollup.repository.ts.
//
// Purchases and revenue add up day by day. Customers do not: a customer who bought on
// three days of a window is one customer. Counting them needs each customer's purchase
// days in order. For a customer with n purchase days in a window W:
//   - the purchase days in W number n;
//   - the days in W whose previous purchase day is also in W ("pairs") number max(n − 1, 0);
//   - the days in W whose second previous purchase day is in W ("triples") number max(n − 2, 0).
// So [n ≥ 1] = n − max(n − 1, 0) and [n ≥ 2] = max(n − 1, 0) − max(n − 2, 0), and summed
// over customers:
//   customers who bought in W        = purchase days in W − pairs in W
//   customers who bought on ≥ 2 days = pairs in W − triples in W.
// A purchase day d whose previous purchase day was gap days earlier is a pair in
// W = [from, to] when d is in W and gap ≤ d − from. So the rollup keeps, per day, how many
// customers bought that day within g days of their previous purchase day, for every g up
// to the longest window (an array; the same for the second previous day), and a window's
// pairs are the sum over its days d of element d − from: one row per day of the window.
// Longer gaps never count in any window, so they are not kept.

/** The longest window the rollup answers: 12 calendar months. */
export const LONGEST_WINDOW_DAYS = 366;

/**
 * First purchases are counted per UTC day and per slot of this many minutes. Every time
 * zone's midnight today is a whole quarter-hour in UTC, so "known by the end of a local
 * day" is a sum of whole days and whole slots; a boundary inside a slot (historic local
 * mean times) adds an exact count of that slot's part.
 */
export const FIRST_PURCHASE_SLOT_MINUTES = 15;

const SLOT_MS = FIRST_PURCHASE_SLOT_MINUTES * 60_000;
/** The start of the slot `instant` falls in (slots are aligned to the Unix epoch). */
export const slotStart = (instant: Date) => new Date(Math.floor(instant.getTime() / SLOT_MS) * SLOT_MS);

export interface RollupWindow {
  from: string;
  to: string;
  /** customers whose first purchase was before this instant are "known" */
  knownBefore: Date;
}

/** A window's sums over the rollup tables. */
export interface WindowSums {
  purchaseDays: number;
  pairs: number;
  triples: number;
  purchases: number;
  netMinor: number;
  knownCustomers: number;
}

export interface WindowCounts {
  customers: number;
  repeatCustomers: number;
  purchases: number;
  netMinor: number;
  knownCustomers: number;
}

export function windowCounts(s: WindowSums): WindowCounts {
  return {
    customers: s.purchaseDays - s.pairs,
    repeatCustomers: s.pairs - s.triples,
    purchases: s.purchases,
    netMinor: s.netMinor,
    knownCustomers: s.knownCustomers,
  };
}
