import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { migrateTo, migrateToLatest } from '../index.ts';

it("keeps a campaign's shared code for display, and tells the chosen codes stored before it from the generated ones", async () => {
  const database = await openTestDatabase({ migrate: false });
  try {
    const { db } = database;
    await migrateTo(db, '0014_coupon_uses_by_campaign');
    const [shared, lookalike, bulk] = ['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000c3'];
    await sql`
      INSERT INTO coupon_campaigns (id, name, benefit, codes, max_uses, created_by, created_at)
      VALUES (${shared}, 'Winter', '{}', 1, 100, 'test', now()), (${lookalike}, 'One', '{}', 1, 1, 'test', now()), (${bulk}, 'Flyers', '{}', 2, 1, 'test', now())`.execute(db);
    // A shared code; a campaign of one generated code (twelve symbols of the alphabet); two
    // generated codes; a reward coupon.
    await sql`
      INSERT INTO coupons (code, kind, campaign_id, benefit, status, max_uses, uses, created_at)
      VALUES ('WINTER26', 'promotion', ${shared}, '{}', 'active', 100, 0, now()),
             ('ABCDEFGHJKLM', 'promotion', ${lookalike}, '{}', 'active', 1, 0, now()),
             ('NPQRSTUVWXYZ', 'promotion', ${bulk}, '{}', 'active', 1, 0, now()),
             ('23456789ABCD', 'promotion', ${bulk}, '{}', 'active', 1, 0, now()),
             ('REWARD01', 'reward', NULL, '{}', 'active', 1, 0, now())`.execute(db);
    await migrateToLatest(db);
    expect(await db.selectFrom('coupons').select(['code', 'chosen_code']).orderBy('code').execute()).toEqual([
      { code: '23456789ABCD', chosen_code: null },
      { code: 'ABCDEFGHJKLM', chosen_code: null },
      { code: 'NPQRSTUVWXYZ', chosen_code: null },
      { code: 'REWARD01', chosen_code: null },
      { code: 'WINTER26', chosen_code: 'WINTER26' },
    ]);
  } finally {
    await database.close();
  }
});
