import type { Actor, Tx } from '../../../db/index.ts';
import type { OutgoingEvent } from '../../../jobs/outbox.ts';
import { toMajor } from '../../../shared/money.ts';
import { say } from '../../../shared/messages/index.ts';
import { referralCodeOf } from '../../commerce/index.ts';
import { inactivityExpiresAt } from '../maintenance/inactivity.ts';
import { withFields } from '../../../shared/objects.ts';
import type { Identity } from '../../customers/index.ts';
import * as accrual from './accrual.repository.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { MemberRow, NewEntry } from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import type { EngagementService } from './engagement.service.ts';
import type { ReferralOfPurchase } from './referrals.ts';
import { FirstPurchases } from './first-purchase.ts';
import { heldUntil, lotExpiry, pointsForPurchase, tierIndexOf, type Program, type PurchaseFacts } from '../program/program.ts';
import { finishTimelines, placeFromCache, planTiers } from '../tiers/tier-placement.ts';

// Points for purchases, in the purchases' own transaction: the members locked and read
// with the owners (membersForAccrualLater), then one pass that enrols, earns, caps,
// settles debts, pays the friend's referral bonus and moves tiers — each purchase at the
// tier held when it was made, judged on the window ending at it (tier-placement.ts) —
// written with the purchases (accrue). It is the checkout's path, and benchmarked: the helpers it calls
// stay beside it, in one closure.

/** A new lot's points in the account's pending or (already past their expiry) expired sums. */
function addHeld(held: { pending: number; expired: number }, lot: NewEntry, now: Date) {
  if (lot.expiresAt && lot.expiresAt.getTime() <= now.getTime()) held.expired += lot.points;
  else if (lot.availableAt && lot.availableAt.getTime() > now.getTime()) held.pending += lot.points;
}

export interface AccrualItem {
  customerId: string;
  purchaseId: string;
  externalId: string;
  facts: PurchaseFacts;
  /** The referral code the purchase carried, as sent: claimed before its points (referrals.ts claimWithPurchase). */
  referralCode?: string | null;
}

/** What accrue answers: each purchase's receipt, and what became of the referral codes the purchases carried (by purchase id). */
export interface Accrued {
  receipts: Map<string, LoyaltySummary | null>;
  referrals: ReadonlyMap<string, ReferralOfPurchase>;
}

// Most groups carry no referral code: they share this, and build nothing for it.
const NO_REFERRALS: ReadonlyMap<string, ReferralOfPurchase> = new Map();

/** What a POS prints on the receipt. */
export interface LoyaltySummary {
  points_earned: number;
  balance: number;
  pending: number;
  tier: string | null;
}

/** The members' read that membersForAccrualLater queued, with the program it was made for; null: no program in force. */
export type AccrualRead = { program: Program; members: accrual.AccrualMembersLater } | null;

/**
 * How a member joined, in loyalty.member_joined's `source` (so a welcome automation can tell
 * a member brought over by a points import from one who just signed up): a purchase, an
 * adjustment by staff, an enrolment by staff, automatic enrolment on sign-up, or a points import.
 */
export type JoinedBy = 'purchase' | 'adjustment' | 'enrolment' | 'sign_up' | 'import';

/** Base tier, the joined event and the sign-up bonus's entry (not yet written) for a member enrolled just now (by a purchase here, by staff in staff-actions.ts). */
export function welcomeMember(core: LoyaltyCore, program: Program, m: MemberRow, now: Date, events: OutgoingEvent[], source: JoinedBy): NewEntry | null {
  const bonus = program.document.bonuses.sign_up;
  core.placeInTier(program, m, 0, now, { allowDowngrade: false, reason: 'joined' });
  events.push({ type: 'loyalty.member_joined', customerId: m.customer_id, payload: { customer_id: m.customer_id, program_version: program.version, tier: m.tier, source } });
  if (!bonus) return null;
  return { customerId: m.customer_id, kind: 'bonus', points: bonus, occurredAt: now, expiresAt: lotExpiry(program, now), sourceType: 'bonus', sourceId: 'sign_up', idempotencyKey: 'bonus:sign_up', programVersion: program.version, details: { bonus: 'sign_up' } };
}

