import { sql, type Kysely } from 'kysely';

// A coupon's use given back (a till's voided sale, an order cancelled), as Voucherify rolls
// a redemption back and Talon.One's cancelled session frees its coupon: the use stays where
// it was recorded, under its key, marked when it was rolled back and why. Every count of
// uses — the coupon's own, a per-customer limit, a campaign's figures and its codes' last
// uses — reads only the uses not rolled back; the key stays taken, so a retry of the use
// that was rolled back is told so, never used again by accident.
// The figures' index (0024) is kept as it is: a rolled-back use is read and left out by its
// row, and rollbacks are few beside uses, so no index is worth its cost on every use.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE coupon_uses
      ADD COLUMN rolled_back_at timestamptz,
      ADD COLUMN rollback_reason text,
      ADD CONSTRAINT coupon_uses_rollback_reason CHECK (rollback_reason IS NULL OR rolled_back_at IS NOT NULL);
  `.execute(db);
}
