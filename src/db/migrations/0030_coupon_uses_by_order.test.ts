import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { migrateTo, migrateToLatest } from '../index.ts';

it("leaves every use before it as it was, keeps a refund only on a use given back, and finds an order's uses by an index", async () => {
  const database = await openTestDatabase({ migrate: false });
  try {
    const { db } = database;
    await migrateTo(db, '0029_coupon_use_rollbacks');
    await sql`
      INSERT INTO coupons (code, kind, benefit, status, max_uses, uses, created_at)
      VALUES ('ONCE0001', 'promotion', '{"type":"percent_discount","percent":10}', 'used', 1, 1, now())`.execute(db);
    await sql`INSERT INTO coupon_uses (code, idempotency_key, order_ref, request_hash, used_at) VALUES ('ONCE0001', 'k1', 'order-1', 'h', now())`.execute(db);
    await migrateToLatest(db);
    expect(await db.selectFrom('coupon_uses').select(['code', 'rolled_back_at', 'rollback_refund_id']).execute()).toEqual([{ code: 'ONCE0001', rolled_back_at: null, rollback_refund_id: null }]);
    const refund = '7d1f3c52-3f7e-4f55-9a55-0c2b8d3c9e10';
    await expect(sql`UPDATE coupon_uses SET rollback_refund_id = ${refund}`.execute(db)).rejects.toThrow(/check constraint/);
    await sql`UPDATE coupon_uses SET rolled_back_at = now(), rollback_refund_id = ${refund}`.execute(db);
    const indexes = (await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'coupon_uses'`.execute(db)).rows;
    expect(indexes.find((i) => i.indexname === 'coupon_uses_by_order')?.indexdef).toMatch(/\(order_ref\) WHERE \(order_ref IS NOT NULL\)/);
  } finally {
    await database.close();
  }
});
