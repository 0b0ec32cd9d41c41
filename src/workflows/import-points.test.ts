import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../test/helpers/services.ts';
import { isAppError } from '../shared/errors.ts';
import { pointsAdjuster } from './import-points.ts';

// A batch of a points file (pointsAdjuster: loyalty's adjustManyWithin) plans its debits
// against the lots read once for the batch, and writes them in one statement: each debit
// still takes earliest expiry first, sees the ones before it in the file's order, and one
// larger than what is left is refused, naming it, while the others are written.

let s: Awaited<ReturnType<typeof openTestServices>>;
type PointsAdjustment = Parameters<ReturnType<typeof pointsAdjuster>>[0][number];
const row = (email: string, points: number, key: string, expiresAt?: Date): PointsAdjustment => ({
  key,
  identities: [{ kind: 'email', value: email }],
  profile: { identities: [{ kind: 'email', value: email }], fields: { email }, consentChanges: [] },
  adjustment: { points, reason: 'Smile.io balance', idempotency_key: key },
  expiresAt,
});
const idOf = async (email: string) => (await s.customers.findByIdentity({ kind: 'email', value: email }))!;
/** The member's debits in the order written, each with the lots it took (credit's points, points taken). */
async function debitsOf(customerId: string) {
  const rows = await sql<{ debit: number; points: number; lot: number; taken: number }>`
    SELECT d.id AS debit, d.points, c.points AS lot, a.points AS taken
    FROM loyalty_entries d JOIN loyalty_allocations a ON a.customer_id = d.customer_id AND a.debit_id = d.id
    JOIN loyalty_entries c ON c.customer_id = a.customer_id AND c.id = a.credit_id
    WHERE d.customer_id = ${customerId} AND d.points < 0 ORDER BY d.id, c.expires_at NULLS LAST, c.id`.execute(s.db);
  const out = new Map<number, { points: number; took: [number, number][] }>();
  for (const r of rows.rows) {
    const d = out.get(Number(r.debit)) ?? out.set(Number(r.debit), { points: Number(r.points), took: [] }).get(Number(r.debit))!;
    d.took.push([Number(r.lot), Number(r.taken)]);
  }
  return [...out.values()];
}

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program: { name: 'Points batches', enrolment: 'automatic', earning: { points_per_currency_unit: 1 }, expiry: { policy: 'per_lot', months: 12 } } }, { actor: 'test' });
});
afterAll(async () => {
  await s?.close();
});

describe('a batch with several debits of one member', () => {
  it('takes each from the lots the ones before it left, earliest expiry first, in the file\'s order', async () => {
    const adjust = pointsAdjuster(s);
    const june = new Date('2027-06-30T00:00:00Z');
    const march = new Date('2027-03-31T00:00:00Z');
    const january = new Date('2027-01-31T00:00:00Z');
    // Pia's lots from an earlier batch: 100 expiring in June (written first), 200 in March.
    await adjust([row('pia@example.com', 100, 'pia-1', june), row('pia@example.com', 200, 'pia-2', march)]);
    const batch = [
      row('pia@example.com', -250, 'pia-3'), // March's 200, then 50 of June's
      row('pia@example.com', -30, 'pia-4'), // June's: 20 left
      row('pia@example.com', 40, 'pia-5', january), // a lot expiring before June's
      row('pia@example.com', -50, 'pia-6'), // January's 40, then 10 of June's
    ];
    const outcomes = await adjust(batch);
    expect(outcomes.map((o) => (isAppError(o) ? o.message : o.created))).toEqual([true, true, true, true]);
    const pia = await idOf('pia@example.com');
    expect(await debitsOf(pia)).toEqual([
      { points: -250, took: [[200, 200], [100, 50]] },
      { points: -30, took: [[100, 30]] },
      { points: -50, took: [[40, 40], [100, 10]] },
    ]);
    // The entries are in the file's order.
    const entries = await s.db.selectFrom('loyalty_entries').select('points').where('customer_id', '=', pia).orderBy('id').execute();
    expect(entries.map((e) => Number(e.points))).toEqual([100, 200, -250, -30, 40, -50]);
    expect((await s.loyalty.account(pia)).balance).toBe(10);
    // The same batch again writes nothing.
    expect((await adjust(batch)).map((o) => (isAppError(o) ? o.message : o.created))).toEqual([false, false, false, false]);
    expect((await s.loyalty.account(pia)).balance).toBe(10);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});

describe('a batch with a debit larger than what the member has left', () => {
  it('refuses that debit, naming what the rows before it left, and writes the others', async () => {
    const adjust = pointsAdjuster(s);
    const outcomes = await adjust([
      row('rui@example.com', 100, 'rui-1'), // joins with 100
      row('rui@example.com', -60, 'rui-2'), // 40 left
      row('sam@example.com', 70, 'sam-1'),
      row('rui@example.com', -60, 'rui-3'), // refused: 40 left
      row('rui@example.com', -40, 'rui-4'), // 0 left
      row('sam@example.com', -71, 'sam-2'), // refused: 70
      row('sam@example.com', -1, 'sam-3'),
    ]);
    expect(outcomes.map((o) => (isAppError(o) ? o.message : o.created))).toEqual([
      true, true, true,
      'points: would take the balance below zero: 40 points are available',
      true,
      'points: would take the balance below zero: 70 points are available',
      true,
    ]);
    expect((await s.loyalty.account(await idOf('rui@example.com'))).balance).toBe(0);
    expect((await s.loyalty.account(await idOf('sam@example.com'))).balance).toBe(69);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});

describe('the same batch written twice at once', () => {
  it('writes each row once: the second waits for the members and finds the keys', async () => {
    const adjust = pointsAdjuster(s);
    const batch = ['tea', 'uma', 'vic'].flatMap((name) => [row(`${name}@example.com`, 100, `${name}-1`), row(`${name}@example.com`, -30, `${name}-2`), row(`${name}@example.com`, -20, `${name}-3`)]);
    const [a, b] = await Promise.all([adjust(batch), adjust(batch)]);
    // Each row is created by exactly one of the two.
    expect(a.map((o, i) => (isAppError(o) || isAppError(b[i]) ? 'refused' : Number(o.created) + Number(b[i].created)))).toEqual(batch.map(() => 1));
    for (const name of ['tea', 'uma', 'vic']) expect((await s.loyalty.account(await idOf(`${name}@example.com`))).balance).toBe(50);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
