import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { eraseCustomer } from '../../workflows/customer-lifecycle.ts';

// A member's app or a till that kept a customer id from before a merge reads the account
// the person has now: the survivor's, at the end of a chain of merges, with the survivor's
// id in the body and in Content-Location, so the client can learn the id to use. Regression:
// these reads answered the merged customer's closed account (no points, no coupons).
const api = useTestApp({ keys: { till: ['read', 'write'] } });
const actor = { actor: 'test' };
const unknown = '00000000-0000-4000-8000-00000000dead';

const program = {
  name: 'Merged reads',
  earning: { points_per_currency_unit: 10 },
  tiers: { metric: 'purchases', window: 'lifetime', levels: [{ code: 'member', name: 'Member', threshold: '0' }, { code: 'regular', name: 'Regular', threshold: '1' }] },
  rewards: [{ code: 'mug', name: 'Mug', type: 'free_product', sku: 'MUG', points: 50 }, { code: 'lamp', name: 'Lamp', type: 'free_product', sku: 'LAMP', points: 400 }],
};

let n = 0;
async function buy(email: string, total: string) {
  const res = await api.call('POST', '/api/v1/purchases', { body: { external_id: `m-${++n}`, customer: { email }, occurred_at: '2026-05-20T10:00:00Z', total } });
  expect(res.statusCode).toBe(201);
  return res.json().customer_id as string;
}

let a: string;
let b: string;
let c: string;
let couponCode: string;

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, actor);
  // A earns 200 points and a coupon, B and C buy a little; A goes into B, then B into C.
  a = await buy('chain-a@example.com', '20.00');
  b = await buy('chain-b@example.com', '5.00');
  c = await buy('chain-c@example.com', '5.00');
  couponCode = (await api.call('POST', `/api/v1/customers/${a}/loyalty/redemptions`, { body: { reward: 'mug', idempotency_key: 'mug-a' } })).json().coupon.code;
  expect((await api.call('POST', `/api/v1/customers/${b}/merge`, { body: { from: a } })).statusCode).toBe(200);
  expect((await api.call('POST', `/api/v1/customers/${c}/merge`, { body: { from: b } })).statusCode).toBe(200);
});

describe('a per-customer loyalty read given a merged id', () => {
  it("answers the account at the end of the merge chain, named in the body and in Content-Location", async () => {
    const survivor = await api.call('GET', `/api/v1/customers/${c}/loyalty?language=sl`);
    expect(survivor.headers['content-location']).toBeUndefined();
    // 200 + 50 + 50 earned, 50 spent on the mug.
    expect(survivor.json()).toMatchObject({ customer_id: c, member: true, balance: 250 });
    for (const merged of [a, b]) {
      const res = await api.call('GET', `/api/v1/customers/${merged}/loyalty?language=sl`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-location']).toBe(`/api/v1/customers/${c}/loyalty?language=sl`);
      expect(res.json()).toEqual(survivor.json());
    }
  });

  it("answers the survivor's tier history and coupons", async () => {
    const tiers = await api.call('GET', `/api/v1/customers/${a}/loyalty/tiers`);
    expect(tiers.statusCode).toBe(200);
    expect(tiers.headers['content-location']).toBe(`/api/v1/customers/${c}/loyalty/tiers`);
    expect(tiers.json()).toEqual((await api.call('GET', `/api/v1/customers/${c}/loyalty/tiers`)).json());
    // Each of the three became a regular with a purchase; the merges moved A's and B's history to C.
    expect(tiers.json()).toMatchObject({ customer_id: c, items: [{ to: 'regular' }, { to: 'regular' }, { to: 'regular' }] });

    const coupons = await api.call('GET', `/api/v1/customers/${a}/coupons`);
    expect(coupons.statusCode).toBe(200);
    expect(coupons.headers['content-location']).toBe(`/api/v1/customers/${c}/coupons`);
    expect(coupons.json()).toMatchObject({ customer_id: c, items: [{ code: couponCode, customer_id: c, usable: true }] });
    const own = await api.call('GET', `/api/v1/customers/${c}/coupons`);
    expect(own.headers['content-location']).toBeUndefined();
    expect(own.json()).toEqual(coupons.json());
  });

  it("says what the survivor can afford in the rewards catalogue", async () => {
    const res = await api.call('GET', `/api/v1/loyalty/rewards?customer_id=${b}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-location']).toBe(`/api/v1/loyalty/rewards?customer_id=${c}`);
    expect(res.json()).toMatchObject({ customer_id: c, rewards: [{ code: 'mug', affordable: true }, { code: 'lamp', affordable: false }] });
    const anyone = await api.call('GET', '/api/v1/loyalty/rewards');
    expect(anyone.headers['content-location']).toBeUndefined();
    expect(anyone.json().rewards[0]).not.toHaveProperty('affordable');
  });

  it('leaves the customer record itself merged, and an unknown id unknown', async () => {
    const record = await api.call('GET', `/api/v1/customers/${a}`);
    expect(record.statusCode).toBe(404);
    expect(record.json().detail).toMatch(`merged into ${b}`);
    for (const path of ['loyalty', 'loyalty/tiers', 'coupons']) {
      const res = await api.call('GET', `/api/v1/customers/${unknown}/${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-location'], path).toBeUndefined();
    }
    // The catalogue asked for an unknown customer too: a 404 naming the id, not the plain catalogue.
    const catalogue = await api.call('GET', `/api/v1/loyalty/rewards?customer_id=${unknown}`);
    expect([catalogue.statusCode, catalogue.json().detail]).toEqual([404, `Customer ${unknown} not found`]);
    expect(catalogue.headers['content-location']).toBeUndefined();
  });

  // QA F10: the account of an erased customer answered 200 (member: true, its explanation)
  // while GET /customers/{id} answered 404 (loyalty-erased.test.ts has every route).
  it("answers an erased customer's id as GET /customers/{id} does", async () => {
    const e = await buy('erased@example.com', '3.00');
    await eraseCustomer(api.services, e, actor);
    const record = await api.call('GET', `/api/v1/customers/${e}`);
    const res = await api.call('GET', `/api/v1/customers/${e}/loyalty`);
    expect([res.statusCode, res.json().detail]).toEqual([404, record.json().detail]);
    expect(res.headers['content-location']).toBeUndefined();
  });

  it('says so in the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    for (const path of ['/api/v1/customers/{id}/loyalty', '/api/v1/customers/{id}/loyalty/tiers', '/api/v1/customers/{id}/coupons', '/api/v1/loyalty/rewards']) {
      expect(doc.paths[path].get.description, path).toMatch(/merged.*Content-Location/s);
    }
  });
});
