import { addDaysIn, addMonthsIn } from '../../../shared/clock.ts';
import { tierIndexFor, tierValidUntil, windowStart, type Program } from '../program/program.ts';

// The tier rules over time, in one place: a member's qualifying values in time order, the
// window that ends at a given moment, an upgrade (or renewal) judged on the window that
// ends at the purchase and dated there, and the review of a period that ended (plus grace)
// made at the moment it fell due. `loyalty simulate` runs them for every member
// (simulate-replay.ts), the live engine for a member it cannot place from the cached
// tier alone (tier-placement.ts: a purchase dated before the member's last purchase or tier
// change, several purchases of one member at once, a review due) and for the hourly
// review (maintenance.ts): so the live tiers are the replay's. Their dates are on the
// business's calendar, as points expiry's (shared/clock.ts addMonthsIn, addDaysIn): a
// window, a period and a grace period start and end at the same local time across a DST
// change and at month ends.

export const DAY_MS = 86_400_000;

/**
 * When the review of a tier period ending at `validUntil` (epoch ms) falls due: `graceDays`
 * days on the business's calendar after it, at the same local time — the one rule for a
 * purchase, the replay and the hourly job (maintenance.ts reviewTiers).
 */
export function reviewAt(validUntil: number, graceDays: number, timeZone: string): number {
  return graceDays === 0 ? validUntil : addDaysIn(new Date(validUntil), graceDays, timeZone).getTime();
}

/** One member's tier and tier window, as the rules keep it. */
export interface TierState {
  tier: number;
  /** End of the tier period (epoch ms); null: the base level, or a lifetime window. */
  validUntil: number | null;
  /**
   * Qualifying values in the tier window, oldest first, from `head` on; `sum` is theirs.
   * `shift` counts the values dropped from the front of the arrays, so a value is found
   * again by the position it was pushed at (a refund lowers its purchase's value).
   */
  times: number[];
  values: number[];
  head: number;
  shift: number;
  sum: number;
}

export function newTierState(tier = 0, validUntil: number | null = null): TierState {
  return { tier, validUntil, times: [], values: [], head: 0, shift: 0, sum: 0 };
}

/** Told of every change of tier the rules make: the tier before, and when. */
export type TierMoveListener = (from: number, at: number, reason: TierMoveReason) => void;

/** Why the rules moved a member: a purchase reached a threshold, a period's review, a refund under a lifetime window (refunded). */
export type TierMoveReason = 'qualified' | 'tier period ended' | 'refunded';

/** The tier rules of one program, for any number of members' states. */
export class TierRules {
  private windowOffsets = new Map<number, number>();
  private dues = new Map<number, number>();
  readonly graceDays: number;

  constructor(readonly program: Program, readonly timeZone: string) {
    this.graceDays = program.document.tiers?.grace_days ?? 0;
  }

  /**
   * First instant of the window ending at t (program.ts windowStart: both ends included).
   * The replay asks for every purchase, and a zone's offset costs an Intl call to learn:
   * t less the window's start is the same all through a (UTC) day unless a DST change, or
   * a local midnight moving the window's start across a month end (29 February), falls in
   * it — then it differs at the day's two ends, and that day is worked out at each t.
   */
  windowStartOf(t: number): number {
    const window = this.program.document.tiers?.window;
    if (window === 'lifetime') return -Infinity;
    if (window === 'calendar_year') return windowStart(this.program, new Date(t), this.timeZone)?.getTime() ?? -Infinity;
    const day = Math.floor(t / DAY_MS);
    let offset = this.windowOffsets.get(day);
    if (offset === undefined) {
      const first = this.windowOffset(day * DAY_MS);
      offset = first === this.windowOffset((day + 1) * DAY_MS - 1) ? first : NaN;
      this.windowOffsets.set(day, offset);
    }
    return t - (Number.isNaN(offset) ? this.windowOffset(t) : offset);
  }

  private windowOffset(t: number): number {
    return t - windowStart(this.program, new Date(t), this.timeZone)!.getTime();
  }

