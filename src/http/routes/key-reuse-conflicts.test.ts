import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// An idempotency key sent again with other values is a 409 that names each field that
// differs, the recorded value beside this request's, in `errors` — as a purchase's, a
// refund's, a gift card's issue and a campaign's do. Regression: a redemption, a checkout
// reservation, a gift card's charge, a coupon's use and a staff adjustment said only "with
// a different body" (or named the values in the sentence alone), so a till's developer
// could not tell which field their retry changed. Nothing is written by the refusal.

const api = useTestApp({ keys: { till: ['read', 'write'], owner: ['read', 'write', 'admin'] } });

const program = {
  name: 'Keys', earning: { points_per_currency_unit: 10 },
  rewards: [
    { code: 'five-off', name: '5 off', type: 'fixed_discount', amount: '5.00', points: 100 },
    { code: 'ten-off', name: '10 off', type: 'fixed_discount', amount: '10.00', points: 200 },
  ],
};
let mia: string;

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
  const bought = await api.call('POST', '/api/v1/purchases', { body: { external_id: 'k-1', customer: { email: 'mia@example.com' }, occurred_at: '2026-05-30T10:00:00Z', total: '100.00' } });
  mia = bought.json().customer_id;
});

const refused = (answer: Awaited<ReturnType<typeof api.call>>) => ({ status: answer.statusCode, detail: answer.json().detail, errors: answer.json().errors });
const balance = async () => (await api.call('GET', `/api/v1/customers/${mia}/loyalty`)).json().balance as number;

describe('a key sent again with other values', () => {
  it('of a redemption names the reward', async () => {
    const url = `/api/v1/customers/${mia}/loyalty/redemptions`;
    const first = await api.call('POST', url, { body: { reward: 'five-off', idempotency_key: 'red-1' } });
    expect(first.statusCode).toBe(201);
    const before = await balance();
    expect(refused(await api.call('POST', url, { body: { reward: 'ten-off', idempotency_key: 'red-1' } }))).toEqual({
      status: 409, detail: 'Redemption red-1 was already made for a different reward', errors: [{ field: 'reward', reason: 'five-off (this request: ten-off)' }],
    });
    const sl = await api.call('POST', url, { body: { reward: 'ten-off', idempotency_key: 'red-1' }, headers: { 'accept-language': 'sl' } });
    expect(sl.json().errors).toEqual([{ field: 'reward', reason: 'five-off (ta zahteva: ten-off)' }]);
    expect(await balance()).toBe(before);
  });

  it('of a reservation names the points and the order', async () => {
    const url = `/api/v1/customers/${mia}/loyalty/reservations`;
    expect((await api.call('POST', url, { body: { points: 50, idempotency_key: 'res-1', order_ref: 'o-1' } })).statusCode).toBe(201);
    const before = await balance();
    expect(refused(await api.call('POST', url, { body: { points: 60, idempotency_key: 'res-1' } }))).toEqual({
      status: 409, detail: 'Reservation res-1 was already made with other values: points 50 (this request: 60); order_ref o-1 (this request: none)',
      errors: [{ field: 'points', reason: '50 (this request: 60)' }, { field: 'order_ref', reason: 'o-1 (this request: none)' }],
    });
    expect(await balance()).toBe(before);
  });

  it('of a gift card charge names the amount and the order, by value', async () => {
    const { code } = (await api.call('POST', '/api/v1/gift-cards', { key: api.keys.owner, body: { amount: '25.00', idempotency_key: 'card-1' } })).json();
    const url = `/api/v1/gift-cards/${code}/charge`;
    expect((await api.call('POST', url, { body: { amount: '10.00', idempotency_key: 'ch-1' } })).statusCode).toBe(201);
    expect((await api.call('POST', url, { body: { amount: 10, idempotency_key: 'ch-1' } })).statusCode).toBe(200); // "10.00" and 10 are one amount
    expect(refused(await api.call('POST', url, { body: { amount: '12.5', idempotency_key: 'ch-1', order_ref: 'o-2' } }))).toEqual({
      status: 409, detail: 'Gift card charge ch-1 was already recorded with other values: amount 10.00 (this request: 12.50); order_ref none (this request: o-2)',
      errors: [{ field: 'amount', reason: '10.00 (this request: 12.50)' }, { field: 'order_ref', reason: 'none (this request: o-2)' }],
    });
    expect((await api.call('GET', `/api/v1/gift-cards/${code}`)).json().balance).toBe('15.00');
  });

  it('of a coupon use names the order', async () => {
    const redeemed = await api.call('POST', `/api/v1/customers/${mia}/loyalty/redemptions`, { body: { reward: 'five-off', idempotency_key: 'red-2' } });
    const code = redeemed.json().coupon.code as string;
    const url = `/api/v1/coupons/${code}/redeem`;
    expect((await api.call('POST', url, { body: { idempotency_key: 'use-1', order_ref: 'o-3' } })).statusCode).toBe(201);
    expect(refused(await api.call('POST', url, { body: { idempotency_key: 'use-1', order_ref: 'o-4' } }))).toEqual({
      status: 409, detail: 'Coupon use use-1 was already recorded with other values: order_ref o-3 (this request: o-4)', errors: [{ field: 'order_ref', reason: 'o-3 (this request: o-4)' }],
    });
  });

  it('of a staff adjustment names the points and the reason', async () => {
    const url = `/api/v1/customers/${mia}/loyalty/adjustments`;
    expect((await api.call('POST', url, { body: { points: 10, reason: 'goodwill', idempotency_key: 'adj-1' } })).statusCode).toBe(201);
    const before = await balance();
    const answer = refused(await api.call('POST', url, { body: { points: 11, reason: 'goodwill', idempotency_key: 'adj-1' } }));
    expect(answer).toMatchObject({ status: 409, errors: [{ field: 'points', reason: '10 (this request: 11)' }] });
    expect(answer.detail).toBe('Adjustment adj-1 was already recorded with other values (10 points, reason "goodwill"); use a new idempotency_key for a new adjustment');
    expect(await balance()).toBe(before);
  });
});
