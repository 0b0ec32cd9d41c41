import { sql } from 'kysely';
import type { Actor, Tx } from '../../../db/index.ts';
import { conflict } from '../../../shared/errors.ts';
import { withFields } from '../../../shared/objects.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { MemberRow } from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { withdrawDuplicateBirthdayGifts } from './merge-birthday-gifts.ts';
import { takeBackDuplicateBonuses } from './merge-duplicate-bonuses.ts';
import { tierIndexOf } from '../program/program.ts';

// The loyalty part of a customer merge (workflows/customer-lifecycle.ts), in the merge's
// transaction: the points, the debt, the tier and every loyalty record of the merged
// customer go to the survivor. What a loyalty writer does later when handed the merged id
// is merged-customers.ts.

export function createMergeLoyalty(core: LoyaltyCore) {
  return {
    /**
     * The loyalty part of a merge, in the merge's transaction: everything the loyalty
     * module keeps about the merged customer ends up with the survivor (what stays behind
     * and why: moveLoyaltyRecords). The merged member's open lots move as transfer entries
     * that keep each lot's expiry and holding period; a debt moves too; the survivor keeps
     * the higher tier. The merged member's own ledger stays as it was, closed by the
     * transfer-out entry. A once-per-person bonus the person now has twice is taken back
     * from the survivor, the first given staying (merge-duplicate-bonuses.ts), and a
     * birthday gift the person now has twice for a year is withdrawn unless used
     * (merge-birthday-gifts.ts), both audited as `actor`'s merge. Returns what moved, for
     * the merge's `moved` counts.
     */
    async moveCustomer(trx: Tx, { fromId, toId, now, actor = 'system' }: { fromId: string; toId: string; now: Date; actor?: Actor }) {
      const members = await ledger.lockMembers(trx, [fromId, toId], { now, create: false });
      const from = members.get(fromId);
      let points = 0;
      let referralCode = { referral_codes: 0 };
      let duplicates = { duplicate_bonuses: 0, duplicate_bonus_points: 0 };
      let gifts = { duplicate_birthday_gifts: 0 };
      // A customer who never joined can still have loyalty records (a gift card issued to
      // them, uses of a promotion code, a referral claimed before the first purchase):
      // those move below whether or not there is a ledger to move.
      if (from) {
        // A checkout reservation's points are a debit of the merged member's own ledger: a
        // capture or release after the merge (by the POS, or the expiry sweep) would give
        // them back to the merged customer, where nobody sees them again. So a merge waits
        // for the checkout to settle. The member's lock, held now, keeps a new one out.
        const held = await trx.selectFrom('loyalty_reservations').select(['points']).where('customer_id', '=', fromId).where('status', '=', 'held').execute();
        if (held.length > 0) {
          throw conflict(`Customer ${fromId} has a checkout reservation of ${held.reduce((sum, r) => sum + r.points, 0)} points in progress: capture or release it, then merge`);
        }
        const to = members.get(toId) ?? (await ledger.lockMembers(trx, [toId], { now, create: true })).get(toId)!;
        const lots = (await ledger.openLots(trx, fromId)).filter((l) => l.remaining > 0);
        const moving = lots.reduce((s, l) => s + l.remaining, 0);
        if (moving > 0) {
          await ledger.debit(trx, from, { customerId: fromId, kind: 'adjust', points: moving, occurredAt: now, sourceType: 'merge', sourceId: toId, idempotencyKey: `merge-out:${toId}`, reason: `merged into ${toId}`, actor: 'system', details: { merged_into: toId } },
            { now, includePending: true, shortfall: 'fail', lots: lots.map((l) => ({ creditId: l.id, points: l.remaining })) });
          for (const l of lots) {
            await ledger.credit(trx, to, { customerId: toId, kind: 'adjust', points: l.remaining, occurredAt: now, availableAt: l.availableAt, expiresAt: l.expiresAt, sourceType: 'merge', sourceId: fromId, idempotencyKey: `merge-in:${fromId}:${l.id}`, reason: `merged from ${fromId}`, actor: 'system', details: { merged_from: fromId, lot: l.id } }, now);
          }
        }
        const owed = from.points < 0 ? -from.points : 0;
        if (owed > 0) {
          await ledger.credit(trx, from, { customerId: fromId, kind: 'adjust', points: owed, occurredAt: now, sourceType: 'merge', sourceId: toId, idempotencyKey: `merge-debt-out:${toId}`, reason: `debt moved to ${toId}`, actor: 'system', details: { merged_into: toId } }, now);
          await ledger.debit(trx, to, { customerId: toId, kind: 'adjust', points: owed, occurredAt: now, sourceType: 'merge', sourceId: fromId, idempotencyKey: `merge-debt-in:${fromId}`, reason: `debt moved from ${fromId}`, actor: 'system', details: { merged_from: fromId } }, { now, includePending: true, shortfall: 'owe' });
        }
        const program = await core.programAt(now, trx);
        // After the lots moved: a bonus taken back from the merged customer's comes from its transfer lot.
        duplicates = await takeBackDuplicateBonuses(trx, to, { fromId, now, actor, programs: await core.programs(trx), program });
        // Before the coupons move: which id held a gift tells which merge first put two gifts side by side.
        gifts = await withdrawDuplicateBirthdayGifts(trx, { fromId, toId, actor, timeZone: core.deps.timeZone, now });
        if (program && tierIndexOf(program, from.tier) > tierIndexOf(program, to.tier)) {
          const change = { customerId: toId, from: to.tier, to: from.tier, reason: 'merge' };
          to.tier = from.tier;
          to.tier_since = from.tier_since;
          to.tier_valid_until = from.tier_valid_until;
          await core.recordTierChanges(trx, program, [change], now);
        }
        if (from.last_activity_at && (!to.last_activity_at || from.last_activity_at > to.last_activity_at)) to.last_activity_at = from.last_activity_at;
        referralCode = await moveReferralCode(trx, from, to);
        await ledger.saveMembers(trx, [from, to], now);
        points = moving - owed;
      }
      const records = await moveLoyaltyRecords(trx, fromId, toId, now);
      return withFields({ loyalty_points: points }, duplicates, gifts, referralCode, records);
    },
  };
}

