import { sql, type Kysely } from 'kysely';

// A purchase refunded in full gives back the coupon uses made on its order (coupon-rollbacks.ts
// rollbackUsesOfRefundedOrders), as a cancelled Talon.One session rolls back its effects:
// - coupon_uses by order_ref: the refund finds the uses of its order by the order id, an
//   index probe instead of reading every use ever made in the refund's transaction;
// - rollback_refund_id: the refund (its Regulars id) that gave the use back, NULL for a use
//   given back by hand (POST /coupons/{code}/rollbacks) or standing. A refund retried
//   answers the uses it gave back, read by it; a use given back belongs to one refund.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE coupon_uses
      ADD COLUMN rollback_refund_id uuid,
      ADD CONSTRAINT coupon_uses_rollback_refund CHECK (rollback_refund_id IS NULL OR rolled_back_at IS NOT NULL);
    CREATE INDEX coupon_uses_by_order ON coupon_uses (order_ref) WHERE order_ref IS NOT NULL;
  `.execute(db);
}
