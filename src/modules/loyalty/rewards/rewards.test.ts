import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { exportCustomer, mergeCustomers } from '../../../workflows/customer-lifecycle.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { AppError } from '../../../shared/errors.ts';

// Promotion coupons in bulk, gift cards, stock, and what merging and exporting a
// customer do to their points.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Rewards',
  earning: { points_per_currency_unit: 10 },
  tiers: { metric: 'purchases', window: 'lifetime', levels: [{ code: 'member', name: 'Member', threshold: '0' }, { code: 'regular', name: 'Regular', threshold: '3' }] },
  rewards: [
    { code: 'card', name: 'Gift card', type: 'gift_card', amount: '10.00', points: 100 },
    { code: 'mug', name: 'Mug', type: 'free_product', sku: 'MUG', points: 50, stock: 2 },
    { code: 'cake', name: 'Cake', type: 'free_product', sku: 'CAKE', points: 50 },
  ],
};

async function buy(email: string, key: string, total: string) {
  const [o] = await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: '2026-05-20T10:00:00Z', total }]);
  return o;
}

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

describe('promotion coupons', () => {
  it('makes unique single-use codes in bulk', async () => {
    const campaign = await s.loyalty.createCampaign({ name: 'Spring', idempotency_key: 'spring', benefit: { type: 'percent_discount', percent: 15 }, count: 500, expires_at: '2026-07-01T00:00:00Z' }, actor);
    expect(new Set(campaign.codes).size).toBe(500);
    const code = campaign.codes[0];
    expect((await s.loyalty.useCoupon(code, { idempotency_key: 'k1' }, actor)).coupon.status).toBe('used');
    await expect(s.loyalty.useCoupon(code, { idempotency_key: 'k2' }, actor)).rejects.toMatchObject({ kind: 'conflict' });
    s.clock.set('2026-07-02T00:00:00Z');
    expect(await s.loyalty.coupon(campaign.codes[1])).toMatchObject({ usable: false, problem: expect.stringMatching(/expired/) });
    await expect(s.loyalty.useCoupon(campaign.codes[1], { idempotency_key: 'k3' }, actor)).rejects.toMatchObject({ message: /expired/ });
    s.clock.set('2026-06-01T12:00:00Z');
  });

  it('makes one shared code with a per-customer limit', async () => {
    const a = await buy('a@example.com', 'a1', '5.00');
    const b = await buy('b@example.com', 'b1', '5.00');
    await s.loyalty.createCampaign({ name: 'Summer', idempotency_key: 'summer', benefit: { type: 'fixed_discount', amount: '3.00' }, code: 'SUMMER26', max_uses: 1000, per_customer_limit: 1 }, actor);
    await expect(s.loyalty.createCampaign({ name: 'Again', idempotency_key: 'again', benefit: { type: 'fixed_discount', amount: '3.00' }, code: 'summer26' }, actor)).rejects.toMatchObject({ kind: 'conflict' });
    await expect(s.loyalty.useCoupon('summer26', { idempotency_key: 'x' }, actor)).rejects.toMatchObject({ problems: [{ field: 'customer_id' }] });
    await s.loyalty.useCoupon('summer26', { idempotency_key: 'a', customer_id: a.customerId }, actor);
    await s.loyalty.useCoupon('summer26', { idempotency_key: 'b', customer_id: b.customerId }, actor);
    await expect(s.loyalty.useCoupon('summer26', { idempotency_key: 'a2', customer_id: a.customerId }, actor)).rejects.toMatchObject({ message: /limit 1/ });
    expect(await s.loyalty.coupon('SUMMER26')).toMatchObject({ uses: 2, usable: true });
    await expect(s.loyalty.createCampaign({ name: 'Bad', idempotency_key: 'bad', benefit: { type: 'fixed_discount', amount: '3.001' }, count: 1 }, actor)).rejects.toMatchObject({ problems: [{ field: 'benefit.amount' }] });
  });

  // Regression: the limit counted the customer's uses of the one code, so a campaign of
  // unique codes let a customer use one of each whatever the limit.
  it("counts a campaign's per-customer limit over all its codes", async () => {
    const a = (await buy('limit-a@example.com', 'la1', '5.00')).customerId;
    const b = (await buy('limit-b@example.com', 'lb1', '5.00')).customerId;
    const nobody = '00000000-0000-4000-8000-0000000000aa'; // no customer: refused, no use counted
    const { id, codes } = await s.loyalty.createCampaign({ name: 'Welcome back', idempotency_key: 'welcome', benefit: { type: 'percent_discount', percent: 10 }, count: 6, per_customer_limit: 1 }, actor);
    const use = (code: string, customer: string, key: string) => s.loyalty.useCoupon(code, { idempotency_key: key, customer_id: customer }, actor);
    await use(codes[0], a, 'w-a1');
    await expect(use(codes[1], a, 'w-a2')).rejects.toMatchObject({ kind: 'conflict', message: 'Coupon ' + codes[1] + ' cannot be used: codes were already used 1 time by this customer in campaign "Welcome back" (limit 1)' });
    await use(codes[1], b, 'w-b1');
    // Regression: an id of no customer was recorded as given, a use burnt and the limit escaped with a new made-up id each time.
    await expect(use(codes[2], nobody, 'w-n1')).rejects.toMatchObject({ kind: 'not_found', message: `Customer ${nobody} not found` });
    expect(await s.loyalty.coupon(codes[2])).toMatchObject({ uses: 0, usable: true });
    // The person's uses under a merged id count too (the merge moved them).
    await mergeCustomers(s, b, { from: a }, actor);
    await expect(use(codes[4], b, 'w-b2')).rejects.toMatchObject({ kind: 'conflict', message: /used 2 times by this customer in campaign "Welcome back" \(limit 1\)/ });
    const uses = await s.db.selectFrom('coupon_uses').select(['customer_id', 'campaign_id']).where('idempotency_key', 'like', 'w-%').orderBy('idempotency_key').execute();
    expect(uses).toEqual([{ customer_id: b, campaign_id: id }, { customer_id: b, campaign_id: id }]);

    // A limit of 2 allows two of the codes; a code outside any campaign is limited on its own.
    const two = await s.loyalty.createCampaign({ name: 'Twice', idempotency_key: 'twice', benefit: { type: 'percent_discount', percent: 5 }, count: 3, per_customer_limit: 2 }, actor);
    await use(two.codes[0], b, 't-1');
    await use(two.codes[1], b, 't-2');
    await expect(use(two.codes[2], b, 't-3')).rejects.toMatchObject({ message: /by this customer in campaign "Twice" \(limit 2\)/ });
    await s.db.insertInto('coupons').values({ code: 'LONE2026', kind: 'promotion', benefit: '{}', status: 'active', max_uses: 10, uses: 0, per_customer_limit: 1, created_at: s.clock.now() }).execute();
    await use('LONE2026', b, 'lone-1');
    await expect(use('LONE2026', b, 'lone-2')).rejects.toMatchObject({ message: 'Coupon LONE-2026 was already used 1 time by this customer (limit 1)' });
  });
});

