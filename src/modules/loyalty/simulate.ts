import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { addMonths } from '../../shared/clock.ts';
import { toMajor, currencyExponent } from '../../shared/money.ts';
import { withFields } from '../../shared/objects.ts';
import { pointsToReverse } from './ledger.ts';
import { pointsForPurchase, tierIndexFor, tierValidUntil, windowStart, type Program, type PurchaseFacts } from './program.ts';
import {
  challengeNote, countTriggers, epochMicros, ledgerOnlyNote, noBonusPoints, readBonusTriggers, readReferrals,
  type BonusPointsByKind, type BonusTrigger, type BonusTriggerCounts, type NotSimulated, type ReferralTrigger,
} from './simulate-bonuses.ts';

// `regulars loyalty simulate`: replays stored purchases against a proposed program —
// nothing is written — and reports what it would cost and how members' tiers would
// move, next to the program in force replayed the same way. The replay uses the same
// earning and tier functions as the live accrual (program.ts) and takes refunds back the
// way the live ledger does (ledger.ts), each at its own time; so the program in force,
// replayed over the purchases it earned, gives back the ledger's points and the tiers
// members hold — the baseline the proposal is measured against.
//
// Points are counted from --since, but tiers do not start afresh there: the replay reads
// purchases from far enough back (historyStart) that each member's qualifying window and
// tier at --since come out of their own history.
//
// The bonuses not tied to a purchase (sign-up, birthday, referral, survey, profile
// completion) are replayed from their real triggers, each at its own time among the
// purchases; simulate-bonuses.ts says where each trigger comes from, and what is left out.

export interface SimulationReport {
  since: string;
  until: string;
  purchases: number;
  customers: number;
  proposed: ProgramOutcome;
  current: ProgramOutcome | null;
  /** proposed − current, in points and in the currency. */
  difference: { points: number; value: string } | null;
  /** Members by tier at the end of the replay under the proposed rules vs their tier today. */
  tiers: { code: string; proposed: number; today: number }[];
  moves: { up: number; down: number; unchanged: number };
  /**
   * How many times each bonus not tied to a purchase fell due in the period: the same
   * triggers for both programs (referrals: those settled in it under either one's minimum).
   */
  bonus_triggers: BonusTriggerCounts;
  /** Bonuses the replay leaves out of both programs, and why. */
  not_simulated: NotSimulated[];
  /** What some of the bonus figures rest on, where it is not the history itself. */
  notes: string[];
  duration_ms: number;
}

interface ProgramOutcome {
  version: number | null;
  points: number;
  purchase_points: number;
  /** Every bonus kind's points, net of what refunds took back. */
  bonus_points: number;
  bonus_points_by_kind: BonusPointsByKind;
  value: string;
  currency: string;
}

interface ReplayPurchase extends PurchaseFacts {
  customerId: string;
  /** occurredAt in whole microseconds (epochMicros): how a referral's qualifying purchase is recognised. */
  atUs: string;
  /** On or after --since: its points are counted. Earlier ones only qualify their customer for tiers. */
  counted: boolean;
  firstEver: boolean;
  /** Refunded amount no refund row accounts for (data written around the refund path): taken as refunded when bought. */
  refundedAtOnceMinor: number;
  /** The purchase's id when refunds of it are replayed later, at their own time. */
  refundKey: string | null;
}

interface CustomerState {
  tier: number;
  validUntil: number | null;
  /**
   * Qualifying values in the tier window, oldest first, from `head` on; `sum` is theirs.
   * `shift` counts the values dropped from the front of the arrays, so a purchase's value
   * is found again by the position it was pushed at.
   */
  times: number[];
  values: number[];
  head: number;
  shift: number;
  sum: number;
  /** Points earned per local date for the daily cap, for the last few dates only (purchases come in time order). */
  capDates: string[] | null;
  capUsed: number[] | null;
  firstGiven: boolean;
  /** Bought on or after --since. */
  counted: boolean;
}

/** A purchase that refunds may still reach: what a reversal needs, and where its qualifying value sits. */
interface Refundable {
  state: CustomerState;
  /** Position of its value in the tier window (see CustomerState.shift); −1 without one. */
  slot: number;
  totalMinor: number;
  refundedMinor: number;
  /** Its credits, as the ledger has them: the purchase's points and its first-purchase bonus. */
  credited: number;
  bonus: number;
  reversed: number;
  reversedBonus: number;
  counted: boolean;
  /** The referral it settled, which a refund below the minimum revokes. */
  referral: SettledReferral | null;
}

