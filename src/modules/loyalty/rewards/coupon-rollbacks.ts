import type { Selectable } from 'kysely';
import { z } from 'zod';
import { audit, type Actor, type CouponsTable, type Tx } from '../../../db/index.ts';
import { publish } from '../../../jobs/outbox.ts';
import type { CouponUseGivenBack, FullRefund } from '../../commerce/index.ts';
import { fieldDifferences, NO_VALUE, otherValuesConflict } from '../../../shared/differences.ts';
import { AppError, notFound } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { toMajor } from '../../../shared/money.ts';
import { withFields } from '../../../shared/objects.ts';
import { parseInput } from '../../../shared/validation.ts';
import { couponProblem, couponView, normalizeCode, shownCode, statusWithUses } from './codes.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { optionalText } from './admin-writes.ts';

// A coupon's use given back — the till voided the sale, the order was cancelled — as
// Voucherify rolls a redemption back and a cancelled Talon.One session frees its coupon.
// The use names itself by the key it was made with (use_key), as a gift card refund names
// its charge; it stays recorded, marked rolled back (migration 0029), and counts nowhere
// after: the coupon has that use again (a single-use coupon can be used once more), a
// per-customer limit and the campaign's figures no longer count it. A use is rolled back
// once: a retry answers that rollback. The coupon's row lock, which a use takes, makes a
// rollback and a use of the same coupon take turns, so its count of uses stays right.
// A coupon that has expired meanwhile is rolled back too, and stays expired.
// A refund that leaves nothing of its purchase gives back, in its own transaction, every
// use that still stands on the purchase's order (rollbackUsesOfRefundedOrders), through
// the same giveBack as the route: the same audit entry and event, naming the refund.

export const CouponRollbackInput = z.strictObject({
  /** The idempotency_key the use was made with. */
  use_key: z.string().trim().min(1).max(200).describe('The idempotency_key the use was made with (POST /coupons/{code}/redeem)'),
  reason: optionalText(500).describe('Why it is given back (a voided sale, a cancelled order); kept with the use and in the activity log'),
});

type CouponRow = Selectable<CouponsTable>;

type UseRow = {
  idempotency_key: string; order_ref: string | null; customer_id: string | null; used_at: Date; discount_minor: number | string | null;
  rolled_back_at: Date | null; rollback_reason: string | null;
};

