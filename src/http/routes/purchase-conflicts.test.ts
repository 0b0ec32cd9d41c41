import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// An order id (or a refund id) sent again with other values is a 409 that names each field
// that differs, with the recorded value and this request's, in the detail and in `errors`:
// the till's developer sees what their retry changed. A value spelled another way is no
// difference.

const api = useTestApp({
  keys: { pos: ['read', 'write'] },
  seed: (s) => s.stores.upsert({ code: 'lj-center', name: 'Ljubljana centre', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' }),
});

const first = {
  external_id: 'till-1',
  customer: { external_id: 'card-7', email: 'maja@example.com' },
  occurred_at: '2026-05-01T10:00:00+02:00',
  store: 'lj-center',
  total: '12.40',
  lines: [{ sku: 'ESP', quantity: 2, unit_price: '2.20' }, { sku: 'CAKE', quantity: 1, unit_price: '8.00' }],
};

const post = (body: object) => api.call('POST', '/api/v1/purchases', { body });

beforeAll(async () => {
  expect((await post(first)).statusCode).toBe(201);
});

describe('POST /purchases with an order id recorded with other values', () => {
  const changed = {
    ...first,
    customer: { external_id: 'card-7', email: 'Other@Example.com' },
    occurred_at: '2026-05-01T08:30:00Z',
    total: '12.50',
    lines: [first.lines[0], { sku: 'CAKE', quantity: 2, unit_price: '8.00' }],
  };
  const detail = 'Purchase till-1 was already recorded with other values: total 12.40 (this request: 12.50); '
    + 'occurred_at 2026-05-01T10:00:00+02:00 (this request: 2026-05-01T10:30:00+02:00); lines.1.quantity 1 (this request: 2); '
    + 'customer.email maja@example.com (this request: other@example.com)';
  const errors = [
    { field: 'total', reason: '12.40 (this request: 12.50)' },
    { field: 'occurred_at', reason: '2026-05-01T10:00:00+02:00 (this request: 2026-05-01T10:30:00+02:00)' },
    { field: 'lines.1.quantity', reason: '1 (this request: 2)' },
    { field: 'customer.email', reason: 'maja@example.com (this request: other@example.com)' },
  ];

  it('answers a retry spelled another way as a replay', async () => {
    const res = await post({ ...first, total: '12.4', occurred_at: '2026-05-01T08:00:00Z', customer: { external_id: 'card-7', email: 'MAJA@example.com' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['idempotent-replayed']).toBe('true');
  });

  it('names each field that differs, the recorded value and this request\'s', async () => {
    const res = await post(changed);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ type: 'about:blank', title: 'Conflict', status: 409, detail, errors });
  });

  it('names the same differences for an item of a batch, and records the others', async () => {
    const res = await api.call('POST', '/api/v1/purchases/batch', { body: { purchases: [changed, { ...first, external_id: 'till-2' }] } });
    expect(res.statusCode).toBe(200);
    const { results } = res.json();
    expect(results[0]).toEqual({ index: 0, status: 'error', error: { type: 'about:blank', title: 'Conflict', status: 409, detail, errors } });
    expect(results[1]).toMatchObject({ index: 1, status: 'created' });
  });

  it('names a store and a line left out', async () => {
    const res = await post({ ...first, store: undefined, lines: [first.lines[0]] });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([
      { field: 'store', reason: 'lj-center (this request: none)' },
      { field: 'channel', reason: 'in_store (this request: other)' },
      { field: 'lines', reason: '2 lines (this request: 1 line)' },
      { field: 'lines.1', reason: 'sku CAKE, quantity 1, unit_price 8.00 (this request: none)' },
    ]);
  });

  it('says a field that is not stored differs when every stored value is the same', async () => {
    const res = await post({ ...first, customer: { ...first.customer, first_name: 'Maja' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      type: 'about:blank', title: 'Conflict', status: 409,
      detail: 'Purchase till-1 was already recorded with a different body (a field not stored differs)',
    });
  });
});

describe('POST /purchases/{id}/refunds with a refund id recorded with other values', () => {
  it('names the amount, time, reason and lines that differ', async () => {
    const refund = (body: object) => api.call('POST', '/api/v1/purchases/till-1/refunds', { body });
    expect((await refund({ external_id: 'ret-1', amount: '2.00', reason: 'Cold', lines: [{ sku: 'ESP', quantity: 1 }] })).statusCode).toBe(201);
    const res = await refund({ external_id: 'ret-1', amount: '2.20', reason: 'Spilt', occurred_at: '2026-05-02T09:00:00+02:00', lines: [{ sku: 'ESP', quantity: 2 }] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      type: 'about:blank', title: 'Conflict', status: 409,
      detail: 'Refund ret-1 was already recorded with other values: amount 2.00 (this request: 2.20); '
        + 'occurred_at 2026-06-01T14:00:00+02:00 (this request: 2026-05-02T09:00:00+02:00); reason "Cold" (this request: "Spilt"); lines.0.quantity 1 (this request: 2)',
      errors: [
        { field: 'amount', reason: '2.00 (this request: 2.20)' },
        { field: 'occurred_at', reason: '2026-06-01T14:00:00+02:00 (this request: 2026-05-02T09:00:00+02:00)' },
        { field: 'reason', reason: '"Cold" (this request: "Spilt")' },
        { field: 'lines.0.quantity', reason: '1 (this request: 2)' },
      ],
    });
  });
});
