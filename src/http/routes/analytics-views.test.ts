import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { createScoresService, loyaltyMetrics, paretoNbdProbabilityAlive, type ParetoNbdParams } from '../../modules/analytics/index.ts';
import { runDemo } from '../../workflows/run-demo.ts';

// The dashboard's read models over HTTP on a small demo business: the shapes, the sums
// that must agree with each other, and problem+json for bad queries. The figures' own
// arithmetic is in src/modules/analytics/views/views.test.ts.
const api = useTestApp({ keys: { bi: ['read'] }, seed: (s) => runDemo(s, { customers: 150, seed: 11 }) });

const MONEY = /^\d+\.\d{2}$/;

const expect422 = async (url: string, field: string) => {
  const res = await api.call('GET', url);
  expect(res.statusCode, url).toBe(422);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
};

describe('analytics read models before any score run', () => {
  it('answers empty score views, and still draws P(alive) from a model fitted on the histories', async () => {
    const grid = await api.call('GET', '/api/v1/analytics/rfm-grid');
    expect(grid.statusCode).toBe(200);
    expect(grid.json()).toMatchObject({ run: null, customers: 0, segments: [] });
    expect(grid.json().cells).toHaveLength(25);
    expect((await api.call('GET', '/api/v1/analytics/clv-distribution')).json()).toMatchObject({ run: null, customers: 0, buckets: [], median: null });
    const alive = (await api.call('GET', '/api/v1/analytics/alive-heatmap')).json();
    expect(alive).toMatchObject({ source: 'fitted', run: null, unit: 'week', model: 'paretonbd', params: { r: expect.any(Number), alpha: expect.any(Number), s: expect.any(Number), beta: expect.any(Number) } });
    expect(alive.cell_customers.flat().reduce((a: number, b: number) => a + b, 0)).toBe(alive.customers);
    expect(alive.observed_probability_alive.flat().every((v: number | null) => v === null)).toBe(true);
  });
});

