import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { migrateTo } from '../index.ts';

it('lets a purchase the daily cap left without points have an earn entry of 0 points, and no other entry of 0', async () => {
  const database = await openTestDatabase({ migrate: false });
  try {
    const { db } = database;
    const customer = '00000000-0000-4000-8000-0000000000a1';
    const entry = (key: string, kind: string, points: number, remaining: number | null, unsettled: number | null) => sql`
      INSERT INTO loyalty_entries (customer_id, kind, points, remaining, unsettled, occurred_at, created_at, source_type, idempotency_key)
      VALUES (${customer}, ${kind}, ${points}, ${remaining}, ${unsettled}, now(), now(), 'purchase', ${key})`.execute(db);
    await migrateTo(db, '0017_referrer_revocation_done');
    await entry('before', 'earn', 10, 10, null);
    await expect(entry('zero-before', 'earn', 0, null, null)).rejects.toThrow(/violates check constraint/);
    // As 0018 left it: 0020 allows a refund's reverse entry of 0 as well (its own test).
    await migrateTo(db, '0018_capped_purchase_entries');

    await entry('purchase:capped', 'earn', 0, null, null);
    // Neither a lot nor a debt: an entry of 0 has no remaining and owes nothing.
    await expect(entry('zero-lot', 'earn', 0, 0, null)).rejects.toThrow(/loyalty_entries_points_shape/);
    await expect(entry('zero-debt', 'earn', 0, null, 0)).rejects.toThrow(/loyalty_entries_points_shape/);
    // Only a purchase's earning is ever 0; a bonus, a debit of 0 is a mistake.
    for (const kind of ['bonus', 'reverse', 'redeem', 'expire', 'adjust', 'release']) {
      await expect(entry(`zero-${kind}`, kind, 0, null, null), kind).rejects.toThrow(/loyalty_entries_points_shape/);
    }
    // Credits and debits keep their shapes.
    await entry('credit', 'bonus', 5, 5, null);
    await entry('debit', 'redeem', -5, null, 0);
    await expect(entry('credit-without-lot', 'bonus', 5, null, null)).rejects.toThrow(/loyalty_entries_points_shape/);
    await expect(entry('debit-without-debt', 'redeem', -5, null, null)).rejects.toThrow(/loyalty_entries_points_shape/);
  } finally {
    await database.close();
  }
});
