import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// Pending points (the return window) become spendable at the end of the hold, to the
// minute, and a redemption before is refused saying when, as the business's clock reads it
// (Europe/Ljubljana, UTC+1 in February): the day there, with the hour when that day is today.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-01-01T00:00:00Z');
  await s.loyalty.applyProgram({ program: {
    name: 'Pending', earning: { points_per_currency_unit: 1 }, pending_days: 14,
    rewards: [{ code: 'coffee', name: 'Coffee', type: 'free_product', sku: 'ESP', points: 30 }],
  } }, actor);
});
afterAll(() => s?.close());

/** The coffee redeemed by `customerId` at `at` (the clock set there). */
const redeemAt = (customerId: string, at: string, key: string) => {
  s.clock.set(at);
  return s.loyalty.redeemReward(customerId, { reward: 'coffee', idempotency_key: key }, actor);
};

describe('points in their holding period', () => {
  it('are refused a minute before the hold ends, naming the day and hour there, and spendable at it', async () => {
    // 00:30 on 31 January in Ljubljana (30 January in UTC): spendable from 00:30 on 14 February there (23:30 UTC on the 13th).
    s.clock.set('2026-01-30T23:30:00Z');
    const [p] = await recordAll(s, [{ customer: { email: 'p@example.com' }, external_id: 'H-1', occurred_at: '2026-01-30T23:30:00Z', total: '40.00' }]);
    // 23:00 on 13 February there: the day after, not the 13th (the UTC date of the hold's end).
    await expect(redeemAt(p.customerId, '2026-02-13T22:00:00Z', 'h-1')).rejects.toMatchObject({
      kind: 'conflict', message: 'Not enough points: "Coffee" costs 30 points, 0 are available (40 more points pending, the first spendable on 2026-02-14)',
    });
    // 00:29 on the 14th there: today, at 00:30.
    await expect(redeemAt(p.customerId, '2026-02-13T23:29:00Z', 'h-2')).rejects.toMatchObject({
      message: 'Not enough points: "Coffee" costs 30 points, 0 are available (40 more points pending, the first spendable on 2026-02-14 00:30)',
    });
    await redeemAt(p.customerId, '2026-02-13T23:30:00Z', 'h-3');
    expect(await s.loyalty.account(p.customerId)).toMatchObject({ balance: 10, pending: 0 });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it("count the business's days: the same local time 14 days on, across the change to summer time", async () => {
    // 00:30 on 20 March in Ljubljana (UTC+1) → 00:30 on 3 April there (UTC+2): 22:30 UTC on
    // the 2nd. Regression: 14 × 24 hours made it 01:30 there, an hour late.
    s.clock.set('2026-03-19T23:30:00Z');
    const [p] = await recordAll(s, [{ customer: { email: 'dst@example.com' }, external_id: 'H-2', occurred_at: '2026-03-19T23:30:00Z', total: '40.00' }]);
    await expect(redeemAt(p.customerId, '2026-04-02T22:29:00Z', 'dst-1')).rejects.toMatchObject({
      message: 'Not enough points: "Coffee" costs 30 points, 0 are available (40 more points pending, the first spendable on 2026-04-03 00:30)',
    });
    await redeemAt(p.customerId, '2026-04-02T22:30:00Z', 'dst-2');
    expect(await s.loyalty.account(p.customerId)).toMatchObject({ balance: 10, pending: 0 });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
