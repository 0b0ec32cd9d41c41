import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { migrateTo } from '../index.ts';

it('leaves the discount of every use before it unknown, and carries it in the figures\' index in place of the old one', async () => {
  const database = await openTestDatabase({ migrate: false });
  try {
    const { db } = database;
    await migrateTo(db, '0023_activity_log');
    const campaign = '00000000-0000-4000-8000-0000000000c1';
    await sql`
      INSERT INTO coupons (code, kind, campaign_id, benefit, status, max_uses, uses, created_at)
      VALUES ('TENOFF', 'promotion', ${campaign}, '{"type":"percent_discount","percent":10}', 'active', 10, 1, now())`.execute(db);
    await sql`INSERT INTO coupon_uses (code, idempotency_key, customer_id, campaign_id, request_hash, used_at) VALUES ('TENOFF', 'k1', NULL, ${campaign}, 'h', now())`.execute(db);
    await migrateTo(db, '0024_coupon_use_discounts');
    expect(await db.selectFrom('coupon_uses').select(['code', 'discount_minor']).execute()).toEqual([{ code: 'TENOFF', discount_minor: null }]);
    const indexes = (await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'coupon_uses'`.execute(db)).rows;
    const names = indexes.map((i) => i.indexname);
    expect(names).toContain('coupon_uses_by_campaign_figures');
    expect(names).not.toContain('coupon_uses_by_campaign');
    expect(indexes.find((i) => i.indexname === 'coupon_uses_by_campaign_figures')!.indexdef).toMatch(/\(campaign_id, code, customer_id\) INCLUDE \(discount_minor\) WHERE \(campaign_id IS NOT NULL\)/);
    // A discount is never negative.
    await expect(sql`UPDATE coupon_uses SET discount_minor = -1`.execute(db)).rejects.toThrow(/check constraint/);
  } finally {
    await database.close();
  }
});
