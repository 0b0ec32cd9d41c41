import { z } from 'zod';
import { audit, lockKeys, type Actor, type Tx } from '../../../db/index.ts';
import { timeIn } from '../../../shared/clock.ts';
import { fieldDifferences, NO_VALUE, otherValuesConflict } from '../../../shared/differences.ts';
import { AppError, conflict, invalidField, notFound } from '../../../shared/errors.ts';
import { canonicalJson, sha256 } from '../../../shared/hash.ts';
import { amountField, toMajor, moneyOfMinor } from '../../../shared/money.ts';
import { fixedText, say } from '../../../shared/messages/index.ts';
import { withFields } from '../../../shared/objects.ts';
import { DecimalAmount, parseInput } from '../../../shared/validation.ts';
import { customerToRead } from '../../customers/index.ts';
import { AdminWriteKey, expiryInstant, optionalText, refusePast } from './admin-writes.ts';
import { formatCode, newCode, normalizeCode } from './codes.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { recordsOfCustomer, requireActiveCustomer } from '../lifecycle/merged-customers.ts';

// Gift cards: stored value in the business's money, issued by an admin or bought with
// points (a gift-card reward: rewards.service.ts writes those with the redemption), paid
// from at a till, and listed per customer. Every write is idempotent by the caller's key.

// Strict: a field these do not take is refused, not dropped — a till sending "currency":
// "USD" was issued a card in the business's currency without a word.
export const GiftCardIssueInput = z.strictObject({
  amount: DecimalAmount,
  idempotency_key: AdminWriteKey,
  customer_id: z.string().uuid().optional(),
  // A date alone, as a voucher is printed ("valid until 31 December"): usable through that
  // day in the business's time zone (expiryInstant). A card has no store, so no store's zone.
  expires_at: z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: (issue) => (issue.input === undefined ? undefined : fixedText('gift_card.expires_at_format')) }).optional(),
});

export const GiftCardChargeInput = z.strictObject({
  amount: DecimalAmount,
  idempotency_key: z.string().trim().min(1).max(200),
  order_ref: optionalText(200),
});

type GiftCardRow = { code: string; customer_id: string | null; currency: string; initial_minor: number; balance_minor: number; expires_at: Date | null; created_at: Date };

/** A gift card as the API answers it. */
export function giftCardView(g: GiftCardRow) {
  return { code: formatCode(g.code), customer_id: g.customer_id, currency: g.currency, initial: toMajor(g.initial_minor, g.currency), balance: toMajor(g.balance_minor, g.currency), expires_at: g.expires_at?.toISOString() ?? null, issued_at: g.created_at.toISOString() };
}

/** Whether a card can pay at `now`: a balance left, and not expired. */
export const canPay = (g: Pick<GiftCardRow, 'balance_minor' | 'expires_at'>, now: Date) => g.balance_minor > 0 && (g.expires_at === null || g.expires_at > now);

/** A gift card as a read answers it (GET /gift-cards/{code}, a customer's cards): with whether it can pay now. */
const usableView = (g: GiftCardRow, now: Date) => withFields(giftCardView(g), { usable: canPay(g, now) });

// The lock that makes requests with one admin key take turns (db/locks.ts).
const giftCardKeyLock = (key: string) => `gift-card-issue:${key}`;

