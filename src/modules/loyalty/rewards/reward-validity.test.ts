import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// A reward's valid_days are the business's days (Europe/Ljubljana here), as points expiry,
// pending points and tier periods count them: a coupon or gift card bought at 12:00 is
// good until 12:00 there valid_days later, across a change of summer time too.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-01-01T00:00:00Z');
  await s.loyalty.applyProgram({ program: {
    name: 'Validity', earning: { points_per_currency_unit: 10 },
    rewards: [
      { code: 'coffee', name: 'Coffee', type: 'free_product', sku: 'ESP', points: 30, valid_days: 30 },
      { code: 'card', name: 'Gift card', type: 'gift_card', amount: '5.00', points: 50, valid_days: 30 },
    ],
  } }, actor);
});
afterAll(() => s?.close());

describe("a reward's validity", () => {
  it("counts the business's days: 30 days from 12:00 on 20 March is 12:00 on 19 April there, across summer time", async () => {
    s.clock.set('2026-03-20T11:00:00Z'); // 12:00 in Ljubljana (UTC+1)
    const [p] = await recordAll(s, [{ customer: { email: 'dst@example.com' }, external_id: 'V-1', occurred_at: '2026-03-20T11:00:00Z', total: '10.00' }]);
    const coupon = await s.loyalty.redeemReward(p.customerId, { reward: 'coffee', idempotency_key: 'v-coffee' }, actor);
    const card = await s.loyalty.redeemReward(p.customerId, { reward: 'card', idempotency_key: 'v-card' }, actor);
    // 12:00 on 19 April in Ljubljana (UTC+2) is 10:00 UTC. Regression: 30 × 24 hours made it 11:00 UTC, 13:00 there.
    expect(coupon.coupon?.expires_at).toBe('2026-04-19T10:00:00.000Z');
    expect(card.gift_card?.expires_at).toBe('2026-04-19T10:00:00.000Z');
    s.clock.set('2026-04-19T10:00:00Z');
    expect(await s.loyalty.coupon(coupon.coupon!.code)).toMatchObject({ usable: false, problem_code: 'expired' });
    await expect(s.loyalty.useCoupon(coupon.coupon!.code, { idempotency_key: 'late' }, actor)).rejects.toMatchObject({ kind: 'conflict', message: /expired/ });
    await expect(s.loyalty.chargeGiftCard(card.gift_card!.code, { amount: '1.00', idempotency_key: 'late' }, actor)).rejects.toMatchObject({ kind: 'conflict' });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it("counts them for a birthday gift too: 30 days from a birthday's 12:00 is 12:00 there 30 days on", async () => {
    s.clock.set('2027-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program: {
      name: 'Validity', earning: { points_per_currency_unit: 10 },
      tiers: { metric: 'spend', window: 'lifetime', levels: [{ code: 'member', name: 'Member', threshold: '0', benefits: { birthday_reward: 'coffee' } }] },
      rewards: [{ code: 'coffee', name: 'Coffee', type: 'free_product', sku: 'ESP', points: 30, valid_days: 30 }],
    } }, actor);
    await recordAll(s, [{ customer: { email: 'bday@example.com', birthday: '1990-03-20' }, external_id: 'V-2', occurred_at: '2027-01-01T00:00:00Z', total: '10.00' }]);
    const now = new Date('2027-03-20T11:00:00Z'); // 12:00 in Ljubljana (UTC+1); summer time from 28 March
    s.clock.set(now);
    await s.loyalty.maintenance.birthdays(now);
    const gifts = await s.db.selectFrom('coupons').select(['expires_at']).where('kind', '=', 'reward').where('valid_from', '=', now).execute();
    // 12:00 on 19 April there (UTC+2) is 10:00 UTC. Regression: 30 × 24 hours made it 11:00 UTC.
    expect(gifts.map((g) => new Date(g.expires_at!).toISOString())).toEqual(['2027-04-19T10:00:00.000Z']);
  });
});
