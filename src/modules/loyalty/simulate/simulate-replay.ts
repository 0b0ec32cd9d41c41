import { toMajor, currencyExponent } from '../../../shared/money.ts';
import { withFields } from '../../../shared/objects.ts';
import type { ReturnedLine } from '../../commerce/index.ts';
import { firstPurchaseBonus } from '../earning/first-purchase.ts';
import { pointsToReverse } from '../ledger/ledger.ts';
import { lotExpiry, pointsForPurchase, type EarningFactor, type Program } from '../program/program.ts';
import { earnedShareReturned, lineWeights, pointsToReverseByLines } from '../refunds/refund-points.ts';
import { DAY_MS, TierRules } from '../tiers/tier-timeline.ts';
import { noBonusPoints, type BonusPointsByKind, type BonusTrigger, type ReferralTrigger } from './simulate-bonuses.ts';
import { InactivityExpiry } from './simulate-expiry.ts';
import type { CustomerState, ProgramOutcome, Refundable, ReplayBasket, ReplayPurchase, ReturnedByLines } from './simulate-replay-records.ts';

// One program's replay for `loyalty simulate` (simulate.ts reads the history and feeds
// it, in time order, to a Replay per program): the live engine's earning, tier and
// refund rules (program.ts, ledger.ts, refund-points.ts) applied purchase by purchase,
// bonus by bonus. The records it is fed and keeps are in simulate-replay-records.ts.

/**
 * One program's replay: per-customer tier state and points, fed purchases and refunds in
 * time order. Built for a million purchases: window sums are kept incrementally, the
 * window's start is computed once per day, and only purchases with refunds are remembered.
 */
export class Replay {
  points = 0;
  purchasePoints = 0;
  bonusPoints: BonusPointsByKind = noBonusPoints();
  /**
   * Points are worked out for purchases from here on: the counted ones, and earlier ones
   * whose points matter to them — all of them under a points metric, those of the days
   * around --since under a daily cap (they used up part of its first day's cap).
   */
  readonly pointsFrom: number;
  private state = new Map<string, CustomerState>();
  private refundable = new Map<string, Refundable>();
  /** The tier rules, shared with the live engine (tier-timeline.ts). */
  private rules: TierRules;
  readonly metric: 'spend' | 'points' | 'purchases' | null;
  /** enrolment on_request: only the purchases of members earn (feed). */
  readonly onRequest: boolean;
  private since: number;
  /** Per friend (a person: a merged friend's purchases are its survivor's), the referrals this program pays and the purchase settling each (readReferrals). */
  private referrals = new Map<string, (ReferralTrigger & { paid: boolean })[]>();
  /** Expiry by inactivity (simulate-expiry.ts), null when the program expires otherwise or never. */
  private readonly inactivity: InactivityExpiry | null;

  constructor(readonly program: Program, timeZone: string, since: Date) {
    const doc = program.document;
    this.metric = doc.tiers?.metric ?? null;
    this.onRequest = doc.enrolment === 'on_request';
    this.rules = new TierRules(program, timeZone);
    this.since = since.getTime();
    this.pointsFrom = this.metric === 'points' ? -Infinity : doc.earning.daily_cap ? since.getTime() - 2 * DAY_MS : since.getTime();
    this.inactivity = InactivityExpiry.of(program);
  }

  /** Whether this program pays referral bonuses at all (then its minimum decides which purchase settles each one). */
  paysReferrals(): boolean {
    const referral = this.program.document.bonuses.referral;
    return Boolean(referral && (referral.friend > 0 || referral.referrer > 0));
  }

  expectReferrals(referrals: Map<string, ReferralTrigger>) {
    for (const r of referrals.values()) {
      const pending = withFields(r, { paid: false });
      const list = this.referrals.get(r.friendId);
      if (list) list.push(pending);
      else this.referrals.set(r.friendId, [pending]);
    }
  }

