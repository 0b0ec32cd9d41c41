import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { recordPurchases } from '../../workflows/record-purchases.ts';

// The figures themselves are worked out in src/modules/analytics/metrics/metrics.test.ts;
// this checks the HTTP edge: scope, query parsing, money as strings, problem+json.
const api = useTestApp({ keys: { bi: ['read'] } });

beforeAll(async () => {
  await api.services.stores.upsert({ code: 'lj', name: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'test' });
  // 2024: Ana. 2025: Ana twice (repeat), Bor once with a promo code; Cene only in 2024 → churned.
  await recordPurchases(api.services, [
    { external_id: 'a1', customer: { external_id: 'ana' }, occurred_at: '2024-03-01', store: 'lj', total: '10.00' },
    { external_id: 'c1', customer: { external_id: 'cene' }, occurred_at: '2024-04-01', store: 'lj', total: '10.00' },
    { external_id: 'a2', customer: { external_id: 'ana' }, occurred_at: '2025-03-01', store: 'lj', total: '12.00' },
    { external_id: 'a3', customer: { external_id: 'ana' }, occurred_at: '2025-04-01', store: 'lj', total: '8.00' },
    { external_id: 'b1', customer: { external_id: 'bor' }, occurred_at: '2025-05-01', store: 'lj', total: '5.00', promo_code: 'MAY' },
  ], { source: 'test' });
});

describe('GET /api/v1/analytics/metrics', () => {
  it('answers a year with decimal strings, the currency and sample sizes', async () => {
    const res = await api.call('GET', '/api/v1/analytics/metrics?year=2025&store=lj&acquisition_cost=1.50');
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
    const res = await api.call('GET', '/api/v1/analytics/metrics?year=abc');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([{ field: 'year', reason: expect.any(String) }]);
    const money = await api.call('GET', '/api/v1/analytics/metrics?acquisition_cost=1.005');
    expect(money.statusCode).toBe(422);
    expect(money.json().errors[0].field).toBe('acquisition_cost');
    expect((await api.call('GET', '/api/v1/analytics/metrics?store=nowhere')).json().errors[0].field).toBe('store');
    expect((await api.call('GET', '/api/v1/analytics/metrics', { key: null })).statusCode).toBe(401);
  });

  it('publishes the query parameters in the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    const names = doc.paths['/api/v1/analytics/metrics'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(['period', 'year', 'from', 'to', 'store', 'acquisition_cost']);
  });
});

describe('GET /api/v1/analytics/metrics?period=', () => {
  // The named periods are /analytics/overview's: the last month, quarter or year ending today
  // in the business's zone. On 2025-05-15 the year is 2024-05-16 … 2025-05-15: Ana's 2025
  // purchases and Bor's; Cene's (2024-04-01) falls in the year before.
  const on = async <T>(day: string, work: () => Promise<T>) => {
    api.services.clock.set(`${day}T12:00:00Z`);
    try {
      return await work();
    } finally {
      api.services.clock.set('2026-06-01T12:00:00Z');
    }
  };

  it('answers the dates it resolved, the same as /analytics/overview, and the same figures as those dates given as from/to', async () => {
    await on('2025-05-15', async () => {
      for (const period of ['month', 'quarter', 'year'] as const) {
        const named = await api.call('GET', `/api/v1/analytics/metrics?period=${period}&store=lj&acquisition_cost=2.00`);
        expect(named.statusCode, named.body).toBe(200);
        const overview = (await api.call('GET', `/api/v1/analytics/overview?period=${period}`)).json();
        const body = named.json();
        expect(body.period).toMatchObject({ name: period, from: overview.current.from, to: '2025-05-15', days: overview.current.days });
        expect(body.period.previous).toEqual({ from: overview.previous.from, to: overview.previous.to });
        const dated = (await api.call('GET', `/api/v1/analytics/metrics?from=${body.period.from}&to=${body.period.to}&store=lj&acquisition_cost=2.00`)).json();
        expect(dated.period.name).toBeNull();
        expect({ ...body, period: { ...body.period, name: null } }).toEqual(dated);
      }
      const year = (await api.call('GET', '/api/v1/analytics/metrics?period=year')).json();
      expect(year).toMatchObject({ period: { from: '2024-05-16', to: '2025-05-15' }, customers: 2, purchases: 3, revenue: '25.00' });
      // The month (2025-04-16 … 2025-05-15) is Bor's purchase alone; Ana's of 2025-04-01 is in the month before.
      expect((await api.call('GET', '/api/v1/analytics/metrics?period=month')).json()).toMatchObject({
        period: { from: '2025-04-16', to: '2025-05-15', previous: { from: '2025-03-16', to: '2025-04-15' } }, customers: 1, revenue: '5.00',
        churn_rate: { churned_customers: 1, previous_customers: 1 },
      });
    });
  });

  it('refuses period with year, from or to, naming period, and an unknown period naming it too', async () => {
    for (const other of ['year=2025', 'from=2025-01-01', 'to=2025-06-30', 'from=2025-01-01&to=2025-06-30']) {
      const res = await api.call('GET', `/api/v1/analytics/metrics?period=quarter&${other}`);
      expect(res.statusCode, other).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors, other).toEqual([{ field: 'period', reason: 'give either `period` or `year`/`from`/`to`, not both' }]);
    }
    const unknown = await api.call('GET', '/api/v1/analytics/metrics?period=week');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([{ field: 'period', reason: 'must be month, quarter or year' }]);
    // In the caller's language, as every refusal.
    const sl = await api.call('GET', '/api/v1/analytics/metrics?period=year&year=2025', { headers: { 'accept-language': 'sl' } });
    expect(sl.json().errors).toEqual([{ field: 'period', reason: 'podajte bodisi `period` bodisi `year`/`from`/`to`, ne obojega' }]);
  });
});

