import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A coupon's use retried under its key with other amounts (order_subtotal, product_price).
// Regression: the 409 said only "was already recorded with a different body", naming no
// field; a till's developer could not tell that their retry changed the subtotal. Now each
// amount is named with the recorded value beside this request's (a use keeps what it was
// sent, migration 0027); nothing is used twice and nothing is written by the refusal.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const campaign = async (key: string, benefit: object, count = 1) =>
  (await api.call('POST', '/api/v1/coupons/campaigns', { body: { name: key, idempotency_key: key, benefit, count, max_uses: 5 } })).json().codes as string[];
const use = (code: string, body: object, language = 'en') => api.call('POST', `/api/v1/coupons/${code}/redeem`, { body, headers: { 'accept-language': language } });
const uses = async () => Number((await api.services.db.selectFrom('coupon_uses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

let percent: string;
let fixed: string;
let product: string;

beforeAll(async () => {
  [percent] = await campaign('ten-percent', { type: 'percent_discount', percent: 10 });
  [fixed] = await campaign('five-off', { type: 'fixed_discount', amount: '5.00' });
  [product] = await campaign('free-coffee', { type: 'free_product', sku: 'COF' });
});

describe('a coupon use retried with other amounts', () => {
  it("names a percentage's order_subtotal, the recorded one beside this request's", async () => {
    expect((await use(percent, { idempotency_key: 'p-1', order_subtotal: '24.95' })).json().discount_given).toBe('2.50');
    const before = await uses();
    const res = await use(percent, { idempotency_key: 'p-1', order_subtotal: '30.00' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      detail: 'Coupon use p-1 was already recorded with other values: order_subtotal 24.95 (this request: 30.00)',
      errors: [{ field: 'order_subtotal', reason: '24.95 (this request: 30.00)' }],
    });
    // Spelt another way it is the same use.
    expect((await use(percent, { idempotency_key: 'p-1', order_subtotal: 24.95 })).statusCode).toBe(200);
    expect(await uses()).toBe(before);
  });

  it('names an amount left out or added, in the language asked', async () => {
    await use(fixed, { idempotency_key: 'f-1', order_subtotal: '3.20' });
    const without = await use(fixed, { idempotency_key: 'f-1' }, 'sl');
    expect(without.json().errors).toEqual([{ field: 'order_subtotal', reason: '3.20 (ta zahteva: brez)' }]);
    await use(product, { idempotency_key: 'c-1' });
    const priced = await use(product, { idempotency_key: 'c-1', product_price: '2.10' }, 'ru');
    expect(priced.json().errors).toEqual([{ field: 'product_price', reason: 'нет (в этом запросе: 2.10)' }]);
  });

  it("names a free product's price", async () => {
    await use(product, { idempotency_key: 'c-2', product_price: '3.20' });
    const res = await use(product, { idempotency_key: 'c-2', product_price: '3.40' });
    expect(res.json().errors).toEqual([{ field: 'product_price', reason: '3.20 (this request: 3.40)' }]);
  });

  it('names it where the discount cannot tell what was sent (a fixed amount below the order), the amounts being kept', async () => {
    // Regression: before the use kept its amounts (migration 0027) they were recovered from
    // the discount, and 5.00 off an order of 40.00 or of 50.00 is the same discount.
    await use(fixed, { idempotency_key: 'f-2', order_subtotal: '40.00' });
    const res = await use(fixed, { idempotency_key: 'f-2', order_subtotal: '50.00' });
    expect([res.statusCode, res.json().errors]).toEqual([409, [{ field: 'order_subtotal', reason: '40.00 (this request: 50.00)' }]]);
    const [percentUse] = await api.services.db.selectFrom('coupon_uses').select(['order_subtotal_minor', 'product_price_minor']).where('idempotency_key', '=', 'p-1').execute();
    expect([Number(percentUse!.order_subtotal_minor), percentUse!.product_price_minor]).toEqual([2495, null]);
  });

  it('stays unnamed for a use recorded before the amounts were kept, unless it was sent none', async () => {
    await use(fixed, { idempotency_key: 'f-3', order_subtotal: '40.00' });
    await use(fixed, { idempotency_key: 'f-4' });
    // What such a use looks like: its amounts only in its hash.
    await api.services.db.updateTable('coupon_uses').set({ order_subtotal_minor: null, product_price_minor: null }).where('idempotency_key', 'in', ['f-3', 'f-4']).execute();
    const before = await uses();
    const sent = await use(fixed, { idempotency_key: 'f-3', order_subtotal: '50.00' });
    expect([sent.statusCode, sent.json().detail, sent.json().errors]).toEqual([409, 'Coupon use f-3 was already recorded with a different body', undefined]);
    expect((await use(fixed, { idempotency_key: 'f-3', order_subtotal: '40.00' })).statusCode).toBe(200);
    const none = await use(fixed, { idempotency_key: 'f-4', order_subtotal: '12.00' });
    expect(none.json().errors).toEqual([{ field: 'order_subtotal', reason: 'none (this request: 12.00)' }]);
    expect(await uses()).toBe(before);
  });
});