  /** Customers with a purchase on or after --since. */
  buyers(): string[] {
    const out: string[] = [];
    for (const [id, s] of this.state) if (s.counted) out.push(id);
    return out;
  }

  /** A customer's state, created at their first purchase or bonus; feed looks it up itself (the million-purchase path, where a call per purchase showed). */
  private stateOf(customerId: string): CustomerState {
    return this.state.get(customerId) ?? this.newState(customerId);
  }

  private newState(customerId: string): CustomerState {
    const s: CustomerState = { tier: 0, validUntil: null, times: [], values: [], head: 0, shift: 0, sum: 0, capDates: null, capUsed: null, firstGiven: false, joinedByPurchase: false, counted: false, idleSince: -Infinity, wentIdleAt: -Infinity };
    this.state.set(customerId, s);
    return s;
  }

  /**
   * Under a points metric, a bonus or its reversal is an entry of its own in the tier
   * window, at its time (never before the member's last one: the window is kept in time
   * order). It weighs in at the next upgrade or review, as the live jobs that pay these
   * bonuses place no one.
   */
  private addToWindow(customer: CustomerState | string, t: number, points: number) {
    if (this.metric !== 'points' || points === 0) return;
    const s = typeof customer === 'string' ? this.stateOf(customer) : customer;
    this.review(s, t);
    s.times.push(Math.max(t, s.times.at(-1) ?? t));
    s.values.push(points);
    s.sum += points;
  }

  private count(kind: keyof BonusPointsByKind, points: number) {
    this.bonusPoints[kind] += points;
    this.points += points;
  }

  /**
   * A bonus not tied to a purchase, at its time: what this program pays for it. A birthday
   * is the program's birthday bonus plus the birthday_bonus of the tier the replay has the
   * member in at that moment, after any review then due (the hourly job reviews tiers
   * before it pays birthdays).
   */
  bonus(trigger: BonusTrigger) {
    const doc = this.program.document;
    const levels = doc.tiers?.levels;
    const needsState = this.metric === 'points' || (trigger.kind === 'birthday' && levels);
    const s = needsState ? this.stateOf(trigger.customerId) : null;
    let points: number;
    if (trigger.kind === 'birthday') {
      if (s && levels) this.review(s, trigger.at);
      points = (doc.bonuses.birthday ?? 0) + (s && levels ? levels[s.tier].benefits.birthday_bonus ?? 0 : 0);
    } else points = doc.bonuses[trigger.kind] ?? 0;
    if (points <= 0) return;
    if (trigger.at >= this.since) this.count(trigger.kind, points);
    if (s) this.addToWindow(s, trigger.at, points);
  }

  /**
   * The friend's purchase that settles their referral under this program's minimum: the
   * friend's bonus with it, the referrer's (paid by a job just after, live). Both belong to
   * the purchase: counted when it is, and taken back when a refund revokes the referral.
   * Answers the friend's bonus (part of the purchase's points in a points metric, as
   * the live accrual reads it when it places the friend).
   */
  private settleReferral(p: ReplayPurchase, r: Refundable | null): number {
    const pending = this.referrals.get(p.customerId)?.find((x) => !x.paid && x.atUs === p.atUs);
    if (!pending || p.totalMinor < Math.max(this.program.referralMinimumMinor, 1)) return 0;
    const referral = this.program.document.bonuses.referral!;
    pending.paid = true;
    if (p.counted) this.count('referral', referral.friend + referral.referrer);
    this.addToWindow(pending.referrerId, p.occurredAt.getTime(), referral.referrer);
    const referrerIdle = Boolean(r && this.inactivity?.idleBy(this.state.get(pending.referrerId), p.occurredAt.getTime()));
    if (r) r.referral = { referrerId: pending.referrerId, friendPoints: referral.friend, referrerPoints: referral.referrer, revoked: false, referrerIdle };
    return referral.friend;
  }

