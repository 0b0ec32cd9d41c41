import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// An order id (or a refund id) sent again with other values is a 409 that names each field
// that differs, with the recorded value and this request's, in the detail and in `errors`:
// the till's developer sees what their retry changed. A value spelled another way is no
// difference.

const api = useTestApp({
  keys: { pos: ['read', 'write'] },
  seed: (s) => s.stores.upsert({ code: 'lj-center', name: 'Ljubljana centre', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'test' }),
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

  // QA: the 409 was English whatever the dashboard asked for, unlike every other refusal (and a gift card's).
  it("tells the differences in the request's language, the values as they were written", async () => {
    const res = await api.call('POST', '/api/v1/purchases', { body: { ...first, store: undefined, total: '12.50', lines: [first.lines[0]] }, headers: { 'accept-language': 'sl' } });
    expect([res.statusCode, res.headers['content-language']]).toEqual([409, 'sl']);
    expect(res.json()).toEqual({
      type: 'about:blank', title: 'Konflikt', status: 409,
      detail: 'Nakup till-1 je že zabeležen z drugimi vrednostmi: total 12.40 (ta zahteva: 12.50); store lj-center (ta zahteva: brez); '
        + 'channel in_store (ta zahteva: other); lines 2 vrstici (ta zahteva: 1 vrstica); lines.1 sku CAKE, quantity 1, unit_price 8.00 (ta zahteva: brez)',
      errors: [
        { field: 'total', reason: '12.40 (ta zahteva: 12.50)' },
        { field: 'store', reason: 'lj-center (ta zahteva: brez)' },
        { field: 'channel', reason: 'in_store (ta zahteva: other)' },
        { field: 'lines', reason: '2 vrstici (ta zahteva: 1 vrstica)' },
        { field: 'lines.1', reason: 'sku CAKE, quantity 1, unit_price 8.00 (ta zahteva: brez)' },
      ],
    });
    const unnamed = await api.call('POST', '/api/v1/purchases', { body: { ...first, customer: { ...first.customer, first_name: 'Maja' } }, headers: { 'accept-language': 'ru' } });
    expect(unnamed.json().detail).toBe('Покупка till-1 уже записана с другим телом запроса (отличается поле, которое не сохраняется)');
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
  const refund = (body: object, language?: string) => api.call('POST', '/api/v1/purchases/till-1/refunds', { body, headers: language ? { 'accept-language': language } : {} });

  it('names the amount, time, reason and lines that differ', async () => {
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

  it("tells them in the request's language, and a refund id used for another purchase too", async () => {
    const res = await refund({ external_id: 'ret-1', amount: '2.00', reason: 'Cold', lines: [{ sku: 'ESP', quantity: 1 }, { sku: 'CAKE', quantity: 1 }] }, 'da');
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('Refunderingen ret-1 er allerede registreret med andre værdier: lines 1 linje (denne anmodning: 2 linjer); lines.1 ingen (denne anmodning: sku CAKE, quantity 1)');
    expect((await post({ ...first, external_id: 'till-3' })).statusCode).toBe(201);
    const elsewhere = await api.call('POST', '/api/v1/purchases/till-3/refunds', { body: { external_id: 'ret-1', amount: '1.00' }, headers: { 'accept-language': 'tr' } });
    expect([elsewhere.statusCode, elsewhere.json().detail]).toEqual([409, 'ret-1 iadesi zaten till-1 alışverişi için kaydedilmiş (iade kimliği tüm alışverişlerde benzersizdir)']);
  });
});
