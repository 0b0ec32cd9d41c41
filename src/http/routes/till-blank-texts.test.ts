import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// QA through the API, what a till sends that was read past or kept wrong:
// - an order ref or a reason left blank ("" or spaces, a till's empty field) was kept as an
//   empty text, and the same write retried without the field was a 409 naming a recorded
//   value that read as nothing ("order_ref  (this request: none)"). Blank is none now, as a
//   purchase's blank promo code is: the retry answers the first write.
// - a release's body was never read: { points: 40 } meant to give back part of a hold gave
//   back all of it. A release takes no field, and one sent is a 422 naming it, nothing released.
// - a referral claim's body was not strict: a field beside the code was dropped unread.
// - product_price on an event's invitation was refused as if the coupon gave a discount.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const program = {
  name: 'Till',
  earning: { points_per_currency_unit: 10 },
  bonuses: { referral: { referrer: 50, friend: 20 } },
  rewards: [
    { code: 'five-off', name: '5 off', type: 'fixed_discount', amount: '5.00', points: 100 },
    { code: 'lounge', name: 'Lounge', type: 'event', event: 'Lounge evening', points: 100 },
  ],
};

let mia: string;
const account = async () => (await api.call('GET', `/api/v1/customers/${mia}/loyalty`)).json();

beforeAll(async () => {
  expect((await api.call('POST', '/api/v1/loyalty/program', { body: { program } })).statusCode).toBe(201);
  mia = (await api.call('POST', '/api/v1/customers', { body: { email: 'mia@example.com', first_name: 'Mia' } })).json().id;
  const adjusted = await api.call('POST', `/api/v1/customers/${mia}/loyalty/adjustments`, { body: { points: 1000, reason: 'opening balance', idempotency_key: 'open' } });
  expect(adjusted.json().balance).toBe(1000);
});

describe('an order ref or a reason left blank', () => {
  it("is none at a coupon's use and its rollback: the retries without the field answer the first", async () => {
    const code = (await api.call('POST', `/api/v1/customers/${mia}/loyalty/redemptions`, { body: { reward: 'five-off', idempotency_key: 'r-1' } })).json().coupon.code;
    const used = await api.call('POST', `/api/v1/coupons/${code}/redeem`, { body: { idempotency_key: 'u-1', order_ref: '' } });
    expect(used.statusCode).toBe(201);
    const again = await api.call('POST', `/api/v1/coupons/${code}/redeem`, { body: { idempotency_key: 'u-1' } });
    expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([200, 'true']);
    const rolled = await api.call('POST', `/api/v1/coupons/${code}/rollbacks`, { body: { use_key: 'u-1', reason: '  ' } });
    expect(rolled.statusCode).toBe(201);
    expect(rolled.json().use).toMatchObject({ order_ref: null, reason: null });
    const retried = await api.call('POST', `/api/v1/coupons/${code}/rollbacks`, { body: { use_key: 'u-1' } });
    expect([retried.statusCode, retried.json().use.reason]).toEqual([200, null]);
    expect(await account()).toMatchObject({ balance: 900 });
  });

  it("is none on a checkout reservation: the retry without it answers the hold, held once", async () => {
    const held = await api.call('POST', `/api/v1/customers/${mia}/loyalty/reservations`, { body: { points: 50, idempotency_key: 'h-1', order_ref: ' ' } });
    expect([held.statusCode, held.json().reservation.order_ref]).toEqual([201, null]);
    const again = await api.call('POST', `/api/v1/customers/${mia}/loyalty/reservations`, { body: { points: 50, idempotency_key: 'h-1' } });
    expect([again.statusCode, again.json().reservation.id]).toEqual([200, held.json().reservation.id]);
    expect((await account()).balance).toBe(850);
    expect((await api.call('POST', `/api/v1/customers/${mia}/loyalty/reservations/${held.json().reservation.id}/release`)).statusCode).toBe(200);
    expect((await account()).balance).toBe(900);
  });

  it("is none on a gift card's charge and its refund: charged once, given back once", async () => {
    const card = (await api.call('POST', '/api/v1/gift-cards', { body: { amount: '20.00', idempotency_key: 'g-1' } })).json().code;
    expect((await api.call('POST', `/api/v1/gift-cards/${card}/charge`, { body: { amount: '5.00', idempotency_key: 'c-1', order_ref: '' } })).statusCode).toBe(201);
    const again = await api.call('POST', `/api/v1/gift-cards/${card}/charge`, { body: { amount: '5', idempotency_key: 'c-1' } });
    expect([again.statusCode, again.json().gift_card.balance]).toEqual([200, '15.00']);
    const refunded = await api.call('POST', `/api/v1/gift-cards/${card}/refunds`, { body: { charge_key: 'c-1', amount: '2.00', idempotency_key: 'f-1', reason: '' } });
    expect([refunded.statusCode, refunded.json().gift_card.balance]).toEqual([201, '17.00']);
    const retried = await api.call('POST', `/api/v1/gift-cards/${card}/refunds`, { body: { charge_key: 'c-1', amount: '2.00', idempotency_key: 'f-1' } });
    expect([retried.statusCode, retried.json().gift_card.balance]).toEqual([200, '17.00']);
  });
});

