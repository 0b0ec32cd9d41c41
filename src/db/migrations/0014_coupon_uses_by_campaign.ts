import { sql, type Kysely } from 'kysely';

// A promotion campaign's per_customer_limit counts the customer's uses of all the
// campaign's codes (rewards.service.ts useCoupon), so each use records its coupon's
// campaign, and (customer, campaign) is one index probe that touches only that customer's
// uses in that campaign. Counting through coupons.campaign_id instead would walk every
// code of the campaign (up to 100,000, each probed in coupon_uses), or, with an index on
// the customer alone, every use the customer ever made: without bound for an id a till
// sends for all its walk-in customers. A coupon's campaign never changes; a merge moves
// uses by customer_id, which this index finds too (until now a scan).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE coupon_uses ADD COLUMN campaign_id uuid;
    UPDATE coupon_uses u SET campaign_id = c.campaign_id FROM coupons c WHERE c.code = u.code AND c.campaign_id IS NOT NULL;
    CREATE INDEX coupon_uses_customer_campaign ON coupon_uses (customer_id, campaign_id);
  `.execute(db);
}