interface SettledReferral {
  referrerId: string;
  friendPoints: number;
  referrerPoints: number;
  revoked: boolean;
}

const DAY_MS = 86_400_000;

/**
 * One program's replay: per-customer tier state and points, fed purchases and refunds in
 * time order. Built for a million purchases: window sums are kept incrementally, the
 * window's start is computed once per day, and only purchases with refunds are remembered.
 */
class Replay {
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
  private windowOffsets = new Map<number, number>();
  readonly metric: 'spend' | 'points' | 'purchases' | null;
  private since: number;
  /** Per friend, the referral this program pays and the purchase that settles it (readReferrals). */
  private referrals = new Map<string, ReferralTrigger & { paid: boolean }>();

  constructor(readonly program: Program, private timeZone: string, since: Date) {
    const doc = program.document;
    this.metric = doc.tiers?.metric ?? null;
    this.since = since.getTime();
    this.pointsFrom = this.metric === 'points' ? -Infinity : doc.earning.daily_cap ? since.getTime() - 2 * DAY_MS : since.getTime();
  }

  /** Whether this program pays referral bonuses at all (then its minimum decides which purchase settles each one). */
  paysReferrals(): boolean {
    const referral = this.program.document.bonuses.referral;
    return Boolean(referral && (referral.friend > 0 || referral.referrer > 0));
  }

  expectReferrals(referrals: Map<string, ReferralTrigger>) {
    for (const [friend, r] of referrals) this.referrals.set(friend, withFields(r, { paid: false }));
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
    const s: CustomerState = { tier: 0, validUntil: null, times: [], values: [], head: 0, shift: 0, sum: 0, capDates: null, capUsed: null, firstGiven: false, counted: false };
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
    const pending = this.referrals.get(p.customerId);
    if (!pending || pending.paid || pending.atUs !== p.atUs || p.totalMinor < Math.max(this.program.referralMinimumMinor, 1)) return 0;
    const referral = this.program.document.bonuses.referral!;
    pending.paid = true;
    if (p.counted) this.count('referral', referral.friend + referral.referrer);
    this.addToWindow(pending.referrerId, p.occurredAt.getTime(), referral.referrer);
    if (r) r.referral = { referrerId: pending.referrerId, friendPoints: referral.friend, referrerPoints: referral.referrer, revoked: false };
    return referral.friend;
  }

  /** A refund that takes the settling purchase below the minimum revokes the referral: both bonuses back, at the refund (referral-revocation.ts). */
  private revokeReferral(r: Refundable, at: number) {
    const referral = r.referral;
    if (!referral || referral.revoked || r.totalMinor - r.refundedMinor >= Math.max(this.program.referralMinimumMinor, 1)) return;
    referral.revoked = true;
    if (r.counted) this.count('referral', -(referral.friendPoints + referral.referrerPoints));
    this.addToWindow(r.state, at, -referral.friendPoints);
    this.addToWindow(referral.referrerId, at, -referral.referrerPoints);
  }

