import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// An erased customer is nobody any more (README "Erasure"): every loyalty route answers
// their id as GET /customers/{id} does, a 404 naming the id, and writes nothing. QA F10:
// the account answered 200 (member: true, with its explanation), a redemption 409 "Not
// enough points… 0 available", while an adjustment answered 404.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });
const actor = { actor: 'test' };

const program = {
  name: 'Erased', earning: { points_per_currency_unit: 10 }, bonuses: { survey: 5 }, reservation_minutes: 15,
  rewards: [{ code: 'tasting', name: { en: 'Tasting', da: 'Smagning' }, type: 'free_product', sku: 'T', points: 50 }],
};

let erased: string;
let held: string;
let friendCode: string;

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, actor);
  const buy = async (email: string, key: string) =>
    (await api.call('POST', '/api/v1/purchases', { body: { external_id: key, customer: { email }, occurred_at: '2026-05-20T10:00:00Z', total: '20.00' } })).json().customer_id as string;
  erased = await buy('gone@example.com', 'e-1');
  const friend = await buy('friend@example.com', 'f-1');
  friendCode = (await api.call('POST', `/api/v1/customers/${friend}/loyalty/referral-code`)).json().code;
  held = (await api.call('POST', `/api/v1/customers/${erased}/loyalty/reservations`, { body: { points: 30, idempotency_key: 'cart' } })).json().reservation.id;
  expect((await api.call('DELETE', `/api/v1/customers/${erased}`)).statusCode).toBe(200);
});

const entries = () => api.services.db.selectFrom('loyalty_entries').select('id').where('customer_id', '=', erased).execute();

describe("an erased customer's id on the loyalty routes", () => {
  it('is a 404 naming the customer, as GET /customers/{id} answers it, in the language asked', async () => {
    const record = await api.call('GET', `/api/v1/customers/${erased}`);
    expect(record.statusCode).toBe(404);
    const before = (await entries()).length;
    const routes: [method: 'GET' | 'POST', path: string, body?: object][] = [
      ['GET', 'loyalty'], ['GET', 'loyalty?language=sl'], ['GET', 'loyalty/tiers'], ['GET', 'coupons'], ['GET', 'gift-cards'],
      ['POST', 'loyalty/enrol'],
      ['POST', 'loyalty/adjustments', { points: 10, reason: 'sorry', idempotency_key: 'adj' }],
      ['POST', 'loyalty/redemptions', { reward: 'tasting', idempotency_key: 'red' }],
      ['POST', 'loyalty/reservations', { points: 10, idempotency_key: 'cart-2' }],
      ['POST', `loyalty/reservations/${held}/capture`],
      ['POST', `loyalty/reservations/${held}/release`],
      ['POST', 'loyalty/referral-code'],
      ['POST', 'loyalty/referral', { code: friendCode }],
      ['POST', 'loyalty/bonuses/survey', { response_id: 'r-1' }],
    ];
    for (const [method, path, body] of routes) {
      const res = await api.call(method, `/api/v1/customers/${erased}/${path}`, { body });
      expect([res.statusCode, res.json().detail], `${method} ${path}`).toEqual([404, record.json().detail]);
    }
    const da = await api.call('POST', `/api/v1/customers/${erased}/loyalty/redemptions`, { body: { reward: 'tasting', idempotency_key: 'red' }, headers: { 'accept-language': 'da' } });
    expect([da.statusCode, da.json().detail]).toEqual([404, `Kunden ${erased} blev ikke fundet`]);
    expect((await entries()).length).toBe(before);
  });

  it('is answered by the rewards catalogue as every route answers it: 404, with erased_at', async () => {
    const record = await api.call('GET', `/api/v1/customers/${erased}`);
    const res = await api.call('GET', `/api/v1/loyalty/rewards?customer_id=${erased}`);
    expect([res.statusCode, res.json().detail, res.json().erased_at]).toEqual([404, record.json().detail, record.json().erased_at]);
    expect(res.json().erased_at).toEqual(expect.any(String));
  });
});
