import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../../test/helpers/database.ts';
import { queued } from '../../../../test/helpers/concurrency.ts';
import { heldMerge } from '../../../../test/helpers/merges.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { deliver, handedOver } from '../../../../test/helpers/deliver.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { mergeCustomers } from '../../../workflows/customer-lifecycle.ts';
import { normalizeCode } from '../rewards/codes.ts';

// A customer id that was merged into another still reaches the loyalty module: a till that
// kept it, a job queued before the merge. What it does then acts for the survivor (the
// policy: merged-customers.ts), nothing lands on the merged customer's closed ledger, and
// nothing is paid twice to the person. Staff adjustments are refused, naming the survivor.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };
const onPostgres = testDatabaseKind === 'postgres';

const program = {
  name: 'Merged ids',
  earning: { points_per_currency_unit: 10 },
  bonuses: { referral: { referrer: 500, friend: 250, minimum_purchase: '15.00' }, birthday: 30 },
  rewards: [{ code: 'mug', name: 'Mug', type: 'free_product', sku: 'MUG', points: 50 }],
  challenges: [{ code: 'two-visits', name: '2 visits in 30 days', goal: { type: 'visits', count: 2, within_days: 30 }, points: 40 }],
};

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
  await s.loyalty.createCampaign({ name: 'Shared', idempotency_key: 'shared', benefit: { type: 'fixed_discount', amount: '2.00' }, code: 'TWICE26', max_uses: 1000, per_customer_limit: 2 }, actor);
});
afterAll(() => s?.close());

let n = 0;
async function buy(email: string, total: string, at = '2026-05-20T10:00:00Z') {
  const [o] = await recordAll(s, [{ external_id: `p-${++n}`, customer: { email }, occurred_at: at, total }]);
  return o.customerId;
}
const merge = (survivor: string, from: string) => mergeCustomers(s, survivor, { from }, actor);
const pointsOf = async (id: string) => Number((await s.db.selectFrom('loyalty_members').select('points').where('customer_id', '=', id).executeTakeFirst())?.points ?? 0);
const keyed = (id: string, key: string) => s.db.selectFrom('loyalty_entries').select('points').where('customer_id', '=', id).where('idempotency_key', '=', key).execute();
/** Entries written on the merged customer's ledger after its transfer-out entry closed it. */
const afterClose = async (id: string) => {
  const rows = await s.db.selectFrom('loyalty_entries').select(['id', 'source_type']).where('customer_id', '=', id).orderBy('id').execute();
  const close = rows.findIndex((r) => r.source_type === 'merge');
  return close === -1 ? [] : rows.slice(close + 1);
};
const usesOf = (code: string) => s.db.selectFrom('coupon_uses').select(['customer_id', 'idempotency_key']).where('code', '=', code).orderBy('idempotency_key').execute();
async function expectVerified() {
  expect((await s.loyalty.verify()).problems).toEqual([]);
}

// As the job queue hands them over: each delivery below the events not handed over yet.
const handed = handedOver();

