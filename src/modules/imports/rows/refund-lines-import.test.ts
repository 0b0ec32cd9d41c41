import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';
import { fitMapping, parseMapSpec, suggestMap } from '../index.ts';

// A returns file with one row per item returned: the rows of one refund id, one after
// another, are one refund of those lines — valued as the API values a refund by lines.

const files = csvFiles('refund-lines-test');
const write = files.write;

let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
  const purchases = write([
    'order,email,date,sku,qty,price',
    'P-1,ra@example.com,2026-05-02,ESP,2,2.20',
    'P-1,ra@example.com,2026-05-02,MUG,1,8.00',
    'P-2,ra@example.com,2026-05-03,ESP,1,2.20',
    'P-2,ra@example.com,2026-05-03,MUG,1,8.00',
  ]);
  const map = parseMapSpec('external_id=order,customer_email=email,occurred_at=date,line_sku=sku,line_quantity=qty,line_unit_price=price', 'purchases');
  expect(await importFile(s, { kind: 'purchases', file: purchases, map })).toMatchObject({ created: 2, imported: true });
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

describe('a returns file with one row per item', () => {
  it('refunds what the items were paid, a refund of several rows once, its quantities signed or not', async () => {
    const header = 'refund,order,sku,qty,date';
    const file = write([
      header,
      'RF-1,P-1,ESP,-1,2026-05-04', // a till writes returns negative
      'RF-1,P-1,MUG,1,2026-05-04',
      'RF-2,P-1,ESP,1,2026-05-05',
    ]);
    const map = suggestMap(header.split(','), 'refunds');
    expect(map).toEqual({ purchase: 'order', external_id: 'refund', line_sku: 'sku', line_quantity: 'qty', occurred_at: 'date' });
    expect(await importFile(s, { kind: 'refunds', file, map })).toMatchObject({ rows: 3, created: 2, invalid: 0, imported: true });
    expect((await s.commerce.get('P-1')).refunded).toBe('12.40');
    expect(await importFile(s, { kind: 'refunds', file, map })).toMatchObject({ created: 0, duplicates: 2, imported: true });
  });

  it('refuses an item not bought, or more than is left to return — counting the file\'s earlier rows — naming each row', async () => {
    const file = write([
      'refund,order,sku,qty',
      'RF-3,P-2,ESP,1', // line 2: fine alone
      'RF-4,P-2,ESP,1', // line 3: the only espresso went back on line 2
      'RF-5,P-2,CAKE,1', // line 4
      'RF-5,P-2,ESP,x', // line 5
    ]);
    const map = parseMapSpec('purchase=order,external_id=refund,line_sku=sku,line_quantity=qty', 'refunds');
    const result = await importFile(s, { kind: 'refunds', file, map });
    expect(result).toMatchObject({ imported: false, invalid: 3 });
    expect(result.errors).toEqual([
      { line: 3, column: 'qty', reason: 'exceeds the 0 of SKU ESP still returnable (1 bought)' },
      { line: 4, column: 'sku', reason: 'purchase P-2 has no line with SKU CAKE' },
      { line: 5, column: 'qty', reason: 'must be a number such as 2 or 0.5, not "x"' },
    ]);
    expect((await s.commerce.get('P-2')).refunded).toBe('0.00');
  });

  it('values items as the receipt printed them, less their share of the discount even when the total adds shipping', async () => {
    const purchases = write([
      'order,email,date,sku,qty,price,discount,total',
      '#1001,ra@example.com,2026-05-06,CB-250,2,12.50,3.39,35.41', // lines 33.90 − 3.39 + shipping 4.90
      '#1001,ra@example.com,2026-05-06,MUG-1,1,8.90,3.39,35.41',
      'T1,ra@example.com,2026-05-06,CHEESE,0.5,12.99,,', // 6.495 → 6.50 on the receipt
      'T1,ra@example.com,2026-05-06,OLIVES,1.5,0.33,,', // 0.495 → 0.50
    ]);
    const map = parseMapSpec('external_id=order,customer_email=email,occurred_at=date,line_sku=sku,line_quantity=qty,line_unit_price=price,discount=discount,total=total', 'purchases');
    expect(await importFile(s, { kind: 'purchases', file: purchases, map })).toMatchObject({ created: 2, imported: true });
    expect((await s.commerce.get('T1')).total).toBe('7.00');
    const returns = write(['refund,order,sku,qty', 'RS-1,#1001,CB-250,1', 'RS-2,T1,CHEESE,0.5', 'RS-2,T1,OLIVES,1.5']);
    expect(await importFile(s, { kind: 'refunds', file: returns, map: suggestMap(['refund', 'order', 'sku', 'qty'], 'refunds') })).toMatchObject({ created: 2, imported: true });
    expect((await s.commerce.get('#1001')).refunded).toBe('11.25'); // 12.50 × 30.51 / 33.90
    expect((await s.commerce.get('T1')).refunded).toBe('7.00'); // all of it, not a cent less
  });

  it('refuses a refund whose rows are split by another refund\'s — both parts', async () => {
    const file = write(['refund,order,sku,qty', 'RX-1,P-2,MUG,1', 'RX-2,P-2,ESP,1', 'RX-1,P-2,MUG,1']);
    const result = await importFile(s, { kind: 'refunds', file, map: suggestMap(['refund', 'order', 'sku', 'qty'], 'refunds'), skipInvalid: true });
    expect(result).toMatchObject({ created: 1, invalid: 2, imported: true });
    expect(result.errors).toEqual([
      { line: 2, column: 'refund', reason: "refund RX-1 has rows on line 4 too, with other refunds' rows between: put a refund's rows one after another" },
      { line: 4, column: 'refund', reason: "refund RX-1 has rows on line 2 too, with other refunds' rows between: put a refund's rows one after another" },
    ]);
    expect((await s.commerce.get('P-2')).refunded).toBe('2.20');
  });

  it('names a quantity without its SKU before reading a row', async () => {
    const file = write(['refund,order,qty', 'RF-9,P-2,1']);
    await expect(importFile(s, { kind: 'refunds', file, map: parseMapSpec('purchase=order,external_id=refund,line_quantity=qty', 'refunds') }))
      .rejects.toThrow('line_quantity needs line_sku too');
  });
});

