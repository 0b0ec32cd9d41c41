import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../modules/auth/index.ts';
import { CouponRollbackInput } from '../../modules/loyalty/index.ts';
import type { Services } from '../../services.ts';
import { answerWrite, route } from '../route.ts';
import { CouponRollback } from '../responses/rewards.ts';

// A coupon's use given back (the till voided the sale, the order was cancelled), beside the
// use (routes/loyalty.ts) as a gift card's refunds are beside its charge.

export function couponRollbackRoutes(app: FastifyInstance, s: Services, prefix: string) {
  route(app, prefix, {
    method: 'POST', path: '/coupons/:code/rollbacks', tag: 'loyalty', scope: 'write',
    summary: "Give a coupon's use back (a voided sale, a cancelled order): the coupon can be used again, and the use counts nowhere",
    description: 'use_key is the idempotency_key the use was made with (POST /coupons/{code}/redeem); the use is rolled back once, and a retry answers that rollback. ' +
      'After it the coupon has that use again (a single-use coupon can be used once more), a per-customer limit does not count it, and its campaign\'s figures ' +
      '(uses, codes_used, customers, discount_given, uses_without_discount) and codes leave it out. A coupon expired meanwhile is rolled back too and stays expired. ' +
      'The use\'s key stays taken: a retry of the use with it is a 409 saying it was rolled back; a new key uses the coupon again. ' +
      'A rollback and a use of the same coupon take turns, so its count of uses stays right.',
    codeLookup: true,
    body: CouponRollbackInput,
    responses: {
      201: { description: 'Rolled back: the use as it stands and the coupon after', schema: CouponRollback },
      200: { description: 'Already rolled back: the first rollback, and the coupon as it is now', schema: CouponRollback },
      404: 'Unknown code, or a use_key of no use of this coupon (`use_key` named in `errors`)',
      409: 'Already rolled back with another reason (`reason` named in `errors`)',
    },
    handler: async (req, reply, p) => {
      const r = await s.loyalty.rollbackCouponUse((req.params as { code: string }).code, req.body, { actor: actorOf(p) });
      return answerWrite(reply, r.created, r);
    },
  });
}
