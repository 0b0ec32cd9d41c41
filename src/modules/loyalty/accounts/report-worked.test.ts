import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { deliver } from '../../../../test/helpers/deliver.ts';

// The README's worked report (API, "The liability is …"): a referral paid and one taken
// back by a refund, an expired lot, a reward, pending points. Liability, pending and the
// rates worked out by hand there; this holds the report to them.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Worked', point_value: '0.01', pending_days: 14, earning: { points_per_currency_unit: 1 },
  expiry: { policy: 'per_lot', months: 12 },
  bonuses: { referral: { referrer: 500, friend: 250, minimum_purchase: '15.00' } },
  rewards: [{ code: 'coffee', name: 'Coffee', type: 'free_product', sku: 'COF', points: 200 }],
};

async function buy(email: string, key: string, total: string, at: string) {
  const [o] = await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total }]);
  return o;
}

beforeAll(async () => {
  s = await openTestServices(); // the clock stands at 2026-06-01 12:00 UTC
  await s.loyalty.applyProgram({ program, effective_from: '2025-01-01T00:00:00Z' }, actor);
});
afterAll(() => s?.close());

describe("the README's worked loyalty report", () => {
  it('counts the liability with pending points in it, and the rates over the points issued', async () => {
    const a = (await buy('a@example.com', 'a-old', '50.00', '2025-05-01T10:00:00Z')).customerId; // expired on 2026-05-01
    await buy('a@example.com', 'a-1', '300.00', '2026-05-01T10:00:00Z');
    await s.loyalty.redeemReward(a, { reward: 'coffee', idempotency_key: 'a-coffee' }, actor);
    const { code } = await s.loyalty.referralCode(a);
    const f = await s.customers.upsert({ email: 'f@example.com' }, actor);
    await s.loyalty.claimReferral(f.customer.id, { code }, actor);
    await buy('f@example.com', 'f-1', '10.00', '2026-05-10T10:00:00Z'); // below the minimum; spendable from 24 May
    await buy('f@example.com', 'f-2', '20.00', '2026-05-28T10:00:00Z'); // qualifies: 20 + 250, and A's 500, pending until 11 June
    const g = await s.customers.upsert({ email: 'g@example.com' }, actor);
    await s.loyalty.claimReferral(g.customer.id, { code }, actor);
    const g1 = await buy('g@example.com', 'g-1', '40.00', '2026-05-28T10:00:00Z');
    await deliver(s, 'loyalty.referral_qualified');
    await s.commerce.refund(g1.purchaseId, { external_id: 'g-1-back' }, actor);
    await deliver(s, 'loyalty.referral_revoked');

    const report = await s.loyalty.report();
    expect(report.points).toMatchObject({ earned: 1920, reversed: 790, owed: 0, issued: 1130, redeemed: 200, expired: 50, outstanding: 880, pending: 770 });
    expect(report.liability).toEqual({ points: 880, value: '8.80', point_value: '0.01', currency: 'EUR' });
    expect(report.redemption_rate).toBeCloseTo(200 / 1130, 10);
    expect(report.breakage_rate).toBeCloseTo(50 / 1130, 10);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