describe('analytics read models', () => {
  let scored = 0;
  beforeAll(async () => {
    const { db, clock, config, logger } = api.services;
    const scores = createScoresService({ db, clock, timeZone: config.timeZone, currency: config.currency, logger });
    scored = (await scores.computeScores({ trigger: 'test' })).customers;
  });

  it('GET /analytics/overview compares the window with the one before, with sample sizes', async () => {
    const res = await api.call('GET', '/api/v1/analytics/overview?period=quarter');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Test clock: 2026-06-01 in Ljubljana → the last three months and the three before.
    expect(body).toMatchObject({ period: 'quarter', currency: 'EUR', current: { from: '2026-03-02', to: '2026-06-01' }, previous: { from: '2025-12-02', to: '2026-03-01' } });
    const metrics = await loyaltyMetrics(api.services, { from: '2026-03-02', to: '2026-06-01' });
    const before = await loyaltyMetrics(api.services, { from: '2025-12-02', to: '2026-03-01' });
    expect(body.kpis.customers).toMatchObject({ value: metrics.customers, previous: before.customers, sample: metrics.customers, sample_of: 'customers', change_kind: 'relative' });
    expect(body.kpis.customers.change).toBeCloseTo((metrics.customers - before.customers) / before.customers, 4);
    expect(body.kpis.revenue).toMatchObject({ value: metrics.revenue, previous: before.revenue, sample: metrics.purchases, sample_of: 'purchases' });
    expect(body.kpis.revenue.value).toMatch(MONEY);
    expect(body.kpis.average_check.value).toBe(metrics.average_check.value);
    expect(body.kpis.repeat_purchase_ratio).toMatchObject({ value: metrics.repeat_purchase_ratio.value, change_kind: 'difference' });
    const share = body.kpis.active_customers_share;
    expect(share.sample).toBeGreaterThanOrEqual(metrics.customers);
    expect(share.value).toBeCloseTo(metrics.customers / share.sample, 4);
    expect((await api.call('GET', '/api/v1/analytics/overview')).json().period).toBe('month');
    await expect422('/api/v1/analytics/overview?period=week', 'period');
    expect((await api.call('GET', '/api/v1/analytics/overview', { key: null })).statusCode).toBe(401);
  });

  it('GET /analytics/rfm-grid: the 25 cells and the segments each add up to the scored customers', async () => {
    const res = await api.call('GET', '/api/v1/analytics/rfm-grid');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ currency: 'EUR', alive_model: 'paretonbd', customers: scored, run: { as_of: '2026-06-01', customers: scored } });
    expect(body.cells).toHaveLength(25);
    expect(body.cells.reduce((n: number, c: { customers: number }) => n + c.customers, 0)).toBe(scored);
    expect(body.segments.reduce((n: number, c: { customers: number }) => n + c.customers, 0)).toBe(scored);
    const champions = body.cells.filter((c: { r: number; f: number }) => c.r === 5 && c.f >= 4).reduce((n: number, c: { customers: number }) => n + c.customers, 0);
    expect(body.segments.find((g: { segment: string }) => g.segment === 'Champions')?.customers ?? 0).toBe(champions);
    for (const c of body.cells) expect(c.revenue).toMatch(MONEY);
    // QA: under BG/NBD "Lost" averaged 72.6 % alive and "Loyal" 13.8 %. Pareto/NBD's P(alive)
    // agrees with the segments' names and with the churn column.
    const segment = (name: string) => body.segments.find((g: { segment: string }) => g.segment === name);
    expect(segment('Lost').probability_alive_mean).toBeLessThan(0.3);
    expect(segment('Champions').probability_alive_mean).toBeGreaterThan(segment('Lost').probability_alive_mean + 0.3);
    await expect422('/api/v1/analytics/rfm-grid?segment=Champions', '(body)');
  });

  it('GET /analytics/clv-distribution: buckets in 1-2-5 steps that hold every customer with a CLV', async () => {
    const res = await api.call('GET', '/api/v1/analytics/clv-distribution?buckets=10');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.customers + body.without_clv).toBe(scored);
    expect(body.buckets.length).toBeGreaterThan(2);
    expect(body.buckets.length).toBeLessThanOrEqual(10);
    expect(body.buckets[0].from).toBe('0.00');
    expect(body.buckets.reduce((n: number, b: { customers: number }) => n + b.customers, 0)).toBe(body.customers);
    const cents = (m: string) => Math.round(Number(m) * 100);
    expect(body.buckets.reduce((n: number, b: { total: string }) => n + cents(b.total), 0)).toBe(cents(body.total));
    for (const b of body.buckets.slice(1)) expect(String(cents(b.from))).toMatch(/^[125]0*$/);
    expect(Number(body.median)).toBeGreaterThan(0);
    expect(body.mean).toMatch(MONEY);
    await expect422('/api/v1/analytics/clv-distribution?buckets=2', 'buckets');
  });

  it('GET /analytics/alive-heatmap: the run’s Pareto/NBD over x × t_x, every customer in a cell', async () => {
    const res = await api.call('GET', '/api/v1/analytics/alive-heatmap');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ source: 'score_run', run: { as_of: '2026-06-01' }, unit: 'week', model: 'paretonbd', note: null });
    const run = await api.services.db.selectFrom('score_runs').select('params').where('status', '=', 'succeeded').executeTakeFirstOrThrow();
    const params = (run.params as { models: { paretonbd: { params: ParetoNbdParams } } }).models.paretonbd.params;
    expect(body.params).toEqual(params);
    expect(body.T).toBeGreaterThan(50); // two years of demo history
    expect(body.probability_alive).toHaveLength(body.recency_bins.length);
    expect(body.probability_alive[0]).toHaveLength(body.frequency_bins.length);
    expect(body.cell_customers.flat().reduce((a: number, b: number) => a + b, 0)).toBe(body.customers);
    // x = 0 (first and last purchase the same day) has one cell, at t_x = 0: a one-time
    // buyer of T weeks ago is probably gone (BG/NBD said 1). Many purchases long ago
    // (short t_x) hardly alive either.
    expect(body.probability_alive[0][0]).toBeCloseTo(paretoNbdProbabilityAlive({ params, customer: { x: 0, tx: 0, T: body.T } }), 4);
    expect(body.probability_alive[0][0]).toBeLessThan(0.2);
    expect(body.probability_alive.slice(1).map((row: (number | null)[]) => row[0])).toEqual(body.recency_bins.slice(1).map(() => null));
    expect(body.cell_customers.slice(1).map((row: number[]) => row[0])).toEqual(body.recency_bins.slice(1).map(() => 0));
    expect(body.observed_probability_alive[0][0]).toBeGreaterThan(body.probability_alive[0][0]); // the one-time buyers are younger than T on average
    expect(body.probability_alive[0][body.frequency_bins.length - 1]).toBeLessThan(0.05);
    expect(body.probability_alive[body.recency_bins.length - 1][body.frequency_bins.length - 1]).toBeGreaterThan(0.5);
    const narrow = (await api.call('GET', '/api/v1/analytics/alive-heatmap?max_frequency=4&max_recency=10')).json();
    expect(narrow).toMatchObject({ T: 10, frequency_bins: [{ from: 0, to: 0 }, { from: 1, to: 1 }, { from: 2, to: 2 }, { from: 3, to: 3 }, { from: 4, to: 4 }], frequency_open: true });
    expect(narrow.cell_customers.flat().reduce((a: number, b: number) => a + b, 0)).toBe(body.customers);
    await expect422('/api/v1/analytics/alive-heatmap?max_frequency=0', 'max_frequency');
  });

  it('GET /analytics/holdout: predicted against actual by calibration purchases', async () => {
    const res = await api.call('GET', '/api/v1/analytics/holdout?calibration_end=2025-12-01&holdout_end=2026-06-01');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ calibration_end: '2025-12-01', holdout_end: '2026-06-01', unit: 'week', model: 'bgnbd', note: null });
    expect(body.holdout_weeks).toBeCloseTo(182 / 7, 4);
    const groups = body.by_calibration_purchases;
    expect(groups.map((g: { repeat_purchases: string }) => g.repeat_purchases)[0]).toBe('0');
    expect(groups.reduce((n: number, g: { customers: number }) => n + g.customers, 0)).toBe(body.customers);
    expect(groups.reduce((n: number, g: { actual_total: number }) => n + g.actual_total, 0)).toBe(body.actual_total);
    expect(body.predicted_total).toBeGreaterThan(0);
    expect(Math.abs(body.relative_error)).toBeLessThan(0.5);
    // The defaults: the holdout ends today and is 26 weeks long.
    expect((await api.call('GET', '/api/v1/analytics/holdout')).json()).toMatchObject({ calibration_end: '2025-12-01', holdout_end: '2026-06-01' });
    await expect422('/api/v1/analytics/holdout?calibration_end=2026-06-01&holdout_end=2026-01-01', 'calibration_end');
    await expect422('/api/v1/analytics/holdout?holdout_end=2026-02-30', 'holdout_end');
    await expect422('/api/v1/analytics/holdout?holdout_end=2027-01-01', 'holdout_end');
  });

  it('publishes the query parameters in the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    const names = (p: string) => doc.paths[p].get.parameters.map((x: { name: string }) => x.name);
    expect(names('/api/v1/analytics/holdout')).toEqual(['calibration_end', 'holdout_end']);
    expect(names('/api/v1/analytics/overview')).toEqual(['period']);
  });

  // Last: it rewrites the run. A run from before P(alive) was Pareto/NBD's stored
  // BG/NBD's, which holds every one-time buyer alive: its means are not shown, the heat
  // map fits Pareto/NBD now, and a customer's scores say which model their P(alive) is.
  it('does not show the P(alive) of a run from before Pareto/NBD as if it were Pareto/NBD\'s', async () => {
    const { db } = api.services;
    const run = await db.selectFrom('score_runs').select(['id', 'params']).where('status', '=', 'succeeded').executeTakeFirstOrThrow();
    const { alive_model: _, models: { paretonbd: __, ...models }, ...params } = run.params as { alive_model: string; models: Record<string, unknown> };
    await db.updateTable('score_runs').set({ params: JSON.stringify({ ...params, models }) }).where('id', '=', run.id).execute();
    const grid = (await api.call('GET', '/api/v1/analytics/rfm-grid')).json();
    expect(grid.alive_model).toBeNull();
    expect(grid.segments.every((g: { probability_alive_mean: number | null }) => g.probability_alive_mean === null)).toBe(true);
    const alive = (await api.call('GET', '/api/v1/analytics/alive-heatmap')).json();
    expect(alive).toMatchObject({ source: 'fitted', run: null, model: 'paretonbd', params: { s: expect.any(Number) } });
    expect(alive.observed_probability_alive.flat().every((v: number | null) => v === null)).toBe(true);
    const someone = await db.selectFrom('customer_scores').select('customer_id').limit(1).executeTakeFirstOrThrow();
    const scores = (await api.call('GET', `/api/v1/customers/${someone.customer_id}/scores`)).json();
    expect(scores.basis).toMatchObject({ alive_model: 'bgnbd', transaction_model: 'bgnbd' });
  });
});