describe('at the till, with the merged id', () => {
  it("uses the merged customer's coupon, recorded for the survivor", async () => {
    const a = await buy('till-a@example.com', '20.00'); // 200 points
    const b = await buy('till-b@example.com', '5.00');
    const { coupon } = await s.loyalty.redeemReward(a, { reward: 'mug', idempotency_key: 'till-mug' }, actor);
    await merge(b, a);
    const used = await s.loyalty.useCoupon(coupon!.code, { idempotency_key: 'till-use', customer_id: a, order_ref: 'o-1' }, actor);
    expect(used).toMatchObject({ created: true, coupon: { customer_id: b, status: 'used' } });
    expect(await usesOf(normalizeCode(coupon!.code))).toEqual([{ customer_id: b, idempotency_key: 'till-use' }]);
    // The till's retry, still with the merged id, is the same use.
    expect(await s.loyalty.useCoupon(coupon!.code, { idempotency_key: 'till-use', customer_id: a, order_ref: 'o-1' }, actor)).toMatchObject({ created: false });
    await expectVerified();
  });

  it("counts a shared code's per-customer limit over both ids", async () => {
    const a = await buy('limit-a@example.com', '5.00');
    const b = await buy('limit-b@example.com', '5.00');
    await s.loyalty.useCoupon('TWICE26', { idempotency_key: 'limit-1', customer_id: a }, actor);
    await merge(b, a);
    await s.loyalty.useCoupon('TWICE26', { idempotency_key: 'limit-2', customer_id: a }, actor);
    await expect(s.loyalty.useCoupon('TWICE26', { idempotency_key: 'limit-3', customer_id: b }, actor)).rejects.toMatchObject({ kind: 'conflict', message: /limit 2/ });
    await expect(s.loyalty.useCoupon('TWICE26', { idempotency_key: 'limit-4', customer_id: a }, actor)).rejects.toMatchObject({ kind: 'conflict', message: /limit 2/ });
    const uses = (await usesOf('TWICE26')).filter((u) => u.idempotency_key.startsWith('limit-'));
    expect(uses).toEqual([{ customer_id: b, idempotency_key: 'limit-1' }, { customer_id: b, idempotency_key: 'limit-2' }]);
    await expectVerified();
  });

  it("redeems and reserves the survivor's points, and replays what was redeemed before the merge", async () => {
    const a = await buy('spend-a@example.com', '30.00'); // 300 points
    const b = await buy('spend-b@example.com', '5.00'); // 50 points
    const before = await s.loyalty.redeemReward(a, { reward: 'mug', idempotency_key: 'spend-pre' }, actor);
    await merge(b, a);
    expect(await pointsOf(b)).toBe(300);
    const redeemed = await s.loyalty.redeemReward(a, { reward: 'mug', idempotency_key: 'spend-1' }, actor);
    expect(redeemed).toMatchObject({ created: true, coupon: { customer_id: b }, points_spent: 50 });
    expect(await pointsOf(b)).toBe(250);
    // A retry of the redemption made before the merge answers its coupon and spends nothing.
    const replay = await s.loyalty.redeemReward(a, { reward: 'mug', idempotency_key: 'spend-pre' }, actor);
    expect(replay).toMatchObject({ created: false, coupon: { code: before.coupon!.code, customer_id: b } });
    expect(await pointsOf(b)).toBe(250);
    const held = await s.loyalty.reserve(a, { points: 100, idempotency_key: 'spend-hold' }, actor);
    expect(held.created).toBe(true);
    expect(await pointsOf(b)).toBe(150);
    expect((await s.loyalty.reserve(a, { points: 100, idempotency_key: 'spend-hold' }, actor)).created).toBe(false);
    expect(await s.loyalty.capture(a, held.reservation.id)).toMatchObject({ created: true, reservation: { status: 'captured' } });
    expect(await s.db.selectFrom('loyalty_reservations').select('customer_id').where('id', '=', held.reservation.id).executeTakeFirst()).toEqual({ customer_id: b });
    expect(await afterClose(a)).toEqual([]);
    await expectVerified();
  });

  it('follows a chain of merges, and staff adjustments are refused naming the survivor', async () => {
    const a = await buy('chain-a@example.com', '20.00');
    const b = await buy('chain-b@example.com', '5.00');
    const c = await buy('chain-c@example.com', '5.00');
    await merge(b, a);
    await merge(c, b);
    expect(await pointsOf(c)).toBe(300);
    await s.loyalty.redeemReward(a, { reward: 'mug', idempotency_key: 'chain-1' }, actor);
    expect(await pointsOf(c)).toBe(250);
    await expect(s.loyalty.adjust(a, { points: 5, reason: 'goodwill', idempotency_key: 'chain-adj' }, actor))
      .rejects.toMatchObject({ kind: 'not_found', message: `Customer ${a} (merged into ${c}) not found` });
    const card = await s.loyalty.issueGiftCard({ amount: '10.00', idempotency_key: 'chain-card', customer_id: a }, actor);
    expect(card.customer_id).toBe(c);
    await expectVerified();
  });
});