export function createAccrual(core: LoyaltyCore, engagement: EngagementService) {
  const { currency } = core.deps;

  /**
   * Whether the member's stats (all time, this transaction's purchases counted) reach the
   * next tier's threshold: an upper bound of the window's metric, so only these need it read.
   */
  function mayMoveUp(program: Program, st: accrual.AccrualState): boolean {
    const tiers = program.document.tiers!;
    const next = program.thresholds[Math.max(tierIndexOf(program, st.member.tier), 1)];
    if (next === undefined) return false;
    const bound = tiers.metric === 'spend' ? st.netSpendMinor : tiers.metric === 'purchases' ? st.purchasesCount : st.member.lifetime_earned;
    return bound >= next;
  }

  /** The members with more than one of these purchases. */
  function repeatedCustomers(items: AccrualItem[], states: Map<string, accrual.AccrualState>): Set<string> {
    const repeated = new Set<string>();
    if (items.length < 2) return repeated;
    const seen = new Set<string>();
    for (const i of items) {
      if (seen.has(i.customerId)) {
        if (states.has(i.customerId)) repeated.add(i.customerId);
      } else seen.add(i.customerId);
    }
    return repeated;
  }

  /** Inactivity expiry, applied before a member's next credit (the sweep may not have run yet). */
  async function expireIfInactive(trx: Tx, program: Program, member: MemberRow, at: Date, now: Date) {
    const expiry = program.document.expiry;
    if (expiry.policy !== 'inactivity' || member.points <= 0) return;
    if (inactivityExpiresAt(member, expiry.months, program.timeZone).getTime() > at.getTime()) return;
    const lots = (await ledger.openLots(trx, member.customer_id)).filter((l) => l.remaining > 0);
    const points = lots.reduce((s, l) => s + l.remaining, 0);
    if (points === 0) return;
    await ledger.debit(trx, member, { customerId: member.customer_id, kind: 'expire', points, occurredAt: at, sourceType: 'expiry', sourceId: 'inactivity', programVersion: program.version, details: { policy: 'inactivity', months: expiry.months, last_activity_at: member.last_activity_at } },
      { now, includePending: true, shortfall: 'fail', lots: lots.map((l) => ({ creditId: l.id, points: l.remaining })) });
    member.lifetime_expired += points;
  }

  /**
   * The referral codes of a group's purchases, claimed (in time order) before any points are
   * worked out, so a friend's first qualifying purchase earns the friend's bonus below.
   * Refused before the claim's own rules: a program without referral bonuses (or none in
   * force), a customer who is not a member. `referrals` gains the referrals now pending.
   */
  async function claimReferrals(trx: Tx, program: Program | null, claims: AccrualItem[], { members, boughtBefore, referrals, actor, now }: {
    members: ReadonlyMap<string, MemberRow>; boughtBefore: ReadonlyMap<string, number>; referrals: Map<string, { referrer_id: string; code: string }>; actor: Actor; now: Date;
  }): Promise<Map<string, ReferralOfPurchase>> {
    const out = new Map<string, ReferralOfPurchase>();
    for (const item of claims) {
      const typed = item.referralCode!;
      const refused = !program?.document.bonuses.referral ? say('referral.not_in_program') : !members.has(item.customerId) ? say('referral.not_member') : null;
      if (refused) {
        out.set(item.purchaseId, { code: referralCodeOf(typed), status: 'refused', reason: refused });
        continue;
      }
      const claim = await engagement.claimWithPurchase(trx, { friendId: item.customerId, raw: typed, boughtBefore: boughtBefore.get(item.customerId) ?? 0, purchase: item.purchaseId, actor, now });
      if (claim.pending && !referrals.has(item.customerId)) referrals.set(item.customerId, claim.pending);
      out.set(item.purchaseId, claim);
    }
    return out;
  }

  return {
    /**
     * The members accrual will need, locked and read with the transaction's next awaited
     * statement (pipeline.ts): called with the buyers' identities and the purchases' local
     * dates before the customers are resolved and the purchases written, so the purchase
     * path reads them in the round trip that reads the owners and keys. The caller holds
     * the identities' locks. Null when no program is in force. Pass it to accrue.
     */
    async membersForAccrualLater(trx: Tx, { identities, localDates, now }: { identities: Identity[]; localDates: string[]; now: Date }): Promise<AccrualRead> {
      const program = await core.programAt(now, trx);
      if (!program) return null;
      const doc = program.document;
      const members = await accrual.lockMembersForAccrualLater(trx, identities, {
        now, create: doc.enrolment === 'automatic',
        capDates: doc.earning.daily_cap ? [...new Set(localDates)] : null,
        referrals: Boolean(doc.bonuses.referral),
        // ISO dates sort as text.
        firstBonus: doc.bonuses.first_purchase ? { firstDate: localDates.reduce<string | null>((min, d) => (min === null || d < min ? d : min), null) } : null,
      });
      return { program, members };
    },

    /**
     * Points for newly recorded purchases, in the purchases' transaction; the caller holds
     * the customers' row locks, and `read` is membersForAccrualLater's, for the same
     * purchases (`created`: the customers this transaction created; `actor`: who the
     * audit names for a referral claimed with a purchase). Returns what each purchase's
     * response carries, or null when no program is in force (or the customer is not a
     * member of an on-request one), and what became of the referral codes they carried.
     * `reviewsUntil`: a chunk of a file in time order makes the tier reviews due by then, not by now (tier-placement.ts planTiers).
     */
    async accrue(
      trx: Tx,
      items: AccrualItem[],
      now: Date,
      read: AccrualRead,
      created: ReadonlySet<string>,
      actor: Actor,
      { reviewsUntil }: { reviewsUntil?: Date } = {},
    ): Promise<Accrued> {
      const out = new Map<string, LoyaltySummary | null>();
      if (!read || items.length === 0) {
        let claims: AccrualItem[] | null = null;
        for (const i of items) {
          out.set(i.purchaseId, null);
          if (i.referralCode) (claims ??= []).push(i);
        }
        // No program in force: every code is refused, and nothing is read for it.
        const referred = claims ? await claimReferrals(trx, null, claims, { members: new Map(), boughtBefore: new Map(), referrals: new Map(), actor, now }) : NO_REFERRALS;
        return { receipts: out, referrals: referred };
      }
      const { program } = read;
      const doc = program.document;
      // The members were locked and read with the owners; one more round trip writes
      // lots, members and events with the purchases, and commits. Only the rare cases (a
      // debt to settle, a referral, inactivity expiry, a tier threshold within reach, a
      // member another writer changed meanwhile) add statements.
      const states = await read.members.states(items.map((i) => i.customerId), created, items.map((i) => i.purchaseId));
      // They were read before this transaction's purchases were counted in customer_stats
      // (except a member read again): count them as the stats now do.
      let claims: AccrualItem[] | null = null;
      for (const i of items) {
        if (i.referralCode) (claims ??= []).push(i);
        const st = states.get(i.customerId);
        if (!st || st.readAfterPurchases) continue;
        st.purchasesCount += 1;
        st.netSpendMinor += i.facts.totalMinor;
      }
      const members = new Map([...states].map(([id, st]) => [id, st.member]));
      const events: OutgoingEvent[] = [];
      const bulk: NewEntry[] = [];
      for (const m of members.values()) {
        if (!m.created) continue;
        const signUp = welcomeMember(core, program, m, now, events, 'purchase');
        if (signUp) {
          // A member enrolled just now has no debt: the bonus goes with the other new lots.
          bulk.push(signUp);
          m.points += signUp.points;
          m.lifetime_earned += signUp.points;
        }
      }

      const capUsed = new Map<string, number>();
      for (const [id, st] of states) for (const [date, used] of Object.entries(st.capUsed)) capUsed.set(`${id}|${date}`, Number(used));
      // customer_stats already counts this transaction's purchases.
      const countBefore = new Map([...states].map(([id, st]) => [id, st.purchasesCount]));
      for (const i of items) if (members.has(i.customerId)) countBefore.set(i.customerId, countBefore.get(i.customerId)! - 1);
      const referrals = new Map<string, { referrer_id: string; code: string }>();
      for (const [id, st] of states) if (st.referral) referrals.set(id, st.referral);
      /** Members whose lots changed outside `bulk` (debts settled, referral bonus, inactivity expiry): their lot sums are read again at the end. */
      const reread = new Set<string>();
      // Lots past their expiry that the sweep has not written off are in a member's stored
      // points but pay nothing: a member owes (has debts to settle) when the rest is below zero.
      const unswept = new Map([...states].map(([id, st]) => [id, st.expired]));

      const earned = new Map<string, number>();
      const sorted = [...items].sort((a, b) => a.facts.occurredAt.getTime() - b.facts.occurredAt.getTime());
      // A friend's earlier purchase claims first: a later one of the group finds the referral it made.
      const referred = claims
        ? await claimReferrals(trx, program, claims.length > 1 ? sorted.filter((i) => i.referralCode) : claims, { members, boughtBefore: countBefore, referrals, actor, now })
        : NO_REFERRALS;
      // Which purchase is a member's first is decided over the group in time order, each of
      // their purchases met, 0.00 ones too (first-purchase.ts).
      const firsts = new FirstPurchases(program);
      for (const [id, st] of states) firsts.know(id, st.firstPurchase);
      // A member with several purchases in the group (a batch, an import chunk) moves up a
      // tier between them, and each of them gets the receipt of the account right after it
      // (for everyone else, that is the account at the end of the group). Such a member, and
      // one whose purchase is dated before what their cached tier says, is placed by the
      // tier rules over their history, purchase by purchase (tier-placement.ts).
      const repeated = repeatedCustomers(items, states);
      const timed = sorted.map((i) => ({ customerId: i.customerId, purchaseId: i.purchaseId, at: i.facts.occurredAt.getTime() }));
      const plan = await planTiers(trx, core, program, states, timed, bulk, now, { fresh: (id) => members.get(id)!.created === true && countBefore.get(id) === 0, mayMoveUp: (st) => mayMoveUp(program, st), reviewsUntil });
      const levels = doc.tiers?.levels;
      const afterEach = new Map<string, LoyaltySummary>();
      const lastOf = new Map<string, string>();
      const running = new Map<string, { pending: number; expired: number }>();
      for (const id of repeated) {
        const st = states.get(id)!;
        running.set(id, { pending: st.pending, expired: st.expired });
      }
      for (const e of bulk) {
        const run = running.get(e.customerId);
        if (run) addHeld(run, e, now);
      }
      for (const item of sorted) {
        const member = members.get(item.customerId);
        if (!member) {
          out.set(item.purchaseId, null);
          continue;
        }
        const expiredBefore = member.lifetime_expired;
        await expireIfInactive(trx, program, member, item.facts.occurredAt, now);
        if (member.lifetime_expired !== expiredBefore) {
          reread.add(member.customer_id);
          unswept.set(member.customer_id, 0);
        }
        // The tier the member held when the purchase was made (reviews due by then made).
        const timeline = plan.timelines.get(member.customer_id);
        if (timeline && levels) member.tier = levels[timeline.at(item.facts.occurredAt.getTime())].code;
        const result = pointsForPurchase(program, item.facts, { tier: member.tier });
        let points = result.points;
        let capped = false;
        if (doc.earning.daily_cap) {
          const key = `${member.customer_id}|${item.facts.localDate}`;
          const room = Math.max(0, doc.earning.daily_cap - (capUsed.get(key) ?? 0));
          if (points > room) {
            points = room;
            capped = true;
          }
          capUsed.set(key, (capUsed.get(key) ?? 0) + points);
        }
        const availableAt = heldUntil(program, item.facts.occurredAt);
        const expiresAt = lotExpiry(program, item.facts.occurredAt);
        const entries: NewEntry[] = [];
        // A purchase the cap left without points gets an entry too, of 0 points (no lot:
        // migration 0018), so the account says why it earned nothing; it costs a row in
        // the statement that writes the lots, and only for such a purchase. So does one
        // below the program's minimum purchase ("I bought for 4.00 and got nothing").
        if (points > 0 || capped || result.below_minimum) {
          const details = {
            purchase: item.externalId, local_date: item.facts.localDate, total: toMajor(item.facts.totalMinor, currency), base: result.base,
            factors: result.factors, bonus_points: result.bonusPoints, exact: result.exact, rounding: doc.earning.rounding,
          };
          entries.push({
            customerId: member.customer_id, kind: 'earn', points, occurredAt: item.facts.occurredAt,
            availableAt: points > 0 ? availableAt : null, expiresAt: points > 0 ? expiresAt : null,
            sourceType: 'purchase', sourceId: item.purchaseId, idempotencyKey: `purchase:${item.purchaseId}`, programVersion: program.version,
            details: capped ? withFields(details, { capped_at: doc.earning.daily_cap, uncapped: result.points })
              : result.below_minimum ? withFields(details, { below_minimum: toMajor(program.minimumPurchaseMinor, currency) }) : details,
          });
        }
        const firstBonus = firsts.bonus(member.customer_id, item.facts.occurredAt.getTime(), item.facts.totalMinor);
        if (firstBonus > 0) {
          entries.push({
            customerId: member.customer_id, kind: 'bonus', points: firstBonus, occurredAt: item.facts.occurredAt, availableAt, expiresAt,
            sourceType: 'purchase', sourceId: item.purchaseId, idempotencyKey: 'bonus:first_purchase', programVersion: program.version,
            details: { bonus: 'first_purchase', purchase: item.externalId },
          });
        }
        for (const e of entries) {
          member.lifetime_earned += e.points;
          // An entry of 0 points settles nothing, nor a lot born past its expiry (a purchase
          // recorded late): they go with the other new lots whatever the member owes.
          const bornExpired = e.expiresAt != null && e.expiresAt.getTime() <= now.getTime();
          if (e.points > 0 && !bornExpired && member.points - (unswept.get(member.customer_id) ?? 0) < 0) {
            // Someone who owes points settles the debt from this credit (rare; one by one).
            await ledger.credit(trx, member, e, now);
            reread.add(member.customer_id);
          } else {
            bulk.push(e);
            member.points += e.points;
            if (bornExpired) unswept.set(member.customer_id, (unswept.get(member.customer_id) ?? 0) + e.points);
            const run = running.get(member.customer_id);
            if (run) addHeld(run, e, now);
          }
        }
        let referralBonus = 0;
        const referral = referrals.get(member.customer_id);
        if (referral) {
          referralBonus = await engagement.onFriendPurchase(trx, program, member, { purchaseId: item.purchaseId, totalMinor: item.facts.totalMinor, occurredAt: item.facts.occurredAt }, referral);
          if (referralBonus > 0 || item.facts.totalMinor >= program.referralMinimumMinor) referrals.delete(member.customer_id);
          reread.add(member.customer_id);
        }
        const pointsEarned = points + referralBonus + entries.filter((e) => e.kind === 'bonus').reduce((s, e) => s + e.points, 0);
        earned.set(item.purchaseId, pointsEarned);
        if (!member.last_activity_at || member.last_activity_at.getTime() < item.facts.occurredAt.getTime()) member.last_activity_at = item.facts.occurredAt;
        if (timeline && levels) {
          // What the purchase adds to the window ending at it: its total, one purchase, or what it earned.
          const metric = doc.tiers!.metric;
          timeline.add(item.facts.occurredAt.getTime(), metric === 'spend' ? item.facts.totalMinor : metric === 'purchases' ? (item.facts.totalMinor > 0 ? 1 : 0) : pointsEarned);
          member.tier = levels[timeline.state.tier].code;
        }
        const run = running.get(member.customer_id);
        if (run) {
          afterEach.set(item.purchaseId, { points_earned: pointsEarned, balance: member.points - run.pending - run.expired, pending: run.pending, tier: member.tier });
          lastOf.set(member.customer_id, item.purchaseId);
        }
      }

      const tierChanges = doc.tiers ? [...finishTimelines(program, plan, members, now), ...(await placeFromCache(trx, core, program, plan, states, timed, bulk, (st) => mayMoveUp(program, st)))] : [];
      await accrual.writeAccrual(trx, { credits: bulk, members: [...members.values()], events, now });
      await core.recordTierChanges(trx, program, tierChanges, now);

      // What the receipt shows: the lot sums read with the lock, plus the lots added now.
      const held = new Map<string, { pending: number; expired: number }>();
      for (const [id, st] of states) held.set(id, { pending: st.pending, expired: st.expired });
      for (const e of bulk) addHeld(held.get(e.customerId)!, e, now);
      if (reread.size) {
        const sums = await accrual.lotSums(trx, [...reread], now);
        for (const id of reread) held.set(id, sums.get(id) ?? { pending: 0, expired: 0 });
      }
      for (const item of items) {
        if (out.has(item.purchaseId)) continue;
        const receipt = afterEach.get(item.purchaseId);
        // A member's last purchase (in time) shows the account as written, like everyone's.
        if (receipt && !reread.has(item.customerId) && lastOf.get(item.customerId) !== item.purchaseId) {
          out.set(item.purchaseId, receipt);
          continue;
        }
        const m = members.get(item.customerId)!;
        const h = held.get(m.customer_id)!;
        out.set(item.purchaseId, { points_earned: earned.get(item.purchaseId) ?? 0, balance: m.points - h.pending - h.expired, pending: h.pending, tier: m.tier });
      }
      return { receipts: out, referrals: referred };
    },
  };
}
