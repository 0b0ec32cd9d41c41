import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { describeMetrics } from '../../cli/commands/analyze-metrics.ts';
import { recordPurchases } from '../../workflows/record-purchases.ts';

// The acquisition cost a business enters once (PATCH /analytics/settings) is the CLV's
// default in /analytics/metrics; a query's own acquisition_cost still wins, and the answer
// says which cost it used.
const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'], manager: ['read', 'write'] } });

beforeAll(async () => {
  // 2024: Ana, Cene. 2025: Ana (two days), Bor. Churn 1/2 → 2 years; 25.00 / 2 customers → 12.50 a year: CLV 25.00 − cost.
  await recordPurchases(api.services, [
    { external_id: 'a1', customer: { external_id: 'ana' }, occurred_at: '2024-03-01', total: '10.00' },
    { external_id: 'c1', customer: { external_id: 'cene' }, occurred_at: '2024-04-01', total: '10.00' },
    { external_id: 'a2', customer: { external_id: 'ana' }, occurred_at: '2025-03-01', total: '12.00' },
    { external_id: 'a3', customer: { external_id: 'ana' }, occurred_at: '2025-04-01', total: '8.00' },
    { external_id: 'b1', customer: { external_id: 'bor' }, occurred_at: '2025-05-01', total: '5.00' },
  ], { source: 'test' });
});

const clv = async (query = '') => (await api.call('GET', `/api/v1/analytics/metrics?year=2025${query}`)).json().clv;

describe('/api/v1/analytics/settings', () => {
  it('has no acquisition cost until one is stored: the CLV subtracts 0 and says so', async () => {
    const res = await api.call('GET', '/api/v1/analytics/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ currency: 'EUR', acquisition_cost: null, updated_by: null, updated_at: null });
    expect(await clv()).toMatchObject({ value: '25.00', acquisition_cost: '0.00', acquisition_cost_source: 'none' });
  });

  it('stores the cost an owner enters, uses it when the query gives none, and records the change', async () => {
    const res = await api.call('PATCH', '/api/v1/analytics/settings', { body: { acquisition_cost: ' 7.5 ' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ currency: 'EUR', acquisition_cost: '7.50', updated_by: 'key:owner', updated_at: '2026-06-01T12:00:00.000Z' });
    expect((await api.call('GET', '/api/v1/analytics/settings', { key: api.keys.manager })).json()).toMatchObject({ acquisition_cost: '7.50' });
    expect(await clv()).toMatchObject({ value: '17.50', acquisition_cost: '7.50', acquisition_cost_source: 'setting' });
    // The query's own cost wins (0 included), and says so.
    expect(await clv('&acquisition_cost=1.00')).toMatchObject({ value: '24.00', acquisition_cost: '1.00', acquisition_cost_source: 'query' });
    expect(await clv('&acquisition_cost=0')).toMatchObject({ value: '25.00', acquisition_cost: '0.00', acquisition_cost_source: 'query' });
    // `regulars analyze metrics` says it used the stored one.
    const year = (await api.call('GET', '/api/v1/analytics/metrics?year=2025')).json();
    expect(describeMetrics(year, 'en')).toMatch(/^CLV +€17\.50 +acquisition cost €7\.50, as stored$/m);
    expect(describeMetrics(year, 'sl')).toMatch(/^CLV +17,50\u00a0€ +strošek pridobitve 7,50\u00a0€, kot je shranjen$/m);
    expect(describeMetrics((await api.call('GET', '/api/v1/analytics/metrics?year=2025&acquisition_cost=1.00')).json(), 'en')).toMatch(/^CLV +€24\.00 +acquisition cost €1\.00$/m);
    // A named period uses the stored cost too.
    expect((await api.call('GET', '/api/v1/analytics/metrics?period=quarter')).json().clv).toMatchObject({ acquisition_cost: '7.50', acquisition_cost_source: 'setting' });
    const log = (await api.call('GET', '/api/v1/audit?action=analytics.settings.update')).json();
    expect(log.items).toEqual([expect.objectContaining({ action: 'analytics.settings.update', actor: 'key:owner', details: { acquisition_cost: '7.50' } })]);
  });

  it('forgets the cost given null', async () => {
    const res = await api.call('PATCH', '/api/v1/analytics/settings', { body: { acquisition_cost: null } });
    expect(res.json()).toMatchObject({ acquisition_cost: null, updated_by: 'key:owner' });
    expect(await clv()).toMatchObject({ acquisition_cost: '0.00', acquisition_cost_source: 'none' });
    await api.call('PATCH', '/api/v1/analytics/settings', { body: { acquisition_cost: '3.00' } });
    expect(await clv()).toMatchObject({ value: '22.00', acquisition_cost_source: 'setting' });
  });

  it('refuses a bad amount with 422 naming the field and changes nothing; a manager may not change it', async () => {
    for (const body of [{ acquisition_cost: '-1.00' }, { acquisition_cost: '1.005' }, { acquisition_cost: 12 }, { acquisition_cost: 'ten' }, {}]) {
      const res = await api.call('PATCH', '/api/v1/analytics/settings', { body });
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toEqual(['acquisition_cost']);
    }
    const unknown = await api.call('PATCH', '/api/v1/analytics/settings', { body: { acquisition_cost: '1.00', currency: 'USD' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().detail).toContain('currency');
    expect((await api.call('PATCH', '/api/v1/analytics/settings', { key: api.keys.manager, body: { acquisition_cost: '1.00' } })).statusCode).toBe(403);
    expect((await api.call('GET', '/api/v1/analytics/settings', { key: null })).statusCode).toBe(401);
    expect((await api.call('GET', '/api/v1/analytics/settings')).json().acquisition_cost).toBe('3.00');
  });

  // Regression: more decimals than the currency has was told in English whatever the
  // request asked for (the amount's reason was taken as its English text), here and in
  // /analytics/metrics' acquisition_cost.
  it('tells an amount with too many decimals in the language asked, here and in the metrics', async () => {
    const stored = await api.call('PATCH', '/api/v1/analytics/settings', { headers: { 'accept-language': 'sl' }, body: { acquisition_cost: '1.005' } });
    expect(stored.statusCode).toBe(422);
    expect(stored.json().errors).toEqual([{ field: 'acquisition_cost', reason: '"1.005" ima več decimalnih mest, kot jih dopušča EUR (2)' }]);
    const asked = await api.call('GET', '/api/v1/analytics/metrics?year=2025&acquisition_cost=1.005', { headers: { 'accept-language': 'da' } });
    expect(asked.statusCode).toBe(422);
    expect(asked.json().errors).toEqual([{ field: 'acquisition_cost', reason: '"1.005" har flere end 2 decimaler for EUR' }]);
    expect((await api.call('GET', '/api/v1/analytics/settings')).json().acquisition_cost).toBe('3.00');
  });
});