// ── What a merge does with the loyalty records ────────────────────────────────────────
// A merge says that two customer ids were one person all along, so whatever the person
// was given, used or earned under the merged id is the survivor's from now on: usable by
// the survivor at the till, counted against the survivor's limits, shown in the
// survivor's account and export. Per table:
//
// - loyalty_entries, loyalty_allocations: stay. The merged ledger is closed by transfer
//   entries (moveCustomer) and verifies on its own; moving entries would renumber them
//   and break the allocations' keys. A once-per-person bonus both ids were given is taken
//   back from the survivor by an entry of its own, the first given staying
//   (merge-duplicate-bonuses.ts).
// - loyalty_reservations: a held one refuses the merge (409, moveCustomer); settled ones
//   stay with the ledger whose debit they name (debit_entry_id).
// - loyalty_members: the merged member's row stays, with the closed ledger's counters.
// - coupons (reward and birthday coupons, customer_id): moved, whatever their status. An
//   unused one is then the survivor's to use: the till checks the coupon's owner against
//   the customer at checkout, and the merged id is no longer anyone's. Of the birthday
//   gifts the person was given under both ids for one year, the person keeps one: the
//   other unused ones are withdrawn (status `void`); a used one always stays
//   (merge-birthday-gifts.ts).
// - coupon_uses: moved, so a per-customer limit counts the person's uses under both ids
//   (the limit is counted by customer_id, per campaign, or per code outside one).
// - gift_cards: moved (the stored value is the person's); their transactions carry no
//   customer.
// - referral_codes: moved (migration 0013: a customer may own several). Every code the
//   person shared goes on bringing friends, and their bonuses reach the survivor. The
//   survivor's own code (loyalty_members.referral_code, the one shown) stays; a survivor
//   without one takes the merged customer's.
// - loyalty_referrals, the merged customer as the friend (one row at most, keyed by the
//   friend): becomes the survivor's when the survivor was not referred itself and the
//   referrer is not the survivor. Never a self-referral: a pending referral between the
//   two ids is rejected. A pending referral that cannot move (the survivor was referred
//   already) is rejected, or it would wait forever on a customer who buys no more; one
//   that moves to a survivor who had bought before it was claimed is rejected too, as a
//   claim by that customer would have been (a referral is for new customers). Settled
//   ones keep their outcome: the bonuses were paid.
// - loyalty_referrals, the merged customer as the referrer: the survivor becomes the
//   referrer, so a friend's later qualifying purchase rewards the survivor; except the
//   survivor's own referral by the merged customer, which keeps its ids (never a
//   self-referral) and, if pending, is rejected.
// - challenge_progress (key customer, challenge, day): moved, so completions under either
//   id count once for the person (a challenge that does not repeat is not completed
//   again) and the progress towards the next one starts after the latest. Two completions
//   of a challenge on the same day become one row, the later: at most one completion a
//   day, the rule evaluateChallenges keeps; the row kept says whether a refund revoked it. The next completion's bonus key goes on from
//   the survivor's count, never below the keys its own ledger used.
// - loyalty_tier_history (key customer, random id): moved as it is (the reasons are fixed
//   words the web app translates); the merge's own tier change follows it.

