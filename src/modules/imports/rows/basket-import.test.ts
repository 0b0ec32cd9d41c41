import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { sharedData } from '../../../../test/helpers/shared-data.ts';
import { importFile } from '../../../workflows/import-file.ts';
import { parseMapSpec, suggestMap } from '../index.ts';

// Files with one row per item bought: the rows of one order id, one after another, are one
// purchase with its lines — so category and SKU multipliers apply to imported history, and
// products bought together are known.

const files = csvFiles('basket-test');
const write = files.write;

let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({
    program: {
      name: 'Coffee counts double',
      earning: { points_per_currency_unit: 1, rounding: 'floor', multipliers: [{ when: { categories: ['coffee'] }, factor: 2 }] },
      expiry: { policy: 'none' },
    },
  }, { actor: 'test' });
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

const balanceOf = async (email: string) => (await s.loyalty.account((await s.customers.findByIdentity({ kind: 'email', value: email }))!)).balance;

// The first two invoices of UCI Online Retail as its original file has them (one row per
// line item; dates written as ISO here). The data set's per-invoice file (../shared/data)
// has their summed quantity and mean line price, checked below against these lines.
const UCI = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01T08:26:00Z,2.55,17850,United Kingdom',
  '536365,71053,WHITE METAL LANTERN,6,2010-12-01T08:26:00Z,3.39,17850,United Kingdom',
  '536365,84406B,CREAM CUPID HEARTS COAT HANGER,8,2010-12-01T08:26:00Z,2.75,17850,United Kingdom',
  '536365,84029G,KNITTED UNION FLAG HOT WATER BOTTLE,6,2010-12-01T08:26:00Z,3.39,17850,United Kingdom',
  '536365,84029E,RED WOOLLY HOTTIE WHITE HEART.,6,2010-12-01T08:26:00Z,3.39,17850,United Kingdom',
  '536365,22752,SET 7 BABUSHKA NESTING BOXES,2,2010-12-01T08:26:00Z,7.65,17850,United Kingdom',
  '536365,21730,GLASS STAR FROSTED T-LIGHT HOLDER,6,2010-12-01T08:26:00Z,4.25,17850,United Kingdom',
  '536366,22633,HAND WARMER UNION JACK,6,2010-12-01T08:28:00Z,1.85,17850,United Kingdom',
  '536366,22632,HAND WARMER RED POLKA DOT,6,2010-12-01T08:28:00Z,1.85,17850,United Kingdom',
];

