import { z } from 'zod';
import { PURCHASE_CHANNELS } from '../../modules/commerce/index.ts';
import { Amount, Count, Currency, Id, Instant, LocalDate, Problem, page, shared } from './common.ts';
import { LoyaltySummary, RefundLoyalty } from './loyalty.ts';

// What the commerce module answers (purchase.view.ts) and what the purchase routes add.

export const Refund = shared('Refund', z.strictObject({
  id: Id,
  external_id: z.string().describe('Your refund id: sending it again answers this refund'),
  amount: Amount,
  reason: z.string().nullable(),
  occurred_at: Instant,
  lines: z.array(z.strictObject({ sku: z.string().nullable(), quantity: z.number() }))
    .describe('The lines the refund named as returned, as sent; empty for a refund by amount'),
}));

export const Purchase = shared('Purchase', z.strictObject({
  id: Id,
  external_id: z.string().describe('Your order id: sending it again with the same body answers this purchase'),
  customer_id: Id,
  occurred_at: Instant,
  local_date: LocalDate.describe("The date in the store's (else the business's) time zone"),
  store: z.string().nullable().describe("The store's code"),
  store_name: z.string().nullable().describe("The store's name (null with no store)"),
  channel: z.enum(PURCHASE_CHANNELS),
  currency: Currency,
  total: Amount,
  discount: Amount,
  refunded: Amount.describe('Every refund so far'),
  net: Amount.describe('total − refunded'),
  promo_code: z.string().nullable(),
  source: z.string().describe('How it came in: api, import, demo'),
  lines: z.array(z.strictObject({
    sku: z.string().nullable(),
    name: z.string().nullable(),
    category: z.string().nullable(),
    quantity: z.number(),
    unit_price: Amount,
  })),
  refunds: z.array(Refund),
}));

/** What became of a purchase's referral_code (only a purchase sent with one answers it). */
export const PurchaseReferral = shared('PurchaseReferral', z.strictObject({
  code: z.string().describe('The code as stored (FRIEND-ESXX3C, however it was typed)'),
  status: z.enum(['claimed', 'refused']).describe('claimed: the customer is referred by the code\'s member, and their first qualifying purchase pays both bonuses; refused: the purchase is recorded, the code is not taken'),
  reason: z.string().nullable().describe("Why refused, in the request's language (null when claimed; a replay tells it when the referral still shows it)"),
  reason_code: z.enum(['unknown_code', 'own_code', 'same_person', 'already_referred', 'referred_back', 'not_new', 'not_in_program', 'not_member']).nullable()
    .describe('The reason in a word a store can act on'),
}));

/** A purchase as its writes and reads answer it: with the points it earned and the member's standing now. */
export const PurchaseReceipt = shared('PurchaseReceipt', Purchase.extend({
  loyalty: LoyaltySummary.nullable().describe('null when no program is in force or the customer is not a member'),
  referral: PurchaseReferral.optional().describe('Only when the purchase was sent with a referral_code: whether it was claimed'),
}));

export const PurchasePage = page(Purchase).extend({ customer_id: Id.describe("The customer whose purchases these are (a merged id's survivor)") });

export const PurchaseBatchResult = z.strictObject({
  created: Count,
  duplicates: Count,
  errors: Count,
  results: z.array(z.discriminatedUnion('status', [
    z.strictObject({ index: Count, status: z.enum(['created', 'duplicate']), purchase: PurchaseReceipt }),
    z.strictObject({ index: Count, status: z.literal('error'), error: Problem }),
  ])).describe('One per purchase sent, in its order'),
});

export const RefundResult = z.strictObject({
  refund: Refund,
  purchase: Purchase,
  loyalty: RefundLoyalty.nullable(),
  coupon_uses_rolled_back: z.array(z.strictObject({
    code: z.string().describe("The coupon's code, as its holder knows it"),
    use_key: z.string().describe('The idempotency_key the use was made with'),
  })).describe('The coupon uses made on the order (order_ref = its external_id) that this refund gave back, having left nothing of the purchase: the codes can be used again. Empty for a partial refund; a retry answers the same'),
});

export const StoreTotals = z.strictObject({
  customers: Count.describe('Customers not merged into another (erased ones included)'),
  purchases: Count,
  revenue: Amount.describe('Net of refunds'),
  currency: Currency,
});