  /** Adds a value at t (never before the state's last one); answers its position, for revalue. */
  push(s: TierState, t: number, value: number): number {
    const slot = s.shift + s.times.length;
    s.times.push(t);
    s.values.push(value);
    s.sum += value;
    return slot;
  }

  /** A value pushed earlier, changed (a refund): nothing once it has left the window. */
  revalue(s: TierState, slot: number, value: number) {
    const i = slot - s.shift;
    if (i < s.head) return;
    s.sum += value - s.values[i];
    s.values[i] = value;
  }

  /** The qualification metric at t, over the window ending at t; the values before its first instant are dropped (t never goes back for a state). */
  sum(s: TierState, t: number): number {
    const start = this.windowStartOf(t);
    while (s.head < s.times.length && s.times[s.head] < start) {
      s.sum -= s.values[s.head];
      s.head++;
    }
    if (s.head > 64 && s.head * 2 > s.times.length) {
      s.times = s.times.slice(s.head);
      s.values = s.values.slice(s.head);
      s.shift += s.head;
      s.head = 0;
    }
    return s.sum;
  }

  /** After a purchase at t, on the window ending at t: up at once, the same tier again renews its period; never down (that waits for the review). */
  qualify(s: TierState, t: number, moved?: TierMoveListener) {
    this.qualifyWith(s, t, this.sum(s, t), moved);
  }

  /** qualify, with the window's metric at t read elsewhere (the live engine's sum over the member's window: tier-placement.ts). */
  qualifyWith(s: TierState, t: number, metric: number, moved?: TierMoveListener) {
    const target = tierIndexFor(this.program, metric);
    if (target > s.tier || (target === s.tier && target > 0)) {
      const from = s.tier;
      s.tier = target;
      s.validUntil = this.periodEnd(target, t);
      if (from !== target) moved?.(from, t, 'qualified');
    }
  }

  /**
   * After a refund at t. On a lifetime window a member whose lifetime value the refund takes
   * below the threshold of the tier they hold moves down at once, dated at the refund, to the
   * tier that value qualifies for: a lifetime period never ends, so no review would ever
   * decide (buy enough for Gold, return it all, stay Gold for ever). The cumulative value
   * never falls otherwise, so this is "as if the refunded amount had never counted". Never
   * up; on the other windows a refund only lowers the qualification and the period's review
   * decides.
   */
  refunded(s: TierState, t: number, moved?: TierMoveListener) {
    if (this.program.document.tiers?.window === 'lifetime') this.refundedWith(s, t, this.sum(s, t), moved);
  }

  /** refunded, with the lifetime metric after the refund read elsewhere (the live refund's sum: refund-tier.ts). */
  refundedWith(s: TierState, t: number, metric: number, moved?: TierMoveListener) {
    if (this.program.document.tiers?.window !== 'lifetime') return;
    const target = tierIndexFor(this.program, metric);
    if (target >= s.tier) return;
    const from = s.tier;
    s.tier = target;
    s.validUntil = this.periodEnd(target, t);
    moved?.(from, t, 'refunded');
  }

  /** When the review of the state's period falls due (its end plus grace); null: never. */
  reviewDue(s: Pick<TierState, 'validUntil'>): number | null {
    if (s.validUntil === null) return null;
    // Asked at every purchase of the replay, mostly of the same few periods.
    let due = this.dues.get(s.validUntil);
    if (due === undefined) {
      due = reviewAt(s.validUntil, this.graceDays, this.timeZone);
      if (this.dues.size > 100_000) this.dues.clear();
      this.dues.set(s.validUntil, due);
    }
    return due;
  }

  /**
   * The reviews of the tier periods that ended (plus grace) by t, each at the moment it fell
   * due, as the hourly job makes it: the member is placed by the window then — kept and
   * renewed, or moved down (or up) — and a new period starts.
   */
  review(s: TierState, t: number, moved?: TierMoveListener) {
    for (let at = this.reviewDue(s); at !== null && at <= t; at = this.reviewDue(s)) {
      const from = s.tier;
      s.tier = tierIndexFor(this.program, this.sum(s, at));
      s.validUntil = this.periodEnd(s.tier, at);
      if (from !== s.tier) moved?.(from, at, 'tier period ended');
    }
  }

