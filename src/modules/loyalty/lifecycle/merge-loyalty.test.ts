import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { deliver, handedOver } from '../../../../test/helpers/deliver.ts';
import { exportCustomer, mergeCustomers } from '../../../workflows/customer-lifecycle.ts';

// What a merge does with everything the loyalty module keeps per customer besides the
// points: coupons and their uses, gift cards, referral codes and referrals, challenge
// progress and tier history all end up with the survivor, usable and counted there, and
// the ledger still verifies.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Merges',
  earning: { points_per_currency_unit: 10 },
  bonuses: { referral: { referrer: 500, friend: 250, minimum_purchase: '15.00' } },
  tiers: { metric: 'purchases', window: 'lifetime', levels: [{ code: 'member', name: 'Member', threshold: '0' }, { code: 'regular', name: 'Regular', threshold: '3' }] },
  rewards: [
    { code: 'mug', name: 'Mug', type: 'free_product', sku: 'MUG', points: 50 },
    { code: 'card', name: 'Gift card', type: 'gift_card', amount: '10.00', points: 100 },
  ],
  challenges: [{ code: 'two-visits', name: '2 visits in 30 days', goal: { type: 'visits', count: 2, within_days: 30 }, points: 40 }],
};

async function buy(email: string, key: string, total: string, at = '2026-05-20T10:00:00Z') {
  const [o] = await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total }]);
  return o;
}
const newCustomer = async (email: string) => (await s.customers.upsert({ email, first_name: 'Friend' }, actor)).customer.id;
const merge = (survivor: string, from: string) => mergeCustomers(s, survivor, { from }, actor);
const referralOf = (friend: string) => s.db.selectFrom('loyalty_referrals').selectAll().where('customer_id', '=', friend).executeTakeFirst();
const balance = async (id: string) => {
  const a = await s.loyalty.account(id);
  if (!a.member) throw new Error('not a member');
  return a.balance;
};

// As the job queue hands them over: each delivery below the events not handed over yet.
const handed = handedOver();

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
  await s.loyalty.createCampaign({ name: 'Shared', idempotency_key: 'shared', benefit: { type: 'fixed_discount', amount: '2.00' }, code: 'SHARED26', max_uses: 1000, per_customer_limit: 1 }, actor);
});
afterAll(() => s?.close());

