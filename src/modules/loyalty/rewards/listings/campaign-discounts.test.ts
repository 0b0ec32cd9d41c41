import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../../test/helpers/services.ts';
import { canonicalJson, sha256 } from '../../../../shared/hash.ts';

// The discount a campaign gave, from what its uses told: a till may send the order's
// subtotal (a percentage's worth) and a free product's price. The figures sum what is
// known and count the uses that told nothing — old uses among them, never guessed; a
// fixed amount's old use counts at face value, as it always did.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };
const ids = { percent: '', fixed: '', product: '', untold: '', unused: '' };
const use = (code: string, body: Record<string, unknown>) => s.loyalty.useCoupon(code, body, actor);
const figures = async (id: string) => {
  const c = await s.loyalty.campaign(id);
  return { uses: c.uses, discount_given: c.discount_given, uses_without_discount: c.uses_without_discount };
};

beforeAll(async () => {
  s = await openTestServices();
  const create = async (name: string, benefit: Record<string, unknown>, code: string) =>
    (await s.loyalty.createCampaign({ name, idempotency_key: name, benefit, code, max_uses: 100 }, actor)).id;
  ids.percent = await create('percent', { type: 'percent_discount', percent: 12.5 }, 'TWELVE-5');
  ids.fixed = await create('fixed', { type: 'fixed_discount', amount: '5.00' }, 'FIVE-OFF');
  ids.product = await create('product', { type: 'free_product', sku: 'COFFEE' }, 'FREE-COFFEE');
  ids.untold = await create('untold', { type: 'percent_discount', percent: 10 }, 'TEN-OFF');
  ids.unused = await create('unused', { type: 'percent_discount', percent: 10 }, 'NOBODY');
});
afterAll(() => s?.close());

describe('a use that tells the order', () => {
  it('records a percentage of the subtotal, rounded halves up, and answers it', async () => {
    expect(await use('TWELVE5', { idempotency_key: 'p-1', order_subtotal: '24.90' })).toMatchObject({ created: true, discount_given: '3.11' }); // 3.1125
    expect(await use('twelve-5', { idempotency_key: 'p-2', order_subtotal: 4 })).toMatchObject({ discount_given: '0.50' });
    expect(await use('TWELVE5', { idempotency_key: 'p-3' })).toMatchObject({ created: true, discount_given: null });
    expect(await figures(ids.percent)).toEqual({ uses: 3, discount_given: '3.61', uses_without_discount: 1 });
  });

  // Regression: the coupon.used webhook said which coupon and order, not what it took off,
  // so a shop's books fed by it had to ask the API again for each use.
  it('publishes the discount recorded with coupon.used, null when the use did not tell it, once for a retried use', async () => {
    await s.loyalty.createCampaign({ name: 'hook', idempotency_key: 'hook', benefit: { type: 'percent_discount', percent: 12.5 }, code: 'HOOK-12', max_uses: 100 }, actor);
    await use('HOOK12', { idempotency_key: 'hook-1', order_subtotal: '10.04', order_ref: 'hook-order' });
    await use('HOOK12', { idempotency_key: 'hook-1', order_subtotal: '10.04', order_ref: 'hook-order' });
    await use('HOOK12', { idempotency_key: 'hook-2', order_ref: 'hook-untold' });
    const events = (await s.db.selectFrom('events').select('payload').where('type', '=', 'coupon.used').execute()).map((e) => e.payload as Record<string, unknown>);
    expect(events.filter((e) => e.order_ref === 'hook-order')).toEqual([expect.objectContaining({ code: 'HOOK-12', discount_given: '1.26', currency: 'EUR' })]); // 1.255
    expect(events.filter((e) => e.order_ref === 'hook-untold')).toEqual([expect.objectContaining({ discount_given: null })]);
  });

  it('takes a retry as the same use however its amount is written, and another amount under the key as a conflict', async () => {
    expect(await use('TWELVE5', { idempotency_key: 'p-1', order_subtotal: '24.9' })).toMatchObject({ created: false, discount_given: '3.11' });
    await expect(use('TWELVE5', { idempotency_key: 'p-1', order_subtotal: '25.00' })).rejects.toMatchObject({ kind: 'conflict' });
    await expect(use('TWELVE5', { idempotency_key: 'p-1' })).rejects.toMatchObject({ kind: 'conflict' });
    // A use sent without amounts is hashed as before they existed, so a till's retry of a
    // use recorded by the last version is still a retry.
    const row = await s.db.selectFrom('coupon_uses').select('request_hash').where('idempotency_key', '=', 'p-3').executeTakeFirstOrThrow();
    expect(row.request_hash).toBe(sha256(canonicalJson({ code: 'TWELVE5', customer: null, order: null })));
    expect(await figures(ids.percent)).toMatchObject({ uses: 3 });
  });

  it('gives a fixed amount at most the order, and counts a use from before at face value', async () => {
    await use('FIVE-OFF', { idempotency_key: 'f-1', order_subtotal: '3.20' });
    await use('FIVE-OFF', { idempotency_key: 'f-2', order_subtotal: '30' });
    await use('FIVE-OFF', { idempotency_key: 'f-3' });
    // A use recorded before uses told their discount (migration 0024 left it empty).
    await s.db.updateTable('coupon_uses').set({ discount_minor: null }).where('idempotency_key', '=', 'f-3').execute();
    expect(await figures(ids.fixed)).toEqual({ uses: 3, discount_given: '13.20', uses_without_discount: 0 });
  });

  it('records a free product at the price sent, and refuses a price for a coupon that gives no product, using nothing', async () => {
    expect(await use('FREECOFFEE', { idempotency_key: 'c-1', product_price: '3.20', order_subtotal: '9.00' })).toMatchObject({ discount_given: '3.20' });
    await use('FREECOFFEE', { idempotency_key: 'c-2', order_subtotal: '9.00' });
    expect(await figures(ids.product)).toEqual({ uses: 2, discount_given: '3.20', uses_without_discount: 1 });
    await expect(use('TWELVE5', { idempotency_key: 'p-4', product_price: '3.20', order_subtotal: '10' })).rejects.toMatchObject({
      kind: 'invalid', problems: [{ field: 'product_price', reason: 'is only for a coupon that gives a free product: this one gives a discount, whose worth order_subtotal tells' }],
    });
    await expect(use('TWELVE5', { idempotency_key: 'p-5', order_subtotal: '10.001' })).rejects.toMatchObject({ problems: [{ field: 'order_subtotal' }] });
    await expect(use('TWELVE5', { idempotency_key: 'p-6', order_subtotal: '-1' })).rejects.toMatchObject({ problems: [{ field: 'order_subtotal' }] });
    expect((await s.loyalty.coupon('TWELVE5')).uses).toBe(3);
    expect(await figures(ids.percent)).toMatchObject({ uses: 3, uses_without_discount: 1 });
  });

  it('says "not recorded" (null) only when there were uses and none told it; a campaign nobody used gave nothing', async () => {
    await use('TEN-OFF', { idempotency_key: 't-1' });
    await use('TEN-OFF', { idempotency_key: 't-2' });
    expect(await figures(ids.untold)).toEqual({ uses: 2, discount_given: null, uses_without_discount: 2 });
    expect(await figures(ids.unused)).toEqual({ uses: 0, discount_given: '0.00', uses_without_discount: 0 });
    // The list answers the same figures.
    const listed = (await s.loyalty.campaigns({})).items.find((c) => c.id === ids.percent)!;
    expect(listed).toMatchObject({ discount_given: '3.61', uses_without_discount: 1 });
  });
});
