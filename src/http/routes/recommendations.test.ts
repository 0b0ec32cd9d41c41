import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { recordPurchases } from '../../workflows/record-purchases.ts';

// The model is worked out in src/modules/analytics/recommendations/; this checks the HTTP
// edge: scope, the limit, 404s, names from the purchase lines.
const api = useTestApp({ keys: { bi: ['read'] } });

let maja: string;

const ESP = { sku: 'ESP', name: 'Espresso', category: 'coffee', quantity: 1, unit_price: '2.20' };
const CRO = { sku: 'CRO', name: 'Croissant', category: 'bakery', quantity: 1, unit_price: '2.00' };
const TEA = { sku: 'TEA', name: 'Black tea', category: 'tea', quantity: 1, unit_price: '2.50' };

beforeAll(async () => {
  // Nine customers, a basket each: six espresso and croissant, two tea, Maja an espresso.
  const purchase = (n: number, customer: string, lines: (typeof ESP)[], total: string) =>
    ({ external_id: `p${n}`, customer: { external_id: customer }, occurred_at: '2026-05-20T09:15:00+02:00', total, lines });
  const outcomes = await recordPurchases(api.services, [
    ...[1, 2, 3, 4, 5, 6].map((n) => purchase(n, `c${n}`, [ESP, CRO], '4.20')),
    purchase(7, 't1', [TEA], '2.50'), purchase(8, 't2', [TEA], '2.50'),
    purchase(9, 'maja', [ESP], '2.20'),
  ], { source: 'test' });
  expect(outcomes.every((o) => o.status === 'created')).toBe(true);
  maja = (await api.services.customers.findByIdentity({ kind: 'external_id', value: 'maja' }))!;
});

describe('GET /api/v1/products/{sku}/bought-together', () => {
  it('lists what shares a basket, by lift', async () => {
    const res = await api.call('GET', '/api/v1/products/ESP/bought-together?limit=5');
    expect(res.statusCode).toBe(200);
    // 9 baskets: espresso in 7, croissant in 6, both in 6. Confidence 6/7, lift (6/7) / (6/9) = 9/7.
    const body = res.json();
    expect(body).toMatchObject({ sku: 'ESP', name: 'Espresso', category: 'coffee', baskets: 7 });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ sku: 'CRO', name: 'Croissant', category: 'bakery', count: 6, confidence: 6 / 7 });
    expect(body.items[0].lift).toBeCloseTo(9 / 7, 12);
  });

  it('answers 404 for a product nobody bought, 422 for a bad limit, 401 without a key', async () => {
    const unknown = await api.call('GET', '/api/v1/products/NOPE/bought-together');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const bad = await api.call('GET', '/api/v1/products/ESP/bought-together?limit=0');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('limit');
    expect((await api.call('GET', '/api/v1/products/ESP/bought-together', { key: null })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/customers/{id}/recommendations', () => {
  it('recommends what customers with the same products bought, then the most popular, never what they have', async () => {
    const res = await api.call('GET', `/api/v1/customers/${maja}/recommendations?limit=3`);
    expect(res.statusCode).toBe(200);
    // Maja has espresso: 6 of its 7 customers have croissant (lift 9/7); nothing goes with
    // tea, which comes as the most popular product left (2 of 9 customers).
    expect(res.json()).toMatchObject({
      customer_id: maja,
      products_bought: 1,
      items: [
        { sku: 'CRO', name: 'Croissant', score: 6 / 7, source: 'co-purchase' },
        { sku: 'TEA', name: 'Black tea', score: 2 / 9, source: 'popular' },
      ],
    });
  });

  it('answers 404 for an unknown customer', async () => {
    const res = await api.call('GET', '/api/v1/customers/00000000-0000-0000-0000-000000000000/recommendations');
    expect(res.statusCode).toBe(404);
    expect((await api.call('GET', '/api/v1/customers/nobody/recommendations')).statusCode).toBe(404);
  });

  it('takes the customer by external id too, as `regulars analyze recommend --customer` does', async () => {
    const byId = await api.call('GET', `/api/v1/customers/${maja}/recommendations?limit=3`);
    const byExternalId = await api.call('GET', '/api/v1/customers/maja/recommendations?limit=3');
    expect(byExternalId.statusCode).toBe(200);
    expect(byExternalId.json()).toEqual(byId.json());
  });
});

describe('GET /api/v1/recommendations/pairs', () => {
  it('lists the pairs bought together most, by lift', async () => {
    const res = await api.call('GET', '/api/v1/recommendations/pairs?limit=5');
    expect(res.statusCode).toBe(200);
    // Only espresso and croissant share 5 baskets or more (6); from the product in more baskets.
    const { items } = res.json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ from: { sku: 'ESP', name: 'Espresso', category: 'coffee' }, to: { sku: 'CRO', name: 'Croissant', category: 'bakery' }, count: 6 });
    expect(items[0].lift).toBeCloseTo(9 / 7, 12);
  });

  it('answers 422 for a bad limit and 401 without a key', async () => {
    const bad = await api.call('GET', '/api/v1/recommendations/pairs?limit=101');
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].field).toBe('limit');
    expect((await api.call('GET', '/api/v1/recommendations/pairs', { key: null })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/recommendations/evaluation', () => {
  it('answers the hit rates on the split at the cut-off', async () => {
    // Every basket is of 2026-05-20: before a cut-off the day after, all train and none test.
    const res = await api.call('GET', '/api/v1/recommendations/evaluation?cutoff=2026-05-21&k=3');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      k: 3, cutoff: '2026-05-21', train_baskets: 9, train_customers: 9, customers: 0,
      model: { hits: 0, customers: 0, rate: 0, low: 0, high: 1 }, most_popular: { hits: 0, customers: 0, rate: 0, low: 0, high: 1 },
      model_only: 0, popular_only: 0, p_value: 1,
    });
  });

  it('answers 422 naming the field for a missing or bad cut-off or k, and 401 without a key', async () => {
    for (const [query, field] of [['', 'cutoff'], ['?cutoff=2026-02-30', 'cutoff'], ['?cutoff=2026-05-21&k=0', 'k']]) {
      const res = await api.call('GET', `/api/v1/recommendations/evaluation${query}`);
      expect(res.statusCode, query).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect((await api.call('GET', '/api/v1/recommendations/evaluation?cutoff=2026-05-21', { key: null })).statusCode).toBe(401);
  });
});