describe('coupons and gift cards', () => {
  it("makes the merged customer's reward coupon, gift card and coupon uses the survivor's", async () => {
    const a = (await buy('ana@example.com', 'a1', '20.00')).customerId; // 200 points
    const b = (await buy('ana.novak@example.com', 'b1', '5.00')).customerId;
    const { coupon } = await s.loyalty.redeemReward(a, { reward: 'mug', idempotency_key: 'mug-1' }, actor);
    const { gift_card } = await s.loyalty.redeemReward(a, { reward: 'card', idempotency_key: 'card-1' }, actor);
    await s.loyalty.useCoupon('SHARED26', { idempotency_key: 'shared-a', customer_id: a }, actor);

    const { moved } = await merge(b, a);
    expect(moved).toMatchObject({ loyalty_points: 50, coupons: 1, coupon_uses: 1, gift_cards: 1 });
    // The unused reward coupon is the survivor's: listed, and usable at the till with the survivor's id.
    expect((await s.loyalty.couponsOf(b)).items.map((c) => c.code)).toEqual([coupon!.code]);
    // None stays with the merged id, and a read of it answers the survivor's.
    expect(await s.db.selectFrom('coupons').select('code').where('customer_id', '=', a).execute()).toEqual([]);
    expect(await s.loyalty.couponsOf(a)).toEqual(await s.loyalty.couponsOf(b));
    const used = await s.loyalty.useCoupon(coupon!.code, { idempotency_key: 'till-1', customer_id: b, order_ref: 'o-1' }, actor);
    expect(used).toMatchObject({ created: true, coupon: { customer_id: b, status: 'used' } });
    // The shared code's limit of one use per customer counts the use made as the merged customer.
    await expect(s.loyalty.useCoupon('SHARED26', { idempotency_key: 'shared-b', customer_id: b }, actor)).rejects.toMatchObject({ kind: 'conflict', message: /limit 1/ });
    // The gift card is the survivor's and keeps its balance.
    expect(await s.loyalty.giftCard(gift_card!.code)).toMatchObject({ customer_id: b, balance: '10.00' });
    expect((await s.loyalty.chargeGiftCard(gift_card!.code, { amount: '4.00', idempotency_key: 'gc-1' }, actor)).gift_card.balance).toBe('6.00');
    expect(await balance(b)).toBe(50 + 50);
    expect((await s.loyalty.verify()).ok).toBe(true);
    // The survivor's data-access export holds them as its own.
    const exported = await exportCustomer(s, b, { actor: 'system' });
    expect(exported.loyalty).toMatchObject({
      member: true, balance: 100,
      coupons: [{ code: coupon!.code, status: 'used' }],
      coupon_uses: expect.arrayContaining([expect.objectContaining({ code: 'SHARED26' }), expect.objectContaining({ code: coupon!.code, order_ref: 'o-1' })]),
      gift_cards: [{ code: gift_card!.code, balance: '6.00' }],
    });
  });

  it('moves the records of a customer who never joined the program', async () => {
    const a = await newCustomer('never-joined@example.com');
    const b = (await buy('joined@example.com', 'j1', '5.00')).customerId;
    const issued = await s.loyalty.issueGiftCard({ amount: '25.00', idempotency_key: 'gift-for-a', customer_id: a }, actor);
    await s.loyalty.useCoupon('SHARED26', { idempotency_key: 'shared-never', customer_id: a }, actor);
    expect(await s.db.selectFrom('loyalty_members').select('customer_id').where('customer_id', '=', a).executeTakeFirst()).toBeUndefined();
    const { moved } = await merge(b, a);
    expect(moved).toMatchObject({ loyalty_points: 0, gift_cards: 1, coupon_uses: 1 });
    expect((await s.loyalty.giftCard(issued.code)).customer_id).toBe(b);
    await expect(s.loyalty.useCoupon('SHARED26', { idempotency_key: 'shared-joined', customer_id: b }, actor)).rejects.toMatchObject({ message: /limit 1/ });
  });

  it('moves nothing when a held checkout reservation refuses the merge', async () => {
    const a = (await buy('held@example.com', 'h1', '20.00')).customerId;
    const b = (await buy('held.too@example.com', 'h2', '1.00')).customerId;
    const { coupon } = await s.loyalty.redeemReward(a, { reward: 'mug', idempotency_key: 'mug-held' }, actor);
    const hold = await s.loyalty.reserve(a, { points: 20, idempotency_key: 'hold-1' }, actor);
    await expect(merge(b, a)).rejects.toMatchObject({ kind: 'conflict', message: /reservation/ });
    expect((await s.loyalty.coupon(coupon!.code)).customer_id).toBe(a);
    await s.loyalty.release(a, hold.reservation.id);
    expect((await merge(b, a)).moved).toMatchObject({ coupons: 1 });
    expect((await s.loyalty.coupon(coupon!.code)).customer_id).toBe(b);
  });
});

