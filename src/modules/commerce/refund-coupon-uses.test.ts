import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { race, times } from '../../../test/helpers/concurrency.ts';
import { csvFiles } from '../../../test/helpers/csv-files.ts';
import { recordAll } from '../../../test/helpers/purchases.ts';
import { importFile } from '../../workflows/import-file.ts';

// A purchase refunded in full gives back the coupon uses made on its order (order_ref = its
// order id) by its customer or naming none, in the refund's transaction, as a cancelled
// Talon.One session rolls back its effects: the coupon has the use again and a per-customer
// limit no longer counts it. A partial refund gives back nothing; the one that takes what
// is left does. A retry of the refund answers the same uses and gives nothing back again.

const api = useTestApp({ keys: { pos: ['read', 'write'] } });
const files = csvFiles('refund-coupons');
afterAll(files.remove);
const actor = { actor: 'test' };
let n = 0;

/** A customer with a purchase of `total` (order `order`), and a campaign's one code: `max_uses` uses, one per customer unless `limit` is false. */
async function orderWithCode(order: string, { total = '20.00', max_uses = 1, limit = true } = {}) {
  const s = api.services;
  const [{ customerId }] = await recordAll(s, [{ external_id: order, customer: { email: `${order}@example.com` }, occurred_at: '2026-05-30T10:00:00Z', total }]);
  const { codes: [code] } = await s.loyalty.createCampaign({
    name: `Code of ${order}`, idempotency_key: `campaign-${order}`, benefit: { type: 'fixed_discount', amount: '2.00' }, code: `CODE-${++n}`, max_uses, ...(limit ? { per_customer_limit: 1 } : {}),
  }, actor);
  return { customerId, code };
}

const refund = (order: string, body: object) => api.call('POST', `/api/v1/purchases/${order}/refunds`, { body });
const use = (code: string, body: object) => api.services.loyalty.useCoupon(code, body, actor);
const usesOf = async (code: string) => (await api.services.loyalty.coupon(code)).uses;
const rowsOf = (code: string) => api.services.db.selectFrom('coupon_uses').select(['idempotency_key', 'rolled_back_at', 'rollback_reason', 'rollback_refund_id'])
  .where('code', '=', code.replaceAll('-', '')).orderBy('idempotency_key').execute();