describe('a command line without --map', () => {
  it('guesses the columns a file does not name as Regulars does, only when the file does not fit as given', async () => {
    const returns = write(['refund,order,sku,qty', 'RG-1,P-1,MUG,1']);
    await expect(fitMapping(returns, 'refunds', {})).resolves.toEqual({
      map: { purchase: 'order', external_id: 'refund', line_sku: 'sku', line_quantity: 'qty' },
      guessed: { purchase: 'order', external_id: 'refund', line_sku: 'sku', line_quantity: 'qty' },
    });
    // A file that fits is read as given: its "Quantity" column is not taken for line items.
    const fits = write(['external_id,customer_email,occurred_at,total,Quantity', 'F-1,f@example.com,2026-05-01,2.00,3']);
    await expect(fitMapping(fits, 'purchases', {})).resolves.toEqual({ map: {}, guessed: {} });
    // One that fits neither way is refused as given.
    const neither = write(['a,b', '1,2']);
    // It names the command line's way of mapping another column.
    await expect(fitMapping(neither, 'refunds', {})).rejects.toThrow('required column "purchase" is missing (map another column with --map purchase=COLUMN)');
  });

  it("takes an item's \"price\" for its unit price beside a quantity or SKU, and names the guesses with what is still missing", async () => {
    const items = write(['order_id,email,date,sku,category,qty,price', 'I-1,i@example.com,2026-05-01,MUG,kitchen,2,8.00']);
    const guessed = { external_id: 'order_id', customer_email: 'email', occurred_at: 'date', line_sku: 'sku', line_category: 'category', line_quantity: 'qty', line_unit_price: 'price' };
    await expect(fitMapping(items, 'purchases', {})).resolves.toEqual({ map: guessed, guessed });
    // Without a quantity or SKU, "price" is the purchase's.
    expect(suggestMap(['order_id', 'email', 'date', 'price'], 'purchases')).toMatchObject({ total: 'price' });
    const noPrice = write(['order_id,email,date,sku,qty', 'I-2,i@example.com,2026-05-01,MUG,2']);
    await expect(fitMapping(noPrice, 'purchases', {})).rejects.toThrow(
      'line columns (line_sku, line_quantity) need line_unit_price too: a row is one item bought, at its unit price (with the columns guessed: external_id=order_id, customer_email=email, occurred_at=date, line_sku=sku, line_quantity=qty; --map to choose others)',
    );
  });
});