describe('referrals', () => {
  it('keeps both directions with the survivor, and the merged code brings friends to the survivor', async () => {
    const r = (await buy('referrer@example.com', 'r1', '5.00')).customerId;
    const { code: rCode } = await s.loyalty.referralCode(r);
    // A was referred by R, and referred F; the survivor B has neither a referral nor a code.
    const a = await newCustomer('a-ref@example.com');
    await s.loyalty.claimReferral(a, { code: rCode }, actor);
    await buy('a-ref@example.com', 'ar1', '5.00'); // below the minimum: still pending, and A is a member now
    const { code: aCode } = await s.loyalty.referralCode(a);
    const f = await newCustomer('f-ref@example.com');
    await s.loyalty.claimReferral(f, { code: aCode }, actor);
    const b = await newCustomer('b-ref@example.com');

    const { moved } = await merge(b, a);
    expect(moved).toMatchObject({ referrals: 2, referrals_rejected: 0, referral_codes: 1 });
    expect(await referralOf(a)).toBeUndefined();
    expect(await referralOf(b)).toMatchObject({ referrer_id: r, status: 'pending' });
    expect(await referralOf(f)).toMatchObject({ referrer_id: b, status: 'pending' });
    // The code A shared is B's now: the account shows it, and a new friend's claim names B.
    expect(await s.loyalty.referralCode(b)).toEqual({ code: aCode, referral_link: null, created: false });
    const g = await newCustomer('g-ref@example.com');
    await s.loyalty.claimReferral(g, { code: aCode }, actor);
    expect(await referralOf(g)).toMatchObject({ referrer_id: b });

    // F's qualifying purchase rewards B as the referrer; B's own rewards B as the friend, and R.
    await buy('f-ref@example.com', 'fr1', '20.00');
    const bBefore = await balance(b);
    await deliver(s, 'loyalty.referral_qualified', { handed });
    expect(await balance(b)).toBe(bBefore + 500);
    const rBefore = await balance(r);
    expect((await buy('b-ref@example.com', 'br1', '20.00')).loyalty).toMatchObject({ points_earned: 200 + 250 });
    await deliver(s, 'loyalty.referral_qualified', { handed });
    expect(await balance(r)).toBe(rBefore + 500);
    expect(await referralOf(b)).toMatchObject({ status: 'rewarded' });
    expect((await s.loyalty.verify()).ok).toBe(true);
    const exported = await exportCustomer(s, b, { actor: 'system' });
    expect(exported.loyalty).toMatchObject({ referral_code: aCode, referred_by: [{ referrer_id: r, status: 'rewarded' }] });
    expect((exported.loyalty as { referred: { friend_id: string }[] }).referred.map((x) => x.friend_id).sort()).toEqual([f, g].sort());
  });

  it("keeps the merged customer's code working for the survivor, who shows its own", async () => {
    const a = (await buy('two-codes-a@example.com', 'tc1', '5.00')).customerId;
    const b = (await buy('two-codes-b@example.com', 'tc2', '5.00')).customerId;
    const { code: aCode } = await s.loyalty.referralCode(a);
    const { code: bCode } = await s.loyalty.referralCode(b);
    expect((await merge(b, a)).moved).toMatchObject({ referral_codes: 1 });
    expect(await s.loyalty.referralCode(b)).toEqual({ code: bCode, referral_link: null, created: false });
    // A friend who got the merged customer's code refers them to the survivor.
    const friend = await newCustomer('late-friend@example.com');
    await s.loyalty.claimReferral(friend, { code: aCode }, actor);
    const referral = await s.db.selectFrom('loyalty_referrals').select(['referrer_id', 'status']).where('customer_id', '=', friend).executeTakeFirstOrThrow();
    expect(referral).toEqual({ referrer_id: b, status: 'pending' });
    // The merged member's row keeps no code; a read of its id answers the survivor's account, with its own code.
    expect(await s.db.selectFrom('loyalty_members').select('referral_code').where('customer_id', '=', a).executeTakeFirstOrThrow()).toEqual({ referral_code: null });
    expect(await s.loyalty.account(a)).toMatchObject({ customer_id: b, referral_code: bCode });
  });

  it('never makes a self-referral when one of the two referred the other', async () => {
    // A was referred by the survivor B.
    const b = (await buy('self-b@example.com', 's1', '5.00')).customerId;
    const a = await newCustomer('self-a@example.com');
    await s.loyalty.claimReferral(a, { code: (await s.loyalty.referralCode(b)).code }, actor);
    expect((await merge(b, a)).moved).toMatchObject({ referrals: 0, referrals_rejected: 1 });
    expect(await referralOf(b)).toBeUndefined();
    expect(await referralOf(a)).toMatchObject({ referrer_id: b, status: 'rejected', reason: expect.stringMatching(/self-referral/) });

    // The survivor D was referred by the merged C.
    const c = (await buy('self-c@example.com', 's2', '5.00')).customerId;
    const d = await newCustomer('self-d@example.com');
    await s.loyalty.claimReferral(d, { code: (await s.loyalty.referralCode(c)).code }, actor);
    expect((await merge(d, c)).moved).toMatchObject({ referrals: 0, referrals_rejected: 1 });
    expect(await referralOf(d)).toMatchObject({ referrer_id: c, status: 'rejected', reason: expect.stringMatching(/self-referral/) });
    // D's next purchase rewards nobody for referring D.
    expect((await buy('self-d@example.com', 's3', '20.00')).loyalty).toMatchObject({ points_earned: 200 });

    const selfReferrals = await s.db.selectFrom('loyalty_referrals').select('customer_id').whereRef('customer_id', '=', 'referrer_id').execute();
    expect(selfReferrals).toEqual([]);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it("rejects a pending referral that moves to a survivor who had bought before it, or who was referred already", async () => {
    const r = (await buy('ref-owner@example.com', 'ro1', '5.00')).customerId;
    const { code } = await s.loyalty.referralCode(r);
    // An old customer signs up again with a friend's code: merged back, the referral is not for a new customer.
    const old = (await buy('old-regular@example.com', 'or1', '30.00')).customerId;
    s.clock.set('2026-06-01T13:00:00Z'); // the claim comes after the old customer's purchase was recorded
    const again = await newCustomer('old-regular+new@example.com');
    await s.loyalty.claimReferral(again, { code }, actor);
    expect((await merge(old, again)).moved).toMatchObject({ referrals: 1, referrals_rejected: 1 });
    expect(await referralOf(old)).toMatchObject({ referrer_id: r, status: 'rejected', reason: expect.stringMatching(/bought before/) });

    // Both referred (by different members): the survivor keeps its own, the other ends.
    const r2 = (await buy('ref-owner-2@example.com', 'ro2', '5.00')).customerId;
    const x = await newCustomer('both-x@example.com');
    const y = await newCustomer('both-y@example.com');
    await s.loyalty.claimReferral(x, { code }, actor);
    await s.loyalty.claimReferral(y, { code: (await s.loyalty.referralCode(r2)).code }, actor);
    expect((await merge(y, x)).moved).toMatchObject({ referrals: 0, referrals_rejected: 1 });
    expect(await referralOf(y)).toMatchObject({ referrer_id: r2, status: 'pending' });
    expect(await referralOf(x)).toMatchObject({ referrer_id: r, status: 'rejected', reason: expect.stringMatching(/referred already/) });
  });
});

describe('challenges and tiers', () => {
  it('brings challenge completions and tier history to the survivor, one completion per day', async () => {
    // Both complete "2 visits" on the same day (a completion is dated at the purchase that
    // reached it: A's second visit, 05-05 08:00); A also reaches the higher tier.
    let a = '';
    for (const [i, at] of ['2026-05-01T09:00:00Z', '2026-05-05T08:00:00Z', '2026-05-05T09:00:00Z'].entries()) a = (await buy('chal-a@example.com', `ca${i}`, '2.00', at)).customerId;
    let b = '';
    for (const [i, d] of ['2026-05-02', '2026-05-05'].entries()) b = (await buy('chal-b@example.com', `cb${i}`, '2.00', `${d}T11:00:00Z`)).customerId;
    await deliver(s, 'purchase.recorded', { handed });
    const completed = async (id: string) => s.db.selectFrom('challenge_progress').select(['challenge_code', 'window_start', 'completed_at']).where('customer_id', '=', id).execute();
    expect(await completed(a)).toHaveLength(1);
    expect(await completed(b)).toHaveLength(1);
    expect((await s.loyalty.tierHistory(a)).items.map((h) => h.to)).toEqual(['regular']);

    s.clock.set('2026-06-02T12:00:00Z'); // the merge's tier change after A's (both are stamped with the clock)
    const { moved } = await merge(b, a);
    expect(moved).toMatchObject({ challenge_progress: 1, tier_history: 1 });
    expect(await completed(a)).toEqual([]);
    // One row for the day: the later completion.
    expect(await completed(b)).toMatchObject([{ challenge_code: 'two-visits', completed_at: new Date('2026-05-05T11:00:00Z') }]);
    const account = await s.loyalty.account(b);
    if (!account.member) throw new Error();
    expect(account.challenges.find((c) => c.code === 'two-visits')).toMatchObject({ completed: 1 });
    expect(account.tier?.code).toBe('regular');
    // A's change, then the merge's own.
    expect((await s.loyalty.tierHistory(b)).items.map((h) => [h.to, h.reason])).toEqual([['regular', 'qualified'], ['regular', 'merge']]);
    // None stays with the merged id, and a read of it answers the survivor's.
    expect(await s.db.selectFrom('loyalty_tier_history').select('to_tier').where('customer_id', '=', a).execute()).toEqual([]);
    expect(await s.loyalty.tierHistory(a)).toEqual(await s.loyalty.tierHistory(b));
    // The challenge does not repeat: the person's visits as either customer complete it no more.
    const before = await balance(b);
    await buy('chal-b@example.com', 'cb-next', '2.00', '2026-05-21T09:00:00Z');
    await deliver(s, 'purchase.recorded', { handed });
    expect(await balance(b)).toBe(before + 20);
    expect((await s.loyalty.verify()).ok).toBe(true);
    const exported = await exportCustomer(s, b, { actor: 'system' });
    expect((exported.loyalty as { tier_history: unknown[] }).tier_history).toHaveLength(2);
  });
});
