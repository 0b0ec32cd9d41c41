import { addMonthsIn } from '../../../shared/clock.ts';
import type { Program } from '../program/program.ts';
import { DAY_MS } from '../tiers/tier-timeline.ts';
import type { CustomerState, Refundable } from './simulate-replay-records.ts';

// When a replayed purchase's points had expired (simulate-replay.ts): a refund from then on
// takes nothing back, as the ledger does not take again what its sweep wrote off (planDebit's
// `expired`, takeBonusBack). Per lot, on the lots' own date (Refundable.expiresAt); by
// inactivity, on the day the member had been idle the program's months, as the ledger's
// sweep (or a purchase's accrual before it credits: expireIfInactive) writes everything off.

/** Expiry by inactivity as the replay follows it: per customer, since when they are idle and when they last went idle (CustomerState). */
export class InactivityExpiry {
  /** A bound below any span of `months` (a month is at least 28 days; less an hour for a change of clocks): most purchases come well within it. */
  private readonly minMs: number;

  constructor(private readonly months: number, private readonly timeZone: string) {
    this.minMs = (28 * months - 1) * DAY_MS;
  }

  /** The program's, or null when it expires otherwise or never. */
  static of(program: Program): InactivityExpiry | null {
    const expiry = program.document.expiry;
    return expiry.policy === 'inactivity' ? new InactivityExpiry(expiry.months, program.timeZone) : null;
  }

  /** The moment a member idle since `since` has been idle the program's months. */
  private due(since: number): number {
    return addMonthsIn(new Date(since), this.months, this.timeZone).getTime();
  }

  /**
   * At a purchase that earns (the ledger's last_activity_at moves with a member's purchases
   * only): when the member had been idle the months by then, all their points were written
   * off on that day. Idle from the later of the purchase and their joining (inactivity.ts
   * idleSince). One subtraction for most purchases.
   */
  onPurchase(s: CustomerState, t: number, joinedAt: number | null): void {
    const since = s.idleSince;
    if (since !== -Infinity && t - since >= this.minMs) {
      const due = this.due(since);
      if (due <= t) s.wentIdleAt = due;
    }
    s.idleSince = Math.max(since, t, joinedAt ?? -Infinity);
  }

  /** Whether a member (a referrer, as their bonus is paid at `at`) is idle the months by then: the sweep writes that bonus off too. */
  idleBy(s: CustomerState | undefined, at: number): boolean {
    return s !== undefined && s.idleSince > -Infinity && this.due(s.idleSince) <= at;
  }

  /**
   * Whether the purchase's points had expired by `at`: its member went idle the months
   * after buying it — before a later purchase (wentIdleAt), or since their last one, by `at`.
   * With `s` a referrer's state: their bonus paid with the purchase, which is no activity of
   * theirs — idle by `at` since their last purchase, before or after it, the sweep wrote it
   * off too (null: no purchase of theirs replayed, never idle here).
   */
  expired(r: Refundable, at: number, s: CustomerState | null): boolean {
    if (!s) return false;
    if (s.wentIdleAt > r.boughtAt) return true;
    return s.idleSince >= (s === r.state ? r.boughtAt : -Number.MAX_VALUE) && at >= this.due(s.idleSince);
  }
}
