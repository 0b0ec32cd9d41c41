import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// The promotions' read side over HTTP: campaigns with figures that follow real
// redemptions at a till, a campaign's codes as JSON pages and as a CSV download (admin
// only: they are bearer secrets), gift cards filtered and paged, and the refusals —
// unknown ids, scopes, cursors — as problem+json naming the field. Every answer is
// checked against the route's declared schema (a CSV against its declared header).

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'], till: ['read', 'write'], report: ['read'] } });
const unknown = '00000000-0000-4000-8000-00000000dead';
let spring: { id: string; codes: string[] };
let summer: string;
let ana: string;

beforeAll(async () => {
  ana = (await api.call('POST', '/api/v1/customers', { body: { email: 'ana@example.com', first_name: 'Ana' } })).json().id;
  api.services.clock.set('2026-05-01T10:00:00Z');
  const made = await api.call('POST', '/api/v1/coupons/campaigns', { body: { name: 'Spring', idempotency_key: 'spring', benefit: { type: 'fixed_discount', amount: '3.50' }, count: 4 } });
  expect(made.statusCode).toBe(201);
  spring = made.json();
  api.services.clock.set('2026-05-02T10:00:00Z');
  const shared = await api.call('POST', '/api/v1/coupons/campaigns', { body: { name: 'Summer', idempotency_key: 'summer', benefit: { type: 'percent_discount', percent: 10 }, code: 'SUN-2026', max_uses: 50 } });
  summer = shared.json().id;
  api.services.clock.set('2026-06-01T12:00:00Z');
});

const redeem = (code: string, key: string, customer?: string) =>
  api.call('POST', `/api/v1/coupons/${code}/redeem`, { key: api.keys.till, body: { idempotency_key: key, customer_id: customer } });

