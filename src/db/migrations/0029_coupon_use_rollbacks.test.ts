import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { migrateTo, migrateToLatest } from '../index.ts';

it('leaves every use before it standing, and keeps no rollback reason without a rollback', async () => {
  const database = await openTestDatabase({ migrate: false });
  try {
    const { db } = database;
    await migrateTo(db, '0028_gift_card_refunds');
    await sql`
      INSERT INTO coupons (code, kind, benefit, status, max_uses, uses, created_at)
      VALUES ('ONCE0001', 'promotion', '{"type":"percent_discount","percent":10}', 'used', 1, 1, now())`.execute(db);
    await sql`INSERT INTO coupon_uses (code, idempotency_key, request_hash, used_at) VALUES ('ONCE0001', 'k1', 'h', now())`.execute(db);
    await migrateToLatest(db);
    expect(await db.selectFrom('coupon_uses').select(['code', 'rolled_back_at', 'rollback_reason']).execute()).toEqual([{ code: 'ONCE0001', rolled_back_at: null, rollback_reason: null }]);
    await expect(sql`UPDATE coupon_uses SET rollback_reason = 'voided'`.execute(db)).rejects.toThrow(/check constraint/);
    await sql`UPDATE coupon_uses SET rolled_back_at = now(), rollback_reason = 'voided'`.execute(db);
    // The figures' index holds the uses that stand, in place of 0024's of every use.
    const indexes = (await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'coupon_uses'`.execute(db)).rows;
    expect(indexes.map((i) => i.indexname)).not.toContain('coupon_uses_by_campaign_figures');
    expect(indexes.find((i) => i.indexname === 'coupon_uses_standing_by_campaign')?.indexdef).toMatch(/\(campaign_id, code, customer_id\) INCLUDE \(discount_minor\) WHERE \(\(campaign_id IS NOT NULL\) AND \(rolled_back_at IS NULL\)\)/);
  } finally {
    await database.close();
  }
});
