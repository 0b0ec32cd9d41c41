import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../../test/helpers/database.ts';
import { heldOpen, queued, race, times } from '../../../../test/helpers/concurrency.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { exportCustomer } from '../../../workflows/customer-lifecycle.ts';
import { createLoyaltyCore } from '../loyalty.core.ts';
import { createCouponRollbacks, type CouponRollbacksService } from './coupon-rollbacks.ts';
import { createRewardsService, type RewardsService } from './rewards.service.ts';

// A coupon's use given back: a per-customer limit no longer counts it, the campaign's
// figures and codes leave it out, and a rollback racing new uses of the same coupon leaves
// its count of uses equal to the uses that stand. On PostgreSQL the requests run in
// concurrent transactions of several "processes"; PGlite runs them one after the other,
// where the same must hold.

let s: Awaited<ReturnType<typeof openTestServices>>;
let processes: (RewardsService & CouponRollbacksService)[];
const actor = { actor: 'test' };
const on = (i: number) => processes[i % processes.length];

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-05-01T10:00:00Z');
  processes = times(4, () => {
    const core = createLoyaltyCore({ db: s.db, clock: s.clock, currency: 'EUR', timeZone: 'Europe/Ljubljana' });
    return { ...createRewardsService(core), ...createCouponRollbacks(core) };
  });
});
afterAll(() => s?.close());

/** The uses of a coupon that stand (not rolled back), as the table holds them. */
const standing = async (code: string) =>
  (await s.db.selectFrom('coupon_uses').select('idempotency_key').where('code', '=', code.replaceAll('-', '')).where('rolled_back_at', 'is', null).execute()).length;