describe('GET /coupons/campaigns', () => {
  it('lists campaigns newest first, and their figures follow redemptions at a till', async () => {
    const before = await api.call('GET', '/api/v1/coupons/campaigns', { key: api.keys.report });
    expect(before.statusCode).toBe(200);
    expect(before.json().items.map((c: { name: string; uses: number }) => [c.name, c.uses])).toEqual([['Summer', 0], ['Spring', 0]]);
    expect((await redeem(spring.codes[0], 'till-1', ana)).statusCode).toBe(201);
    expect((await redeem(spring.codes[0], 'till-1', ana)).statusCode).toBe(200); // a retry counts once
    expect((await redeem(spring.codes[1], 'till-2')).statusCode).toBe(201);
    expect((await redeem('sun-2026', 'till-3', ana)).statusCode).toBe(201);
    const after = await api.call('GET', `/api/v1/coupons/campaigns/${spring.id}`, { key: api.keys.report });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({
      id: spring.id, name: 'Spring', benefit: { type: 'fixed_discount', amount: '3.50' }, kind: 'unique_codes', shared_code: null,
      codes: 4, max_uses: 1, per_customer_limit: null, uses: 2, codes_used: 2, customers: 1, uses_without_customer: 1,
      discount_given: '7.00', uses_without_discount: 0, currency: 'EUR', valid_from: null, expires_at: null, status: 'active', created_at: '2026-05-01T10:00:00.000Z',
    });
    expect((await api.call('GET', `/api/v1/coupons/campaigns/${summer}`)).json()).toMatchObject({ kind: 'shared_code', shared_code: 'SUN-2026', uses: 1, customers: 1, discount_given: null, uses_without_discount: 1 });
  });

  it("records a percentage's discount when the till sends the order's subtotal, and the figures say how many uses did not", async () => {
    const used = await api.call('POST', '/api/v1/coupons/SUN-2026/redeem', { key: api.keys.till, body: { idempotency_key: 'till-4', order_subtotal: '24.95' } });
    expect(used.statusCode).toBe(201);
    expect(used.json()).toMatchObject({ created: true, discount_given: '2.50' }); // 2.495, halves up
    const replay = await api.call('POST', '/api/v1/coupons/SUN-2026/redeem', { key: api.keys.till, body: { idempotency_key: 'till-4', order_subtotal: 24.95 } });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ created: false, discount_given: '2.50' });
    expect((await api.call('GET', `/api/v1/coupons/campaigns/${summer}`)).json()).toMatchObject({ uses: 2, discount_given: '2.50', uses_without_discount: 1 });
    const bad = await api.call('POST', '/api/v1/coupons/SUN-2026/redeem', { key: api.keys.till, body: { idempotency_key: 'till-5', order_subtotal: '1.234', product_price: '2' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['order_subtotal']);
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    const body = doc.paths['/api/v1/coupons/{code}/redeem'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['order_subtotal', 'product_price']));
    expect(body.required).toEqual(['idempotency_key']);
  });

  it('pages with next_cursor, and refuses a cursor it did not give, naming the field', async () => {
    const first = await api.call('GET', '/api/v1/coupons/campaigns?limit=1');
    expect(first.json().items.map((c: { name: string }) => c.name)).toEqual(['Summer']);
    const second = await api.call('GET', `/api/v1/coupons/campaigns?limit=1&cursor=${first.json().next_cursor}`);
    expect(second.json()).toMatchObject({ items: [{ name: 'Spring' }], next_cursor: null });
    const bad = await api.call('GET', '/api/v1/coupons/campaigns?cursor=abc');
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([{ field: 'cursor', reason: 'not a cursor returned by this endpoint' }]);
    expect((await api.call('GET', '/api/v1/coupons/campaigns?limit=0')).json().errors[0].field).toBe('limit');
  });

  it('answers an unknown campaign with a 404, and asks for a key', async () => {
    for (const id of [unknown, 'not-an-id']) {
      const res = await api.call('GET', `/api/v1/coupons/campaigns/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe(`Campaign ${id} not found`);
    }
    expect((await api.call('GET', '/api/v1/coupons/campaigns', { key: null })).statusCode).toBe(401);
    // The language asked for tells the refusal in it.
    expect((await api.call('GET', `/api/v1/coupons/campaigns/${unknown}`, { headers: { 'accept-language': 'sl' } })).json().detail).toBe(`Kampanje ${unknown} ni mogoče najti`);
  });
});

describe('GET /coupons/campaigns/{id}/codes', () => {
  it('pages the codes as JSON, each with its uses', async () => {
    const sorted = [...spring.codes].sort();
    const first = await api.call('GET', `/api/v1/coupons/campaigns/${spring.id}/codes?limit=3`);
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((c: { code: string }) => c.code)).toEqual(sorted.slice(0, 3));
    const rest = await api.call('GET', `/api/v1/coupons/campaigns/${spring.id}/codes?limit=3&cursor=${first.json().next_cursor}`);
    expect(rest.json()).toMatchObject({ items: [{ code: sorted[3] }], next_cursor: null });
    const all = [...first.json().items, ...rest.json().items];
    expect(all.find((c) => c.code === spring.codes[0])).toMatchObject({ uses: 1, usable: false, problem_code: 'used', last_used_at: '2026-06-01T12:00:00.000Z' });
    expect(all.filter((c) => c.usable)).toHaveLength(2);
  });

  it('downloads every code as CSV, asked by Accept or by format=csv', async () => {
    for (const ask of [{ query: '?format=csv', headers: {} }, { query: '', headers: { accept: 'text/csv' } }] as { query: string; headers: Record<string, string> }[]) {
      const res = await api.call('GET', `/api/v1/coupons/campaigns/${spring.id}/codes${ask.query}`, { headers: ask.headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="spring-codes.csv"');
      const [header, ...rows] = res.body.trimEnd().split('\r\n');
      expect(header).toBe('code,state,uses,max_uses,last_used_at,valid_from,expires_at');
      expect(rows.map((r) => r.split(',')[0])).toEqual([...spring.codes].sort());
      expect(rows).toContain(`${spring.codes[1]},used,1,1,2026-06-01T12:00:00.000Z,,`);
      expect(rows.filter((r) => r.split(',')[1] === 'usable')).toHaveLength(2);
    }
    // JSON when both are accepted and JSON comes first, or format=json says so.
    expect((await api.call('GET', `/api/v1/coupons/campaigns/${spring.id}/codes`, { headers: { accept: 'application/json, text/csv' } })).headers['content-type']).toContain('application/json');
    expect((await api.call('GET', `/api/v1/coupons/campaigns/${spring.id}/codes?format=json`, { headers: { accept: 'text/csv' } })).headers['content-type']).toContain('application/json');
    expect((await api.call('GET', `/api/v1/coupons/campaigns/${spring.id}/codes?format=xls`)).json().errors[0].field).toBe('format');
  });

  it('needs the admin scope (the codes are bearer secrets), and 404s an unknown campaign', async () => {
    for (const key of [api.keys.report, api.keys.till]) {
      const res = await api.call('GET', `/api/v1/coupons/campaigns/${spring.id}/codes?format=csv`, { key });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await api.call('GET', `/api/v1/coupons/campaigns/${spring.id}/codes`, { key: null })).statusCode).toBe(401);
    const missing = await api.call('GET', `/api/v1/coupons/campaigns/${unknown}/codes?format=csv`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});

describe('GET /gift-cards', () => {
  it('lists gift cards newest first with balances, filtered by status and paged', async () => {
    const issue = async (body: Record<string, unknown>) => (await api.call('POST', '/api/v1/gift-cards', { body })).json().code as string;
    api.services.clock.set('2026-05-03T10:00:00Z');
    const old = await issue({ amount: '30.00', idempotency_key: 'g-old', customer_id: ana, expires_at: '2026-05-20T00:00:00Z' });
    api.services.clock.set('2026-05-04T10:00:00Z');
    const fresh = await issue({ amount: '40.00', idempotency_key: 'g-fresh' });
    api.services.clock.set('2026-06-01T12:00:00Z');
    expect((await api.call('POST', `/api/v1/gift-cards/${fresh}/charge`, { key: api.keys.till, body: { amount: '12.25', idempotency_key: 'pay' } })).statusCode).toBe(201);

    const all = await api.call('GET', '/api/v1/gift-cards', { key: api.keys.report });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({
      items: [
        { code: fresh, customer_id: null, customer_name: null, currency: 'EUR', initial: '40.00', balance: '27.75', expires_at: null, issued_at: '2026-05-04T10:00:00.000Z', usable: true, status: 'active' },
        { code: old, customer_id: ana, customer_name: 'Ana', currency: 'EUR', initial: '30.00', balance: '30.00', expires_at: '2026-05-20T00:00:00.000Z', issued_at: '2026-05-03T10:00:00.000Z', usable: false, status: 'expired' },
      ],
      next_cursor: null,
    });
    expect((await api.call('GET', '/api/v1/gift-cards?status=expired')).json().items.map((g: { code: string }) => g.code)).toEqual([old]);
    expect((await api.call('GET', '/api/v1/gift-cards?status=used_up')).json().items).toEqual([]);
    const page = await api.call('GET', '/api/v1/gift-cards?limit=1');
    expect(page.json().items.map((g: { code: string }) => g.code)).toEqual([fresh]);
    expect((await api.call('GET', `/api/v1/gift-cards?limit=1&cursor=${page.json().next_cursor}`)).json()).toMatchObject({ items: [{ code: old }], next_cursor: null });
    const bad = await api.call('GET', '/api/v1/gift-cards?status=lost');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('status');
    expect((await api.call('GET', '/api/v1/gift-cards', { key: null })).statusCode).toBe(401);
    // A card is still found by its code at /gift-cards/{code}, beside the list.
    expect((await api.call('GET', `/api/v1/gift-cards/${fresh}`)).json().balance).toBe('27.75');
  });

  it('publishes the new answers in the OpenAPI document, the CSV among them', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    expect(Object.keys(doc.paths['/api/v1/coupons/campaigns/{id}/codes'].get.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    expect(doc.paths['/api/v1/gift-cards'].get).toBeDefined();
    expect(doc.paths['/api/v1/coupons/campaigns'].get).toBeDefined();
  });
});