describe('gift cards and stock', () => {
  it('spends a gift card reward down to zero, never below', async () => {
    const c = await buy('c@example.com', 'c1', '20.00'); // 200 points
    const { gift_card } = await s.loyalty.redeemReward(c.customerId, { reward: 'card', idempotency_key: 'g' }, actor);
    expect(gift_card).toMatchObject({ balance: '10.00', currency: 'EUR' });
    const charge = await s.loyalty.chargeGiftCard(gift_card!.code, { amount: '7.50', idempotency_key: 'o-1', order_ref: 'o-1' }, actor);
    expect(charge.gift_card.balance).toBe('2.50');
    expect((await s.loyalty.chargeGiftCard(gift_card!.code, { amount: '7.50', idempotency_key: 'o-1', order_ref: 'o-1' }, actor)).created).toBe(false);
    await expect(s.loyalty.chargeGiftCard(gift_card!.code, { amount: '3.00', idempotency_key: 'o-2' }, actor)).rejects.toMatchObject({ kind: 'conflict', message: /balance is €2\.50/ });
    expect((await s.loyalty.giftCard(gift_card!.code)).balance).toBe('2.50');
  });

  it('tells a refusal with money as each language writes it, never "5.00 EUR"', async () => {
    const card = await s.loyalty.issueGiftCard({ amount: '5.00', idempotency_key: 'five' }, actor);
    const tooMuch = await s.loyalty.chargeGiftCard(card.code, { amount: '1234.50', idempotency_key: 'too-much' }, actor).catch((e: AppError) => e);
    expect(tooMuch).toBeInstanceOf(AppError);
    const told = tooMuch as AppError;
    expect(told.in('en')).toEqual({ message: 'Gift card balance is €5.00, less than €1,234.50', problems: [{ field: 'amount', reason: 'must be at most €5.00' }] });
    expect(told.in('sl')).toEqual({ message: 'Stanje darilne kartice je 5,00\u00a0€, manj kot 1234,50\u00a0€', problems: [{ field: 'amount', reason: 'mora biti največ 5,00\u00a0€' }] });
    expect(told.in('tr').message).toBe('Hediye kartı bakiyesi €5,00; €1.234,50 tutarından az');

    // A refund past what its charge has left, as both languages write it too.
    await s.loyalty.chargeGiftCard(card.code, { amount: '3.00', idempotency_key: 'pay' }, actor);
    const over = await s.loyalty.refundGiftCard(card.code, { charge_key: 'pay', amount: '3.50', idempotency_key: 'back' }, actor).catch((e: AppError) => e);
    expect((over as AppError).in('en').message).toBe('Charge pay took €3.00; €3.00 of it is left to give back, less than €3.50');
    expect((over as AppError).in('sl').message).toBe('Plačilo pay je odvzelo 3,00\u00a0€; za vračilo ostaja 3,00\u00a0€, manj kot 3,50\u00a0€');
    expect((await s.loyalty.giftCard(card.code)).balance).toBe('2.00');
  });

  it('stops issuing a reward when its stock is gone', async () => {
    const d = await buy('d@example.com', 'd1', '30.00'); // 300 points
    await s.loyalty.redeemReward(d.customerId, { reward: 'mug', idempotency_key: 'm1' }, actor);
    await s.loyalty.redeemReward(d.customerId, { reward: 'mug', idempotency_key: 'm2' }, actor);
    await expect(s.loyalty.redeemReward(d.customerId, { reward: 'mug', idempotency_key: 'm3' }, actor)).rejects.toMatchObject({ kind: 'conflict', message: /out of stock/ });
    const account = await s.loyalty.account(d.customerId);
    if (!account.member) throw new Error();
    expect(account.balance).toBe(200); // the refused redemption took nothing
    expect((await s.loyalty.rewards()).rewards.find((r) => r.code === 'mug')).toMatchObject({ left: 0 });
  });
});

