import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// Every GET the OpenAPI document lists with query parameters, each parameter given a value
// it cannot take: the answer is a 4xx problem naming what is wrong, never a 500.

const api = useTestApp({ keys: { admin: ['read', 'write', 'admin'] } });

const BAD_VALUES = ['zzz', '-1', '0', '100000', '2026-13-01'];

describe('query parameters', () => {
  it('answer a value they cannot take with a 4xx, never a 500', async () => {
    const made = await api.call('POST', '/api/v1/purchases', {
      body: { external_id: 'q-1', customer: { email: 'q@example.com' }, occurred_at: '2026-05-20T09:00:00Z', total: '10.00' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const customerId = made.json().customer_id as string;
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    const failures: string[] = [];
    let tried = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      const params = (operations.get?.parameters ?? []).filter((p) => p.in === 'query');
      if (params.length === 0 || path.includes('{code}') || path.includes('{version}')) continue;
      const url = path.replace('{id}', customerId);
      for (const param of params) {
        for (const value of BAD_VALUES) {
          const res = await api.call('GET', `${url}?${param.name}=${encodeURIComponent(value)}`);
          tried++;
          if (res.statusCode >= 500) failures.push(`${path}?${param.name}=${value} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(tried).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  }, 120_000);
});