export function createGiftCards(core: LoyaltyCore) {
  const { db, clock, currency, timeZone } = core.deps;

  /**
   * The 409 for a key that issued a card with other values: which of amount, currency,
   * customer_id and expires_at differ, the card's value beside this request's (as a
   * purchase's order id says it: shared/differences.ts). Expiries are shown in the
   * business's time zone, where a date is read.
   */
  async function issuedOtherwise(trx: Tx, card: GiftCardRow, request: { key: string; amountMinor: number; customerId: string | null; expiresAt: Date | null }) {
    const { found, differ } = fieldDifferences();
    differ('amount', toMajor(card.initial_minor, card.currency), toMajor(request.amountMinor, currency));
    differ('currency', card.currency, currency);
    // A merge since moved the card to the survivor: the id the request names is the same
    // customer when it leads there.
    const named = request.customerId === null ? null : ((await customerToRead(trx, request.customerId).catch(() => undefined))?.id ?? request.customerId);
    if (named !== card.customer_id) differ('customer_id', card.customer_id ?? NO_VALUE, request.customerId ?? NO_VALUE);
    const expiry = (at: Date | null) => (at ? timeIn(at, timeZone) : NO_VALUE);
    differ('expires_at', expiry(card.expires_at), expiry(request.expiresAt));
    return otherValuesConflict({
      differences: found,
      named: (differences) => say('gift_card.key_reused_otherwise', { key: request.key, differences }),
      unnamed: say('gift_card.key_reused', { key: request.key }),
    });
  }

  const service = {
    async giftCard(codeInput: string) {
      const code = normalizeCode(codeInput);
      const g = await db.selectFrom('gift_cards').selectAll().where('code', '=', code).executeTakeFirst();
      if (!g) throw notFound(say('gift_card.not_found', { code: codeInput }));
      return usableView(g, clock.now());
    },

    /**
     * The gift cards of the customer the id stands for (a merged id: the survivor's, whose id
     * it answers; recordsOfCustomer), newest first, each with whether it can pay now (a
     * balance left, not expired).
     */
    async giftCardsOf(requested: string) {
      const { customerId, rows } = await recordsOfCustomer(db, requested, (id) => db.selectFrom('gift_cards').selectAll().where('customer_id', '=', id).orderBy('created_at', 'desc').orderBy('code').limit(200).execute());
      const now = clock.now();
      return {
        customer_id: customerId,
        items: rows.map((g) => usableView(g, now)),
      };
    },

    /**
     * Issues a gift card. A retry with the same idempotency key answers the card it issued,
     * as it is now (created: false), and issues no other; the same key with another body
     * is a conflict naming what differs. The request is hashed as it means: an amount in
     * minor units, an expiry as its instant (a date: the end of that day), so one card
     * written two ways is one request.
     */
    async issueGiftCard(input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(GiftCardIssueInput, input, 'gift card');
      const amount = amountField('amount', data.amount, currency);
      if (amount <= 0) throw invalidField('amount', say('field.positive'));
      const key = data.idempotency_key;
      const expiresAt = data.expires_at === undefined ? null : expiryInstant(data.expires_at, timeZone);
      const requestHash = sha256(canonicalJson({ amount, currency, customer: data.customer_id ?? null, expires_at: expiresAt?.toISOString() ?? null }));
      const now = clock.now();
      const issued = await db.transaction().execute(async (trx) => {
        // As for a campaign: one key's requests take turns, the first issues the card.
        await lockKeys(trx, [giftCardKeyLock(key)]);
        const earlier = await trx.selectFrom('gift_cards').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
        if (earlier) {
          if (earlier.request_hash !== requestHash) throw await issuedOtherwise(trx, earlier, { key, amountMinor: amount, customerId: data.customer_id ?? null, expiresAt });
          return { created: false, code: earlier.code };
        }
        // After the replay, as for a campaign: a retry of a card issued before its expiry still answers it.
        if (data.expires_at) refusePast('expires_at', data.expires_at, now, say('expiry.card_never_usable'), timeZone);
        // The card is the person's: an id merged meanwhile is followed to the survivor (locked,
        // so a merge committing now is seen), as the merge would have moved the card. An id
        // of no customer is refused (404), as a coupon use's is, with nothing written.
        const owner = data.customer_id ? (await requireActiveCustomer(trx, data.customer_id)).id : null;
        const code = normalizeCode(newCode(16));
        await trx.insertInto('gift_cards').values({
          code, customer_id: owner, currency, initial_minor: amount, balance_minor: amount, expires_at: expiresAt, created_at: now,
          idempotency_key: key, request_hash: requestHash,
        }).execute();
        await audit(trx, { at: now, actor, action: 'gift_card.issue', subject: code, details: { amount: data.amount, idempotency_key: key } });
        return { created: true, code };
      });
      // `created` first, as every write made safe by a key answers it (a redemption, a charge).
      return withFields({ created: issued.created }, await service.giftCard(issued.code));
    },

    /** Pays (part of) an order from a gift card's balance. */
    async chargeGiftCard(codeInput: string, input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(GiftCardChargeInput, input, 'gift card charge');
      const code = normalizeCode(codeInput);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const g = await trx.selectFrom('gift_cards').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
        if (!g) throw notFound(say('gift_card.not_found', { code: codeInput }));
        const amount = amountField('amount', data.amount, g.currency);
        // The request as it means the same, as a card's issue hashes it: "2", 2 and "2.00"
        // are one charge (minor units of the card's currency).
        const requestHash = sha256(canonicalJson({ code, amount, currency: g.currency, order: data.order_ref ?? null }));
        // Charges recorded before hashed the amount as written: their retries are matched so too.
        const writtenHash = sha256(canonicalJson({ code, amount: data.amount, order: data.order_ref ?? null }));
        const previous = await trx.selectFrom('gift_card_transactions').selectAll().where('code', '=', code).where('idempotency_key', '=', data.idempotency_key).executeTakeFirst();
        if (previous) {
          if (previous.request_hash !== requestHash && previous.request_hash !== writtenHash) {
            const { found, differ } = fieldDifferences();
            differ('amount', toMajor(-previous.amount_minor, g.currency), toMajor(amount, g.currency));
            differ('order_ref', previous.order_ref ?? NO_VALUE, data.order_ref ?? NO_VALUE);
            throw otherValuesConflict({
              differences: found,
              named: (differences) => say('gift_card.charge_key_reused_otherwise', { key: data.idempotency_key, differences }),
              unnamed: say('gift_card.charge_key_reused', { key: data.idempotency_key }),
            });
          }
          return { created: false, charged: toMajor(-previous.amount_minor, g.currency), gift_card: giftCardView(g) };
        }
        if (amount <= 0) throw invalidField('amount', say('field.positive'));
        if (g.expires_at && g.expires_at <= now) throw conflict(say('gift_card.expired', { at: timeIn(g.expires_at, timeZone) }));
        if (amount > g.balance_minor) {
          const balance = moneyOfMinor(g.balance_minor, g.currency);
          // A 409 (the card's state refuses it) that names its field as every refusal does.
          throw new AppError('conflict', say('gift_card.balance_too_low', { balance, amount: moneyOfMinor(amount, g.currency) }), [
            { field: 'amount', reason: say('value.at_most', { maximum: balance }) },
          ]);
        }
        const balance = g.balance_minor - amount;
        await trx.updateTable('gift_cards').set({ balance_minor: balance }).where('code', '=', code).execute();
        await trx.insertInto('gift_card_transactions').values({ code, idempotency_key: data.idempotency_key, amount_minor: -amount, balance_after_minor: balance, order_ref: data.order_ref ?? null, request_hash: requestHash, at: now }).execute();
        await audit(trx, { at: now, actor, action: 'gift_card.charge', subject: code, details: { amount: data.amount, order_ref: data.order_ref } });
        return { created: true, charged: toMajor(amount, g.currency), gift_card: giftCardView(withFields(g, { balance_minor: balance })) };
      });
    },
  };
  return service;
}

export type GiftCardsService = ReturnType<typeof createGiftCards>;
