import { sql, type Kysely } from 'kysely';

// A coupon's use given back (a till's voided sale, an order cancelled), as Voucherify rolls
// a redemption back and Talon.One's cancelled session frees its coupon: the use stays where
// it was recorded, under its key, marked when it was rolled back and why. Every count of
// uses — the coupon's own, a per-customer limit, a campaign's figures and its codes' last
// uses — reads only the uses not rolled back; the key stays taken, so a retry of the use
// that was rolled back is told so, never used again by accident.
// The figures' index (0024) is made again for the uses that stand: a campaign's figures
// stay read from the index alone (an index-only scan), where the old one would send every
// use to its row to ask whether it was rolled back. Still one index a use writes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE coupon_uses
      ADD COLUMN rolled_back_at timestamptz,
      ADD COLUMN rollback_reason text,
      ADD CONSTRAINT coupon_uses_rollback_reason CHECK (rollback_reason IS NULL OR rolled_back_at IS NOT NULL);
    CREATE INDEX coupon_uses_standing_by_campaign ON coupon_uses (campaign_id, code, customer_id) INCLUDE (discount_minor)
      WHERE campaign_id IS NOT NULL AND rolled_back_at IS NULL;
    DROP INDEX coupon_uses_by_campaign_figures;
  `.execute(db);
}
