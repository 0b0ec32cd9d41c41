import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { migrateTo, migrateToLatest } from '../index.ts';

it('records the points a capture spent: all of them for reservations captured before, none until captured, never more than reserved', async () => {
  const database = await openTestDatabase({ migrate: false });
  try {
    const { db } = database;
    const customer = '00000000-0000-4000-8000-0000000000a1';
    const reservation = (n: number, status: string) => sql`
      INSERT INTO loyalty_reservations (customer_id, id, points, status, idempotency_key, debit_entry_id, expires_at, created_at)
      VALUES (${customer}, ${`00000000-0000-4000-8000-00000000000${n}`}, 50, ${status}, ${`k-${n}`}, ${n}, now(), now())`.execute(db);
    await migrateTo(db, '0018_capped_purchase_entries');
    await reservation(1, 'captured');
    await reservation(2, 'released');
    await migrateToLatest(db);

    const rows = await sql<{ status: string; captured_points: number | null }>`SELECT status, captured_points::int AS captured_points FROM loyalty_reservations ORDER BY id`.execute(db);
    expect(rows.rows).toEqual([{ status: 'captured', captured_points: 50 }, { status: 'released', captured_points: null }]);
    const set = (n: number, status: string, points: number | null) =>
      sql`UPDATE loyalty_reservations SET status = ${status}, captured_points = ${points}::bigint WHERE id = ${`00000000-0000-4000-8000-00000000000${n}`}`.execute(db);
    await reservation(3, 'held');
    await expect(set(3, 'captured', 51)).rejects.toThrow(/loyalty_reservations_captured_points/);
    await expect(set(3, 'captured', 0)).rejects.toThrow(/loyalty_reservations_captured_points/);
    await expect(set(3, 'captured', null)).rejects.toThrow(/loyalty_reservations_captured_points/);
    await expect(set(3, 'held', 20)).rejects.toThrow(/loyalty_reservations_captured_points/);
    await set(3, 'captured', 20);
  } finally {
    await database.close();
  }
});