  periodEnd(tier: number, t: number): number | null {
    return tier === 0 ? null : tierValidUntil(this.program, new Date(t), this.timeZone)?.getTime() ?? null;
  }

  /**
   * The earliest moment a period ending at `validUntil` can have started (it was reached,
   * renewed or reviewed then): 12 months before on a rolling window, the start of the year
   * two before on a calendar one (a period runs to the end of the next year).
   */
  periodStart(validUntil: number): number {
    const window = this.program.document.tiers?.window;
    if (window === 'rolling_12_months') return addMonthsIn(new Date(validUntil), -12, this.timeZone).getTime() - DAY_MS; // a day's margin for month ends
    if (window === 'calendar_year') return windowStart(this.program, addMonthsIn(new Date(validUntil - 1), -12, this.timeZone), this.timeZone)!.getTime();
    return -Infinity;
  }
}

/**
 * Where to start reading a member's history so that their tier at `at` comes out of their own
 * purchases, not out of where the reading began. The tier held at `at` was last set (reached,
 * renewed or reviewed) less than one tier period plus grace before it — an older one has been
 * reviewed by then — on a window reaching one window further back. Rolling 12 months: 24
 * months plus grace before; calendar year: the start of the year before the one `at` minus
 * grace falls in; lifetime: the whole history (null). Without tiers, `at` itself.
 */
export function historyStart(program: Program, at: Date, timeZone: string): Date | null {
  const tiers = program.document.tiers;
  if (!tiers) return at;
  if (tiers.window === 'lifetime') return null;
  const lessGrace = addDaysIn(at, -tiers.grace_days, timeZone);
  if (tiers.window === 'rolling_12_months') return addMonthsIn(lessGrace, -24, timeZone);
  const year = windowStart(program, lessGrace, timeZone)!;
  return windowStart(program, addMonthsIn(year, -6, timeZone), timeZone);
}

/** A purchase of a member's stored history, as the tier metric reads it. */
export interface HistoryPurchase {
  id: string;
  at: number;
  totalMinor: number;
  /** Refunded amount no refund row accounts for: taken as refunded when bought (as simulate does). */
  refundedAtOnceMinor: number;
  /** Its refund rows up to now, in time order. */
  refunds: { at: number; amountMinor: number }[];
}

/** What a member's stored history holds from where it is read: purchases, and (points metric) ledger entries. */
export interface MemberHistory {
  purchases: HistoryPurchase[];
  /** `refund`: an entry a refund wrote (its keys start refund:), after which a lifetime tier is checked (TierRules.refunded). */
  entries: { at: number; points: number; refund?: boolean }[];
}

export interface TierMove { from: number; to: number; at: number; reason: TierMoveReason }

/**
 * One member's tier over time in the live engine: the stored history fed in time order with
 * the replay's rules, and this transaction's purchases placed among it (at, add). Up to
 * `settledUntil` the history is the stored tier's (it made the tier the member holds): its
 * values only fill the window. After it, each purchase qualifies at its time and each
 * review falls due at its moment, as in the replay. Moves from `recordFrom` on are kept
 * for the tier history.
 */
export class MemberTimeline {
  readonly state: TierState;
  readonly moves: TierMove[] = [];
  private events: { at: number; order: number; purchase?: HistoryPurchase; refund?: { slot: number; p: HistoryPurchase; amountMinor: number }; points?: number; byRefund?: boolean }[] = [];
  private next = 0;
  private refunded = new Map<HistoryPurchase, number>();
  /** A points metric: the time of a refund's entries whose tier check waits for the last of them. */
  private refundAt: number | null = null;
  private moved: TierMoveListener;

