import { z } from 'zod';
import { COUPON_PROBLEM_CODES, ProgramDocument, REWARD_PROBLEM_CODES } from '../../modules/loyalty/index.ts';
import { Amount, Count, Currency, Id, Instant, shared } from './common.ts';
import { LocalizedText } from './loyalty.ts';

// What the loyalty module answers about rewards, coupons, gift cards and checkout
// reservations (rewards.service.ts, coupons.ts).

const RewardType = ProgramDocument.shape.rewards.unwrap().element.shape.type;

const benefitOf = <T extends string, F extends z.ZodRawShape>(type: T, fields: F) =>
  z.strictObject({
    type: z.literal(type),
    name: LocalizedText.optional().describe("The reward's name (reward and birthday coupons)"),
    birthday: z.literal(true).optional().describe('A birthday gift'),
  }).extend(fields);

/** What a coupon gives: a reward's (its name with it), a campaign's, or a birthday gift's. */
export const CouponBenefit = shared('CouponBenefit', z.discriminatedUnion('type', [
  benefitOf('fixed_discount', { amount: Amount }),
  benefitOf('percent_discount', { percent: z.number() }),
  benefitOf('free_product', { sku: z.string() }),
  benefitOf('event', { event: LocalizedText.describe('What the invitation is to, as the program gives it (one text or one per language, as the name)') }),
  benefitOf('gift_card', { amount: Amount.optional() }),
]));

export const Coupon = shared('Coupon', z.strictObject({
  code: z.string().describe('A generated code in groups of four, or a shared code as the merchant wrote it'),
  kind: z.enum(['reward', 'promotion']),
  customer_id: Id.nullable().describe('The only customer who may use it; null: anyone'),
  reward: z.string().nullable().describe('The reward (code) it was issued for'),
  campaign_id: Id.nullable(),
  benefit: CouponBenefit,
  status: z.enum(['active', 'used', 'void']),
  uses: Count,
  max_uses: Count,
  valid_from: Instant.nullable(),
  expires_at: Instant.nullable(),
  issued_at: Instant,
}));

export const CouponCheck = Coupon.extend({
  usable: z.boolean(),
  problem: z.string().nullable().describe("Why it cannot be used now, in the request's Accept-Language (English without one); null when it can"),
  problem_code: z.enum(COUPON_PROBLEM_CODES).nullable().describe('The same as a stable code: cancelled, used (single-use, used), used_up (no uses left), not_yet_valid, expired; null when it can be used'),
});

export const CustomerCoupons = z.strictObject({ customer_id: Id, items: z.array(Coupon.extend({ usable: z.boolean() })) });

/** A write that an idempotency key makes safe to retry says in its body, as in its status, whether this request made it. */
const Created = z.boolean().describe('true: this request did it (201); false: an earlier request with the same idempotency_key did, and this one changed nothing (200, Idempotent-Replayed: true)');

export const CouponUse = z.strictObject({
  created: Created,
  coupon: Coupon,
  benefit: CouponBenefit,
  discount_given: Amount.nullable().describe("The discount this use gave as recorded, in the business's currency: a fixed amount (at most order_subtotal when sent), the percentage of order_subtotal (rounded to the minor unit, halves up), or a free product's product_price; null when the use did not tell it (a percentage without order_subtotal, a product without product_price, an event or a gift card). A replay answers what the first use recorded"),
});

export const Campaign = z.strictObject({
  created: Created,
  id: Id,
  name: z.string(),
  benefit: CouponBenefit,
  max_uses: Count,
  per_customer_limit: Count.nullable(),
  codes: z.array(z.string()),
});

export const GiftCard = shared('GiftCard', z.strictObject({
  code: z.string(),
  customer_id: Id.nullable(),
  currency: Currency,
  initial: Amount,
  balance: Amount,
  expires_at: Instant.nullable(),
  issued_at: Instant,
}));

/** A gift card as a read answers it (GET /gift-cards/{code}, a customer's cards), with whether it can pay now. */
export const UsableGiftCard = shared('UsableGiftCard', GiftCard.extend({ usable: z.boolean().describe('Whether it can pay now: a balance left, and not expired') }));

/** A customer's gift cards, newest first. */
export const CustomerGiftCards = z.strictObject({ customer_id: Id, items: z.array(UsableGiftCard) });

