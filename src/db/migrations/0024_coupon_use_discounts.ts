import { sql, type Kysely } from 'kysely';

// The discount a coupon's use gave, in minor units of the business's currency, where the
// use said enough to know it (coupons.ts, discounts.ts): a fixed amount (at most the order's
// subtotal when the till sends it), a percentage of the order_subtotal the till sent, a free
// product's product_price. NULL where it did not — every percentage's and product's use
// before this migration among them: a campaign's figures sum what is known and count the
// rest, never guessing it (listings/campaign-listing.ts).
// The figures' index of 0022 carries the column, so a campaign's figures are still read
// from the index alone (its uses, never its codes or their rows).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE coupon_uses ADD COLUMN discount_minor bigint CHECK (discount_minor >= 0);
    CREATE INDEX coupon_uses_by_campaign_figures ON coupon_uses (campaign_id, code, customer_id) INCLUDE (discount_minor) WHERE campaign_id IS NOT NULL;
    DROP INDEX coupon_uses_by_campaign;
  `.execute(db);
}
