import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { mergeCustomers } from '../../../workflows/customer-lifecycle.ts';

// Which purchase the replay gives the first-purchase bonus: the one the ledger gave it.
// A date without a time is the store's midnight, so a customer's first day often holds
// two purchases at one instant; the replay gave the bonus to whichever the database read
// first, counted both as first purchases, and a refund of the one the ledger had credited
// then took the bonus back from a purchase the replay had not given it to.

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

// 10 points a euro, first purchase +200, no tiers, no expiry.
const program = {
  name: 'Firsts',
  earning: { points_per_currency_unit: 10, rounding: 'floor' },
  bonuses: { first_purchase: 200 },
  expiry: { policy: 'none' },
};

async function ledgerPoints(s: Services) {
  const row = await sql<{ points: number }>`SELECT COALESCE(sum(points), 0)::float8 AS points FROM loyalty_members`.execute(s.db);
  return Number(row.rows[0].points);
}

describe('a first day of two purchases at one instant', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program }, actor);
    s.clock.set('2026-05-10T12:00:00Z');
  });
  afterAll(() => s?.close());

  it('replays the bonus on the purchase the ledger credited, once a customer, and its refund takes it back from there', async () => {
    // Y: 10.00 then 20.00, both at 10:00; the first recorded earns 100 + 200, the other 200.
    // The first is refunded in full: 300 back. Y holds 200.
    const [y1] = await recordAll(s, [{ external_id: 'Y-1', customer: { email: 'y@example.com' }, occurred_at: '2026-05-02T10:00:00+02:00', total: '10.00' }]);
    await recordAll(s, [{ external_id: 'Y-2', customer: { email: 'y@example.com' }, occurred_at: '2026-05-02T10:00:00+02:00', total: '20.00' }]);
    await s.commerce.refund(y1.purchaseId, { external_id: 'Y-1-R' }, actor);
    // Z: two purchases dated by day only (the store's midnight), 30.00 recorded first, then
    // 5.00; half of the first refunded: 300 + 200 earned, 50, then 250 back. Z holds 300.
    const [z1] = await recordAll(s, [{ external_id: 'Z-1', customer: { email: 'z@example.com' }, occurred_at: '2026-05-03', total: '30.00' }]);
    await recordAll(s, [{ external_id: 'Z-2', customer: { email: 'z@example.com' }, occurred_at: '2026-05-03', total: '5.00' }]);
    await s.commerce.refund(z1.purchaseId, { external_id: 'Z-1-R', amount: '15.00' }, actor);
    // The second of each pair is recorded after the first, yet the database may read them
    // in either order: the bonus must follow the ledger, not the order read.
    expect(await ledgerPoints(s)).toBe(200 + 300);

    const r = await s.loyalty.simulate(program, { since: '2026-01-01' });
    expect({ proposed: r.proposed.points, current: r.current!.points }).toEqual({ proposed: 500, current: 500 });
    expect(r.bonus_triggers.first_purchase).toBe(2);
    expect(r.difference).toEqual({ points: 0, value: '0.00' });
  });

  it('without a ledger bonus to follow, counts one first purchase a customer: the first recorded at the first instant', async () => {
    // The program in force had no first-purchase bonus: a proposal with one pays it once
    // a customer. W's 8.00 and 12.00 are at one instant; the first recorded takes the bonus.
    const t = await openTestServices();
    try {
      t.clock.set('2026-01-01T00:00:00Z');
      await t.loyalty.applyProgram({ program: { ...program, bonuses: {} } }, actor);
      t.clock.set('2026-05-10T12:00:00Z');
      await recordAll(t, [{ external_id: 'W-1', customer: { email: 'w@example.com' }, occurred_at: '2026-05-04', total: '8.00' }]);
      await recordAll(t, [{ external_id: 'W-2', customer: { email: 'w@example.com' }, occurred_at: '2026-05-04', total: '12.00' }]);
      const r = await t.loyalty.simulate(program, { since: '2026-01-01' });
      expect(r.bonus_triggers.first_purchase).toBe(1);
      expect({ proposed: r.proposed.points, current: r.current!.points }).toEqual({ proposed: 80 + 120 + 200, current: 200 });
    } finally {
      await t.close();
    }
  });
});