describe('a purchase refunded in full', () => {
  it("gives back the coupon's use made on its order: the code and the customer's limit are free again, told in the answer, the activity log and the event", async () => {
    const { customerId, code } = await orderWithCode('full-1');
    await use(code, { idempotency_key: 'till-1', customer_id: customerId, order_ref: 'full-1' });
    expect(await api.services.loyalty.coupon(code)).toMatchObject({ uses: 1, status: 'used', usable: false });

    const res = await refund('full-1', { external_id: 'full-1-r' });
    expect(res.statusCode).toBe(201);
    expect(res.json().coupon_uses_rolled_back).toEqual([{ code, use_key: 'till-1' }]);
    expect(await api.services.loyalty.coupon(code)).toMatchObject({ uses: 0, status: 'active', usable: true });
    const [row] = await rowsOf(code);
    expect(row).toMatchObject({ rollback_reason: 'Order full-1 refunded in full (refund full-1-r)' });
    expect(row.rollback_refund_id).toBe(res.json().refund.id);

    const entries = await api.services.db.selectFrom('audit_log').select(['details']).where('action', '=', 'coupon.rollback').where('subject', '=', code.replaceAll('-', '')).execute();
    expect(entries.map((e) => (typeof e.details === 'string' ? JSON.parse(e.details) : e.details))).toEqual([
      { use_key: 'till-1', order_ref: 'full-1', reason: 'Order full-1 refunded in full (refund full-1-r)', refund: 'full-1-r', purchase: res.json().purchase.id },
    ]);
    const events = await api.services.db.selectFrom('events').select('payload').where('type', '=', 'coupon.use_rolled_back').where('customer_id', '=', customerId).execute();
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ code, use_key: 'till-1', order_ref: 'full-1', refund_id: 'full-1-r', discount_given: '2.00' })]);

    // Sent again: the same answer, nothing given back twice.
    const again = await refund('full-1', { external_id: 'full-1-r' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(res.json());
    expect(await usesOf(code)).toBe(0);

    // The customer's one use of the campaign is free again: she uses the code anew.
    expect((await use(code, { idempotency_key: 'till-2', customer_id: customerId, order_ref: 'full-1b' })).created).toBe(true);
    expect(await usesOf(code)).toBe(1);
    // A retry after that still answers what the refund gave back, and gives back nothing more.
    expect((await refund('full-1', { external_id: 'full-1-r' })).json().coupon_uses_rolled_back).toEqual([{ code, use_key: 'till-1' }]);
    expect(await usesOf(code)).toBe(1);
    expect((await api.services.loyalty.verify()).problems).toEqual([]);

    // A till that rolls the use back itself after the refund, as it had to before, is told it is done.
    const byHand = await api.call('POST', `/api/v1/coupons/${code}/rollbacks`, { body: { use_key: 'till-1', reason: 'sale voided at the till' } });
    expect(byHand.statusCode).toBe(200);
    expect(byHand.json().use).toMatchObject({ idempotency_key: 'till-1', reason: 'Order full-1 refunded in full (refund full-1-r)' });
    expect(await usesOf(code)).toBe(1);
  });

  it('gives back nothing on a partial refund, and the use once the last refund takes what is left', async () => {
    const { customerId, code } = await orderWithCode('part-1', { total: '30.00' });
    await use(code, { idempotency_key: 'p-1', customer_id: customerId, order_ref: 'part-1' });
    const first = await refund('part-1', { external_id: 'part-1-r1', amount: '10.00' });
    expect(first.statusCode).toBe(201);
    expect(first.json().coupon_uses_rolled_back).toEqual([]);
    expect(await usesOf(code)).toBe(1);
    const second = await refund('part-1', { external_id: 'part-1-r2', amount: '15.00' });
    expect(second.json().coupon_uses_rolled_back).toEqual([]);
    expect(await usesOf(code)).toBe(1);
    const last = await refund('part-1', { external_id: 'part-1-r3', amount: '5.00' });
    expect(last.json().coupon_uses_rolled_back).toEqual([{ code, use_key: 'p-1' }]);
    expect(await usesOf(code)).toBe(0);
    // A retry of the partial one before still gives back nothing.
    expect((await refund('part-1', { external_id: 'part-1-r1', amount: '10.00' })).json().coupon_uses_rolled_back).toEqual([]);
  });

  it("leaves a use on another order, or by another customer, as it is, and gives back the order's use that named no customer", async () => {
    const { customerId, code } = await orderWithCode('own-1', { max_uses: 10, limit: false });
    const other = (await api.services.customers.upsert({ email: 'someone-else@example.com' }, actor)).customer.id;
    await use(code, { idempotency_key: 'o-mine', customer_id: customerId, order_ref: 'own-1' });
    await use(code, { idempotency_key: 'o-other-order', customer_id: customerId, order_ref: 'own-2' });
    // Order ids are compared as sent: another case is another order.
    await use(code, { idempotency_key: 'o-other-case', customer_id: customerId, order_ref: 'OWN-1' });
    await use(code, { idempotency_key: 'o-other-customer', customer_id: other, order_ref: 'own-1' });
    await use(code, { idempotency_key: 'o-no-customer', order_ref: 'own-1' });
    const res = await refund('own-1', { external_id: 'own-1-r' });
    expect(res.json().coupon_uses_rolled_back).toEqual([{ code, use_key: 'o-mine' }, { code, use_key: 'o-no-customer' }]);
    expect((await rowsOf(code)).map((r) => [r.idempotency_key, r.rolled_back_at !== null])).toEqual([
      ['o-mine', true], ['o-no-customer', true], ['o-other-case', false], ['o-other-customer', false], ['o-other-order', false],
    ]);
    expect(await usesOf(code)).toBe(3);
  });

  it('leaves a use given back by hand before as it was given back', async () => {
    const { customerId, code } = await orderWithCode('hand-1');
    await use(code, { idempotency_key: 'h-1', customer_id: customerId, order_ref: 'hand-1' });
    await api.services.loyalty.rollbackCouponUse(code, { use_key: 'h-1', reason: 'Sale voided' }, actor);
    const res = await refund('hand-1', { external_id: 'hand-1-r' });
    expect(res.json().coupon_uses_rolled_back).toEqual([]);
    expect(await rowsOf(code)).toEqual([expect.objectContaining({ idempotency_key: 'h-1', rollback_reason: 'Sale voided', rollback_refund_id: null })]);
    expect(await usesOf(code)).toBe(0);
    expect(await api.services.db.selectFrom('audit_log').select('id').where('action', '=', 'coupon.rollback').where('subject', '=', code.replaceAll('-', '')).execute()).toHaveLength(1);
  });

  it("gives back the uses of a refunds file's purchases refunded in full, once, and none of those refunded in part", async () => {
    const a = await orderWithCode('file-1');
    const b = await orderWithCode('file-2');
    await use(a.code, { idempotency_key: 'f-1', customer_id: a.customerId, order_ref: 'file-1' });
    await use(b.code, { idempotency_key: 'f-2', customer_id: b.customerId, order_ref: 'file-2' });
    const refunds = [
      { purchase: 'file-1', input: { external_id: 'file-1-r1', amount: '5.00' } },
      { purchase: 'file-2', input: { external_id: 'file-2-r1', amount: '5.00' } },
      { purchase: 'file-1', input: { external_id: 'file-1-r2' } },
    ];
    expect(await api.services.commerce.recordRefunds(refunds, actor)).toEqual([{ created: true }, { created: true }, { created: true, couponUsesRolledBack: 1 }]);
    expect([await usesOf(a.code), await usesOf(b.code)]).toEqual([0, 1]);
    // The file imported again: each refund found, nothing given back twice.
    expect(await api.services.commerce.recordRefunds(refunds, actor)).toEqual([{ created: false }, { created: false }, { created: false }]);
    expect(await rowsOf(a.code)).toEqual([expect.objectContaining({ idempotency_key: 'f-1', rollback_reason: 'Order file-1 refunded in full (refund file-1-r2)' })]);
    expect((await api.services.commerce.refund('file-1', { external_id: 'file-1-r2' }, actor)).coupon_uses_rolled_back).toEqual([{ code: a.code, use_key: 'f-1' }]);
  });

  it('gives back the uses of a refunds CSV file\'s purchases refunded in full, and the import says how many', async () => {
    const a = await orderWithCode('csv-1');
    const b = await orderWithCode('csv-2');
    await use(a.code, { idempotency_key: 'c-1', customer_id: a.customerId, order_ref: 'csv-1' });
    await use(b.code, { idempotency_key: 'c-2', customer_id: b.customerId, order_ref: 'csv-2' });
    const file = files.write(['external_id,purchase,amount', 'csv-1-r,csv-1,20.00', 'csv-2-r,csv-2,5.00'], 'refunds.csv');
    expect(await importFile(api.services, { kind: 'refunds', file })).toMatchObject({ created: 2, coupon_uses_rolled_back: 1 });
    expect([await usesOf(a.code), await usesOf(b.code)]).toEqual([0, 1]);
    // Imported again: found, nothing given back twice, none counted.
    const again = await importFile(api.services, { kind: 'refunds', file });
    expect(again).toMatchObject({ created: 0, duplicates: 2 });
    expect(again.coupon_uses_rolled_back).toBeUndefined();
    expect(await usesOf(a.code)).toBe(0);
  });

  it("racing new uses of the same coupon, finishes without a deadlock and leaves its count of uses equal to the uses that stand", async () => {
    const { customerId, code } = await orderWithCode('race-1', { max_uses: 5 });
    const s = api.services;
    await use(code, { idempotency_key: 'r-0', customer_id: customerId, order_ref: 'race-1' });
    const shoppers = await Promise.all(times(6, async (i) => (await s.customers.upsert({ email: `racer-${i}@example.com` }, actor)).customer.id));
    // Her refund, and six customers using the code (and her, on another order) at once.
    const calls: (() => Promise<string>)[] = [
      () => s.commerce.refund('race-1', { external_id: 'race-1-r' }, actor).then((r) => `refund ${r.coupon_uses_rolled_back.length}`),
      ...shoppers.map((id, i) => () => use(code, { idempotency_key: `r-${i + 1}`, customer_id: id, order_ref: `race-other-${i}` }).then(() => 'used')),
      () => use(code, { idempotency_key: 'r-her', customer_id: customerId, order_ref: 'race-2' }).then(() => 'used'),
    ];
    const { ok, errors } = await race(calls);
    // Refused only for the code's uses or her limit, never a deadlock.
    for (const e of errors) expect(e).toMatchObject({ kind: 'conflict' });
    expect(ok).toContain('refund 1');
    const standing = (await rowsOf(code)).filter((r) => r.rolled_back_at === null).length;
    expect(await usesOf(code)).toBe(standing);
    expect(standing).toBe(ok.filter((r) => r === 'used').length);
  });
});