  feed(p: ReplayPurchase) {
    const doc = this.program.document;
    const s = this.state.get(p.customerId) ?? this.newState(p.customerId);
    const levels = doc.tiers?.levels;
    const t = p.occurredAt.getTime();
    if (levels) this.review(s, t);
    let points = 0;
    if (p.counted || t >= this.pointsFrom) {
      points = pointsForPurchase(this.program, p, { tier: levels ? levels[s.tier].code : null }).points;
      if (doc.earning.daily_cap) points = this.capped(s, p.localDate, points, doc.earning.daily_cap);
    }
    const bonus = p.firstEver && !s.firstGiven && doc.bonuses.first_purchase && p.totalMinor > 0 ? doc.bonuses.first_purchase : 0;
    if (bonus) s.firstGiven = true;
    if (p.counted) {
      s.counted = true;
      this.purchasePoints += points;
      this.points += points;
      if (bonus) this.count('first_purchase', bonus);
    }
    const r: Refundable | null = p.refundKey || p.refundedAtOnceMinor > 0
      ? { state: s, slot: -1, totalMinor: p.totalMinor, refundedMinor: 0, credited: points + bonus, bonus, reversed: 0, reversedBonus: 0, counted: p.counted, referral: null }
      : null;
    if (r && p.refundedAtOnceMinor > 0) this.reverse(r, p.refundedAtOnceMinor);
    // Only a refund replayed at its own time (a refund row) can revoke the referral: an amount
    // refunded around the refund path revoked nothing live, so it is not attached then.
    const referralBonus = this.referrals.size ? this.settleReferral(p, r && p.refundKey ? r : null) : 0;
    if (levels) {
      const refunded = r?.refundedMinor ?? 0;
      const v = this.metric === 'spend' ? p.totalMinor - refunded : this.metric === 'purchases' ? (refunded < p.totalMinor ? 1 : 0) : points + bonus + referralBonus - (r?.reversed ?? 0);
      if (r) r.slot = s.shift + s.times.length;
      s.times.push(t);
      s.values.push(v);
      s.sum += v;
      this.qualify(s, t);
    }
    if (r && p.refundKey) this.refundable.set(p.refundKey, r);
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
   * points metric the reversal is an entry of its own, dated at the refund. A refund moves no
   * one down by itself — the live engine does not either — it weighs in at the next upgrade or
   * review. Refunds of purchases the replay did not read (before its start) change nothing.
   */
  refund(purchaseId: string, at: number, amountMinor: number) {
    const r = this.refundable.get(purchaseId);
    if (!r) return;
    const s = r.state;
    const levels = this.program.document.tiers?.levels;
    // Reviews that fell due before the refund still saw the purchase whole.
    if (levels) this.review(s, at);
    const due = this.reverse(r, amountMinor);
    this.revokeReferral(r, at);
    if (!levels) return;
    if (this.metric === 'points') {
      if (due > 0) {
        s.times.push(Math.max(at, s.times.at(-1) ?? at));
        s.values.push(-due);
        s.sum -= due;
      }
      return;
    }
    const i = r.slot - s.shift;
    if (i < s.head) return; // it has left the window already
    const v = this.metric === 'spend' ? r.totalMinor - r.refundedMinor : r.refundedMinor < r.totalMinor ? 1 : 0;
    s.sum += v - s.values[i];
    s.values[i] = v;
  }

  /**
   * Takes back the refunded share of a purchase's credits as the ledger does: on the
   * cumulative refunded amount, the purchase's points and its bonus as one (pointsToReverse).
   * The report splits what went back between them by the same share.
   */
  private reverse(r: Refundable, amountMinor: number): number {
    r.refundedMinor = Math.min(r.totalMinor, r.refundedMinor + amountMinor);
    const due = pointsToReverse({ credited: r.credited, alreadyReversed: r.reversed, refundedMinor: r.refundedMinor, totalMinor: r.totalMinor });
    const bonusShare = r.refundedMinor >= r.totalMinor ? r.bonus : Math.round((r.bonus * r.refundedMinor) / r.totalMinor);
    const bonusDue = Math.min(due, Math.max(0, bonusShare - r.reversedBonus));
    r.reversed += due;
    r.reversedBonus += bonusDue;
    if (r.counted) {
      this.points -= due - bonusDue;
      if (bonusDue) this.count('first_purchase', -bonusDue);
      this.purchasePoints -= due - bonusDue;
    }
    return due;
  }

  /** Start of the window ending at t: the offset depends only on the (UTC) day, so it is computed once a day. */
  private windowStartOf(t: number): number {
    if (this.program.document.tiers?.window === 'lifetime') return -Infinity;
    const day = Math.floor(t / DAY_MS);
    let offset = this.windowOffsets.get(day);
    if (offset === undefined) {
      const at = new Date(t);
      offset = t - (windowStart(this.program, at, this.timeZone)?.getTime() ?? -Infinity);
      if (this.program.document.tiers?.window === 'calendar_year') return t - offset; // depends on the date itself: not cached
      this.windowOffsets.set(day, offset);
    }
    return t - offset;
  }

  /** The qualification metric at t; the values that left the window are dropped (t never goes back for a customer). */
  private windowSum(s: CustomerState, t: number): number {
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

  /** After a purchase: up at once, the same tier again renews its period; never down (that waits for the review). */
  private qualify(s: CustomerState, t: number) {
    const target = tierIndexFor(this.program, this.windowSum(s, t));
    if (target > s.tier || (target === s.tier && target > 0)) {
      s.tier = target;
      s.validUntil = this.periodEnd(target, t);
    }
  }

  /**
   * The reviews of the tier periods that ended (plus grace) by t, each at the moment it fell
   * due, as the hourly job makes it: the member is placed by the window then — kept and
   * renewed, or moved down (or up) — and a new period starts.
   */
  private review(s: CustomerState, t: number) {
    if (s.validUntil === null) return;
    const grace = this.program.document.tiers!.grace_days * DAY_MS;
    while (s.validUntil !== null && s.validUntil + grace <= t) {
      const at = s.validUntil + grace;
      s.tier = tierIndexFor(this.program, this.windowSum(s, at));
      s.validUntil = this.periodEnd(s.tier, at);
    }
  }

  private periodEnd(tier: number, t: number): number | null {
    return tier === 0 ? null : tierValidUntil(this.program, new Date(t), this.timeZone)?.getTime() ?? null;
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

/**
 * Where the replay starts reading for a program, so that each member's tier at --since comes
 * out of their own purchases and not out of where the replay began. The tier held at --since
 * was last set (reached, renewed or reviewed) less than one tier period plus grace before it
 * — an older one has been reviewed by then — on a window reaching one window further back.
 * Rolling 12 months: 24 months plus grace before --since; calendar year: the start of the
 * year before the one --since minus grace falls in; lifetime: the whole history (null).
 * Without tiers, --since itself.
 */
function historyStart(program: Program, since: Date, timeZone: string): Date | null {
  const tiers = program.document.tiers;
  if (!tiers) return since;
  if (tiers.window === 'lifetime') return null;
  const grace = tiers.grace_days * DAY_MS;
  if (tiers.window === 'rolling_12_months') return new Date(addMonths(since, -24).getTime() - grace);
  const year = windowStart(program, new Date(since.getTime() - grace), timeZone)!;
  return windowStart(program, addMonths(year, -6), timeZone);
}

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

const NO_LINES: PurchaseFacts['lines'] = [];

const PAGE = 20_000;

export async function simulateProgram({ db, proposed, current, since, now, currency, timeZone }: {
  db: Db; proposed: Program; current: Program | undefined; since: Date; now: Date; currency: string; timeZone: string;
}): Promise<SimulationReport> {
  const started = Date.now();
  const programs = [proposed, ...(current ? [current] : [])];
  const replays = programs.map((p) => new Replay(p, timeZone, since));
  const starts = programs.map((p) => historyStart(p, since, timeZone));
  const from = starts.includes(null) ? null : new Date(Math.min(...starts.map((d) => d!.getTime())));
  const readFrom = from ? sql`AND p.occurred_at >= ${from}` : sql``;
  const needsLines = programs.some((p) => [...p.document.earning.multipliers, ...p.document.earning.promotions].some((m) => m.when?.categories || m.when?.skus));
  // Lines only where points are worked out (Replay.pointsFrom): a purchase before that only qualifies.
  const pointsFrom = Math.min(...replays.map((r) => r.pointsFrom));
  const linesWanted = Number.isFinite(pointsFrom) && (!from || pointsFrom > from.getTime()) ? sql`p.occurred_at >= ${new Date(pointsFrom)}` : sql`true`;
  const stores = new Map((await db.selectFrom('stores').select(['id', 'code']).execute()).map((s) => [s.id, s.code]));
  // Only customers whose first purchase falls in the replay can earn a first-purchase bonus
  // in it; the instant is compared in whole microseconds (epochMicros), as stored.
  const firsts = new Map((await sql<{ customer_id: string; at_us: string }>`
    SELECT customer_id, ${epochMicros(sql`first_purchase_at`)} AS at_us FROM customer_stats
    WHERE first_purchase_at IS NOT NULL ${from ? sql`AND first_purchase_at >= ${from}` : sql``}`.execute(db)).rows.map((r) => [r.customer_id, r.at_us]));
  // The refunds, read once in time order (a few per hundred purchases): each is replayed at
  // its own time, as the live ledger took its points back and its tier metric lost it then.
  const refundRows = (await sql<{ purchase_id: string; at: Date | string; amount_minor: number }>`
    SELECT purchase_id, occurred_at AS at, amount_minor FROM refunds ${from ? sql`WHERE occurred_at >= ${from}` : sql``}
    ORDER BY occurred_at, created_at`.execute(db)).rows;
  // The bonuses not tied to a purchase, from their triggers (simulate-bonuses.ts). Only a
  // points metric needs those before --since (they count towards the tier at --since).
  const { triggers, challenges } = await readBonusTriggers({ db, from: replays.some((r) => r.metric === 'points') ? from : since, since, now, timeZone });
  // The purchase that settles each referral depends on the program's minimum: one read per minimum.
  const referralsByMinimum = new Map<number, Map<string, ReferralTrigger>>();
  for (const replay of replays.filter((r) => r.paysReferrals())) {
    const minimum = replay.program.referralMinimumMinor;
    if (!referralsByMinimum.has(minimum)) referralsByMinimum.set(minimum, await readReferrals({ db, minimumMinor: minimum, now }));
    replay.expectReferrals(referralsByMinimum.get(minimum)!);
  }
  const refunds: { purchaseId: string; at: number; amountMinor: number }[] = [];
  /** Per purchase, the amount its refund rows account for (later ones included). */
  const explained = new Map<string, number>();
  for (const r of refundRows) {
    const amountMinor = Number(r.amount_minor);
    explained.set(r.purchase_id, (explained.get(r.purchase_id) ?? 0) + amountMinor);
    const at = toDate(r.at).getTime();
    if (at <= now.getTime()) refunds.push({ purchaseId: r.purchase_id, at, amountMinor });
  }
  let nextRefund = 0;
  let nextTrigger = 0;
  const read = new Set<string>();
  /** Refunds dated before their purchase was replayed (at the same instant, or a back-dated refund): replayed just after it. */
  const early = new Map<string, typeof refunds>();
  const refundAt = () => (nextRefund < refunds.length ? refunds[nextRefund].at : Infinity);
  const triggerAt = () => (nextTrigger < triggers.length ? triggers[nextTrigger].at : Infinity);
  /** When the next refund or trigger falls due: most purchases have none before them, and that is one comparison. */
  let nextDue = Math.min(refundAt(), triggerAt());
  /** The refunds and bonus triggers up to t, in time order, before the purchases at t. */
  const catchUp = (t: number) => {
    while (nextDue <= t) {
      if (triggerAt() <= refundAt()) {
        for (const replay of replays) replay.bonus(triggers[nextTrigger]);
        nextTrigger++;
      } else {
        const r = refunds[nextRefund++];
        if (read.has(r.purchaseId)) for (const replay of replays) replay.refund(r.purchaseId, r.at, r.amountMinor);
        else early.set(r.purchaseId, [...(early.get(r.purchaseId) ?? []), r]);
      }
      nextDue = Math.min(refundAt(), triggerAt());
    }
  };

  type Row = { customer_id: string; refunded_id: string | null; at_us: string; local_date: string; store_id: string | null; channel: string; total_minor: number; refunded_minor: number; lines: PurchaseFacts['lines'] | null };
  // One cursor over the purchases in time order, read a page at a time: memory stays flat
  // however many purchases there are, and the occurred_at index is walked once (keyset
  // pages made the planner re-sort the rest of the table for every page). Read-only,
  // in its own transaction.
  let purchases = 0;
  const sinceTime = since.getTime();
  await db.transaction().execute(async (trx) => {
    await sql`
      DECLARE simulation NO SCROLL CURSOR FOR
      SELECT p.customer_id, CASE WHEN p.refunded_minor > 0 THEN p.id END AS refunded_id, ${epochMicros(sql`p.occurred_at`)} AS at_us,
             p.local_date::text AS local_date, p.store_id, p.channel, p.total_minor, p.refunded_minor
             ${needsLines ? sql`, CASE WHEN ${linesWanted} THEN (SELECT json_agg(json_build_object('sku', l.sku, 'category', l.category, 'quantity', l.quantity::float8, 'unitPriceMinor', l.unit_price_minor))
                                  FROM purchase_lines l WHERE l.customer_id = p.customer_id AND l.purchase_id = p.id) END AS lines` : sql`, NULL AS lines`}
      FROM purchases p
      WHERE p.occurred_at <= ${now} ${readFrom}
      ORDER BY p.occurred_at`.execute(trx);
    const fetchPage = async () => (await sql<Row>`FETCH ${sql.raw(String(PAGE))} FROM simulation`.execute(trx)).rows;
    let next = fetchPage();
    for (;;) {
      const page = await next;
      if (page.length === 0) break;
      // The next page is read while this one is replayed.
      next = page.length < PAGE ? Promise.resolve([]) : fetchPage();
      for (const row of page) {
        const t = Math.floor(Number(row.at_us) / 1000);
        const occurredAt = new Date(t);
        catchUp(t);
        const id = row.refunded_id;
        const accounted = id ? explained.get(id) ?? 0 : 0;
        const p: ReplayPurchase = {
          customerId: row.customer_id, atUs: row.at_us, occurredAt, localDate: row.local_date,
          storeCode: row.store_id ? stores.get(row.store_id) ?? null : null, channel: row.channel, totalMinor: Number(row.total_minor),
          lines: row.lines ?? NO_LINES,
          firstEver: firsts.get(row.customer_id) === row.at_us,
          counted: t >= sinceTime,
          refundedAtOnceMinor: id ? Math.max(0, Number(row.refunded_minor) - accounted) : 0,
          refundKey: accounted > 0 ? id : null,
        };
        for (const r of replays) r.feed(p);
        if (p.refundKey) {
          read.add(p.refundKey);
          for (const r of early.get(p.refundKey) ?? []) for (const replay of replays) replay.refund(r.purchaseId, t, r.amountMinor);
          early.delete(p.refundKey);
        }
        if (p.counted) purchases++;
      }
    }
    await sql`CLOSE simulation`.execute(trx);
  });
  catchUp(now.getTime());

  // The tier distribution covers every member — a merged customer's closed account aside —
  // and every customer who bought since --since (the proposal would enrol them), whether
  // or not they bought in the replay.
  const finalTiers = replays[0].finalTiers(now);
  const levels = proposed.document.tiers?.levels ?? [];
  const population = new Map((await sql<{ customer_id: string; tier: string | null }>`
    SELECT m.customer_id, m.tier FROM loyalty_members m JOIN customers c ON c.id = m.customer_id
    WHERE c.status <> 'merged'`.execute(db)).rows.map((r) => [r.customer_id, r.tier]));
  for (const id of replays[0].buyers()) if (!population.has(id)) population.set(id, null);
  const moves = { up: 0, down: 0, unchanged: 0 };
  const counts = new Map<string, { proposed: number; today: number }>(levels.map((l) => [l.code, { proposed: 0, today: 0 }]));
  const rank = new Map(levels.map((l, i) => [l.code, i]));
  if (levels.length) {
    for (const [customerId, tierToday] of population) {
      const index = finalTiers.get(customerId) ?? 0;
      counts.get(levels[index].code)!.proposed++;
      // No tier today (not a member yet, or none placed): the base level.
      const todayCode = tierToday ?? levels[0].code;
      // A level the proposal drops still shows, with its members today.
      let row = counts.get(todayCode);
      if (!row) counts.set(todayCode, (row = { proposed: 0, today: 0 }));
      row.today++;
      const todayIndex = rank.get(todayCode) ?? -1;
      if (todayIndex < 0 || index > todayIndex) moves.up++;
      else if (index < todayIndex) moves.down++;
      else moves.unchanged++;
    }
  }
  const proposedOutcome = replays[0].outcome(currency);
  const currentOutcome = replays[1]?.outcome(currency) ?? null;
  const exp = currencyExponent(currency);
  const notes: string[] = [];
  if (programs.some((p) => p.document.bonuses.survey || p.document.bonuses.profile_completion)) notes.push(ledgerOnlyNote);
  const notSimulated: NotSimulated[] = programs.some((p) => p.document.challenges.length > 0) || challenges.ledger_entries > 0
    ? [{ kind: 'challenge', reason: challengeNote, ...challenges }] : [];
  return {
    since: since.toISOString(),
    until: now.toISOString(),
    purchases,
    customers: replays[0].buyers().length,
    proposed: proposedOutcome,
    current: currentOutcome,
    difference: currentOutcome ? { points: proposedOutcome.points - currentOutcome.points, value: toMajor(Math.round(Number(proposedOutcome.value) * 10 ** exp) - Math.round(Number(currentOutcome.value) * 10 ** exp), currency) } : null,
    tiers: [...counts].map(([code, c]) => ({ code, ...c })),
    moves,
    bonus_triggers: countTriggers(triggers, [...referralsByMinimum.values()], since),
    not_simulated: notSimulated,
    notes,
    duration_ms: Date.now() - started,
  };
}
