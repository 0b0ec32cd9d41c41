import { z } from 'zod';
import { CAMPAIGN_STATES, COUPON_PROBLEM_CODES, GIFT_CARD_STATES } from '../../modules/loyalty/index.ts';
import { Amount, Count, Currency, Id, Instant, page, shared } from './common.ts';
import { CouponBenefit, UsableGiftCard } from './rewards.ts';

// What the promotions' read side answers (loyalty rewards/listings/): campaigns of
// promotion coupons with their figures, a campaign's codes, and every gift card.

/** A campaign as GET /coupons/campaigns/{id} answers it, and each of the list's items. */
export const CampaignSummary = shared('CampaignSummary', z.strictObject({
  id: Id,
  name: z.string(),
  benefit: CouponBenefit,
  kind: z.enum(['unique_codes', 'shared_code']).describe('unique_codes: generated codes, one per customer as a rule (count); shared_code: one code the merchant chose, for anyone (code)'),
  shared_code: z.string().nullable().describe('The shared code as the merchant wrote it; null for generated codes (GET …/codes lists them, with the admin scope)'),
  codes: Count.describe('Codes issued'),
  max_uses: Count.describe('Uses per code'),
  per_customer_limit: Count.nullable(),
  uses: Count.describe('Uses so far, of all its codes'),
  codes_used: Count.describe('Codes used at least once'),
  customers: Count.describe('Distinct customers named at a use (a customer merged into another counts as the survivor)'),
  uses_without_customer: Count.describe('Uses that named no customer: not in `customers`'),
  discount_given: Amount.nullable().describe('The discount its uses gave, summed where known: a fixed amount per use (at most the order_subtotal a use sent; before uses could send it, at face value), a percentage of the order_subtotal a use sent, a free product\'s product_price. Uses that did not tell it are left out and counted in `uses_without_discount`; null when there were uses and none told it'),
  uses_without_discount: Count.describe('Uses whose discount is not known (a percentage used without order_subtotal, a product without product_price): not in `discount_given`'),
  currency: Currency,
  valid_from: Instant.nullable(),
  expires_at: Instant.nullable(),
  status: z.enum(CAMPAIGN_STATES).describe('scheduled (before valid_from), active, expired (past expires_at with uses left), used_up (every use of every code taken)'),
  created_at: Instant,
}));

export const CampaignPage = page(CampaignSummary);

export const CampaignCode = z.strictObject({
  code: z.string().describe('As its holder types it: a generated code in groups of four, or the shared code as the merchant wrote it'),
  uses: Count,
  max_uses: Count,
  usable: z.boolean(),
  problem_code: z.enum(COUPON_PROBLEM_CODES).nullable().describe('Why it cannot be used now, as a coupon check says it; null when it can'),
  last_used_at: Instant.nullable(),
  valid_from: Instant.nullable(),
  expires_at: Instant.nullable(),
});

export const CampaignCodePage = page(CampaignCode);

export const ListedGiftCard = UsableGiftCard.extend({
  status: z.enum(GIFT_CARD_STATES).describe('active (can pay), used_up (nothing left), expired (a balance left past expires_at)'),
  customer_name: z.string().nullable().describe("The holder's name (else their email); null for a card of nobody's or of an erased customer"),
});

export const GiftCardPage = page(ListedGiftCard);
