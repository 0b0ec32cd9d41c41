import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { migrateTo, migrateToLatest } from '../index.ts';

it("fills coupon_uses.campaign_id from the uses' coupons, and counts a customer's uses in a campaign from an index", async () => {
  const database = await openTestDatabase({ migrate: false });
  try {
    const { db } = database;
    await migrateTo(db, '0013_referral_codes_follow_merges');
    const campaign = '00000000-0000-4000-8000-0000000000c1';
    const customer = '00000000-0000-4000-8000-0000000000a1';
    // Two codes of a campaign and a reward coupon, each used once before the upgrade.
    await sql`
      INSERT INTO coupons (code, kind, campaign_id, benefit, status, max_uses, uses, created_at)
      VALUES ('CAMP0001', 'promotion', ${campaign}, '{}', 'used', 1, 1, now()),
             ('CAMP0002', 'promotion', ${campaign}, '{}', 'used', 1, 1, now()),
             ('REWARD01', 'reward', NULL, '{}', 'used', 1, 1, now())`.execute(db);
    await sql`
      INSERT INTO coupon_uses (code, idempotency_key, customer_id, request_hash, used_at)
      VALUES ('CAMP0001', 'k1', ${customer}, 'h', now()), ('CAMP0002', 'k2', NULL, 'h', now()), ('REWARD01', 'k3', ${customer}, 'h', now())`.execute(db);
    await migrateToLatest(db);
    expect(await db.selectFrom('coupon_uses').select(['code', 'campaign_id']).orderBy('code').execute()).toEqual([
      { code: 'CAMP0001', campaign_id: campaign },
      { code: 'CAMP0002', campaign_id: campaign },
      { code: 'REWARD01', campaign_id: null },
    ]);
    // Among many customers' uses (three rows are read as fast by any path, and PostgreSQL
    // picked the older (code, customer_id) index with a filter as often as this one), the
    // plan names the index that answers the count.
    await sql`
      INSERT INTO coupon_uses (code, idempotency_key, customer_id, campaign_id, request_hash, used_at)
      SELECT CASE WHEN i % 2 = 0 THEN 'CAMP0001' ELSE 'CAMP0002' END, 'bulk-' || i, gen_random_uuid(), ${campaign}, 'h', now()
      FROM generate_series(1, 5000) AS i`.execute(db);
    await sql`ANALYZE coupon_uses`.execute(db);
    const explain = async () => (await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT count(*) FROM coupon_uses WHERE customer_id = ${customer} AND campaign_id = ${campaign}`.execute(db))
      .rows.map((r) => r['QUERY PLAN']).join('\n');
    // The migration's UPDATE leaves HOT chains that its CREATE INDEX finds broken, so
    // PostgreSQL marks the index indcheckxmin: the planner uses it only in snapshots newer
    // than its creation. A transaction of another database on the same server (a test file
    // running beside this one) can hold the oldest snapshot back for a moment — seen once as
    // a Seq Scan here — so wait for it to end, as a running system would.
    let plan = await explain();
    for (const deadline = Date.now() + 30_000; !plan.includes('coupon_uses_customer_campaign') && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      plan = await explain();
    }
    expect(plan).toContain('coupon_uses_customer_campaign');
  } finally {
    await database.close();
  }
});
