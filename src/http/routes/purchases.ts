import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../modules/auth/index.ts';
import { PurchaseBatch, PurchaseInput, RefundInput } from '../../modules/commerce/index.ts';
import type { ReferralOfPurchase } from '../../modules/loyalty/index.ts';
import type { Services } from '../../services.ts';
import type { Language } from '../../shared/messages/index.ts';
import { parseInput } from '../../shared/validation.ts';
import { AppError } from '../../shared/errors.ts';
import { createPurchaseBatcher } from '../../workflows/purchase-batcher.ts';
import { recordPurchases, type PurchaseOutcome } from '../../workflows/record-purchases.ts';
import { answerLanguage, problemOfAppError, toldIn } from '../problem.ts';
import { bodyMayHoldUnstorable, unstorableTextError } from '../text-check.ts';
import { answerWrite, route } from '../route.ts';
import { setGroupServerTiming } from '../server-timing.ts';
import { withFields } from '../../shared/objects.ts';
import { PurchaseBatchResult, PurchaseReceipt, RefundResult } from '../responses/purchases.ts';

/** A purchase's `referral` as answered: the reason told in `language`, and its code (the catalogue's, less `referral.`). */
const referralAnswer = (r: ReferralOfPurchase, language: Language) => ({
  code: r.code, status: r.status, reason: r.reason ? r.reason.in(language) : null, reason_code: r.reason ? r.reason.code.slice('referral.'.length) : null,
});

export function purchaseRoutes(app: FastifyInstance, s: Services, prefix: string) {
  // Concurrent single purchases share transactions (group commit); see purchase-batcher.ts.
  const batcher = createPurchaseBatcher(s, { source: 'api', maxInFlight: 4 });

  route(app, prefix, {
    method: 'POST', path: '/purchases', tag: 'purchases', scope: 'write',
    summary: 'Record a purchase. Repeating the same external_id returns the first result and changes nothing (200 with Idempotent-Replayed: true).',
    description: 'With `referral_code` (a referral link\'s code), the customer claims it as POST /customers/{id}/loyalty/referral would, in the purchase\'s transaction and before its points: ' +
      'a new friend\'s first qualifying purchase earns the friend\'s bonus in this answer, the referrer\'s follows. A code that cannot apply does not refuse the purchase: ' +
      '`referral` says `refused` and why. Without it, the answer has no `referral`.',
    body: PurchaseInput,
    responses: {
      201: { description: 'Recorded', schema: PurchaseReceipt },
      200: { description: 'Already recorded with this key (replay)', schema: PurchaseReceipt },
      409: 'The key was used with a different body',
      422: 'Invalid input',
    },
    handler: async (req, reply) => {
      // Invalid input is answered at once, without waiting for a batch.
      const [prepared] = await s.commerce.prepare([req.body], 'api');
      if (prepared instanceof AppError) throw prepared;
      const { outcome, timing } = await batcher.record(req.body, prepared);
      setGroupServerTiming(reply, timing);
      if (outcome.status === 'error') throw outcome.error;
      if (!outcome.referral) return answerWrite(reply, outcome.status === 'created', withFields(outcome.purchase!, { loyalty: outcome.loyalty ?? null }));
      // A referral's reason is told in the request's language, as a refusal would be.
      const language = answerLanguage(req);
      toldIn(reply, language);
      return answerWrite(reply, outcome.status === 'created', withFields(outcome.purchase!, { loyalty: outcome.loyalty ?? null, referral: referralAnswer(outcome.referral, language) }));
    },
  });

  route(app, prefix, {
    method: 'POST', path: '/purchases/batch', tag: 'purchases', scope: 'write',
    summary: 'Record up to 1,000 purchases in one request; each gets its own result (created, duplicate or a problem)',
    body: PurchaseBatch,
    responses: { 200: { description: 'A result per purchase: created, duplicate (with the purchase) or error (a problem)', schema: PurchaseBatchResult }, 422: 'Not a batch' },
    itemsAlone: 'purchases',
    handler: async (req, reply) => {
      const { purchases } = parseInput(PurchaseBatch, req.body, 'batch');
      // An item with text the database cannot hold is that item's error, as any problem of it is.
      const unstorable = bodyMayHoldUnstorable(req) ? purchases.map((p) => unstorableTextError(p)) : purchases.map(() => null);
      const kept = purchases.flatMap((p, index) => (unstorable[index] ? [] : [{ p, index }]));
      const recorded = await recordPurchases(s, kept.map((k) => k.p), { source: 'api', deferContended: true });
      for (const o of recorded) o.index = kept[o.index].index; // the batch's index, not the kept ones'
      const outcomes: PurchaseOutcome[] = [...recorded, ...unstorable.flatMap((error, index) => (error ? [{ index, status: 'error' as const, error }] : []))]
        .sort((a, b) => a.index - b.index);
      // Each purchase's problem told in the request's language, as a refusal of the whole request is.
      const language = answerLanguage(req);
      toldIn(reply, language);
      const results = outcomes.map((o) =>
        o.status === 'error' ? { index: o.index, status: o.status, error: problemOfAppError(o.error, language) }
          : { index: o.index, status: o.status, purchase: o.referral ? withFields(o.purchase!, { loyalty: o.loyalty ?? null, referral: referralAnswer(o.referral, language) }) : withFields(o.purchase!, { loyalty: o.loyalty ?? null }) },
      );
      const count = (status: string) => outcomes.filter((o) => o.status === status).length;
      return { created: count('created'), duplicates: count('duplicate'), errors: count('error'), results };
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/purchases/:id', tag: 'purchases', scope: 'read', summary: 'A purchase by its id or its external_id',
    description: 'The purchase as it is now (its refunds so far), with `loyalty` as a replay of it answers: the points it earned, and the balance, pending points and tier now; null when no program is in force or the customer is not a member.',
    responses: { 200: { description: 'The purchase, with `loyalty`', schema: PurchaseReceipt }, 404: 'Unknown' },
    handler: async (req) => {
      const purchase = await s.commerce.get((req.params as { id: string }).id);
      const receipt = await s.loyalty.receipts([{ customer_id: purchase.customer_id, id: purchase.id }]);
      return withFields(purchase, { loyalty: receipt.get(purchase.id) ?? null });
    },
  });

  route(app, prefix, {
    method: 'POST', path: '/purchases/:id/refunds', tag: 'purchases', scope: 'write',
    summary: 'Refund all (no amount) or part of a purchase; the refund external_id makes retries safe',
    body: RefundInput,
    responses: {
      201: { description: "The refund, the purchase with it, the points taken back, and the member's balance, pending points and tier after it with the tier change it made", schema: RefundResult },
      200: { description: 'Already recorded (replay): what it took back and its tier change as first answered, the balance, pending points and tier of now', schema: RefundResult },
      404: 'Unknown purchase',
      409: 'Key reused with a different body',
      422: 'More than is refundable, or invalid input',
    },
    handler: async (req, reply, p) => {
      const result = await s.commerce.refund((req.params as { id: string }).id, req.body, { actor: actorOf(p) });
      return answerWrite(reply, result.created, { refund: result.refund, purchase: result.purchase, loyalty: result.loyalty ?? null, coupon_uses_rolled_back: result.coupon_uses_rolled_back });
    },
  });
}