export function createCouponRollbacks(core: LoyaltyCore) {
  const { db, clock, currency, timeZone } = core.deps;

  const useView = (u: UseRow) => ({
    idempotency_key: u.idempotency_key, order_ref: u.order_ref, customer_id: u.customer_id, used_at: u.used_at.toISOString(),
    discount_given: u.discount_minor === null ? null : toMajor(Number(u.discount_minor), currency),
    rolled_back_at: u.rolled_back_at?.toISOString() ?? null, reason: u.rollback_reason,
  });

  /**
   * A standing use given back, under its coupon's row lock (`c` as read under it): the coupon
   * has the use again, the use is marked, the activity log and the outbox told — the rollback
   * route's and a refund's alike (`refund`: the refund that gave it back, named in both).
   * Answers the coupon after it.
   */
  async function giveBack(trx: Tx, c: CouponRow, use: UseRow, { reason, actor, now, refund }: {
    reason: string | null; actor: Actor; now: Date; refund?: FullRefund;
  }): Promise<CouponRow> {
    const uses = Math.max(0, c.uses - 1);
    const status = statusWithUses(c, uses);
    await trx.updateTable('coupons').set({ uses, status }).where('code', '=', c.code).execute();
    await trx.updateTable('coupon_uses').set({ rolled_back_at: now, rollback_reason: reason, rollback_refund_id: refund?.refundId ?? null })
      .where('code', '=', c.code).where('idempotency_key', '=', use.idempotency_key).execute();
    const byRefund = refund ? { refund: refund.refundExternalId, purchase: refund.purchaseId } : {};
    await audit(trx, { at: now, actor, action: 'coupon.rollback', subject: c.code, details: withFields({ use_key: use.idempotency_key, order_ref: use.order_ref ?? undefined, reason: reason ?? undefined }, byRefund) });
    await publish(trx, [{
      type: 'coupon.use_rolled_back', customerId: use.customer_id,
      payload: {
        code: shownCode(c), kind: c.kind, reward: c.reward_code, campaign_id: c.campaign_id, customer_id: use.customer_id, order_ref: use.order_ref,
        use_key: use.idempotency_key, discount_given: useView(use).discount_given, currency, reason,
        // The refund that gave it back (its id as the business knows it), null for a rollback by hand.
        refund_id: refund?.refundExternalId ?? null,
      },
    }]);
    return withFields(c, { uses, status });
  }

  return {
    /**
     * Gives a coupon's use back. A retry answers the first rollback (created: false) and gives
     * nothing back again; one with another reason is a 409 naming it, except after a full
     * refund gave the use back (answered as done). An unknown code, or a
     * use_key of no use of this coupon, is a 404.
     */
    async rollbackCouponUse(codeInput: string, input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(CouponRollbackInput, input, 'coupon rollback');
      const code = normalizeCode(codeInput);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        // The lock a use takes (coupons.ts): a use and a rollback of one coupon take turns.
        const c = await trx.selectFrom('coupons').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
        if (!c) throw notFound(say('coupon.not_found', { code: codeInput }));
        const use = await trx.selectFrom('coupon_uses').selectAll().where('code', '=', code).where('idempotency_key', '=', data.use_key).executeTakeFirst();
        if (!use) {
          throw new AppError('not_found', say('coupon.use_not_found', { use_key: data.use_key, code: codeInput }), [{ field: 'use_key', reason: say('coupon.use_key_unknown') }]);
        }
        const view = (coupon: typeof c) => withFields(couponView(coupon), { usable: couponProblem(coupon, now, timeZone) === null });
        if (use.rolled_back_at) {
          const { found, differ } = fieldDifferences();
          // A use its order's full refund gave back answers a rollback by hand as done, whatever
          // its reason: a till that rolls the use back itself after a refund (as it had to
          // before refunds did) was given back what it asked for, by the refund.
          if (use.rollback_refund_id === null) differ('reason', use.rollback_reason ?? NO_VALUE, data.reason ?? NO_VALUE);
          if (found.length > 0) {
            throw otherValuesConflict({
              differences: found,
              named: (differences) => say('coupon.rollback_reused_otherwise', { key: data.use_key, differences }),
              unnamed: say('coupon.rollback_reused', { key: data.use_key }),
            });
          }
          return { created: false, use: useView(use), coupon: view(c) };
        }
        const rolledBack = withFields(use, { rolled_back_at: now, rollback_reason: data.reason ?? null });
        const after = await giveBack(trx, c, use, { reason: data.reason ?? null, actor, now });
        return { created: true, use: useView(rolledBack), coupon: view(after) };
      });
    },

    /**
     * Gives back every use that stands on the orders of these refunds, each of which left
     * nothing of its purchase (refund-record.ts): a use whose order_ref is the purchase's
     * order id, exactly as stored (order ids are unique across stores, and compared as
     * sent, case and all, as a refund names its purchase), made by the purchase's customer
     * or naming none (a till may use a promotion code without naming the customer). A use
     * given back before (by hand, or by an earlier refund) is left as it is. Answers the
     * uses given back, each with its refund, in code order.
     *
     * Runs in the refund's transaction, which holds its customer's lock and its member's:
     * the coupons' row locks are taken after them, in code order, all of a transaction's at
     * once (a file's refunds call it once, at the end). One lock order everywhere: customers,
     * then loyalty members, then coupons by code, then a campaign's per-customer lock — a use
     * takes its customer (FOR SHARE) before its coupon, a rollback by hand its coupon alone,
     * so none waits for a lock that a holder of a later one of these waits on.
     */
    async rollbackUsesOfRefundedOrders(trx: Tx, refunds: FullRefund[], { actor, now }: { actor: Actor; now: Date }): Promise<CouponUseGivenBack[]> {
      if (refunds.length === 0) return [];
      const byOrder = new Map(refunds.map((r) => [r.orderRef, r]));
      const found = await trx.selectFrom('coupon_uses').select(['code', 'idempotency_key', 'order_ref', 'customer_id'])
        .where('order_ref', 'in', [...byOrder.keys()]).where('rolled_back_at', 'is', null).execute();
      const mine = found.filter((u) => {
        const r = byOrder.get(u.order_ref!);
        return r !== undefined && (u.customer_id === null || u.customer_id === r.customerId);
      });
      const given: CouponUseGivenBack[] = [];
      for (const code of [...new Set(mine.map((u) => u.code))].sort()) {
        let c = await trx.selectFrom('coupons').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
        if (!c) continue;
        // Read again under the lock: a rollback by hand may have given one back meanwhile.
        const uses = await trx.selectFrom('coupon_uses').selectAll().where('code', '=', code)
          .where('idempotency_key', 'in', mine.filter((u) => u.code === code).map((u) => u.idempotency_key)).where('rolled_back_at', 'is', null)
          .orderBy('idempotency_key').execute();
        for (const use of uses) {
          const refund = byOrder.get(use.order_ref!)!;
          c = await giveBack(trx, c, use, { reason: say('coupon.rollback_order_refunded', { order: refund.orderRef, refund: refund.refundExternalId }).in('en'), actor, now, refund });
          given.push({ refundId: refund.refundId, code: shownCode(c), use_key: use.idempotency_key });
        }
      }
      return given;
    },

    /** The uses a refund gave back (rollbackUsesOfRefundedOrders), read back for a retry of it, in code order. */
    async usesGivenBackBy(trx: Tx, refund: { refundId: string; orderRef: string }): Promise<{ code: string; use_key: string }[]> {
      const rows = await trx.selectFrom('coupon_uses as u').innerJoin('coupons as c', 'c.code', 'u.code').select(['c.code', 'c.chosen_code', 'u.idempotency_key'])
        .where('u.order_ref', '=', refund.orderRef).where('u.rollback_refund_id', '=', refund.refundId).orderBy('u.code').orderBy('u.idempotency_key').execute();
      return rows.map((r) => ({ code: shownCode(r), use_key: r.idempotency_key }));
    },
  };
}

export type CouponRollbacksService = ReturnType<typeof createCouponRollbacks>;
