import { sql } from 'kysely';
import { z } from 'zod';
import { audit, type Actor } from '../../../db/index.ts';
import { fieldDifferences, NO_VALUE, otherValuesConflict } from '../../../shared/differences.ts';
import { AppError, invalidField, notFound } from '../../../shared/errors.ts';
import { amountField, toMajor, moneyOfMinor } from '../../../shared/money.ts';
import { say } from '../../../shared/messages/index.ts';
import { withFields } from '../../../shared/objects.ts';
import { DecimalAmount, parseInput } from '../../../shared/validation.ts';
import { normalizeCode } from './codes.ts';
import { giftCardView } from './gift-cards.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { optionalText } from './admin-writes.ts';

// A gift card charge given back (an order paid by card, then cancelled or returned), as
// Square records a REFUND against its REDEEM: the refund names the charge by the key it was
// made with, and puts back at most what that charge took less its earlier refunds. Like the
// charge it is idempotent by its own key and takes the card's row lock, so refunds racing
// each other (or a charge) take turns and never give back more than was taken.
//
// An expired card is refunded too, as Square does: the value was the holder's, and an
// expiry later extended (or a card reissued from it) should find it there. It still cannot pay.

export const GiftCardRefundInput = z.strictObject({
  charge_key: z.string().trim().min(1).max(200),
  // Omitted: what is left of that charge.
  amount: DecimalAmount.optional(),
  idempotency_key: z.string().trim().min(1).max(200),
  reason: optionalText(500),
});

export function createGiftCardRefunds(core: LoyaltyCore) {
  const { db, clock } = core.deps;

  return {
    /**
     * Gives (part of) a charge back to the card it was paid from. A retry with the same key
     * answers the first refund (created: false) and gives nothing back again; the same key
     * with another charge, amount or reason is a 409 naming each.
     */
    async refundGiftCard(codeInput: string, input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(GiftCardRefundInput, input, 'gift card refund');
      const code = normalizeCode(codeInput);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        // The charge's lock: one card's charges and refunds take turns.
        const g = await trx.selectFrom('gift_cards').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
        if (!g) throw notFound(say('gift_card.not_found', { code: codeInput }));
        const requested = data.amount === undefined ? null : amountField('amount', data.amount, g.currency);
        const charge = await trx.selectFrom('gift_card_transactions').selectAll().where('code', '=', code).where('idempotency_key', '=', data.charge_key).where('amount_minor', '<', 0).executeTakeFirst();
        const refundedBefore = async () => Number((await trx.selectFrom('gift_card_refunds').select(sql<string>`coalesce(sum(amount_minor), 0)`.as('total')).where('code', '=', code).where('charge_key', '=', data.charge_key).executeTakeFirstOrThrow()).total);
        /** The charge as the answer tells it, `given` of it refunded so far. */
        const chargeView = (given: number) => {
          const taken = charge ? -Number(charge.amount_minor) : 0;
          return { idempotency_key: data.charge_key, order_ref: charge?.order_ref ?? null, charged: toMajor(taken, g.currency), refunded: toMajor(given, g.currency), refundable: toMajor(taken - given, g.currency) };
        };

        const previous = await trx.selectFrom('gift_card_refunds').selectAll().where('code', '=', code).where('idempotency_key', '=', data.idempotency_key).executeTakeFirst();
        if (previous) {
          const { found, differ } = fieldDifferences();
          const sent = (minor: number | string | null) => (minor === null ? NO_VALUE : toMajor(Number(minor), g.currency));
          differ('charge_key', previous.charge_key, data.charge_key);
          differ('amount', sent(previous.requested_minor), sent(requested));
          differ('reason', previous.reason ?? NO_VALUE, data.reason ?? NO_VALUE);
          if (found.length > 0) {
            throw otherValuesConflict({
              differences: found,
              named: (differences) => say('gift_card.refund_key_reused_otherwise', { key: data.idempotency_key, differences }),
              unnamed: say('gift_card.refund_key_reused', { key: data.idempotency_key }),
            });
          }
          return { created: false, refunded: toMajor(Number(previous.amount_minor), g.currency), charge: chargeView(await refundedBefore()), gift_card: giftCardView(g) };
        }

        if (requested !== null && requested <= 0) throw invalidField('amount', say('field.positive'));
        if (!charge) {
          // Another card's charge is told as such (422): the key is right, the card is not.
          const elsewhere = await trx.selectFrom('gift_card_transactions').select('code').where('idempotency_key', '=', data.charge_key).where('code', '!=', code).where('amount_minor', '<', 0).executeTakeFirst();
          if (elsewhere) throw new AppError('invalid', say('gift_card.charge_of_other_card', { charge_key: data.charge_key, code: codeInput }), [{ field: 'charge_key', reason: say('gift_card.charge_key_other_card') }]);
          throw new AppError('not_found', say('gift_card.charge_not_found', { charge_key: data.charge_key, code: codeInput }), [{ field: 'charge_key', reason: say('gift_card.charge_key_unknown') }]);
        }
        const taken = -Number(charge.amount_minor);
        const given = await refundedBefore();
        const left = taken - given;
        const amount = requested ?? left;
        if (amount > left || amount <= 0) {
          const params = { charge_key: data.charge_key, charged: moneyOfMinor(taken, g.currency), left: moneyOfMinor(left, g.currency), amount: moneyOfMinor(amount, g.currency) };
          // A 409 (what the charge has left refuses it) naming its field, as a charge past the balance does.
          throw new AppError('conflict', requested === null ? say('gift_card.charge_refunded', params) : say('gift_card.refund_too_much', params), [
            { field: 'amount', reason: say('value.at_most', { maximum: params.left }) },
          ]);
        }
        const balance = Number(g.balance_minor) + amount;
        await trx.updateTable('gift_cards').set({ balance_minor: balance }).where('code', '=', code).execute();
        await trx.insertInto('gift_card_refunds').values({
          code, idempotency_key: data.idempotency_key, charge_key: data.charge_key, amount_minor: amount, requested_minor: requested, balance_after_minor: balance, reason: data.reason ?? null, at: now,
        }).execute();
        await audit(trx, {
          at: now, actor, action: 'gift_card.refund', subject: code,
          details: { amount: toMajor(amount, g.currency), charge_key: data.charge_key, order_ref: charge.order_ref ?? undefined, reason: data.reason },
        });
        return { created: true, refunded: toMajor(amount, g.currency), charge: chargeView(given + amount), gift_card: giftCardView(withFields(g, { balance_minor: balance })) };
      });
    },
  };
}

export type GiftCardRefundsService = ReturnType<typeof createGiftCardRefunds>;
