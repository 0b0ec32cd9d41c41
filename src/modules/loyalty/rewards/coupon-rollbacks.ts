import { z } from 'zod';
import { audit, type Actor } from '../../../db/index.ts';
import { publish } from '../../../jobs/outbox.ts';
import { fieldDifferences, NO_VALUE, otherValuesConflict } from '../../../shared/differences.ts';
import { AppError, notFound } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { toMajor } from '../../../shared/money.ts';
import { withFields } from '../../../shared/objects.ts';
import { parseInput } from '../../../shared/validation.ts';
import { couponProblem, couponView, normalizeCode, shownCode, statusWithUses } from './codes.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';

// A coupon's use given back — the till voided the sale, the order was cancelled — as
// Voucherify rolls a redemption back and a cancelled Talon.One session frees its coupon.
// The use names itself by the key it was made with (use_key), as a gift card refund names
// its charge; it stays recorded, marked rolled back (migration 0029), and counts nowhere
// after: the coupon has that use again (a single-use coupon can be used once more), a
// per-customer limit and the campaign's figures no longer count it. A use is rolled back
// once: a retry answers that rollback. The coupon's row lock, which a use takes, makes a
// rollback and a use of the same coupon take turns, so its count of uses stays right.
// A coupon that has expired meanwhile is rolled back too, and stays expired.

export const CouponRollbackInput = z.strictObject({
  /** The idempotency_key the use was made with. */
  use_key: z.string().trim().min(1).max(200).describe('The idempotency_key the use was made with (POST /coupons/{code}/redeem)'),
  reason: z.string().trim().max(500).optional().describe('Why it is given back (a voided sale, a cancelled order); kept with the use and in the activity log'),
});

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

  return {
    /**
     * Gives a coupon's use back. A retry answers the first rollback (created: false) and gives
     * nothing back again; one with another reason is a 409 naming it. An unknown code, or a
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
          differ('reason', use.rollback_reason ?? NO_VALUE, data.reason ?? NO_VALUE);
          if (found.length > 0) {
            throw otherValuesConflict({
              differences: found,
              named: (differences) => say('coupon.rollback_reused_otherwise', { key: data.use_key, differences }),
              unnamed: say('coupon.rollback_reused', { key: data.use_key }),
            });
          }
          return { created: false, use: useView(use), coupon: view(c) };
        }
        const uses = Math.max(0, c.uses - 1);
        const status = statusWithUses(c, uses);
        await trx.updateTable('coupons').set({ uses, status }).where('code', '=', code).execute();
        const rolledBack = withFields(use, { rolled_back_at: now, rollback_reason: data.reason ?? null });
        await trx.updateTable('coupon_uses').set({ rolled_back_at: now, rollback_reason: data.reason ?? null })
          .where('code', '=', code).where('idempotency_key', '=', data.use_key).execute();
        await audit(trx, { at: now, actor, action: 'coupon.rollback', subject: code, details: { use_key: data.use_key, order_ref: use.order_ref ?? undefined, reason: data.reason } });
        await publish(trx, [{
          type: 'coupon.use_rolled_back', customerId: use.customer_id,
          payload: {
            code: shownCode(c), kind: c.kind, reward: c.reward_code, campaign_id: c.campaign_id, customer_id: use.customer_id, order_ref: use.order_ref,
            use_key: data.use_key, discount_given: useView(use).discount_given, currency, reason: data.reason ?? null,
          },
        }]);
        return { created: true, use: useView(rolledBack), coupon: view(withFields(c, { uses, status })) };
      });
    },
  };
}

export type CouponRollbacksService = ReturnType<typeof createCouponRollbacks>;