describe('merge and export', () => {
  it('moves the merged member’s lots (with their expiry) and keeps the higher tier', async () => {
    const x = await buy('x@example.com', 'x1', '10.00'); // 100
    for (const k of ['y1', 'y2', 'y3']) await buy('y@example.com', k, '1.00'); // 30, tier regular
    const y = (await s.customers.findByIdentity({ kind: 'email', value: 'y@example.com' }))!;
    await s.loyalty.redeemReward(x.customerId, { reward: 'mug', idempotency_key: 'nope' }, actor).catch(() => undefined);
    const merged = await mergeCustomers(s, x.customerId, { from: y }, actor);
    expect(merged.moved).toMatchObject({ loyalty_points: 30 });
    const account = await s.loyalty.account(x.customerId);
    if (!account.member) throw new Error();
    expect(account.balance).toBe(130);
    expect(account.tier?.code).toBe('regular');
    expect((await s.loyalty.verify()).ok).toBe(true);
    const exported = await exportCustomer(s, x.customerId, { actor: 'system' });
    expect(exported.loyalty).toMatchObject({ member: true, balance: 130 });
  });

  it("exports a member's coupons as the coupon endpoints show them", async () => {
    const g = await buy('g@example.com', 'g1', '20.00'); // 200
    const { coupon } = await s.loyalty.redeemReward(g.customerId, { reward: 'cake', idempotency_key: 'g-cake' }, actor);
    await s.loyalty.useCoupon(coupon!.code, { idempotency_key: 'g-use', order_ref: 'till-7' }, actor);
    const listed = (await s.loyalty.couponsOf(g.customerId)).items.map(({ usable: _usable, ...c }) => c);
    const exported = await exportCustomer(s, g.customerId, { actor: 'system' });
    expect(listed).toEqual([expect.objectContaining({ code: coupon!.code, reward: 'cake', status: 'used', issued_at: expect.any(String) })]);
    expect(exported.loyalty).toMatchObject({ coupons: listed, coupon_uses: [{ code: coupon!.code, order_ref: 'till-7' }] });
  });
});

describe('redemptions written together', () => {
  it('answers each of many concurrent requests as if it were alone', async () => {
    const e = await buy('e@example.com', 'e1', '30.00'); // 300 points: three gift cards of 100
    const nobody = '00000000-0000-4000-8000-00000000dead';
    const redeem = (customerId: string, reward: string, key: string) => s.loyalty.redeemReward(customerId, { reward, idempotency_key: key }, actor);
    // Submitted in the same turn of the event loop, so written as one group, in this order.
    const [first, again, otherReward, second, third, fourth, stranger] = await Promise.allSettled([
      redeem(e.customerId, 'card', 'e-1'), redeem(e.customerId, 'card', 'e-1'), redeem(e.customerId, 'mug', 'e-1'),
      redeem(e.customerId, 'card', 'e-2'), redeem(e.customerId, 'card', 'e-3'), redeem(e.customerId, 'card', 'e-4'), redeem(nobody, 'card', 'x-1'),
    ]);
    const value = (r: PromiseSettledResult<Awaited<ReturnType<typeof redeem>>>) => (r.status === 'fulfilled' ? r.value : undefined);
    const reason = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? r.reason : undefined);
    expect(value(first)).toMatchObject({ created: true, points_spent: 100 });
    expect(value(again)).toEqual({ created: false, gift_card: value(first)!.gift_card, points_spent: 100 });
    expect(reason(otherReward)).toMatchObject({ kind: 'conflict', message: /different reward/ });
    expect(value(second)?.created).toBe(true);
    expect(value(third)?.created).toBe(true);
    expect(reason(fourth)).toMatchObject({ kind: 'conflict', message: 'Not enough points: "Gift card" costs 100 points, 0 are available' });
    expect(reason(stranger)).toMatchObject({ kind: 'not_found' });
    // The replay after the group reads back what the group wrote.
    expect(await redeem(e.customerId, 'card', 'e-2')).toEqual({ created: false, gift_card: value(second)!.gift_card, points_spent: 100 });
    const account = await s.loyalty.account(e.customerId);
    if (!account.member) throw new Error();
    expect(account.balance).toBe(0);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
