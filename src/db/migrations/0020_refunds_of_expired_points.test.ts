import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { migrateTo, migrateToLatest } from '../index.ts';

it('lets a refund of expired points have a reverse entry of 0 points, as a capped purchase its earn entry, and no other entry of 0', async () => {
  const database = await openTestDatabase({ migrate: false });
  try {
    const { db } = database;
    const customer = '00000000-0000-4000-8000-0000000000a2';
    const entry = (key: string, kind: string, points: number, remaining: number | null, unsettled: number | null) => sql`
      INSERT INTO loyalty_entries (customer_id, kind, points, remaining, unsettled, occurred_at, created_at, source_type, idempotency_key)
      VALUES (${customer}, ${kind}, ${points}, ${remaining}, ${unsettled}, now(), now(), 'purchase', ${key})`.execute(db);
    await migrateTo(db, '0019_partial_capture');
    await entry('purchase:capped', 'earn', 0, null, null);
    await expect(entry('refund:before', 'reverse', 0, null, null)).rejects.toThrow(/loyalty_entries_points_shape/);
    await migrateToLatest(db);

    await entry('refund:expired', 'reverse', 0, null, null);
    await entry('purchase:capped-after', 'earn', 0, null, null);
    // Neither a lot nor a debt.
    await expect(entry('refund:as-debt', 'reverse', 0, null, 0)).rejects.toThrow(/loyalty_entries_points_shape/);
    await expect(entry('refund:as-lot', 'reverse', 0, 0, null)).rejects.toThrow(/loyalty_entries_points_shape/);
    for (const kind of ['bonus', 'redeem', 'expire', 'adjust', 'release']) {
      await expect(entry(`zero-${kind}`, kind, 0, null, null), kind).rejects.toThrow(/loyalty_entries_points_shape/);
    }
    await entry('credit', 'bonus', 5, 5, null);
    await entry('debit', 'reverse', -5, null, 0);
    await expect(entry('debit-without-debt', 'reverse', -5, null, null)).rejects.toThrow(/loyalty_entries_points_shape/);
  } finally {
    await database.close();
  }
});
