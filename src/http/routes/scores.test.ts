import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { runDemo } from '../../workflows/run-demo.ts';

// The score endpoints over HTTP, on a small demo business.
const api = useTestApp({ keys: { bi: ['read'], ops: ['read', 'write', 'admin'] }, seed: (s) => runDemo(s, { customers: 250, seed: 8 }) });

describe('score endpoints', () => {
  it('runs the scores on demand (admin only) and shows a customer’s scores and the segment history', async () => {
    const someone = await api.services.db.selectFrom('purchases').select('customer_id').limit(1).executeTakeFirstOrThrow();
    const before = await api.call('GET', `/api/v1/customers/${someone.customer_id}/scores`);
    expect(before.statusCode).toBe(404);
    expect(before.headers['content-type']).toContain('application/problem+json');
    expect(before.json().detail).toMatch(/no scores yet/);

    const refused = await api.call('POST', '/api/v1/analytics/scores/run');
    expect(refused.statusCode).toBe(403);
    const bad = await api.call('POST', '/api/v1/analytics/scores/run', { key: api.keys.ops, body: { as_of: '2026-13-01', colour: 'red' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['(body)', 'as_of']);

    const run = await api.call('POST', '/api/v1/analytics/scores/run', { key: api.keys.ops });
    expect(run.statusCode, run.body).toBe(200);
    const summary = run.json();
    expect(summary).toMatchObject({ as_of: '2026-06-01', trigger: 'api (key:ops)', transaction_model: 'bgnbd', alive_model: 'paretonbd' });
    expect(summary.customers).toBeGreaterThan(200);
    expect(summary.segments.reduce((n: number, x: { customers: number }) => n + x.customers, 0)).toBe(summary.customers);

    const scores = await api.call('GET', `/api/v1/customers/${someone.customer_id}/scores`);
    expect(scores.statusCode).toBe(200);
    expect(scores.json()).toMatchObject({
      customer_id: someone.customer_id, as_of: '2026-06-01', run_id: summary.run_id,
      rfm: { r: expect.any(Number), f: expect.any(Number), m: expect.any(Number), segment: expect.any(String) },
      expected_purchases: { next_90_days: expect.any(Number), next_365_days: expect.any(Number) },
      currency: 'EUR', churn: { horizon_days: 90 }, basis: { customers: summary.customers, alive_model: 'paretonbd', transaction_model: 'bgnbd' },
    });

    const history = await api.call('GET', '/api/v1/analytics/segments?from=2026-05-01&to=2026-06-30');
    expect(history.statusCode).toBe(200);
    expect(history.json()).toMatchObject({ from: '2026-05-01', to: '2026-06-30', runs: [{ run_id: summary.run_id, as_of: '2026-06-01', segments: summary.segments }] });
    expect((await api.call('GET', '/api/v1/analytics/segments?from=2026-07-01&to=2026-06-01')).statusCode).toBe(422);
  });

  it('reads the options as `regulars analyze scores` sends them through a running server: the horizon as typed', async () => {
    const bad = await api.call('POST', '/api/v1/analytics/scores/run', { key: api.keys.ops, body: { horizon_days: 'soon', transaction_model: 'bgnbd' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['horizon_days']);
    const run = await api.call('POST', '/api/v1/analytics/scores/run', { key: api.keys.ops, body: { as_of: '2026-05-31', horizon_days: '60', transaction_model: 'paretonbd' } });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ as_of: '2026-05-31', transaction_model: 'paretonbd' });
  });
});
