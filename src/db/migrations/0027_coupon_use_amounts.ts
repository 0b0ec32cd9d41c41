import { sql, type Kysely } from 'kysely';

// The amounts a coupon's use was sent (order_subtotal, product_price), in minor units of the
// business's currency, NULL where the till left them out. A use retried under its key with
// other amounts is told which field differs and what was first sent (coupons.ts): before,
// a use kept them only in its request's hash and as the discount they gave, and had to
// recover them by trying candidates against the hash. A use recorded before this migration
// has NULL in both; the hash still tells whether that is what it was sent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE coupon_uses
      ADD COLUMN order_subtotal_minor bigint CHECK (order_subtotal_minor >= 0),
      ADD COLUMN product_price_minor bigint CHECK (product_price_minor >= 0);
  `.execute(db);
}
