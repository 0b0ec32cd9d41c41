import { sql, type Kysely } from 'kysely';

// The promotions' read side (loyalty rewards/listings/): campaigns and gift cards listed
// newest first a page at a time, a campaign's codes a page at a time in code order, and a
// campaign's figures (uses, codes used, customers) counted from its uses alone.
// - coupon_uses by campaign: the figures walk the campaign's uses, never its codes (up to
//   100,000, most never used); code and customer in the index answer them without the rows.
//   The (customer_id, campaign_id) index of 0014 answers one customer's uses, not these.
// - coupons by (campaign, code): a page of codes is a range of this index. It replaces the
//   index on campaign_id alone, which it covers, so a campaign's insert of its codes still
//   writes one index beside the primary key.
// - coupon_campaigns and gift_cards by (created_at, key), newest first: a page is a range.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX coupon_uses_by_campaign ON coupon_uses (campaign_id, code, customer_id) WHERE campaign_id IS NOT NULL;
    CREATE INDEX coupons_campaign_code ON coupons (campaign_id, code) WHERE campaign_id IS NOT NULL;
    DROP INDEX coupons_campaign;
    CREATE INDEX coupon_campaigns_newest ON coupon_campaigns (created_at DESC, id DESC);
    CREATE INDEX gift_cards_newest ON gift_cards (created_at DESC, code DESC);
  `.execute(db);
}