describe('a file with one row per line item', () => {
  it('reads UCI Online Retail\'s layout as baskets: the mapping is guessed, totals add up, a second import adds nothing', async () => {
    const map = suggestMap(UCI[0].split(','), 'purchases');
    expect(map).toEqual({
      external_id: 'InvoiceNo', customer_external_id: 'CustomerID', occurred_at: 'InvoiceDate',
      line_sku: 'StockCode', line_name: 'Description', line_quantity: 'Quantity', line_unit_price: 'UnitPrice',
    });
    const file = write(UCI);
    const first = await importFile(s, { kind: 'purchases', file, map });
    expect(first).toMatchObject({ rows: 9, orders: 2, created: 2, duplicates: 0, invalid: 0, imported: true });

    const invoice = await s.commerce.get('536365');
    expect(invoice.total).toBe('139.12');
    expect(invoice.lines).toHaveLength(7);
    expect(invoice.lines[5]).toEqual({ sku: '22752', name: 'SET 7 BABUSHKA NESTING BOXES', category: null, quantity: 2, unit_price: '7.65' });
    expect((await s.commerce.get('536366')).total).toBe('22.20');

    // The published per-invoice figures: summed quantity and mean line price.
    const published = fs.readFileSync(sharedData('online-retail', 'online_retail_invoices.csv'), 'utf8').split('\n');
    for (const id of ['536365', '536366']) {
      const [, , , , quantity, meanPrice] = published.find((l) => l.startsWith(`${id},`))!.split(',');
      const lines = (await s.commerce.get(id)).lines;
      expect(lines.reduce((q, l) => q + l.quantity, 0)).toBe(Number(quantity));
      expect((lines.reduce((p, l) => p + Number(l.unit_price), 0) / lines.length).toFixed(2)).toBe(Number(meanPrice).toFixed(2));
    }

    expect(await importFile(s, { kind: 'purchases', file, map })).toMatchObject({ rows: 9, orders: 2, created: 0, duplicates: 2, imported: true });

    // Its days and months swapped on a second export: named, not recorded as another purchase.
    const swapped = write(UCI.map((row) => row.replace('2010-12-01T08:28:00Z', '2010-01-12T08:28:00Z')));
    const again = await importFile(s, { kind: 'purchases', file: swapped, map });
    expect(again).toMatchObject({ imported: false, invalid: 2 });
    expect(again.errors[0]).toEqual({ line: 9, column: 'InvoiceNo', reason: 'order id 536366 was already recorded with other values: occurred_at 2010-12-01T09:28:00+01:00 (this request: 2010-01-12T09:28:00+01:00)' });
  });

  it('says a file is empty', async () => {
    await expect(importFile(s, { kind: 'purchases', file: write([]) })).rejects.toThrow('file: is empty: a CSV file begins with a line naming its columns');
  });

  it('reads a Shopify-style export: the order\'s fields on its first row only, its total and discount as given, category multipliers earn', async () => {
    const file = write([
      'Name,Email,Created at,Total,Discount Amount,Discount Code,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Category',
      '#1001,ana@example.com,2026-05-02T10:00:00+02:00,18.00,2.00,SPRING,2,Espresso beans 250 g,6.00,BEANS-250,coffee',
      '#1001,,,,,,1,Mug,8.00,MUG,kitchen',
      '#1002,ana@example.com,2026-05-03T10:00:00+02:00,4.40,,,2,Espresso,2.20,ESP,coffee',
    ]);
    const map = parseMapSpec('external_id=Name,customer_email=Email,line_category=Category', 'purchases');
    const suggested = suggestMap(fs.readFileSync(file, 'utf8').split('\n')[0].split(','), 'purchases');
    // "Name" is Shopify's order number: taken for the order id only beside Shopify's line columns.
    expect(suggestMap(['Name', 'Email', 'Date', 'Amount'], 'purchases').external_id).toBeUndefined();
    expect(suggested).toMatchObject({ external_id: 'Name', customer_email: 'Email', occurred_at: 'Created at', total: 'Total', discount: 'Discount Amount', promo_code: 'Discount Code', line_quantity: 'Lineitem quantity', line_name: 'Lineitem name', line_unit_price: 'Lineitem price', line_sku: 'Lineitem sku', line_category: 'Category' });
    const result = await importFile(s, { kind: 'purchases', file, map: { ...suggested, ...map } });
    expect(result).toMatchObject({ rows: 3, orders: 2, created: 2, invalid: 0, imported: true });
    const order = await s.commerce.get('#1001');
    expect(order).toMatchObject({ total: '18.00', discount: '2.00', promo_code: 'SPRING' });
    expect(order.lines.map((l) => [l.sku, l.category, l.quantity, l.unit_price])).toEqual([['BEANS-250', 'coffee', 2, '6.00'], ['MUG', 'kitchen', 1, '8.00']]);
    // #1001: 18.00 paid, the beans 12 of the lines' 20 → 18 × (0.6 × 2 + 0.4) = 28.8 → 28;
    // #1002: all coffee, 4.40 × 2 = 8.8 → 8.
    expect(await balanceOf('ana@example.com')).toBe(36);
  });

  it("leaves out a Shopify export's orders that were never paid, counted; an unknown status is the row's error", async () => {
    const file = write([
      'Name,Email,Financial Status,Created at,Total,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku',
      '#2001,cem@example.com,paid,2026-05-06T10:00:00+02:00,9.00,1,Mug,8.00,MUG',
      '#2001,,,,,1,Spoon,1.00,SPOON',
      '#2002,cem@example.com,pending,2026-05-06T11:00:00+02:00,8.00,1,Mug,8.00,MUG',
      '#2003,cem@example.com,Voided,2026-05-06T12:00:00+02:00,16.00,2,Mug,8.00,MUG',
      '#2003,,,,,1,Spoon,1.00,SPOON',
      '#2004,cem@example.com,partially_refunded,2026-05-07T10:00:00+02:00,8.00,1,Mug,8.00,MUG',
      '#2005,cem@example.com,on hold,2026-05-07T11:00:00+02:00,8.00,1,Mug,8.00,MUG', // line 8
    ]);
    const map = suggestMap(fs.readFileSync(file, 'utf8').split('\n')[0].split(','), 'purchases');
    expect(map).toMatchObject({ external_id: 'Name', payment_status: 'Financial Status' });
    const refused = await importFile(s, { kind: 'purchases', file, map });
    expect(refused).toMatchObject({ rows: 7, orders: 5, not_paid: 2, invalid: 1, imported: false });
    expect(refused.errors).toEqual([{ line: 8, column: 'Financial Status', reason: expect.stringContaining('"on hold" is not a payment status known here') }]);
    const imported = await importFile(s, { kind: 'purchases', file, map, skipInvalid: true });
    expect(imported).toMatchObject({ orders: 5, created: 2, duplicates: 0, not_paid: 2, invalid: 1, imported: true });
    await expect(s.commerce.get('#2002')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(s.commerce.get('#2003')).rejects.toMatchObject({ kind: 'not_found' });
    expect((await s.commerce.get('#2004')).total).toBe('8.00');
    expect(await balanceOf('cem@example.com')).toBe(17); // 9 + 8, nothing for the orders never paid
  });

  it('adds the lines up when the file has no total: each line rounded as a receipt prints it, less the discount', async () => {
    const file = write([
      'order,email,date,qty,unit_price,discount',
      'w-1,bo@example.com,2026-05-04,1.5,2.99,0.49', // 4.485 → 4.49
      'w-1,bo@example.com,2026-05-04,2,1.00,0.49',
    ]);
    const map = parseMapSpec('external_id=order,customer_email=email,occurred_at=date,line_quantity=qty,line_unit_price=unit_price', 'purchases');
    expect(await importFile(s, { kind: 'purchases', file, map })).toMatchObject({ rows: 2, orders: 1, created: 1, imported: true });
    expect(await s.commerce.get('w-1')).toMatchObject({ total: '6.00', discount: '0.49' });
  });

  it('refuses a basket whose rows disagree, or whose line is bad, naming each row — and imports nothing', async () => {
    const file = write([
      'order,email,date,sku,qty,price',
      'b-1,cy@example.com,2026-05-05,A,1,2.00', // line 2
      'b-1,cy@example.com,2026-05-06,B,1,3.00', // line 3: another date
      'b-2,cy@example.com,2026-05-05,A,-1,2.00', // line 4: a return
      'b-2,cy@example.com,2026-05-05,C,1,1.005', // line 5: a third decimal
      'b-3,cy@example.com,2026-05-05,A,two,2.00', // line 6
      'b-3,cy@example.com,2026-05-05,B,1,2.00', // line 7: fine, left out with its order
      'b-4,cy@example.com,2026-05-05,A,1,2.00', // line 8: fine
      'b-1,cy@example.com,2026-05-05,C,1,2.00', // line 9: b-1 again, after other orders
    ]);
    const map = parseMapSpec('external_id=order,customer_email=email,occurred_at=date,line_sku=sku,line_quantity=qty,line_unit_price=price', 'purchases');
    const result = await importFile(s, { kind: 'purchases', file, map });
    expect(result).toMatchObject({ rows: 8, orders: 5, created: 0, imported: false, invalid: 7 });
    expect(result.errors).toEqual([
      // b-1's rows are split by other orders' (line 9); its first rows have a problem too.
      { line: 2, column: 'order', reason: "order b-1 has rows on line 9 too, with other orders' rows between: put an order's rows one after another" },
      { line: 3, column: 'date', reason: '"2026-05-06" differs from "2026-05-05" on line 2, in the same order b-1' },
      { line: 4, column: 'qty', reason: 'is negative (-1): a returned item? Import returns as a refunds file naming their purchase, or leave the row out (skip invalid rows)' },
      { line: 5, column: 'price', reason: '"1.005" has more than 2 decimals for EUR' },
      { line: 6, column: 'qty', reason: 'must be a number such as 2 or 0.5, not "two"' },
      { line: 7, column: '(row)', reason: 'not imported: a row of order b-3, which has an error on line 6' },
      { line: 9, column: 'order', reason: 'order b-1 has rows on line 2 too, with other orders\' rows between: put an order\'s rows one after another' },
    ]);
    await expect(s.commerce.get('b-4')).rejects.toThrow();

    const skipping = await importFile(s, { kind: 'purchases', file, map, skipInvalid: true });
    expect(skipping).toMatchObject({ created: 1, invalid: 7, imported: true });
    expect((await s.commerce.get('b-4')).lines).toHaveLength(1);
  });

  it('leaves out both parts of an order split by another, though its first rows alone were fine', async () => {
    const file = write([
      'order,email,date,sku,qty,price',
      's-1,dy@example.com,2026-05-05,A,1,1.00', // line 2
      's-2,dy@example.com,2026-05-05,B,1,2.00',
      's-1,dy@example.com,2026-05-05,C,1,3.00', // line 4
      's-1,dy@example.com,2026-05-05,D,1,4.00',
    ]);
    const map = parseMapSpec('external_id=order,customer_email=email,occurred_at=date,line_sku=sku,line_quantity=qty,line_unit_price=price', 'purchases');
    const result = await importFile(s, { kind: 'purchases', file, map, skipInvalid: true });
    expect(result).toMatchObject({ rows: 4, created: 1, invalid: 3, imported: true });
    expect(result.errors).toEqual([
      { line: 2, column: 'order', reason: "order s-1 has rows on line 4 too, with other orders' rows between: put an order's rows one after another" },
      { line: 4, column: 'order', reason: "order s-1 has rows on line 2 too, with other orders' rows between: put an order's rows one after another" },
      { line: 5, column: '(row)', reason: 'not imported: a row of order s-1, which has an error on line 4' },
    ]);
    await expect(s.commerce.get('s-1')).rejects.toThrow();
  });

  it('names what a file with line items lacks before reading a row', async () => {
    const noOrderId = write(['email,date,sku,price', 'd@example.com,2026-05-05,A,2.00']);
    await expect(importFile(s, { kind: 'purchases', file: noOrderId, map: parseMapSpec('customer_email=email,occurred_at=date,line_sku=sku,line_unit_price=price', 'purchases') }))
      .rejects.toThrow('a file with one row per item needs the order id column external_id');
    const noPrice = write(['order,email,date,sku,total', 'o-1,d@example.com,2026-05-05,A,2.00']);
    await expect(importFile(s, { kind: 'purchases', file: noPrice, map: parseMapSpec('external_id=order,customer_email=email,occurred_at=date,line_sku=sku', 'purchases') }))
      .rejects.toThrow('line columns (line_sku) need line_unit_price too');
    const neither = write(['order,email,date', 'o-1,d@example.com,2026-05-05']);
    await expect(importFile(s, { kind: 'purchases', file: neither, map: parseMapSpec('external_id=order,customer_email=email,occurred_at=date', 'purchases') }))
      .rejects.toThrow('required column "total" is missing');
  });
});