  /**
   * A refund that takes the settling purchase below the minimum revokes the referral: both
   * bonuses back, at the refund (referral-revocation.ts), but not one whose lot had expired
   * by then (takeBonusBack: the ledger does not take it again).
   */
  private revokeReferral(r: Refundable, at: number): boolean {
    const referral = r.referral;
    if (!referral || referral.revoked || r.totalMinor - r.refundedMinor >= Math.max(this.program.referralMinimumMinor, 1)) return false;
    referral.revoked = true;
    const friend = this.expired(r, at) ? 0 : referral.friendPoints;
    const referrer = referral.referrerIdle || this.expired(r, at, this.state.get(referral.referrerId) ?? null) ? 0 : referral.referrerPoints;
    if (r.counted) this.count('referral', -(friend + referrer));
    this.addToWindow(r.state, at, -friend);
    this.addToWindow(referral.referrerId, at, -referrer);
    return friend > 0;
  }

  feed(p: ReplayPurchase) {
    const doc = this.program.document;
    const s = this.state.get(p.customerId) ?? this.newState(p.customerId);
    const levels = doc.tiers?.levels;
    const t = p.occurredAt.getTime();
    if (levels) this.review(s, t);
    // Enrolment, as live (accrual.ts): on_request, a purchase earns only when its customer is
    // a member as it is recorded — before, nothing, not its first-purchase bonus nor its
    // referral, though it still counts towards the tier they are placed in once they buy as
    // a member (their spend or purchases; under a points metric it earned none). Automatic,
    // every purchase earns, and a customer who never joined joins with their first one: its
    // sign-up bonus then, as the live purchase enrols them.
    const earns = !this.onRequest || p.memberWhenRecorded;
    if (!this.onRequest && !p.everJoined && !s.joinedByPurchase) this.joinWithPurchase(s, p);
    if (this.inactivity && earns) this.inactivity.onPurchase(s, t, p.joinedAt);
    let points = 0;
    let factors: EarningFactor[] | null = null;
    if (earns && (p.counted || t >= this.pointsFrom)) {
      const earned = pointsForPurchase(this.program, p, { tier: levels ? levels[s.tier].code : null });
      points = earned.points;
      factors = earned.factors;
      if (doc.earning.daily_cap) points = this.capped(s, p.localDate, points, doc.earning.daily_cap);
    }
    // The ledger's rule (first-purchase.ts): simulate.ts tells the member's first purchase.
    const bonus = earns && p.firstEver && !s.firstGiven ? firstPurchaseBonus(this.program, p.totalMinor) : 0;
    if (bonus) s.firstGiven = true;
    if (p.counted) {
      s.counted = true;
      this.purchasePoints += points;
      this.points += points;
      if (bonus) this.count('first_purchase', bonus);
    }
    const r: Refundable | null = p.refundKey || p.refundedAtOnceMinor > 0
      ? {
        state: s, slot: -1, totalMinor: p.totalMinor, refundedMinor: 0, credited: points + bonus, bonus, reversed: 0, reversedBonus: 0, counted: p.counted, referral: null,
        expiresAt: lotExpiry(this.program, p.occurredAt)?.getTime() ?? null, boughtAt: t,
        byLines: p.basket && p.refundKey ? this.returnedByLines(p, p.basket, factors) : null,
      }
      : null;
    if (r && p.refundedAtOnceMinor > 0) this.reverse(r, p.refundedAtOnceMinor, t);
    // Only a refund replayed at its own time (a refund row) can revoke the referral: an amount
    // refunded around the refund path revoked nothing live, so it is not attached then.
    const referralBonus = this.referrals.size && earns ? this.settleReferral(p, r && p.refundKey ? r : null) : 0;
    if (levels) {
      const refunded = r?.refundedMinor ?? 0;
      const v = this.metric === 'spend' ? p.totalMinor - refunded : this.metric === 'purchases' ? (refunded < p.totalMinor ? 1 : 0) : points + bonus + referralBonus - (r?.reversed ?? 0);
      const slot = this.rules.push(s, t, v);
      if (r) r.slot = slot;
      // Who is no member has no tier to move: they are placed when they buy as one.
      if (earns) this.qualify(s, t);
    }
    if (r && p.refundKey) this.refundable.set(p.refundKey, r);
  }

