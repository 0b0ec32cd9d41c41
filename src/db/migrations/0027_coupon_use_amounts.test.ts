import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { migrateTo, migrateToLatest } from '../index.ts';

it("leaves every earlier use's amounts unknown, and refuses a negative one", async () => {
  const database = await openTestDatabase({ migrate: false });
  try {
    const { db } = database;
    await migrateTo(db, '0026_customer_list_orders');
    await sql`
      INSERT INTO coupons (code, kind, benefit, status, max_uses, uses, created_at)
      VALUES ('FIVEOFF', 'promotion', '{"type":"fixed_discount","amount":"5.00"}', 'active', 10, 1, now())`.execute(db);
    await sql`INSERT INTO coupon_uses (code, idempotency_key, request_hash, used_at, discount_minor) VALUES ('FIVEOFF', 'k1', 'h', now(), 500)`.execute(db);
    await migrateToLatest(db);
    expect(await db.selectFrom('coupon_uses').select(['code', 'discount_minor', 'order_subtotal_minor', 'product_price_minor']).execute())
      .toEqual([{ code: 'FIVEOFF', discount_minor: expect.anything(), order_subtotal_minor: null, product_price_minor: null }]);
    await expect(sql`UPDATE coupon_uses SET order_subtotal_minor = -1`.execute(db)).rejects.toThrow(/check constraint/);
    await expect(sql`UPDATE coupon_uses SET product_price_minor = -1`.execute(db)).rejects.toThrow(/check constraint/);
  } finally {
    await database.close();
  }
});
