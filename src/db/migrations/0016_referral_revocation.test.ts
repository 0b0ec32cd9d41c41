import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';

it('lets a referral be revoked, and finds it by its qualifying purchase from an index', async () => {
  const database = await openTestDatabase();
  try {
    const { db } = database;
    const plan = async (query: ReturnType<typeof sql>) =>
      (await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(db)).rows.map((r) => r['QUERY PLAN']).join('\n');
    const id = '00000000-0000-4000-8000-000000000001';
    // What every refund asks (referral-revocation.ts): one probe, whatever the number of referrals.
    expect(await plan(sql`UPDATE loyalty_referrals SET status = 'revoked' WHERE purchase_id = ${id} AND status = 'rewarded'`)).toContain('loyalty_referrals_purchase');
    const row = (status: string) => sql`INSERT INTO loyalty_referrals (customer_id, referrer_id, code, status, created_at) VALUES (gen_random_uuid(), ${id}, 'FRIEND-ABC', ${status}, now())`;
    await row('revoked').execute(db);
    await expect(row('cancelled').execute(db)).rejects.toThrow(/loyalty_referrals_status_check/);
  } finally {
    await database.close();
  }
});
