import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// A tier by points earned over a rolling 12 months: earnings and bonuses inside the
// window count, older ones do not, and spending points does not lower the metric. Each
// purchase is judged on the 12 months that end at it (the test clock stands at
// 2026-06-01T12:00Z, after all of them).

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Points tiers',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  expiry: { policy: 'none' },
  tiers: {
    metric: 'points', window: 'rolling_12_months', grace_days: 30,
    levels: [{ code: 'member', name: 'Member', threshold: '0' }, { code: 'silver', name: 'Silver', threshold: '100', benefits: { points_multiplier: 2 } }],
  },
  rewards: [{ code: 'coffee', name: 'Free coffee', type: 'free_product', sku: 'ESP', points: 50 }],
};

async function buy(key: string, at: string, total: string) {
  const [o] = await recordAll(s, [{ external_id: key, customer: { email: 'pia@example.com' }, occurred_at: at, total }]);
  return o;
}

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program, effective_from: '2025-01-01T00:00:00Z' }, actor);
});
afterAll(() => s?.close());

describe('tier by points earned in a rolling window', () => {
  it('counts the points earned inside the window, not before it, and not what was spent', async () => {
    // 90 points, thirteen months before the next purchase: outside its window.
    expect((await buy('old', '2025-04-01T10:00:00Z', '90.00')).loyalty).toMatchObject({ points_earned: 90, tier: 'member' });
    // 150 earned in all, 60 of them in the window: still a member.
    const recent = await buy('recent', '2026-05-01T10:00:00Z', '60.00');
    expect(recent.loyalty).toMatchObject({ points_earned: 60, tier: 'member' });
    // Spending 50 leaves the points earned as they were.
    await s.loyalty.redeemReward(recent.customerId, { reward: 'coffee', idempotency_key: 'r1' }, actor);
    // 60 + 45 = 105 in the window: silver (the balance: 90 + 60 − 50 + 45).
    expect((await buy('more', '2026-05-20T10:00:00Z', '45.00')).loyalty).toMatchObject({ points_earned: 45, balance: 145, tier: 'silver' });
  });

  it("moves a member up between their purchases in one group (a batch), counting each one's points inside the window", async () => {
    // 90 points thirteen months before the others (outside their window), then 80 and 30
    // inside it: the 30 crosses silver (110) and earns at member; the 10 after it earns at
    // silver (× 2).
    const at = (key: string, when: string, total: string) => ({ external_id: key, customer: { email: 'quin@example.com' }, occurred_at: when, total });
    const [q3, q0, q2, q1] = await recordAll(s, [
      at('q3', '2026-05-03T10:00:00Z', '10.00'), at('q0', '2025-04-01T10:00:00Z', '90.00'), at('q2', '2026-05-02T10:00:00Z', '30.00'), at('q1', '2026-05-01T10:00:00Z', '80.00'),
    ]);
    expect([q0, q1, q2, q3].map((o) => o.loyalty)).toEqual([
      { points_earned: 90, balance: 90, pending: 0, tier: 'member' },
      { points_earned: 80, balance: 170, pending: 0, tier: 'member' },
      { points_earned: 30, balance: 200, pending: 0, tier: 'silver' },
      { points_earned: 20, balance: 220, pending: 0, tier: 'silver' },
    ]);
    expect((await s.loyalty.tierHistory(q0.customerId)).items.map((h) => h.to)).toEqual(['silver']);
  });
});