  constructor(private rules: TierRules, start: { tier: number; validUntil: number | null }, history: MemberHistory, private settledUntil: number, recordFrom: number) {
    this.state = newTierState(start.tier, start.validUntil);
    this.moved = (from, at, reason) => {
      if (at >= recordFrom) this.moves.push({ from, to: this.state.tier, at, reason });
    };
    const metric = rules.program.document.tiers!.metric;
    // At one moment: entries and refunds first, then purchases (the replay's order).
    if (metric === 'points') for (const e of history.entries) this.events.push({ at: e.at, order: 0, points: e.points, byRefund: e.refund });
    for (const p of history.purchases) {
      this.events.push({ at: p.at, order: 1, purchase: p });
      if (metric !== 'points') for (const r of p.refunds) if (r.at >= p.at) this.events.push({ at: r.at, order: 0, refund: { slot: -1, p, amountMinor: r.amountMinor } });
    }
    this.events.sort((a, b) => a.at - b.at || a.order - b.order);
  }

  private valueOf(p: HistoryPurchase): number {
    const refunded = this.refunded.get(p) ?? 0;
    return this.rules.program.document.tiers!.metric === 'spend' ? p.totalMinor - refunded : refunded < p.totalMinor ? 1 : 0;
  }

  private slots = new Map<HistoryPurchase, number>();

  /** The stored history up to t, in time order. */
  private advance(t: number) {
    const { rules, state } = this;
    const points = rules.program.document.tiers!.metric === 'points';
    while (this.next < this.events.length && this.events[this.next].at <= t) {
      const e = this.events[this.next++];
      const placing = e.at > this.settledUntil;
      if (placing) rules.review(state, e.at, this.moved);
      if (e.points !== undefined) {
        rules.push(state, Math.max(e.at, state.times.at(-1) ?? e.at), e.points);
        // A refund's entries (the purchase's points, the referral and challenge bonuses it
        // revoked, a challenge completed again) are all dated at it: the tier is checked after the last.
        if (placing && e.byRefund) this.refundAt = e.at;
        const next = this.events[this.next];
        if (this.refundAt === e.at && !(next && next.at === e.at && next.points !== undefined)) {
          this.refundAt = null;
          rules.refunded(state, e.at, this.moved);
        }
      } else if (e.refund) {
        const p = e.refund.p;
        this.refunded.set(p, Math.min(p.totalMinor, (this.refunded.get(p) ?? 0) + e.refund.amountMinor));
        const slot = this.slots.get(p);
        if (slot !== undefined) rules.revalue(state, slot, this.valueOf(p));
        if (placing) rules.refunded(state, e.at, this.moved);
      } else if (e.purchase) {
        const p = e.purchase;
        this.refunded.set(p, Math.min(p.totalMinor, p.refundedAtOnceMinor));
        if (!points) this.slots.set(p, rules.push(state, p.at, this.valueOf(p)));
        if (placing) rules.qualify(state, p.at, this.moved);
        // A refund dated before its purchase counts just after it (simulate replays it so).
        const early = p.refunds.filter((r) => r.at < p.at);
        if (!points && early.length) {
          for (const r of early) this.refunded.set(p, Math.min(p.totalMinor, this.refunded.get(p)! + r.amountMinor));
          rules.revalue(state, this.slots.get(p)!, this.valueOf(p));
        }
      }
    }
  }

  /** The tier index at t, before a purchase at t: the history up to t and the reviews due by then. */
  at(t: number): number {
    this.advance(t);
    this.rules.review(this.state, t, this.moved);
    return this.state.tier;
  }

  /** A purchase of this transaction at t (after at(t)): its value in the window, and the upgrade or renewal it earns. */
  add(t: number, value: number) {
    this.rules.push(this.state, Math.max(t, this.state.times.at(-1) ?? t), value);
    this.rules.qualify(this.state, t, this.moved);
  }

  /** The rest of the stored history, and the reviews due by now (or by `reviewTo`, when nothing stored comes after it: tier-placement.ts planTiers). */
  finish(now: number, reviewTo = now) {
    this.advance(now);
    this.rules.review(this.state, Math.max(reviewTo, this.events.at(-1)?.at ?? -Infinity), this.moved);
  }
}
