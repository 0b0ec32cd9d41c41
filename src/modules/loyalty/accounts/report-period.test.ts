import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { withFields } from '../../../shared/objects.ts';

// The loyalty report of a period (README, "over a period"), worked by hand on entries on both
// sides of March 2026's edges in Ljubljana: 1 March starts at 2026-02-28 23:00 UTC (CET) and
// 31 March ends at 2026-03-31 22:00 UTC (CEST, summer time from 29 March). 1 point per euro,
// lots expire after 12 months, a reward of 10 points.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };
const program = {
  name: 'Period', earning: { points_per_currency_unit: 1 }, expiry: { policy: 'per_lot', months: 12 },
  rewards: [{ code: 'cookie', name: 'Cookie', type: 'free_product', sku: 'CK', points: 10 }],
};

async function buy(email: string, key: string, total: string, at: string) {
  s.clock.set(new Date(Date.parse(at) + 60_000));
  const [o] = await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total }]);
  return o;
}
async function at(when: string, act: () => Promise<unknown>) {
  s.clock.set(when);
  await act();
}

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-02-01T00:00:00Z');
  await s.loyalty.applyProgram({ program, effective_from: '2025-01-01T00:00:00Z' }, actor);
  // Lots of a year before, each due 12 months later at the same local time.
  await buy('d@example.com', 'd', '3.00', '2025-02-28T22:30:00Z'); // due 28 Feb 2026 23:30 local: February's
  await buy('f@example.com', 'f', '2.00', '2025-03-05T10:00:00Z'); // due 5 March
  await buy('e@example.com', 'e', '5.00', '2025-03-15T10:00:00Z'); // due 15 March, not swept
  await buy('c@example.com', 'c', '7.00', '2025-03-31T21:00:00Z'); // due 31 March 23:00 local, not swept
  const a = (await buy('a@example.com', 'a1', '10.00', '2026-02-28T22:30:00Z')).customerId; // 23:30 on 28 Feb local: out
  await at('2026-02-28T22:45:00Z', () => s.loyalty.redeemReward(a, { reward: 'cookie', idempotency_key: 'a-cookie' }, actor)); // out
  await buy('a@example.com', 'a2', '20.00', '2026-02-28T23:30:00Z'); // 00:30 on 1 March local: in
  const g = await buy('g@example.com', 'g', '15.00', '2026-03-10T10:00:00Z');
  await at('2026-03-10T11:00:00Z', () => s.loyalty.redeemReward(g.customerId, { reward: 'cookie', idempotency_key: 'g-cookie' }, actor));
  // The sweep writes D's 3 and F's 2 off on 10 March: D's expired in February, F's in March.
  await at('2026-03-10T11:00:00Z', () => s.loyalty.maintenance.expirePoints(s.clock.now()));
  // G's refund takes 15 back: 5 from the lot, 10 owed (spent on the cookie).
  await at('2026-03-20T10:00:00Z', () => s.commerce.refund(g.purchaseId, { external_id: 'g-back' }, actor));
  const b = (await buy('b@example.com', 'b1', '40.00', '2026-03-31T21:30:00Z')).customerId; // 23:30 on 31 March local: in
  await at('2026-03-31T21:45:00Z', () => s.loyalty.redeemReward(b, { reward: 'cookie', idempotency_key: 'b-cookie' }, actor)); // in
  await at('2026-03-31T22:05:00Z', () => s.loyalty.adjust(a, { points: 100, reason: 'goodwill', idempotency_key: 'a-add' }, actor)); // 00:05 on 1 April: out
  await buy('b@example.com', 'b2', '80.00', '2026-03-31T22:30:00Z'); // 00:30 on 1 April local: out
  s.clock.set('2026-06-01T12:00:00Z');
});
afterAll(() => s?.close());

