import { z } from 'zod';
import { audit, type Actor, type Tx } from '../../../db/index.ts';
import { publish } from '../../../jobs/outbox.ts';
import { conflict, invalidField, notFound } from '../../../shared/errors.ts';
import { say, type Said } from '../../../shared/messages/index.ts';
import { customerNotFound } from '../../customers/index.ts';
import { ReferralCodeText, referralCodeOf } from '../../commerce/index.ts';
import { isUuid } from '../../../shared/ids.ts';
import { parseInput } from '../../../shared/validation.ts';
import { newCode, normalizeCode } from '../rewards/codes.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { MemberRow } from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { lotExpiry, type Program } from '../program/program.ts';
import { lockActiveCustomer, lockActiveCustomers } from '../lifecycle/merged-customers.ts';
import { createReferralRevocation, qualifyingPurchaseTime, referralAvailableAt, referralStillRewarded } from '../refunds/referral-revocation.ts';
import { createBonusCredit, FRIEND_BONUS_KEY } from './bonus-credit.ts';
import { referralLinkOf, shopOf } from './referral-link.ts';

// Bringing a friend: the member's code, the friend's claim of it, and the two bonuses.
// The friend's is part of their purchase (in its transaction); the referrer's follows from
// an outbox event, so a purchase never waits on — or locks — the referrer's account.

// Strict, as every request body: a misspelt "cod" or a "referrer" beside the code was
// dropped unread and the claim linked the friend as if the body said only the code.
export const ClaimReferralInput = z.strictObject({ code: ReferralCodeText });

/**
 * What a purchase's answer says of the referral code it carried (claimWithPurchase): the
 * code in its stored spelling, claimed or refused and why; `pending`, the referral the
 * purchase may now qualify.
 */
export interface ReferralOfPurchase {
  code: string;
  status: 'claimed' | 'refused';
  reason: Said | null;
  pending?: { referrer_id: string; code: string };
}

/** Gmail ignores dots and +tags; other providers ignore +tags: the same inbox is the same person. */
function inbox(email: string | null): string | null {
  if (!email) return null;
  const [local, domain] = email.toLowerCase().split('@');
  const base = local.split('+')[0];
  return `${domain === 'gmail.com' || domain === 'googlemail.com' ? base.replace(/\./g, '') : base}@${domain === 'googlemail.com' ? 'gmail.com' : domain}`;
}

