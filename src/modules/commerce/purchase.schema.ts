import { z } from 'zod';
import { CustomerInput } from '../customers/index.ts';
import { fixedText, say } from '../../shared/messages/index.ts';
import { isBeforeEarliest } from '../../shared/clock.ts';
import { BEFORE_EARLIEST, DecimalAmount, isCalendarDay, ISO_TIMESTAMP, saidIssue, toldBy } from '../../shared/validation.ts';
import { bareCode } from '../../shared/codes.ts';

// A purchase as a POS, a web store or a CSV row sends it. Amounts are decimal strings in
// major units ("29.33"); numbers are accepted too and read by their decimal digits.

export const PURCHASE_CHANNELS = ['in_store', 'online', 'phone', 'other'] as const;

const amount = DecimalAmount;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An ISO 8601 timestamp with an offset, or a calendar date (then the store's midnight). A
 * date of the right form the calendar lacks (2026-02-31) is told so, not as a wrong form;
 * one before EARLIEST_DATE (a till's "0026" for 2026) is refused, as every date sent is.
 */
export const Occurrence = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (!ISO_DATE.test(v) && !ISO_TIMESTAMP.test(v)) {
      ctx.addIssue({ code: 'custom', ...saidIssue(say('occurrence.format')) });
    } else if (!isCalendarDay(v)) {
      ctx.addIssue({ code: 'custom', ...saidIssue(say('simulation.since_not_a_day', { day: v.slice(0, 10) })) });
    } else if (isBeforeEarliest(v)) {
      ctx.addIssue({ code: 'custom', ...saidIssue(BEFORE_EARLIEST) });
    } else if (Number.isNaN(Date.parse(v))) {
      ctx.addIssue({ code: 'custom', ...saidIssue(say('simulation.since_not_a_time', { time: v.slice(11) })) });
    }
  });

export const PurchaseLineInput = z.strictObject({
  sku: z.string().trim().max(200).nullish(),
  name: z.string().trim().max(500).nullish(),
  category: z.string().trim().max(200).nullish(),
  quantity: z.number().positive(fixedText('field.positive')).max(1e9).default(1),
  unit_price: amount,
});

/**
 * A referral code as typed: the limits of a claim (POST /customers/{id}/loyalty/referral,
 * referrals.ts ClaimReferralInput) and of a purchase's `referral_code`, one schema for both.
 */
export const ReferralCodeText = z.string().trim().min(4).max(40);

/**
 * A code as it was typed, in the stored spelling: "friend esxx3c", "FRIENDESXX3C" and
 * "Friend-Esxx3c" are FRIEND-ESXX3C. Every code is letters, a dash and six symbols
 * (referrals.ts referralCode), so the dash goes back before the last six; a friend reading
 * a code out or typing it without the dash was told it did not exist, where a coupon's
 * code is taken in any grouping (bareCode, the reading of every code).
 * Here, beside the schema, as a purchase's key keeps and compares codes by it too.
 */
export function referralCodeOf(typed: string): string {
  const bare = bareCode(typed);
  return bare.length > 6 ? `${bare.slice(0, -6)}-${bare.slice(-6)}` : bare;
}

// Strict, as every request body: a misspelt "stor", "chanel" or "line" was read as none, and the purchase
// earned without its store's or channel's multipliers, or its lines', and counted on another day for the cap.
export const PurchaseInput = z.strictObject({
  external_id: z.string().trim().min(1, fixedText('purchase.order_id_required')).max(200),
  customer: CustomerInput,
  occurred_at: Occurrence,
  store: z.string().trim().min(1).max(100).nullish(),
  channel: z.enum(PURCHASE_CHANNELS, fixedText('purchase.channel')).optional(),
  currency: z.string().trim().toUpperCase().min(1).nullish(),
  total: amount,
  discount: amount.optional(),
  promo_code: z.string().trim().max(100).nullish(),
  lines: z.array(PurchaseLineInput).max(1000).default([]),
  /** The code of the member who referred the buyer (a referral link's), claimed with the purchase. */
  referral_code: ReferralCodeText.nullish(),
});
export type PurchaseInput = z.infer<typeof PurchaseInput>;

// Strict: a refund without amount or lines refunds the rest of the purchase, so a misspelt
// "ammount" read as none would refund all of it.
export const RefundInput = z.strictObject({
  external_id: z.string().trim().min(1, fixedText('refund.id_required')).max(200),
  amount: amount.optional(),
  reason: z.string().trim().max(500).nullish(),
  occurred_at: Occurrence.optional(),
  lines: z.array(z.strictObject({ sku: z.string().max(200).nullish(), quantity: z.number().positive() })).max(1000).optional(),
});
export type RefundInput = z.infer<typeof RefundInput>;

export const BATCH_LIMIT = 1000;
export const PurchaseBatch = z.strictObject({
  purchases: z.array(z.unknown()).min(1, fixedText('batch.needs_purchase')).check(toldBy(z.maxLength(BATCH_LIMIT), () => say('batch.too_many', { limit: BATCH_LIMIT }))),
});