  /**
   * Automatic enrolment of a customer who never joined, with their first purchase: the
   * sign-up bonus at its time, counted when the purchase is (and towards a points tier).
   */
  private joinWithPurchase(s: CustomerState, p: ReplayPurchase) {
    s.joinedByPurchase = true;
    const points = this.program.document.bonuses.sign_up ?? 0;
    if (points <= 0) return;
    if (p.counted) this.count('sign_up', points);
    this.addToWindow(s, p.occurredAt.getTime(), points);
  }

  /** Whether the purchase's points had expired by `at` under this program, per lot or by inactivity (simulate-expiry.ts); `s` as there. */
  private expired(r: Refundable, at: number, s: CustomerState | null = r.state): boolean {
    if (r.expiresAt !== null) return at >= r.expiresAt;
    return this.inactivity?.expired(r, at, s) ?? false;
  }

  /**
   * The weights of a purchase's lines under this program, as refunds-and-receipts.ts works
   * them out live from the purchase entry's factors: here, the factors pointsForPurchase
   * applied. Null factors: its points were not worked out, it earned none here, and its
   * refunds go by the amount's share (dueByLines), as they do live for such a purchase.
   */
  private returnedByLines(p: ReplayPurchase, basket: ReplayBasket, factors: EarningFactor[] | null): ReturnedByLines {
    return {
      weights: lineWeights(this.program, basket.bought, factors ?? []),
      returns: { bought: basket.bought, discountMinor: basket.discountMinor, totalMinor: p.totalMinor, refunds: [] },
    };
  }

  /** What the daily cap leaves of `points` on `localDate`, counted as used. */
  private capped(s: CustomerState, localDate: string, points: number, cap: number): number {
    const dates = (s.capDates ??= []);
    const used = (s.capUsed ??= []);
    let i = dates.indexOf(localDate);
    if (i < 0) {
      if (dates.length === 3) {
        dates.shift();
        used.shift();
      }
      i = dates.push(localDate) - 1;
      used.push(0);
    }
    const kept = Math.min(points, Math.max(0, cap - used[i]));
    used[i] += kept;
    return kept;
  }

  /**
   * A refund at its own time. Its share of the purchase's points goes back (as the ledger's
   * reversal does), and from then on the purchase qualifies for less: its net spend (or, fully
   * refunded, no purchase) where the live tier metric reads it, by the purchase's date; under a
   * points metric the reversal is an entry of its own, dated at the refund. On a lifetime
   * window a refund that takes the member below their tier's threshold moves them down then,
   * as the live refund does (TierRules.refunded); on the others it weighs in at the next
   * upgrade or review. Refunds of purchases the replay did not read (before its start) change nothing.
   * `lines`: those the refund names as returned (none: a refund by amount).
   */
  refund(purchaseId: string, at: number, amountMinor: number, lines: ReturnedLine[]) {
    const r = this.refundable.get(purchaseId);
    if (!r) return;
    r.byLines?.returns.refunds.push({ amountMinor, lines });
    const s = r.state;
    const levels = this.program.document.tiers?.levels;
    // Reviews that fell due before the refund still saw the purchase whole.
    if (levels) this.review(s, at);
    const due = this.reverse(r, amountMinor, at);
    const revoked = this.revokeReferral(r, at);
    if (!levels) return;
    if (this.metric === 'points') {
      if (due > 0) {
        s.times.push(Math.max(at, s.times.at(-1) ?? at));
        s.values.push(-due);
        s.sum -= due;
      }
      // The live check follows the entries the refund wrote; it wrote none when it took nothing back.
      if (due > 0 || revoked) this.rules.refunded(s, at);
      return;
    }
    // Nothing once it has left the window.
    this.rules.revalue(s, r.slot, this.metric === 'spend' ? r.totalMinor - r.refundedMinor : r.refundedMinor < r.totalMinor ? 1 : 0);
    this.rules.refunded(s, at);
  }

