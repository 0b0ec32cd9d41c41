import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { csvFiles } from '../../../test/helpers/csv-files.ts';
import { importFile } from '../../workflows/import-file.ts';
import { parseMapSpec } from '../imports/index.ts';

// A discount is taken from the lines: a till's receipt adds up, so it takes off at most what
// they cost (purchase-lines.ts). Audit: POST /purchases took an order whose discount was
// bigger than its lines while `regulars import` refused the same order — and refused it only
// when the file had no total column. One rule now, the same for a purchase, a batch and an
// import, naming `discount` in the language asked.

const api = useTestApp({ keys: { till: ['read', 'write'] } });
const files = csvFiles('discount-test');
afterAll(() => files.remove());

// Two espressos at 2.20 and a croissant of 1.5 × 1.99 (2.985 → 2.99 as the receipt prints it): the lines add up to 7.39.
const lines = [{ sku: 'ESP', quantity: 2, unit_price: '2.20' }, { sku: 'CRO', quantity: 1.5, unit_price: '1.99' }];
const order = (id: string, discount: string, total: string) =>
  ({ external_id: id, customer: { email: 'ana@example.com' }, occurred_at: '2026-05-20T09:00:00Z', total, discount, lines });
const buy = (body: object, language?: string) => api.call('POST', '/api/v1/purchases', { body, headers: language ? { 'accept-language': language } : {} });

describe('a discount bigger than the lines', () => {
  it('is refused by POST /purchases, naming discount and the lines\' sum, in the language asked; nothing is written', async () => {
    const en = await buy(order('d-1', '7.40', '0.00'));
    expect([en.statusCode, en.json().errors]).toEqual([422, [{ field: 'discount', reason: "€7.40 is more than the order's lines add up to (€7.39)" }]]);
    const sl = await buy(order('d-1', '7.40', '0.00'), 'sl');
    expect([sl.headers['content-language'], sl.json().errors]).toEqual(['sl', [{ field: 'discount', reason: '7,40\u00a0€ je več, kot znašajo postavke naročila skupaj (7,39\u00a0€)' }]]);
    expect((await buy(order('d-1', '10', '3.00'), 'ru')).json().errors).toEqual([{ field: 'discount', reason: '10,00\u00a0€ больше, чем сумма позиций заказа (7,39\u00a0€)' }]);
    expect((await api.call('GET', '/api/v1/purchases/d-1')).statusCode).toBe(404);
  });

  it('is refused in a batch too, that purchase alone', async () => {
    const res = await api.call('POST', '/api/v1/purchases/batch', { body: { purchases: [order('d-2', '8.00', '0.00'), order('d-3', '1.00', '6.39')] }, headers: { 'accept-language': 'da' } });
    const results = res.json().results as { status: string; error?: { errors?: { field: string; reason: string }[] } }[];
    expect(results.map((r) => r.status)).toEqual(['error', 'created']);
    expect(results[0].error?.errors).toEqual([{ field: 'discount', reason: '8,00\u00a0€ er mere, end ordrens linjer giver tilsammen (7,39\u00a0€)' }]);
  });

  it('is taken when it is all the lines (a free order with paid shipping), and without lines it is never compared', async () => {
    expect((await buy(order('d-4', '7.39', '3.90'))).statusCode).toBe(201);
    const noLines = { external_id: 'd-5', customer: { email: 'ana@example.com' }, occurred_at: '2026-05-20T09:00:00Z', total: '5.00', discount: '20.00' };
    expect((await buy(noLines)).statusCode).toBe(201);
  });

  it('is refused by the import the same way, with a total column or without, at the discount column', async () => {
    const map = parseMapSpec('external_id=order,customer_email=email,occurred_at=date,line_sku=sku,line_quantity=qty,line_unit_price=price,discount=off,total=paid', 'purchases');
    const withTotal = files.write([
      'order,email,date,sku,qty,price,off,paid',
      'i-1,bo@example.com,2026-05-04,ESP,2,2.20,7.40,0.00',
      'i-1,bo@example.com,2026-05-04,CRO,1.5,1.99,7.40,0.00',
      'i-2,bo@example.com,2026-05-04,ESP,2,2.20,4.40,0.00', // all of its lines: taken
    ]);
    const result = await importFile(api.services, { kind: 'purchases', file: withTotal, map, language: 'tr' });
    expect(result).toMatchObject({ orders: 2, created: 0, imported: false });
    expect(result.errors).toContainEqual({ line: 2, column: 'off', reason: '€7,40, siparişin kalemlerinin toplamından (€7,39) fazla' });
    const noTotal = files.write(['order,email,date,sku,qty,price,off', 'i-3,bo@example.com,2026-05-04,ESP,2,2.20,4.41']);
    const without = await importFile(api.services, { kind: 'purchases', file: noTotal, map: parseMapSpec('external_id=order,customer_email=email,occurred_at=date,line_sku=sku,line_quantity=qty,line_unit_price=price,discount=off', 'purchases') });
    expect(without.errors).toEqual([{ line: 2, column: 'off', reason: "€4.41 is more than the order's lines add up to (€4.40)" }]);
  });
});
