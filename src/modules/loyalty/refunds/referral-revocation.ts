import { sql } from 'kysely';
import type { Tx } from '../../../db/index.ts';
import { publish } from '../../../jobs/outbox.ts';
import { personIdsQuery } from '../../customers/index.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { MemberRow } from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { keysTakenAcrossMerges, lockActiveCustomer } from '../lifecycle/merged-customers.ts';
import { heldUntil, type Program } from '../program/program.ts';
import type { RefundFacts } from '../../commerce/index.ts';
import { bonusCredits, takeBonusBack } from './bonus-takeback.ts';
import { FRIEND_BONUS_KEY } from '../earning/bonus-credit.ts';

// Referral bonuses follow the friend's qualifying purchase: held for the program's
// pending_days from it, like the purchase's own points, and taken back when a refund takes
// the purchase below the referral's minimum purchase (the referral is then 'revoked').
// Without this a friend could buy, collect both bonuses, spend them and return the goods.
// Smile.io and LoyaltyLion do the same: a refunded order cancels its referral and adjusts
// both members' points; the points wait for the return window before they can be spent.
//
// The friend's bonus comes back in the refund's transaction, which holds the friend's
// customer and member. The referrer's comes back by a job (loyalty.referral_revoked), as it
// was paid by one: the refund never locks another member, so it never waits on (or
// deadlocks with) the referrer's writers — the reward job, the revoke job, a redemption —
// which lock only the referrer. The reward job reads the referral's status under the
// referrer's locks, so against a refund one of two things happens: the job reads before the
// refund commits and pays, and the revoke job (queued after that commit) waits for the
// referrer's lock and takes the bonus back; or it reads the referral revoked and pays nothing.
//
// A revoked referral never qualifies again: the purchase path rewards only a 'pending' one.
// That keeps the guard to one status check; the friend's later purchases earn their own
// points as anyone's do.

/** When a referral bonus becomes spendable: pending_days after the friend's qualifying purchase; null: at once. */
export function referralAvailableAt(program: Program, purchaseAt: Date): Date | null {
  return heldUntil(program, purchaseAt);
}

/** Whether the referral settled by `purchaseId` is still rewarded (not revoked by a refund since). */
export async function referralStillRewarded(trx: Tx, purchaseId: string): Promise<boolean> {
  const row = await trx.selectFrom('loyalty_referrals').select('status').where('purchase_id', '=', purchaseId).executeTakeFirst();
  return row?.status === 'rewarded';
}

/**
 * When the friend's qualifying purchase happened: the event says so (from this version
 * on); for an event queued before, the purchase itself (its key follows merges), or, gone,
 * the event's own time.
 */
export async function qualifyingPurchaseTime(trx: Tx, { purchase_id, occurred_at, queued_at }: { purchase_id?: string; occurred_at?: string; queued_at: Date }): Promise<Date> {
  if (occurred_at) return new Date(occurred_at);
  if (purchase_id) {
    const found = await sql<{ occurred_at: Date }>`
      SELECT p.occurred_at FROM purchase_keys k JOIN purchases p ON p.customer_id = k.customer_id AND p.id = k.purchase_id
      WHERE k.purchase_id = ${purchase_id} LIMIT 1`.execute(trx);
    if (found.rows.length) return new Date(found.rows[0].occurred_at);
  }
  return queued_at;
}

