import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// Every date a client sends is at least 1900-01-01 (clock.ts EARLIEST_DATE). QA: a till's
// typo "0026-01-01" for 2026 was a 500 ("date/time field value out of range" on
// PostgreSQL), failing a whole batch with it; "0026-06-01T10:00:00Z" was recorded with
// the local date 1926-06-01; a year 1000 was taken, and the customer a customer since
// then. Now each is a 422 naming the field, in the language asked, and a batch answers
// each of its purchases. "Now" is 2026-06-01T12:00:00Z.

const api = useTestApp({ keys: { till: ['read', 'write'] } });

const purchase = (id: string, occurredAt: string) => ({ external_id: id, customer: { external_id: `c-${id}` }, occurred_at: occurredAt, total: '1.00' });
const buy = (body: object, language?: string) => api.call('POST', '/api/v1/purchases', { body, headers: language ? { 'accept-language': language } : {} });
const tooEarly = [{ field: 'occurred_at', reason: 'must not be before 1900-01-01' }];

describe('a purchase dated before 1900-01-01', () => {
  it('is refused naming occurred_at, a date or a timestamp of any year before it; nothing is written', async () => {
    for (const [id, at] of [['d26', '0026-01-01'], ['d0', '0000-01-01T00:00:00Z'], ['d26t', '0026-06-01T10:00:00Z'], ['d1000', '1000-01-01'], ['d1899', '1899-12-31T23:30:00+02:00']]) {
      const res = await buy(purchase(id, at));
      expect([id, res.statusCode, res.json().errors]).toEqual([id, 422, tooEarly]);
      expect((await api.call('GET', `/api/v1/purchases/${id}`)).statusCode).toBe(404);
    }
  });

  it('is told so in each language', async () => {
    const reasons = [];
    for (const language of ['sl', 'tr', 'da', 'ru']) reasons.push((await buy(purchase('d26', '0026-01-01'), language)).json().errors[0].reason);
    expect(reasons).toEqual(['ne sme biti pred 1900-01-01', '1900-01-01 tarihinden önce olamaz', 'må ikke ligge før 1900-01-01', 'не может быть раньше 1900-01-01']);
  });

  it('is one refused item of a batch: the others are recorded', async () => {
    const res = await api.call('POST', '/api/v1/purchases/batch', { body: { purchases: [purchase('b-good', '2026-05-20'), purchase('b-zero', '0000-01-01T00:00:00Z')] } });
    const results = res.json().results as { status: string; error?: { errors?: unknown[] } }[];
    expect(results.map((r) => r.status)).toEqual(['created', 'error']);
    expect(results[1].error?.errors).toEqual(tooEarly);
    expect((await api.call('GET', '/api/v1/purchases/b-good')).statusCode).toBe(200);
  });

  it('1900-01-01 itself is taken, on its own local date', async () => {
    const res = await buy(purchase('d1900', '1900-01-01'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ occurred_at: '1899-12-31T23:00:00.000Z', local_date: '1900-01-01' }); // midnight in Ljubljana (CET)
  });

  it('a refund dated before it is refused naming occurred_at', async () => {
    expect((await buy(purchase('r-1', '2026-05-20'))).statusCode).toBe(201);
    const res = await api.call('POST', '/api/v1/purchases/r-1/refunds', { body: { external_id: 'r-1-back', amount: '0.50', occurred_at: '0026-05-21' } });
    expect([res.statusCode, res.json().errors]).toEqual([422, tooEarly]);
  });

  it('a query\'s period that starts before it is refused naming from', async () => {
    const res = await api.call('GET', '/api/v1/analytics/metrics?from=0026-01-01&to=2026-05-31');
    expect([res.statusCode, res.json().errors]).toEqual([422, [{ field: 'from', reason: 'must not be before 1900-01-01' }]]);
  });
});