/** The referral code part of a merge (the policy above), on the two locked members; their cached codes follow. */
async function moveReferralCode(trx: Tx, from: MemberRow, to: MemberRow) {
  const moved = await trx.updateTable('referral_codes').set({ customer_id: to.customer_id }).where('customer_id', '=', from.customer_id).returning('code').execute();
  to.referral_code ??= from.referral_code ?? moved[0]?.code ?? null;
  from.referral_code = null;
  return { referral_codes: moved.length };
}

/**
 * Coupons, coupon uses, gift cards, referrals, challenge progress and tier history of the
 * merged customer go to the survivor (the policy above): one statement per table. The
 * caller holds both customers' rows (customers.absorb), which a referral claim locks too.
 */
async function moveLoyaltyRecords(trx: Tx, fromId: string, toId: string, now: Date) {
  const count = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows);
  const coupons = count(await trx.updateTable('coupons').set({ customer_id: toId }).where('customer_id', '=', fromId).executeTakeFirst());
  const couponUses = count(await trx.updateTable('coupon_uses').set({ customer_id: toId }).where('customer_id', '=', fromId).executeTakeFirst());
  const giftCards = count(await trx.updateTable('gift_cards').set({ customer_id: toId }).where('customer_id', '=', fromId).executeTakeFirst());
  const tierHistory = count(await trx.updateTable('loyalty_tier_history').set({ customer_id: toId }).where('customer_id', '=', fromId).executeTakeFirst());
  const challenges = await sql<{ n: number }>`
    WITH gone AS (
      DELETE FROM challenge_progress WHERE customer_id = ${fromId}
      RETURNING challenge_code, window_start, progress, completed_at, updated_at, revoked_at
    ), merged AS (
      INSERT INTO challenge_progress (customer_id, challenge_code, window_start, progress, completed_at, updated_at, revoked_at)
      SELECT ${toId}, challenge_code, window_start, progress, completed_at, updated_at, revoked_at FROM gone
      ON CONFLICT (customer_id, challenge_code, window_start) DO UPDATE
        SET completed_at = GREATEST(challenge_progress.completed_at, EXCLUDED.completed_at), updated_at = ${now},
          revoked_at = CASE WHEN EXCLUDED.completed_at > challenge_progress.completed_at THEN EXCLUDED.revoked_at ELSE challenge_progress.revoked_at END
      RETURNING 1
    ) SELECT count(*)::int AS n FROM merged`.execute(trx);
  // Each row at most once: the merged customer's own referral (as the friend) and those
  // it made (as the referrer). `reject` names why a pending one ends here.
  const referrals = await sql<{ moved: boolean; rejected: boolean }>`
    UPDATE loyalty_referrals r SET
      customer_id = CASE WHEN v.move_friend THEN ${toId}::uuid ELSE r.customer_id END,
      referrer_id = CASE WHEN v.move_referrer THEN ${toId}::uuid ELSE r.referrer_id END,
      status = CASE WHEN v.reject IS NULL THEN r.status ELSE 'rejected' END,
      reason = COALESCE(v.reject, r.reason),
      settled_at = CASE WHEN v.reject IS NULL THEN r.settled_at ELSE ${now}::timestamptz END
    FROM (
      SELECT x.customer_id,
             x.customer_id = ${fromId} AND x.referrer_id <> ${toId} AND NOT b.referred AS move_friend,
             x.referrer_id = ${fromId} AND x.customer_id <> ${toId} AS move_referrer,
             CASE WHEN x.status <> 'pending' THEN NULL
                  WHEN x.customer_id = ${toId} OR x.referrer_id = ${toId} THEN ${`self-referral: ${fromId} was merged into ${toId}`}
                  WHEN x.customer_id = ${fromId} AND b.referred THEN ${`merged into ${toId}, who was referred already`}
                  WHEN x.customer_id = ${fromId} AND EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = ${toId} AND p.created_at < x.created_at)
                    THEN ${`merged into ${toId}, a customer who had bought before the referral`}
             END AS reject
      FROM loyalty_referrals x
      CROSS JOIN (SELECT EXISTS (SELECT 1 FROM loyalty_referrals WHERE customer_id = ${toId}) AS referred) b
      WHERE x.customer_id = ${fromId} OR x.referrer_id = ${fromId}
    ) v
    WHERE r.customer_id = v.customer_id
    RETURNING v.move_friend OR v.move_referrer AS moved, v.reject IS NOT NULL AS rejected`.execute(trx);
  return {
    coupons, coupon_uses: couponUses, gift_cards: giftCards,
    referrals: referrals.rows.filter((r) => r.moved).length, referrals_rejected: referrals.rows.filter((r) => r.rejected).length,
    challenge_progress: Number(challenges.rows[0].n), tier_history: tierHistory,
  };
}