describe('GET /api/v1/analytics/cohorts', () => {
  it('answers the cohort matrix', async () => {
    const res = await api.call('GET', '/api/v1/analytics/cohorts?from=2025-05-01&to=2025-06-30');
    expect(res.statusCode).toBe(200);
    // Bor's first purchase is 2025-05 (Ana's is 2024-03): the May cohort is Bor alone.
    expect(res.json().cohorts).toEqual([
      { month: '2025-05', customers: 1, retention: [{ offset: 0, month: '2025-05', customers: 1, share: 1 }, { offset: 1, month: '2025-06', customers: 0, share: 0 }] },
      { month: '2025-06', customers: 0, retention: [{ offset: 0, month: '2025-06', customers: 0, share: null }] },
    ]);
    expect((await api.call('GET', '/api/v1/analytics/cohorts?to=2025-13-01')).statusCode).toBe(422);
  });
});

describe('GET /api/v1/analytics/rfm', () => {
  it('scores the customers who bought now, by quintile, and sizes every segment', async () => {
    const res = await api.call('GET', '/api/v1/analytics/rfm');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { segments: { segment: string; customers: number }[]; currency: string; customers: { customer_id: string; r: number; f: number; m: number; segment: string }[] };
    const ids = Object.fromEntries(await Promise.all(['ana', 'bor', 'cene'].map(async (n) => [(await api.services.customers.findByIdentity({ kind: 'external_id', value: n }))!, n])));
    // Three customers rank 1, 2 and 4 (floor(rank × 5 / 3) + 1). Recency: Cene (2024) worst,
    // Ana (April 2025), Bor (May 2025) best. Frequency: Bor and Cene tie on one day (both 1),
    // Ana three days. Money: Bor 5.00, Cene 10.00, Ana 30.00.
    const byName = Object.fromEntries(body.customers.map(({ customer_id, r, f, m, segment }) => [ids[customer_id], { r, f, m, segment }]));
    expect(byName).toEqual({
      ana: { r: 2, f: 4, m: 4, segment: 'At risk' },
      bor: { r: 4, f: 1, m: 1, segment: 'Promising' },
      cene: { r: 1, f: 1, m: 2, segment: 'Lost' },
    });
    expect(body.currency).toBe('EUR');
    expect(body.customers.find((c) => ids[c.customer_id] === 'ana')).toMatchObject({ frequency: 3, monetary: '30.00' });
    expect(body.segments).toHaveLength(12);
    expect(body.segments.filter((x) => x.customers)).toEqual([
      { segment: 'At risk', customers: 1 }, { segment: 'Promising', customers: 1 }, { segment: 'Lost', customers: 1 },
    ]);
  });

  it('refuses an unknown parameter with 422 naming it, and a call without a key with 401', async () => {
    const res = await api.call('GET', '/api/v1/analytics/rfm?segment=Champions');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('segment');
    expect((await api.call('GET', '/api/v1/analytics/rfm', { key: null })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/analytics/clv', () => {
  it('fits the three models to the purchases in the database', async () => {
    const res = await api.call('GET', '/api/v1/analytics/clv');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ customers: 3, unit: 'week', validation: null });
    expect(Object.keys(body.models)).toEqual(['bgnbd', 'paretonbd', 'gammagamma']);
    expect(Object.keys(body.models.bgnbd.params).sort()).toEqual(['a', 'alpha', 'b', 'r']);
    expect(body.models.bgnbd).toMatchObject({ customers: 3, log_likelihood: expect.any(Number), fit_ms: expect.any(Number) });
  });

  it('checks a purchase model against a holdout', async () => {
    const res = await api.call('GET', '/api/v1/analytics/clv?unit=day&calibration_end=2024-12-31&holdout_end=2025-12-31&model=bgnbd');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // Ana and Cene had bought by the end of 2024; in 2025 Ana bought on two days, Cene on none (Bor is new in 2025).
    expect(body).toMatchObject({ customers: 2, unit: 'day', validation: { bgnbd: { customers: 2, actual_total: 2, predicted_total: expect.any(Number) } } });
    expect(Object.keys(body.models)).toEqual(['bgnbd']);
  });

  it('refuses a bad query with 422 naming the field, and a call without a key with 401', async () => {
    const field = async (url: string) => {
      const res = await api.call('GET', url);
      expect(res.statusCode, url).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      return res.json().errors.map((e: { field: string }) => e.field);
    };
    expect(await field('/api/v1/analytics/clv?unit=year')).toEqual(['unit']);
    expect(await field('/api/v1/analytics/clv?model=everything')).toEqual(['model']);
    expect(await field('/api/v1/analytics/clv?calibration_end=2025-02-30')).toEqual(['calibration_end']);
    expect(await field('/api/v1/analytics/clv?calibration_end=2025-06-01&holdout_end=2025-01-01')).toEqual(['holdout_end']);
    // Before the last purchase day, the calibration's end when none is given.
    expect(await field('/api/v1/analytics/clv?holdout_end=2025-01-01')).toEqual(['holdout_end']);
    expect(await field('/api/v1/analytics/clv?calibration_end=2020-01-01')).toEqual(['calibration_end']);
    // Data a model cannot be fitted to is this query's answer, not a fault of the server.
    const unfit = await api.call('GET', '/api/v1/analytics/clv?calibration_end=2024-12-31&model=gammagamma');
    expect(unfit.statusCode).toBe(422);
    expect(unfit.json().detail).toMatch(/No customers with repeat purchases/);
    expect((await api.call('GET', '/api/v1/analytics/clv', { key: null })).statusCode).toBe(401);
  });
});