describe('a release with a field in its body', () => {
  it('is a 422 naming it in the language asked; the hold stays, and a release without it gives all back', async () => {
    const held = (await api.call('POST', `/api/v1/customers/${mia}/loyalty/reservations`, { body: { points: 100, idempotency_key: 'h-2' } })).json().reservation;
    expect((await account()).balance).toBe(800);
    const url = `/api/v1/customers/${mia}/loyalty/reservations/${held.id}/release`;
    const refused = await api.call('POST', url, { body: { points: 40 } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ field: '(body)', reason: 'unknown field "points": a release takes none and gives back all the points held (to spend some of them, capture with points)' }]);
    const inSlovenian = await api.call('POST', url, { body: { points: 40 }, headers: { 'accept-language': 'sl' } });
    expect([inSlovenian.statusCode, inSlovenian.headers['content-language']]).toEqual([422, 'sl']);
    expect((await account()).balance).toBe(800);
    const released = await api.call('POST', url, { body: {} });
    expect([released.statusCode, released.json().reservation.status]).toEqual([200, 'released']);
    expect((await account()).balance).toBe(900);
  });
});

describe('a referral claim with a field beside the code', () => {
  it('is a 422 naming it, and no referral is made', async () => {
    const code = (await api.call('POST', `/api/v1/customers/${mia}/loyalty/referral-code`)).json().code;
    const friend = (await api.call('POST', '/api/v1/customers', { body: { email: 'ana@example.com' } })).json().id;
    const refused = await api.call('POST', `/api/v1/customers/${friend}/loyalty/referral`, { body: { code, referrer: mia } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ field: '(body)', reason: 'unknown field "referrer"' }]);
    expect(await api.services.db.selectFrom('loyalty_referrals').selectAll().execute()).toEqual([]);
    expect((await api.call('POST', `/api/v1/customers/${friend}/loyalty/referral`, { body: { code } })).statusCode).toBe(201);
  });
});

describe("product_price sent with an event's invitation", () => {
  it('is refused as what the coupon is, nothing used', async () => {
    const code = (await api.call('POST', `/api/v1/customers/${mia}/loyalty/redemptions`, { body: { reward: 'lounge', idempotency_key: 'r-2' } })).json().coupon.code;
    const refused = await api.call('POST', `/api/v1/coupons/${code}/redeem`, { body: { idempotency_key: 'e-1', product_price: '10.00' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ field: 'product_price', reason: 'is only for a coupon that gives a free product: this one is an invitation to an event, which gives no discount' }]);
    expect((await api.call('GET', `/api/v1/coupons/${code}`)).json()).toMatchObject({ uses: 0, usable: true });
  });
});