describe('the loyalty report of a period', () => {
  it("counts March's movements by the local dates, an expiry by when its points expired", async () => {
    const r = await s.loyalty.report({ from: '2026-03-01', to: '2026-03-31' });
    expect(r.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(r.points).toMatchObject({
      earned: 20 + 15 + 40, // A's 00:30 on 1 March, G's, B's 23:30 on 31 March
      adjusted_in: 0, // staff's 100 at 00:05 on 1 April
      redeemed: 10 + 10, // G's and B's cookies, not A's at 23:45 on 28 February
      expired: 2 + 5 + 7, // F's swept, E's and C's not swept yet; not D's (due 28 February, swept in March)
      expiring_now: 5 + 7,
      reversed: 15,
      owed: 10,
      issued: 75 - (15 - 10),
    });
    expect(r.redemption_rate).toBeCloseTo(20 / 70, 10);
    expect(r.breakage_rate).toBeCloseTo(14 / 70, 10);
    // The state is now's, whatever the period: everything left after all of it.
    const whole = await s.loyalty.report();
    expect([r.members, r.points.outstanding, r.points.pending, r.liability, r.tiers]).toEqual([whole.members, whole.points.outstanding, whole.points.pending, whole.liability, whole.tiers]);
  });

  it("opens March with the points held at its start and closes it with those held at its end, by hand", async () => {
    const r = await s.loyalty.report({ from: '2026-03-01', to: '2026-03-31' });
    // At 28 February 23:00 UTC: F's 2, E's 5 and C's 7 (D's 3 expired half an hour before; A's 10 spent).
    expect(r.opening).toMatchObject({ at: '2026-02-28T23:00:00.000Z', points: 2 + 5 + 7 });
    // At 31 March 22:00 UTC: A's 20, B's 40 − 10; G's lot emptied by the cookie and the refund
    // (10 owed); F's, E's and C's expired in March.
    expect(r.closing).toMatchObject({ at: '2026-03-31T22:00:00.000Z', points: 20 + 30 });
    const p = r.points;
    expect(r.opening!.points + p.issued - p.adjusted_out - p.redeemed - p.expired - p.forfeited + p.merged_in - p.merged_out).toBe(r.closing!.points);
    // Valued as the liability is: point_value (the program in force then) × points.
    expect(r.closing).toEqual({ at: '2026-03-31T22:00:00.000Z', points: 50, value: (50 * Number(r.liability.point_value)).toFixed(2), point_value: r.liability.point_value, currency: 'EUR' });
    // April and after close now, with the outstanding now: 50 + B's 80 + the staff's 100.
    const after = await s.loyalty.report({ from: '2026-04-01' });
    expect([after.opening!.points, after.closing]).toEqual([50, withFields({ at: after.as_of }, after.liability)]);
    expect(after.closing!.points).toBe(50 + 80 + 100);
    // Up to February: from the ledger's start (nothing), closing with what March opens with.
    const before = await s.loyalty.report({ to: '2026-02-28' });
    expect([before.opening, before.closing!.points]).toEqual([{ at: null, points: 0, value: '0.00', point_value: null, currency: 'EUR' }, 14]);
    // Without a period, neither.
    expect([(await s.loyalty.report()).opening, (await s.loyalty.report()).closing]).toEqual([null, null]);
  });

  it('answers the whole ledger without a period, and the same figures for a period holding all of it', async () => {
    const whole = await s.loyalty.report();
    expect(whole.period).toBeNull();
    expect(whole.points).toMatchObject({ earned: 3 + 2 + 5 + 7 + 10 + 20 + 15 + 40 + 80, adjusted_in: 100, redeemed: 30, expired: 3 + 2 + 5 + 7, reversed: 15, owed: 10 });
    const all = await s.loyalty.report({ from: '2025-01-01', to: '2026-06-01' });
    expect(all.period).toEqual({ from: '2025-01-01', to: '2026-06-01' });
    expect({ ...all, period: null, opening: null, closing: null }).toEqual(whole);
    // Its opening is before the first entry (nothing) and its closing the outstanding now.
    expect([all.opening!.points, all.closing]).toEqual([0, withFields({ at: whole.as_of }, whole.liability)]);
    // One bound alone: February and before; April and after.
    const before = await s.loyalty.report({ to: '2026-02-28' });
    expect(before.points).toMatchObject({ earned: 3 + 2 + 5 + 7 + 10, redeemed: 10, expired: 3, expiring_now: 0 });
    const after = await s.loyalty.report({ from: '2026-04-01' });
    expect(after.points).toMatchObject({ earned: 80, adjusted_in: 100, redeemed: 0, expired: 0 });
  });

  it('refuses a date that is none, naming the field, and a period ending before it starts', async () => {
    await expect(s.loyalty.report({ from: '2026-13-01' })).rejects.toMatchObject({ problems: [{ field: 'from' }] });
    await expect(s.loyalty.report({ to: '31.3.2026' })).rejects.toMatchObject({ problems: [{ field: 'to' }] });
    await expect(s.loyalty.report({ from: '2026-04-01', to: '2026-03-31' })).rejects.toMatchObject({ problems: [{ field: 'to' }] });
  });
});
