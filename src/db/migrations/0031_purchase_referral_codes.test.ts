import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { recordAll } from '../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../test/helpers/services.ts';
import { recordPurchases } from '../../workflows/record-purchases.ts';
import { migrateTo, migrateToLatest } from '../index.ts';
import { up as moveReferralCodes } from './0031_purchase_referral_codes.ts';

const HASH = 'a'.repeat(64);
const OTHER_HASH = 'b'.repeat(64);

it("moves a key's referral code out of its request hash into its own column, and leaves a key without one as it was", async () => {
  const database = await openTestDatabase({ migrate: false });
  try {
    const { db } = database;
    await migrateTo(db, '0030_coupon_uses_by_order');
    await sql`
      INSERT INTO purchase_keys (external_id, customer_id, purchase_id, request_hash) VALUES
        ('with-code', gen_random_uuid(), gen_random_uuid(), ${`${HASH} referral_code:MIA-7KQ2ZX`}),
        ('without', gen_random_uuid(), gen_random_uuid(), ${OTHER_HASH})`.execute(db);
    await migrateToLatest(db);
    expect(await db.selectFrom('purchase_keys').select(['external_id', 'request_hash', 'referral_code']).orderBy('external_id').execute()).toEqual([
      { external_id: 'with-code', request_hash: HASH, referral_code: 'MIA-7KQ2ZX' },
      { external_id: 'without', request_hash: OTHER_HASH, referral_code: null },
    ]);
  } finally {
    await database.close();
  }
});

it('replays a retry of a purchase whose key was written before it, and answers another code with a 409 naming the recorded one', async () => {
  const s = await openTestServices();
  try {
    // Recorded as the code before 0031 did: the code in the claim's spelling after the
    // hash, no column. The key is put back in that form and the migration run again on it.
    await recordAll(s, [{ external_id: 'old-1', customer: { email: 'ana@example.com' }, occurred_at: '2026-03-02T10:00:00Z', total: '20.00', referral_code: 'mia 7kq2zx' }]);
    await sql`UPDATE purchase_keys SET request_hash = request_hash || ' referral_code:' || referral_code WHERE referral_code IS NOT NULL`.execute(s.db);
    await sql`ALTER TABLE purchase_keys DROP COLUMN referral_code`.execute(s.db);
    // The migration itself, run again on that key (not migrateToLatest: later migrations are applied already).
    await moveReferralCodes(s.db as unknown as Kysely<unknown>);
    expect(await s.db.selectFrom('purchase_keys').select(['request_hash', 'referral_code']).where('external_id', '=', 'old-1').executeTakeFirstOrThrow())
      .toEqual({ request_hash: expect.stringMatching(/^[0-9a-f]{64}$/), referral_code: 'MIA-7KQ2ZX' });

    const send = (referral_code?: string) =>
      recordPurchases(s, [{ external_id: 'old-1', customer: { email: 'ana@example.com' }, occurred_at: '2026-03-02T10:00:00Z', total: '20.00', referral_code }], { source: 'api' });
    expect((await send('MIA-7KQ2ZX'))[0].status).toBe('duplicate');
    const [other] = await send('OTHER-ABC123');
    expect(other.status).toBe('error');
    expect(other.status === 'error' && other.error.problems).toEqual([{ field: 'referral_code', reason: '"MIA-7KQ2ZX" (this request: "OTHER-ABC123")' }]);
    const [none] = await send();
    expect(none.status === 'error' && none.error.problems).toEqual([{ field: 'referral_code', reason: expect.stringMatching(/^"MIA-7KQ2ZX"/) }]);
  } finally {
    await s.close();
  }
});