export function createReferrals(core: LoyaltyCore) {
  const { db, clock } = core.deps;
  const revocation = createReferralRevocation(core);
  const creditBonus = createBonusCredit(core);

  /**
   * The claim's rules, in the caller's transaction: the referral, or why it is refused (told
   * by the claim route as a 422 on `code`, a 409 for a customer referred by someone else; by
   * a purchase in its answer). `boughtBefore`: the purchases the friend had before the
   * caller's transaction, when it knows (a purchase's stats count itself); null: read.
   */
  async function claimIn(trx: Tx, { friendId: requestedFriend, raw, actor, now, boughtBefore, purchase }: {
    friendId: string; raw: string; actor: Actor; now: Date; boughtBefore: number | null; purchase: string | null;
  }): Promise<{ code: string; created: boolean; status: string; referrerId: string } | { code: string; refused: Said }> {
    let friendId = requestedFriend;
    const code = referralCodeOf(raw);
    const refuse = (refused: Said) => ({ code, refused });
    // Both customers' rows locked, in id order as every writer of customers locks them: the
    // checks below read what a claim or purchase that got there first committed. Unlocked,
    // two claims for one friend sent at once both found no referral (the second failed on
    // the key, a 500), two customers claiming each other's code at once were both
    // accepted, and a claim while the friend's first purchase was being recorded (it holds
    // the friend's row until it commits) read no purchase yet: a referral for an old customer.
    // Each id is followed past merges (merged-customers.ts): the friend may be named by a
    // merged id, and the code's owner is read again under the locks, since a merge that
    // committed while this waited moved the code to the survivor; a referrer read before
    // it would be the merged customer, whose closed account nobody sees.
    let owner = await trx.selectFrom('referral_codes').selectAll().where('code', '=', code).executeTakeFirst();
    let locked = new Map<string, { id: string }>();
    for (let attempt = 0; ; attempt++) {
      if (!owner) return refuse(say('referral.unknown_code', { code: raw }));
      if (attempt === 5) throw new Error('loyalty: a referral code kept changing owner while being claimed');
      locked = await lockActiveCustomers(trx, [friendId, owner.customer_id], { forUpdate: true });
      const held = owner.customer_id;
      owner = await trx.selectFrom('referral_codes').selectAll().where('code', '=', code).executeTakeFirst();
      if (owner && owner.customer_id === (locked.get(held)?.id ?? held)) break;
    }
    const friendNow = locked.get(friendId)?.id;
    const rows = await trx.selectFrom('customers').select(['id', 'email', 'phone', 'status', 'erased_at']).where('id', 'in', [friendNow ?? friendId, owner.customer_id]).execute();
    const [friend, referrer] = [friendNow, owner.customer_id].map((id) => rows.find((c) => c.id === id));
    if (!friend || friend.status !== 'active') throw customerNotFound(friendId, friend && { id: friend.id, status: friend.status, erasedAt: friend.erased_at });
    friendId = friend.id;
    if (owner.customer_id === friendId) return refuse(say('referral.own_code'));
    if (referrer && ((friend.email && inbox(friend.email) === inbox(referrer.email)) || (friend.phone && friend.phone === referrer.phone))) return refuse(say('referral.same_person'));
    const existing = await trx.selectFrom('loyalty_referrals').selectAll().where('customer_id', '=', friendId).executeTakeFirst();
    if (existing) {
      if (existing.code === code) return { code, created: false, status: existing.status, referrerId: existing.referrer_id };
      return refuse(say('referral.already_referred'));
    }
    // An erased referrer is nobody (erasure.ts): their code refers no one any more. Taken,
    // it gave the new friend the referral bonus for a referrer who can never be rewarded.
    // (A claim made before the erasure stands, and answers a retry as before.)
    if (!referrer || referrer.status === 'erased') return refuse(say('referral.unknown_code', { code: raw }));
    const back = await trx.selectFrom('loyalty_referrals').select('customer_id').where('customer_id', '=', owner.customer_id).where('referrer_id', '=', friendId).executeTakeFirst();
    if (back) return refuse(say('referral.referred_back'));
    const bought = boughtBefore ?? (await trx.selectFrom('customer_stats').select('purchases_count').where('customer_id', '=', friendId).executeTakeFirst())?.purchases_count ?? 0;
    if (bought > 0) return refuse(say('referral.not_new'));
    await trx.insertInto('loyalty_referrals').values({ customer_id: friendId, referrer_id: owner.customer_id, code, status: 'pending', reason: null, purchase_id: null, created_at: now, settled_at: null }).execute();
    const details = purchase === null ? { code, referrer: owner.customer_id } : { code, referrer: owner.customer_id, purchase };
    await audit(trx, { at: now, actor, action: 'loyalty.referral.claim', subject: friendId, details });
    return { code, created: true, status: 'pending' as const, referrerId: owner.customer_id };
  }

  return {
    /** The member's own referral code (created on first request). */
    async referralCode(requested: string) {
      if (!isUuid(requested)) throw notFound(say('customer.not_found', { id: requested }));
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        // The member's app may still hold a merged id: the survivor's code (merged-customers.ts).
        const active = await lockActiveCustomer(trx, requested);
        if (!active || active.status !== 'active') throw customerNotFound(requested, active);
        const customerId = active.id;
        const customer = await trx.selectFrom('customers').select(['id', 'first_name', 'status']).where('id', '=', customerId).executeTakeFirstOrThrow();
        const member = (await ledger.lockMembers(trx, [customerId], { now, create: false })).get(customerId);
        if (!member) throw conflict(say('loyalty.not_member'));
        const link = (code: string) => referralLinkOf(core.deps.referralLink ?? null, code);
        if (member.referral_code) return { code: member.referral_code, referral_link: link(member.referral_code), created: false };
        // A readable prefix from the first name, a random part for uniqueness.
        const prefix = (customer.first_name ?? 'FRIEND').normalize('NFD').replace(/[^A-Za-z]/g, '').toUpperCase().slice(0, 6) || 'FRIEND';
        const code = `${prefix}-${normalizeCode(newCode(6)).slice(0, 6)}`;
        await trx.insertInto('referral_codes').values({ code, customer_id: customerId, created_at: now }).execute();
        member.referral_code = code;
        await ledger.saveMembers(trx, [member], now);
        return { code, referral_link: link(code), created: true };
      });
    },

    /**
     * Where a referral link's short form (GET /r/{code}) leads: the member's link for a code
     * a customer who can refer holds (written in any case, with spaces or without the dash,
     * as a claim takes it), else the shop without a code — the same answer for a code that
     * never was, an erased member's or a mistyped one, so the link tells no one which codes
     * exist. `known` is for the caller's count of guesses. Null without REFERRAL_LINK.
     */
    async referralLanding(typed: string): Promise<{ to: string; known: boolean } | null> {
      const template = core.deps.referralLink ?? null;
      if (!template) return null;
      const code = referralCodeOf(typed.slice(0, 80));
      const owner = code.length < 4 ? undefined : await db.selectFrom('referral_codes').innerJoin('customers', 'customers.id', 'referral_codes.customer_id')
        .select(['referral_codes.code', 'customers.status']).where('referral_codes.code', '=', code).executeTakeFirst();
      if (!owner || owner.status !== 'active') return { to: shopOf(template), known: false };
      return { to: referralLinkOf(template, owner.code)!, known: true };
    },

    /**
     * Links a new customer to the member whose code they bring. Refused: one's own code,
     * a code of someone with the same inbox or phone, a customer who has bought already
     * (a referral is for new customers), a second referral, and a referral back to the
     * friend who referred you.
     */
    async claimReferral(requestedFriend: string, input: unknown, { actor }: { actor: Actor }) {
      const { code: raw } = parseInput(ClaimReferralInput, input, 'referral');
      if (!isUuid(requestedFriend)) throw notFound(say('customer.not_found', { id: requestedFriend }));
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const claim = await claimIn(trx, { friendId: requestedFriend, raw, actor, now, boughtBefore: null, purchase: null });
        if ('refused' in claim) throw claim.refused.code === 'referral.already_referred' ? conflict(claim.refused) : invalidField('code', claim.refused);
        return { created: claim.created, status: claim.status };
      });
    },

    /**
     * A referral code a purchase carries (POST /purchases `referral_code`), claimed in the
     * purchase's transaction by the claim's rules, before its points are worked out. The
     * caller holds the friend's row lock and knows how many purchases they had before this
     * transaction's (the stats already count these). Claimed: the referral is pending, for
     * this purchase to qualify (a retry of the claim that made it, or a pending one of the
     * same code, is claimed too); one with this code settled already is refused as not the
     * first purchase. A refusal is the purchase's answer, not its failure: the sale stands.
     */
    async claimWithPurchase(trx: Tx, { friendId, raw, boughtBefore, purchase, actor, now }: { friendId: string; raw: string; boughtBefore: number; purchase: string; actor: Actor; now: Date }): Promise<ReferralOfPurchase> {
      const claim = await claimIn(trx, { friendId, raw, actor, now, boughtBefore, purchase });
      if ('refused' in claim) return { code: claim.code, status: 'refused', reason: claim.refused };
      if (claim.status !== 'pending') return { code: claim.code, status: 'refused', reason: say('referral.not_new') };
      return { code: claim.code, status: 'claimed', reason: null, pending: { referrer_id: claim.referrerId, code: claim.code } };
    },

    /**
     * A replayed purchase's answer about the referral code it carried: claimed when the
     * customer's referral has this code and was made or settled by this purchase, or still
     * waits for a qualifying one; refused otherwise, with the reason when the referral tells
     * it (another code; settled by an earlier purchase). Read only for replays with a code.
     */
    async referralOfPurchases(purchases: { customer_id: string; id: string; code: string }[]): Promise<Map<string, ReferralOfPurchase>> {
      if (purchases.length === 0) return new Map();
      const rows = await db.selectFrom('loyalty_referrals').innerJoin('purchases', (j) => j.onRef('purchases.customer_id', '=', 'loyalty_referrals.customer_id'))
        .select(['loyalty_referrals.customer_id', 'loyalty_referrals.code', 'loyalty_referrals.status', 'loyalty_referrals.purchase_id', 'loyalty_referrals.created_at', 'purchases.id', 'purchases.created_at as purchase_created_at'])
        .where('purchases.id', 'in', purchases.map((p) => p.id)).execute();
      const byPurchase = new Map(rows.map((r) => [r.id, r]));
      return new Map(purchases.map((p) => {
        const code = referralCodeOf(p.code);
        const r = byPurchase.get(p.id);
        const mine = r && r.code === code && (r.status === 'pending' || r.purchase_id === p.id || new Date(r.created_at).getTime() === new Date(r.purchase_created_at).getTime());
        const reason = !r || mine ? null : r.code !== code ? say('referral.already_referred') : say('referral.not_new');
        return [p.id, mine ? { code, status: 'claimed', reason: null } : { code, status: 'refused', reason }];
      }));
    },

    /**
     * Inside the friend's purchase transaction: the first qualifying purchase rewards the
     * friend now, the referrer through an event. Both bonuses are held for pending_days from
     * the purchase, as its own points are, and a refund that takes it below the minimum
     * takes them back (referral-revocation.ts); the minimum it met is kept for that.
     */
    async onFriendPurchase(trx: Tx, program: Program, member: MemberRow, purchase: { purchaseId: string; totalMinor: number; occurredAt: Date }, pending: { referrer_id: string; code: string }) {
      const referral = program.document.bonuses.referral;
      if (!referral || purchase.totalMinor < program.referralMinimumMinor || purchase.totalMinor === 0) return 0;
      // Only the purchase that settles the pending referral rewards it: the caller read it
      // pending under the friend's lock, and this keeps a second qualifying purchase (a read
      // from before another writer's commit) from rewarding or re-pointing it.
      const settled = await trx.updateTable('loyalty_referrals').set({ status: 'rewarded', purchase_id: purchase.purchaseId, settled_at: clock.now(), minimum_minor: program.referralMinimumMinor })
        .where('customer_id', '=', member.customer_id).where('status', '=', 'pending').executeTakeFirst();
      if (Number(settled.numUpdatedRows) === 0) return 0;
      if (referral.friend > 0) {
        await ledger.credit(trx, member, {
          customerId: member.customer_id, kind: 'bonus', points: referral.friend, occurredAt: purchase.occurredAt,
          availableAt: referralAvailableAt(program, purchase.occurredAt), expiresAt: lotExpiry(program, purchase.occurredAt),
          sourceType: 'bonus', sourceId: 'referral', idempotencyKey: FRIEND_BONUS_KEY, programVersion: program.version,
          details: { bonus: 'referral', role: 'friend', referrer: pending.referrer_id, code: pending.code, purchase_id: purchase.purchaseId },
        }, clock.now());
        member.lifetime_earned += referral.friend;
      }
      await publish(trx, [{
        type: 'loyalty.referral_qualified', customerId: pending.referrer_id,
        payload: { referrer_id: pending.referrer_id, friend_id: member.customer_id, purchase_id: purchase.purchaseId, code: pending.code, occurred_at: purchase.occurredAt.toISOString() },
      }]);
      return referral.friend;
    },

    /**
     * Subscriber of loyalty.referral_qualified: the referrer's bonus, once per friend, held
     * until pending_days after the friend's purchase (`occurred_at`; an event queued before it
     * was sent: qualifyingPurchaseTime). Not paid once a refund has revoked the referral.
     */
    async rewardReferrer({ referrer_id, friend_id, purchase_id, occurred_at, queued_at }: { referrer_id: string; friend_id: string; purchase_id?: string; occurred_at?: string; queued_at?: Date }) {
      const now = clock.now();
      const program = await core.programAt(now);
      const points = program?.document.bonuses.referral?.referrer;
      if (!program || !points) return false;
      return db.transaction().execute(async (trx) => {
        // Queued before a merge of the referrer: the survivor's bonus, once (creditBonus
        // finds the key in the merged ledger when it was paid there before the merge).
        const referrer = await lockActiveCustomer(trx, referrer_id);
        // An erased referrer's points were forfeited (erasure.ts): nobody to give the bonus to.
        if (!referrer || referrer.status === 'erased') return false;
        const member = (await ledger.lockMembers(trx, [referrer.id], { now, create: false })).get(referrer.id);
        if (!member) return false;
        // Read under the referrer's locks, which the revoke job takes too: a refund that
        // revoked the referral first is seen here (nothing paid); one that commits after this
        // read queues the revoke job, which waits for this transaction and takes the bonus back.
        if (purchase_id && !(await referralStillRewarded(trx, purchase_id))) return false;
        const availableAt = referralAvailableAt(program, await qualifyingPurchaseTime(trx, { purchase_id, occurred_at, queued_at: queued_at ?? now }));
        const named = referrer.id === referrer_id ? {} : { referrer_merged: referrer_id };
        const details = { bonus: 'referral', role: 'referrer', friend: friend_id, purchase_id: purchase_id ?? null, ...named };
        return creditBonus(trx, member, program, { points, key: `bonus:referral:${friend_id}`, at: now, availableAt, details });
      });
    },

    /** In a refund's transaction: the referral the purchase settled, revoked below its minimum (referral-revocation.ts). */
    revokeReferralOnRefund: revocation.revokeForRefund,

    /** Subscriber of loyalty.referral_revoked: the referrer's bonus taken back (referral-revocation.ts). */
    revokeReferrerBonus: revocation.revokeReferrerBonus,
  };
}
