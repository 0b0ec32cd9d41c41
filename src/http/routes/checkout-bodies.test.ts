import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// What a till (or an admin's script) sends at checkout that the API must not read past:
// a field it does not take — a misspelt "customer" for customer_id let a coupon be used
// without its per-customer limit or its owner's check, a misspelt "order_total" left a
// percentage's discount unrecorded, a misspelt "per_customer" made a campaign without its
// limit — and a number past what can be stored. Each is a 422 naming what is wrong, in
// the request's language, and nothing is written.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'], till: ['read', 'write'] } });

const program = { name: 'Checkout', earning: { points_per_currency_unit: 10 }, rewards: [{ code: 'five-off', name: '5 off', type: 'fixed_discount', amount: '5.00', points: 100 }] };
let mia: string;
let shared: string;

const count = async (table: 'coupon_uses' | 'coupons' | 'coupon_campaigns' | 'loyalty_reservations') =>
  Number((await api.services.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const balance = async () => (await api.call('GET', `/api/v1/customers/${mia}/loyalty`)).json().balance as number;

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
  const bought = await api.call('POST', '/api/v1/purchases', { body: { external_id: 't-1', customer: { email: 'mia@example.com' }, occurred_at: '2026-05-30T10:00:00Z', total: '50.00' } });
  mia = bought.json().customer_id;
  const made = await api.call('POST', '/api/v1/coupons/campaigns', {
    key: api.keys.owner,
    body: { name: 'Once each', idempotency_key: 'once-each', benefit: { type: 'percent_discount', percent: 10 }, code: 'ONCE-EACH', max_uses: 100, per_customer_limit: 1 },
  });
  shared = made.json().codes[0];
});

describe('a field the route does not take', () => {
  const refusedIn = (res: { statusCode: number; headers: Record<string, unknown>; json(): { errors: unknown } }, language: string, reason: string) => {
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-language']).toBe(language);
    expect(res.json().errors).toEqual([{ field: '(body)', reason }]);
  };

  it('is refused when a coupon is used: no use counted, the limit kept', async () => {
    const res = await api.call('POST', `/api/v1/coupons/${shared}/redeem`, { body: { idempotency_key: 'u-1', customer: mia }, headers: { 'accept-language': 'sl' } });
    refusedIn(res, 'sl', 'neznano polje "customer"');
    const twice = await api.call('POST', `/api/v1/coupons/${shared}/redeem`, { body: { idempotency_key: 'u-2', customer_id: mia, order_total: '20.00' }, headers: { 'accept-language': 'ru' } });
    refusedIn(twice, 'ru', 'неизвестное поле "order_total"');
    expect(await count('coupon_uses')).toBe(0);
  });

  it('is refused when a reward is redeemed: no points spent, no coupon', async () => {
    const before = [await balance(), await count('coupons')];
    const res = await api.call('POST', `/api/v1/customers/${mia}/loyalty/redemptions`, { body: { reward: 'five-off', idempotency_key: 'r-1', quantity: 2 }, headers: { 'accept-language': 'ru' } });
    refusedIn(res, 'ru', 'неизвестное поле "quantity"');
    expect([await balance(), await count('coupons')]).toEqual(before);
  });

  it('is refused when points are reserved: nothing held', async () => {
    const before = await balance();
    const res = await api.call('POST', `/api/v1/customers/${mia}/loyalty/reservations`, { body: { points: 50, idempotency_key: 'h-1', order: 'o-1' }, headers: { 'accept-language': 'sl' } });
    refusedIn(res, 'sl', 'neznano polje "order"');
    expect([await balance(), await count('loyalty_reservations')]).toEqual([before, 0]);
  });

  it('is refused when a campaign is made: no campaign without its limit', async () => {
    const before = await count('coupon_campaigns');
    const res = await api.call('POST', '/api/v1/coupons/campaigns', {
      key: api.keys.owner, headers: { 'accept-language': 'ru' },
      body: { name: 'Spring', idempotency_key: 'spring', benefit: { type: 'fixed_discount', amount: '2.00' }, count: 3, per_customer: 1 },
    });
    refusedIn(res, 'ru', 'неизвестное поле "per_customer"');
    expect(await count('coupon_campaigns')).toBe(before);
  });
});

describe("a campaign's per-customer limit past what can be stored", () => {
  // Audit: a 500 ("value out of range for type integer"), as max_uses is bounded.
  it('is a 422 naming per_customer_limit in the language asked, no campaign made', async () => {
    const before = await count('coupon_campaigns');
    const res = await api.call('POST', '/api/v1/coupons/campaigns', {
      key: api.keys.owner, headers: { 'accept-language': 'sl' },
      body: { name: 'Huge', idempotency_key: 'huge', benefit: { type: 'fixed_discount', amount: '2.00' }, count: 1, per_customer_limit: 99_999_999_999 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'per_customer_limit', reason: 'mora biti največ 10.000.000' }]);
    expect(await count('coupon_campaigns')).toBe(before);
  });
});