  /**
   * Takes back the refunded share of a purchase's credits as the ledger does: on the
   * cumulative refunded amount, the purchase's points and its bonus as one (pointsToReverse);
   * once one of its refunds named lines, what the lines returned earned and the bonus's
   * share of the amount (dueByLines). The report splits what went back between the points
   * and the bonus by the amount's share. Answers the points taken back.
   *
   * A refund once the purchase's points expired under this program (expired: per lot, or
   * by inactivity) takes nothing: the ledger does not take again what the sweep wrote off of
   * the purchase's own lots (planDebit's `expired`) and records the share as settled (a
   * reverse entry of 0 points, details.expired), so the purchase's later refunds take
   * nothing more of it either — also after the member bought again. The replay follows no
   * spending, so the lots are whole when they expire.
   */
  private reverse(r: Refundable, amountMinor: number, at: number): number {
    r.refundedMinor = Math.min(r.totalMinor, r.refundedMinor + amountMinor);
    const due = this.dueByLines(r) ?? pointsToReverse({ credited: r.credited, alreadyReversed: r.reversed, refundedMinor: r.refundedMinor, totalMinor: r.totalMinor });
    const bonusShare = r.refundedMinor >= r.totalMinor ? r.bonus : Math.round((r.bonus * r.refundedMinor) / r.totalMinor);
    const bonusDue = Math.min(due, Math.max(0, bonusShare - r.reversedBonus));
    r.reversed += due;
    r.reversedBonus += bonusDue;
    if (this.expired(r, at)) return 0;
    if (r.counted) {
      this.points -= due - bonusDue;
      if (bonusDue) this.count('first_purchase', -bonusDue);
      this.purchasePoints -= due - bonusDue;
    }
    return due;
  }

  /**
   * The live rule for a purchase whose refunds so far named lines (refunds-and-receipts.ts
   * returnedByLines): null when none did yet, or the purchase earned no points of its own,
   * and the amount's share decides.
   */
  private dueByLines(r: Refundable): number | null {
    const byLines = r.byLines;
    const earned = r.credited - r.bonus;
    if (!byLines || earned <= 0 || !byLines.returns.refunds.some((x) => x.lines.length > 0)) return null;
    const share = earnedShareReturned(byLines.weights, byLines.returns);
    return pointsToReverseByLines({ earned, bonus: r.bonus, alreadyReversed: r.reversed, share, refundedMinor: r.refundedMinor, totalMinor: r.totalMinor });
  }

  /** After a purchase: up at once, the same tier again renews its period; never down (that waits for the review). */
  private qualify(s: CustomerState, t: number) {
    this.rules.qualify(s, t);
  }

  /** The reviews of the tier periods that ended (plus grace) by t, each at the moment it fell due (tier-timeline.ts). */
  private review(s: CustomerState, t: number) {
    this.rules.review(s, t);
  }

  /** Tier index per customer at `at` (periods that ended by then are reviewed). */
  finalTiers(at: Date): Map<string, number> {
    const out = new Map<string, number>();
    if (!this.program.document.tiers) return out;
    for (const [id, s] of this.state) {
      this.review(s, at.getTime());
      out.set(id, s.tier);
    }
    return out;
  }

  outcome(currency: string): ProgramOutcome {
    const value = Math.round(this.points * Number(this.program.document.point_value) * 10 ** currencyExponent(currency));
    const bonusPoints = Object.values(this.bonusPoints).reduce((a, b) => a + b, 0);
    return {
      version: this.program.version || null, points: this.points, purchase_points: this.purchasePoints, bonus_points: bonusPoints,
      bonus_points_by_kind: { ...this.bonusPoints }, value: toMajor(value, currency), currency,
    };
  }
}