describe('a first purchase of 0.00 (QA F1)', () => {
  it('earns no bonus under a proposal that adds one, and the purchase after it is not a first purchase', async () => {
    const t = await openTestServices();
    try {
      t.clock.set('2026-01-01T00:00:00Z');
      await t.loyalty.applyProgram({ program: { ...program, bonuses: {} } }, actor);
      // F: 0.00 then 10.00 one call each, G: the same in one batch, H: a 10.00 with nothing before it.
      t.clock.set('2026-05-10T12:00:00Z');
      await recordAll(t, [{ external_id: 'F-1', customer: { email: 'f@example.com' }, occurred_at: '2026-05-04T10:00:00Z', total: '0.00' }]);
      t.clock.set('2026-05-10T12:01:00Z');
      await recordAll(t, [{ external_id: 'F-2', customer: { email: 'f@example.com' }, occurred_at: '2026-05-04T12:00:00Z', total: '10.00' }]);
      await recordAll(t, [
        { external_id: 'G-1', customer: { email: 'g@example.com' }, occurred_at: '2026-05-04T10:00:00Z', total: '0.00' },
        { external_id: 'G-2', customer: { email: 'g@example.com' }, occurred_at: '2026-05-04T12:00:00Z', total: '10.00' },
      ]);
      await recordAll(t, [{ external_id: 'H-1', customer: { email: 'h@example.com' }, occurred_at: '2026-05-05T10:00:00Z', total: '10.00' }]);
      const r = await t.loyalty.simulate(program, { since: '2026-01-01' });
      expect(r.bonus_triggers.first_purchase).toBe(1);
      expect({ proposed: r.proposed.points, current: r.current!.points }).toEqual({ proposed: 300 + 200, current: 300 });
    } finally {
      await t.close();
    }
  });

  it('replays the rule where the ledger gave the bonus past a 0.00 first purchase in one batch (as batches and imports did before)', async () => {
    const t = await openTestServices();
    try {
      t.clock.set('2026-01-01T00:00:00Z');
      await t.loyalty.applyProgram({ program }, actor);
      t.clock.set('2026-05-10T12:00:00Z');
      const [, b] = await recordAll(t, [
        { external_id: 'K-1', customer: { email: 'k@example.com' }, occurred_at: '2026-05-04T10:00:00Z', total: '0.00' },
        { external_id: 'K-2', customer: { email: 'k@example.com' }, occurred_at: '2026-05-04T12:00:00Z', total: '10.00' },
      ]);
      expect(b.loyalty).toMatchObject({ points_earned: 100 });
      // The bonus a batch gave K-2 before the rule was one: written as accrual wrote it then.
      await sql`INSERT INTO loyalty_entries (customer_id, kind, points, remaining, occurred_at, created_at, source_type, source_id, idempotency_key, program_version, details)
                VALUES (${b.customerId}, 'bonus', 200, 200, '2026-05-04T12:00:00Z', '2026-05-10T12:00:00Z', 'purchase', ${b.purchaseId}, 'bonus:first_purchase',
                        (SELECT program_version FROM loyalty_entries WHERE source_id = ${b.purchaseId} AND kind = 'earn'),
                        ${JSON.stringify({ bonus: 'first_purchase', purchase: 'K-2' })}::jsonb)`.execute(t.db);
      await sql`UPDATE loyalty_members SET points = points + 200, lifetime_earned = lifetime_earned + 200 WHERE customer_id = ${b.customerId}`.execute(t.db);
      expect(await ledgerPoints(t)).toBe(300);
      const r = await t.loyalty.simulate(program, { since: '2026-01-01' });
      expect(r.bonus_triggers.first_purchase).toBe(0);
      expect({ proposed: r.proposed.points, current: r.current!.points }).toEqual({ proposed: 100, current: 100 });
    } finally {
      await t.close();
    }
  });
});

describe('a person merged from two customers who each had the bonus', () => {
  it('replays it on the person\'s first purchase, not on the survivor\'s own that the merge took back', async () => {
    const t = await openTestServices();
    try {
      t.clock.set('2026-01-01T00:00:00Z');
      await t.loyalty.applyProgram({ program }, actor);
      // A: 20.00 on 1 May (200 + 200); B, the survivor: 10.00 on 10 May (100 + 200, the bonus taken back by the merge).
      t.clock.set('2026-05-01T10:00:00Z');
      const [a] = await recordAll(t, [{ external_id: 'MA-1', customer: { email: 'ma@example.com' }, occurred_at: '2026-05-01T10:00:00Z', total: '20.00' }]);
      t.clock.set('2026-05-10T10:00:00Z');
      const [b] = await recordAll(t, [{ external_id: 'MB-1', customer: { email: 'mb@example.com' }, occurred_at: '2026-05-10T10:00:00Z', total: '10.00' }]);
      t.clock.set('2026-05-20T10:00:00Z');
      expect((await mergeCustomers(t, b.customerId, { from: a.customerId }, actor)).moved).toMatchObject({ duplicate_bonuses: 1, duplicate_bonus_points: 200 });
      // B's purchase is refunded in full: its 100 go back, and nothing of the bonus the merge took back.
      t.clock.set('2026-05-25T10:00:00Z');
      await t.commerce.refund(b.purchaseId, { external_id: 'MB-1-R' }, actor);
      expect(await ledgerPoints(t)).toBe(200 + 200);
      const r = await t.loyalty.simulate(program, { since: '2026-01-01' });
      expect(r.bonus_triggers.first_purchase).toBe(1);
      expect({ bonus: r.current!.bonus_points_by_kind.first_purchase, points: r.current!.points }).toEqual({ bonus: 200, points: 400 });
    } finally {
      await t.close();
    }
  });
});

describe('a purchase dated ahead of the server\'s clock (a till whose clock runs fast)', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program }, actor);
    s.clock.set('2026-05-10T12:00:00Z');
  });
  afterAll(() => s?.close());

  it('is replayed as the ledger earned it: the replay runs to the latest purchase, not only to now', async () => {
    // V: 10.00 this morning and 4.00 dated 20:00, eight hours ahead (within the day allowed): 100 + 200 and 40.
    await recordAll(s, [{ external_id: 'V-1', customer: { email: 'v@example.com' }, occurred_at: '2026-05-10T09:00:00Z', total: '10.00' }]);
    await recordAll(s, [{ external_id: 'V-2', customer: { email: 'v@example.com' }, occurred_at: '2026-05-10T20:00:00Z', total: '4.00' }]);
    expect(await ledgerPoints(s)).toBe(340);
    const r = await s.loyalty.simulate(program, { since: '2026-05-01' });
    expect({ proposed: r.proposed.points, current: r.current!.points, until: r.until }).toEqual({ proposed: 340, current: 340, until: '2026-05-10T20:00:00.000Z' });
    expect(r.difference).toEqual({ points: 0, value: '0.00' });
  });
});
