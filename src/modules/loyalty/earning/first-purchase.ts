import type { Program } from '../program/program.ts';

// The first-purchase bonus: one rule for the ledger (accrual.ts, whether the purchases come
// one a call, in a batch or in an import chunk), `loyalty simulate` (simulate.ts,
// simulate-replay.ts) and merges (merge-duplicate-bonuses.ts).
//
// A member's first purchase is the earliest of their purchases in time (at one instant,
// the first recorded). It earns the bonus when it is of more than nothing: a first
// purchase of 0.00 (a free sample rung up) earns none, and the purchases after it are not
// first purchases. The bonus is decided when a purchase is recorded, from the purchases
// recorded until then, its own transaction's included, in time order: so a purchase
// recorded later but dated before them (a history imported afterwards) is the first
// purchase from then on, and earns the bonus unless the member already has it (their
// first was of 0.00, or there was no bonus then). A bonus once given stays with its
// purchase: the ledger only adds, and a purchase dated earlier, recorded later, does not
// take it — nor does a merge, which brings in the purchases of the person's other id as
// recorded later; of two bonuses the person was given under two ids, the one of the earlier
// purchase stays.
//
// Regression (QA F1): a group of purchases (a batch, an import chunk) counted only the
// purchases of more than nothing as having been met, so after a 0.00 first purchase the
// next one in the same group took the bonus, while sent one a call it did not.

/** The bonus a member's first purchase earns: the program's, when the purchase is of more than nothing. */
export function firstPurchaseBonus(program: Program, totalMinor: number): number {
  return totalMinor > 0 ? program.document.bonuses.first_purchase ?? 0 : 0;
}

/** What is known of a member before a group of their purchases is recorded. */
export interface FirstPurchaseHistory {
  /** When their earliest purchase recorded before happened (ms since the epoch); null: none. */
  earliestAt: number | null;
  /** They have the bonus already (under any of their ids: merges). */
  given: boolean;
}

/**
 * The rule applied to a group of purchases recorded together, met in time order (equal
 * times in the order recorded): every one of a member's purchases is met, 0.00 ones too.
 */
export class FirstPurchases {
  private readonly earliest = new Map<string, number>();
  private readonly given = new Set<string>();

  constructor(private readonly program: Program) {}

  /** What was recorded before the group: without it, a member is taken to have no purchase and no bonus yet. */
  know(customerId: string, history: FirstPurchaseHistory): void {
    if (history.earliestAt !== null) this.earliest.set(customerId, history.earliestAt);
    if (history.given) this.given.add(customerId);
  }

  /** The first-purchase bonus a member's purchase at `at` earns: 0 unless it is their first purchase, of more than nothing, and they have no bonus yet. */
  bonus(customerId: string, at: number, totalMinor: number): number {
    const earliest = this.earliest.get(customerId);
    if (earliest !== undefined && at >= earliest) return 0;
    this.earliest.set(customerId, at);
    if (this.given.has(customerId)) return 0;
    const points = firstPurchaseBonus(this.program, totalMinor);
    if (points > 0) this.given.add(customerId);
    return points;
  }
}