/** An issued gift card: the card (as GET /gift-cards/{code} reads it), and which request issued it. */
export const GiftCardIssue = z.strictObject({ created: Created }).extend(UsableGiftCard.shape);

export const GiftCardCharge = z.strictObject({ created: Created, charged: Amount, gift_card: GiftCard });

/** A charge given back (POST /gift-cards/{code}/refunds): what this refund gave, and the charge as it stands after it. */
export const GiftCardRefund = z.strictObject({
  created: Created,
  refunded: Amount.describe('What this refund put back on the card (a replay: the first request\'s)'),
  charge: z.strictObject({
    idempotency_key: z.string().describe('The charge\'s key, as charge_key named it'),
    order_ref: z.string().nullable(),
    charged: Amount.describe('What the charge took'),
    refunded: Amount.describe('What its refunds have given back, this one included'),
    refundable: Amount.describe('What is left to give back'),
  }),
  gift_card: GiftCard,
});

/** A coupon's use given back (POST /coupons/{code}/rollbacks): the use as it stands now, and the coupon after. */
export const CouponRollback = z.strictObject({
  created: Created,
  use: z.strictObject({
    idempotency_key: z.string().describe('The use\'s key, as use_key named it'),
    order_ref: z.string().nullable(),
    customer_id: Id.nullable().describe('The customer the use counted for'),
    used_at: Instant,
    discount_given: Amount.nullable().describe('What the use gave, as it recorded it (null when it did not tell): no longer counted in its campaign\'s figures'),
    rolled_back_at: Instant,
    reason: z.string().nullable().describe('The reason the rollback gave'),
  }),
  coupon: Coupon.extend({ usable: z.boolean().describe('Whether it can be used now: a coupon expired meanwhile stays expired') }),
});

const pointsSpent = Count.describe('The points the redemption took (a replay: the first request\'s)');
export const Redemption = z.union([
  z.strictObject({ created: Created, coupon: Coupon, points_spent: pointsSpent }),
  z.strictObject({ created: Created, gift_card: GiftCard, points_spent: pointsSpent }),
]);

const Reservation = z.strictObject({
  id: Id,
  points: Count,
  status: z.enum(['held', 'captured', 'released', 'expired']),
  captured_points: Count.nullable().describe('The points the capture spent (points, or fewer: the rest went back to the member); null until captured'),
  order_ref: z.string().nullable(),
  expires_at: Instant,
  created_at: Instant,
  settled_at: Instant.nullable(),
});

export const ReservationResult = z.strictObject({
  created: z.boolean().describe('false: this request changed nothing (a retry, or settled so already)'),
  reservation: Reservation,
});

const RewardOffer = z.strictObject({
  code: z.string(),
  name: LocalizedText,
  type: RewardType,
  points: Count,
  amount: Amount.optional(),
  currency: Currency.optional(),
  percent: z.number().optional(),
  sku: z.string().optional(),
  event: LocalizedText.optional().describe('event: what the invitation is to, as the program gives it (one text or one per language, as the name)'),
  tiers: z.array(z.string()).nullable().describe('The tiers that may redeem it; null: every member'),
  stock: Count.nullable(),
  left: Count.nullable(),
  valid_days: Count,
  available_from: z.string().nullable(),
  available_to: z.string().nullable(),
  points_name: z.string().describe("The points' name in the asked language, in the form for this reward's points (\"500 zrn\")"),
  affordable: z.boolean().optional().describe('Given a member: the points they can spend now cover it (pending points do not)'),
  eligible: z.boolean().optional().describe('Given a member: they may redeem it now, points aside: it is available now (available_from, available_to), their tier may have it, and its stock is not used up'),
  redeemable: z.boolean().optional().describe('Given a member: a redemption now would be made (eligible and affordable); the rule the redemption itself applies'),
  problem: z.string().nullable().optional().describe("Given a member: why it cannot be redeemed now, in `language` — what the redemption would be refused with; null when it can"),
  problem_code: z.enum(REWARD_PROBLEM_CODES).nullable().optional()
    .describe('Given a member: the same as a stable code, the first that applies in this order: not_yet_available (before available_from), no_longer_available (from available_to on), not_for_tier, out_of_stock, not_enough_points; null when it can be redeemed'),
});

export const RewardCatalogue = z.strictObject({
  program_version: Count.nullable(),
  customer_id: Id.optional().describe('The customer asked about (a merged id\'s survivor); absent for an unknown one'),
  rewards: z.array(RewardOffer),
});
