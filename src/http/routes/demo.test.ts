import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// The demo business through the API, as `regulars demo` sends it beside a running server.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'], till: ['read', 'write'] } });

const demo = (body: object, key = api.keys.owner, accept = 'application/json') => api.call('POST', '/api/v1/demo', { key, body, headers: { accept } });

describe('POST /demo', () => {
  it('is for admins, and names a bad option without writing anything', async () => {
    expect((await demo({ customers: 20 }, api.keys.till)).statusCode).toBe(403);
    const bad = await demo({ customers: 0, years: 'two' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['customers', 'years']);
    expect((await api.services.commerce.totals()).purchases).toBe(0);
  });

  it('makes the demo business with its progress, and adds nothing the second time', async () => {
    const res = await demo({ customers: 40, seed: 7 }, api.keys.owner, 'application/x-ndjson');
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].progress).toEqual({ customers: expect.any(Number), purchases: expect.any(Number) });
    const summary = lines.at(-1).result;
    expect(summary).toMatchObject({ stores: 3, customers: expect.any(Number), refunds: expect.any(Number) });
    expect(summary.created).toBe(summary.purchases);
    expect((await api.services.commerce.totals()).purchases).toBe(summary.purchases);
    const again = await demo({ customers: 40, seed: 7 });
    expect(again.json()).toMatchObject({ purchases: summary.purchases, created: 0 });
  });
});