describe('jobs queued before the merge', () => {
  it("pays the referrer's bonus to the survivor once, and not again when it was paid before the merge", async () => {
    const a = await buy('ref-a@example.com', '5.00');
    const b = await buy('ref-b@example.com', '5.00');
    const { code } = await s.loyalty.referralCode(a);
    const friend = (await s.customers.upsert({ email: 'ref-friend@example.com' }, actor)).customer.id;
    await s.loyalty.claimReferral(friend, { code }, actor);
    await buy('ref-friend@example.com', '20.00'); // qualifies: loyalty.referral_qualified for A
    await merge(b, a);
    await deliver(s, 'loyalty.referral_qualified', { handed });
    await deliver(s, 'loyalty.referral_qualified', { handed, again: true }); // a second delivery
    expect(await keyed(b, `bonus:referral:${friend}`)).toEqual([{ points: 500 }]);
    expect(await keyed(a, `bonus:referral:${friend}`)).toEqual([]);
    expect(await pointsOf(b)).toBe(50 + 50 + 500);

    // Paid to the referrer before the merge: a late delivery pays the survivor nothing.
    const a2 = await buy('ref-a2@example.com', '5.00');
    const b2 = await buy('ref-b2@example.com', '5.00');
    const { code: code2 } = await s.loyalty.referralCode(a2);
    const friend2 = (await s.customers.upsert({ email: 'ref-friend2@example.com' }, actor)).customer.id;
    await s.loyalty.claimReferral(friend2, { code: code2 }, actor);
    await buy('ref-friend2@example.com', '20.00');
    await s.loyalty.rewardReferrer({ referrer_id: a2, friend_id: friend2 });
    await merge(b2, a2);
    expect(await s.loyalty.rewardReferrer({ referrer_id: a2, friend_id: friend2 })).toBe(false);
    expect(await keyed(b2, `bonus:referral:${friend2}`)).toEqual([]);
    expect(await pointsOf(b2)).toBe(50 + 50 + 500);
    expect(await afterClose(a)).toEqual([]);
    expect(await afterClose(a2)).toEqual([]);
    await expectVerified();
  });

  it('credits a challenge completed by the merged customer to the survivor, once', async () => {
    const a = await buy('ch-a@example.com', '5.00', '2026-05-10T10:00:00Z');
    await buy('ch-a@example.com', '5.00', '2026-05-12T10:00:00Z'); // two visits: the challenge, queued
    const b = await buy('ch-b@example.com', '1.00', '2026-04-01T10:00:00Z');
    await merge(b, a);
    await deliver(s, 'purchase.recorded', { handed });
    expect(await keyed(b, 'bonus:challenge:two-visits:1')).toEqual([{ points: 40 }]);
    // The single-event handler, for the merged id, again: nothing more.
    expect(await s.loyalty.evaluateChallenges(a, new Date('2026-05-12T10:00:00Z'))).toEqual([]);
    await deliver(s, 'purchase.recorded', { handed, again: true });
    expect(await keyed(b, 'bonus:challenge:two-visits:2')).toEqual([]);
    expect(await afterClose(a)).toEqual([]);
    expect(await pointsOf(b)).toBe(50 + 50 + 10 + 40);
    await expectVerified();
  });

  it('pays a birthday bonus after the merge to the survivor once a year, not again when the merged customer had it', async () => {
    const now = s.clock.now(); // 2026-06-01
    const a = (await s.customers.upsert({ email: 'bd-a@example.com', birthday: '1990-06-01' }, actor)).customer.id;
    await buy('bd-a@example.com', '5.00');
    const b = (await s.customers.upsert({ email: 'bd-b@example.com', birthday: '1988-06-01' }, actor)).customer.id;
    await buy('bd-b@example.com', '5.00');
    await merge(b, a);
    await s.loyalty.maintenance.birthdays(now);
    await s.loyalty.maintenance.birthdays(now);
    expect(await keyed(b, 'bonus:birthday:2026')).toEqual([{ points: 30 }]);
    expect(await keyed(a, 'bonus:birthday:2026')).toEqual([]);

    // Paid to the merged customer this year, before the merge: the survivor's birthday pays nothing more.
    const a2 = (await s.customers.upsert({ email: 'bd-a2@example.com', birthday: '1991-06-01' }, actor)).customer.id;
    await buy('bd-a2@example.com', '5.00');
    await s.loyalty.maintenance.birthdays(now);
    expect(await keyed(a2, 'bonus:birthday:2026')).toEqual([{ points: 30 }]);
    const b2 = (await s.customers.upsert({ email: 'bd-b2@example.com', birthday: '1987-06-01' }, actor)).customer.id;
    await buy('bd-b2@example.com', '5.00');
    await merge(b2, a2);
    await s.loyalty.maintenance.birthdays(now);
    expect(await keyed(b2, 'bonus:birthday:2026')).toEqual([]);
    expect(await pointsOf(b2)).toBe(50 + 50 + 30);
    expect(await afterClose(a)).toEqual([]);
    expect(await afterClose(a2)).toEqual([]);
    await expectVerified();
  });
});

