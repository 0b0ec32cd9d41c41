import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A purchase with several bad fields is told all of them in one 422, as an import tells
// every problem of a line. QA F9: occurred_at "2026-13-01", total "12.345" and currency
// "USD" (the business's is EUR) answered only the date's problem; fixed, only the
// currency's; then the total's. A batch's item is told the same way. Nothing is written.

const api = useTestApp({ keys: { pos: ['read', 'write'] } });

const bad = { external_id: 'bad-1', customer: { email: 'bad@example.com' }, occurred_at: '2026-13-01', total: '12.345', currency: 'USD' };
const post = (body: object, language?: string) => api.call('POST', '/api/v1/purchases', { body, headers: language ? { 'accept-language': language } : {} });

describe('a purchase with several bad fields', () => {
  it('is one 422 naming each field and why, the schema\'s problems and the business\'s alike', async () => {
    const res = await post(bad);
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as { field: string; reason: string }[];
    expect(errors).toEqual([
      { field: 'occurred_at', reason: 'is not a day of the calendar (2026-13-01)' },
      { field: 'currency', reason: 'USD is not the business currency EUR; convert before sending' },
      { field: 'total', reason: '"12.345" has more than 2 decimals for EUR' },
    ]);
    expect(res.json().detail).toBe(`Invalid purchase: ${errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`);
    expect(await api.services.db.selectFrom('purchases').select('id').where('external_id', '=', 'bad-1').execute()).toEqual([]);
  });

  it('tells each of them in the language asked', async () => {
    const res = await post(bad, 'sl');
    expect([res.statusCode, res.headers['content-language']]).toEqual([422, 'sl']);
    expect(res.json().errors.slice(0, 2)).toEqual([
      { field: 'occurred_at', reason: 'tega dne ni v koledarju (2026-13-01)' },
      { field: 'currency', reason: 'USD ni valuta podjetja (EUR); zneske pretvorite pred pošiljanjem' },
    ]);
    expect(res.json().errors[2]).toEqual({ field: 'total', reason: expect.stringContaining('"12.345"') });
    expect(res.json().detail).toBe(`Neveljaven nakup: ${res.json().errors.map((e: { field: string; reason: string }) => `${e.field}: ${e.reason}`).join('; ')}`);
  });

  it('names every problem the schema lets through too: a line\'s price, a discount, a date too far ahead', async () => {
    const res = await post({
      external_id: 'bad-2', customer: { email: 'bad2@example.com' }, occurred_at: '2026-06-05T10:00:00Z', total: '10.001', discount: '0.999',
      lines: [{ sku: 'A', unit_price: '5.00' }, { sku: 'B', unit_price: '5.005' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['occurred_at', 'total', 'discount', 'lines.1.unit_price']);
    expect(res.json().errors[0]).toEqual({ field: 'occurred_at', reason: 'is more than a day in the future' });
    expect(res.json().detail).toMatch(/^Invalid purchase: occurred_at: .*; total: .*; discount: .*; …$/);
  });

  it('keeps the refusal of a single problem as it was', async () => {
    const res = await post({ external_id: 'bad-3', customer: { email: 'bad3@example.com' }, occurred_at: '2026-05-01T10:00:00Z', total: '12.00', currency: 'USD' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ detail: 'currency: USD is not the business currency EUR; convert before sending', errors: [{ field: 'currency' }] });
    const day = await post({ external_id: 'bad-4', customer: { email: 'bad4@example.com' }, occurred_at: '2026-13-01', total: '12.00' });
    expect(day.json().errors).toHaveLength(1);
    expect(day.json().errors[0].field).toBe('occurred_at');
  });

  // Regression: a currency of null was "must be text" (store and promo_code take null as
  // not given), and an empty one read " is not the business currency EUR".
  it('reads a currency of null as not given, and refuses an empty one as empty', async () => {
    const none = await post({ external_id: 'cur-1', customer: { email: 'cur@example.com' }, occurred_at: '2026-05-01T10:00:00Z', total: '12.00', currency: null });
    expect([none.statusCode, none.json().currency]).toEqual([201, 'EUR']);
    const empty = await post({ external_id: 'cur-2', customer: { email: 'cur@example.com' }, occurred_at: '2026-05-01T10:00:00Z', total: '12.00', currency: ' ' });
    expect([empty.statusCode, empty.json().errors]).toEqual([422, [{ field: 'currency', reason: 'must not be empty' }]]);
    expect((await api.call('GET', '/api/v1/purchases/cur-2')).statusCode).toBe(404);
  });

  it('is told the same way for an item of a batch, beside the items recorded', async () => {
    const good = { external_id: 'ok-1', customer: { email: 'ok@example.com' }, occurred_at: '2026-05-01T10:00:00Z', total: '12.00' };
    const res = await api.call('POST', '/api/v1/purchases/batch', { body: { purchases: [good, bad] }, headers: { 'accept-language': 'da' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, errors: 1 });
    const item = res.json().results[1];
    expect(item).toMatchObject({ index: 1, status: 'error', error: { status: 422, detail: expect.stringMatching(/^Ugyldigt køb: /) } });
    expect(item.error.errors.map((e: { field: string }) => e.field)).toEqual(['occurred_at', 'currency', 'total']);
    expect(item.error.errors[1].reason).toBe('USD er ikke virksomhedens valuta (EUR); omregn før afsendelse');
  });
});