describe("a coupon's use rolled back", () => {
  it("makes a member's single-use reward coupon usable again, by her only, and spends no points", async () => {
    await s.loyalty.applyProgram({ program: { name: 'Rollbacks', earning: { points_per_currency_unit: 10 }, rewards: [{ code: 'coffee', name: 'Coffee', type: 'free_product', sku: 'ESP', points: 100 }] } }, actor);
    const [{ customerId: mia }] = await recordAll(s, [{ external_id: 'mia-1', customer: { email: 'mia@example.com' }, occurred_at: '2026-04-30T10:00:00Z', total: '15.00' }]);
    const { coupon } = await s.loyalty.redeemReward(mia, { reward: 'coffee', idempotency_key: 'mia-coffee' }, actor);
    const points = async () => { const a = await s.loyalty.account(mia); return a.member ? a.balance : null; };
    const before = await points();
    await s.loyalty.useCoupon(coupon!.code, { idempotency_key: 'till-9', customer_id: mia, product_price: '2.80' }, actor);
    expect(await s.loyalty.coupon(coupon!.code)).toMatchObject({ status: 'used', usable: false });
    const r = await s.loyalty.rollbackCouponUse(coupon!.code, { use_key: 'till-9', reason: 'Order cancelled' }, actor);
    expect(r).toMatchObject({ created: true, use: { customer_id: mia, discount_given: '2.80', reason: 'Order cancelled' }, coupon: { kind: 'reward', status: 'active', uses: 0, usable: true } });
    expect(await points()).toBe(before);
    expect((await s.loyalty.useCoupon(coupon!.code, { idempotency_key: 'till-10', customer_id: mia }, actor)).coupon).toMatchObject({ uses: 1, status: 'used' });
    expect(await standing(coupon!.code)).toBe(1);
    expect((await s.loyalty.verify()).problems).toEqual([]);
  });

  it("frees the customer's place under the campaign's per-customer limit", async () => {
    const ana = (await s.customers.upsert({ email: 'limit-ana@example.com' }, actor)).customer.id;
    const { id, codes: [first, second] } = await s.loyalty.createCampaign({ name: 'Once a customer', idempotency_key: 'per-customer', benefit: { type: 'fixed_discount', amount: '5.00' }, count: 2, per_customer_limit: 1 }, actor);
    await s.loyalty.useCoupon(first, { idempotency_key: 'sale-1', customer_id: ana }, actor);
    await expect(s.loyalty.useCoupon(second, { idempotency_key: 'sale-2', customer_id: ana }, actor)).rejects.toMatchObject({ kind: 'conflict', message: /limit 1/ });
    s.clock.set('2026-05-01T10:10:00Z');
    await s.loyalty.rollbackCouponUse(first, { use_key: 'sale-1', reason: 'Sale voided' }, actor);
    s.clock.set('2026-05-01T10:20:00Z');
    expect((await s.loyalty.useCoupon(second, { idempotency_key: 'sale-2', customer_id: ana }, actor)).created).toBe(true);
    expect(await s.loyalty.campaign(id)).toMatchObject({ uses: 1, codes_used: 1, customers: 1, discount_given: '5.00', status: 'active' });
    // The limit counts the use that stands: a third is refused again.
    await expect(s.loyalty.useCoupon(first, { idempotency_key: 'sale-3', customer_id: ana }, actor)).rejects.toMatchObject({ kind: 'conflict', message: /limit 1/ });
    // Her data export keeps both uses, the one given back saying so.
    const exported = await exportCustomer(s, ana, { actor: 'system' });
    expect((exported.loyalty as { coupon_uses: unknown[] }).coupon_uses).toEqual([
      { code: first, order_ref: null, used_at: '2026-05-01T10:00:00.000Z', rolled_back_at: '2026-05-01T10:10:00.000Z' },
      { code: second, order_ref: null, used_at: '2026-05-01T10:20:00.000Z', rolled_back_at: null },
    ]);
  });

  it("leaves a rolled-back use out of every figure of its campaign and out of its codes' lists", async () => {
    const [ana, bo] = [
      (await s.customers.upsert({ email: 'fig-ana@example.com' }, actor)).customer.id,
      (await s.customers.upsert({ email: 'fig-bo@example.com' }, actor)).customer.id,
    ];
    const { id, codes: [shared] } = await s.loyalty.createCampaign({ name: 'Ten off', idempotency_key: 'ten-off', benefit: { type: 'percent_discount', percent: 10 }, code: 'TENOFF-26', max_uses: 10 }, actor);
    s.clock.set('2026-05-02T10:00:00Z');
    await s.loyalty.useCoupon(shared, { idempotency_key: 'f-1', customer_id: ana, order_subtotal: '20.00' }, actor);
    s.clock.set('2026-05-03T10:00:00Z');
    await s.loyalty.useCoupon(shared, { idempotency_key: 'f-2', customer_id: bo, order_subtotal: '50.00' }, actor);
    s.clock.set('2026-05-04T10:00:00Z');
    await s.loyalty.useCoupon(shared, { idempotency_key: 'f-3' }, actor);
    expect(await s.loyalty.campaign(id)).toMatchObject({ uses: 3, codes_used: 1, customers: 2, uses_without_customer: 1, discount_given: '7.00', uses_without_discount: 1 });

    // Bo's sale (5.00 off) and the use that told no discount are given back.
    s.clock.set('2026-05-05T10:00:00Z');
    await s.loyalty.rollbackCouponUse(shared, { use_key: 'f-2' }, actor);
    await s.loyalty.rollbackCouponUse(shared, { use_key: 'f-3' }, actor);
    expect(await s.loyalty.campaign(id)).toMatchObject({ uses: 1, codes_used: 1, customers: 1, uses_without_customer: 0, discount_given: '2.00', uses_without_discount: 0 });
    const [code] = (await s.loyalty.campaignCodes(id, {})).items;
    expect(code).toMatchObject({ code: 'TENOFF-26', uses: 1, usable: true, last_used_at: '2026-05-02T10:00:00.000Z' });
    expect((await s.loyalty.campaignCodesCsv(id)).csv.split('\r\n')[1]).toBe('TENOFF-26,usable,1,10,2026-05-02T10:00:00.000Z,,');

    // Every use given back: nothing counts, and the campaign's code reads as never used.
    await s.loyalty.rollbackCouponUse(shared, { use_key: 'f-1' }, actor);
    expect(await s.loyalty.campaign(id)).toMatchObject({ uses: 0, codes_used: 0, customers: 0, discount_given: '0.00', uses_without_discount: 0 });
    expect((await s.loyalty.campaignCodes(id, {})).items[0]).toMatchObject({ uses: 0, last_used_at: null });
  });

  it('racing new uses of the same coupon, leaves its count of uses equal to the uses that stand', async () => {
    const { codes: [code] } = await s.loyalty.createCampaign({ name: 'Five', idempotency_key: 'race-five', benefit: { type: 'fixed_discount', amount: '1.00' }, code: 'RACE-FIVE', max_uses: 5 }, actor);
    for (const i of times(5, (n) => n)) await s.loyalty.useCoupon(code, { idempotency_key: `old-${i}` }, actor);
    // Three uses given back while eight tills try new ones, all at once.
    const calls = [
      ...times(3, (i) => () => on(i).rollbackCouponUse(code, { use_key: `old-${i}` }, actor).then(() => 'rolled back')),
      ...times(8, (i) => () => on(i + 1).useCoupon(code, { idempotency_key: `new-${i}` }, actor).then(() => 'used')),
    ];
    const { ok, errors } = await race(calls);
    for (const e of errors) expect(e).toMatchObject({ kind: 'conflict', message: /no uses left/ });
    expect(ok.filter((r) => r === 'rolled back')).toHaveLength(3);
    const used = ok.filter((r) => r === 'used').length;
    expect(used).toBeLessThanOrEqual(3);
    const coupon = await s.loyalty.coupon(code);
    expect(coupon.uses).toBe(2 + used);
    expect(await standing(code)).toBe(coupon.uses);
    expect(coupon.status).toBe(coupon.uses >= 5 ? 'used' : 'active');
  });

  it('rolls the same use back once when the rollback is sent many times at once', async () => {
    const { codes: [code] } = await s.loyalty.createCampaign({ name: 'Twice', idempotency_key: 'race-twice', benefit: { type: 'fixed_discount', amount: '1.00' }, code: 'RACE-TWICE', max_uses: 3 }, actor);
    await s.loyalty.useCoupon(code, { idempotency_key: 'u-1' }, actor);
    await s.loyalty.useCoupon(code, { idempotency_key: 'u-2' }, actor);
    const { ok, errors } = await race(times(6, (i) => () => on(i).rollbackCouponUse(code, { use_key: 'u-1' }, actor)));
    expect(errors).toEqual([]);
    expect(ok.filter((r) => r.created)).toHaveLength(1);
    expect(await s.loyalty.coupon(code)).toMatchObject({ uses: 1 });
    expect(await standing(code)).toBe(1);
  });

  it.runIf(testDatabaseKind === 'postgres')("waits for a use holding the coupon's lock, and counts from what it committed", async () => {
    const { codes: [code] } = await s.loyalty.createCampaign({ name: 'Held', idempotency_key: 'race-held', benefit: { type: 'fixed_discount', amount: '1.00' }, code: 'HELD-ONE', max_uses: 2 }, actor);
    await s.loyalty.useCoupon(code, { idempotency_key: 'h-1' }, actor);
    // A use caught between its lock and its commit: uses 2 of 2.
    const held = await heldOpen(s.db, async (trx) => {
      await trx.selectFrom('coupons').select('code').where('code', '=', 'HELDONE').forUpdate().execute();
      await trx.updateTable('coupons').set({ uses: 2, status: 'used' }).where('code', '=', 'HELDONE').execute();
    });
    let done = false;
    const rollback = on(1).rollbackCouponUse(code, { use_key: 'h-1' }, actor).then((r) => ((done = true), r));
    await queued(300);
    expect(done).toBe(false);
    await held.commit();
    expect((await rollback).coupon).toMatchObject({ uses: 1, status: 'active' });
  });
});
