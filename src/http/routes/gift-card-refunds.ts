import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../modules/auth/index.ts';
import { GiftCardRefundInput } from '../../modules/loyalty/index.ts';
import type { Services } from '../../services.ts';
import { answerWrite, route } from '../route.ts';
import { GiftCardRefund } from '../responses/rewards.ts';

// A gift card charge given back (an order paid by card, then cancelled or returned), beside
// the charge (routes/loyalty.ts) as a purchase's refunds are beside the purchase.

export function giftCardRefundRoutes(app: FastifyInstance, s: Services, prefix: string) {
  route(app, prefix, {
    method: 'POST', path: '/gift-cards/:code/refunds', tag: 'loyalty', scope: 'write',
    summary: 'Give (part of) a gift card charge back to the card; the key makes retries safe',
    description: 'charge_key is the idempotency_key the charge was made with; amount defaults to what is left of that charge (what it took less its refunds), and is never more. ' +
      'An expired card is refunded too (as Square does): the value is back on it, though it cannot pay until its expiry is no longer past.',
    codeLookup: true,
    body: GiftCardRefundInput,
    responses: {
      201: { description: 'Given back: the amount, the charge as it stands and the card after', schema: GiftCardRefund },
      200: { description: 'Already refunded with this key: the first refund, the charge and card as they are now', schema: GiftCardRefund },
      404: 'Unknown code, or a charge_key of no charge of this card (`charge_key` named in `errors`)',
      409: 'More than the charge has left to give back (`amount` named in `errors`, with what is left), or the key was used with other values: each field that differs (charge_key, amount, reason) named in `errors`',
      422: 'Invalid input: an amount not above 0 or with more decimals than the currency has, or a charge_key of another card\'s charge (named in `errors`)',
    },
    handler: async (req, reply, p) => {
      const r = await s.loyalty.refundGiftCard((req.params as { code: string }).code, req.body, { actor: actorOf(p) });
      return answerWrite(reply, r.created, r);
    },
  });
}