export function createReferralRevocation(core: LoyaltyCore) {
  const { db, clock } = core.deps;

  return {
    /**
     * In a refund's transaction, on the member whose row the caller holds (the purchase's
     * customer now; the caller saves it): revokes the referral the purchase settled when the
     * refund takes its net total (total − refunded) below the minimum the purchase met, and
     * takes the friend's bonus back — from its own lot first, what was spent following
     * refund_shortfall like the purchase's points — under the refund's key. Null when no
     * referral ends here: none, revoked already (a later refund), or still above the minimum.
     */
    async revokeForRefund(trx: Tx, member: MemberRow, program: Program | undefined, r: RefundFacts) {
      const net = r.totalMinor - r.refundedMinor;
      // The minimum the purchase met; a referral settled before it was kept: today's. A
      // qualifying purchase was never 0 (onFriendPurchase), so a full refund always revokes.
      const [row] = (await sql<{ customer_id: string; referrer_id: string; code: string }>`
        UPDATE loyalty_referrals SET status = 'revoked', settled_at = ${r.now},
          reason = ${`refund ${r.refundId} took the qualifying purchase below the minimum purchase`}
        WHERE purchase_id = ${r.purchaseId} AND status = 'rewarded'
          AND ${net}::bigint < GREATEST(COALESCE(minimum_minor, ${program?.referralMinimumMinor ?? 0}::bigint), 1)
        RETURNING customer_id, referrer_id, code`.execute(trx)).rows;
      if (!row) return null;
      const purchase = await trx.selectFrom('purchases').select(['external_id', 'occurred_at']).where('customer_id', '=', r.customerId).where('id', '=', r.purchaseId).executeTakeFirstOrThrow();
      // The friend's bonus: the credit written with this purchase. Its key is one per
      // ledger, and a merged person may have two (each id referred once): the one naming
      // the purchase, or, written before credits named it, the one dated with it.
      const credits = await bonusCredits(trx, r.customerId, sql`idempotency_key = ${FRIEND_BONUS_KEY}`);
      const bonus = credits.find((c) => c.details.purchase_id === r.purchaseId)
        ?? credits.find((c) => !c.details.purchase_id && c.occurred_at.getTime() === purchase.occurred_at.getTime());
      let reversed = { debited: 0, unsettled: 0 };
      if (bonus) {
        const policy = program?.document.refund_shortfall ?? 'negative_balance';
        const entry = {
          occurredAt: r.occurredAt, sourceType: 'bonus', sourceId: 'referral', idempotencyKey: `refund:${r.refundId}:referral`, programVersion: program?.version ?? null,
          details: { bonus: 'referral', role: 'friend', refund: r.refundId, purchase: purchase.external_id, purchase_id: r.purchaseId, credited: bonus.points, policy },
        };
        reversed = await takeBonusBack(trx, member, bonus, entry, { now: r.now, policy });
      }
      // The referrer's bonus is keyed by the friend's id when it was paid: the id whose
      // ledger got the friend's bonus (the referral may have moved to a survivor since).
      const friendId = bonus?.customer_id ?? row.customer_id;
      await publish(trx, [{
        type: 'loyalty.referral_revoked', customerId: row.referrer_id,
        payload: { referrer_id: row.referrer_id, friend_id: friendId, purchase_id: r.purchaseId, refund_id: r.refundId, code: row.code },
      }]);
      return { status: 'revoked' as const, points_reversed: reversed.debited, unsettled: reversed.unsettled };
    },

    /**
     * Subscriber of loyalty.referral_revoked: takes the referrer's bonus for that friend
     * back, once (a key of its own, looked up across merges, and the referral marked done), under the referrer's locks as
     * rewardReferrer pays it — a merged referrer followed to the survivor, the bonus taken
     * from its own lot or the transfer lots a merge made of it first. Nothing when it was
     * never paid (the reward job found the referral revoked). Answers whether points came back.
     */
    async revokeReferrerBonus({ referrer_id, friend_id, purchase_id, refund_id }: { referrer_id: string; friend_id: string; purchase_id: string; refund_id?: string }) {
      const now = clock.now();
      const program = await core.programAt(now);
      return db.transaction().execute(async (trx) => {
        const referrer = await lockActiveCustomer(trx, referrer_id);
        if (!referrer) return false;
        const member = (await ledger.lockMembers(trx, [referrer.id], { now, create: false })).get(referrer.id);
        if (!member) return false;
        // Keyed by the friend's id at the time (or an id merged into it since, whose key the
        // purchase named in the credit tells apart).
        const credits = await bonusCredits(trx, referrer.id, sql`idempotency_key IN (SELECT 'bonus:referral:' || f.id FROM ${personIdsQuery(friend_id)} AS f)`);
        const bonus = credits.find((c) => c.details.purchase_id === purchase_id)
          ?? credits.find((c) => !c.details.purchase_id && c.idempotency_key === `bonus:referral:${friend_id}`);
        if (!bonus) return false;
        const key = `revoke:${bonus.idempotency_key}`;
        if ((await keysTakenAcrossMerges(trx, [{ customerId: referrer.id, key }])).size > 0) return false;
        // Once, whatever is taken: forgiven whole (nothing left under 'forgive') writes an
        // entry of 0, and the job delivered again must not take from points earned since.
        const first = await trx.updateTable('loyalty_referrals').set({ referrer_revoked_at: now })
          .where('purchase_id', '=', purchase_id).where('status', '=', 'revoked').where('referrer_revoked_at', 'is', null)
          .returning('code').executeTakeFirst();
        if (!first) return false;
        const policy = program?.document.refund_shortfall ?? 'negative_balance';
        const entry = {
          occurredAt: now, sourceType: 'bonus', sourceId: 'referral', idempotencyKey: key, programVersion: program?.version ?? null,
          details: { bonus: 'referral', role: 'referrer', friend: friend_id, purchase_id, refund: refund_id ?? null, credited: bonus.points, policy },
        };
        const reversed = await takeBonusBack(trx, member, bonus, entry, { now, policy });
        if (reversed.debited === 0) return false;
        await ledger.saveMembers(trx, [member], now);
        return true;
      });
    },
  };
}

export type ReferralRevocation = ReturnType<typeof createReferralRevocation>;
