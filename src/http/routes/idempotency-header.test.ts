import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A client written for Stripe's API (or the IETF draft "The Idempotency-Key HTTP Header
// Field") sends its retry key as a header. Regression: here the key was read from the
// body alone, so such a client got "idempotency_key: is required" and, had the field
// been optional, would have redeemed twice on a retry. The header now stands in for the
// body's idempotency_key wherever a body takes one; sent in both, they must agree.

const api = useTestApp({ keys: { till: ['read', 'write'], owner: ['read', 'write', 'admin'] } });

const program = {
  name: 'Keys', earning: { points_per_currency_unit: 10 },
  rewards: [{ code: 'five-off', name: '5 off', type: 'fixed_discount', amount: '5.00', points: 100 }],
};
let mia: string;

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
  const bought = await api.call('POST', '/api/v1/purchases', { body: { external_id: 'h-1', customer: { email: 'mia@example.com' }, occurred_at: '2026-05-30T10:00:00Z', total: '100.00' } });
  mia = bought.json().customer_id;
});

const balance = async () => (await api.call('GET', `/api/v1/customers/${mia}/loyalty`)).json().balance as number;

describe('the Idempotency-Key header', () => {
  it('makes a redemption safe to retry, as the body\'s idempotency_key does', async () => {
    const url = `/api/v1/customers/${mia}/loyalty/redemptions`;
    const before = await balance();
    const first = await api.call('POST', url, { body: { reward: 'five-off' }, headers: { 'idempotency-key': 'red-h1' } });
    expect(first.statusCode).toBe(201);
    const again = await api.call('POST', url, { body: { reward: 'five-off' }, headers: { 'idempotency-key': 'red-h1' } });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().coupon.code).toBe(first.json().coupon.code);
    // The same key in the body is the same redemption.
    const inBody = await api.call('POST', url, { body: { reward: 'five-off', idempotency_key: 'red-h1' } });
    expect(inBody.statusCode).toBe(200);
    expect(await balance()).toBe(before - 100);
  });

  it('and the body\'s key, both the same, are one key', async () => {
    const url = `/api/v1/customers/${mia}/loyalty/adjustments`;
    const sent = { body: { points: 50, reason: 'Both', idempotency_key: 'adj-same' }, headers: { 'idempotency-key': 'adj-same' } };
    expect((await api.call('POST', url, sent)).statusCode).toBe(201);
    expect((await api.call('POST', url, sent)).statusCode).toBe(200);
  });

  it('different from the body\'s key is refused naming idempotency_key, in the request\'s language, nothing written', async () => {
    const url = `/api/v1/customers/${mia}/loyalty/adjustments`;
    const before = await balance();
    const res = await api.call('POST', url, { body: { points: 50, reason: 'Two keys', idempotency_key: 'adj-body' }, headers: { 'idempotency-key': 'adj-header' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'idempotency_key', reason: 'the Idempotency-Key header "adj-header" and the body\'s idempotency_key "adj-body" differ: send one, or both the same' }]);
    const sl = await api.call('POST', url, { body: { points: 50, reason: 'Two keys', idempotency_key: 'adj-body' }, headers: { 'idempotency-key': 'adj-header', 'accept-language': 'sl' } });
    expect(sl.json().errors[0].reason).toBe('glava Idempotency-Key "adj-header" in idempotency_key v telesu "adj-body" se razlikujeta: pošljite enega ali oba enaka');
    expect(await balance()).toBe(before);
    // Neither key made anything: the body's alone makes the adjustment now.
    expect((await api.call('POST', url, { body: { points: 50, reason: 'Two keys', idempotency_key: 'adj-body' } })).statusCode).toBe(201);
  });

  it('is checked as the body\'s key is (a blank one is refused naming idempotency_key)', async () => {
    const res = await api.call('POST', `/api/v1/customers/${mia}/loyalty/adjustments`, { body: { points: 50, reason: 'Blank' }, headers: { 'idempotency-key': '' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['idempotency_key']);
  });

  it('is documented on every route whose body takes an idempotency_key, and only there', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    const operations = Object.entries(doc.paths as Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; anyOf?: { properties?: Record<string, unknown> }[] } }> } }>>)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })));
    const withHeader = operations.filter(({ op }) => op.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key')).map(({ route }) => route);
    expect(withHeader).toEqual(expect.arrayContaining([
      'POST /api/v1/customers/{id}/loyalty/redemptions', 'POST /api/v1/customers/{id}/loyalty/adjustments', 'POST /api/v1/coupons/{code}/redeem', 'POST /api/v1/gift-cards',
    ]));
    expect(withHeader).not.toContain('POST /api/v1/purchases');
    expect(withHeader).not.toContain('POST /api/v1/customers');
  });
});
