import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { eraseCustomer } from '../../workflows/customer-lifecycle.ts';

// Every route given a customer id answers an erased customer's id as GET /customers/{id}
// does: 404 with the same detail and `erased_at`, so a client (the dashboard's member
// pages) can say "erased on {date}" wherever it meets the id, and writes nothing.
// Regression: only GET /customers/{id} carried erased_at; the loyalty routes, the
// customer's purchases, scores and recommendations, and the coupon and gift card routes
// that name a customer_id answered a bare 404, as for an id that never was.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });
const actor = { actor: 'test' };
const unknown = '00000000-0000-4000-8000-00000000dead';

const program = {
  name: 'Erased ids', earning: { points_per_currency_unit: 10 }, bonuses: { survey: 5 }, reservation_minutes: 15,
  rewards: [{ code: 'tasting', name: 'Tasting', type: 'free_product', sku: 'T', points: 50 }],
};

let erased: string;
let mergedIntoErased: string;
let held: string;
let friendCode: string;
let couponCode: string;

const buy = async (email: string, key: string) =>
  (await api.call('POST', '/api/v1/purchases', { body: { external_id: key, customer: { email }, occurred_at: '2026-05-20T10:00:00Z', total: '20.00' } })).json().customer_id as string;

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, actor);
  erased = await buy('gone@example.com', 'e-1');
  mergedIntoErased = await buy('gone-too@example.com', 'e-2');
  const friend = await buy('friend@example.com', 'f-1');
  friendCode = (await api.call('POST', `/api/v1/customers/${friend}/loyalty/referral-code`)).json().code;
  held = (await api.call('POST', `/api/v1/customers/${erased}/loyalty/reservations`, { body: { points: 30, idempotency_key: 'cart' } })).json().reservation.id;
  couponCode = 'ERASED-TEST-1';
  expect((await api.call('POST', '/api/v1/coupons/campaigns', { body: { name: 'Ten', idempotency_key: 'ten', benefit: { type: 'percent_discount', percent: 10 }, code: couponCode, max_uses: 5 } })).statusCode).toBe(201);
  expect((await api.call('POST', `/api/v1/customers/${erased}/merge`, { body: { from: mergedIntoErased } })).statusCode).toBe(200);
  await eraseCustomer(api.services, erased, actor);
});

type Call = [method: 'GET' | 'POST', path: string, body?: object];
const routes = (id: string): Call[] => [
  ['GET', `customers/${id}/loyalty`], ['GET', `customers/${id}/loyalty?language=sl`], ['GET', `customers/${id}/loyalty/tiers`],
  ['GET', `customers/${id}/coupons`], ['GET', `customers/${id}/gift-cards`],
  ['GET', `customers/${id}/purchases`], ['GET', `customers/${id}/scores`], ['GET', `customers/${id}/recommendations`],
  ['POST', `customers/${id}/loyalty/enrol`],
  ['POST', `customers/${id}/loyalty/adjustments`, { points: 10, reason: 'sorry', idempotency_key: 'adj' }],
  ['POST', `customers/${id}/loyalty/redemptions`, { reward: 'tasting', idempotency_key: 'red' }],
  ['POST', `customers/${id}/loyalty/reservations`, { points: 10, idempotency_key: 'cart-2' }],
  ['POST', `customers/${id}/loyalty/reservations/${held}/capture`],
  ['POST', `customers/${id}/loyalty/reservations/${held}/release`],
  ['POST', `customers/${id}/loyalty/referral-code`],
  ['POST', `customers/${id}/loyalty/referral`, { code: friendCode }],
  ['POST', `customers/${id}/loyalty/bonuses/survey`, { response_id: 'r-1' }],
  ['POST', `coupons/${couponCode}/redeem`, { idempotency_key: 'use-1', customer_id: id }],
  ['POST', 'gift-cards', { amount: '20.00', idempotency_key: 'card-1', customer_id: id }],
];

const writes = async () => {
  const count = async (table: 'loyalty_entries' | 'audit_log' | 'coupon_uses' | 'gift_cards') =>
    Number((await api.services.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { entries: await count('loyalty_entries'), audit: await count('audit_log'), uses: await count('coupon_uses'), cards: await count('gift_cards') };
};

describe("an erased customer's id on every route that takes a customer id", () => {
  it('is a 404 with the detail of GET /customers/{id} and its erased_at, in the language asked, writing nothing', async () => {
    const record = await api.call('GET', `/api/v1/customers/${erased}`);
    expect(record.statusCode).toBe(404);
    const erasedAt = record.json().erased_at as string;
    expect(erasedAt).toBe(api.services.clock.now().toISOString());
    const before = await writes();
    for (const [method, path, body] of routes(erased)) {
      const res = await api.call(method, `/api/v1/${path}`, { body });
      expect([res.statusCode, res.json().detail, res.json().erased_at], `${method} ${path}`).toEqual([404, record.json().detail, erasedAt]);
      expect(res.json().merged_into, path).toBeUndefined();
    }
    const sl = await api.call('GET', `/api/v1/customers/${erased}/loyalty`, { headers: { 'accept-language': 'sl' } });
    const slRecord = await api.call('GET', `/api/v1/customers/${erased}`, { headers: { 'accept-language': 'sl' } });
    expect([sl.statusCode, sl.json().detail, sl.json().erased_at]).toEqual([404, slRecord.json().detail, erasedAt]);
    expect(await writes()).toEqual(before);
  });

  it('leaves an unknown id bare, and an id merged into a customer erased since as GET /customers/{id} answers it: merged, not erased', async () => {
    for (const [method, path, body] of routes(unknown)) {
      const res = await api.call(method, `/api/v1/${path}`, { body });
      expect(res.statusCode, `${method} ${path}`).toBe(404);
      expect(res.json().erased_at, path).toBeUndefined();
    }
    const record = await api.call('GET', `/api/v1/customers/${mergedIntoErased}`);
    expect(record.json()).toMatchObject({ status: 404, merged_into: erased });
    expect(record.json().erased_at).toBeUndefined();
    const account = await api.call('GET', `/api/v1/customers/${mergedIntoErased}/loyalty`);
    expect(account.statusCode).toBe(404);
    expect(account.json().erased_at).toBeUndefined();
  });

  it('says so in the OpenAPI document, beside the merged ids', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    const operations = Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, { description: string }> }>>)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ name: `${method} ${path}`, path, op })))
      .filter(({ name }) => /\/customers\/\{id\}\/|^post \/api\/v1\/(gift-cards|coupons\/\{code\}\/redeem)$/.test(name));
    expect(operations.length).toBeGreaterThanOrEqual(18);
    for (const { name, op } of operations) {
      if (/\/(merge|export)$/.test(name)) continue;
      expect(op.responses['404']?.description, name).toMatch(/erased_at/);
    }
    expect(doc.paths['/api/v1/customers/{id}/loyalty/adjustments'].post.responses['404'].description).toMatch(/merged_into/);
  });
});