describe('racing a merge in progress', () => {
  it.runIf(onPostgres)('a coupon use waiting for a merge of its customer lands on the survivor', async () => {
    const a = await buy('race-a@example.com', '20.00');
    const b = await buy('race-b@example.com', '5.00');
    const { coupon } = await s.loyalty.redeemReward(a, { reward: 'mug', idempotency_key: 'race-mug' }, actor);
    await s.loyalty.useCoupon('TWICE26', { idempotency_key: 'race-1', customer_id: a }, actor);
    const merging = await heldMerge(s, b, a);
    const usingReward = s.loyalty.useCoupon(coupon!.code, { idempotency_key: 'race-reward', customer_id: a }, actor);
    const usingShared = s.loyalty.useCoupon('TWICE26', { idempotency_key: 'race-2', customer_id: a }, actor);
    await queued();
    await merging.commit();
    expect(await usingReward).toMatchObject({ created: true, coupon: { customer_id: b } });
    expect(await usingShared).toMatchObject({ created: true });
    expect(await usesOf(normalizeCode(coupon!.code))).toEqual([{ customer_id: b, idempotency_key: 'race-reward' }]);
    expect((await usesOf('TWICE26')).filter((u) => u.idempotency_key.startsWith('race-'))).toEqual([
      { customer_id: b, idempotency_key: 'race-1' }, { customer_id: b, idempotency_key: 'race-2' },
    ]);
    await expect(s.loyalty.useCoupon('TWICE26', { idempotency_key: 'race-3', customer_id: b }, actor)).rejects.toMatchObject({ message: /limit 2/ });
    await expectVerified();
  });

  it.runIf(onPostgres)('a redemption, a referrer bonus and a birthday run waiting for a merge credit the survivor', async () => {
    const now = s.clock.now();
    const a = (await s.customers.upsert({ email: 'wait-a@example.com', birthday: '1990-06-01' }, actor)).customer.id;
    await buy('wait-a@example.com', '20.00');
    const b = await buy('wait-b@example.com', '5.00');
    const { code } = await s.loyalty.referralCode(a);
    const friend = (await s.customers.upsert({ email: 'wait-friend@example.com' }, actor)).customer.id;
    await s.loyalty.claimReferral(friend, { code }, actor);
    await buy('wait-friend@example.com', '20.00');
    const merging = await heldMerge(s, b, a);
    const redeeming = s.loyalty.redeemReward(a, { reward: 'mug', idempotency_key: 'wait-mug' }, actor);
    const rewarding = s.loyalty.rewardReferrer({ referrer_id: a, friend_id: friend });
    const birthdays = s.loyalty.maintenance.birthdays(now);
    await queued();
    await merging.commit();
    expect(await redeeming).toMatchObject({ created: true, coupon: { customer_id: b } });
    expect(await rewarding).toBe(true);
    await birthdays;
    expect(await keyed(b, `bonus:referral:${friend}`)).toEqual([{ points: 500 }]);
    expect(await keyed(b, 'bonus:birthday:2026')).toEqual([{ points: 30 }]);
    expect(await afterClose(a)).toEqual([]);
    expect(await pointsOf(b)).toBe(200 + 50 - 50 + 500 + 30);
    await expectVerified();
  });
});
