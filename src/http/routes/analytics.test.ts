import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { recordPurchases } from '../../workflows/record-purchases.ts';
import { buildApp } from '../app.ts';

// The figures themselves are worked out in src/modules/analytics/metrics/metrics.test.ts;
// this checks the HTTP edge: scope, query parsing, money as strings, problem+json.
let s: Awaited<ReturnType<typeof openTestServices>>;
let app: FastifyInstance;
let readKey: string;

beforeAll(async () => {
  s = await openTestServices();
  app = await buildApp(s);
  readKey = (await s.auth.createApiKey({ name: 'bi', scopes: ['read'] }, { actor: 'test' })).key;
  await s.stores.upsert({ code: 'lj', name: 'Ljubljana', time_zone: 'Europe/Ljubljana' });
  // 2024: Ana. 2025: Ana twice (repeat), Bor once with a promo code; Cene only in 2024 → churned.
  await recordPurchases(s, [
    { external_id: 'a1', customer: { external_id: 'ana' }, occurred_at: '2024-03-01', store: 'lj', total: '10.00' },
    { external_id: 'c1', customer: { external_id: 'cene' }, occurred_at: '2024-04-01', store: 'lj', total: '10.00' },
    { external_id: 'a2', customer: { external_id: 'ana' }, occurred_at: '2025-03-01', store: 'lj', total: '12.00' },
    { external_id: 'a3', customer: { external_id: 'ana' }, occurred_at: '2025-04-01', store: 'lj', total: '8.00' },
    { external_id: 'b1', customer: { external_id: 'bor' }, occurred_at: '2025-05-01', store: 'lj', total: '5.00', promo_code: 'MAY' },
  ], { source: 'test' });
});
afterAll(async () => {
  await app?.close();
  await s?.close();
});

const get = (url: string, key: string | null = readKey) => app.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });

describe('GET /api/v1/analytics/metrics', () => {
  it('answers a year with decimal strings, the currency and sample sizes', async () => {
    const res = await get('/api/v1/analytics/metrics?year=2025&store=lj&acquisition_cost=1.50');
    expect(res.statusCode).toBe(200);
    // 2025: Ana 20.00 (2 days: repeat) + Bor 5.00 = 25.00 from 3 purchases of 2 customers.
    // 2024: Ana, Cene; Cene lost → churn 1/2 → 2 years. CLV = 25.00 / 2 × 2 − 1.50 = 23.50.
    expect(res.json()).toMatchObject({
      store: 'lj', currency: 'EUR', customers: 2, purchases: 3, revenue: '25.00',
      repeat_purchase_ratio: { value: 0.5, repeat_customers: 1, customers: 2 },
      average_check: { value: '8.33', purchases: 3 },
      churn_rate: { value: 0.5, churned_customers: 1, previous_customers: 2 },
      clv: { value: '23.50', annual_revenue_per_customer: '12.50', average_lifetime_years: 2, acquisition_cost: '1.50' },
      promotions: { other: { purchases: 1, promo_purchases: 1 }, repeat: { purchases: 2, promo_purchases: 0 } },
      revenue_by_tier: [{ tier: 'none', customers: 2, revenue: '25.00' }],
    });
  });

  it('refuses bad input with 422 problem+json naming the field, and a call without a key with 401', async () => {
    const res = await get('/api/v1/analytics/metrics?year=abc');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([{ field: 'year', reason: expect.any(String) }]);
    const money = await get('/api/v1/analytics/metrics?acquisition_cost=1.005');
    expect(money.statusCode).toBe(422);
    expect(money.json().errors[0].field).toBe('acquisition_cost');
    expect((await get('/api/v1/analytics/metrics?store=nowhere')).json().errors[0].field).toBe('store');
    expect((await get('/api/v1/analytics/metrics', null)).statusCode).toBe(401);
  });

  it('publishes the query parameters in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json', null)).json();
    const names = doc.paths['/api/v1/analytics/metrics'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(['year', 'from', 'to', 'store', 'acquisition_cost']);
  });
});

describe('GET /api/v1/analytics/cohorts', () => {
  it('answers the cohort matrix', async () => {
    const res = await get('/api/v1/analytics/cohorts?from=2025-05-01&to=2025-06-30');
    expect(res.statusCode).toBe(200);
    // Bor's first purchase is 2025-05 (Ana's is 2024-03): the May cohort is Bor alone.
    expect(res.json().cohorts).toEqual([
      { month: '2025-05', customers: 1, retention: [{ offset: 0, month: '2025-05', customers: 1, share: 1 }, { offset: 1, month: '2025-06', customers: 0, share: 0 }] },
      { month: '2025-06', customers: 0, retention: [{ offset: 0, month: '2025-06', customers: 0, share: null }] },
    ]);
    expect((await get('/api/v1/analytics/cohorts?to=2025-13-01')).statusCode).toBe(422);
  });
});
