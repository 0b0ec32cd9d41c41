import { z } from 'zod';
import { Id, Instant } from './common.ts';
import { ConsentLogEntry, Customer, CustomerStats } from './customers.ts';
import { MemberAccount, ReferralClaim, TierChange } from './loyalty.ts';
import { Purchase } from './purchases.ts';
import { Coupon, GiftCard } from './rewards.ts';

// Everything stored about one person (GET /customers/{id}/export): each module's part of
// a data-access request (exportPart in customers, commerce and loyalty).

const Referral = z.strictObject({
  code: z.string(),
  status: ReferralClaim.shape.status,
  reason: z.string().nullable(),
  claimed_at: Instant,
  settled_at: Instant.nullable(),
});

/** The loyalty records besides the ledger (accounts.ts loyaltyRecordsOf). */
const LoyaltyRecords = z.strictObject({
  coupons: z.array(Coupon).describe('As the coupon endpoints show them'),
  coupon_uses: z.array(z.strictObject({
    code: z.string(), order_ref: z.string().nullable(), used_at: Instant,
    rolled_back_at: Instant.nullable().describe('When the use was given back (POST /coupons/{code}/rollbacks): it counts nowhere since; null while it stands'),
  })),
  gift_cards: z.array(GiftCard.omit({ customer_id: true })),
  referred_by: z.array(Referral.extend({ referrer_id: Id })),
  referred: z.array(Referral.extend({ friend_id: Id })),
  tier_history: z.array(TierChange),
});

const LoyaltyPart = z.union([
  MemberAccount.extend(LoyaltyRecords.shape),
  z.strictObject({ customer_id: Id, member: z.literal(false) }).extend(LoyaltyRecords.shape),
]);

export const CustomerExport = z.strictObject({
  exported_at: Instant,
  profile: Customer,
  consent_log: z.array(ConsentLogEntry),
  purchases: z.array(Purchase),
  stats: CustomerStats,
  loyalty: LoyaltyPart.nullable().describe('null for a customer who never joined and has no loyalty records'),
});
